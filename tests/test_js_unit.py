"""The scripts' pure functions under Node's built-in test runner (``node --test``, no browser):
every ``tests/js/*.test.js`` (util, check, slugs…) except the form's YAML cases, which
tests/test_form_conformance.py runs beside their Python side. A failing Node test fails here,
with Node's report."""

from __future__ import annotations

import subprocess

from support import ROOT, node

NODE_TESTS = sorted(p for p in (ROOT / "tests" / "js").glob("*.test.js") if p.name != "form_yaml.test.js")


def test_there_are_node_tests_for_the_shared_helpers_the_checker_and_slugs():
    assert {"util.test.js", "check.test.js", "slugs.test.js"} <= {p.name for p in NODE_TESTS}


def test_the_node_unit_tests_pass():
    run = subprocess.run(
        [node(), "--test", *map(str, NODE_TESTS)], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout, run.stdout[-2000:]


def test_a_failing_node_test_fails_this_test(tmp_path):
    failing = tmp_path / "gagal.test.js"
    failing.write_text("require('node:test')('x', () => { require('node:assert').strictEqual(1, 2); });\n")
    run = subprocess.run([node(), "--test", str(failing)], capture_output=True, text=True, timeout=60)
    assert run.returncode != 0 and "# fail 1" in run.stdout
