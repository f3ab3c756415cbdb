"""Feeds, the JSON API, CSV downloads and widget pages, read the way their users read them.

Feeds go through ``feedparser`` (what feed readers use), the API through ``jsonschema`` with
the schema the site publishes, CSV through the ``csv`` module. What each feed must hold is
worked out here from the YAML records themselves (open = status open and not expired), not
from the model the build uses.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import feedparser
import jinja2
import jsonschema
import pytest
from support import ROOT, SITE_FIXTURE, TODAY

from antarkerja.present import strip_bidi
from antarkerja.records.load import load_file
from antarkerja.reference import load_reference
from antarkerja.site.model import build_site
from antarkerja.site.outputs import File, OutputContext, Page
from antarkerja.site.outputs import feeds as feeds_family
from antarkerja.site.outputs.downloads import OFFICE_COLUMNS, VACANCY_COLUMNS
from antarkerja.site.templating import DedentLoader
from antarkerja.urls import url
from antarkerja.wording import tanggal

LIMIT = 200_000  # bytes: no feed or API file may be larger, whatever the number of vacancies


def records(folder: str) -> list[dict]:
    return [load_file(p).data for p in sorted((SITE_FIXTURE / "content" / folder).rglob("*.yml"))]


VACANCIES = records("vacancies")
OFFICES = records("offices")
OPEN = [v for v in VACANCIES if v["status"] == "open" and v["valid_through"] >= TODAY]
CLOSED = [v for v in VACANCIES if v not in OPEN]


# A province's vacancies are those whose work is there (antarkerja.site.model.counts_in_region).
DOMESTIC = lambda v: v["location"]["country"] == "ID"  # noqa: E731


def expected(**where) -> set[str]:
    """Ids of open fixture vacancies matching ``where`` (a function of the record each)."""
    return {v["id"] for v in OPEN if all(test(v) for test in where.values())}


def atom(site: Path, scope: str):
    data = (site / url("feed_atom", scope=scope)).read_bytes()
    parsed = feedparser.parse(data)
    assert not parsed.bozo, f"{scope}: {parsed.get('bozo_exception')}"
    return parsed


def json_feed(site: Path, scope: str) -> dict:
    return json.loads((site / url("feed_json", scope=scope)).read_text(encoding="utf-8"))


def entry_ids(parsed) -> set[str]:
    return {e.link.rstrip("/").rsplit("/", 1)[-1] for e in parsed.entries}


# Feeds -------------------------------------------------------------------------------------


def test_the_fixture_has_closed_and_abroad_vacancies():
    """Otherwise the scope tests below could not fail."""
    assert CLOSED and any(v["location"]["country"] != "ID" for v in OPEN)
    assert {v["status"] for v in CLOSED} >= {"filled", "closed"} and any(v["status"] == "open" for v in CLOSED)


def test_every_feed_parses_without_errors(fixture_site):
    atoms = sorted((fixture_site / "feed").rglob("*.atom"))
    assert len(atoms) > 40  # country, abroad, 38 provinces, regencies, offices, sectors
    for path in atoms:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.version == "atom10"
        j = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert not json_feed_problems(j), (path, json_feed_problems(j))
        assert [i["id"] for i in j["items"]] == [e.id for e in parsed.entries]


def json_feed_problems(feed: dict) -> list[str]:
    """What JSON Feed 1.1 requires (feedparser 6 does not read JSON Feed)."""
    problems = []
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append("version")
    if not isinstance(feed.get("title"), str) or not isinstance(feed.get("items"), list):
        problems.append("title/items")
    for item in feed.get("items", []):
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append("item id")
        if not isinstance(item.get("content_text") or item.get("content_html"), str):
            problems.append("item content")
        for key in ("date_published", "date_modified"):
            if key in item and not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", item[key]):
                problems.append(key)
    return problems


@pytest.mark.parametrize(
    "scope, where",
    [
        ("lowongan", {}),
        ("provinsi/jawa-barat", {"p": lambda v: v["location"]["province"] == "32", "d": DOMESTIC}),
        ("provinsi/jawa-tengah", {"p": lambda v: v["location"]["province"] == "33", "d": DOMESTIC}),
        ("provinsi/aceh", {"p": lambda v: v["location"]["province"] == "11", "d": DOMESTIC}),
        ("kabkota/kabupaten-bekasi", {"r": lambda v: v["location"]["regency"] == "32.16"}),
        (
            "kantor/disnaker-kabupaten-bekasi",
            {"o": lambda v: v["verification"]["office"] == "disnaker-kabupaten-bekasi"},
        ),
        ("sektor/c", {"s": lambda v: v["kbli"] == "C"}),
        ("luar-negeri", {"a": lambda v: v["location"]["country"] != "ID"}),
    ],
)
def test_feed_entries_are_the_open_vacancies_of_their_scope(fixture_site, scope, where):
    want = expected(**where)
    parsed = atom(fixture_site, scope)
    assert entry_ids(parsed) == want
    assert {i["url"].rstrip("/").rsplit("/", 1)[-1] for i in json_feed(fixture_site, scope)["items"]} == want
    closed = {v["id"] for v in CLOSED}
    assert not entry_ids(parsed) & closed


def test_closed_vacancies_leave_every_feed(fixture_site):
    closed = {v["id"] for v in CLOSED}
    for path in (fixture_site / "feed").rglob("*.atom"):
        assert not entry_ids(feedparser.parse(path.read_bytes())) & closed, path
    xml = "".join(p.read_text(encoding="utf-8") for p in (fixture_site / "feed").glob("indeed-*.xml"))
    assert not any(f"<referencenumber><![CDATA[{i}]]>" in xml for i in closed)


def test_an_entry_says_what_a_job_seeker_needs(fixture_site):
    v = next(v for v in OPEN if v["id"] == "operator-produksi-bekasi")
    e = next(e for e in atom(fixture_site, "lowongan").entries if e.link.endswith(f"/{v['id']}/"))
    assert e.title == v["title"]
    assert e.id == f"tag:localhost,2026:lowongan/{v['id']}"  # stable, from the vacancy id
    assert e.published.startswith(v["date_posted"].isoformat()) and e.updated
    assert v["employer"]["name"] in e.summary and "Kabupaten Bekasi, Jawa Barat" in e.summary
    assert "Rp " in e.summary and tanggal(v["valid_through"]) in e.summary
    assert {"Jawa Barat", "Kabupaten Bekasi"} <= {t.term for t in e.tags}
    assert not e.summary.startswith("Data contoh")
    sample = next(e for e in atom(fixture_site, "lowongan").entries if e.link.endswith("/magang-administrasi-contoh/"))
    assert sample.summary.startswith("Data contoh, bukan lowongan sungguhan")  # never applied to by mistake


def test_published_feeds_have_absolute_links_and_the_site_host_in_ids(fixture_site_published):
    parsed = atom(fixture_site_published, "provinsi/jawa-barat")
    assert parsed.entries and all(e.link.startswith("https://contoh.example/lowongan/") for e in parsed.entries)
    assert all(e.id.startswith("tag:contoh.example,2026:lowongan/") for e in parsed.entries)
    assert parsed.feed.link == "https://contoh.example/provinsi/jawa-barat/"


def test_aggregator_xml_holds_every_open_vacancy(fixture_site):
    files = sorted((fixture_site / "feed").glob("indeed-*.xml"))
    assert [f.name for f in files] == ["indeed-1.xml"]
    root = ET.parse(files[0]).getroot()
    assert root.tag == "source" and root.findtext("publisher") == "Antar Kerja"
    jobs = root.findall("job")
    assert {j.findtext("referencenumber") for j in jobs} == {v["id"] for v in OPEN}
    job = next(j for j in jobs if j.findtext("referencenumber") == "operator-produksi-bekasi")
    assert job.findtext("url").endswith("/lowongan/operator-produksi-bekasi/")
    assert job.findtext("state") == "Jawa Barat" and job.findtext("country") == "ID"
    assert job.findtext("description").startswith("<p>")


def test_aggregator_xml_splits_into_parts_with_stable_reference_numbers(monkeypatch):
    from antarkerja.site.outputs import api

    monkeypatch.setattr(feeds_family, "INDEED_PER_FILE", 10)
    # The API index lists the same parts: one constant, in feeds, for both.
    site = model_with(VACANCIES)
    files = render_family(site)
    parts = sorted(p for p in files if p.startswith("feed/indeed-"))
    assert parts == [f"feed/indeed-{n}.xml" for n in range(1, -(-len(OPEN) // 10) + 1)] and len(parts) > 1
    numbers = [j.findtext("referencenumber") for p in parts for j in ET.fromstring(files[p]).findall("job")]
    assert sorted(numbers) == sorted(v["id"] for v in OPEN)  # each open vacancy once, by its id
    ctx = OutputContext(siteurl="", sitename="Antar Kerja", settings={})
    assert api.index(site, ctx)["aggregatorXml"] == [f"/{p}" for p in parts]


def test_pages_link_their_feeds_and_a_subscribe_page(fixture_site, read_page):
    for page_url, scope in [
        ("", "lowongan"),
        ("provinsi/jawa-barat/", "provinsi/jawa-barat"),
        ("kabkota/kabupaten-bekasi/", "kabkota/kabupaten-bekasi"),
        ("kantor/disnaker-kabupaten-bekasi/", "kantor/disnaker-kabupaten-bekasi"),
    ]:
        page = read_page(fixture_site, page_url)
        links = {
            link.attrs["type"]: link.attrs["href"]
            for link in page.find_all("link", rel="alternate")
            if "feed" in link.attrs.get("type", "") or "atom" in link.attrs.get("type", "")
        }
        assert links == {
            "application/atom+xml": f"/{url('feed_atom', scope=scope)}",
            "application/feed+json": f"/{url('feed_json', scope=scope)}",
        }, page_url
        for href in links.values():
            assert (fixture_site / href.lstrip("/")).is_file()
        subscribe = [a for a in page.find_all("a") if a.get_text().startswith("Langganan")]
        assert subscribe, f"{page_url}: no visible Langganan link"
        for a in subscribe:
            assert (fixture_site / a.attrs["href"].lstrip("/") / "index.html").is_file()
    region = read_page(fixture_site, "provinsi/jawa-barat/")
    assert any(a.attrs["href"] == "/langganan/provinsi/jawa-barat/" for a in region.find_all("a"))
    assert any(a.get_text() == "Pasang di situs Anda" for a in region.find_all("a"))


def test_subscribe_page_explains_every_way_in_plain_indonesian(fixture_site, read_page):
    page = read_page(fixture_site, "langganan/kabkota/kabupaten-bekasi/")
    text = page.get_text()
    assert page.find("h1").get_text() == "Langganan lowongan Kabupaten Bekasi"
    for words in ("pembaca feed", "email", "Telegram", "tanpa membuat akun", "bukan rekomendasi resmi"):
        assert words in text, words
    hrefs = {a.attrs["href"] for a in page.find_all("a")}
    assert {"/feed/kabkota/kabupaten-bekasi.atom", "/feed/kabkota/kabupaten-bekasi.json"} <= hrefs
    assert "/pasang/?wilayah=kabupaten-bekasi" in hrefs
    index = read_page(fixture_site, "langganan/")
    assert any(a.attrs["href"] == "/langganan/luar-negeri/" for a in index.find_all("a"))


# Bad input and size, on a model built directly (text the validator would refuse too) ------

HOSTILE_TITLE = ("Operator & <b>Mesin</b> ]]> \x00\x01\x0b\x1f 🚜 \u200f\u202e " + "Sangat panjang " * 700)[:10_000]


def render_family(site, siteurl: str = "") -> dict[str, str | bytes]:
    """Every file the feeds family writes, rendered with the real theme templates."""
    env = jinja2.Environment(
        loader=DedentLoader(jinja2.FileSystemLoader(str(ROOT / "theme" / "templates"))),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(SITEURL=siteurl, SITENAME="Antar Kerja", url=url, tanggal=tanggal, site=site, today=TODAY)
    ctx = OutputContext(siteurl=siteurl, sitename="Antar Kerja", settings={})
    out = {}
    for item in feeds_family.outputs(site, ctx):
        if isinstance(item, File):
            out[item.path] = item.data
        elif item.template != "feeds/subscribe" and item.template != "feeds/subscribe_index":
            assert isinstance(item, Page)
            out[item.path] = env.get_template(item.template + ".html").render(item.context)
    return out


def model_with(vacancies: list[dict]):
    ref = load_reference(ROOT)
    return build_site(vacancies, OFFICES, ref, TODAY)


def test_any_text_gives_well_formed_feeds():
    base = next(v for v in OPEN if v["id"] == "operator-produksi-bekasi")
    bad = dict(base, id="jahat", title=HOSTILE_TITLE, description="Akhir ]]> <script>alert(1)</script> & \x07 selesai")
    bad["employer"] = dict(base["employer"], name="PT <i>&amp;</i> \x1b]]>")
    files = render_family(model_with([bad, base]))
    for path, data in files.items():
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if path.endswith(".atom"):
            parsed = feedparser.parse(raw)
            assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        elif path.endswith(".json"):
            json.loads(raw)
        else:
            ET.fromstring(raw)
    entry = next(e for e in feedparser.parse(files["feed/lowongan.atom"]).entries if e.link.endswith("/jahat/"))
    assert entry.title.startswith("Operator & <b>Mesin</b> ]]>  🚜 \u200f\u202e Sangat panjang")  # C0 gone
    assert len(entry.title) <= feeds_family.MAX_TEXT and entry.title.endswith("…")
    item = next(i for i in json.loads(files["feed/lowongan.json"])["items"] if i["url"].endswith("/jahat/"))
    assert item["title"] == entry.title
    job = next(
        j for j in ET.fromstring(files["feed/indeed-1.xml"]).findall("job") if j.findtext("referencenumber") == "jahat"
    )
    # Whole through CDATA; only what XML forbids and the direction override are gone.
    assert job.findtext("title") == strip_bidi(HOSTILE_TITLE.replace("\x00\x01\x0b\x1f", ""))
    assert job.findtext("company") == "PT <i>&amp;</i> ]]>"
    assert "&lt;script&gt;" in job.findtext("description")  # sanitized HTML, shown as text


def test_feeds_stay_small_at_any_size():
    base = next(v for v in OPEN if v["id"] == "operator-produksi-bekasi")
    many = [
        dict(
            base,
            id=f"lowongan-{i:04d}",
            title=f"{base['title']} {'x' * 110} {i}",
            date_posted=TODAY - timedelta(days=i % 60),
        )
        for i in range(feeds_family.FEED_ENTRIES + 60)
    ]
    files = render_family(model_with(many), siteurl="https://antarkerja.contoh.example")
    parsed = feedparser.parse(files["feed/lowongan.atom"])
    assert len(parsed.entries) == feeds_family.FEED_ENTRIES
    newest = sorted(many, key=lambda v: (-v["date_posted"].toordinal(), v["id"]))[: feeds_family.FEED_ENTRIES]
    assert [e.link.rsplit("/", 2)[-2] for e in parsed.entries] == [v["id"] for v in newest]
    for path, data in files.items():
        if not path.startswith("feed/indeed"):
            assert len(data.encode("utf-8") if isinstance(data, str) else data) < LIMIT, path


# JSON API ----------------------------------------------------------------------------------


def api_files(site: Path):
    for path in sorted((site / "api" / "v1").rglob("*.json")):
        rel = path.relative_to(site / "api" / "v1").as_posix()
        if rel == "schema.json":
            continue
        kind = (
            "index"
            if rel == "index.json"
            else "officePage"
            if rel.startswith("kantor/")
            else "regionPage"
            if rel.startswith("wilayah/")
            else "vacancyPage"
        )
        yield path, kind, json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("which", ["local", "published"])
def test_api_validates_against_its_published_schema(fixture_site, fixture_site_published, which):
    site = fixture_site if which == "local" else fixture_site_published
    schema = json.loads((site / url("api_schema")).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    checked = set()
    for path, kind, data in api_files(site):
        validator = jsonschema.Draft202012Validator(
            {"$defs": schema["$defs"], "$ref": f"#/$defs/{kind}"},
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
        )
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, f"{path}: {errors[:3]}"
        assert path.stat().st_size < LIMIT, path
        checked.add(kind)
    assert checked == {"index", "vacancyPage", "officePage", "regionPage"}


def test_schema_catches_a_wrong_file(fixture_site):
    """The schema is strict enough to fail: a missing field or a wrong type is an error."""
    schema = json.loads((fixture_site / url("api_schema")).read_text(encoding="utf-8"))
    page = json.loads((fixture_site / "api/v1/lowongan/1.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/vacancyPage"})
    assert validator.is_valid(page) and jsonschema.Draft202012Validator(schema).is_valid(page)
    del page["items"][0]["title"]
    page["items"][1]["totalJobOpenings"] = "banyak"
    messages = sorted(e.message for e in validator.iter_errors(page))
    assert messages == ["'banyak' is not of type 'integer'", "'title' is a required property"]
    assert not jsonschema.Draft202012Validator(schema).is_valid(page)


def test_api_counts_and_links_add_up(fixture_site):
    index = json.loads((fixture_site / "api/v1/index.json").read_text(encoding="utf-8"))
    assert index["openVacancies"] == len(OPEN) and index["offices"] == len(OFFICES)
    for key in ("vacancies", "regions", "officeList", "feedAtom", "feedJson", "csv", "csvOffices", "schema"):
        assert (fixture_site / index[key].lstrip("/")).is_file(), key
    regions = json.loads((fixture_site / index["regions"].lstrip("/")).read_text(encoding="utf-8"))
    by_code = {r["identifier"]: r for r in regions["items"]}
    assert by_code["32"]["openVacancies"] == len(expected(p=lambda v: v["location"]["province"] == "32", d=DOMESTIC))
    assert by_code["32.16"]["openVacancies"] == len(expected(r=lambda v: v["location"]["regency"] == "32.16"))
    for key in ("api", "feedAtom", "feedJson", "csv"):
        assert (fixture_site / by_code["32"][key].lstrip("/")).is_file(), key
    assert (fixture_site / by_code["32.16"]["embed"].lstrip("/") / "index.html").is_file()
    offices = json.loads((fixture_site / index["officeList"].lstrip("/")).read_text(encoding="utf-8"))
    bekasi = next(o for o in offices["items"] if o["identifier"] == "disnaker-kabupaten-bekasi")
    assert bekasi["openVacancies"] == len(expected(o=lambda v: v["verification"]["office"] == bekasi["identifier"]))


# CSV ---------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    return reader.fieldnames, rows


def test_csv_reads_back_with_documented_columns(fixture_site, read_page):
    columns, rows = read_csv(fixture_site / url("csv_vacancies"))
    assert columns == VACANCY_COLUMNS
    assert [r["identifier"] for r in rows] == [
        v["id"] for v in sorted(OPEN, key=lambda v: (-v["date_posted"].toordinal(), v["id"]))
    ]
    columns, rows = read_csv(fixture_site / url("csv_province", slug="jawa-tengah"))
    assert {r["identifier"] for r in rows} == expected(p=lambda v: v["location"]["province"] == "33", d=DOMESTIC)
    columns, rows = read_csv(fixture_site / url("csv_offices"))
    assert columns == OFFICE_COLUMNS and {r["identifier"] for r in rows} == {o["id"] for o in OFFICES}
    page = read_page(fixture_site, url("downloads"))
    documented = [dt.get_text() for dt in page.find_all("dt")]
    assert documented == VACANCY_COLUMNS + OFFICE_COLUMNS
    text = page.get_text()
    assert "CC BY 4.0" in text and "ODbL" in text
    assert f"Seluruh Indonesia: {len(OPEN)} baris," in text  # with its size


def test_formula_like_cells_stay_inert():
    from antarkerja.site.outputs.downloads import cell, to_csv

    evil = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    text = to_csv(["a", "n"], [{"a": e, "n": -5} for e in evil] + [{"a": "Operator = 1", "n": 3}])
    _, rows = read_csv_text(text)
    assert [r["a"] for r in rows] == ["'" + e for e in evil] + ["Operator = 1"]
    assert rows[0]["n"] == "-5"  # our own numbers stay numbers
    assert cell(True) == "true" and cell(None) == ""


def test_formula_like_vacancy_text_stays_inert_in_the_downloads():
    from antarkerja.site.outputs import downloads

    base = next(v for v in OPEN if v["id"] == "operator-produksi-bekasi")
    bad = dict(base, id="rumus", title='=HYPERLINK("https://contoh.example/x","Klik")')
    bad["employer"] = dict(base["employer"], name="@SUM(1+1)")
    ctx = OutputContext(siteurl="", sitename="Antar Kerja", settings={})
    files = {f.path: f.data for f in downloads.outputs(model_with([bad]), ctx) if isinstance(f, File)}
    for path in (url("csv_vacancies"), url("csv_province", slug="jawa-barat")):
        columns, rows = read_csv_text(files[path])
        assert columns == VACANCY_COLUMNS and len(rows) == 1
        assert rows[0]["title"] == "'" + bad["title"] and rows[0]["hiringOrganization"] == "'@SUM(1+1)"
        assert not any(value.startswith(("=", "+", "-", "@")) for value in rows[0].values())


def read_csv_text(text: str):
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return reader.fieldnames, list(reader)


# Widget pages ------------------------------------------------------------------------------


def test_widget_pages_are_small_and_open_vacancies_in_a_new_tab(fixture_site, read_page):
    pages = sorted((fixture_site / "embed").rglob("index.html"))
    assert len(pages) > 38
    assert max(p.stat().st_size for p in pages) < 15_000
    page = read_page(fixture_site, url("embed", slug="kabupaten-bekasi"))
    links = [a for a in page.find_all("a") if a.attrs["href"].startswith("/lowongan/")]
    want = sorted(OPEN, key=lambda v: (-v["date_posted"].toordinal(), v["id"]))
    want = [v["id"] for v in want if v["location"]["regency"] == "32.16"][:10]
    assert [a.attrs["href"] for a in links] == [f"/lowongan/{i}/" for i in want]
    assert all(a.attrs["target"] == "_blank" and a.attrs["rel"] == "noopener" for a in page.find_all("a"))
    assert "Sumber: Antar Kerja" in page.get_text()
    sector = read_page(fixture_site, url("embed_sector", slug="jawa-barat", code="c"))
    assert {a.attrs["href"] for a in sector.find_all("a") if a.attrs["href"].startswith("/lowongan/")} == {
        f"/lowongan/{i}/" for i in expected(p=lambda v: v["location"]["province"] == "32", s=lambda v: v["kbli"] == "C")
    }
