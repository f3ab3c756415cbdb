"""The package installed like any package (``pip install .``, not editable) builds the site.

``deploy-s3.yml`` installs it this way. An installed package lives in site-packages, far from
the repository's theme and settings; the build must take them from the repository it is
given with ``--root`` and say so plainly when a folder has content only.

One virtual environment per run (it sees the test environment's packages, so pip installs
nothing but this package; its build backend comes from PyPI or pip's cache).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest
from support import ROOT, TODAY, make_repo

# What a clone of the repository holds besides tests and tooling.
CHECKOUT = ("content", "plugins", "theme", "pelicanconf.py", "publishconf.py", "pyproject.toml", "README.md")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python of a fresh venv holding a non-editable install, a copy of the repository)."""
    base = tmp_path_factory.mktemp("install")
    checkout = base / "checkout"
    checkout.mkdir()
    for name in CHECKOUT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, checkout / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, checkout / name)
    env_dir = base / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False, symlinks=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # The venv's own pip is the test environment's (system site packages), like its setuptools.
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(checkout)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    return python, checkout


def run(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ANTARKERJA_TODAY")}
    return subprocess.run(
        [str(python), "-m", "antarkerja.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=600,
    )


def test_the_install_is_not_the_repository(installed, tmp_path):
    python, checkout = installed
    where = subprocess.run(
        [str(python), "-c", "import antarkerja; print(antarkerja.__file__)"],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        cwd=tmp_path,
        check=True,
    ).stdout.strip()
    assert "site-packages" in where and not where.startswith(str(checkout))


def test_an_installed_package_builds_the_sample_site_from_root(installed, tmp_path):
    python, checkout = installed
    output = tmp_path / "site"
    proc = run(python, "build", "--root", str(checkout), "--output", str(output), "--today", str(TODAY), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "Antar Kerja" in home
    # The theme's files came along, the very one the build crashed on among them.
    assert (output / "theme" / "css" / "search.css").is_file()
    assert (output / "theme" / "css" / "site.css").is_file()
    assert any((output / "lowongan").iterdir())
    assert list((output / "pagefind").glob("*/pagefind.js")), "the search index was not built"


def test_a_content_only_folder_is_told_where_the_theme_must_be(installed, tmp_path):
    python, _ = installed
    root = make_repo(tmp_path, {})
    proc = run(python, "build", "--root", str(root), "--output", str(tmp_path / "site"), cwd=tmp_path)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "pelicanconf.py dan folder `theme` tidak ditemukan" in proc.stdout + proc.stderr
