"""The national word index (antarkerja.site.outputs.words) on the sample content.

What a word finds is computed here from the model's own fields with a plain regular
expression, not from the index code, so a word lost or misplaced by the index fails.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest

from antarkerja.paths import reference_dir
from antarkerja.reference import load_reference
from antarkerja.site.model import build_site
from antarkerja.site.outputs import OutputContext, words
from antarkerja.site.paginate import locate
from antarkerja.site.search import BLOCK_SIZE, SHARD_SIZE
from antarkerja.site.synonyms import load_synonyms

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def model():
    from antarkerja.records.validate import validate_repository

    result = validate_repository(ROOT)
    return build_site([r.data for r in result.vacancies], [o.data for o in result.offices], load_reference(ROOT), TODAY)


@pytest.fixture(scope="module")
def written(model):
    ctx = OutputContext(siteurl="", sitename="Antar Kerja", settings={"ANTARKERJA_ROOT": str(ROOT)})
    return {f.path: json.loads(f.data) for f in words.outputs(model, ctx)}


def decode(entry) -> dict[int, list[int]]:
    out = {}
    for scope, first, *gaps in entry:
        ords = [first]
        for g in gaps:
            ords.append(ords[-1] + g)
        out[scope] = ords
    return out


def found(written, word: str) -> dict[int, list[int]]:
    """What the page reads for a whole word: its file (three letters when split), its postings."""
    keys = set(written["cari/kata/kunci.json"]["files"])
    key = next(word[:n] for n in (4, 3, 2) if word[:n] in keys or n == 2)
    return decode(written[f"cari/kata/{key}.json"].get(word, []))


def test_a_title_word_finds_exactly_the_vacancies_whose_title_or_employer_or_place_holds_it(model, written):
    scopes = written["cari/kata/wilayah.json"]["scopes"]
    for word in ("operator", "satpam", "perawat", "bekasi", "jahit"):
        pattern = re.compile(rf"\b{word}\b", re.I)
        expected = {
            i
            for i, v in enumerate(reversed(model.open_vacancies))  # ordinals count from the oldest
            if pattern.search(v.title) or pattern.search(v.employer["name"]) or pattern.search(v.location_text)
        }
        got = found(written, word)
        ordinals = {o for ords in got.values() for o in ords}
        assert expected <= ordinals, word
        assert expected, f"the sample content should hold {word!r}"
        for scope, ords in got.items():  # each under its own province (or overseas)
            for o in ords:
                v = model.open_vacancies[-1 - o]
                assert scopes[scope] == ("Luar negeri" if v.is_abroad else v.province.name)


def test_common_words_are_left_out_of_every_file_and_listed_for_the_page(model, written):
    """The sample's employers say "PT"/"CV", its places "Kabupaten"/"Kota", its titles "di":
    none of them is written, and kunci.json hands the page the one list (search.js has no copy)."""
    files = [data for path, data in written.items() if path.startswith("cari/kata/")]
    index = {
        w for data in files if isinstance(data, dict) and "scopes" not in data and "files" not in data for w in data
    }
    assert written["cari/kata/kunci.json"]["common"] == sorted(words.COMMON_WORDS)
    assert not index & words.COMMON_WORDS
    seen = {
        w
        for v in model.open_vacancies
        for w in re.findall(r"\w+", f"{v.title} {v.employer['name']} {v.location_text}".lower())
    }
    assert {"pt", "cv", "kabupaten", "kota", "di"} <= seen  # the sample holds them: the test can fail
    assert {"operator", "bekasi", "jakarta", "pusat"} <= index


def test_a_place_is_its_regency_short_name_not_its_administrative_title(model):
    """ "Kota Administrasi Jakarta Pusat": a job word ("administrasi") must not find every vacancy in Jakarta."""
    synonyms = load_synonyms(ROOT)
    jakarta = [v for v in model.open_vacancies if not v.is_abroad and "Administrasi" in v.regency.name]
    assert jakarta, "the sample content should have a vacancy in a Jakarta city"
    for v in jakarta:
        found_by = words.vacancy_words(v, synonyms)
        assert set(re.findall(r"\w+", v.regency.short_name.lower())) <= found_by
        assert ("administrasi" in found_by) == bool(re.search(r"administrasi", f"{v.title} {v.employer['name']}", re.I))


def test_ordinals_are_the_browse_shards_order(model, written, sample_site):
    """Ordinal o (0 the oldest) is where paginate.locate puts it in semua/terbaru-<n> and in
    the display block kata/kartu/<n>: the page's cards come from there."""
    total = len(model.open_vacancies)
    assert written["cari/kata/kartu/1.json"]["total"] == total
    for o in range(total):
        n, k = locate(o, total, BLOCK_SIZE)
        card = written[f"cari/kata/kartu/{n}.json"]["items"][k]
        assert card["i"] == model.open_vacancies[-1 - o].id, o
        n, k = locate(o, total, SHARD_SIZE)
        shard = json.loads((sample_site / "cari/data/semua" / f"terbaru-{n}.json").read_text("utf-8"))
        assert shard["items"][k] == card, o  # the same card as the browse shards
    built = sorted(str(p.relative_to(sample_site)) for p in (sample_site / "cari" / "kata").rglob("*.json"))
    assert built == sorted(written)
    blocks = [p for p in written if p.startswith("cari/kata/kartu/")]
    assert max(len(written[p]["items"]) for p in blocks) < 2 * BLOCK_SIZE
    assert written["cari/kata/kunci.json"]["scopes"] == words.scopes(model)


def rewritten_by_one_added(model, outputs) -> list[str]:
    """The files ``outputs(model)`` writes differently once the newest vacancy is added again
    as a newer one (the same record, so every other fact stays)."""
    before = {f.path: f.data for f in outputs(model)}
    model.open_vacancies.insert(0, model.open_vacancies[0])
    try:
        after = {f.path: f.data for f in outputs(model)}
    finally:
        model.open_vacancies.pop(0)
    return sorted(p for p in after if after[p] != before.get(p))


def test_one_added_vacancy_rewrites_one_display_block(model):
    """Numbered from the oldest: the newest block takes the new vacancy, every other block stays."""
    changed = rewritten_by_one_added(model, words.display_blocks)
    assert changed == ["cari/kata/kartu/1.json"] or len(changed) == 3, changed


def test_words_are_folded_rooted_and_numbers_left_out(model):
    synonyms = load_synonyms(ROOT)
    v = next(v for v in model.open_vacancies if re.search(r"\bpenjahit\b", v.title, re.I))
    got = words.vacancy_words(v, synonyms)
    assert {"penjahit", "jahit"} <= got  # Pagefind's stemmer would find "jahit" too
    assert not any(w.isdigit() for w in got)
    assert "sapu" in words.roots("penyapu")
    assert "pasaran" in words.roots("pemasaran")
    assert words.roots("bekasi") == []  # a remainder of four letters at least: not "kasi"
    # a synonym the closest-word correction reaches is not indexed twice, others are
    assert words.corrected("oprator", "operator") and not words.corrected("supir", "pengemudi")
    driver = next(v for v in model.open_vacancies if re.search(r"\bpengemudi\b", v.title, re.I))
    got = words.vacancy_words(driver, synonyms)
    assert {"sopir", "supir"} <= got


def test_a_large_file_is_split_by_three_letters(model, monkeypatch):
    synonyms = load_synonyms(ROOT)
    every = words.postings(model, synonyms)
    size = {k: sum(sum(map(len, every[w].values())) for w in every if w.startswith(k)) for k in ("op", "ope")}
    assert size["op"] > size["ope"], size
    monkeypatch.setattr(words, "SPLIT_POSTINGS", size["ope"])  # "op" is split, "ope" fits
    files = words.word_files(model, synonyms)
    operator = next(k for k in files if "operator" in files[k])
    assert operator == "ope"
    assert all(len(w) == 2 for w in files.get("op", {}))  # the two-letter file keeps two-letter words only
    monkeypatch.setattr(words, "SPLIT_POSTINGS", 10**9)
    assert "operator" in words.word_files(model, synonyms)["op"]


def test_a_three_letter_file_still_too_large_is_split_by_four(model, monkeypatch):
    """ "penjahit" need not read "pendidikan" (pen.json was 115 KB at 100,000)."""
    synonyms = load_synonyms(ROOT)
    every = words.postings(model, synonyms)
    size = {k: sum(sum(map(len, every[w].values())) for w in every if w.startswith(k)) for k in ("pe", "pen", "penj")}
    assert size["pen"] > size["penj"] > 0 and size["pen"] - size["penj"] > 0, size
    monkeypatch.setattr(words, "SPLIT_POSTINGS", size["pen"] - 1)  # "pe" and "pen" split, no four-letter file
    files = words.word_files(model, synonyms)
    assert "penjahit" in files["penj"] and "pendidikan" not in files["penj"]
    assert all(len(w) <= 3 for w in files.get("pen", {}))  # the three-letter file keeps three-letter words only
    assert all(len(k) <= 4 for k in files)
    # every word once, in the file the page reads for it (search.js wordEntries: four, three, two letters)
    for w in every:
        assert w in files[next(w[:n] for n in (4, 3, 2) if w[:n] in files)], w
    monkeypatch.setattr(words, "SPLIT_POSTINGS", size["pen"])  # "pen" just fits: not split
    assert "penjahit" in words.word_files(model, synonyms)["pen"]


def test_nearest_provinces_come_from_the_capitals(model, written):
    places = written["cari/kata/wilayah.json"]
    names = places["scopes"]
    assert names[-1] == "Luar negeri" and len(names) == 39

    def near(name):
        return [names[i] for i in places["near"][names.index(name)]]

    assert near("Jawa Barat")[:2] == ["DKI Jakarta", "Banten"]
    assert near("Bali")[0] == "Nusa Tenggara Barat"
    assert near("Papua Barat Daya")[0] == "Papua Barat"
    for i, order in enumerate(places["near"]):
        assert sorted(order) == [j for j in range(38) if j != i]


def test_capitals_cover_every_province_once():
    capitals = words.read_capitals(reference_dir(ROOT))
    provinces = {p.code for p in load_reference(ROOT).provinces.values()}
    assert set(capitals) == provinces
    for lat, lon in capitals.values():  # inside Indonesia's bounding box
        assert -11 < lat < 6 and 95 < lon < 141


def test_each_capital_lies_in_a_regency_of_its_province():
    """The ``regency`` column names the kabupaten/kota the source (GeoNames admin2) puts the
    capital in; only Jakarta, which the source puts in no kota, has none."""
    with (reference_dir(ROOT) / words.CAPITALS_FILE).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    regencies = load_reference(ROOT).regencies
    assert [r["code"] for r in rows if not r["regency"]] == ["31"]
    for row in rows:
        if row["regency"]:
            assert row["regency"] in regencies, row
            assert regencies[row["regency"]].province_code == row["code"], row
        for value in (row["latitude"], row["longitude"]):  # rounded to 0.01°, as the README says
            assert re.fullmatch(r"-?\d+\.\d\d", value), row


def test_a_province_without_a_capital_is_named(model):
    with pytest.raises(ValueError, match="no capital for province code"):
        words.nearest(model, {"32": (-6.9, 107.6)})


# Scope lists: words in a province with filters and in another order ------------------------


def ordinals(model) -> dict[str, int]:
    """Vacancy id → ordinal (0 the oldest), as the index counts them."""
    return {v.id: o for o, v in enumerate(reversed(model.open_vacancies))}


def scope_index(model, v) -> int:
    names = words.scopes(model)
    return names.index("Luar negeri") if v.is_abroad else names.index(v.province.name)


def undifferenced(entry: list[int]) -> list[int]:
    out = []
    for d in entry:
        out.append(d + (out[-1] if out else 0))
    return out


@pytest.fixture(scope="module")
def lists(model):
    """The scope lists, written for a site without a national bundle (the sample has one)."""
    return {f.path: json.loads(f.data) for f in words.scope_lists(model)}


def test_scope_lists_are_written_only_without_a_national_bundle(written, lists, monkeypatch, model):
    assert not [p for p in written if p.startswith(("cari/kata/saring/", "cari/kata/urut/"))]
    monkeypatch.setattr(words, "has_national_bundle", lambda site: False)
    ctx = OutputContext(siteurl="", sitename="Antar Kerja", settings={"ANTARKERJA_ROOT": str(ROOT)})
    assert set(lists) <= {f.path for f in words.outputs(model, ctx)}


def test_a_regency_and_an_education_list_hold_exactly_their_vacancies(model, lists):
    """Read from the model's own fields: a regency's vacancies, and those an SMK graduate may
    apply for (a minimum of rank up to SMK's), in each scope."""
    from antarkerja.site.search import option_index

    options = option_index(model)
    at = ordinals(model)
    ranks = {e["name"]: e["rank"] for e in model.ref.education.values()}
    smk = next(name for name in ranks if name.startswith("SMK"))
    regency = model.open_vacancies[0].regency
    for scope in range(len(words.scopes(model))):
        here = [v for v in model.open_vacancies if scope_index(model, v) == scope]
        by_regency = (
            lists[f"cari/kata/saring/{scope}/{options[('kabkota', regency.name)]['id']}.json"]
            if scope == scope_index(model, model.open_vacancies[0])
            else None
        )
        if by_regency is not None:
            assert undifferenced(by_regency) == sorted(
                at[v.id] for v in here if not v.is_abroad and v.regency.name == regency.name
            )
        by_education = lists[f"cari/kata/saring/{scope}/{options[('pendidikan', smk)]['id']}.json"]
        assert undifferenced(by_education) == sorted(at[v.id] for v in here if v.education["rank"] <= ranks[smk])


def test_every_offered_option_has_a_file_in_every_scope_that_can_hold_it(model, lists):
    """The page asks for the list of any option it offers: none may be missing (a 404)."""
    from antarkerja.site.search import search_options

    names = words.scopes(model)
    for fieldset in search_options(model):
        for c in fieldset["controls"]:
            if c["param"] in words.SCOPE_PARAMS:
                continue
            if c["param"] == "kabkota":
                for province, group in c["groups"]:
                    for o in group:
                        assert f"cari/kata/saring/{names.index(province)}/{o['id']}.json" in lists, o
                continue
            for o in [c["option"]] if c["kind"] == "checkbox" else c["options"]:
                if o["id"] is not None:
                    for scope in range(len(names)):
                        assert f"cari/kata/saring/{scope}/{o['id']}.json" in lists, (scope, o)


@pytest.mark.parametrize("order", ["tutup", "upah"])
def test_an_order_list_is_the_province_browse_shards_order(model, lists, sample_site, order):
    """The word index and the browse shards put a province's vacancies in the same order."""
    at = ordinals(model)
    compared = 0
    for p in model.provinces:
        shard = sample_site / "cari/data/provinsi" / p.slug / f"{order}-1.json"
        if not shard.is_file():
            continue
        compared += 1
        ids = []
        n = 1
        while n is not None:
            data = json.loads((sample_site / "cari/data/provinsi" / p.slug / f"{order}-{n}.json").read_text("utf-8"))
            ids += [it["i"] for it in data["items"]]
            n = data["next"]
        scope = words.scopes(model).index(p.name)
        assert undifferenced(lists[f"cari/kata/urut/{scope}/{order}.json"]) == [at[i] for i in ids], p.name
    assert compared >= 5  # the sample's provinces with vacancies


def test_one_added_vacancy_rewrites_only_its_own_scope_and_options_lists(model):
    from antarkerja.site.search import filter_values, option_index

    changed = rewritten_by_one_added(model, words.scope_lists)
    newest = model.open_vacancies[0]
    scope = scope_index(model, newest)
    options = option_index(model)
    own = {options[p]["id"] for p in filter_values(newest) if p[0] not in words.SCOPE_PARAMS}
    expected = {f"cari/kata/saring/{scope}/{i}.json" for i in own} | {
        f"cari/kata/urut/{scope}/{o}.json" for o in ("tutup", "upah")
    }
    assert set(changed) == expected


def test_each_posting_date_is_one_run_of_ordinals_from_its_start(model, lists):
    """ "Tayang dalam" in a scope is the ordinal range of its dates (search.js postedWindow)."""
    starts = lists["cari/kata/tanggal.json"]
    assert list(starts) == sorted(starts)
    at = ordinals(model)
    ends = [*list(starts.values())[1:], len(model.open_vacancies)]
    for (day, start), end in zip(starts.items(), ends, strict=True):
        assert sorted(at[v.id] for v in model.open_vacancies if v.date_posted.isoformat() == day) == list(
            range(start, end)
        )


def test_remembered_words_equal_the_words_found_again(model, monkeypatch):
    """With the build cache, a vacancy's words come from the text memo: the postings equal
    those found without it, a re-run finds no word again, and other synonyms are not
    answered from words found with the old ones."""
    from types import SimpleNamespace

    from antarkerja.site import cache
    from antarkerja.site.synonyms import Group, Synonyms

    synonyms = load_synonyms(ROOT)
    plain = words.postings(model, synonyms)
    memo = cache.TextMemo({})
    monkeypatch.setattr(cache, "ACTIVE", SimpleNamespace(texts=memo))
    assert words.postings(model, synonyms) == plain and memo.misses == len(model.open_vacancies)
    rerun = cache.TextMemo(memo.new)
    monkeypatch.setattr(cache, "ACTIVE", SimpleNamespace(texts=rerun))
    monkeypatch.setattr(words, "vacancy_words", lambda v, s: pytest.fail(f"{v.id}: words found again"))
    assert words.postings(model, synonyms) == plain and rerun.hits == len(model.open_vacancies)
    monkeypatch.undo()
    tailor = next(v for v in model.open_vacancies if re.search(r"\bpenjahit\b", v.title, re.I))
    more = Synonyms((*synonyms.groups, Group(("penjahit", "konveksiwan"), "uji", 1)))
    monkeypatch.setattr(cache, "ACTIVE", None)
    expected = words.postings(model, more)
    monkeypatch.setattr(cache, "ACTIVE", SimpleNamespace(texts=cache.TextMemo(memo.new)))
    assert words.postings(model, more) == expected
    assert "konveksiwan" in expected and "konveksiwan" not in plain
    assert "konveksiwan" in words.vacancy_words(tailor, more)
