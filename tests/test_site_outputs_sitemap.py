"""sitemap.xml and robots.txt: what search engines are told to index."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import yaml
from support import SITE_FIXTURE, TODAY

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def open_records() -> list[dict]:
    folder = SITE_FIXTURE / "content" / "vacancies"
    records = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.yml"))]
    return [v for v in records if v["status"] == "open" and v["valid_through"] >= TODAY]


OPEN = open_records()


def test_sitemap_lists_open_vacancies_and_public_pages(fixture_site):
    tree = ET.parse(fixture_site / "sitemap.xml")
    urls = {u.find("s:loc", SITEMAP_NS).text: u.find("s:lastmod", SITEMAP_NS) for u in tree.getroot()}
    vacancy_urls = {u for u in urls if u.startswith("/lowongan/") and u != "/lowongan/"}
    assert vacancy_urls == {f"/lowongan/{v['id']}/" for v in OPEN}
    for public in (
        "/",
        "/lowongan/",
        "/provinsi/",
        "/provinsi/aceh/",
        "/kabkota/kota-bandung/",
        "/kantor/",
        "/kantor/bp3mi-jawa-tengah/",
        "/tentang/",
        "/cari/",
    ):
        assert public in urls, public
    assert "/404.html" not in urls
    assert urls["/lowongan/operator-produksi-bekasi/"].text == "2026-11-18"
    assert urls["/"].text == max(v["date_posted"] for v in OPEN).isoformat()
    robots = (fixture_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Sitemap" not in robots  # no absolute URL without SITEURL


def test_big_sitemaps_are_split_with_an_index(monkeypatch):
    from antarkerja.site.outputs import sitemap

    monkeypatch.setattr(sitemap, "MAX_URLS", 3)
    entries = [sitemap.Entry(f"lowongan/v{i}/", date(2026, 11, i + 1)) for i in range(7)]
    files = sitemap.render("https://contoh.example", entries)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert [s.find("s:loc", SITEMAP_NS).text for s in index] == [
        f"https://contoh.example/sitemap-{n}.xml" for n in (1, 2, 3)
    ]
    assert [s.find("s:lastmod", SITEMAP_NS).text for s in index] == ["2026-11-03", "2026-11-06", "2026-11-07"]
    locs = [u.find("s:loc", SITEMAP_NS).text for n in (1, 2, 3) for u in ET.fromstring(files[f"sitemap-{n}.xml"])]
    assert locs == [f"https://contoh.example/lowongan/v{i}/" for i in range(7)]


def test_every_indexable_page_is_in_the_sitemap_and_every_entry_exists(fixture_site):
    """The sitemap and the built site agree: each HTML page without ``noindex`` (404.html
    aside) is listed, and nothing listed is missing. Embed widgets, printable notices, closed
    vacancies and the officers' data-quality pages say noindex and stay out."""
    import re

    tree = ET.parse(fixture_site / "sitemap.xml")
    listed = [u.find("s:loc", SITEMAP_NS).text for u in tree.getroot()]
    assert len(listed) == len(set(listed)), "a URL is listed twice"
    noindex = re.compile(r'<meta name="robots" content="noindex[^"]*">')
    indexable, hidden = set(), set()
    for page in fixture_site.rglob("*.html"):
        rel = page.relative_to(fixture_site).as_posix()
        if rel == "404.html":
            continue
        path = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        (hidden if noindex.search(head) else indexable).add(path)
    assert indexable - set(listed) == set()
    assert set(listed) - indexable == set()  # nothing missing, nothing noindex
    # The families added after the first sitemap are in it...
    for kind in ("/pemberi-kerja/", "/langganan/", "/pasang/", "/cek-lowongan/", "/statistik/", "/smk/", "/unduh/"):
        assert any(u.startswith(kind) for u in listed), kind
    assert any(u.endswith("/statistik/") and u.startswith("/provinsi/") for u in listed)
    assert any(u.startswith("/smk/") and u != "/smk/" for u in listed)
    assert any(u.startswith("/pemberi-kerja/") for u in listed) and "/terkena-phk/" in listed
    # ...and what says noindex is not.
    for kind in ("/embed/", "/cetak/", "/mutu/", "/mutu-data/", "/smk/belum-terpetakan/"):
        assert any(kind in u for u in hidden), kind
        assert not any(kind in u for u in listed), kind


def test_sitemap_at_national_scale_stays_within_the_protocol_limits(monkeypatch):
    """sitemaps.org: at most 50,000 URLs and 50 MB (uncompressed) per file. 120,000 entries
    with a long site URL are split into three parts, each far below 50 MB."""
    from antarkerja.site.outputs import sitemap

    assert sitemap.MAX_URLS == 50_000
    entries = [
        sitemap.Entry(f"lowongan/lowongan-dengan-judul-yang-panjang-sekali-{i:06d}/", TODAY) for i in range(120_000)
    ]
    files = sitemap.render("https://lowongan.dinas-tenaga-kerja.contoh.go.id", entries)
    parts = {name: text for name, text in files.items() if name != "sitemap.xml"}
    assert len(parts) == 3
    for name, text in parts.items():
        assert text.count("<url>") <= 50_000 and len(text.encode("utf-8")) < 50_000_000, name
    assert sum(text.count("<url>") for text in parts.values()) == 120_000


def test_each_listing_page_is_dated_by_its_own_newest_vacancy():
    """Pages numbered from the oldest keep their content when a vacancy arrives, so their
    lastmod must not move either: only page 1 takes the new date."""
    from datetime import date
    from types import SimpleNamespace

    from antarkerja.site.outputs.sitemap import listing_pages

    items = [SimpleNamespace(date_posted=date(2026, 11, 30 - i)) for i in range(12)]  # newest first
    entries = listing_pages(items, "provinsi/x/", 4)  # page 1: 4 newest; page/3/, page/2/ (oldest)
    assert [e.path for e in entries] == ["provinsi/x/", "provinsi/x/page/3/", "provinsi/x/page/2/"]
    assert [e.lastmod.day for e in entries] == [30, 26, 22]
    newer = listing_pages([SimpleNamespace(date_posted=date(2026, 12, 1)), *items], "provinsi/x/", 4)
    assert [e.lastmod.day for e in newer] == [1, 26, 22]
