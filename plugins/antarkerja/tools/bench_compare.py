"""``antarkerja bench --compare REV``: validation speed of this tree against a Git revision, in one run.

On a shared machine two runs of the same code differ by 5–15 %, more than most changes
worth measuring, so figures taken an hour apart say little. Here both versions validate the
same generated repository in alternating rounds (the revision first, then this tree, then
this tree again and the revision: drift over the run hits both alike), each run in a fresh
process, and the medians are compared. Each side's range is printed with them: a change
smaller than that range is noise.

The revision's ``plugins/`` folder is taken with ``git archive`` (nothing is checked out);
both versions read the generated repository, with this tree's reference data. Both must
agree on what they find there, or they did different work: the errors and warnings of
each side are printed, and a difference is said.
"""

from __future__ import annotations

import compileall
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

# Runs in the child process, with the version under test first on PYTHONPATH. It uses only
# validate_repository and the diagnostics' ``severity``, which every revision has.
CHILD = """
import json, resource, sys, time
from pathlib import Path
try:
    from antarkerja.records.validate import validate_repository
except ImportError:  # a revision from before the layers were folders
    from antarkerja.validate import validate_repository
started = time.perf_counter()
result = validate_repository(Path(sys.argv[1]))
wall = time.perf_counter() - started
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
errors = sum(1 for d in result.diagnostics if d.severity == "error")
print(json.dumps({
    "wall": wall,
    "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
    "errors": errors,
    "warnings": len(result.diagnostics) - errors,
}))
"""
THIS_TREE = "this tree"


class CompareError(Exception):
    """The revision cannot be read (unknown, or no Git repository)."""


def resolve_revision(root: Path, rev: str) -> str:
    """The short commit id of ``rev`` in the Git repository at ``root``."""
    try:
        run = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "rev-parse",
                "--verify",
                "--quiet",
                "--short",
                "--end-of-options",
                f"{rev}^{{commit}}",
            ],
            capture_output=True,
            text=True,
        )
    except FileNotFoundError:
        raise CompareError("--compare butuh Git, dan git tidak ditemukan") from None
    if run.returncode != 0 or not run.stdout.strip():
        raise CompareError(
            f"--compare {rev}: revisi ini tidak ada di repositori Git {root}; periksa ejaannya (git log)"
        )
    return run.stdout.strip()


def revision_plugins(root: Path, rev: str, target: Path) -> Path:
    """Extract ``plugins/`` of ``rev`` into ``target``; return the folder to put on PYTHONPATH."""
    run = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", "--end-of-options", rev, "plugins"], capture_output=True
    )
    if run.returncode != 0:
        why = run.stderr.decode(errors="replace").strip().splitlines()
        raise CompareError(f"revisi {rev!r} tidak bisa dibaca dari Git: {why[-1] if why else 'git gagal'}")
    with tarfile.open(fileobj=io.BytesIO(run.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and newer: nothing lands outside target
            tar.extractall(target, filter="data")
        else:  # older: the archive is this repository's own history
            tar.extractall(target)
    return target / "plugins"


def rounds_order(rounds: int) -> list[str]:
    """Which side runs when: ``rev, now, now, rev, rev, now…`` (each pair in turn reversed)."""
    order = []
    for i in range(rounds):
        order += ["rev", "now"] if i % 2 == 0 else ["now", "rev"]
    return order


def time_validation(plugins: Path, repo: Path) -> dict:
    """One validation of ``repo`` by the code in ``plugins``, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(plugins)}
    run = subprocess.run([sys.executable, "-c", CHILD, str(repo)], cwd=repo, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        return {"failed": (run.stderr or run.stdout).strip().splitlines()[-1:] or ["?"]}
    return json.loads(run.stdout.strip().splitlines()[-1])


def compare_validation(root: Path, repo: Path, rev: str, rounds: int) -> dict:
    """Validate ``repo`` ``rounds`` times with each version, alternating (see the module docstring)."""
    runs: dict[str, list[dict]] = {"rev": [], "now": []}
    with tempfile.TemporaryDirectory(prefix="antarkerja-compare-") as scratch:
        sides = {"rev": revision_plugins(root, rev, Path(scratch)), "now": Path(root) / "plugins"}
        for plugins in sides.values():  # both read bytecode, neither compiles in a timed run
            compileall.compile_dir(plugins, quiet=1)
        for side in rounds_order(rounds):
            figures = time_validation(sides[side], repo)
            if "failed" in figures:
                return {"failed": [f"{rev if side == 'rev' else THIS_TREE}: {figures['failed'][0]}"]}
            runs[side].append(figures)
    return summarise(rev, runs)


def summarise(rev: str, runs: dict[str, list[dict]]) -> dict:
    """Median and range of wall and CPU seconds per side, and the change of the medians."""
    out: dict = {"rev": rev, "rounds": len(runs["now"])}
    for side, name in (("rev", rev), ("now", THIS_TREE)):
        side_runs = runs[side]
        out[side] = {
            "name": name,
            "errors": sorted({r["errors"] for r in side_runs}),
            "warnings": sorted({r["warnings"] for r in side_runs}),
        }
        for measure in ("wall", "cpu"):
            values = [r[measure] for r in side_runs]
            median = statistics.median(values)
            out[side][measure] = {
                "median": round(median, 2),
                "min": round(min(values), 2),
                "max": round(max(values), 2),
            }
            out[side][f"{measure}_range_pct"] = round(100 * (max(values) - min(values)) / median, 1)
    for measure in ("wall", "cpu"):
        before, now = out["rev"][measure]["median"], out["now"][measure]["median"]
        out[f"{measure}_change_pct"] = round(100 * (now / before - 1), 1)
    out["same_findings"] = (
        out["rev"]["errors"] == out["now"]["errors"] and out["rev"]["warnings"] == out["now"]["warnings"]
    )
    return out


def format_comparison(c: dict) -> str:
    """The comparison as the bench prints it."""
    if "failed" in c:
        return "  compare   FAILED: " + " ".join(c["failed"])
    lines = [
        f"  compare   validate, {c['rounds']} rounds each, alternating; seconds: median (min–max)",
        f"    {'':<12} {'wall':<22} {'CPU':<22} findings",
    ]
    for side in ("rev", "now"):
        s = c[side]
        cells = [f"{s[m]['median']:.2f} ({s[m]['min']:.2f}–{s[m]['max']:.2f})" for m in ("wall", "cpu")]
        findings = f"{'/'.join(map(str, s['errors']))} errors, {'/'.join(map(str, s['warnings']))} warnings"
        lines.append(f"    {s['name'][:12]:<12} {cells[0]:<22} {cells[1]:<22} {findings}")
    noise = max(c[side][f"{m}_range_pct"] for side in ("rev", "now") for m in ("wall", "cpu"))
    lines.append(
        f"    change       wall {c['wall_change_pct']:+.1f} %, CPU {c['cpu_change_pct']:+.1f} % "
        f"(medians); one side's runs range up to {noise:.1f} % of its median"
    )
    if not c["same_findings"]:
        lines.append("    the two versions found different errors or warnings: they did different work")
    return "\n".join(lines)
