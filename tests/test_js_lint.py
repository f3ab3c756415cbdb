"""The site's scripts pass ESLint's recommended rules (undefined names, unused variables,
unreachable code…). ESLint is a test tool only, installed with `npm ci --prefix tests/js`
(`.ci/run` does it); the site itself needs no Node.js."""

from __future__ import annotations

import os
import subprocess

import pytest
from support import ROOT

ESLINT = ROOT / "tests" / "js" / "node_modules" / ".bin" / "eslint"
CONFIG = ROOT / "tests" / "js" / "eslint.config.mjs"


def eslint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    if not ESLINT.exists():
        if os.environ.get("CI"):
            pytest.fail("ESLint is required in CI: npm ci --prefix tests/js")
        pytest.skip("ESLint not installed (npm ci --prefix tests/js)")
    return subprocess.run(
        [str(ESLINT), "--config", str(CONFIG), *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_sites_scripts_and_service_workers_pass_the_linter():
    run = eslint("theme/static/js", "theme/scripts")
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_linter_reports_an_undefined_name_in_a_service_worker():
    run = eslint(
        "--stdin", "--stdin-filename", "theme/scripts/contoh-sw.js", stdin="'use strict';\nkirim(PENGATURAN);\n"
    )
    assert run.returncode == 1 and "'PENGATURAN' is not defined" in run.stdout, run.stdout + run.stderr


def test_the_linter_holds_the_scripts_to_one_dialect_and_the_phones_floor():
    old = "(() => {\n  'use strict';\n  var a = \"x\";\n  [a].forEach(function (b) { window.b = b; });\n})();\n"
    run = eslint("--stdin", "--stdin-filename", "theme/static/js/contoh.js", stdin=old)
    assert "no-var" in run.stdout and "quotes" in run.stdout and "prefer-arrow-callback" in run.stdout, run.stdout
    newer = "(() => {\n  'use strict';\n  window.b = window.a ?? 1;\n})();\n"  # ES2020: not on every phone
    run = eslint("--stdin", "--stdin-filename", "theme/static/js/contoh.js", stdin=newer)
    assert run.returncode == 1 and "Parsing error" in run.stdout, run.stdout + run.stderr


def test_the_linter_reports_an_undefined_name_in_a_site_script():
    run = eslint("--stdin", "--stdin-filename", "theme/static/js/contoh.js", stdin="kirimData(nomorRahasia);\n")
    assert run.returncode == 1 and "'kirimData' is not defined" in run.stdout, run.stdout + run.stderr
