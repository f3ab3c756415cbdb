"""Labour-market information pages: the numbers a reader sees are the sample content's.

Expected figures are counted here straight from the YAML files and reference CSV/YAML
(``yaml.safe_load``, ``csv``), not through the model or :mod:`antarkerja.site.figures`, and compared
with the built page's tables, its JSON and its CSV. Every chart is well-formed XML with a
title and a description.
"""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date

import pytest
import yaml
from support import ROOT, TODAY

SVG = re.compile(r"<svg\b.*?</svg>", re.S)
NS = "{http://www.w3.org/2000/svg}"
PER_MONTH = {"HOUR": 173, "DAY": 25, "WEEK": 52 / 12, "MONTH": 1, "YEAR": 1 / 12}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "content" / "vacancies").rglob("*.yml"))
    ]


@pytest.fixture(scope="module")
def open_records(records) -> list[dict]:
    return [r for r in records if r["status"] == "open" and r["valid_through"] >= TODAY]


@pytest.fixture(scope="module")
def province_names() -> dict[str, str]:
    with (ROOT / "content" / "reference" / "provinces.csv").open(encoding="utf-8") as f:
        return {row["code"]: row["name"] for row in csv.DictReader(f)}


def reference_names(name: str, key: str = "name") -> dict[str, str]:
    data = yaml.safe_load((ROOT / "content" / "reference" / f"{name}.yml").read_text(encoding="utf-8"))
    return {str(item["code"]): item[key] for item in data["items"]}


def table_rows(page, section_id: str) -> dict[str, tuple[int, int]]:
    """The body rows of the first table in a section: label → (vacancies, openings)."""
    section = page.find("section", aria_labelledby=section_id)
    table = section.find("table")
    rows = {}
    for tr in table.find("tbody").find_all("tr"):
        th = tr.find("th")
        if th is None:
            continue
        cells = [td.get_text() for td in tr.find_all("td")]
        rows[th.get_text()] = (int(cells[0]), int(cells[1]))
    return rows


def counted(records, key) -> dict[str, tuple[int, int]]:
    vac, people = Counter(), Counter()
    for r in records:
        k = key(r)
        vac[k] += 1
        people[k] += r["openings"]
    return {k: (vac[k], people[k]) for k in vac}


def test_national_page_counts_match_the_records(sample_site, read_page, open_records, province_names):
    page = read_page(sample_site, "statistik/")
    text = page.get_text()
    total_openings = sum(r["openings"] for r in open_records)
    assert f"{len(open_records)} lowongan dibuka · {total_openings} orang dibutuhkan" in text
    assert "Data per 25 November 2026" in text

    # A province's vacancies are those whose work is there; overseas ones count as "Luar negeri".
    domestic = [r for r in open_records if r["location"]["country"] == "ID"]
    assert table_rows(page, "wilayah") == counted(domestic, lambda r: province_names[r["location"]["province"]])

    education = reference_names("education")
    by_education = table_rows(page, "pendidikan")
    assert by_education == counted(open_records, lambda r: education[r["education"]["minimum"]])
    assert "SMK/MAK" in by_education and "SMA/MA" in by_education  # apart, not merged

    kbli = reference_names("kbli", "short_name")  # the short label, not the regulation's full title
    assert table_rows(page, "sektor") == counted(open_records, lambda r: f"{r['kbli']} {kbli[r['kbli']]}")
    kbji = reference_names("kbji")
    assert table_rows(page, "jabatan") == counted(open_records, lambda r: f"{r['kbji'][0]} {kbji[r['kbji'][0]]}")
    types = reference_names("employment_types")
    assert table_rows(page, "jenis") == counted(open_records, lambda r: types[r["employment_type"]])

    abroad = [r for r in open_records if r["location"]["country"] != "ID"]
    assert table_rows(page, "lingkup") == counted(
        open_records, lambda r: "Luar negeri" if r["location"]["country"] != "ID" else "Dalam negeri"
    )
    countries = table_rows(page, "negara")
    assert sum(v for v, _ in countries.values()) == len(abroad) > 0
    assert countries["Jepang"][0] == sum(1 for r in abroad if r["location"]["country"] == "JP")

    friendly = [r for r in open_records if (r.get("disability") or {}).get("friendly")]
    share = f"{100 * len(friendly) / len(open_records):.1f}".replace(".", ",")
    assert f"{len(friendly)} dari {len(open_records)} lowongan dibuka ({share} %)" in text


def midpoint(r) -> int | None:
    s = r["salary"]
    if r["location"]["country"] != "ID" or not s["disclosed"] or s.get("currency", "IDR") != "IDR":
        return None
    return round((s["min"] + (s.get("max") or s["min"])) / 2 * PER_MONTH[s["unit"]])


def test_salary_quartiles_and_ump_per_province(sample_site, read_page, open_records, province_names):
    page = read_page(sample_site, "statistik/")
    section = page.find("section", aria_labelledby="upah")
    rows = {tr.find("th").get_text(): [td.get_text() for td in tr.find_all("td")] for tr in section.find_all("tr")[1:]}
    ump = yaml.safe_load((ROOT / "content" / "reference" / "ump.yml").read_text(encoding="utf-8"))
    year = TODAY.year  # the UMP in force on the data date; ump.yml has that year's figures
    ump_now = {e["province"]: e["amount"] for e in ump["years"][year] if e["amount"]}
    checked = 0
    for code in {r["location"]["province"] for r in open_records}:
        pays = sorted(m for r in open_records if r["location"]["province"] == code and (m := midpoint(r)) is not None)
        cells = rows[province_names[code]]
        assert int(cells[0]) == len(pays)
        if len(pays) >= 2:
            q1, q2, q3 = statistics.quantiles(pays, n=4, method="inclusive")
            money = [f"{round(x):,}".replace(",", ".") for x in (q1, q2, q3)]
            assert cells[1:4] == money, province_names[code]
            checked += 1
        if code in ump_now:
            assert cells[4] == f"{ump_now[code]:,} ({year})".replace(",", ".")
            assert int(cells[5]) == sum(1 for p in pays if p < ump_now[code])
    assert checked >= 5
    assert "belum diverifikasi" in section.get_text()


def test_trend_counts_every_record_by_month_posted(sample_site, read_page, records):
    page = read_page(sample_site, "statistik/")
    months = table_rows(page, "tren")
    assert len(months) == 12 and list(months)[-1] == "November 2026"
    names = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September"]
    names += ["Oktober", "November", "Desember"]
    expected = Counter(f"{names[r['date_posted'].month - 1]} {r['date_posted'].year}" for r in records)
    for label, (vacancies, _) in months.items():
        assert vacancies == expected.get(label, 0), label
    assert sum(v for v, _ in months.values()) > 0
    assert "dihapus dari data tidak terhitung" in page.get_text()


def test_province_page_is_linked_and_counts_its_regencies(sample_site, read_page, open_records):
    province = read_page(sample_site, "provinsi/jawa-barat/")
    assert province.find("a", href="/provinsi/jawa-barat/statistik/") is not None
    page = read_page(sample_site, "provinsi/jawa-barat/statistik/")
    mine = [r for r in open_records if r["location"]["province"] == "32" and r["location"]["country"] == "ID"]
    with (ROOT / "content" / "reference" / "regencies.csv").open(encoding="utf-8") as f:
        regencies = {row["code"]: row["name"] for row in csv.DictReader(f)}
    assert table_rows(page, "wilayah") == counted(mine, lambda r: regencies[r["location"]["regency"]])
    assert f"{len(mine)} lowongan dibuka" in page.get_text()


def test_json_and_csv_hold_the_page_numbers(sample_site, open_records, province_names):
    data = json.loads((sample_site / "statistik" / "data.json").read_text(encoding="utf-8"))
    assert data["vacancies"] == len(open_records)
    assert data["date"] == TODAY.isoformat()
    by_province = {r["label"]: r["vacancies"] for r in data["tables"]["wilayah"]["rows"]}
    assert by_province == {
        k: v
        for k, (v, _) in counted(
            [r for r in open_records if r["location"]["country"] == "ID"],
            lambda r: province_names[r["location"]["province"]],
        ).items()
    }
    ump = yaml.safe_load((ROOT / "content" / "reference" / "ump.yml").read_text(encoding="utf-8"))
    verified = {e["province"]: e["verified"] for e in ump["years"][TODAY.year]}
    assert data["salary"] and all(s["umpVerified"] is verified[s["code"]] for s in data["salary"] if s["ump"])

    text = (sample_site / "statistik" / "data.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    csv_province = {r["label"]: int(r["nilai"]) for r in rows if r["tabel"] == "wilayah" and r["ukuran"] == "lowongan"}
    assert csv_province == by_province
    total = next(r for r in rows if r["tabel"] == "ringkasan" and r["ukuran"] == "lowongan")
    assert int(total["nilai"]) == len(open_records)


def test_csv_cells_cannot_become_formulas():
    from antarkerja.site.figures import Row, Stats, Table
    from antarkerja.site.outputs.stats import as_csv

    hostile = ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tTab", "\rCR"]
    s = Stats("Indonesia", date(2026, 11, 25), 1, 1)
    s.tables.append(Table("negara", "Uji", [Row(h, h, 1, 1) for h in hostile]))
    rows = list(csv.reader(io.StringIO(as_csv(s).lstrip("\ufeff"))))
    cells = [c for row in rows for c in row if c.lstrip("'") in hostile]
    assert len(cells) == 2 * 2 * len(hostile)  # code and label, two measures each
    assert all(c.startswith("'") for c in cells)


def svgs(path) -> list[ET.Element]:
    return [ET.fromstring(m.group(0)) for m in SVG.finditer(path.read_text(encoding="utf-8"))]


def test_every_svg_is_well_formed_with_title_and_description(sample_site):
    pages = [sample_site / "statistik" / "index.html", *sample_site.glob("provinsi/*/statistik/index.html")]
    pages += [*sample_site.glob("lowongan/*/cetak/index.html"), *sample_site.glob("*/*/cetak/index.html")]
    assert len(pages) > 38 + 50
    count = 0
    for path in pages:
        for svg in svgs(path):  # ET.fromstring raises on anything not well-formed
            count += 1
            title, desc = svg.find(f"{NS}title"), svg.find(f"{NS}desc")
            assert title is not None and title.text.strip(), path
            assert desc is not None and desc.text.strip(), path
            assert svg.get("role") == "img"
            assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    national = svgs(sample_site / "statistik" / "index.html")
    assert len(national) == 9  # seven breakdowns, salary, trend
    assert count > len(national)


def test_the_salary_chart_marks_only_unverified_minimum_wages():
    from antarkerja.site.figures import SalaryRow
    from antarkerja.site.outputs.stats import salary_chart

    rows = [
        SalaryRow("62", "Kalimantan Tengah", 4, 3_600_000, 3_900_000, 4_200_000, 3_686_138, 2026, True),
        SalaryRow("32", "Jawa Barat", 4, 2_400_000, 2_600_000, 2_900_000, 2_317_601, 2026, False),
    ]
    desc = salary_chart(rows, "upah")["desc"]
    verified, unverified = desc.split("; ")
    assert "UMP 2026 Rp 3.686.138" in verified and "belum diverifikasi" not in verified
    assert unverified.endswith("(belum diverifikasi).")
