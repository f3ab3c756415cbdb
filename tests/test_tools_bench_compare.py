"""`antarkerja bench --compare REV`: this tree's validation speed against a Git revision, in one run."""

from __future__ import annotations

import subprocess
from pathlib import Path

from antarkerja.cli import main
from antarkerja.tools.bench_compare import format_comparison, rounds_order, summarise

ROOT = Path(__file__).resolve().parents[1]


def test_the_versions_alternate_so_drift_hits_both():
    assert rounds_order(3) == ["rev", "now", "now", "rev", "rev", "now"]


def test_compare_with_a_revision_prints_both_medians_and_the_change(capsys):
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    status = main(["bench", "--root", str(ROOT), "--sizes", "40", "--compare", "HEAD", "--rounds", "1"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert f"validation compared with {head}" in out
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("    ") and line.split()}
    assert head in rows and "this" in rows and "change" in rows, out
    # Both versions validated the 40 generated vacancies and found the same (no errors).
    assert "0 errors" in rows[head] and "0 errors" in rows["this"]
    assert "different work" not in out
    assert "steps -;" in out  # --compare without --steps: only the comparison


def test_an_unknown_revision_is_refused_before_anything_runs(capsys):
    status = main(["bench", "--root", str(ROOT), "--sizes", "40", "--compare", "no-such-revision-xyz"])
    captured = capsys.readouterr()
    assert status == 2
    assert "no-such-revision-xyz" in captured.err and "tidak ada" in captured.err
    assert "generated" not in captured.out


def test_versions_that_find_different_things_are_said_to_do_different_work():
    run = {"wall": 1.0, "cpu": 2.0, "errors": 0, "warnings": 3}
    compared = summarise("abc1234", {"rev": [run, {**run, "wall": 1.2}], "now": [{**run, "errors": 5}] * 2})
    assert compared["wall_change_pct"] == round(100 * (1.0 / 1.1 - 1), 1)
    assert compared["same_findings"] is False
    text = format_comparison(compared)
    assert "different work" in text and "abc1234" in text and "5 errors" in text
