"""Data-quality pages for officers: each office's checklist lists exactly the open vacancies
an independent reading of the YAML files finds, the summary per province shows the numbers
the files give, and both pages stay out of search engines."""

from __future__ import annotations

import csv
import statistics
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from support import SITE_FIXTURE, TEST_OFFICE, TODAY, make_repo, read_built, vacancy

from antarkerja.records.validate import RepositoryValidator
from antarkerja.site.build import build_site
from antarkerja.site.outputs.quality import days, percent
from antarkerja.urls import url

SECTIONS = ("segera-ditutup", "lama-dibuka", "ada-peringatan", "verifikasi-ulang")


# An independent reading of the records ------------------------------------------------------


def records(root: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "content/vacancies").rglob("*.yml"))]


def offices(root: Path) -> dict[str, dict]:
    found = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (root / "content/offices").glob("*.yml")]
    return {o["id"]: o for o in found}


def validator_warnings(root: Path, today: date) -> set[str]:
    """Ids of the vacancies the validator warns about on ``today``, the built site's day
    (warnings are the validator's own; W601 weighs Git history only up to that day)."""
    result = RepositoryValidator(root, today=today).run()
    by_path = {loaded.path: loaded.data["id"] for loaded in result.vacancies}
    return {by_path[d.path] for d in result.diagnostics if d.code.startswith("W") and d.path in by_path}


def is_open(r: dict, today: date) -> bool:
    return r["status"] == "open" and r["valid_through"] >= today


def expected_lists(root: Path, office: str, today: date) -> dict[str, set[str]]:
    warned = validator_warnings(root, today)
    mine = [r for r in records(root) if r["verification"]["office"] == office and is_open(r, today)]
    policy = offices(root)[office].get("reverify_days", 30)
    latest = lambda r: max(d for d in (r["verification"]["date"], r["verification"].get("reverified")) if d)  # noqa: E731
    return {
        "segera-ditutup": {r["id"] for r in mine if r["valid_through"] <= today + timedelta(days=7)},
        "lama-dibuka": {r["id"] for r in mine if r["date_posted"] < today - timedelta(days=60)},
        "ada-peringatan": {r["id"] for r in mine if r["id"] in warned},
        "verifikasi-ulang": {r["id"] for r in mine if latest(r) < today - timedelta(days=policy)},
    }


def expected_summary(root: Path, today: date) -> dict[str, tuple]:
    """Province name -> (open, salary disclosed, warned, median days posting→verification)."""
    with open(root / "content/reference/provinces.csv", encoding="utf-8", newline="") as f:
        names = {row["code"]: row["name"] for row in csv.DictReader(f)}
    warned = validator_warnings(root, today)
    groups: dict[str, list[dict]] = {}
    for r in records(root):
        if is_open(r, today):
            groups.setdefault(names[r["location"]["province"]], []).append(r)
            groups.setdefault("Seluruh Indonesia", []).append(r)
    return {
        name: (
            len(rs),
            sum(bool(r["salary"]["disclosed"]) for r in rs),
            sum(r["id"] in warned for r in rs),
            statistics.median((r["verification"]["date"] - r["date_posted"]).days for r in rs),
        )
        for name, rs in groups.items()
    }


# Reading the pages -----------------------------------------------------------------------------


def listed(site: Path, office: str) -> dict[str, set[str]]:
    """Vacancy ids in each section's table of the office's quality page."""
    page = read_built(site, f"kantor/{office}/mutu/")
    out = {}
    for section in SECTIONS:
        found = page.find("section", **{"aria-labelledby": section})
        assert found is not None, (office, section)
        out[section] = {th.find("code").get_text() for th in found.find_all("th", scope="row")}
    return out


def summary_rows(site: Path) -> dict[str, tuple]:
    page = read_built(site, "mutu-data/")
    table = page.find("table")
    rows = {}
    for tr in table.find_all("tr"):
        head = tr.find("th", scope="row")
        if head is None:
            continue
        cells = [td.get_text() for td in tr.find_all("td")]
        rows[head.get_text()] = tuple(cells)
    return rows


def shown(numbers: tuple) -> tuple:
    count, disclosed, warned, median = numbers
    return (
        str(count),
        f"{percent(disclosed, count)} ({disclosed})",
        f"{percent(warned, count)} ({warned})",
        days(median),
    )


# The fixture site ----------------------------------------------------------------------------


def test_each_office_page_lists_exactly_the_vacancies_the_records_give(fixture_site):
    seen = set()
    for office in offices(SITE_FIXTURE):
        expected = expected_lists(SITE_FIXTURE, office, TODAY)
        assert listed(fixture_site, office) == expected, office
        seen.update(k for k, v in expected.items() if v)
    assert {"segera-ditutup", "verifikasi-ulang"} <= seen  # the fixture exercises real lists


def test_summary_numbers_match_the_records(fixture_site):
    expected = expected_summary(SITE_FIXTURE, TODAY)
    assert summary_rows(fixture_site) == {name: shown(n) for name, n in expected.items()}
    assert "Jawa Barat" in expected and expected["Seluruh Indonesia"][0] > 20


def test_pages_are_noindex_and_linked(fixture_site):
    for path in ("mutu-data/", "kantor/disnaker-kabupaten-bekasi/mutu/"):
        page = read_built(fixture_site, path)
        assert page.find("meta", name="robots", content="noindex") is not None, path
        assert page.find("link", rel="canonical") is None, path
        tables = page.find_all("table")
        assert tables and all(t.find("caption") for t in tables)
        assert all(th.attrs.get("scope") in ("col", "row") for t in tables for th in t.find_all("th"))
    office = read_built(fixture_site, "kantor/disnaker-kabupaten-bekasi/")
    link = office.find("a", href="/kantor/disnaker-kabupaten-bekasi/mutu/")
    assert link is not None and link.get_text() == "Mutu data (untuk petugas)"
    assert read_built(fixture_site, "kantor/").find("a", href="/mutu-data/") is not None
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    # No data-quality page (an employer's name may contain "mutu": pt-uji-mutu-terjamin)
    assert "/mutu/<" not in sitemap and f"/{url('quality')}<" not in sitemap


# Every list, warnings included, on a small repository built for it -----------------------------


def record(vid: str, *changes: tuple[str, str]) -> str:
    title = vid.replace("-", " ").capitalize()  # one vacancy per title (X307)
    return vacancy(("id: good-vacancy", f"id: {vid}"), ("title: Operator Produksi", f"title: {title}"), *changes)


SCENARIO = {
    # Posted 76 days ago but re-verified recently: open long, no re-verification due.
    "lama-dibuka.yml": record(
        "lama-dibuka",
        ("date_posted: 2026-11-20", "date_posted: 2026-09-10"),
        ("valid_through: 2026-12-31", "valid_through: 2026-12-09"),
        ("  date: 2026-11-19", "  date: 2026-09-09\n  reverified: 2026-11-15"),
    ),
    # Pay far below the UMP: warning W501.
    "upah-rendah.yml": record("upah-rendah", ("min: 5500000", "min: 1000000"), ("max: 6000000", "max: 1200000")),
    "segera-tutup.yml": record("segera-tutup", ("valid_through: 2026-12-31", "valid_through: 2026-11-28")),
    "perlu-verifikasi.yml": record(
        "perlu-verifikasi",
        ("date_posted: 2026-11-20", "date_posted: 2026-10-05"),
        ("  date: 2026-11-19", "  date: 2026-10-01"),
        ("  disclosed: true\n  min: 5500000\n  max: 6000000\n  unit: MONTH\n", "  disclosed: false\n"),
    ),
    # Verified 20 days ago: due under the office's 14-day policy (30 days by default).
    "cek-ulang-14-hari.yml": record(
        "cek-ulang-14-hari",
        ("date_posted: 2026-11-20", "date_posted: 2026-11-06"),
        ("  date: 2026-11-19", "  date: 2026-11-05"),
    ),
    # Closed: on no list, whatever its dates.
    "ditutup.yml": record(
        "ditutup",
        ("status: open", "status: closed"),
        ("date_posted: 2026-11-20", "date_posted: 2026-08-01"),
        ("valid_through: 2026-12-31", "valid_through: 2026-10-30"),
        ("  date: 2026-11-19", "  date: 2026-07-01"),
    ),
}


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    office = {"test-office.yml": TEST_OFFICE + "reverify_days: 14\n"}
    root = make_repo(tmp_path_factory.mktemp("quality"), {"jawa-barat/" + k: v for k, v in SCENARIO.items()}, office)
    out = build_site(root, output=root.parent / "site", today=TODAY.isoformat(), siteurl="", search=False)
    return root, out


def test_every_list_holds_its_vacancies_and_the_warning_is_shown(scenario):
    root, site = scenario
    expected = expected_lists(root, "test-office", TODAY)
    assert expected == {
        "segera-ditutup": {"segera-tutup"},
        "lama-dibuka": {"lama-dibuka"},
        # the undisclosed wage is a Perpres 57/2023 Art. 5 warning (W570)
        "ada-peringatan": {"upah-rendah", "perlu-verifikasi"},
        "verifikasi-ulang": {"perlu-verifikasi", "cek-ulang-14-hari"},
    }
    assert listed(site, "test-office") == expected
    page = read_built(site, "kantor/test-office/mutu/")
    cells = page.find("section", **{"aria-labelledby": "ada-peringatan"}).find_all("td")
    warning = next(c.get_text() for c in cells if c.get_text().startswith("W501"))
    assert warning.startswith("W501 salary.min: upah Rp 1.000.000") and "di bawah UMP" in warning
    assert "5 dari 5 lowongan dibuka perlu diperiksa" in page.get_text()
    assert "lebih dari 14 hari lalu" in page.get_text()


def test_summary_counts_warnings_and_undisclosed_salary(scenario):
    root, site = scenario
    expected = expected_summary(root, TODAY)
    assert expected["Jawa Barat"] == (5, 4, 2, -1)
    assert summary_rows(site) == {name: shown(n) for name, n in expected.items()}
    assert summary_rows(site)["Jawa Barat"] == ("5", "80% (4)", "40% (2)", "-1")


def test_numbers_read_naturally():
    assert (percent(2, 3), percent(0, 0)) == ("67%", "–")
    assert (days(2.5), days(3), days(-1.0), days(None)) == ("2,5", "3", "-1", "–")
