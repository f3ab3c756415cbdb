"""The search page on the built sample site, in Chromium on a 360×740 phone.

Expected results are computed from the model (the validated sample content with today
2026-11-25), not from the index, so each test checks the whole path: model → vacancy page →
Pagefind → our page. The browser clock is fixed to that today, so "n hari lagi" is stable.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from support.searchpage import result_ids, results_for_words
from support.searchpage import results_after as wait_results

from antarkerja.site.search import FILTERS, MAX_QUERY, NATIONAL, regency_key
from antarkerja.wording import tanggal

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CLOCK = datetime(2026, 11, 25, 10, 0, 0)

# What each filter value means, from the model's own fields (not from pagefind_filters).
# Province and regency mean where the work is: an overseas vacancy is in neither (it is in the
# "Luar negeri" scope). Education means "what my education qualifies me for": a vacancy
# asking SMK/MAK is found under SMK/MAK and every level of equal or higher rank.
EXPECTED_VALUES = {
    "provinsi": lambda v: set() if v.is_abroad else {v.province.name},
    "kabkota": lambda v: set() if v.is_abroad else {v.regency.name},
    "sektor": lambda v: {v.kbli["short_name"]},
    "jabatan": lambda v: {v.kbji_group["short_name"]},
    "pendidikan": lambda v: {e["name"] for e in v.ref.education.values() if e["rank"] >= v.education["rank"]},
    "jenis": lambda v: {v.employment_type_label},
    "cara_kerja": lambda v: {v.work_mode_label},
    "lingkup": lambda v: {"Luar negeri" if v.is_abroad else "Dalam negeri"},
    "disabilitas": lambda v: {"Ramah disabilitas"} if v.is_disability_friendly else set(),
    "upah": lambda v: {v.salary_band},
    "tayang": lambda v: {
        label for days, label in ((7, "7 hari terakhir"), (30, "30 hari terakhir")) if v.posted_days_ago <= days
    },
}


@pytest.fixture(scope="module")
def model():
    from antarkerja.records.validate import validate_repository
    from antarkerja.reference import load_reference
    from antarkerja.site.model import build_site

    result = validate_repository(ROOT)
    ref = load_reference(ROOT)
    return build_site([r.data for r in result.vacancies], [o.data for o in result.offices], ref, date_today())


def date_today():
    return CLOCK.date()


@pytest.fixture
def page(phone):
    """The phone page with the clock fixed and every dialog, console error and page error kept."""
    phone.clock.set_fixed_time(CLOCK)
    phone.problems = []
    phone.on("dialog", lambda d: (phone.problems.append(f"dialog: {d.message}"), d.dismiss()))
    phone.on("pageerror", lambda e: phone.problems.append(f"pageerror: {e}"))

    def console(msg):
        url = (msg.location or {}).get("url", "")
        if msg.type == "error" and not url.endswith("/favicon.ico"):  # the site has no favicon yet
            phone.problems.append(f"console: {msg.text} {url}")

    phone.on("console", console)
    return phone


def open_search(page, server, params: dict | str = "") -> list[str]:
    query = params if isinstance(params, str) else urlencode(params)
    page.goto(f"{server}/cari/" + (f"?{query}" if query else ""))
    return wait_results(page, None)


def selesai(page):
    return page.get_attribute("#cari-hasil", "data-selesai")


def status(page) -> str:
    return page.text_content("#cari-status").strip()


def count_text(n: int) -> str:
    return f"{n:,}".replace(",", ".") + " lowongan ditemukan" if n else "Tidak ada lowongan yang cocok"


def distinctive(model):
    """An open vacancy and a word of its title that no other open vacancy's text contains."""
    texts = {v.id: f"{v.title} {v.employer['name']} {v.data['description']}".lower() for v in model.open_vacancies}
    for v in model.open_vacancies:
        for word in re.findall(r"[a-z]{5,}", v.title.lower()) + re.findall(r"[a-z]{7,}", v.data["description"].lower()):
            if all(word not in text for other, text in texts.items() if other != v.id):
                return v, word
    v = model.open_vacancies[0]
    return v, v.title


# Keywords -----------------------------------------------------------------------------------


def test_keyword_finds_the_vacancy(page, sample_server, model):
    v, word = distinctive(model)
    ids = open_search(page, sample_server, {"q": word})
    assert v.id in ids
    assert ids[0] == v.id
    assert set(ids) <= {o.id for o in model.open_vacancies}
    assert status(page) == count_text(len(ids))
    item = page.locator("#cari-hasil > li").first
    assert item.locator(".hasil-judul a").text_content() == v.title
    assert item.locator(".hasil-pemberi").text_content() == v.employer["name"]
    assert item.locator(".hasil-lokasi").text_content() == v.location_text
    assert item.locator(".hasil-upah").text_content() == v.salary_text
    assert page.problems == []


def test_prefix_of_a_long_word_finds_it(page, sample_server, model):
    """'admin' finds 'administrasi': Pagefind matches the last word as a prefix."""
    for v in model.open_vacancies:
        words = [w for w in re.findall(r"[a-z]{8,}", v.title.lower())]
        if words:
            ids = open_search(page, sample_server, {"q": words[0][:6]})
            assert v.id in ids, (words[0][:6], v.title)
            return
    pytest.fail("the sample content needs an open vacancy with a title word of 8+ letters")


# Words people type (content/reference/search-synonyms.yml; every group: tests/test_site_synonyms.py)
SYNONYM_QUERIES = [
    "supir",
    "security",
    "sekuriti",
    "spg",
    "oprator",
    "admistrasi",
    "nurse",
    "tehnisi",
    "koki",
    "receptionist",
]


def holds(text: str, variant: str) -> bool:
    pattern = r"\b" + r"\s+".join(map(re.escape, variant.split())) + r"(?:nya|lah|kah)?\b"
    return re.search(pattern, text.lower()) is not None


@pytest.mark.parametrize("query", SYNONYM_QUERIES)
def test_a_variant_finds_vacancies_written_with_another(page, sample_server, model, query):
    from antarkerja.site.synonyms import load_synonyms, vacancy_text

    group = load_synonyms(ROOT).variants()[query]
    intended = {v.id for v in model.open_vacancies if any(holds(vacancy_text(v), w) for w in group.words)}
    literal = {v.id for v in model.open_vacancies if holds(vacancy_text(v), query)}
    assert intended - literal, f"the sample content should hold {group.words} without {query!r}"
    # Searched per scope: in a bundle that lacks the word altogether, Pagefind shortens it until
    # some prefix matches ("admistrasi" → a page with "A"), which is not what this checks.
    by_scope: dict[tuple, set] = {}
    for v in model.open_vacancies:
        if v.id in intended:
            scope = ("lingkup", "Luar negeri") if v.is_abroad else ("provinsi", v.province.name)
            by_scope.setdefault(scope, set()).add(v.id)
    for (param, value), expected in by_scope.items():
        ids = open_search(page, sample_server, {"q": query, param: value})
        assert set(ids) == expected, (param, value)
    assert page.problems == []


def test_a_variant_combines_with_other_words(page, sample_server, model):
    """Pagefind requires every word: "supir truk" finds the truck driver, not the van driver."""
    v = next(v for v in model.open_vacancies if v.id.startswith("pengemudi-truk"))
    assert open_search(page, sample_server, {"q": "supir truk", "provinsi": v.province.name}) == [v.id]
    assert open_search(page, sample_server, {"q": "supir", "provinsi": v.province.name}) == [v.id]


def test_result_cards_show_what_listing_cards_show(page, sample_server, model):
    """Pagefind results and browse-shard results alike: sample mark, education, type, age, deadline."""
    from antarkerja.wording import days_left_text, posted_ago_text

    v = next(v for v in model.open_vacancies if v.is_example and not v.is_abroad)
    for params in ({"q": v.title, "provinsi": v.province.name}, {"provinsi": v.province.name}):
        ids = open_search(page, sample_server, params)
        item = page.locator("#cari-hasil > li").nth(ids.index(v.id))
        assert item.is_visible()
        assert item.locator(".hasil-contoh .tag").inner_text() == "Data contoh"
        assert item.locator(".hasil-pendidikan").inner_text() == f"Pendidikan minimal {v.education['name']}"
        assert item.locator(".hasil-jenis").inner_text() == v.employment_type_label
        assert item.locator(".hasil-tayang").inner_text() == posted_ago_text(v.posted_days_ago)
        assert item.locator(".hasil-tutup").inner_text() == days_left_text(v.days_left, v.valid_through)
        for cls in (".hasil-contoh", ".hasil-pendidikan", ".hasil-jenis"):
            box = item.locator(cls).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, (cls, box)
    assert page.problems == []


def test_typing_updates_results_and_url_without_new_history(page, sample_server, model):
    v, word = distinctive(model)
    open_search(page, sample_server)
    history = page.evaluate("history.length")
    before = selesai(page)
    page.type("#cari-q", word, delay=40)
    ids = results_for_words(page, before, word)
    assert v.id in ids
    assert parse_qs(urlsplit(page.url).query) == {"q": [word]}
    assert page.evaluate("history.length") == history  # replaceState, not pushState


def test_enter_searches_and_controls_are_reachable_by_keyboard(page, sample_server, model):
    v, word = distinctive(model)
    open_search(page, sample_server)
    page.focus("#cari-q")
    page.keyboard.type(word)
    before = selesai(page)
    page.keyboard.press("Enter")
    assert v.id in results_for_words(page, before, word)
    reached = []
    for _ in range(6):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    assert "cari-urut" in reached and "SUMMARY" in reached
    page.focus("#cari-saringan summary")
    page.keyboard.press("Enter")
    assert page.get_attribute("#cari-saringan", "open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-provinsi"


# Filters -------------------------------------------------------------------------------------


def filter_values_to_try(page, sample_server, model, param):
    """Up to three values offered by the page: the rarest and commonest present, one absent.

    Regencies are offered once their province is chosen; the page reads every regency from
    the list it loads for a link that names only a regency.
    """
    open_search(page, sample_server)
    if param == "kabkota":
        offered = page.evaluate(
            """async () => { const D = JSON.parse(document.getElementById('cari-data').textContent);
            const lists = await Promise.all(Object.values(D.regencies).map((k) => fetch(`/cari/kabkota/${k}.json`).then((r) => r.json())));
            return lists.flatMap((j) => j.kabkota.map((o) => o.v)); }"""
        )
    else:
        offered = page.eval_on_selector(
            f"[name={param}]",
            """c => c.type === 'checkbox' ? [c.value]
            : [...c.querySelectorAll('option')].map(o => o.value).filter(Boolean)""",
        )
    offered = [value for value in offered if value != NATIONAL]
    counts = {value: sum(value in EXPECTED_VALUES[param](v) for v in model.open_vacancies) for value in offered}
    present = sorted((n, value) for value, n in counts.items() if n)
    absent = [value for value, n in counts.items() if not n]
    chosen = [value for _, value in present[:1] + present[-1:]] + absent[:1]
    return list(dict.fromkeys(chosen))


@pytest.mark.parametrize("param", list(FILTERS))
def test_each_filter_narrows_to_exactly_its_vacancies(page, sample_server, model, param):
    values = filter_values_to_try(page, sample_server, model, param)
    assert values, f"the search page offers no value for {param}"
    for value in values:
        expected = {v.id for v in model.open_vacancies if value in EXPECTED_VALUES[param](v)}
        ids = open_search(page, sample_server, {param: value})
        assert set(ids) == expected, (param, value)
        assert len(ids) == len(set(ids))
        assert status(page) == count_text(len(expected))
        control = page.locator(f"[name={param}]")
        if param == "disabilitas":
            assert control.is_checked()
        else:
            assert control.input_value() == value
        applied = {param: [value]}
        if param == "kabkota":  # a link naming only a regency is read in its province
            applied["provinsi"] = [next(r.province.name for r in model.regencies if r.name == value)]
            assert page.input_value("#f-provinsi") == applied["provinsi"][0]
        assert parse_qs(urlsplit(page.url).query) == applied
    assert page.problems == []


def test_changing_a_filter_in_the_page_narrows_results(page, sample_server, model):
    v = next(o for o in model.open_vacancies if not o.is_abroad)
    open_search(page, sample_server)
    page.click("#cari-saringan summary")
    before = selesai(page)
    page.select_option("#f-provinsi", v.province.name)
    ids = wait_results(page, before)
    assert set(ids) == {o.id for o in model.open_vacancies if o.province.name == v.province.name and not o.is_abroad}
    # the regency list now offers that province's regencies, and only those
    page.wait_for_function("() => !document.getElementById('f-kabkota').disabled")
    offered = page.eval_on_selector_all("#f-kabkota option", "os => os.map(o => o.value).filter(Boolean)")
    assert offered and set(offered) == {r.name for r in model.regencies if r.province.name == v.province.name}
    before = selesai(page)
    page.select_option("#f-kabkota", v.regency.name)
    ids = wait_results(page, before)
    assert set(ids) == {o.id for o in model.open_vacancies if o.regency.name == v.regency.name and not o.is_abroad}
    before = selesai(page)
    page.click("#cari-hapus")
    assert set(wait_results(page, before)) == {o.id for o in model.open_vacancies}


# Closed and expired ------------------------------------------------------------------------


def test_closed_and_expired_vacancies_never_appear(page, sample_server, model):
    open_ids = {v.id for v in model.open_vacancies}
    assert set(open_search(page, sample_server)) == open_ids  # no query, no filter: every open one
    closed = [v for v in model.vacancies if not v.is_open]
    for v in closed:
        ids = open_search(page, sample_server, {"q": v.title})
        assert v.id not in ids, (v.id, v.closed_reason)
        assert set(ids) <= open_ids
    assert closed, "the sample content must keep closed and expired vacancies to test this"


# Sorting -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "urut, key, reverse",
    [
        ("terbaru", lambda v: v.date_posted, True),
        ("tutup", lambda v: v.valid_through, False),
        ("upah", lambda v: v.salary_monthly, True),
    ],
)
def test_sort_orders_match_the_model(page, sample_server, model, urut, key, reverse):
    ids = open_search(page, sample_server, {"urut": urut})
    by_id = {v.id: v for v in model.open_vacancies}
    assert set(ids) == set(by_id)
    shown = [key(by_id[i]) for i in ids]
    assert shown == sorted((key(v) for v in model.open_vacancies), reverse=reverse)
    assert page.locator("#cari-urut").input_value() == urut


@pytest.mark.parametrize(
    "urut, key, reverse",
    [
        ("terbaru", lambda v: (v.date_posted, v.id), True),
        ("tutup", lambda v: (v.valid_through, v.id), False),
        ("upah", lambda v: (max(0, int(v.salary_monthly)), v.id), True),
    ],
)
def test_words_in_a_province_come_in_the_chosen_order(page, sample_server, model, urut, key, reverse):
    """With words the page reads the bundle's metadata that carries that one sort list
    (pagefind_canon), not the default one without sorts, which would give relevance order."""
    counts: dict[str, int] = {}
    for v in model.open_vacancies:
        if not v.is_abroad:
            counts[v.province.name] = counts.get(v.province.name, 0) + 1
    province = max(counts, key=lambda name: (counts[name], name))
    seen: dict[str, int] = {}  # the word in most of that province's vacancies
    for v in model.open_vacancies:
        if not v.is_abroad and v.province.name == province:
            for w in set(re.findall(r"[a-z]{6,}", f"{v.title} {v.data['description']}".lower())):
                seen[w] = seen.get(w, 0) + 1
    word = max(sorted(seen), key=lambda w: seen[w])
    matching = set(open_search(page, sample_server, {"q": word, "provinsi": province}))
    ids = open_search(page, sample_server, {"q": word, "provinsi": province, "urut": urut})
    by_id = {v.id: v for v in model.open_vacancies}
    assert len(ids) >= 3 and set(ids) == matching  # the same vacancies, now in order
    assert ids == sorted(ids, key=lambda i: key(by_id[i]), reverse=reverse)
    assert page.problems == []


def test_a_province_search_on_a_small_site_reads_the_one_national_bundle_narrowed_and_sorted(
    page, sample_server, model
):
    """A small site indexes each page once, in the national bundle: words in a province read
    that bundle through Pagefind's provinsi filter (no province bundle is fetched) and show
    exactly that province's vacancies among the national ones, in the chosen order."""
    word = common_word(model)
    by_id = {v.id: v for v in model.open_vacancies}
    national = open_search(page, sample_server, {"q": word, "provinsi": NATIONAL})
    counts: dict[str, int] = {}
    for i in national:
        if not by_id[i].is_abroad:
            counts[by_id[i].province.name] = counts.get(by_id[i].province.name, 0) + 1
    province = max(counts, key=lambda name: (counts[name], name))
    expected = {i for i in national if not by_id[i].is_abroad and by_id[i].province.name == province}
    assert 2 <= len(expected) < len(national)
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    for urut, key in (
        ("terbaru", lambda v: (v.date_posted, v.id)),
        ("upah", lambda v: (max(0, int(v.salary_monthly)), v.id)),
    ):
        ids = open_search(page, sample_server, {"q": word, "provinsi": province, "urut": urut})
        assert set(ids) == expected and len(ids) == len(expected), urut
        assert ids == sorted(ids, key=lambda i: key(by_id[i]), reverse=True), urut
    bundles = {path.split("/")[2] for path in fetched if path.startswith("/pagefind/")}
    assert bundles == {"semua", "mesin"}  # the national bundle and the shared engine, nothing else
    assert page.problems == []


def test_words_read_sort_lists_only_when_sorting(page, sample_server, sample_site, model):
    """The metadata a search downloads: without a chosen order the one without sort lists
    (about half the bytes), with one the file carrying only that order's list."""
    import json

    v = next(o for o in model.open_vacancies if not o.is_abroad)
    entry = json.loads((sample_site / "pagefind" / "semua" / "pagefind-entry.json").read_text())  # a small site
    hashes = {language: info["hash"] for language, info in entry["languages"].items()}
    word = next(w for w in re.findall(r"[a-z]{5,}", v.title.lower()))
    metas: list[str] = []

    def seen(request):
        if request.url.endswith(".pf_meta"):
            metas.append(request.url.rsplit("/", 1)[-1])

    page.on("request", seen)
    for urut, language in ((None, "id"), ("upah", "id-x-upah"), ("tutup", "id-x-tutup")):
        metas.clear()
        params = {"q": word, "provinsi": v.province.name} | ({"urut": urut} if urut else {})
        assert v.id in open_search(page, sample_server, params)
        assert metas == [f"pagefind.{hashes[language]}.pf_meta"], urut
    page.remove_listener("request", seen)
    assert page.problems == []


def test_days_left_are_computed_from_today(page, sample_server, model):
    ids = open_search(page, sample_server, {"urut": "tutup"})
    by_id = {v.id: v for v in model.open_vacancies}
    texts = page.eval_on_selector_all("#cari-hasil .hasil-tutup", "ps => ps.map(p => p.textContent)")
    for vid, text in zip(ids, texts, strict=True):
        v = by_id[vid]
        date = tanggal(v.valid_through)
        expected = {0: f"Batas lamaran hari ini, {date}", 1: f"Batas lamaran besok, {date}"}.get(
            v.days_left, f"Batas lamaran {date} ({v.days_left} hari lagi)"
        )
        assert text == expected


# The URL -----------------------------------------------------------------------------------


def test_url_restores_the_same_results_and_controls(page, sample_server, model, browser):
    v, word = distinctive(model)
    open_search(page, sample_server)
    page.fill("#cari-q", word)
    page.click("#cari-saringan summary")
    for selector, value in (
        ("#f-provinsi", v.province.name),
        ("#f-kabkota", v.regency.name),
        ("#f-tayang", "30 hari terakhir" if v.posted_days_ago <= 30 else ""),
        ("#cari-urut", "upah"),
    ):
        before = selesai(page)
        page.select_option(selector, value)
        wait_results(page, before)
    if v.is_disability_friendly:
        before = selesai(page)
        page.check("#f-disabilitas")
        wait_results(page, before)
    ids = result_ids(page)
    assert v.id in ids
    url = page.url
    params = parse_qs(urlsplit(url).query)
    assert params["q"] == [word] and params["provinsi"] == [v.province.name] and params["urut"] == ["upah"]
    state = page.eval_on_selector(
        "#cari-form",
        """f => [...f.elements].filter(e => e.name)
        .map(e => [e.name, e.type === 'checkbox' ? e.checked : e.value])""",
    )

    other = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    try:
        fresh = other.new_page()
        fresh.clock.set_fixed_time(CLOCK)
        assert open_search(fresh, sample_server, urlsplit(url).query) == ids
        assert (
            fresh.eval_on_selector(
                "#cari-form",
                """f => [...f.elements].filter(e => e.name)
            .map(e => [e.name, e.type === 'checkbox' ? e.checked : e.value])""",
            )
            == state
        )
        assert fresh.url == url
    finally:
        other.close()


def test_unknown_parameters_and_values_are_ignored(page, sample_server, model):
    bogus = "provinsi=Atlantis&kabkota=Kota+Fiktif&sektor=%3Cscript%3E&disabilitas=ya&tayang=kemarin&urut=acak&foo=bar&page=2"
    ids = open_search(page, sample_server, bogus)
    assert set(ids) == {v.id for v in model.open_vacancies}
    values = page.eval_on_selector_all("select", "ss => ss.map(s => [s.name, s.value])")
    assert all(value == "" for name, value in values if name != "q"), values
    assert not page.is_checked("#f-disabilitas")
    assert urlsplit(page.url).query == ""  # the URL now says what is really applied
    notice = page.text_content("#cari-asing")
    assert page.is_visible("#cari-asing") and "tidak dikenali" in notice
    for shown in ("Provinsi “Atlantis”", "“Kota Fiktif”", "“<script>”", "“ya”", "“kemarin”", "urutan “acak”"):
        assert shown in notice, shown
    assert page.locator("#cari-asing script").count() == 0
    v = next(o for o in model.open_vacancies if not o.is_abroad)
    page.click("#cari-saringan summary")
    before = selesai(page)
    page.select_option("#f-provinsi", v.province.name)  # still usable
    assert set(wait_results(page, before)) == {
        o.id for o in model.open_vacancies if o.province.name == v.province.name and not o.is_abroad
    }
    assert not page.is_visible("#cari-asing")  # the reader has chosen since
    assert page.problems == []


def test_an_education_value_matching_no_label_is_reported_not_silently_dropped(page, sample_server, model):
    """/cari/?pendidikan=SMK: the label is "SMK/MAK"; the page says so instead of seeming filtered."""
    ids = open_search(page, sample_server, "pendidikan=SMK")
    assert set(ids) == {v.id for v in model.open_vacancies}
    assert page.is_visible("#cari-asing")
    assert "Pendidikan saya “SMK”" in page.text_content("#cari-asing")
    assert page.text_content("#cari-aktif") == ""  # no filter claims to be active
    labels = page.eval_on_selector_all("#f-pendidikan option", "os => os.map(o => o.textContent)")
    assert any(label.startswith("SMK/MAK atau di bawahnya (") for label in labels)


def test_region_page_links_into_the_search(page, sample_server, model):
    region = next(p for p in model.provinces if any(not v.is_abroad for v in p.vacancies))
    page.goto(f"{sample_server}/{region.url}")
    link = page.get_by_role("link", name=f"Cari di {region.name}")
    before = None
    link.first.click()
    ids = wait_results(page, before)
    assert set(ids) == {v.id for v in region.vacancies if not v.is_abroad}
    assert page.locator("#f-provinsi").input_value() == region.name


# Hostile input -----------------------------------------------------------------------------

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "\"'",
    '"><script>alert(1)</script>',
    "operator " * 55 + "x" * 5,  # 500 characters
    "🙂👷🏽‍♀️ operator 🇮🇩",
    "🙂" * 250,
    "%3Cb%3E &amp; \\ ` ${x}",
]


@pytest.mark.parametrize(
    "query", HOSTILE, ids=["img", "quotes", "script", "500-chars", "emoji", "emoji-250", "escapes"]
)
def test_hostile_queries_render_as_text(page, sample_server, query):
    open_search(page, sample_server, {"q": query})
    expected = " ".join(query.split())
    expected = "".join(list(expected)[:MAX_QUERY]).strip()
    assert page.input_value("#cari-q") == expected
    assert parse_qs(urlsplit(page.url).query).get("q") == [expected]
    assert page.locator("main img, main script:not([src])").count() == 0
    if page.is_visible("#cari-kosong"):
        assert expected in page.text_content("#cari-kosong-judul")
    # and typed into the box
    before = selesai(page)
    page.fill("#cari-q", query[:MAX_QUERY])
    wait_results(page, before)
    assert page.locator("main img, main script:not([src])").count() == 0
    assert page.problems == []


# Accessibility and no JavaScript ---------------------------------------------------------


def load_axe():
    """axe-playwright-python reads its bundled axe.min.js (non-ASCII) in the locale's encoding,
    which fails under LANG=C; read it as UTF-8 then."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except UnicodeDecodeError:
        original = Path.read_text
        Path.read_text = lambda self, encoding=None, errors=None: original(self, encoding or "utf-8", errors)
        try:
            from axe_playwright_python.sync_playwright import Axe
        finally:
            Path.read_text = original
    return Axe


def test_axe_finds_no_violations_with_results_shown(page, sample_server, model):
    Axe = load_axe()
    v, word = distinctive(model)
    ids = open_search(page, sample_server, {"q": word})
    assert ids
    page.click("#cari-saringan summary")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    open_search(page, sample_server, {"q": "zzzqqqxxx"})
    assert page.is_visible("#cari-kosong")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_live_region_announces_counts_in_indonesian(page, sample_server, model):
    open_search(page, sample_server)
    region = page.locator("#cari-status")
    assert region.get_attribute("role") == "status"
    assert status(page) == count_text(len(model.open_vacancies))
    for label in ("#f-provinsi", "#f-kabkota", "#cari-q", "#cari-urut", "#f-disabilitas"):
        assert page.locator(f"label[for={label[1:]}]").count() == 1
    assert page.locator("#cari-saringan fieldset legend").count() == 3


def test_without_javascript_the_page_explains_and_links_to_the_full_list_and_provinces(browser, sample_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(f"{sample_server}/cari/?q=operator&provinsi=Jawa+Barat")
        message = page.locator("noscript .cari-pesan p").first  # (Playwright's text engine skips <noscript>)
        assert message.is_visible()
        assert message.text_content().startswith("Pencarian membutuhkan JavaScript")
        # A static page cannot echo ?q= without script: it says where the words still are.
        assert "?q=" in page.locator("noscript .cari-pesan").inner_text()
        assert "q=operator" in page.url
        link = page.locator("noscript .cari-pesan a[href='/provinsi/']")
        assert link.is_visible()
        assert not page.is_visible("#cari-form")
        link.click()
        page.wait_for_url("**/provinsi/")  # loaded, not only committed (a busy machine is slow)
        # The home page's search box (the header's) submits here; the home page links the list too.
        page.goto(f"{sample_server}/")
        page.fill("#q-atas", "operator")
        page.press("#q-atas", "Enter")
        page.wait_for_url("**/cari/?*")
        assert urlsplit(page.url).path == "/cari/"
        everything = page.locator("noscript .cari-pesan a[href='/lowongan/']")
        assert everything.is_visible()
        everything.click()
        page.wait_for_url("**/lowongan/")
        assert page.locator("ul.rows li a").count() > 0  # the list's compact rows, one per vacancy
        page.goto(f"{sample_server}/")
        for href in ("/lowongan/", "/provinsi/"):
            assert page.locator(f".hero noscript a[href='{href}']").is_visible()
    finally:
        context.close()


# The reader's province, national search and combinations ------------------------------------


def common_word(model) -> str:
    """A word in the text of about half the open vacancies (so filters have something to cut)."""
    seen: dict[str, int] = {}
    for v in model.open_vacancies:
        for word in set(re.findall(r"[a-z]{6,}", f"{v.title} {v.data['description']}".lower())):
            seen[word] = seen.get(word, 0) + 1
    half = len(model.open_vacancies) / 2
    return min(sorted(seen), key=lambda w: abs(seen[w] - half))


def remember(page, server, province: str) -> None:
    """The province a reader chose earlier on this device."""
    page.goto(f"{server}/provinsi/")
    page.evaluate("p => localStorage.setItem('antarkerja-provinsi', p)", province)


def test_remembered_province_is_the_default_scope_and_can_be_switched(page, sample_server, model):
    domestic = [v for v in model.open_vacancies if not v.is_abroad]
    counts = {}
    for v in domestic:
        counts[v.province.name] = counts.get(v.province.name, 0) + 1
    home, other = sorted(counts, key=lambda name: (-counts[name], name))[:2]
    word = common_word(model)
    everywhere = set(open_search(page, sample_server, {"q": word}))
    by_id = {v.id: v for v in model.open_vacancies}
    remember(page, sample_server, home)
    ids = open_search(page, sample_server, {"q": word})
    assert parse_qs(urlsplit(page.url).query) == {"q": [word], "provinsi": [home]}  # visible in the URL
    assert page.locator("#f-provinsi").input_value() == home
    assert set(ids) == {i for i in everywhere if not by_id[i].is_abroad and by_id[i].province.name == home}
    # Switching is remembered on the device
    page.click("#cari-saringan summary")
    before = selesai(page)
    page.select_option("#f-provinsi", other)
    ids = wait_results(page, before)
    assert set(ids) == {i for i in everywhere if not by_id[i].is_abroad and by_id[i].province.name == other}
    assert page.evaluate("localStorage.getItem('antarkerja-provinsi')") == other
    page.goto(f"{sample_server}/cari/")
    wait_results(page, None)
    assert page.locator("#f-provinsi").input_value() == other
    # A shared link's own province wins over the remembered one and is not stored
    open_search(page, sample_server, {"q": word, "provinsi": home})
    assert page.locator("#f-provinsi").input_value() == home
    assert page.evaluate("localStorage.getItem('antarkerja-provinsi')") == other
    assert page.problems == []


def test_regencies_are_offered_after_a_province_and_loaded_for_it_alone(page, sample_server, model):
    """The page carries no regency list (514 at national scale); a province brings its own."""
    requested = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    open_search(page, sample_server)
    assert page.is_disabled("#f-kabkota")
    assert page.eval_on_selector_all("#f-kabkota option", "os => os.map(o => o.value)") == [""]
    assert not [p for p in requested if p.startswith("/cari/kabkota")]
    v = next(o for o in model.open_vacancies if not o.is_abroad)
    page.click("#cari-saringan summary")
    before = selesai(page)
    page.select_option("#f-provinsi", v.province.name)
    wait_results(page, before)
    assert [p for p in requested if p.startswith("/cari/kabkota")] == [f"/cari/kabkota/{v.province.slug}.json"]
    label = page.eval_on_selector(f'#f-kabkota option[value="{v.regency.name}"]', "o => o.textContent")
    count = sum(o.regency.name == v.regency.name for o in model.open_vacancies if not o.is_abroad)
    assert label == f"{v.regency.name} ({count})"
    assert page.problems == []


def test_a_link_naming_only_a_regency_searches_in_that_regency_whatever_was_remembered(page, sample_server, model):
    v = next(o for o in model.open_vacancies if not o.is_abroad)
    other = next(p.name for p in model.provinces if p.name != v.province.name)
    remember(page, sample_server, other)
    requested = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    ids = open_search(page, sample_server, {"kabkota": v.regency.name})
    assert set(ids) == {o.id for o in model.open_vacancies if not o.is_abroad and o.regency.name == v.regency.name}
    # the province comes from one small file named by the regency (search.regency_key), not a list of all
    named = [p for p in requested if p.startswith("/cari/kabkota-nama/")]
    assert named == [f"/cari/kabkota-nama/{regency_key(v.regency.name)}.json"]
    assert page.input_value("#f-provinsi") == v.province.name
    assert page.input_value("#f-kabkota") == v.regency.name
    assert parse_qs(urlsplit(page.url).query) == {"provinsi": [v.province.name], "kabkota": [v.regency.name]}
    assert page.evaluate("localStorage.getItem('antarkerja-provinsi')") == other  # a link is not a choice
    # with words too: that province's bundle, limited to the regency
    word = common_word(model)
    everywhere = set(open_search(page, sample_server, {"q": word, "provinsi": NATIONAL}))
    ids = open_search(page, sample_server, {"q": word, "kabkota": v.regency.name})
    by_id = {o.id: o for o in model.open_vacancies}
    assert set(ids) == {i for i in everywhere if not by_id[i].is_abroad and by_id[i].regency.name == v.regency.name}
    # a regency outside the linked province is not applied, and the page says so
    ids = open_search(page, sample_server, {"provinsi": other, "kabkota": v.regency.name})
    assert set(ids) == {o.id for o in model.open_vacancies if not o.is_abroad and o.province.name == other}
    assert page.is_visible("#cari-asing") and f"“{v.regency.name}”" in page.text_content("#cari-asing")
    # a regency its file does not name (a typo in a link): named as not recognised, the reader's province kept
    ids = open_search(page, sample_server, {"kabkota": "Kota Tidakada Bekasi"})
    assert set(ids) == {o.id for o in model.open_vacancies if not o.is_abroad and o.province.name == other}
    assert page.is_visible("#cari-asing") and "“Kota Tidakada Bekasi”" in page.text_content("#cari-asing")
    assert page.problems == []


def test_a_rare_combination_says_how_far_it_looked_and_reads_on_when_asked(page, sample_server, model):
    """Several filters and no words: the page reads the most selective value's shards and
    stops after 6 files without a match, rather than download a whole province for nothing."""
    fetched = []

    def shard(route):
        n = int(re.search(r"-(\d+)\.json$", route.request.url).group(1))
        fetched.append(n)
        item = {"t": "Contoh", "e": "PT Contoh", "l": "Kota Contoh", "s": "", "v": "2026-12-31", "p": "2026-11-20"}
        items = [{**item, "i": f"x{n}-{k}", "f": []} for k in range(50)]  # none has the filters' ids
        older = None if n == 2 else 10 if n == 1 else n - 1  # file 1, then 10 down to 2 (outputs.browse)
        head = {"total": 500, "pages": 10} if n == 1 else {}
        route.fulfill(json={**head, "page": n, "next": older, "items": items})

    page.route("**/cari/data/**", shard)
    v = next(o for o in model.open_vacancies if not o.is_abroad)
    page.goto(f"{sample_server}/cari/?" + urlencode({"sektor": v.kbli["short_name"], "upah": v.salary_band}))
    page.wait_for_selector("#cari-hasil[data-selesai]", state="attached")
    assert result_ids(page) == []
    assert fetched == [1, 10, 9, 8, 7, 6]
    assert status(page) == "Belum ada yang cocok di 300 lowongan terbaru"
    assert page.is_visible("#cari-lagi") and page.text_content("#cari-lagi") == "Cari lebih jauh"
    page.click("#cari-lagi")
    page.wait_for_function("() => document.getElementById('cari-lagi').hidden")
    assert fetched == [1, *range(10, 1, -1)]
    page.wait_for_function("() => document.getElementById('cari-status').textContent.startsWith('Tidak ada')")
    assert page.problems == []


def test_national_search_includes_every_province_and_overseas(page, sample_server, model):
    abroad = [v for v in model.open_vacancies if v.is_abroad]
    assert abroad, "the sample content needs an overseas vacancy"
    v = abroad[0]
    word = next(w for w in v.title.lower().split() if len(w) > 3)
    national = open_search(page, sample_server, {"q": word, "provinsi": NATIONAL})
    assert v.id in national
    overseas = open_search(page, sample_server, {"q": word, "lingkup": "Luar negeri"})
    assert v.id in overseas and set(overseas) <= {o.id for o in abroad}
    assert v.id not in open_search(page, sample_server, {"q": word, "provinsi": v.province.name})


COMBINATIONS = [
    ("provinsi", "pendidikan"),
    ("sektor", "upah"),
    ("kabkota", "jenis"),
    ("lingkup", "pendidikan", "tayang"),
    ("provinsi", "urut"),
]


@pytest.mark.parametrize("words", [False, True], ids=["browse", "words"])
@pytest.mark.parametrize("params", COMBINATIONS, ids=["+".join(c) for c in COMBINATIONS])
def test_combinations_of_filters_show_exactly_their_vacancies(page, sample_server, model, params, words):
    """Without words the page reads one shard and filters the rest itself; with words Pagefind does."""
    domestic = [v for v in model.open_vacancies if not v.is_abroad]
    pick = domestic[len(domestic) // 2]
    chosen = {
        "provinsi": pick.province.name,
        "kabkota": pick.regency.name,
        "pendidikan": pick.education["name"],
        "sektor": pick.kbli["short_name"],
        "upah": pick.salary_band,
        "jenis": pick.employment_type_label,
        "lingkup": "Dalam negeri",
        "tayang": "30 hari terakhir",
        "urut": "tutup",
    }
    query = {p: chosen[p] for p in params}
    expected = {
        v.id for v in model.open_vacancies if all(chosen[p] in EXPECTED_VALUES[p](v) for p in params if p != "urut")
    }
    if words:
        word = common_word(model)
        found = set(open_search(page, sample_server, {"q": word, "provinsi": NATIONAL}))
        expected &= found
        query["q"] = word
    ids = open_search(page, sample_server, query)
    assert pick.id in expected or words
    assert set(ids) == expected
    assert len(ids) == len(set(ids))
    if "urut" in params:  # with words too: one province is one bundle, sorted exactly
        by_id = {v.id: v for v in model.open_vacancies}
        assert [by_id[i].valid_through for i in ids] == sorted(by_id[i].valid_through for i in ids)
    if not words:
        assert status(page) == count_text(len(expected))
    assert page.problems == []


def test_after_a_choice_the_show_results_action_is_in_view_with_its_count(page, sample_server, model):
    open_search(page, sample_server)
    page.click("#cari-saringan summary")
    v = next(o for o in model.open_vacancies if not o.is_abroad)
    before = selesai(page)
    page.select_option("#f-upah", v.salary_band)
    wait_results(page, before)
    n = sum(o.salary_band == v.salary_band for o in model.open_vacancies)
    button = page.locator("#cari-tampilkan")
    assert button.text_content() == f"Tampilkan {n} lowongan"
    box = button.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= 740  # on screen, not below the options
    button.click()
    assert page.get_attribute("#cari-saringan", "open") is None
    first = page.locator("#cari-hasil > li").first.bounding_box()
    assert first and 0 <= first["y"] < 740
    # every option shows its count
    labels = page.eval_on_selector_all("#f-upah option", "os => os.slice(1).map(o => o.textContent)")
    assert labels and all(re.search(r" \(\d[\d.]*\)$", label) for label in labels)


# Paging and the benchmark, on a generated site larger than the sample -------------------


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    """120 vacancies from the bench generator, built with the real theme and indexed."""
    from antarkerja.site.build import build_site
    from antarkerja.tools.bench import BENCH_TODAY, generate

    scratch = tmp_path_factory.mktemp("generated-site")
    generate(ROOT, scratch / "repo", 120)
    build_site(scratch / "repo", output=scratch / "out", today=BENCH_TODAY.isoformat(), siteurl="", search=True)
    return scratch / "out", 120


@pytest.fixture(scope="module")
def big_server(big_site):
    from antarkerja.tools.localweb import serve_folder

    server = serve_folder(big_site[0])
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_more_results_load_ten_at_a_time_and_take_focus(page, big_server, big_site):
    page.goto(f"{big_server}/cari/")
    page.wait_for_selector("#cari-hasil[data-selesai]", state="attached")
    assert page.locator("#cari-hasil > li").count() == 10
    assert status(page) == count_text(big_site[1])
    page.focus("#cari-lagi")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#cari-hasil > li').length === 20")
    assert page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#cari-hasil > li')[10]")


def test_measure_shapes_reports_bytes_requests_and_time(big_site):
    from antarkerja.tools.bench_search import measure_shapes, search_shapes

    shapes = search_shapes(big_site[0])
    labels = [label for label, _, _ in shapes]
    assert "empty" in labels and "words + provinsi" in labels and "sort tutup, no words" in labels
    assert all(f"filter {param}" in labels for param in FILTERS)
    picked = [s for s in shapes if s[0] in ("empty", "filter sektor", "words + provinsi")]
    rows = measure_shapes(big_site[0], picked, cpu_slowdown=1)
    assert [r["label"] for r in rows] == ["empty", "filter sektor", "words + provinsi"]
    for r in rows:
        assert r["errors"] == [] and r["results"] > 0, r
        assert 0 < r["kb_gzip"] <= r["kb"] and r["requests"] >= 3 and r["ms"] > 0
    # no words: a shard, no Pagefind; words: one province bundle
    assert rows[0]["kb"] < rows[2]["kb"]


# Absent words (issue #25): said, corrected to the closest index word, or left out -----------


@pytest.mark.parametrize(
    ("typed", "note", "first"),
    [
        # one letter off: the closest word in the index, said on the page
        (
            "satpan",
            "Tidak ada kata “satpan”; mencari kata terdekat, “satpam”.",
            "satpam-contoh-jasa-pengamanan-cilegon",
        ),
        ("progammer", "mencari kata terdekat, “programmer”", "programmer-backend-contoh-teknologi-jakarta-selatan"),
        ("guru matematka", "“matematika”", "guru-matematika-smp-contoh-pendidikan-tanah-papua-jayapura"),
        # a word no vacancy holds and nothing close: left out, and said
        # ("loker" is a filler word now, dropped silently: antarkerja.site.query)
        (
            "ojol satpam",
            "Kata “ojol” tidak ada di lowongan mana pun, jadi tidak dipakai.",
            "satpam-contoh-jasa-pengamanan-cilegon",
        ),
    ],
)
def test_absent_word_is_said_and_the_closest_known_word_searched(page, sample_server, typed, note, first):
    ids = open_search(page, sample_server, {"q": typed})
    assert note in page.inner_text("#cari-koreksi")
    assert ids[0] == first
    assert parse_qs(urlsplit(page.url).query)["q"] == [typed]  # what was typed stays in the URL
    assert page.problems == []


def test_absent_word_alone_shows_nothing_instead_of_a_prefix_match(page, sample_server):
    """Pagefind shortens an absent word until a prefix matches ("perwat" showed 20 unrelated
    pages); the page says the word is absent and shows none."""
    assert open_search(page, sample_server, {"q": "perwat"}) == []
    assert page.inner_text("#cari-koreksi") == "Kata “perwat” tidak ada di lowongan mana pun."


@pytest.mark.parametrize("typed", ["admistrasi", "perawat", "keperawatan", "lulusan smk", "jahitan", "Satpam"])
def test_words_in_the_index_are_not_corrected(page, sample_server, typed):
    """Listed misspellings (search-synonyms.yml), stems, affixed and capitalised forms are found."""
    assert open_search(page, sample_server, {"q": typed})
    assert page.is_hidden("#cari-koreksi")
