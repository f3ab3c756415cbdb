"""The command line as officers and CI use it: messages, summary, exit codes, annotations."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from support import GOOD_VACANCY, make_repo, vacancy

from antarkerja.cli import parser


def antarkerja(*args, env=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "antarkerja.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=120,
    )


def test_validate_prints_each_problem_and_a_summary_then_fails(tmp_path):
    root = make_repo(
        tmp_path,
        {"jawa-barat/good-vacancy.yml": vacancy(("status: open", "status: buka"), ("min: 5500000", "min: 1500000"))},
    )
    proc = antarkerja("validate", "--root", str(root), env={"GITHUB_ACTIONS": ""})
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1
    assert lines[0].endswith(
        "good-vacancy.yml:5:9: S204 status: nilai `buka` tidak dikenal untuk Status (pilih salah satu: open, filled, closed)"
    )
    assert "W501" in lines[1]
    assert lines[-1] == "1 error, 1 warning in 2 files (1 kesalahan, 1 peringatan, 2 berkas)"
    assert "::error" not in proc.stdout and proc.stderr == ""


def test_warnings_alone_pass(tmp_path):
    root = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": vacancy(("min: 5500000", "min: 1500000"))})
    assert antarkerja("validate", "--root", str(root)).returncode == 0


def test_github_actions_gets_annotations(tmp_path):
    root = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": vacancy(("status: open", "status: buka"))})
    proc = antarkerja("validate", cwd=root, env={"GITHUB_ACTIONS": "true"})
    assert (
        "::error file=content/vacancies/jawa-barat/good-vacancy.yml,line=5,col=9,title=S204 status::nilai `buka`"
        in proc.stdout
    )


def test_validate_finds_the_repository_from_a_subfolder(tmp_path):
    root = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": GOOD_VACANCY})
    proc = antarkerja("validate", cwd=root / "content" / "vacancies")
    assert proc.returncode == 0 and "0 errors, 0 warnings in 2 files" in proc.stdout


def test_broken_files_never_give_a_traceback(tmp_path):
    files = {
        "jawa-barat/a.yml": b"\xff\xfe",
        "jawa-barat/b.yml": "id: [",
        "jawa-barat/c.yml": "- 1\n",
        "jawa-barat/d.yml": "",
        "jawa-barat/e.yml": "id: e\nemployer: 5\nlocation: [1]\nsalary: x\n",
    }
    proc = antarkerja("validate", "--root", str(make_repo(tmp_path, files)))
    assert proc.returncode == 1 and "Traceback" not in proc.stdout + proc.stderr
    assert proc.stdout.count(".yml:") >= 5


@pytest.mark.parametrize("command", ["validate", "new", "fmt", "schema", "build", "serve", "bench"])
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        parser().parse_args([command, "--help"])
    assert exit_.value.code == 0
    assert "--root" in capsys.readouterr().out
