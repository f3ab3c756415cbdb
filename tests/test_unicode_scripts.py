"""Text in any script builds and is found: validate, build and search with generated vacancies.

"Barista Café" once stopped every build (Pagefind stores "café" as a diacritic variant of
"cafe", which the bundle canonicaliser misread). Hypothesis draws vacancy titles and
descriptions from the letters of every Unicode script that Python's Unicode database knows,
with combining marks, in NFC or NFD. All drawn vacancies go into one repository, which must
validate without an error, build with its search index, and give every vacancy back in
Chromium's real Pagefind search for a word of its own title and a word of its description.
One build for all examples keeps this fast.
"""

from __future__ import annotations

import json
import unicodedata

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from support import GOOD_VACANCY, TODAY, make_repo

from antarkerja.records.validate import validate_repository
from antarkerja.site.build import build_site
from antarkerja.site.pagefind_canon import _fragment_url, read

pytestmark = pytest.mark.browser

EXAMPLES = 220
ALL_LETTERS = "".join(
    chr(c)
    for c in range(0x110000)
    if unicodedata.category(chr(c)) in ("Lu", "Ll", "Lt", "Lo")
    and unicodedata.normalize("NFD", chr(c))[0] == chr(c)  # not an alias such as KELVIN SIGN (= K)
)
ALL_MARKS = "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Mn")


def _scripts() -> dict[str, tuple[str, str]]:
    """Letters and combining marks by script, as Python's Unicode database names them.

    The standard library has no Script property; the first word of a character's name
    ("CYRILLIC SMALL LETTER A", "HIRAGANA LETTER A", "CJK UNIFIED IDEOGRAPH-4E00") names its
    script, which is close enough to draw from every script (a few multi-word names such as
    "OLD ITALIC" and "OLD PERSIAN" share a group). Marks named "COMBINING …" go with every script.
    """
    letters: dict[str, list[str]] = {}
    marks: dict[str, list[str]] = {}
    for char in ALL_LETTERS:
        letters.setdefault(unicodedata.name(char, "?").split(" ")[0].split("-")[0], []).append(char)
    for char in ALL_MARKS:
        marks.setdefault(unicodedata.name(char, "?").split(" ")[0], []).append(char)
    common = "".join(marks.get("COMBINING", []))
    return {
        name: ("".join(chars), "".join(marks.get(name, [])) or common)
        for name, chars in sorted(letters.items())
        if name not in ("?", "COMBINING")
    }


SCRIPTS = _scripts()


@st.composite
def words(draw, script: str) -> str:
    letters, marks = SCRIPTS[script]
    out = ""
    for _ in range(draw(st.integers(3, 6))):
        out += draw(st.sampled_from(letters))
        if marks and draw(st.integers(0, 3)) == 0:  # a combining sequence
            out += "".join(draw(st.lists(st.sampled_from(marks), min_size=1, max_size=2)))
    return out


@st.composite
def texts(draw) -> tuple[str, str, str]:
    """(form, title, description): words of one or two scripts, NFC or NFD."""
    form = draw(st.sampled_from(["NFC", "NFD"]))
    chosen = draw(st.lists(st.sampled_from(sorted(SCRIPTS)), min_size=1, max_size=2))
    title = [draw(words(s)) for s in chosen]
    description = [draw(words(s)) for s in reversed(chosen)]
    return form, unicodedata.normalize(form, " ".join(title)), unicodedata.normalize(form, " ".join(description))


FIXED = [
    ("NFC", "Barista Café", "Meracik kopi espresso"),
    ("NFD", unicodedata.normalize("NFD", "Barista Café Résumé"), "Kafe di Kuta"),
    ("NFC", "株式会社見本工業 製造", "三星样品电子 装配工"),
    ("NFC", "Оператор Продукции", "Ҷойи корӣ"),
]


@pytest.fixture(scope="module")
def drawn() -> list[tuple[str, str, str]]:
    found = list(FIXED)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(texts())
    def collect(example):
        found.append(example)

    collect()
    # And every script at least once, whatever Hypothesis drew: its first letters with a mark,
    # and its last letters, in NFD when the script has marks to decompose.
    for letters, marks in SCRIPTS.values():
        first, last = (letters * 3)[:5], (letters * 4)[-4:]  # a script may have a single letter
        title = first[:3] + marks[:1] + first[3:]
        found.append(("NFD", unicodedata.normalize("NFD", title), unicodedata.normalize("NFD", last)))
    return found


def _record(n: int, title: str, description: str) -> str:
    data = yaml.safe_load(GOOD_VACANCY)
    data["id"] = f"skrip-{n:03d}"
    data["title"] = title
    data["employer"]["name"] = f"PT Contoh Aksara {n}"  # one employer each: the same words twice are no duplicate
    data["description"] = f"{description}\n\n{data['description']}"
    return "# Data contoh untuk pengujian.\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def site(drawn, tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setenv("ANTARKERJA_TODAY", TODAY.isoformat())
    tmp = tmp_path_factory.mktemp("scripts")
    files = {f"jawa-barat/skrip-{n:03d}.yml": _record(n, t, d) for n, (_, t, d) in enumerate(drawn)}
    root = make_repo(tmp / "root", files)
    errors = [d.format() for d in validate_repository(root).diagnostics if d.severity == "error"]
    assert errors == []
    return build_site(root, output=tmp / "out", today=TODAY.isoformat(), siteurl="", search=True)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_examples_cover_every_script_and_both_forms(drawn):
    assert len(drawn) >= 200
    assert {form for form, _, _ in drawn} == {"NFC", "NFD"}
    assert len(SCRIPTS) > 100  # every script with letters in Python's Unicode database
    seen = {name for name, (letters, _) in SCRIPTS.items() for _, t, d in drawn if set(letters) & set(t + d)}
    assert seen == set(SCRIPTS)
    assert any(unicodedata.combining(c) for _, t, _ in drawn for c in t)


def test_every_vacancy_is_found_by_its_own_words(drawn, site, browser):
    from conftest import served

    bundle = site / "pagefind" / "semua"  # a small site: one national bundle (search.bundles)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read(bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")
    url_of = {page[0]: _fragment_url(bundle, page[0]) for page in meta[1]}
    queries = []
    for n, (_, title, description) in enumerate(drawn):
        for text in (title, description):
            queries.append((f"/lowongan/skrip-{n:03d}/", text.split(" ")[0]))
    server = served(site)
    base = next(server)
    try:
        page = browser.new_page()
        page.goto(f"{base}/cari/")
        ids = page.evaluate(
            """async (queries) => {
                // The one shared engine (search.share_engine); the search page's script
                // answers the bundle's WASM request from the engine's copy.
                const engine = await import('/pagefind/mesin/pagefind.js');
                const pagefind = engine.createInstance({ basePath: '/pagefind/semua/', noWorker: true });
                await pagefind.init();
                const out = [];
                for (const q of queries) out.push((await pagefind.search(q)).results.map((r) => r.id));
                return out;
            }""",
            [q for _, q in queries] + ["qzxjvw"],
        )
        assert ids.pop() == []  # a word no vacancy has finds nothing: the search is not "everything"
        page.close()
    finally:
        next(server, None)
    missing = [
        (url, query, [unicodedata.name(c, hex(ord(c))) for c in query])
        for (url, query), found in zip(queries, ids, strict=True)
        if url not in {url_of.get(i) for i in found}
    ]
    assert missing == []
