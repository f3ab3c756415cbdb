"""`antarkerja new vacancy` writes a valid, commented, canonical file."""

from __future__ import annotations

import subprocess
import sys

from support import make_repo

from antarkerja.cli import main
from antarkerja.validate import validate_repository

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


def test_new_vacancy_is_valid_commented_and_canonical(tmp_path, capsys):
    root = make_repo(tmp_path)
    assert main([*ARGS, "--salary-min", "4500000", "--root", str(root)]) == 0
    path = root / "content/vacancies/jawa-barat/juru-masak-cv-contoh-rasa-bekasi.yml"
    text = path.read_text(encoding="utf-8")
    assert "# Nama jabatan." in text and "legal_form: cv" in text and "min: 4500000" in text
    assert "valid_through: 2026-12-25" in text
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
