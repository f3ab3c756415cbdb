"""The build cache (antarkerja.site.cache): an incremental build equals a clean full build.

The proof is equality, byte for byte, after random edit sequences on a generated repository:
add, change, close, delete, move a vacancy to another province, change a template, change
today, change the code, change an office's phone (shown on its vacancies' pages, whose records
do not change), change reference data; the render cache of vacancy pages is on. Sizes are parameters, so the suite runs a small case and the full
acceptance run is one command (docs/publishing.md, "Build cache"):

    ANTARKERJA_EQ_SEQUENCES=200 ANTARKERJA_EQ_VACANCIES=2000 \\
        python -m pytest -q tests/test_site_cache.py -k equality

Also here: the cache holds the last build only, counts of files stay exact, another code
version empties the cache. Beside this module: a damaged, edited, partial or foreign cache
(``test_site_cache_damage.py``), two builds sharing one cache (``test_site_cache_sharing.py``),
the search bundles and shards (``test_site_cache_bundles.py``), the render cache and records
across days (``test_site_cache_render.py``). They are separate modules so that the test
workers share them out (the suite distributes whole modules). Helpers:
``support.cache_repos``; the ``small_repo`` fixture: ``conftest.py``.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

from support.cache_repos import (
    Editor,
    assert_same_site,
    cache_size,
    full_build,
    generated_repo,
    output_size,
    records_file,
)

from antarkerja.site import build as build_module
from antarkerja.site import cache as site_cache
from antarkerja.site.build import build_site
from antarkerja.tools.bench import BENCH_TODAY
from antarkerja.urls import url

SEQUENCES = int(os.environ.get("ANTARKERJA_EQ_SEQUENCES", "3"))
VACANCIES = int(os.environ.get("ANTARKERJA_EQ_VACANCIES", "12"))
SEED = int(os.environ.get("ANTARKERJA_EQ_SEED", "28"))
EDITS = ("add", "change", "close", "delete", "move", "template", "today", "code", "office", "reference")


def test_equality_after_random_edit_sequences(tmp_path, monkeypatch):
    """Each sequence of 1-3 random edits, then an incremental build (warm cache, previous
    output in place) and a clean full build: the two sites are the same bytes."""
    monkeypatch.setattr(site_cache, "_CODE_HASH", None)
    root = generated_repo(tmp_path / "repo", VACANCIES)
    with open(root / "pelicanconf.py", "a", encoding="utf-8") as conf:
        # Short pages: every list has later pages, which the render cache keeps (pages.listing_reads).
        conf.write("LISTING_PER_PAGE = 2\nLISTING_ROWS_PER_PAGE = 3\n")
    cache_dir, inc, full = tmp_path / "cache", tmp_path / "inc", tmp_path / "full"
    rng = random.Random(SEED)
    editor = Editor(root, rng)
    build_site(root, output=inc, today=editor.today.isoformat(), cache=cache_dir)
    # Every kind of edit occurs once alone (the small case: in three mixed sequences), then
    # sequences of one to three edits drawn at random.
    if SEQUENCES >= len(EDITS):
        plan = [[e] for e in EDITS]
    else:
        plan = [
            ["move", "change", "office"],
            ["add", "template", "close", "reference"],
            ["today", "delete", "code"],
        ][:SEQUENCES]
    while len(plan) < SEQUENCES:
        plan.append([rng.choice(EDITS) for _ in range(rng.randint(1, 3))])
    history = []
    kept_pages = 0
    for number, edits in enumerate(plan, 1):
        history.append([editor.apply(e) for e in edits])
        build_site(root, output=inc, today=editor.today.isoformat(), cache=cache_dir)
        kept_pages += build_module.LAST["cache"].page_hits
        full_build(root, full, editor.today)
        assert_same_site(inc, full, f"sequence {number} {history[-1]} (seed {SEED}, after {history[:-1][-3:]})")
        print(f"sequence {number}/{len(plan)} equal: {history[-1]}", flush=True)  # a long run's progress, with -s
    assert kept_pages > 0, "the render cache never kept a page: the sequences did not test it"
    assert cache_size(cache_dir) <= output_size(inc), (cache_size(cache_dir), output_size(inc))


def test_after_builds_with_edits_the_cache_holds_the_last_build_only_and_is_smaller_than_the_output(
    small_repo, tmp_path
):
    """Each edit gives the search bundle a new key. The cache keeps the bundles, records and
    pages files of the last build only (by builds, not by minutes: a long acceptance run once
    ended with a cache larger than its output), so it never outgrows the output."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    editor = Editor(small_repo, random.Random(5))
    # Another repository built with the same cache first: its entries go once another build finishes.
    other = generated_repo(tmp_path / "other", 4)
    build_site(other, output=tmp_path / "other-out", today=editor.today.isoformat(), cache=cache_dir)
    other_bundles = set(build_module.LAST["cache"].used_bundles)
    for number, edit in enumerate(["change", "office", "add", "change", "today"]):
        if number:
            editor.apply(edit)
        build_site(small_repo, output=out, today=editor.today.isoformat(), cache=cache_dir)
        used = build_module.LAST["cache"].used_bundles
        assert used and not (used & other_bundles)
        assert {p.name for p in (cache_dir / "pagefind").iterdir()} == used, number
        assert len(list((cache_dir / "records").iterdir())) == len(list((cache_dir / "pages").iterdir())) == 1
        assert cache_size(cache_dir) <= output_size(out), (number, cache_size(cache_dir), output_size(out))
    # What is kept is what the next build reads: nothing indexed, checked or rendered again.
    build_site(small_repo, output=out, today=editor.today.isoformat(), cache=cache_dir)
    cache = build_module.LAST["cache"]
    assert cache.notes == [] and cache.bundle_misses == 0 and cache.memo.misses == 0 and cache.page_misses == 0
    full_build(small_repo, tmp_path / "full", editor.today)
    assert_same_site(out, tmp_path / "full", "after pruning")


def test_file_counts_stay_exact_without_comparing_what_the_writers_did(small_repo, tmp_path, monkeypatch):
    """The written / kept / removed counts equal what happened to each file (by inode), after
    no change, a change, and a deletion with an addition; the files the page writers linked or
    wrote (forked workers' included) are not compared again, only those other code wrote
    (search index, static files, Pelican's pages, the marker)."""
    from antarkerja.site import writer as site_writer

    monkeypatch.setenv("ANTARKERJA_JOBS", "3")  # vacancy pages from forked workers too
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir)
    compared: list[Path] = []
    real = site_writer.same_bytes
    monkeypatch.setattr(site_writer, "same_bytes", lambda new, old: compared.append(old) or real(new, old))
    editor = Editor(small_repo, random.Random(3))
    for edits in ([], ["change"], ["delete", "add"]):
        for edit in edits:
            editor.apply(edit)
        before = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
        compared.clear()
        build_site(small_repo, output=out, today=today, cache=cache_dir)
        after = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
        kept = sum(1 for rel, ino in after.items() if before.get(rel) == ino)
        want = {"changed": len(after) - kept, "unchanged": kept, "removed": len(set(before) - set(after))}
        assert build_module.LAST["files"] == want, edits
        rels = [p.relative_to(out).as_posix() for p in compared]
        # the search index (index_site), the theme's static files (Pelican) and the marker only
        assert {r.split("/")[0] for r in rels} <= {"pagefind", "theme", build_module.OUTPUT_MARKER}, rels
        if not edits:  # every bundle restored from the cache: linked to the previous output's files, not compared
            assert build_module.LAST["cache"].bundle_misses == 0
            engine = url("search_engine").strip("/") + "/"  # shared by the bundles, made each build
            assert not [r for r in rels if r.startswith("pagefind/") and not r.startswith(engine)], rels
        assert len(rels) < len(after) // 10
    assert want["removed"] > 0 and want["changed"] > 0
    full_build(small_repo, tmp_path / "full", BENCH_TODAY)
    assert_same_site(out, tmp_path / "full", "counts")


def test_cli_build_uses_the_repository_cache_and_reports_changes(small_repo, tmp_path, capsys):
    from antarkerja.cli import main

    out = tmp_path / "out"
    args = ["build", "--root", str(small_repo), "--output", str(out), "--today", BENCH_TODAY.isoformat()]
    assert main(args) == 0
    assert (small_repo / ".cache" / "antarkerja" / "version").is_file()
    assert main(args) == 0
    assert re.search(r"^0 berkas baru atau berubah, \d+ tetap, 0 dihapus$", capsys.readouterr().out, re.M)
    path = records_file(small_repo / ".cache" / "antarkerja")
    path.write_bytes(path.read_bytes()[:100])
    assert main([*args, "--no-search"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("antarkerja build: cache data") and "terpotong" in err[0], err


def test_another_code_version_empties_the_cache_and_says_so(small_repo, tmp_path, monkeypatch):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    build_site(small_repo, output=out, today=BENCH_TODAY.isoformat(), cache=cache_dir)
    monkeypatch.setattr(site_cache, "_CODE_HASH", "versi-baru")
    build_site(small_repo, output=out, today=BENCH_TODAY.isoformat(), cache=cache_dir)
    cache = build_module.LAST["cache"]
    assert cache.notes == [f"cache {cache_dir} dibuat oleh versi kode lain dan tidak dipakai; dibangun penuh"]
    assert cache.bundle_hits == 0 and cache.memo.hits == 0
