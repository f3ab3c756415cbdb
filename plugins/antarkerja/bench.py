"""``antarkerja bench``: speed and memory at national scale, on generated data.

Usage::

    antarkerja bench [--sizes 1000,10000,100000] [--steps validate,build,search]

For each size it writes that many vacancies into a scratch repository (copies of the sample
vacancies with new ids and titles, all open, spread over the sample provinces; the sample
offices and the real reference data), then runs each step in a fresh process so its time and
peak memory are its own:

* ``validate``: the whole validator (read, schema, rules, cross-file checks);
* ``build``: the full site without the search index (validation included);
* ``search``: Pagefind indexing of the built site (one bundle after another; peak memory is
  the largest Pagefind run), then every URL shape of the search page in headless Chromium
  with a cold cache and the CPU throttled 4× (:mod:`antarkerja.bench_search`): KB and
  requests until the first results show, and the milliseconds it took.

Figures are printed as tables (steps with seconds per 1,000 vacancies, then search shapes);
targets are in the README's performance section.
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from antarkerja.bench_search import format_shapes
from antarkerja.paths import offices_dir, reference_dir, vacancies_dir

BENCH_TODAY = date(2026, 11, 25)
ID_LINE = re.compile(r"^id: .*$", re.M)
TITLE_LINE = re.compile(r"^title: (.*)$", re.M)
STATUS_LINE = re.compile(r"^status: .*$", re.M)
DATES = re.compile(r"^(date_posted|valid_through): .*$", re.M)


def generate(root: Path, target: Path, count: int) -> None:
    """Write ``count`` open vacancies made from the sample ones into ``target``."""
    samples = sorted(vacancies_dir(root).rglob("*.yml"))
    texts = [(p.parent.name, p.read_text(encoding="utf-8")) for p in samples]
    (target / "content").mkdir(parents=True)
    (target / "content" / "reference").symlink_to(reference_dir(root).resolve())
    shutil.copytree(offices_dir(root), target / "content" / "offices")
    out = vacancies_dir(target)
    for folder in {f for f, _ in texts}:
        (out / folder).mkdir(parents=True)
    for i in range(count):
        folder, text = texts[i % len(texts)]
        new_id = f"bench-{i:06d}"
        posted = BENCH_TODAY - timedelta(days=i % 40)
        text = ID_LINE.sub(f"id: {new_id}", text, count=1)
        text = TITLE_LINE.sub(lambda m, i=i: f"title: {m.group(1).strip(chr(34))} {i}", text, count=1)
        text = STATUS_LINE.sub("status: open", text, count=1)
        text = DATES.sub(
            lambda m, posted=posted: (
                f"{m.group(1)}: {posted if m.group(1) == 'date_posted' else posted + timedelta(days=60)}"
            ),
            text,
        )
        text = re.sub(r"^  date: .*$", f"  date: {posted}", text, count=1, flags=re.M)
        (out / folder / f"{new_id}.yml").write_text(text, encoding="utf-8")


def run_step(step: str, repo: Path, output: Path) -> dict:
    """Run in this process (called through a child process by :func:`measure`)."""
    started = time.perf_counter()
    figures: dict = {}
    if step == "validate":
        from antarkerja.validate import validate_repository

        result = validate_repository(repo)
        figures["files"] = result.files
        figures["errors"] = len(result.errors)
    elif step == "build":
        from antarkerja.build import build_site

        build_site(repo, output=output, today=BENCH_TODAY.isoformat(), siteurl="", search=False)
        figures["pages"] = sum(1 for _ in output.rglob("*.html"))
    elif step == "search":
        from antarkerja.search import index_site

        figures.update(index_site(output))
        figures["peak_mb_pagefind"] = figures.pop("pagefind_peak_mb", None)
    figures["seconds"] = round(time.perf_counter() - started, 2)
    figures["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return figures


def measure(step: str, repo: Path, output: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "antarkerja.bench", step, str(repo), str(output)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        return {"failed": (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def search_shapes(output: Path) -> list[dict] | dict:
    from antarkerja.bench_search import measure_shapes

    try:
        return measure_shapes(output)
    except Exception as exc:  # report and go on: one failed figure must not hide the rest
        return {"failed": [f"{type(exc).__name__}: {exc}"]}


def run_bench(root: Path, sizes: list[int], steps: list[str]) -> int:
    print(f"Antar Kerja bench: {', '.join(f'{n:,}' for n in sizes)} vacancies; steps {', '.join(steps)}")
    rows = []
    shapes: list[tuple[int, list[dict]]] = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"antarkerja-bench-{size}-") as scratch:
            repo, output = Path(scratch) / "repo", Path(scratch) / "output"
            started = time.perf_counter()
            generate(root, repo, size)
            print(f"\n{size:,} vacancies generated in {time.perf_counter() - started:.1f} s")
            for step in steps:
                if step == "search" and "build" not in steps:
                    measure("build", repo, output)
                figures = measure(step, repo, output)
                if "seconds" in figures:
                    figures["s_per_1000"] = round(figures["seconds"] * 1000 / size, 3)
                rows.append((size, step, figures))
                print(f"  {step:<9} {_describe(figures)}", flush=True)
                if step == "search" and "failed" not in figures:
                    measured = search_shapes(output)
                    if isinstance(measured, dict):
                        rows.append((size, "shapes", measured))
                        print(f"  shapes    {_describe(measured)}", flush=True)
                    else:
                        shapes.append((size, measured))
                        print(format_shapes(size, measured), flush=True)
    print("\nsize      step      seconds  s/1000  peak MB  other")
    for size, step, f in rows:
        other = {k: v for k, v in f.items() if k not in ("seconds", "peak_mb", "s_per_1000")}
        print(
            f"{size:<9} {step:<9} {f.get('seconds', '-'):>7} {f.get('s_per_1000', '-'):>7}  {f.get('peak_mb', '-'):>7}  "
            f"{json.dumps(other, ensure_ascii=False)}"
        )
    if shapes:
        print("\nSearch URL shapes (cold cache, CPU 4x slower, until first results; budget 300 KB)")
        print("size     shape                                  KB            gzip   requests   ms   page says")
        for size, measured in shapes:
            print(format_shapes(size, measured))
    over = any(r["kb"] >= 300 or r["errors"] for _, measured in shapes for r in measured)
    return 1 if over or any("failed" in f for _, _, f in rows) else 0


def _describe(f: dict) -> str:
    if "failed" in f:
        return "FAILED: " + " ".join(f["failed"])
    return f"{f['seconds']} s, peak {f['peak_mb']} MB" + "".join(
        f", {k} {v}" for k, v in f.items() if k not in ("seconds", "peak_mb")
    )


if __name__ == "__main__":
    step_name, repo_dir, output_dir = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    print(json.dumps(run_step(step_name, repo_dir, output_dir)))
