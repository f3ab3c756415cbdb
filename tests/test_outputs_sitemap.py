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
    assert "/404.html" not in urls and not any("/page/" in u for u in urls)
    assert urls["/lowongan/operator-produksi-bekasi/"].text == "2026-11-18"
    assert urls["/"].text == max(v["date_posted"] for v in OPEN).isoformat()
    robots = (fixture_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Sitemap" not in robots  # no absolute URL without SITEURL


def test_big_sitemaps_are_split_with_an_index(monkeypatch):
    from antarkerja.outputs import sitemap

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
