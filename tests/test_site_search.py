"""What open vacancies tell Pagefind, the links into the search page, and the index step."""

from __future__ import annotations

import copy
import json
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jinja2
import pytest
import yaml

from antarkerja.errors import BuildFailed
from antarkerja.reference import load_reference
from antarkerja.salary import BANDS as SALARY_BANDS
from antarkerja.site import search
from antarkerja.site.index_window import CLOSING_FILTER
from antarkerja.site.model import Vacancy, build_site
from antarkerja.site.search import (
    FILTERS,
    POSTED_VALUES,
    SORTS,
    SearchIndexFailed,
    filter_values,
    index_site,
    pagefind_filters,
    pagefind_meta,
    pagefind_sorts,
    posted_within,
    region_search_link,
    search_link,
    search_options,
)
from antarkerja.site.templating import DedentLoader, base_globals

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 25)
RECORD = yaml.load(
    (ROOT / "tests" / "fixtures" / "records" / "good-vacancy.yml").read_text(encoding="utf-8"),
    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
)


@pytest.fixture(scope="module")
def ref():
    return load_reference(ROOT)


def make(ref, **changes) -> Vacancy:
    """The good fixture vacancy with top-level keys replaced (nested dicts merged)."""
    data = copy.deepcopy(RECORD)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    return Vacancy(data, ref, TODAY)


def values(v, name):
    return [value for n, value in pagefind_filters(v) if n == name]


# pagefind_filters -------------------------------------------------------------------------


def test_every_filter_kind_has_an_indonesian_label_not_a_code(ref):
    v = make(ref)
    assert dict(pagefind_filters(v)) == {
        "provinsi": "Jawa Barat",
        "kabkota": "Kabupaten Bekasi",
        "sektor": "Industri pengolahan",
        "jabatan": "Operator & perakit mesin",
        "pendidikan": "SMK/MAK",  # the vacancy's own level; filter_values adds those above
        "jenis": "Kontrak (PKWT)",
        "cara_kerja": "Di lokasi kerja",
        "lingkup": "Dalam negeri",
        "upah": "5 – 10 juta",
        "tayang": v.date_posted.isoformat(),  # the posting date: the page picks the dates of the last n days
        "tutup": v.valid_through.isoformat(),  # the closing date: the page hides those before its today
    }
    names = {name for name, _ in FILTERS.values()}
    assert {n for n, _ in pagefind_filters(v)} <= names | {CLOSING_FILTER}


@pytest.mark.parametrize(
    "days_ago, expected",
    [
        (0, ["7 hari terakhir", "30 hari terakhir"]),
        (3, ["7 hari terakhir", "30 hari terakhir"]),
        (7, ["7 hari terakhir", "30 hari terakhir"]),
        (8, ["30 hari terakhir"]),
        (30, ["30 hari terakhir"]),
        (31, []),
    ],
)
def test_posted_within_buckets(ref, days_ago, expected):
    v = make(ref, date_posted=TODAY - timedelta(days=days_ago), valid_through=TODAY + timedelta(days=30))
    assert [label for days, label in POSTED_VALUES.items() if posted_within(v, days, TODAY)] == expected


def test_nothing_indexed_for_tayang_depends_on_today(ref):
    """The same vacancy built on two days indexes the same filters (its posting date)."""
    posted = TODAY - timedelta(days=7)
    one, other = (
        Vacancy(make(ref, date_posted=posted, valid_through=TODAY + timedelta(days=30)).data, ref, day)
        for day in (TODAY, TODAY + timedelta(days=1))
    )
    assert pagefind_filters(one) == pagefind_filters(other)
    assert values(one, "tayang") == [posted.isoformat()]
    assert filter_values(one) == filter_values(other)


def test_disability_friendly_only_when_declared(ref):
    assert values(make(ref), "disabilitas") == []
    assert values(make(ref, disability={"friendly": True}), "disabilitas") == ["Ramah disabilitas"]
    assert values(make(ref, disability={"friendly": False}), "disabilitas") == []


def test_overseas_vacancy(ref):
    v = make(
        ref,
        location={"country": "JP", "city": "Osaka"},
        salary={"disclosed": True, "min": 180000, "max": 200000, "unit": "MONTH", "currency": "JPY"},
    )
    assert values(v, "lingkup") == ["Luar negeri"]
    assert values(v, "upah") == ["Mata uang asing"]
    assert pagefind_sorts(v)["upah"] == f"000000000000 {v.id}"
    # its work is not in an Indonesian province: it lives in the "Luar negeri" scope
    assert values(v, "provinsi") == [] and values(v, "kabkota") == []


@pytest.mark.parametrize(
    "minimum, expected",
    [
        ("smk", ["SMA/MA", "SMK/MAK", "Diploma I (D1)", "Diploma II (D2)", "Diploma III (D3)"]),
        ("tidak_ada", ["Tanpa syarat pendidikan", "SD/sederajat", "SMP/sederajat", "SMA/MA", "SMK/MAK"]),
        ("s2", ["Magister (S2)", "Doktor (S3)"]),
    ],
)
def test_education_filter_means_what_my_education_qualifies_me_for(ref, minimum, expected):
    """A vacancy asking SMK can be applied for with SMA, SMK or anything higher, not with SMP."""
    v = make(ref, education={"minimum": minimum})
    assert values(v, "pendidikan") == [v.education["name"]]  # the index holds the own level only
    got = [value for name, value in search.filter_values(v) if name == "pendidikan"]
    assert got[: len(expected)] == expected
    ranks = {item["name"]: item["rank"] for item in ref.education.values()}
    minimum_rank = ref.education[minimum]["rank"]
    assert set(got) == {name for name, rank in ranks.items() if rank >= minimum_rank}


def test_salary_bands_are_the_models(ref):
    assert values(make(ref, salary={"disclosed": False}), "upah") == ["Tidak dicantumkan"]
    assert values(make(ref, salary={"min": 12_000_000, "max": 15_000_000}), "upah") == ["Di atas 10 juta"]
    assert values(make(ref, salary={"min": 1_000_000, "max": 1_200_000}), "upah") == ["Di bawah UMP"]
    for v in (make(ref), make(ref, salary={"disclosed": False})):
        assert values(v, "upah")[0] in SALARY_BANDS


# pagefind_sorts ---------------------------------------------------------------------------


def test_salary_sort_key_orders_numerically(ref):
    salaries = [
        {"min": 900_000, "max": 950_000},
        {"min": 10_000_000, "max": 12_000_000},
        {"min": 5_500_000, "max": 6_000_000},
        {"min": 20_000, "max": 25_000, "unit": "HOUR"},  # 25,000 × 173 = 4,325,000 a month
        {"min": 100_000_000, "max": 150_000_000, "unit": "YEAR"},  # 12.5 million a month
        {"disclosed": False},
    ]
    vacancies = [make(ref, salary=s) for s in salaries]
    keys = [pagefind_sorts(v)["upah"] for v in vacancies]
    assert all(re.fullmatch(r"\d{12} " + re.escape(v.id), k) for k, v in zip(keys, vacancies, strict=True))
    by_key = sorted(vacancies, key=lambda v: pagefind_sorts(v)["upah"], reverse=True)
    by_amount = sorted(vacancies, key=lambda v: v.salary_monthly, reverse=True)
    assert [v.salary_monthly for v in by_key] == [v.salary_monthly for v in by_amount]
    assert [v.salary_monthly for v in by_key] == [12_500_000, 12_000_000, 6_000_000, 4_325_000, 950_000, 0]
    # A plain string sort of unpadded numbers would put 950000 above 6000000: padding matters.
    assert "950000" > "6000000" and keys[0] < keys[2]


def test_date_sort_keys_are_iso_dates(ref):
    early = make(ref, date_posted=date(2026, 9, 30), valid_through=date(2026, 12, 1))
    late = make(ref, date_posted=date(2026, 11, 2), valid_through=date(2027, 1, 10))
    vid = early.id
    assert pagefind_sorts(early) == {
        "terbaru": f"2026-09-30 {vid}",
        "tutup": f"2026-12-01 {vid}",
        "upah": f"000006000000 {vid}",
    }
    assert pagefind_sorts(early)["terbaru"] < pagefind_sorts(late)["terbaru"]
    assert pagefind_sorts(early)["tutup"] < pagefind_sorts(late)["tutup"]
    assert set(pagefind_sorts(early)) == {key for key, _, _ in SORTS.values()}


def test_meta_carries_the_date_not_a_day_count(ref):
    v = make(ref, example=False)
    meta = pagefind_meta(v)
    assert meta == {
        "employer": "PT Contoh Uji Manufaktur",
        "location": "Kabupaten Bekasi, Jawa Barat",
        "salary": "Rp 5.500.000 – 6.000.000 per bulan",
        "type": v.employment_type_label,
        "education": v.education["name"],
        "posted": v.date_posted.isoformat(),
        "valid_through": "2026-12-31",
        "gaji": "MONTH 5500000 6000000",  # unit, low, high in rupiah: for a typed salary (site.query)
    }
    assert "example" not in meta  # only sample records carry the mark


def test_meta_marks_sample_records(ref):
    assert pagefind_meta(make(ref, example=True))["example"] == "1"


# search_link --------------------------------------------------------------------------------


def test_search_link_matches_what_the_page_reads():
    assert search_link("", provinsi="Jawa Barat") == "/cari/?provinsi=Jawa+Barat"
    assert search_link("https://antarkerja.example.id") == "https://antarkerja.example.id/cari/"
    link = search_link(
        "",
        q="operator mesin",
        provinsi="Jawa Barat",
        kabkota="Kabupaten Bekasi",
        sektor="Listrik & gas",
        urut="terbaru",
        upah="",
    )
    parts = urlsplit(link)
    assert parts.path == "/cari/"
    assert parse_qs(parts.query) == {
        "q": ["operator mesin"],
        "provinsi": ["Jawa Barat"],
        "kabkota": ["Kabupaten Bekasi"],
        "sektor": ["Listrik & gas"],
        "urut": ["terbaru"],
    }
    assert "sektor=Listrik+%26+gas" in link


def test_search_link_refuses_unknown_parameters():
    with pytest.raises(ValueError, match="province"):
        search_link("", province="Jawa Barat")


def test_region_links(ref):
    site = build_site([copy.deepcopy(RECORD)], [], ref, TODAY)
    province = next(p for p in site.provinces if p.code == "32")
    regency = next(r for r in site.regencies if r.code == "32.16")
    assert region_search_link("", province) == "/cari/?provinsi=Jawa+Barat"
    assert region_search_link("", regency) == "/cari/?provinsi=Jawa+Barat&kabkota=Kabupaten+Bekasi"


# The search page's options ---------------------------------------------------------------


def test_options_offer_every_value_the_index_holds_with_its_count(ref):
    records = []
    for i, (country, education, kbli, friendly) in enumerate(
        [("ID", "sma", "C", True), ("JP", "s1", "Q", False), ("ID", "sd", "A", False)]
    ):
        r = copy.deepcopy(RECORD)
        r["id"] = f"v{i}"
        r["location"]["country"] = country
        r["education"]["minimum"] = education
        r["kbli"] = kbli
        r["disability"] = {"friendly": friendly}
        records.append(r)
    site = build_site(records, [], ref, TODAY)
    controls = {c["param"]: c for fs in search_options(site) for c in fs["controls"]}
    assert set(controls) == set(FILTERS)

    def offered(c):
        if c["kind"] == "checkbox":
            return [c["option"]]
        return c.get("options") or [o for _, group in c["groups"] for o in group]

    # 38 provinces after the explicit national scope
    assert [o["value"] for o in offered(controls["provinsi"])][0] == search.NATIONAL
    assert len(offered(controls["provinsi"])) == 39
    counts = {}
    for v in site.open_vacancies:
        for pair in search.filter_values(v):
            counts[pair] = counts.get(pair, 0) + 1
    for param, c in controls.items():
        for o in offered(c):
            if param == search.POSTED_FILTER:  # depends on the reader's today: no count, no id
                assert o["count"] is None and o["id"] is None and not o["shard"]
            elif o["value"] != search.NATIONAL:
                assert o["count"] == counts.get((param, o["value"]), 0), (param, o["value"])
    for name, value in counts:
        assert value in [o["value"] for o in offered(controls[name])], (name, value)
    assert [(g, [o["value"] for o in opts]) for g, opts in controls["kabkota"]["groups"]] == [
        ("Jawa Barat", ["Kabupaten Bekasi"])
    ]
    # SMA asks less than S1: both qualify someone with S1, only one someone with SMA
    education = {o["value"]: o["count"] for o in offered(controls["pendidikan"])}
    assert education["SMA/MA"] == 2 and education["Sarjana (S1)"] == 3 and education["SD/sederajat"] == 1
    assert "atau di bawahnya" in offered(controls["pendidikan"])[3]["text"]
    ids = [o["id"] for c in controls.values() for o in offered(c) if o["id"] is not None]
    assert len(ids) == len(set(ids))


def test_bundles_split_large_provinces_and_keep_overseas_apart(ref, monkeypatch):
    monkeypatch.setattr(search, "MAX_BUNDLE_PAGES", 2)
    records = []
    for i, (country, regency) in enumerate(
        [("ID", "32.16"), ("ID", "32.16"), ("ID", "32.73"), ("ID", "32.04"), ("JP", "32.16"), ("ID", "51.71")]
    ):
        r = copy.deepcopy(RECORD)
        r["id"] = f"v{i}"
        r["location"]["country"] = country
        r["location"]["regency"] = regency
        r["location"]["province"] = regency[:2]
        records.append(r)
    site = build_site(records, [], ref, TODAY)
    got = [(b.key, b.scope, [v.id for v in b.vacancies]) for b in search.bundles(site)]
    assert got == [  # by province code; a large province's parts by regency code, then id
        ("jawa-barat-1", "Jawa Barat", ["v3", "v0"]),
        ("jawa-barat-2", "Jawa Barat", ["v1", "v2"]),
        ("bali", "Bali", ["v5"]),
        ("luar-negeri", "Luar negeri", ["v4"]),
    ]
    assert search.bundles(site)[0].regencies == ["Kabupaten Bandung", "Kabupaten Bekasi"]
    data = json.loads(search.search_page_data(site))
    assert data["scopes"]["Jawa Barat"] == ["jawa-barat-1", "jawa-barat-2"]
    # a regency names the parts holding it, so a search limited to it loads only those
    lists = search.regency_lists(site)
    assert data["regencies"] == {"Jawa Barat": "jawa-barat", "Bali": "bali"}
    bundles_of = {o["v"]: o.get("b") for o in lists["jawa-barat"]["kabkota"]}
    assert bundles_of == {
        "Kabupaten Bandung": ["jawa-barat-1"],
        "Kabupaten Bekasi": ["jawa-barat-1", "jawa-barat-2"],
        "Kota Bandung": ["jawa-barat-2"],
    }
    assert "b" not in lists["bali"]["kabkota"][0]  # one bundle: nothing to choose


def test_a_small_site_has_only_a_national_bundle_a_large_one_none(ref, monkeypatch):
    records = []
    for i, (country, regency) in enumerate([("ID", "32.16"), ("ID", "51.71"), ("ID", "32.73"), ("JP", "32.16")]):
        r = copy.deepcopy(RECORD)
        r["id"], r["location"]["regency"], r["location"]["province"] = f"v{i}", regency, regency[:2]
        r["location"]["country"] = country
        records.append(r)
    site = build_site(records, [], ref, TODAY)
    # each page indexed once: one bundle of every open vacancy, overseas included; province
    # and overseas searches narrow it with Pagefind's provinsi/lingkup filters
    got = [(b.key, b.scope, [v.id for v in b.vacancies]) for b in search.bundles(site)]
    assert got == [("semua", search.NATIONAL, ["v0", "v1", "v2", "v3"])]
    data = json.loads(search.search_page_data(site))
    assert data["scopes"] == {search.NATIONAL: ["semua"]}
    monkeypatch.setattr(search, "MAX_BUNDLE_PAGES", 3)  # four open vacancies no longer fit in one
    site = build_site(records, [], ref, TODAY)
    assert [b.key for b in search.bundles(site)] == ["jawa-barat", "bali", "luar-negeri"]
    data = json.loads(search.search_page_data(site))
    assert search.NATIONAL not in data["scopes"]  # words without a province read the word index
    assert data["words"] == "cari/kata/{key}.json" and data["wordKeys"] == "cari/kata/kunci.json"


def test_the_national_bundle_setting_lowers_the_threshold_only(ref, monkeypatch):
    records = []
    for i, regency in enumerate(["32.16", "51.71", "32.73"]):
        r = copy.deepcopy(RECORD)
        r["id"], r["location"]["regency"], r["location"]["province"] = f"v{i}", regency, regency[:2]
        records.append(r)
    monkeypatch.setenv(search.NATIONAL_BUNDLE_SETTING, "2")
    assert [b.key for b in search.bundles(build_site(records, [], ref, TODAY))] == ["jawa-barat", "bali"]
    monkeypatch.setenv(search.NATIONAL_BUNDLE_SETTING, "3")
    assert [b.key for b in search.bundles(build_site(records, [], ref, TODAY))] == ["semua"]
    monkeypatch.setenv(search.NATIONAL_BUNDLE_SETTING, "1000000")  # never above the memory limit
    assert search.national_bundle_max() == search.MAX_BUNDLE_PAGES


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.items = [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append([dict(attrs), ""])

    def handle_endtag(self, tag):
        attrs, text = self.stack.pop()
        self.items.append((attrs, text))

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][1] += data


@pytest.mark.parametrize("autoescape", [True, False])
def test_partial_gives_pagefind_exactly_the_filters_sorts_and_meta(ref, autoescape):
    v = make(ref, employer={"name": 'PT <b>Maju</b> & "Jaya"'}, kbli="E", disability={"friendly": True})
    env = jinja2.Environment(
        loader=DedentLoader(jinja2.FileSystemLoader(str(ROOT / "theme" / "templates"))), autoescape=autoescape
    )
    env.globals.update(search.JINJA_GLOBALS, **base_globals())
    html = env.get_template("partials/pagefind.html").render(vacancy=v)
    assert "<b>" not in html
    parser = _Collect()
    parser.feed(html)
    filters = [(a["data-pagefind-filter"], t) for a, t in parser.items if "data-pagefind-filter" in a]
    sorts = dict(a["data-pagefind-sort"].split(":", 1) for a, _ in parser.items if "data-pagefind-sort" in a)
    meta = {a["data-pagefind-meta"]: t for a, t in parser.items if "data-pagefind-meta" in a}
    assert filters == pagefind_filters(v)
    assert ("sektor", "Air, limbah & daur ulang") in filters  # a comma inside a value is safe
    assert sorts == pagefind_sorts(v)
    assert meta == pagefind_meta(v)
    wrapper = parser.items[-1][0]
    assert "hidden" in wrapper and "data-pagefind-ignore" in wrapper


# index_site -------------------------------------------------------------------------------


def _page(folder: Path, rel: str, body: str, open_: bool) -> None:
    path = folder / rel / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    attr = " data-pagefind-body" if open_ else ""
    path.write_text(
        f'<!doctype html><html lang="id"><body><main{attr}><h1>{body}</h1><p>{body} di pabrik.</p>'
        f'<span hidden data-pagefind-filter="provinsi">Bali</span></main></body></html>',
        encoding="utf-8",
    )


def test_index_site_indexes_only_marked_pages(tmp_path):
    _page(tmp_path, "lowongan/a", "Penjahit", True)
    _page(tmp_path, "lowongan/b", "Perawat", True)
    _page(tmp_path, "lowongan/c", "Satpam", False)
    _page(tmp_path, "provinsi", "Provinsi", False)
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "stale.pf_fragment").write_text("old")
    stats = index_site(tmp_path)
    assert stats["pages"] == 2
    assert stats["language"] == "id" and stats["version"]
    assert stats["seconds"] > 0
    bundle = tmp_path / "pagefind"
    assert stats["bytes"] == sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["id"]
    assert not (bundle / "stale.pf_fragment").exists()
    # The engine is kept once, beside the bundles (share_engine); the bundle keeps its index.
    engine = bundle / "mesin"
    assert (engine / "pagefind.js").is_file() and (engine / "wasm.id.pagefind").is_file()
    assert not (bundle / "pagefind.js").exists() and not (bundle / "wasm.id.pagefind").exists()
    assert not (bundle / "pagefind-ui.js").exists() and not (bundle / "pagefind-worker.js").exists()


def test_vacancy_labels_and_headings_are_not_indexed(tmp_path):
    """Labels ("Upah") and section headings ("Kualifikasi") repeat on every vacancy page;
    one exclude selector keeps them out of the index (no attribute on each label)."""
    import gzip

    page = tmp_path / "lowongan" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<!doctype html><html lang="id"><body><article class="vac" data-pagefind-body><h1>Penjahit</h1>'
        "<dl><div><dt>Upahlabel</dt><dd>Rp 3.000.000</dd></div></dl><h2>Kualifikasijudul</h2>"
        "<ul><li>Teliti menjahit</li></ul></article></body></html>",
        encoding="utf-8",
    )
    assert index_site(tmp_path)["pages"] == 1
    fragments = [
        gzip.decompress(f.read_bytes()).decode("utf-8") for f in (tmp_path / "pagefind" / "fragment").iterdir()
    ]
    assert len(fragments) == 1
    assert "Teliti menjahit" in fragments[0] and "3.000.000" in fragments[0]
    assert "Upahlabel" not in fragments[0] and "Kualifikasijudul" not in fragments[0]


def test_index_site_without_open_pages_indexes_nothing(tmp_path):
    _page(tmp_path, "lowongan/c", "Satpam", False)
    stats = index_site(tmp_path)
    assert stats["pages"] == 0 and stats["bytes"] == 0
    assert not (tmp_path / "pagefind").exists()  # never every page of the site


def test_index_site_failure_is_a_clear_build_error(tmp_path):
    with pytest.raises(SearchIndexFailed) as info:
        index_site(tmp_path)  # no HTML at all: Pagefind refuses
    assert isinstance(info.value, BuildFailed)  # `antarkerja build` prints it without a traceback
    message = str(info.value)
    assert message.startswith("Pagefind gagal membuat indeks pencarian")
    assert "Traceback" not in message
    with pytest.raises(SearchIndexFailed, match="tidak ada"):
        index_site(tmp_path / "missing")


# The built sample site ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_model():
    from antarkerja.records.validate import validate_repository

    result = validate_repository(ROOT)
    ref = load_reference(ROOT)
    return build_site([r.data for r in result.vacancies], [o.data for o in result.offices], ref, TODAY)


def test_sample_index_holds_each_open_vacancy_in_exactly_one_bundle(sample_site, sample_model):
    """A small site is indexed once: every open vacancy page is in exactly one bundle (the
    national one, read by province searches too), never in a province bundle as well."""
    import gzip
    from collections import Counter

    folders = sorted(p for p in (sample_site / "pagefind").iterdir() if p.name != "mesin")  # mesin: the engine
    bundled: Counter = Counter()
    for folder in folders:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        # Indonesian, and the same pages again in each sort key's metadata (pagefind_canon)
        assert list(entry["languages"]) == ["id", *(f"id-x-{key}" for key in sorted(search.SORTS))]
        assert {info["page_count"] for info in entry["languages"].values()} == {entry["languages"]["id"]["page_count"]}
        fragments = [gzip.decompress(f.read_bytes()) for f in (folder / "fragment").iterdir()]
        urls = [json.loads(f.removeprefix(b"pagefind_dcd"))["url"] for f in fragments]
        assert len(urls) == entry["languages"]["id"]["page_count"], folder.name
        bundled.update(dict.fromkeys(urls, 1))
    open_urls = {f"/{v.url}" for v in sample_model.open_vacancies}
    assert len(open_urls) > 1 and set(bundled) == open_urls
    assert [url for url, n in bundled.items() if n != 1] == []
    assert [p.name for p in folders] == [search.NATIONAL_BUNDLE]
    assert not (sample_site / search.BUNDLES_MANIFEST).exists()  # read and removed by the index step


def test_sample_pages_mark_only_open_vacancies(sample_site, sample_model):
    for v in sample_model.vacancies:
        html = (sample_site / v.url / "index.html").read_text(encoding="utf-8")
        assert ("data-pagefind-body" in html) == v.is_open, v.id
        assert ("data-pagefind-filter" in html) == v.is_open, v.id
    pages_with_body = [p for p in sample_site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert len(pages_with_body) == len(sample_model.open_vacancies)


def test_sample_search_page_has_a_control_per_filter(sample_site, sample_model):
    html = (sample_site / "cari" / "index.html").read_text(encoding="utf-8")
    for param, (name, _) in FILTERS.items():
        assert f'name="{param}" data-filter="{name}"' in html or f'name="{param}" value=' in html, param
    assert 'src="/theme/js/search.js' in html and 'type="module"' in html
    assert "<noscript>" in html and 'href="/provinsi/"' in html
    for v in sample_model.open_vacancies:
        if not v.is_abroad:
            count = sum(o.province == v.province and not o.is_abroad for o in sample_model.open_vacancies)
            assert f'<option value="{v.province.name}" data-id="' in html
            assert f">{v.province.name} ({count})</option>" in html
            # regencies are not in the page: the province's list is loaded once it is chosen
            assert f'<option value="{v.regency.name}"' not in html
            lists = json.loads((sample_site / "cari" / "kabkota" / f"{v.province.slug}.json").read_text("utf-8"))
            count = sum(o.regency == v.regency and not o.is_abroad for o in sample_model.open_vacancies)
            assert {"v": v.regency.name, "n": count} in [{"v": o["v"], "n": o["n"]} for o in lists["kabkota"]]
            key = search.regency_key(v.regency.name)
            index = json.loads((sample_site / "cari" / "kabkota-nama" / f"{key}.json").read_text("utf-8"))
            assert index[v.regency.name] == v.province.name
    assert (sample_site / "theme" / "js" / "search.js").is_file()
    # search.css is inlined: the only stylesheet requested before the first paint is site.css
    css = (ROOT / "theme" / "static" / "css" / "search.css").read_text(encoding="utf-8")
    assert ".cari-saringan>summary{" in css and ".cari-saringan>summary{" in html
    assert html.count('rel="stylesheet"') == 1 and 'href="/theme/css/site.css' in html


def test_sample_browse_shards_hold_exactly_the_open_vacancies_newest_first(sample_site, sample_model):
    from antarkerja.urls import url

    def read_all(key, order="terbaru"):
        """As search.js walks a list: file 1 (total and pages), then each file's "next"."""
        first = json.loads((sample_site / url("search_shard", key=key, order=order, number=1)).read_text("utf-8"))
        items, data, read = [], first, 1
        while True:
            items += data["items"]
            if data["next"] is None:
                break
            data = json.loads(
                (sample_site / url("search_shard", key=key, order=order, number=data["next"])).read_text("utf-8")
            )
            assert "total" not in data  # only file 1 changes with the list's length
            read += 1
        assert first["total"] == len(items) and first["pages"] == read
        return [i["i"] for i in items]

    assert read_all("semua") == [v.id for v in sample_model.open_vacancies]
    by_closing = sorted(sample_model.open_vacancies, key=lambda v: (v.valid_through, -v.date_posted.toordinal(), v.id))
    assert read_all("semua", "tutup") == [v.id for v in by_closing]
    for province in sample_model.provinces:
        expected = [v.id for v in province.vacancies if not v.is_abroad]
        shard = sample_site / url("search_shard", key=f"provinsi/{province.slug}", order="terbaru", number=1)
        if expected and len(expected) <= search.DENSE * len(sample_model.open_vacancies):
            assert read_all(f"provinsi/{province.slug}") == expected
        else:
            assert not shard.exists()
    closed = {v.id for v in sample_model.vacancies if not v.is_open}
    for path in (sample_site / "cari" / "data").rglob("*.json"):
        assert not closed & {i["i"] for i in json.loads(path.read_text("utf-8"))["items"]}, path


def test_search_script_stays_small():
    # 16,000 until regencies moved out of the page and the national bundle came: loading
    # regencies per province costs the script ~1.2 KB and saves every search URL ~60 KB at
    # national scale (README). 18,000 until the engine was shared by every bundle: ~1 KB of
    # script that saves ~116 KB at every switch of bundle; then ~5 KB (1.9 KB gzipped) to say
    # which typed words no vacancy holds and search the closest known word (docs/search.md).
    # 25,000 until national words read the word index and a province without results names
    # others: ~6 KB (1.9 KB gzipped) that replace a 1.2 MB merged search at 100,000.
    # 32,000 until typed salaries, education and filters were applied and shown as chips and
    # weak Pagefind matches held back (~4.4 KB, 1.4 KB gzipped, that took search quality on
    # the judged queries from 0.710/0.809 to 0.912/0.969: docs/search.md "Search quality"),
    # and browse files and word ordinals were numbered from the oldest and "Tayang dalam"
    # decided on the device (~1.7 KB, 0.6 KB gzipped, that spare about 900 files rewritten by
    # each added vacancy and 1,200 by each night at 10,000: docs/performance.md). The query
    # parsing itself is query.js, tested in Python and Node alike.
    # 38,500 until words in one province or overseas were answered by the word index from its
    # display blocks, restore() loaded the engine beside the regency list and word files were
    # split by four letters (~2.6 KB, 0.85 KB gzipped, that take a province switch after a
    # national search at 10,000 vacancies from 128.9 KB, the engine's download, to 4-16 KB of
    # display blocks: docs/search.md, "Words in a province by the word index").
    # 41,000 until the word index answered words in a province with filters, typed salary or
    # education, "Tayang dalam" and in another order too (~3.2 KB; 1.7 KB minified, 0.5 KB
    # gzipped as served), which spares those searches the Pagefind engine and a bundle's
    # metadata, 190-220 KB and 1.2-1.6 s at 100,000 (docs/search.md, "Filters and orders in a
    # province").
    size = (ROOT / "theme" / "static" / "js" / "search.js").stat().st_size
    assert size < 45_000, size


REGENCY_KEYS = json.loads((ROOT / "tests" / "fixtures" / "conformance" / "regency-keys.json").read_text("utf-8"))


@pytest.mark.parametrize("case", REGENCY_KEYS["cases"], ids=lambda c: c["note"])
def test_a_regency_names_its_file_as_the_conformance_file_says(case):
    """search.regency_key, as query.js's regencyKey (tests/js/query.test.js) on the same file."""
    assert search.regency_key(case["name"]) == case["key"]


def test_a_regency_named_alone_reads_one_small_file_that_names_its_province(sample_site):
    folder = sample_site / "cari" / "kabkota-nama"
    files = {p.stem: json.loads(p.read_text("utf-8")) for p in folder.glob("*.json")}
    assert len(files) > 1 and not (sample_site / "cari" / "kabkota.json").exists()
    for key, homes in files.items():
        assert all(search.regency_key(name) == key for name in homes)
    named = {name for homes in files.values() for name in homes}
    listed = {
        o["v"]
        for p in (sample_site / "cari" / "kabkota").glob("*.json")
        for o in json.loads(p.read_text("utf-8"))["kabkota"]
    }
    assert named == listed  # every regency the page can offer, once
