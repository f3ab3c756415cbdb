"""``antarkerja bench --steps rewrite``: how many files one change rewrites.

A deploy uploads what differs, and an incremental build is as fast as the files it must
write. These changes happen every day on a national site and should touch few files:

* **one added vacancy**: the site is built, one vacancy posted today is added, the site is
  built again; every file whose bytes differ (or that appeared or vanished) counts; twice,
  with an id that lists put last of its day (:data:`ADDED_ID`) then first (:data:`ADDED_FIRST_ID`);
* **a day passes**: the same content is built with "today" one day later; only what truly
  depends on the date (vacancies that closed, "closing soon" lists, feeds) should differ;
* **the oldest vacancy closes**, as expiry does every night.

Each build runs in its own process, with this tree's code or another's: set
``ANTARKERJA_REWRITE_CODE`` to the ``plugins/`` folder of another checkout (for example a
``git worktree`` of main) and the bench measures that version on the same generated
repository too, so "before" and "after" come from one run. See docs/performance.md.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from antarkerja.site.cache import digest

ADDED_ID = "bench-added-000001"
# The generator posts 250 vacancies a day at 10,000 (ids bench-000000…), and lists order a
# day's vacancies by id: ADDED_ID lands after all of that day's, so everything numbered from
# the oldest shifts for the day's 250 (the worst case); ADDED_FIRST_ID lands before them, the
# newest of all (the best case). A real id falls anywhere in its day.
ADDED_FIRST_ID = "bench-0-added"


def digests(output: Path) -> dict[str, str]:
    """Every file of a built site by its path, with a hash of its bytes."""
    out = {}
    for path in output.rglob("*"):
        if path.is_file():
            out[path.relative_to(output).as_posix()] = digest(path.read_bytes())
    return out


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Paths written differently, added or removed between two builds, sorted."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


SPLIT_AREAS = {"cari": 2, "api": 3}  # folders counted one or two levels deeper (browse files, word index, API lists)


def area_of(path: str) -> str:
    """``lowongan/``, ``cari/data/``, ``cari/kata/``, ``api/v1/lowongan/``…, or ``(root)``."""
    parts = path.split("/")[:-1]
    if not parts:
        return "(root)"
    return "/".join(parts[: SPLIT_AREAS.get(parts[0], 1)]) + "/"


def by_area(paths: list[str]) -> dict[str, int]:
    """How many of ``paths`` lie in each folder of :func:`area_of`."""
    areas: dict[str, int] = {}
    for p in paths:
        area = area_of(p)
        areas[area] = areas.get(area, 0) + 1
    return dict(sorted(areas.items(), key=lambda kv: -kv[1]))


def add_vacancy(repo: Path, today: date, new_id: str = ADDED_ID) -> Path:
    """Copy the first vacancy of ``repo`` as a new one posted ``today``; return its file."""
    from antarkerja.paths import vacancies_dir

    source = sorted(vacancies_dir(repo).rglob("*.yml"))[0]
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
    text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1).strip(chr(34))} baru", text, count=1, flags=re.M)
    text = re.sub(r"^date_posted: .*$", f"date_posted: {today}", text, count=1, flags=re.M)
    text = re.sub(r"^valid_through: .*$", f"valid_through: {today + timedelta(days=60)}", text, count=1, flags=re.M)
    text = re.sub(r"^  date: .*$", f"  date: {today}", text, count=1, flags=re.M)
    text = re.sub(r"^status: .*$", "status: open", text, count=1, flags=re.M)
    text = re.sub(r"^filled_date: .*\n", "", text, count=1, flags=re.M)  # only a filled record has one
    target = source.with_name(f"{new_id}.yml")
    target.write_text(text, encoding="utf-8")
    return target


def close_oldest(repo: Path) -> tuple[Path, str]:
    """Mark the last open vacancy of the newest-first lists closed (the oldest posted usually
    expire first); return its file and its text before, to put back."""
    from antarkerja.paths import vacancies_dir

    def place(item: tuple[Path, str]) -> tuple[int, str]:  # the model's order: newest first, then id
        posted = re.search(r"^date_posted: (\S+)", item[1], re.M)
        return (-date.fromisoformat(posted.group(1)).toordinal(), item[0].stem)

    texts = [(p, p.read_text(encoding="utf-8")) for p in vacancies_dir(repo).rglob("*.yml")]
    path, text = max((t for t in texts if re.search(r"^status: open$", t[1], re.M)), key=place)
    path.write_text(re.sub(r"^status: open$", "status: closed", text, count=1, flags=re.M), encoding="utf-8")
    return path, text


# Works with any version of the package (no newer module needed), so an older checkout can be measured.
BUILD = (
    "import sys; from pathlib import Path; from antarkerja.site.build import build_site; "
    "build_site(Path(sys.argv[1]), output=Path(sys.argv[2]), today=sys.argv[3], "
    "siteurl='https://antarkerja.example.id', search=False)"
)


def build(repo: Path, output: Path, today: date, plugins: Path | None = None) -> float:
    """Build ``repo`` into ``output`` in a child process, with ``plugins`` (a checkout's
    ``plugins/`` folder) first on the import path when given."""
    started = time.perf_counter()
    env = dict(os.environ, ANTARKERJA_CACHE_DIR=str(output.parent / "cache"))
    if plugins is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(plugins), env.get("PYTHONPATH", "")])
    # The build finds its settings and theme from the working folder too: run it in the
    # checkout whose code it is, or an older checkout renders with this tree's templates.
    cwd = Path(plugins).resolve().parent if plugins is not None else None
    command = [sys.executable, "-c", BUILD, str(repo.resolve()), str(output.resolve()), today.isoformat()]
    subprocess.run(command, check=True, env=env, cwd=cwd)
    return time.perf_counter() - started


def measure_rewrites(
    repo: Path, work: Path, today: date, with_closed: bool = False, plugins: Path | None = None
) -> dict:
    """Build ``repo`` four times (as is; with one vacancy added, last then first of its day in
    the lists' order; as is one day later) and count the files each change rewrote; ``with_closed``: a fourth build with the oldest open
    vacancy closed."""
    first = build(repo, work / "base", today, plugins)
    base = digests(work / "base")
    added = add_vacancy(repo, today)
    build(repo, work / "added", today, plugins)
    added.unlink()
    one = changed(base, digests(work / "added"))
    added = add_vacancy(repo, today, ADDED_FIRST_ID)
    build(repo, work / "added-first", today, plugins)
    added.unlink()
    first_of_day = changed(base, digests(work / "added-first"))
    build(repo, work / "tomorrow", today + timedelta(days=1), plugins)
    day = changed(base, digests(work / "tomorrow"))
    closed = []
    if with_closed:
        path, text = close_oldest(repo)
        build(repo, work / "closed", today, plugins)
        path.write_text(text, encoding="utf-8")
        closed = changed(base, digests(work / "closed"))
    return {
        "files": len(base),
        "build_s": round(first, 1),
        "added_vacancy": len(one),
        "added_vacancy_areas": by_area(one),
        "added_first": len(first_of_day),
        "added_first_areas": by_area(first_of_day),
        "next_day": len(day),
        "next_day_areas": by_area(day),
        "next_day_paths": day,
        **({"oldest_closed": len(closed), "oldest_closed_areas": by_area(closed)} if with_closed else {}),
    }


def code_versions() -> list[tuple[str, Path | None]]:
    """This tree, then each ``plugins/`` folder named in ``ANTARKERJA_REWRITE_CODE``."""
    others = [Path(p) for p in os.environ.get("ANTARKERJA_REWRITE_CODE", "").split(os.pathsep) if p]
    return [("this tree", None), *((str(p), p) for p in others)]


def format_figures(size: int, f: dict, label: str = "this tree") -> str:
    lines = [f"  rewrite   {size:,} vacancies, {label}: {f['files']:,} files (one build {f['build_s']} s)"]
    changes = (
        ("added_vacancy", "one vacancy added"),
        ("added_first", "one added, newest of day"),
        ("next_day", "next day, same content"),
        ("oldest_closed", "oldest vacancy closed"),
    )
    for key, name in changes:
        if key in f:
            areas = ", ".join(f"{a} {n:,}" for a, n in f[f"{key}_areas"].items())
            lines.append(f"    {name:<24} {f[key]:>7,} files rewritten ({areas})")
    return "\n".join(lines)
