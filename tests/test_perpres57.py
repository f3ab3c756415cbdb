"""Perpres 57/2023 (wajib lapor lowongan pekerjaan) in the data, checked against plain readings
of the YAML: the Art. 5 warning (W570), the filled date (R470, Art. 6), fill statistics per
province and office, and an office's report CSV in Art. 5 order.

Expected figures are computed here from ``yaml.safe_load`` of the records, not from the
project's loader or model, so a mistake in either shows up as a disagreement.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import Counter, defaultdict
from datetime import date

import pytest
import yaml
from support import GOOD_VACANCY, ROOT, SITE_FIXTURE, TODAY, make_repo, read_built, vacancy

from antarkerja.records.validate import validate_repository

JABAR = "jawa-barat/good-vacancy.yml"
WAGED = {"pkwtt", "pkwt", "harian_lepas", "paruh_waktu"}


def records(root=ROOT) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "content/vacancies").rglob("*.yml"))]


def offices(root=ROOT) -> dict[str, dict]:
    found = {}
    for p in sorted((root / "content/offices").glob("*.yml")):
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        found[data["id"]] = data
    return found


def state(r: dict, today: date = TODAY) -> str:
    if r["status"] == "filled":
        return "filled"
    if r["status"] == "closed":
        return "closed"
    return "expired" if r["valid_through"] < today else "open"


def codes(result, code):
    return [d for d in result.diagnostics if d.code == code]


# R470: the date a vacancy was filled ------------------------------------------------------
@pytest.mark.parametrize(
    "replacements, line, words",
    [
        ([("status: open", "status: filled")], 5, "lowongan terisi tanpa tanggal terisi"),
        ([("valid_through: 2026-12-31", "valid_through: 2026-12-31\nfilled_date: 2026-12-01")], 43, "status lowongan"),
        (
            [
                ("status: open", "status: filled"),
                ("valid_through: 2026-12-31", "valid_through: 2026-12-31\nfilled_date: 2026-11-02"),
            ],
            43,
            "sebelum tanggal tayang 2026-11-20",
        ),
    ],
)
def test_filled_date_is_required_with_status_filled_and_only_then(tmp_path, replacements, line, words):
    result = validate_repository(make_repo(tmp_path, {JABAR: vacancy(*replacements)}))
    found = codes(result, "R470")
    assert len(found) == 1 and found[0].line == line and words in found[0].message, result.diagnostics
    assert found[0] in result.errors


def test_a_filled_vacancy_with_its_date_is_valid(tmp_path):
    text = vacancy(
        ("status: open", "status: filled"),
        ("valid_through: 2026-12-31", "valid_through: 2026-12-31\nfilled_date: 2026-11-24"),
    )
    assert validate_repository(make_repo(tmp_path, {JABAR: text})).diagnostics == []


def test_every_filled_sample_record_has_its_filled_date():
    filled = [r for r in records() + records(SITE_FIXTURE) if r["status"] == "filled"]
    assert len(filled) >= 5
    assert all(isinstance(r.get("filled_date"), date) and r["filled_date"] >= r["date_posted"] for r in filled)


SKILLS = "qualifications:\n  - Lulusan SMK Teknik Mesin\n  - Bersedia bekerja dalam sistem sif\n"


# W570: an Art. 5 item missing -------------------------------------------------------------
def test_w570_names_the_missing_wage_and_cites_the_article(tmp_path):
    text = vacancy(
        ("  disclosed: true\n  min: 5500000\n  max: 6000000\n  unit: MONTH\n  currency: IDR\n", "  disclosed: false\n")
    )
    found = codes(validate_repository(make_repo(tmp_path, {JABAR: text})), "W570")
    assert len(found) == 1 and found[0].field == "salary.disclosed"
    assert "Perpres 57/2023 Pasal 5 ayat (1) huruf d" in found[0].message and "upah" in found[0].message


def test_w570_leaves_a_partnership_without_wage_alone(tmp_path):
    text = vacancy(
        ("employment_type: pkwt\ncontract_months: 12", "employment_type: kemitraan"),
        ("  disclosed: true\n  min: 5500000\n  max: 6000000\n  unit: MONTH\n  currency: IDR\n", "  disclosed: false\n"),
    )
    assert codes(validate_repository(make_repo(tmp_path, {JABAR: text})), "W570") == []


def test_w570_a_record_naming_no_skill_is_warned_at_its_first_line(tmp_path):
    text = vacancy((SKILLS, ""))
    assert "qualifications" not in text
    result = validate_repository(make_repo(tmp_path, {JABAR: text}))
    found = codes(result, "W570")
    first_key = next(n for n, line in enumerate(text.splitlines(), 1) if line and not line.startswith("#"))
    assert [(d.field, d.line) for d in found] == [("qualifications", first_key)]
    assert "keterampilan atau kompetensi" in found[0].message and "Pasal 5 ayat (1) huruf d" in found[0].message
    assert "`qualifications`" in found[0].hint
    assert found[0] not in result.errors  # a warning: the record still publishes


@pytest.mark.parametrize("items", ["qualifications: []\n", "qualifications:\n  - ' '\n"])
def test_w570_an_empty_skills_list_is_warned_at_its_key(tmp_path, items):
    text = vacancy((SKILLS, items))
    found = codes(validate_repository(make_repo(tmp_path, {JABAR: text})), "W570")
    line = text.splitlines().index(items.splitlines()[0]) + 1
    assert [(d.field, d.line) for d in found] == [("qualifications", line)]


def test_w570_a_record_with_its_skills_is_not_warned(tmp_path):
    assert SKILLS in GOOD_VACANCY
    assert codes(validate_repository(make_repo(tmp_path, {JABAR: GOOD_VACANCY})), "W570") == []


@pytest.mark.parametrize("root", [ROOT, SITE_FIXTURE], ids=["sample", "fixture"])
def test_w570_flags_exactly_the_records_a_plain_reading_finds_lacking(root):
    expected = set()
    for r in records(root):
        if not any(str(q).strip() for q in r.get("qualifications") or []):
            expected.add((r["id"], "qualifications"))
        if not r["salary"]["disclosed"] and r["employment_type"] in WAGED:
            expected.add((r["id"], "salary.disclosed"))
        if r["location"]["country"] != "ID" and not r["location"].get("city"):
            expected.add((r["id"], "location"))
    result = validate_repository(root)
    found = {(d.path.stem, d.field) for d in codes(result, "W570")}
    assert found == expected
    if root == SITE_FIXTURE:
        # the fixture has an undisclosed wage and a record naming no skill: both are exercised
        assert {field for _, field in expected} == {"salary.disclosed", "qualifications"}
    else:
        assert not {r for r in expected if r[1] == "qualifications"}  # every sample names its skills


# Outcomes: open, filled, expired, withdrawn; median days to fill ---------------------------
def expected_outcomes(rows: list[dict], key) -> dict[str, dict]:
    counts: dict[str, Counter] = defaultdict(Counter)
    days: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        k = key(r)
        counts[k][state(r)] += 1
        if r["status"] == "filled":
            days[k].append((r["filled_date"] - r["date_posted"]).days)
    return {
        k: {
            "open": c["open"],
            "filled": c["filled"],
            "expired": c["expired"],
            "closed": c["closed"],
            "medianDaysToFill": statistics.median(days[k]) if days[k] else None,
        }
        for k, c in counts.items()
    }


def shown(row: dict) -> dict:
    return {k: row[k] for k in ("open", "filled", "expired", "closed", "medianDaysToFill")}


def test_national_outcomes_per_province_match_the_records(sample_site):
    rows = records()
    data = json.loads((sample_site / "statistik" / "data.json").read_text(encoding="utf-8"))["outcomes"]
    assert data["groupedBy"] == "province"
    assert {r["code"]: shown(r) for r in data["rows"]} == expected_outcomes(rows, lambda r: r["location"]["province"])
    assert shown(data["total"]) == expected_outcomes(rows, lambda r: "all")["all"]
    # The sample data exercises every outcome.
    assert all(data["total"][k] > 0 for k in ("open", "filled", "expired", "closed"))


def test_a_provinces_outcomes_per_office_match_the_records_and_the_page(sample_site):
    rows = [r for r in records() if r["location"]["province"] == "31"]  # DKI Jakarta
    data = json.loads((sample_site / "provinsi/dki-jakarta/statistik/data.json").read_text(encoding="utf-8"))
    outcomes = data["outcomes"]
    assert outcomes["groupedBy"] == "office"
    expected = expected_outcomes(rows, lambda r: r["verification"]["office"])
    assert {r["code"]: shown(r) for r in outcomes["rows"]} == expected
    names = offices()
    table = read_built(sample_site, "provinsi/dki-jakarta/statistik/").find("section", aria_labelledby="hasil")
    for tr in table.find("tbody").find_all("tr"):
        cells = [c.get_text() for c in tr.iter() if c.tag in ("th", "td")]
        code = next(k for k, o in names.items() if o["name"] == cells[0])
        e = expected[code]
        median = "–" if e["medianDaysToFill"] is None else f"{e['medianDaysToFill']:g}".replace(".", ",")
        assert cells[1:] == [str(e["open"]), str(e["filled"]), str(e["expired"]), str(e["closed"]), median]


def test_a_filled_vacancy_stays_sudah_terisi_and_out_of_open_lists_and_feeds(sample_site):
    filled = [r["id"] for r in records() if r["status"] == "filled"]
    listing = (sample_site / "lowongan" / "index.html").read_text(encoding="utf-8")
    feed = (sample_site / "feed" / "lowongan.atom").read_text(encoding="utf-8")
    for vid in filled:
        page = read_built(sample_site, f"lowongan/{vid}/").get_text()
        assert "sudah terisi" in page.lower()
        assert f"/lowongan/{vid}/" not in listing and f"/lowongan/{vid}/" not in feed


# The office's report CSV ------------------------------------------------------------------
ARTICLE_5_ORDER = [
    "nama_pemberi_kerja",  # (a) identitas pemberi kerja
    "nama_jabatan",  # (b) nama jabatan
    "jumlah_tenaga_kerja",  # (b) jumlah tenaga kerja yang dibutuhkan
    "berlaku_sampai",  # (c) masa berlaku lowongan
    "usia_minimal",  # (d) usia
    "jenis_kelamin",  # (d) jenis kelamin
    "pendidikan_minimal",  # (d) pendidikan
    "keterampilan_kompetensi",  # (d) keterampilan atau kompetensi
    "pengalaman_kerja_bulan",  # (d) pengalaman kerja
    "upah",  # (d) upah atau gaji
    "kabupaten_kota",  # (d) domisili wilayah kerja
    "jenis_hubungan_kerja",  # (d) informasi lain terkait jabatan
    "status",  # Pasal 6: terisi
    "tanggal_terisi",
]


def read_report(sample_site, office_id: str) -> list[dict]:
    text = (sample_site / "kantor" / office_id / "laporan-lowongan.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_every_office_has_a_report_with_each_vacancy_it_verified_once(sample_site):
    by_office = defaultdict(set)
    for r in records():
        by_office[r["verification"]["office"]].add(r["id"])
    for office_id in offices():
        rows = read_report(sample_site, office_id)
        ids = [row["id_lowongan"] for row in rows]
        assert sorted(ids) == sorted(by_office[office_id]), office_id


def test_report_columns_follow_article_5_and_hold_the_records_values(sample_site):
    header = (sample_site / "kantor/disnaker-provinsi-dki-jakarta/laporan-lowongan.csv").read_text(encoding="utf-8")
    columns = header.splitlines()[0].split(",")
    positions = [columns.index(name) for name in ARTICLE_5_ORDER]
    assert positions == sorted(positions)
    status = {"open": "Dibuka", "filled": "Sudah terisi", "closed": "Ditutup", "expired": "Kedaluwarsa"}
    checked = 0
    by_id = {x["id"]: x for x in records()}
    for office_id in offices():
        for row in read_report(sample_site, office_id):
            r = by_id[row["id_lowongan"]]
            assert row["nama_pemberi_kerja"] == r["employer"]["name"]
            assert row["nama_jabatan"] == r["title"]
            assert int(row["jumlah_tenaga_kerja"]) == r["openings"]
            assert row["berlaku_sampai"] == r["valid_through"].isoformat()
            assert int(row["pengalaman_kerja_bulan"]) == r["experience_months"]
            assert row["upah_minimal"] == str(r["salary"].get("min") or "")
            assert row["keterampilan_kompetensi"] == "; ".join(r.get("qualifications") or [])
            assert row["status"] == status[state(r)]
            assert row["tanggal_terisi"] == (r["filled_date"].isoformat() if r.get("filled_date") else "")
            checked += 1
    assert checked == len(by_id)


def test_the_report_is_linked_from_the_offices_data_quality_page(sample_site):
    page = read_built(sample_site, "kantor/disnaker-provinsi-dki-jakarta/mutu/")
    assert page.find("a", href="/kantor/disnaker-provinsi-dki-jakarta/laporan-lowongan.csv") is not None


def test_a_formula_in_a_record_is_neutralised_in_the_report(tmp_path):
    from antarkerja.site.build import build_site

    root = make_repo(
        tmp_path / "repo", {JABAR: GOOD_VACANCY.replace("name: PT Contoh Uji Manufaktur", 'name: "=HYPERLINK(1)"')}
    )
    out = tmp_path / "out"
    build_site(root, output=out, today=TODAY.isoformat(), siteurl="", search=False)
    rows = read_report(out, "test-office")
    assert rows[0]["nama_pemberi_kerja"] == "'=HYPERLINK(1)"
