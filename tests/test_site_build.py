"""Building the site: the fixture site end to end, as a reader and a search engine see it.

tests/fixtures/site holds 25 vacancies and 3 offices (fictitious): one fully filled-in
vacancy, one filled, one closed, one expired (the only one in Kota Bandung), one overseas,
one remote with undisclosed salary, one sample record closing soon, and 18 plain ones so
the Jawa Barat list holds more than one page's worth. Expected values are read from the YAML files themselves.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from support import SITE_FIXTURE, TODAY, parse_html

from antarkerja.cli import main as cli_main
from antarkerja.errors import BuildFailed
from antarkerja.site.build import build_site
from antarkerja.site.paginate import page_count

PER_PAGE = 20
ROWS_PER_PAGE = 100  # LISTING_ROWS_PER_PAGE: the all-vacancies list
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def records(kind: str) -> list[dict]:
    folder = SITE_FIXTURE / "content" / kind
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.yml"))]


def is_open(v: dict) -> bool:
    return v["status"] == "open" and v["valid_through"] >= TODAY


OPEN = [v for v in records("vacancies") if is_open(v)]
CLOSED = {
    "kasir-terisi-bekasi": "Posisi ini sudah terisi.",
    "staf-gudang-ditutup-bekasi": "Pemberi kerja menutup lowongan ini",
    "teknisi-kedaluwarsa-bandung": "Batas lamarannya sudah lewat",
}


def vacancy_links(page) -> list[str]:
    """Vacancy pages linked from a listing's cards or compact rows, in order."""
    links = []
    for item in page.find_all("li"):
        if "card" in item.attrs.get("class", "").split():
            links += [a.attrs["href"] for a in item.find_all("a")]
        elif item.parent is not None and "rows" in (item.parent.attrs.get("class") or "").split():
            links.append(item.find("a").attrs["href"])
    return links


def listing_pages(site: Path, base: str) -> list[str]:
    """Follow rel=next from ``base``; return every page's vacancy links, page by page."""
    pages, url = [], base
    while url is not None:
        page = parse_html((site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"))
        pages.append(vacancy_links(page))
        nxt = page.find("a", rel="next")
        url = nxt.attrs["href"] if nxt else None
    return pages


def test_fixture_is_what_the_tests_assume():
    assert len(OPEN) == 22 and set(CLOSED) <= {v["id"] for v in records("vacancies")}
    assert all(not is_open(v) for v in records("vacancies") if v["id"] in CLOSED)


def test_every_page_type_is_written(fixture_site):
    expected = [
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "lowongan/index.html",
        "lowongan/operator-produksi-bekasi/index.html",
        "lowongan/perawat-lansia-jepang/index.html",
        "provinsi/index.html",
        "provinsi/jawa-barat/index.html",
        "provinsi/papua-pegunungan/index.html",
        "kabkota/kabupaten-bekasi/index.html",
        "kabkota/kota-semarang/index.html",
        "kantor/index.html",
        "kantor/disnaker-kabupaten-bekasi/index.html",
        "cari/index.html",
        "tentang/index.html",
        "cara-melamar/index.html",
        "waspada-lowongan-palsu/index.html",
        "theme/css/site.css",
        "theme/js/site.js",
    ]
    missing = [p for p in expected if not (fixture_site / p).is_file()]
    assert not missing
    # Every vacancy ever published keeps its page, open or not.
    for v in records("vacancies"):
        assert (fixture_site / "lowongan" / v["id"] / "index.html").is_file(), v["id"]
    assert len(list((fixture_site / "provinsi").glob("*/index.html"))) == 38
    # Regency pages exist only where there are vacancies or offices.
    assert not (fixture_site / "kabkota" / "kabupaten-bogor").exists()


def test_vacancy_page_shows_what_a_job_seeker_needs(fixture_site, read_page):
    page = read_page(fixture_site, "lowongan/operator-produksi-bekasi/")
    text = page.get_text()
    assert page.find("h1").get_text() == "Operator Produksi"
    assert "PT Uji Manufaktur Nusantara" in text
    assert "Rp 4.500.000 – 5.200.000 per bulan" in text
    assert "Minimal 1 tahun" in text and "15 orang" in text and "SMK/MAK (Teknik Mesin, Teknik Elektro)" in text
    assert "Diverifikasi oleh Dinas Tenaga Kerja Kabupaten Bekasi pada 17 November 2026" in text
    verified = page.find("p", class_="verified").find("a")
    assert verified.attrs["href"] == "/kantor/disnaker-kabupaten-bekasi/"
    assert (fixture_site / "kantor/disnaker-kabupaten-bekasi/index.html").is_file()
    location = [a.attrs["href"] for a in page.find("dl", class_="facts").find_all("a")]
    assert location[:2] == ["/kabkota/kabupaten-bekasi/", "/provinsi/jawa-barat/"]
    # Description from the model (Markdown rendered and sanitized), lists, dates.
    assert page.find("div", class_="desc").find("em").get_text() == "injection moulding"
    assert "Menjalankan mesin sesuai instruksi kerja" in text and "Uang makan dan transport" in text
    assert "Tayang 18 November 2026" in text and "Batas lamaran 15 Januari 2027" in text
    assert "hari lagi" not in text  # the count of days is written on the reader's device (js/hari.js)
    # Every way to apply, as links that work on a phone.
    hrefs = {a.attrs["href"] for a in page.find_all("a")}
    assert "https://uji-manufaktur.example.id/karier" in hrefs
    assert "tel:+62215550177" in hrefs
    assert any(h.startswith("mailto:rekrutmen@uji-manufaktur.example.id?subject=") for h in hrefs)
    assert any(h.startswith("https://wa.me/6281200000177?text=") for h in hrefs)
    assert "Jl. Contoh Layanan No. 1, Cikarang Pusat 17530" in text and "08.00–16.00" in text
    # Scam warning, report link to the verifying office, share and copy link.
    assert "Melamar kerja tidak dipungut biaya." in text
    assert any(
        h.startswith(
            "mailto:layanan@disnaker-bekasi.contoh.go.id?subject=Laporan%20lowongan%20operator-produksi-bekasi"
        )
        for h in hrefs
    )
    assert page.find("input", id="tautan").attrs["value"] == "/lowongan/operator-produksi-bekasi/"
    assert page.find("input", id="tautan").attrs.get("readonly") is not None
    # Open: indexed by search, structured data present, no robots restriction.
    assert page.find("article", data_pagefind_body=True) is not None
    assert page.find("h1").attrs.get("data-pagefind-meta") == "title"
    assert page.find("script", type="application/ld+json") is not None
    assert page.find("meta", name="robots") is None
    assert page.find("link", rel="canonical").attrs["href"] == "/lowongan/operator-produksi-bekasi/"
    # Not a sample record: no per-vacancy marker (the site-wide notice is there: the fixture has a sample).
    own = [d for d in page.find_all("div", class_="banner example") if d.attrs.get("id") != "data-contoh"]
    assert own == [] and "[Data contoh]" not in text


def test_salary_not_disclosed_and_remote(fixture_site, read_page):
    text = read_page(fixture_site, "lowongan/penulis-konten-jarak-jauh/").get_text()
    assert "Upah Tidak dicantumkan" in text
    assert "Jarak jauh (dari rumah)" in text and "Ramah disabilitas Ya: Kerja dari rumah dengan jam fleksibel" in text


def test_overseas_vacancy_shows_placement_and_warning(fixture_site, read_page):
    text = read_page(fixture_site, "lowongan/perawat-lansia-jepang/").get_text()
    for shown in (
        "Osaka, Jepang",
        "Perusahaan Penempatan Pekerja Migran Indonesia (P3MI)",
        "PT Uji Penempatan Amanah",
        "UJI-SIP3MI-0001",
        "JO-UJI-2026-017",
        "Visa kerja",
        "JPY 180.000 – 210.000 per bulan",
    ):
        assert shown in text, shown
    assert "Berangkat hanya dengan visa kerja." in text
    assert "Biaya penempatan tidak boleh dibebankan kepada pekerja migran (UU 18/2017)" in text
    assert "Daerah rekrutmen Kota Semarang, Jawa Tengah" in text
    # Verified by an example office: its page carries the sample-data notice.
    assert "Data contoh." in read_page(fixture_site, "kantor/bp3mi-jawa-tengah/").get_text()


def test_sample_record_says_data_contoh(fixture_site, read_page):
    page = read_page(fixture_site, "lowongan/magang-administrasi-contoh/")
    notice = page.find("div", class_="banner example")
    assert notice is not None and notice.get_text().startswith("Data contoh.")
    home = read_page(fixture_site, "")
    card = next(
        c
        for c in home.find_all("li", class_="card")
        if "/lowongan/magang-administrasi-contoh/" in [a.attrs["href"] for a in c.find_all("a")]
    )
    assert "Data contoh" in card.get_text()


@pytest.mark.parametrize("vid, reason", sorted(CLOSED.items()))
def test_closed_vacancy_keeps_its_page_but_leaves_everything_else(fixture_site, read_page, vid, reason):
    url = f"/lowongan/{vid}/"
    page = read_page(fixture_site, url.lstrip("/"))
    banner = page.find("div", class_="banner closed")
    assert banner is not None and banner.get_text().startswith(f"Lowongan ditutup. {reason}")
    assert page.find("meta", name="robots").attrs["content"] == "noindex"
    assert page.find("script", type="application/ld+json") is None
    assert not page.find_all(data_pagefind_body=True)
    assert "Cara melamar" not in [h.get_text() for h in page.find_all("h2")]
    # Gone from every listing, the counts and the sitemap.
    for listing in (
        "",
        "provinsi/jawa-barat/",
        "kabkota/kabupaten-bekasi/",
        "kabkota/kota-bandung/",
        "lowongan/",
        "kantor/disnaker-kabupaten-bekasi/",
    ):
        assert url not in vacancy_links(read_page(fixture_site, listing)), listing
    assert url not in (fixture_site / "sitemap.xml").read_text(encoding="utf-8")


def test_regency_with_only_a_closed_vacancy_has_a_page_without_it(fixture_site, read_page):
    page = read_page(fixture_site, "kabkota/kota-bandung/")
    assert "0 lowongan dibuka" in page.get_text()
    assert "Saat ini belum ada lowongan yang dibuka di Kota Bandung" in page.get_text()


def test_home_counts_match_the_open_vacancies(fixture_site, read_page):
    home = read_page(fixture_site, "")
    openings = sum(v["openings"] for v in OPEN)
    assert home.find("p", class_="count").get_text() == f"{len(OPEN)} lowongan dibuka · {openings} orang dibutuhkan"
    newest = sorted(OPEN, key=lambda v: (-v["date_posted"].toordinal(), v["id"]))[:10]
    latest = home.find("section", aria_labelledby="daftar")
    assert vacancy_links(latest) == [f"/lowongan/{v['id']}/" for v in newest]
    soon = home.find("section", aria_labelledby="segera")
    assert vacancy_links(soon) == ["/lowongan/magang-administrasi-contoh/"]  # the only one within 14 days
    # Trust message and how to report; one search box (the header's) on the first screen.
    assert home.find("h2", id="gratis").get_text() == "Gratis, tidak dipungut biaya"
    assert "1500 630" in home.find("section", class_="banner trust").get_text()
    forms = home.find_all("form", role="search")
    assert [f.attrs["action"] for f in forms] == ["/cari/"] and forms[0].find("input", name="q")
    jabar = home.find("a", href="/provinsi/jawa-barat/")
    assert jabar.get_text() == f"Jawa Barat {sum(1 for v in OPEN if v['location']['province'] == '32')}"
    # Provinces without an open vacancy stay reachable, folded away instead of a wall of zeros.
    grid = home.find("section", aria_labelledby="per-provinsi").find("ul", class_="grid")
    assert " 0" not in grid.get_text() and home.find("a", href="/provinsi/aceh/") is not None
    assert len(home.find("section", aria_labelledby="per-provinsi").find_all("a")) == 38


def test_province_counts(fixture_site, read_page):
    jabar = [v for v in OPEN if v["location"]["province"] == "32"]
    page = read_page(fixture_site, "provinsi/jawa-barat/")
    assert (
        page.find("p", class_="count").get_text()
        == f"{len(jabar)} lowongan dibuka · {sum(v['openings'] for v in jabar)} orang dibutuhkan"
    )
    search = page.find("ul", class_="actions").find("a")
    assert search.get_text() == "Cari di Jawa Barat" and search.attrs["href"] == "/cari/?provinsi=Jawa+Barat"
    regency = read_page(fixture_site, "kabkota/kabupaten-bekasi/").find("ul", class_="actions").find("a")
    assert regency.attrs["href"] == "/cari/?provinsi=Jawa+Barat&kabkota=Kabupaten+Bekasi"
    offices = [a.attrs["href"] for a in page.find("section", aria_labelledby="kantor").find_all("a")]
    assert offices == ["/kantor/disnaker-provinsi-jawa-barat/", "/kantor/disnaker-kabupaten-bekasi/"]


@pytest.mark.parametrize(
    "base, province, per_page", [("/lowongan/", None, ROWS_PER_PAGE), ("/provinsi/jawa-barat/", "32", PER_PAGE)]
)
def test_listings_hold_every_open_vacancy_newest_first(fixture_site, base, province, per_page):
    """Page 1 holds up to two pages' worth (later pages are numbered from the oldest, see
    tests/test_site_paginate.py, which builds with small pages), so the fixture's lists fit
    on page 1."""
    expected = sorted(
        (v for v in OPEN if province in (None, v["location"]["province"])),
        key=lambda v: (-v["date_posted"].toordinal(), v["id"]),
    )
    pages = listing_pages(fixture_site, base)
    assert len(pages) == page_count(len(expected), per_page) == 1
    assert per_page < len(expected) or province is None  # Jawa Barat: more than one old page's worth
    assert [link for p in pages for link in p] == [f"/lowongan/{v['id']}/" for v in expected]


def test_all_vacancies_list_is_compact_rows_with_every_open_vacancy(fixture_site, read_page):
    """The national list holds every open vacancy once, as one row (title, employer, place,
    pay) instead of the full card the province pages show, without JavaScript."""
    page = read_page(fixture_site, "lowongan/")
    rows = [li for li in page.find("ul", class_="rows").children if getattr(li, "tag", None) == "li"]
    assert len(rows) == len(OPEN) <= ROWS_PER_PAGE
    assert not page.find("li", class_="card")
    first = rows[0]
    link = first.find("a")
    record = next(v for v in OPEN if link.attrs["href"] == f"/lowongan/{v['id']}/")
    assert link.get_text() == record["title"]
    assert record["employer"]["name"] in first.get_text()
    assert "Rp" in first.get_text() or "Upah tidak dicantumkan" in first.get_text()


def test_office_directory_and_office_page(fixture_site, read_page):
    directory = read_page(fixture_site, "kantor/")
    assert [h.get_text() for h in directory.find_all("h2")] == ["Jawa Barat", "Jawa Tengah"]
    page = read_page(fixture_site, "kantor/disnaker-kabupaten-bekasi/")
    text = page.get_text()
    hrefs = [a.attrs["href"] for a in page.find_all("a")]
    assert "tel:+62215550123" in hrefs and "mailto:layanan@disnaker-bekasi.contoh.go.id" in hrefs
    assert "https://wa.me/6281200000001" in hrefs
    assert "https://www.openstreetmap.org/?mlat=-6.3&mlon=107.17#map=17/-6.3/107.17" in hrefs
    assert "Senin–Kamis 08.00–16.00" in text and "Jumat 08.00–11.30" in text
    assert "Kartu pencari kerja (AK/1)" in text and "Gedung ramah penyandang disabilitas." in text
    assert "/kantor/disnaker-provinsi-jawa-barat/" in hrefs  # parent office
    verified = [v for v in OPEN if v["verification"]["office"] == "disnaker-kabupaten-bekasi"]
    assert len([link for p in listing_pages(fixture_site, "/kantor/disnaker-kabupaten-bekasi/") for link in p]) == len(
        verified
    )


def test_content_pages_are_linked_from_every_page(fixture_site, read_page):
    footer_links = {"/tentang/", "/cara-melamar/", "/waspada-lowongan-palsu/"}
    for url in ("", "lowongan/operator-produksi-bekasi/", "kantor/", "tentang/", "cari/"):
        footer = read_page(fixture_site, url).find("footer")
        assert footer_links <= {a.attrs["href"] for a in footer.find_all("a")}, url
    about = read_page(fixture_site, "tentang/").get_text()
    assert "idn-area-data" in about and "ODbL" in about
    fake = read_page(fixture_site, "waspada-lowongan-palsu/").get_text()
    assert "1500 630" in fake and "P3MI" in fake


def test_no_internal_link_is_broken(fixture_site):
    """Every site-relative link and asset on every page resolves to a written file."""
    broken = []
    for path in fixture_site.rglob("*.html"):
        page = parse_html(path.read_text(encoding="utf-8"))
        for node in page.iter():
            for attr in ("href", "src", "action"):
                target = node.attrs.get(attr, "")
                if not target.startswith("/") or target.startswith("//"):
                    continue
                target = target.split("#")[0].split("?")[0]
                file = fixture_site / target.lstrip("/")
                if target.endswith("/"):
                    file = file / "index.html"
                if not file.is_file():
                    broken.append(f"{path.relative_to(fixture_site)} → {target}")
    assert not broken


def test_404_page(fixture_site, read_page):
    page = read_page(fixture_site, "404.html")
    assert page.find("h1").get_text() == "Halaman tidak ditemukan"
    assert page.find("meta", name="robots").attrs["content"] == "noindex"
    assert page.find("a", href="/").get_text()


def test_published_build_uses_absolute_urls(fixture_site_published, read_page):
    site = fixture_site_published
    page = read_page(site, "lowongan/operator-produksi-bekasi/")
    assert (
        page.find("link", rel="canonical").attrs["href"] == "https://contoh.example/lowongan/operator-produksi-bekasi/"
    )
    assert (
        page.find("meta", property="og:url").attrs["content"]
        == "https://contoh.example/lowongan/operator-produksi-bekasi/"
    )
    assert page.find("input", id="tautan").attrs["value"] == "https://contoh.example/lowongan/operator-produksi-bekasi/"
    assert page.find("link", rel="stylesheet").attrs["href"].startswith("https://contoh.example/theme/css/site.css?v=")
    locs = [u.find("s:loc", SITEMAP_NS).text for u in ET.parse(site / "sitemap.xml").getroot()]
    assert locs and all(loc.startswith("https://contoh.example/") for loc in locs)
    assert "Sitemap: https://contoh.example/sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert not re.search(r'(?:href|src|action)="/(?!/)', text), html_file  # nothing root-relative left


def test_builds_are_byte_identical(fixture_site, tmp_path):
    again = build_site(SITE_FIXTURE, output=tmp_path / "again", today=TODAY.isoformat(), search=False)

    def files(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    first, second = files(fixture_site), files(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_today_comes_from_the_environment(tmp_path, monkeypatch, read_page):
    """Without --today, ANTARKERJA_TODAY decides what has expired."""
    monkeypatch.setenv("ANTARKERJA_TODAY", "2027-01-20")
    out = build_site(SITE_FIXTURE, output=tmp_path / "later", search=False)
    page = read_page(out, "lowongan/operator-produksi-bekasi/")  # valid through 2027-01-15
    assert (
        page.find("div", class_="banner closed").get_text().startswith("Lowongan ditutup. Batas lamarannya sudah lewat")
    )


def broken_copy(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    shutil.copytree(SITE_FIXTURE, root, symlinks=False)
    bad = root / "content/vacancies/jawa-barat/operator-produksi-bekasi.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("openings: 15", "openings: lima belas"), encoding="utf-8")
    return root


def test_invalid_content_stops_the_build_and_writes_nothing(tmp_path):
    root = broken_copy(tmp_path)
    output = tmp_path / "site"
    output.mkdir()
    (output / ".antarkerja-site").write_text("an earlier build output\n", encoding="utf-8")
    (output / "old.html").write_text("the previous site", encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build_site(root, output=output, today=TODAY.isoformat(), search=False)
    message = str(failure.value)
    assert re.search(r"operator-produksi-bekasi\.yml:\d+:\d+: S203 openings: ", message), message
    assert sorted(p.name for p in output.iterdir()) == [".antarkerja-site", "old.html"]  # untouched
    assert (output / "old.html").read_text(encoding="utf-8") == "the previous site"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging left
    fresh = tmp_path / "never"
    with pytest.raises(BuildFailed):
        build_site(root, output=fresh, today=TODAY.isoformat(), search=False)
    assert not fresh.exists()


def test_cli_build_reports_the_validator_messages(tmp_path, capsys):
    root = broken_copy(tmp_path)
    status = cli_main(
        ["build", "--root", str(root), "--output", str(tmp_path / "out"), "--today", "2026-11-25", "--no-search"]
    )
    err = capsys.readouterr().err
    assert status == 1
    assert re.search(r"operator-produksi-bekasi\.yml:\d+:\d+: S203 openings", err)
    assert not (tmp_path / "out").exists()
    status = cli_main(
        [
            "build",
            "--root",
            str(SITE_FIXTURE),
            "--output",
            str(tmp_path / "ok"),
            "--today",
            "2026-11-25",
            "--no-search",
            "--siteurl",
            "https://contoh.example/",
        ]
    )
    assert status == 0 and (tmp_path / "ok/index.html").is_file()
    assert 'href="https://contoh.example/lowongan/"' in (tmp_path / "ok/index.html").read_text(encoding="utf-8")


def test_bad_today_and_siteurl_are_refused(tmp_path):
    with pytest.raises(BuildFailed, match="tanggal"):
        build_site(SITE_FIXTURE, output=tmp_path / "a", today="25-11-2026", search=False)
    with pytest.raises(BuildFailed, match="URL"):
        build_site(
            SITE_FIXTURE,
            output=tmp_path / "b",
            today="2026-11-25",
            siteurl='https://x.example/"><script>',
            search=False,
        )
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_parallel_build_writes_the_same_bytes(fixture_site, tmp_path, monkeypatch):
    """Big sites write vacancy pages from forked workers; forcing that here changes nothing."""
    monkeypatch.setenv("ANTARKERJA_JOBS", "3")
    parallel = build_site(SITE_FIXTURE, output=tmp_path / "parallel", today=TODAY.isoformat(), search=False)
    names = sorted(p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(parallel).as_posix() for p in parallel.rglob("*") if p.is_file())
    assert [n for n in names if (fixture_site / n).read_bytes() != (parallel / n).read_bytes()] == []
