"""UMP by year: the data, the year in force on a date, the yearly date check, the refresh script.

The 2026 figures are read here straight from ``ump.yml`` and ``provinces.csv`` (plain YAML and
CSV), not through the loader, so a loader bug cannot hide a data gap.
"""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from support import make_repo, vacancy

from antarkerja.records.validate import today_for_rules, validate_repository
from antarkerja.reference import load_reference
from antarkerja.salary import minimum_wage

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "content" / "reference"
SCRIPT = ROOT / "scripts" / "refresh_ump.py"
KINDS = {"resmi-provinsi", "berita", "rekap"}


def load_script():
    spec = importlib.util.spec_from_file_location("refresh_ump", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def provinces() -> dict[str, str]:
    with (REFERENCE / "provinces.csv").open(encoding="utf-8", newline="") as f:
        return {row["code"]: row["name"] for row in csv.DictReader(f)}


@pytest.fixture(scope="module")
def ump() -> dict:
    return yaml.safe_load((REFERENCE / "ump.yml").read_text(encoding="utf-8"))


# --- the data ----------------------------------------------------------------------------------


def test_2026_has_every_province_once_each_with_its_source(ump, provinces):
    entries = ump["years"][2026]
    codes = [e["province"] for e in entries]
    assert sorted(codes) == sorted(provinces) and len(codes) == 38
    for e in entries:
        name = provinces[e["province"]]
        assert e["source"].strip() and e["source_kind"] in KINDS, name
        assert urlparse(e["url"]).scheme in {"http", "https"} and urlparse(e["url"]).netloc, name
        assert date.fromisoformat(e["date"]) <= date(2026, 1, 31), name  # set around the new year
        assert type(e["verified"]) is bool, name
        if e.get("status") == "belum-ditetapkan":
            assert e["amount"] is None and "belum" in e["note"], name
            continue
        assert type(e["amount"]) is int and 2_000_000 < e["amount"] < 7_000_000, name
        assert e.get("decree", "").startswith("Keputusan Gubernur") or e.get("note"), name
        if "amount_exact" in e:  # whole rupiah rounded up from the decree's sen
            exact = float(e["amount_exact"].replace(".", "").replace(",", "."))
            assert e["amount"] - 1 < exact <= e["amount"], name


def test_only_a_province_s_own_announcement_counts_as_verified(ump):
    for e in ump["years"][2026]:
        official = e["source_kind"] == "resmi-provinsi" and urlparse(e["url"]).netloc.endswith(".go.id")
        assert not e["verified"] or official, e["province"]
    verified = {e["province"] for e in ump["years"][2026] if e["verified"]}
    assert verified == {"62", "91", "94"}  # Kalimantan Tengah, Papua, Papua Tengah (docs/data-sources.md)


def test_a_verified_figure_carries_its_decree_and_the_day_its_source_was_read(ump):
    for e in ump["years"][2026]:
        if e["verified"]:
            assert e["decree"].startswith("Keputusan Gubernur ") and "Nomor " in e["decree"], e["province"]
            assert date.fromisoformat(e["checked_on"]) >= date.fromisoformat(e["date"]), e["province"]


def test_known_figures_match_the_decrees_as_reported(ump):
    """Spot checks against figures quoted from the decrees' own wording in the reports."""
    by_code = {e["province"]: e for e in ump["years"][2026]}
    assert by_code["31"]["amount"] == 5_729_876  # DKI Jakarta, the highest
    assert by_code["32"]["amount"] == 2_317_601  # Jawa Barat, the lowest
    assert by_code["33"]["amount_exact"] == "2.327.386,07"
    assert by_code["11"]["amount"] == 3_932_552  # Aceh did raise its UMP, on 5 January 2026
    assert by_code["94"]["amount"] == by_code_2025(ump)["94"]  # Papua Tengah kept its 2025 figure


def by_code_2025(ump) -> dict[str, int]:
    return {e["province"]: e["amount"] for e in ump["years"][2025]}


# --- which year applies on a date ---------------------------------------------------------------


def jabar(posted: str, pay: int = 2_200_000) -> str:
    """The good Jawa Barat vacancy posted on ``posted`` at ``pay`` a month, open for 8 weeks."""
    return vacancy(
        ("min: 5500000", f"min: {pay}"),
        ("max: 6000000", f"max: {pay}"),
        ("date_posted: 2026-11-20", f"date_posted: {posted}"),
        ("valid_through: 2026-12-31", f"valid_through: {date.fromisoformat(posted) + timedelta(weeks=8)}"),
    )


def w501(tmp_path, monkeypatch, text: str, today: str) -> list[str]:
    monkeypatch.setenv("ANTARKERJA_TODAY", today)
    repo = make_repo(tmp_path, {"v/vacancy.yml": text})
    return [d.message for d in validate_repository(repo).diagnostics if d.code == "W501"]


def test_a_vacancy_posted_in_2025_is_held_to_ump_2025(tmp_path, monkeypatch):
    # Rp2.200.000 is above UMP 2025 Jawa Barat (2.191.232) and below UMP 2026 (2.317.601).
    assert w501(tmp_path, monkeypatch, jabar("2025-12-20"), "2025-12-20") == []


def test_a_vacancy_posted_in_2026_is_held_to_ump_2026(tmp_path, monkeypatch):
    messages = w501(tmp_path, monkeypatch, jabar("2026-01-02"), "2026-01-02")
    assert len(messages) == 1
    assert "UMP 2026" in messages[0] and "Rp2.317.601" in messages[0]


def test_the_build_day_does_not_change_the_verdict(tmp_path, monkeypatch):
    """The same 2025 vacancy looked at in December 2026 is still compared with UMP 2025."""
    assert w501(tmp_path, monkeypatch, jabar("2025-12-20"), "2026-12-06") == []


def test_a_year_not_recorded_yet_is_compared_with_the_latest_and_says_so(tmp_path, monkeypatch):
    messages = w501(tmp_path, monkeypatch, jabar("2027-01-05"), "2027-01-05")
    assert len(messages) == 1 and "di bawah UMP 2026" in messages[0]
    assert "UMP 2027 provinsi ini belum tercatat di content/reference/ump.yml" in messages[0]


def test_a_province_without_a_2026_figure_is_compared_with_2025_and_says_so(tmp_path, monkeypatch):
    text = vacancy(
        ('province: "32"', 'province: "95"'),
        ('regency: "32.16"', 'regency: "95.01"'),
        ("min: 5500000", "min: 3000000"),
        ("max: 6000000", "max: 3000000"),
    )
    messages = w501(tmp_path, monkeypatch, text, "2026-11-20")
    assert len(messages) == 1
    assert "UMP 2025" in messages[0] and "UMP 2026 provinsi ini belum ditetapkan" in messages[0]


def test_the_loader_picks_the_year_by_date():
    ref = load_reference(ROOT)
    assert ref.ump_for("32", date(2025, 12, 31))[0] == 2025
    assert ref.ump_for("32", date(2026, 1, 1)) == (2026, ref.ump[2026]["32"])
    assert ref.ump_for("32", date(2030, 6, 1))[0] == max(ref.ump)  # latest known until a newer one is added
    assert ref.ump_for("95", date(2026, 6, 1))[0] == 2025  # Papua Pegunungan: no 2026 figure
    assert ref.ump_for("32", date(2024, 6, 1)) is None
    record = {"location": {"country": "ID", "province": "36"}, "employment_type": "pkwtt"}
    assert minimum_wage({**record, "date_posted": date(2026, 3, 1)}, ref)[1]["amount"] == 3_100_882


# --- the yearly date check -----------------------------------------------------------------------


def missing_ump_message(today: date) -> str | None:
    year = load_reference(ROOT).ump_year_missing(today)
    if year is None:
        return None
    return (
        f"UMP {year} berlaku sejak 1 Januari {year} tetapi belum ada di content/reference/ump.yml. "
        f"Kumpulkan angka ke-38 provinsi beserta sumbernya (keputusan gubernur), lalu jalankan "
        f"`python scripts/refresh_ump.py ANGKA.csv --year {year}` (petunjuk di docstring skrip itu "
        f"dan di docs/data-sources.md)."
    )


def test_the_current_year_s_ump_is_recorded():
    """Fails from 1 January of a year whose UMP is not in ump.yml yet (set ANTARKERJA_TODAY to try)."""
    message = missing_ump_message(today_for_rules())
    assert message is None, message


def test_the_date_check_fires_after_new_year_without_new_figures():
    assert missing_ump_message(date(2026, 12, 31)) is None
    message = missing_ump_message(date(2027, 1, 1))
    assert message and "UMP 2027" in message and "scripts/refresh_ump.py" in message


# --- scripts/refresh_ump.py -----------------------------------------------------------------------


def figures_csv(provinces: dict[str, str], **override: dict) -> str:
    header = "province,amount,amount_exact,status,decree,date,source,source_kind,url,verified,checked_on,note"
    rows = [header]
    for code in provinces:
        row = {
            "province": code,
            "amount": str(3_000_000 + int(code)),
            "amount_exact": "",
            "status": "",
            "decree": f"Keputusan Gubernur Nomor {code}/2026",
            "date": "2026-12-20",
            "source": "Berita contoh, 20 Desember 2026",
            "source_kind": "berita",
            "url": f"https://example.org/ump/{code}",
            "verified": "false",
            "checked_on": "",
            "note": "",
        }
        row.update(override.get(code, {}))
        rows.append(",".join(f'"{v}"' if "," in v else v for v in row.values()))
    return "\n".join(rows) + "\n"


def run(*args: str, cwd: Path = ROOT):
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True)


def test_refresh_adds_a_year_that_the_loader_then_uses(tmp_path, provinces):
    target = tmp_path / "ump.yml"
    target.write_text((REFERENCE / "ump.yml").read_text(encoding="utf-8"), encoding="utf-8")
    figures = tmp_path / "ump-2027.csv"
    figures.write_text(
        figures_csv(provinces, **{"36": {"amount": "3300001", "amount_exact": "3.300.000,50"}}), encoding="utf-8"
    )
    done = run(str(figures), "--year", "2027", "--file", str(target))
    assert done.returncode == 0, done.stderr
    assert "UMP 2027: 38 provinsi, 0 terverifikasi" in done.stdout
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert sorted(data["years"]) == [2025, 2026, 2027]
    assert data["years"][2026] == yaml.safe_load((REFERENCE / "ump.yml").read_text(encoding="utf-8"))["years"][2026]
    banten = next(e for e in data["years"][2027] if e["province"] == "36")
    assert banten["amount"] == 3_300_001 and banten["amount_exact"] == "3.300.000,50"
    again = run(str(figures), "--year", "2027", "--file", str(target))
    assert again.returncode == 1 and "--replace" in again.stderr


def test_refresh_reports_every_problem_with_its_line_and_writes_nothing(tmp_path, provinces):
    target = tmp_path / "ump.yml"
    original = (REFERENCE / "ump.yml").read_text(encoding="utf-8")
    target.write_text(original, encoding="utf-8")
    bad = {
        "11": {"amount": "3.000.011"},  # dots: not whole rupiah digits
        "12": {"verified": "true"},  # a news report cannot be verified
        "13": {"amount_exact": "3.000.020,50"},  # rounds up to 3000021, but amount says 3000013
        "14": {"decree": "", "note": ""},  # no decree and no word why
        "15": {"url": "example.org/x"},
    }
    text = figures_csv(provinces, **bad)
    lines = text.splitlines()
    lines = [line for line in lines if not line.startswith("96,")]  # Papua Barat Daya missing
    lines.append(lines[1])  # Aceh twice
    figures = tmp_path / "bad.csv"
    figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run(str(figures), "--year", "2027", "--file", str(target))
    assert done.returncode == 1
    err = done.stderr
    assert f"{figures}:2: amount:" in err  # Aceh is on line 2
    assert f"{figures}:3: verified:" in err
    assert f"{figures}:4: amount_exact:" in err and "3000021" in err
    assert f"{figures}:5: decree:" in err
    assert f"{figures}:6: url:" in err
    assert "Aceh sudah ada di baris 2" in err
    assert "Papua Barat Daya (96)" in err
    assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == original


def test_refresh_refuses_a_verified_figure_without_decree_or_reading_day(tmp_path, provinces):
    official = {"source_kind": "resmi-provinsi", "url": "https://jatimprov.go.id/berita/ump-2027", "verified": "true"}
    figures = tmp_path / "ump-2027.csv"
    figures.write_text(
        figures_csv(
            provinces,
            **{
                "35": {**official, "checked_on": "2026-12-28"},  # complete: accepted
                "36": {**official, "checked_on": "2026-12-28", "decree": "", "note": "nomor tidak terbaca"},
                "51": {**official},  # no checked_on
            },
        ),
        encoding="utf-8",
    )
    target = tmp_path / "ump.yml"
    target.write_text((REFERENCE / "ump.yml").read_text(encoding="utf-8"), encoding="utf-8")
    done = run(str(figures), "--year", "2027", "--file", str(target), "--check")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    row = {code: n + 2 for n, code in enumerate(provinces)}  # line 1 is the header
    assert any(line.startswith(f"{figures}:{row['36']}: decree: wajib diisi bila verified true") for line in lines)
    assert any(line.startswith(f"{figures}:{row['51']}: checked_on:") for line in lines)
    assert not any(line.startswith(f"{figures}:{row['35']}:") for line in lines)


def test_the_file_is_in_the_script_s_canonical_layout(tmp_path):
    """Re-rendering ump.yml changes nothing, so a refresh diff shows only the new year."""
    module = load_script()
    text = (REFERENCE / "ump.yml").read_text(encoding="utf-8")
    assert module.render(yaml.safe_load(text), module.provinces()) == text


def test_the_published_2026_rows_pass_the_script_s_own_checks(ump, tmp_path):
    module = load_script()
    figures = tmp_path / "ump-2026.yml"
    rows = [{k: v for k, v in e.items() if k in module.FIELDS} for e in ump["years"][2026]]
    figures.write_text(yaml.safe_dump(rows, allow_unicode=True), encoding="utf-8")
    entries, problems = module.check_entries(module.read_figures(figures), module.provinces(), "ump-2026.yml")
    assert problems == []
    assert entries == sorted(ump["years"][2026], key=lambda e: e["province"])


def test_the_data_sources_document_states_each_province_s_status(ump, provinces):
    doc = (ROOT / "docs" / "data-sources.md").read_text(encoding="utf-8")
    rows = {line.split(" | ")[0].strip("| "): line for line in doc.splitlines() if line.startswith("| ")}
    for e in ump["years"][2026]:
        row = rows[e["province"]]
        assert f"| {provinces[e['province']]} |" in row
        expected = "**verified**" if e["verified"] else ("not set" if e.get("status") else "not verified")
        assert row.rstrip().endswith(" |") and expected in row.rsplit(" | ", 1)[1], row
        assert e["url"] in row
