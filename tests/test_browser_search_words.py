"""National words without a wall, and no dead end in a province (issue #25), at 360×740.

A site larger than one Pagefind bundle (14,000 open vacancies) has no national bundle: a
keyword search of all Indonesia reads the national word index (antarkerja.site.outputs.words).
Here the sample content is built with that threshold lowered by its setting, so the page
meets the same files a large site has. What a word should find is computed from the
model's titles, employers and places with plain regular expressions.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from support.searchpage import all_results, build_as_large, record_problems, results_after, sample_model

from antarkerja.site.search import NATIONAL
from antarkerja.site.synonyms import load_synonyms

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CLOCK = datetime(2026, 11, 25, 10, 0, 0)


@pytest.fixture(scope="module")
def model():
    return sample_model(CLOCK.date())


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """The sample content built as a site above the national bundle's threshold."""
    return build_as_large(tmp_path_factory.mktemp("site-without-national-bundle"), CLOCK.date())


@pytest.fixture(scope="module")
def large_server(large_site):
    from antarkerja.tools.localweb import serve_folder

    server = serve_folder(large_site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def page(phone):
    phone.clock.set_fixed_time(CLOCK)
    phone.requested = []
    phone.on("requestfinished", lambda r: phone.requested.append(urlsplit(r.url).path))
    return record_problems(phone)


def holding(model, word: str) -> list[str]:
    """Open vacancies (newest first) whose title, employer or place has a word starting with
    ``word``, or whose title holds a synonym group with that word."""
    synonyms = load_synonyms(ROOT)
    pattern = re.compile(rf"\b{re.escape(word)}", re.I)
    out = []
    for v in model.open_vacancies:
        text = f"{v.title} {v.employer['name']} {v.location_text}"
        if pattern.search(text) or any(word in g.terms for g in synonyms.matches(v.title)):
            out.append(v.id)
    return out


# National words without a wall ------------------------------------------------------------


def test_a_first_visit_with_words_and_no_province_shows_national_results(page, large_server, model):
    expected = holding(model, "operator")
    assert len(expected) > 10, "the sample content should have more than a page of operators"
    ids = all_results(page, f"{large_server}/cari/?q=operator")
    assert ids == expected  # every one, newest first, ten at a time
    assert page.text_content("#cari-status") == f"{len(expected)} lowongan ditemukan"
    assert page.is_visible("#cari-nasional")  # says what a national search reads
    assert "Pilih provinsi untuk mencari" not in page.inner_text("main")
    assert not [p for p in page.requested if p.startswith("/pagefind/")]  # no engine, no bundle
    assert "/cari/kata/op.json" in page.requested
    assert parse_qs(urlsplit(page.url).query) == {"q": ["operator"]}
    assert page.problems == []


@pytest.mark.parametrize(
    ("typed", "note", "word"),
    [
        ("oprator produksi", "Tidak ada kata “oprator”; mencari kata terdekat, “operator”.", "produksi"),
        ("supir", "", "supir"),  # a synonym of the title's "Pengemudi"
        ("penjahit", "", "penjahit"),
    ],
)
def test_national_words_correct_typos_and_find_synonyms(page, large_server, model, typed, note, word):
    ids = all_results(page, f"{large_server}/cari/?{urlencode({'q': typed})}")
    assert ids and set(ids) <= set(holding(model, word))
    assert page.inner_text("#cari-koreksi").strip() == note
    assert page.problems == []


def test_a_word_no_title_holds_is_said_and_shows_nothing(page, large_server):
    for word in ("kuwalat", "qwerty"):  # nothing within one letter in its file; no file at all
        assert all_results(page, f"{large_server}/cari/?q={word}") == []
        assert page.inner_text("#cari-koreksi") == f"Kata “{word}” tidak ada di lowongan mana pun."
    # the word's whole file is read, so a typo Pagefind's chunk did not reach is corrected
    assert all_results(page, f"{large_server}/cari/?q=perwat")
    assert page.inner_text("#cari-koreksi") == "Tidak ada kata “perwat”; mencari kata terdekat, “perawat”."
    assert page.problems == []


def test_national_words_with_a_filter_keep_only_its_vacancies(page, large_server, model):
    by_id = {v.id: v for v in model.open_vacancies}
    operators = holding(model, "operator")
    sector = by_id[operators[0]].kbli["short_name"]
    expected = [i for i in operators if by_id[i].kbli["short_name"] == sector]
    assert 0 < len(expected) < len(operators)
    ids = all_results(page, f"{large_server}/cari/?{urlencode({'q': 'operator', 'sektor': sector})}")
    assert ids == expected
    assert page.text_content("#cari-status") == f"{len(expected)} lowongan ditemukan"
    assert page.problems == []


# Words in one province or overseas (search.js wordScope) ------------------------------------

# The reader picks a province in the filter panel (it may be folded: set it as the select does).
CHOOSE = """(v) => { const s = document.querySelector('#f-provinsi'); s.value = v;
  s.dispatchEvent(new Event('change', { bubbles: true })); }"""


def in_scope(model, ids: list[str], province: str | None) -> list[str]:
    """``ids`` (newest first) of the vacancies working in ``province`` (None: overseas)."""
    by_id = {v.id: v for v in model.open_vacancies}
    # a vacancy overseas is in no province, not even the one it recruits in
    return [
        i
        for i in ids
        if (by_id[i].is_abroad if province is None else not by_id[i].is_abroad and by_id[i].province.name == province)
    ]


def test_a_province_switch_after_a_national_search_shows_that_province_without_the_engine(page, large_server, model):
    operators = holding(model, "operator")
    by_id = {v.id: v for v in model.open_vacancies}
    counts = Counter(by_id[i].province.name for i in operators if not by_id[i].is_abroad)
    province = counts.most_common(1)[0][0]
    expected = in_scope(model, operators, province)
    assert 1 < len(expected) < len(operators), "a province holding some of the operators, not all"
    assert all_results(page, f"{large_server}/cari/?q=operator") == operators
    before = page.get_attribute("#cari-hasil", "data-selesai")
    page.evaluate(CHOOSE, province)
    assert results_after(page, before) == expected  # only that province's, newest first
    assert page.text_content("#cari-status") == f"{len(expected)} lowongan ditemukan"
    assert parse_qs(urlsplit(page.url).query) == {"q": ["operator"], "provinsi": [province]}
    assert page.is_visible("#cari-nasional")  # says what the word index reads, and in what order
    assert page.inner_text("#cari-nasional-judul") == (
        "Kata dicari di judul, nama pemberi kerja, lokasi dan pendidikan lowongan. Hasilnya terbaru dulu."
    )
    assert not [p for p in page.requested if p.startswith("/pagefind/")]  # no engine, no bundle
    assert not [p for p in page.requested if p.startswith("/cari/data/semua/")]  # cards from the blocks
    assert page.problems == []


def test_words_overseas_are_answered_by_the_word_index(page, large_server, model):
    abroad = [v for v in model.open_vacancies if v.is_abroad]
    word = max(
        (w for v in abroad for w in re.findall(r"[a-z]{5,}", v.title.lower())),
        key=lambda w: sum(w in v.title.lower() for v in abroad),
    )
    expected = in_scope(model, holding(model, word), None)
    assert expected, f"an overseas vacancy holding {word!r}"
    ids = all_results(page, f"{large_server}/cari/?{urlencode({'q': word, 'lingkup': 'Luar negeri'})}")
    assert ids == expected
    assert page.text_content("#cari-status") == f"{len(expected)} lowongan ditemukan"
    assert not [p for p in page.requested if p.startswith("/pagefind/")]
    assert page.problems == []


def busiest_province(model, ids: list[str]) -> str:
    by_id = {v.id: v for v in model.open_vacancies}
    return Counter(by_id[i].province.name for i in ids if not by_id[i].is_abroad).most_common(1)[0][0]


def test_a_province_search_in_another_order_is_answered_by_the_word_index_in_that_order(page, large_server, model):
    """ "Upah tertinggi" with words in a province: highest monthly salary first (an undisclosed
    one last), the newest first among equals; no Pagefind."""
    by_id = {v.id: v for v in model.open_vacancies}
    province = busiest_province(model, holding(model, "operator"))
    here = in_scope(model, holding(model, "operator"), province)
    expected = upah_order(by_id, here)
    assert expected != here, "salaries that reorder the province's operators"
    ids = all_results(
        page, f"{large_server}/cari/?{urlencode({'q': 'operator', 'provinsi': province, 'urut': 'upah'})}"
    )
    assert ids == expected
    assert page.text_content("#cari-status") == f"{len(expected)} lowongan ditemukan"
    assert not [p for p in page.requested if p.startswith("/pagefind/")]
    assert page.is_visible("#cari-nasional") and page.is_visible("#cari-isi")  # whole vacancies on request
    assert (
        page.inner_text("#cari-nasional-judul")
        == "Kata dicari di judul, nama pemberi kerja, lokasi dan pendidikan lowongan."
    )
    assert page.problems == []


def test_words_in_a_regency_with_an_education_keep_exactly_those_vacancies(page, large_server, model):
    by_id = {v.id: v for v in model.open_vacancies}
    ranks = {e["name"]: e["rank"] for e in model.ref.education.values()}
    smk = next(name for name in ranks if name.startswith("SMK"))
    operators = holding(model, "operator")
    province = busiest_province(model, operators)
    qualified = [i for i in in_scope(model, operators, province) if by_id[i].education["rank"] <= ranks[smk]]
    regency = by_id[qualified[-1]].regency.name
    expected = [i for i in qualified if by_id[i].regency.name == regency]
    params = {"q": "operator", "provinsi": province, "kabkota": regency, "pendidikan": smk}
    assert all_results(page, f"{large_server}/cari/?{urlencode(params)}") == expected
    assert page.text_content("#cari-status") == f"{len(expected)} lowongan ditemukan"
    assert not [p for p in page.requested if p.startswith("/pagefind/")]
    assert [p for p in page.requested if p.startswith("/cari/kata/saring/")]
    assert page.problems == []


def upah_order(by_id, ids: list[str]) -> list[str]:
    """Highest monthly salary first (an undisclosed one last), the newest first among equals."""
    return sorted(ids, key=lambda i: (-int(by_id[i].salary_monthly or 0), -by_id[i].date_posted.toordinal(), i))


def test_words_in_a_province_with_a_typed_education_or_posted_lately_need_no_pagefind(page, large_server, model):
    """A typed education and "Tayang dalam" (the reader's own dates) are tested on the cards,
    in any order."""
    from antarkerja.site.search import POSTED_VALUES, posted_within

    by_id = {v.id: v for v in model.open_vacancies}
    operators = holding(model, "operator")
    province = busiest_province(model, operators)
    here = in_scope(model, operators, province)
    smk = [i for i in here if by_id[i].education["code"] == "smk"]
    assert 0 < len(smk) < len(here)
    typed = {"q": "operator lulusan smk", "provinsi": province}
    assert all_results(page, f"{large_server}/cari/?{urlencode(typed)}") == smk
    recent = [i for i in here if posted_within(by_id[i], 7, CLOCK.date())]
    assert 0 < len(recent) < len(here)
    lately = {"q": "operator", "provinsi": province, "tayang": POSTED_VALUES[7], "urut": "upah"}
    assert all_results(page, f"{large_server}/cari/?{urlencode(lately)}") == upah_order(by_id, recent)
    assert page.text_content("#cari-status") == f"{len(recent)} lowongan ditemukan"
    assert not [p for p in page.requested if p.startswith("/pagefind/")]
    assert page.problems == []


def test_whole_vacancies_on_request_are_searched_by_pagefind(page, large_server, model):
    """The word index reads titles, employers and places; "Cari di seluruh isi lowongan" (a
    link can carry it: isi=1) asks Pagefind, which reads whole vacancies, and unticking it
    goes back."""
    province = busiest_province(model, holding(model, "operator"))
    params = {"q": "operator", "provinsi": province, "urut": "tutup", "isi": "1"}
    all_results(page, f"{large_server}/cari/?{urlencode(params)}")
    assert [p for p in page.requested if p.startswith("/pagefind/")]
    assert page.is_checked("#cari-isi") and page.is_hidden("#cari-nasional-judul")
    assert parse_qs(urlsplit(page.url).query)["isi"] == ["1"]
    before = page.get_attribute("#cari-hasil", "data-selesai")
    page.uncheck("#cari-isi")
    results_after(page, before)
    assert "isi" not in parse_qs(urlsplit(page.url).query)
    assert page.is_visible("#cari-nasional-judul")
    assert page.problems == []


# No dead end --------------------------------------------------------------------------------


@pytest.mark.parametrize("site", ["sample", "large"])
def test_no_results_in_a_province_names_the_nearest_with_results_and_all_indonesia(
    page, sample_server, large_server, model, site
):
    server = sample_server if site == "sample" else large_server
    provinces = {v.id: v.province.name for v in model.open_vacancies if not v.is_abroad}
    satpam = holding(model, "satpam")
    assert [provinces[i] for i in satpam] == ["Banten"], "the sample's one guard works in Banten"
    ids = all_results(page, f"{server}/cari/?{urlencode({'q': 'satpam', 'provinsi': 'Jawa Barat'})}")
    assert ids == []
    box = page.locator("#cari-lain")
    assert box.is_visible()
    assert box.inner_text() == f"Tidak ada di Jawa Barat. Ada 1 di Banten · {len(satpam)} di seluruh Indonesia"
    if server == large_server:  # the word index finds none there: Pagefind read whole vacancies, and the note is hidden
        assert [p for p in page.requested if p.startswith("/pagefind/")] and page.is_hidden("#cari-nasional")
    links = {a.inner_text(): a.get_attribute("href") for a in box.locator("a").all()}
    assert parse_qs(urlsplit(links["1 di Banten"]).query) == {"q": ["satpam"], "provinsi": ["Banten"]}
    assert parse_qs(urlsplit(links[f"{len(satpam)} di seluruh Indonesia"]).query)["provinsi"] == [NATIONAL]
    box.locator("a").first.click()  # following the link shows them
    page.wait_for_function("document.querySelector('#cari-hasil').dataset.selesai > '0'")
    assert page.locator("#cari-hasil > li").count() == 1
    assert page.text_content("#cari-status") == "1 lowongan ditemukan"
    assert satpam[0] in page.get_attribute("#cari-hasil .hasil-judul a", "href")
    assert page.is_hidden("#cari-lain")
    page.go_back()
    page.wait_for_function("document.querySelector('#cari-hasil').dataset.selesai > '0'")
    page.locator("#cari-lain a").last.click()
    page.wait_for_function("document.querySelector('#cari-hasil').dataset.selesai > '0'")
    assert page.locator("#cari-hasil > li").count() == len(satpam)
    assert page.problems == []


def test_results_in_the_province_show_no_elsewhere_line(page, sample_server, model):
    all_results(page, f"{sample_server}/cari/?{urlencode({'q': 'satpam', 'provinsi': 'Banten'})}")
    assert page.is_hidden("#cari-lain")
    assert page.locator("#cari-hasil > li").count() == 1


def test_a_word_found_nowhere_names_no_province(page, sample_server):
    assert all_results(page, f"{sample_server}/cari/?{urlencode({'q': 'zzzzqq', 'provinsi': 'Jawa Barat'})}") == []
    assert page.is_hidden("#cari-lain")
    assert page.problems == []


# The bench's figures for this shape -------------------------------------------------------


def test_bench_measures_and_prints_the_word_index_shape(sample_site):
    from antarkerja.tools.bench_search import WORD_INDEX_SHAPE, format_shapes, measure_shapes, search_shapes

    shapes = [s for s in search_shapes(sample_site) if s[0] in (WORD_INDEX_SHAPE, "words, no province chosen")]
    pagefind, words = measure_shapes(sample_site, shapes, cpu_slowdown=1, runs=2)
    assert words["errors"] == [] and words["results"] > 0 and words["status"] == pagefind["status"]
    assert {"words", "cards"} <= set(words["bytes_by_kind"]) and "wasm" not in words["bytes_by_kind"]
    assert "shard" not in words["bytes_by_kind"]  # the display blocks, not the browse shards
    assert "wasm" in pagefind["bytes_by_kind"]  # the sample site has a national bundle
    assert words["kb"] < pagefind["kb"]
    assert len(words["ms_runs"]) == 2 and words["ms"] == min(words["ms_runs"]) > 0
    printed = format_shapes(100_000, [pagefind, words]).splitlines()
    assert len(printed) == 3 and all(line.startswith("100000") for line in printed[:2])
    assert f"{words['kb']:.1f} KB" in printed[1] and "best of 2" in printed[1]
    read = printed[2]  # the word-index shape's files, one by one
    assert "kunci.json" in read and "op.json" in read and "kartu/1.json" in read
    over = format_shapes(1, [{**words, "kb": 300.1, "ms": 1001, "ms_runs": [1001]}])
    assert "OVER 300 KB" in over and "OVER 1 s" in over


# Files split by three and four letters (words.files_of) -------------------------------------


@pytest.fixture(scope="module")
def split_server(tmp_path_factory):
    """The site above the threshold with every file over 5 postings split, down to four letters."""
    from antarkerja.site.outputs import words
    from antarkerja.tools.localweb import serve_folder

    mp = pytest.MonkeyPatch()
    mp.setattr(words, "SPLIT_POSTINGS", 5)
    try:
        site = build_as_large(tmp_path_factory.mktemp("site-split-words"), CLOCK.date())
    finally:
        mp.undo()
    assert (site / "cari/kata/penj.json").is_file() and not (site / "cari/kata/pe.json").is_file()
    server = serve_folder(site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize(
    ("typed", "word", "file"), [("penjahit", "penjahit", "penj"), ("operator", "operator", "oper")]
)
def test_a_word_reads_only_its_four_letter_file(page, split_server, model, typed, word, file):
    ids = all_results(page, f"{split_server}/cari/?{urlencode({'q': typed})}")
    assert ids and ids == holding(model, word)
    read = [p for p in page.requested if p.startswith("/cari/kata/") and not p.startswith("/cari/kata/kartu/")]
    assert read == ["/cari/kata/kunci.json", f"/cari/kata/{file}.json"]
    assert page.problems == []


# Common words (words.COMMON_WORDS) ----------------------------------------------------------


def test_a_query_of_only_common_words_still_answers_with_every_vacancy(page, large_server, model):
    ids = all_results(page, f"{large_server}/cari/?q=PT")
    assert ids == [v.id for v in model.open_vacancies]  # every one, newest first
    assert page.text_content("#cari-status") == f"{len(ids)} lowongan ditemukan"
    # the word as the engines read it: query understanding folds case (antarkerja.site.query)
    assert page.inner_text("#cari-koreksi") == "Kata “pt” terlalu umum, jadi tidak dipakai."
    assert not [p for p in page.requested if p.startswith("/cari/kata/p")]  # no file read for it
    assert page.problems == []


def test_common_words_in_a_phrase_do_not_narrow_it(page, large_server, model):
    expected = [i for i in holding(model, "operator") if i in holding(model, "bekasi")]
    by_id = {v.id: v for v in model.open_vacancies}
    assert any(" di " not in by_id[i].title for i in expected), "an operator in Bekasi whose title lacks 'di'"
    ids = all_results(page, f"{large_server}/cari/?{urlencode({'q': 'operator di kota bekasi'})}")
    assert ids == expected
    # "di" is a filler word query understanding drops before the index is read; "kota" is
    # an indexed word too common to narrow anything, and the page says so
    assert page.inner_text("#cari-koreksi") == "Kata “kota” terlalu umum, jadi tidak dipakai."
    assert page.problems == []


def test_without_javascript_the_dead_end_url_keeps_the_plain_links(browser, sample_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{sample_server}/cari/?{urlencode({'q': 'satpam', 'provinsi': 'Jawa Barat'})}")
        assert page.is_hidden("#cari-lain") and page.is_hidden("#cari-nasional")
        assert page.locator("noscript .cari-pesan a[href='/provinsi/']").count() == 1
    finally:
        context.close()
