"""The search's synonym and spelling list (content/reference/search-synonyms.yml).

Every group is checked twice without a browser: each of its variants maps to the whole group,
and each open sample vacancy whose text holds a variant (found here with a plain regular
expression, not with the module's matcher) gets the group's other words in its indexed text.
tests/test_browser_search.py types a representative set into the real search page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import ROOT, TODAY

from antarkerja.site.synonyms import SynonymsError, fold, load_synonyms, synonym_words, vacancy_text

SYNONYMS = load_synonyms(ROOT)
GROUPS = {" / ".join(g.words): g for g in SYNONYMS.groups}


@pytest.fixture(scope="module")
def model():
    from antarkerja.records.validate import validate_repository
    from antarkerja.reference import load_reference
    from antarkerja.site.model import build_site

    result = validate_repository(ROOT)
    return build_site([r.data for r in result.vacancies], [o.data for o in result.offices], load_reference(ROOT), TODAY)


def holds(text: str, variant: str) -> bool:
    """``variant`` as whole words of ``text`` (case-insensitive; -nya/-lah/-kah allowed)."""
    pattern = r"\b" + r"\s+".join(map(re.escape, variant.split())) + r"(?:nya|lah|kah)?\b"
    return re.search(pattern, text.lower()) is not None


def test_the_list_is_small_and_documented():
    assert 20 <= len(SYNONYMS.groups) <= 50
    assert all(g.note for g in SYNONYMS.groups)


@pytest.mark.parametrize("name", GROUPS)
def test_every_variant_expands_to_its_whole_group(name):
    group = GROUPS[name]
    for variant in group.words:
        assert group in SYNONYMS.matches(variant), variant
        assert SYNONYMS.matches(variant.upper() + ",") == SYNONYMS.matches(variant), "case and punctuation"
        indexed = set(fold(variant)) | set(SYNONYMS.extra_words(variant).split())
        assert indexed >= set(group.terms), f"{variant!r} lacks {set(group.terms) - indexed}"


@pytest.mark.parametrize("name", GROUPS)
def test_every_group_reaches_open_sample_vacancies(name, model):
    group = GROUPS[name]
    intended = [v for v in model.open_vacancies if any(holds(vacancy_text(v), w) for w in group.words)]
    assert intended, f"no open sample vacancy holds any of {group.words}: add one or drop the group"
    for v in intended:
        indexed = set(fold(vacancy_text(v))) | set(synonym_words(SYNONYMS, v).split())
        assert indexed >= set(group.terms), f"{v.id} lacks {set(group.terms) - indexed}"
    others = [v.id for v in model.open_vacancies if v not in intended and group in SYNONYMS.matches(vacancy_text(v))]
    assert not others, f"{others} match {group.words} without holding any of its words"


def plain_matching(text: str) -> list:
    """The matcher's definition, written plainly: each group, in file order, with a variant
    among the text's words (also with -nya/-lah/-kah dropped), or a phrase variant within
    them. The module looks the text's words up in the variants instead."""
    words = fold(text)
    joined = " ".join(words)
    bare = re.sub(r"\b([a-z0-9]{3,})(?:nya|lah|kah)\b", r"\1", joined)
    tokens = set(words) | set(bare.split())
    padded = (f" {joined} ", f" {bare} ")
    return [
        g
        for g in SYNONYMS.groups
        if any(w in tokens if " " not in w else any(f" {w} " in p for p in padded) for w in g.words)
    ]


def texts_we_did_not_write() -> list[str]:
    """Vacancy texts from the trust corpus (news reports, public posts and job boards, each
    with its source in the file), the judged queries as people type them, and the hostile
    texts of the robustness cases."""
    import yaml

    texts = []
    for name in ("corpus.yml", "heldback.yml"):
        texts += [
            item["text"] for item in yaml.safe_load((ROOT / "tests" / "trust" / name).read_text("utf-8"))["texts"]
        ]
    queries = yaml.safe_load((ROOT / "tests" / "search_quality" / "queries.yml").read_text("utf-8"))
    texts += [q["q"] for q in queries["queries"]]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "tests" / "robustness" / "cases").rglob("*.yml"))]
    return texts


def test_the_matcher_finds_what_its_plain_definition_finds_in_texts_we_did_not_write():
    texts = texts_we_did_not_write()
    assert len(texts) > 300
    matched = 0
    for text in texts:
        want = plain_matching(text)
        assert SYNONYMS.matches(text) == want, text[:80]
        matched += bool(want)
    # A variant with a particle, and a phrase: built here, as the corpus holds few of either.
    for group in SYNONYMS.groups:
        for w in group.words:
            if " " not in w and len(w) >= 3:
                text = f"Dicari {w.capitalize()}lah yang jujur"
                assert group in SYNONYMS.matches(text) and SYNONYMS.matches(text) == plain_matching(text), w
    # Phrases too: a text holding a group's phrase (and nothing else of the group) finds it.
    phrases = [(w, g) for g in SYNONYMS.groups for w in g.words if " " in w]
    assert phrases, "the list holds no phrase: this test no longer checks them"
    for phrase, group in phrases:
        assert group in SYNONYMS.matches(f"Dibutuhkan segera {phrase.upper()}nya, kota lain"), phrase
    assert matched > 20, matched  # the corpus reaches the groups, so the comparison means something


def test_a_near_word_is_not_a_match():
    """Whole words only: maintenance ("perawatan") is not nursing, "operasional" not "operator"."""
    assert not [g for g in SYNONYMS.matches("Teknisi perawatan mesin operasional") if "perawat" in g.words]
    assert not [g for g in SYNONYMS.matches("biaya operasional") if "operator" in g.words]
    assert [g.words[0] for g in SYNONYMS.matches("Sopirnya ramah")] == ["pengemudi"]


def test_the_vacancy_page_indexes_the_extra_words_hidden(sample_site, model):
    v = next(v for v in model.open_vacancies if v.id.startswith("pengemudi-truk"))
    page = (sample_site / v.url / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<p hidden data-pagefind-weight="5">([^<]*)</p>', page)
    assert m, "no hidden synonym words of the title on the vacancy page"
    assert {"sopir", "supir", "driver", "truck"} <= set(m.group(1).split())
    start = page.index("data-pagefind-body")
    assert start < m.start() < page.index("</article>", start), "outside the indexed body"


def test_groups_only_the_description_holds_are_indexed_at_low_weight(sample_site, model):
    # the barista's description mentions the cashier: "cashier" must not rank it with the cashier
    v = next(v for v in model.open_vacancies if v.id.startswith("barista"))
    assert "kasir" in vacancy_text(v).lower() and "kasir" not in v.title.lower()
    page = (sample_site / v.url / "index.html").read_text(encoding="utf-8")
    low = re.search(r'<p hidden data-pagefind-weight="0.5">([^<]*)</p>', page)
    assert low and "cashier" in low.group(1).split()
    high = re.search(r'<p hidden data-pagefind-weight="5">([^<]*)</p>', page)
    assert not high or "cashier" not in high.group(1).split()
    parts = set(synonym_words(SYNONYMS, v, "title").split()) | set(synonym_words(SYNONYMS, v, "text").split())
    assert parts == set(synonym_words(SYNONYMS, v).split())


# Bad entries ---------------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "content" / "reference"
    folder.mkdir(parents=True)
    (folder / "search-synonyms.yml").write_text(text, encoding="utf-8")
    return tmp_path


def problems(tmp_path: Path, text: str) -> str:
    with pytest.raises(SynonymsError) as info:
        load_synonyms(write(tmp_path, text))
    return str(info.value)


def test_a_missing_file_means_no_synonyms(tmp_path):
    assert load_synonyms(tmp_path).groups == ()


def test_bad_entries_are_named_with_line_and_fix(tmp_path):
    text = "\n".join(
        [
            "groups:",
            "  - words: [sopir, Supir]",  # 2: capital
            "    note: Ejaan.",
            "  - words: [kasir]",  # 4: one word
            "    note: Satu kata.",
            "  - words: [driver, sopir]",  # 6: sopir again
            "    note: Dua kali.",
            "  - words: [satpam, security]",  # 8: no note
            "  - words: [spg, pramuniaga]",
            "    note: Baik.",
            "    contoh: x",  # 11: unknown key
            "",
        ]
    )
    message = problems(tmp_path, text)
    path = "search-synonyms.yml"
    assert f"{path}:2:20: groups[0].words[1]: `Supir` harus huruf kecil" in message and "tulis `supir`" in message
    assert f"{path}:4:5: groups[1].words: `words` harus daftar berisi 2 sampai 8 kata" in message
    assert f"{path}:6:21: groups[2].words[1]: `sopir` sudah ada di kelompok baris 2" in message
    assert f"{path}:8:5: groups[3]: `note` wajib diisi" in message
    assert f"{path}:11:13: groups[4].contoh: kunci `contoh` tidak dikenal" in message
    assert message.count(path) == 5, message


def test_not_a_list_and_bad_yaml_are_reported_not_raised(tmp_path):
    assert "berkas harus berisi `groups:`" in problems(tmp_path / "a", "kelompok: []\n")
    message = problems(tmp_path / "b", "groups:\n  - words: [a, b\n")
    assert "search-synonyms.yml:" in message and "baris 2" in message


def test_a_bad_list_stops_the_build_with_its_message(tmp_path):
    from antarkerja.errors import BuildFailed

    with pytest.raises(BuildFailed, match="Daftar sinonim pencarian tidak valid"):
        load_synonyms(write(tmp_path, "groups:\n  - words: [sopir]\n    note: x\n"))


# Groups added for the judged queries of tests/search_quality/queries.yml (issue #25): each
# names its public source in a comment just above it.
SOURCED = [
    "shop assistant",
    "tukang masak",
    "tukang jahit",
    "pembantu rumah tangga",
    "tour guide",
    "store manager",
    "kuli bangunan",
    "freelance",
    "truck",
]


@pytest.mark.parametrize("word", SOURCED)
def test_added_words_load_and_their_groups_cite_a_source(word):
    group = SYNONYMS.variants()[word]
    lines = (ROOT / "content" / "reference" / "search-synonyms.yml").read_text(encoding="utf-8").splitlines()
    assert lines[group.line - 2].lstrip().startswith("#"), f"no source comment above line {group.line}"


@pytest.mark.parametrize(
    "title, typed",
    [
        ("Tukang Bangunan", "kuli bangunan"),
        ("Penerjemah Lepas Inggris–Indonesia", "freelance"),
        ("Kepala Toko", "store manager"),
        ("Pemandu Wisata Mitra", "pramuwisata"),
        ("Pemandu Wisata Mitra", "tour guide"),
        ("Penjahit Garmen", "tukang jahit"),
        ("Juru Masak Hotel", "tukang masak"),
        ("Pengemudi Truk Trailer", "truck"),
        ("Pekerja Rumah Tangga Hong Kong", "pembantu rumah tangga"),
    ],
)
def test_a_title_is_found_by_the_added_words(title, typed):
    indexed = set(fold(title)) | set(SYNONYMS.extra_words(title).split())
    assert set(fold(typed)) <= indexed
