"""`antarkerja new vacancy` writes a valid, commented, canonical file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import make_repo

from antarkerja.cli import main
from antarkerja.records.validate import validate_repository

ARGS = [
    "new",
    "vacancy",
    "--title",
    "Juru Masak",
    "--employer",
    "CV Contoh Rasa",
    "--regency",
    "32.16",
    "--office",
    "test-office",
    "--today",
    "2026-11-25",
]


# Everything Perpres 57/2023 Art. 5 and a job seeker need, answered by flags.
DETAILS = [
    *("--type", "pkwt", "--contract-months", "12", "--openings", "3", "--education", "smk", "--experience", "0"),
    *("--valid-through", "2026-12-25", "--walk-in"),
]


def test_new_vacancy_is_valid_commented_and_canonical(tmp_path, capsys):
    root = make_repo(tmp_path)
    details = [
        *DETAILS,
        "--kbji",
        "5",
        "--kbli",
        "i",
        "--description",
        "Memasak menu harian untuk 200 karyawan pabrik, sif pagi.",
        "--qualifications",
        "Mampu memasak menu masakan Indonesia;  Memahami kebersihan pangan ;",
    ]
    assert main([*ARGS, *details, "--salary-min", "4500000", "--root", str(root)]) == 0
    path = root / "content/vacancies/jawa-barat/juru-masak-cv-contoh-rasa-bekasi.yml"
    text = path.read_text(encoding="utf-8")
    assert "# Nama jabatan." in text and "legal_form: cv" in text and "min: 4500000" in text
    assert "valid_through: 2026-12-25" in text
    assert "qualifications:\n  - Mampu memasak menu masakan Indonesia\n  - Memahami kebersihan pangan\n" in text
    assert validate_repository(root).diagnostics == []
    assert main(["fmt", "--check", "--root", str(root), str(path)]) == 0
    assert "Berkas dibuat" in capsys.readouterr().out


def test_unknown_regency_or_office_is_a_clear_error(tmp_path, capsys):
    root = make_repo(tmp_path)
    bad_regency = [a if a != "32.16" else "32.99" for a in ARGS]
    assert main([*bad_regency, "--root", str(root)]) == 1
    assert "`32.99` tidak dikenal" in capsys.readouterr().err
    bad_office = [a if a != "test-office" else "kantor-entah" for a in ARGS]
    assert main([*bad_office, "--root", str(root)]) == 1
    assert "kantor `kantor-entah` tidak ada" in capsys.readouterr().err
    assert not (root / "content/vacancies/jawa-barat").exists()


def test_missing_answer_without_a_terminal_fails_instead_of_waiting(tmp_path):
    root = make_repo(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "antarkerja.cli", "new", "vacancy", "--title", "Kasir", "--root", str(root)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and "--employer wajib diisi" in proc.stderr and "Traceback" not in proc.stderr


def test_existing_file_is_not_overwritten(tmp_path, capsys):
    root = make_repo(tmp_path)
    assert main([*ARGS, "--root", str(root)]) == 0
    assert main([*ARGS, "--root", str(root)]) == 1
    assert "sudah ada" in capsys.readouterr().err


def test_unanswered_details_are_left_visibly_unfilled_and_rejected(tmp_path, capsys):
    root = make_repo(tmp_path)
    assert main([*ARGS, *DETAILS, "--salary-min", "4500000", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Belum lengkap: isi kolom kbji, kbli, description, qualifications (bertanda ISI:)" in out
    path = root / "content/vacancies/jawa-barat/juru-masak-cv-contoh-rasa-bekasi.yml"
    text = path.read_text(encoding="utf-8")
    assert 'kbji: "ISI: kode KBJI 2014, misalnya 8"' in text and "description: |\n  ISI: tuliskan" in text
    found = validate_repository(root).diagnostics
    assert 'qualifications:\n  - "ISI: keterampilan atau kompetensi yang dibutuhkan, satu per butir"' in text
    assert {d.field for d in found if d.code == "R415"} == {"kbji", "kbli", "description", "qualifications[0]"}
    # nothing else is wrong
    assert {d.field for d in found} - {"kbji", "kbli", "description", "qualifications[0]"} == set()


LAW_AND_PUBLIC = {
    "employment_type",
    "openings",
    "salary.disclosed",
    "education.minimum",
    "experience_months",
    "valid_through",
    "apply.instructions",
}


def test_nothing_the_law_or_the_public_needs_gets_a_default(tmp_path, capsys):
    """Salary, openings, education, contract, closing date and how to apply: asked, never assumed."""
    root = make_repo(tmp_path)
    assert main([*ARGS, "--root", str(root)]) == 0
    path = root / "content/vacancies/jawa-barat/juru-masak-cv-contoh-rasa-bekasi.yml"
    text = path.read_text(encoding="utf-8")
    for default in ("openings: 1", "minimum: sma", "employment_type: pkwt", "disclosed: false", "walk_in: true"):
        assert default not in text
    found = validate_repository(root).diagnostics
    placeholders = {d.field for d in found if d.code == "R415"}
    assert LAW_AND_PUBLIC <= placeholders
    assert validate_repository(root).errors  # the file cannot be published as it is


def test_an_undisclosed_salary_says_why(tmp_path):
    root = make_repo(tmp_path)
    reason = "dibicarakan saat wawancara\u2028example: true"
    assert main([*ARGS, *DETAILS, "--salary-undisclosed", reason, "--root", str(root)]) == 0
    text = (root / "content/vacancies/jawa-barat/juru-masak-cv-contoh-rasa-bekasi.yml").read_text(encoding="utf-8")
    assert (
        "# Upah tidak dicantumkan karena: dibicarakan saat wawancara example: true\nsalary:\n  disclosed: false" in text
    )
    assert "\u2028" not in text
    path = root / "content/vacancies/jawa-barat/juru-masak-cv-contoh-rasa-bekasi.yml"
    assert main(["fmt", "--check", "--root", str(root), str(path)]) == 0


def test_a_closing_date_beyond_90_days_is_refused_by_the_validators_rule(tmp_path, capsys):
    root = make_repo(tmp_path)
    details = [a if a != "2026-12-25" else "2027-06-19" for a in DETAILS]
    assert main([*ARGS, *details, "--root", str(root)]) == 1
    assert "R407" in capsys.readouterr().err
    assert not list((root / "content/vacancies").rglob("*.yml"))


def test_office_suggestions_come_from_the_chosen_regencys_province(tmp_path, capsys):
    offices = Path(__file__).resolve().parent / "fixtures" / "site" / "content" / "offices"
    root = make_repo(tmp_path, offices={p.name: p.read_text(encoding="utf-8") for p in offices.glob("*.yml")})
    args = ["new", "vacancy", "--title", "Kasir", "--employer", "PT Contoh", "--regency", "32.01"]
    assert main([*args, "--office", "disnaker-kabupaten-bogor", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "kantor `disnaker-kabupaten-bogor` tidak ada" in err
    suggested = err.split("maksud Anda ")[1].split("?")[0]
    assert "disnaker-kabupaten-badung" not in suggested  # Bali, not Bogor's Jawa Barat
    assert suggested.startswith("`disnaker-kabupaten-bekasi`") or suggested.startswith("`disnaker-provinsi-jawa-barat`")


def test_a_regency_name_is_taken_or_its_meanings_listed(tmp_path, capsys):
    root = make_repo(tmp_path)
    named = [a if a != "32.16" else "Kabupaten Bekasi" for a in ARGS]
    assert main([*named, *DETAILS, "--salary-min", "4500000", "--root", str(root)]) == 0
    bogor = [a if a != "32.16" else "Bogor" for a in ARGS]
    assert main([*bogor, "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "`32.01` Kabupaten Bogor" in err and "`32.71` Kota Bogor" in err


def test_answers_are_checked_as_they_are_typed(tmp_path, monkeypatch, capsys):
    root = make_repo(tmp_path)
    answers = iter(
        [
            "Juru Masak",
            "CV Contoh Rasa",
            "32.99",
            "32.16",
            "test-ofice",
            "test-office",
            "kontrak",
            "pkwt",
            "12",
            "3",
            "lima juta",
            "4500000-5200000",
            "smk",
            "0",
            "2026-12-25",
            "datang",
            "88888",
            "8",
            "Z",
            "c",
            "pendek",
        ]
        + ["Memasak menu harian untuk 200 karyawan pabrik, sif pagi.", " ; ", "Mampu memasak menu Indonesia"]
    )
    asked = []

    def fake_input(prompt):
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", fake_input)
    assert main(["new", "vacancy", "--today", "2026-11-25", "--root", str(root)]) == 0
    err = capsys.readouterr().err
    # The bad regency is explained before the office is asked, and asked again.
    assert asked[2] == asked[3] and asked[3].startswith("Kabupaten/kota tempat kerja")
    assert "kabupaten/kota `32.99` tidak dikenal" in err
    assert "kantor `test-ofice` tidak ada di content/offices/ (maksud Anda `test-office`?)" in err
    assert "`88888` bukan kode KBJI 2014" in err and "`Z` bukan kategori KBLI 2020" in err
    assert "deskripsi terlalu pendek" in err
    assert "tulis paling sedikit satu keterampilan atau kompetensi" in err
    assert asked[-1].startswith("Keterampilan atau kompetensi yang dibutuhkan")
    assert "jenis hubungan kerja `kontrak` tidak dikenal" in err and "upah `lima juta` tidak terbaca" in err
    assert any(p.startswith("Upah per bulan") for p in asked) and any(p.startswith("Batas lamaran") for p in asked)
    assert validate_repository(root).diagnostics == []


def test_a_bad_flag_fails_before_any_question(tmp_path, monkeypatch, capsys):
    root = make_repo(tmp_path)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: pytest.fail(f"asked {prompt!r}"))
    assert main(["new", "vacancy", "--regency", "3299", "--root", str(root)]) == 1
    assert "--regency: kabupaten/kota `3299` tidak dikenal" in capsys.readouterr().err


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_line_separators_never_reach_the_file_raw(tmp_path, separator):
    root = make_repo(tmp_path)
    description = f"Memasak menu harian untuk karyawan pabrik.{separator}example: true{separator}Sif pagi."
    title = [a if a != "Juru Masak" else f"Juru{separator}Masak" for a in ARGS]
    args = [*title, *DETAILS, "--salary-min", "4500000", "--kbji", "5", "--kbli", "I", "--description", description]
    assert main([*args, "--root", str(root)]) == 0
    path = root / "content/vacancies/jawa-barat/juru-masak-cv-contoh-rasa-bekasi.yml"
    text = path.read_text(encoding="utf-8")
    assert not set(text) & {"\u2028", "\u2029", "\x85"}
    import yaml

    data = yaml.safe_load(text)
    assert "example" not in data and data["title"] == "Juru Masak"
    assert "example: true" in data["description"]
    assert main(["fmt", "--check", "--root", str(root), str(path)]) == 0
