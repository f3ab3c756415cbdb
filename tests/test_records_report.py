"""The pull request summary: counts by code, each problem with its line, a preview of each changed vacancy."""

from __future__ import annotations

import subprocess

from support import GOOD_VACANCY, make_repo, vacancy

from antarkerja.cli import main


def _git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def _repo_with_history(tmp_path):
    root = make_repo(
        tmp_path,
        {
            "jawa-barat/good-vacancy.yml": GOOD_VACANCY,
            "jawa-barat/other.yml": vacancy(
                ("id: good-vacancy", "id: other"), ("title: Operator Produksi", "title: Teknisi Mesin")
            ),
        },
    )
    _git(root, "init", "-q")
    _git(root, "-c", "user.email=t@contoh.invalid", "-c", "user.name=T", "add", "-A")
    _git(root, "-c", "user.email=t@contoh.invalid", "-c", "user.name=T", "commit", "-qm", "base")
    return root


def test_summary_lists_only_changed_files_with_codes_lines_and_a_preview(tmp_path, monkeypatch, capsys):
    root = _repo_with_history(tmp_path)
    changed = root / "content/vacancies/jawa-barat/good-vacancy.yml"
    changed.write_text(
        vacancy(
            (
                "title: Operator Produksi",
                "title: Operator <img src=x onerror=alert(1)> | @semua [klik](https://x.invalid)",
            ),
            ("  minimum: smk", "  minimum: SMK"),
        ),
        encoding="utf-8",
    )
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code = main(["validate", "--root", str(root), "--changed-since", "HEAD", "--summary", str(summary)])
    out = capsys.readouterr().out
    assert code == 1
    assert "::error file=" in out and "line=26" in out  # annotation at the education line
    text = summary.read_text(encoding="utf-8")
    # S204 for the education, R434 for the link in the title (it would reach share texts).
    assert "❌ 2 kesalahan" in text and "1 berkas diperiksa" in text
    assert "| `S204` | kesalahan | Nilai di luar daftar pilihan | 1 |" in text
    assert "| 26 | `S204` |" in text
    assert "other.yml" not in text
    preview = text.split("### Pratinjau lowongan yang diubah")[1]
    assert "| Pemberi kerja | PT Contoh Uji Manufaktur |" in preview
    assert "| Tempat | Kabupaten Bekasi, Jawa Barat |" in preview
    assert "| Upah | Rp 5.500.000 – 6.000.000 per bulan |" in preview
    assert "| Batas lamaran | 31 Desember 2026 |" in preview
    assert "| Kantor pemverifikasi |" in preview and "test-office" in preview
    # The hostile title is shown as text: no tag, no table break, no mention, no link.
    title_row = next(line for line in preview.splitlines() if line.startswith("| Jabatan |"))
    assert "<img" not in title_row and "&lt;img" in title_row and "&#124;" in title_row
    assert "@semua" not in title_row and "\\[klik\\]" in title_row
    assert title_row.count("|") == 3


def test_summary_of_a_clean_change_and_of_no_record_change(tmp_path):
    root = _repo_with_history(tmp_path)
    summary = tmp_path / "summary.md"
    # Nothing changed: every record is reported (a schema change must recheck them all).
    assert main(["validate", "--root", str(root), "--changed-since", "HEAD", "--summary", str(summary)]) == 0
    text = summary.read_text(encoding="utf-8")
    assert "✅ Semua berkas yang diubah lolos pemeriksaan" in text and "3 berkas diperiksa" in text


def test_unknown_revision_is_a_usage_error(tmp_path, capsys):
    root = _repo_with_history(tmp_path)
    assert main(["validate", "--root", str(root), "--changed-since", "no-such-ref"]) == 2
    assert "git tidak bisa membandingkan" in capsys.readouterr().err


def test_fmt_check_names_file_line_and_fix_as_an_annotation(tmp_path, monkeypatch, capsys):
    root = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": vacancy(("kbli: C", "kbli: 'C'"))})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    path = root / "content/vacancies/jawa-barat/good-vacancy.yml"
    assert main(["fmt", "--check", "--root", str(root), str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:31: belum berformat baku mulai baris ini (jalankan `antarkerja fmt {path}`" in out
    assert "::error file=" in out and ",line=31,title=Format baku::" in out


def test_a_revision_is_a_value_never_a_git_option(tmp_path, capsys):
    """`--changed-since=--output=FILE` once made `git diff` overwrite FILE."""
    root = _repo_with_history(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("tetap", encoding="utf-8")
    for value in (f"--output={victim}", f"--output={tmp_path / 'new.txt'}", "-p", "--no-index", "HEAD --output=x"):
        assert main(["validate", "--root", str(root), f"--changed-since={value}"]) == 2, value
        assert "git tidak bisa membandingkan" in capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "tetap"
    assert not (tmp_path / "new.txt").exists() and not (root / "x").exists()
    assert main(["validate", "--root", str(root), "--changed-since=HEAD"]) == 0  # a real revision still works
