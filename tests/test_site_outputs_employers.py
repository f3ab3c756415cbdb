"""Employer pages: what the record says about the employer, and all its open vacancies."""

from __future__ import annotations

from pathlib import Path

import yaml
from support import SITE_FIXTURE, TODAY

from antarkerja.urls import slugify


def employer_records() -> dict[str, list[dict]]:
    """Vacancy records by employer slug, read straight from the fixture files."""
    out: dict[str, list[dict]] = {}
    for path in sorted(Path(SITE_FIXTURE, "content", "vacancies").rglob("*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.setdefault(slugify(record["employer"]["name"]), []).append(record)
    return out


def is_open(record) -> bool:
    return record["status"] == "open" and record["valid_through"] >= TODAY


def test_every_employer_page_lists_exactly_its_open_vacancies(fixture_site, read_page):
    for slug, records in employer_records().items():
        page = read_page(fixture_site, f"pemberi-kerja/{slug}/")
        listed = {
            a.attrs["href"].rstrip("/").rsplit("/", 1)[1]
            for a in page.find_all("a")
            if "/lowongan/" in a.attrs.get("href", "") and a.parent.tag == "h3"
        }
        assert listed == {r["id"] for r in records if is_open(r)}, slug


def test_vacancy_page_shows_employer_details_and_links_its_page(fixture_site, read_page):
    page = read_page(fixture_site, "lowongan/operator-produksi-bekasi/")
    about = page.find("section", **{"aria-labelledby": "pemberi-kerja"})
    text = about.get_text()
    assert "PT Uji Manufaktur Nusantara" in text and "Perseroan Terbatas (PT)" in text
    assert about.find("a", href="https://uji-manufaktur.example.id") is not None
    link = about.find("a", href="/pemberi-kerja/pt-uji-manufaktur-nusantara/")
    assert link is not None and link.get_text() == "Lowongan lain dari pemberi kerja ini"


def test_closed_vacancy_still_links_to_an_existing_employer_page(fixture_site, read_page):
    page = read_page(fixture_site, "lowongan/kasir-terisi-bekasi/")
    href = page.find("section", **{"aria-labelledby": "pemberi-kerja"}).find_all("a")[-1].attrs["href"]
    assert (fixture_site / href.strip("/") / "index.html").is_file()
