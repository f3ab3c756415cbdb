"""The build cache shared: two builds at once, of the same or different content, cannot
corrupt it, and pruning spares what a build running beside it uses.

Helpers: ``support.cache_repos``; the ``small_repo`` fixture: ``conftest.py``.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import time

from support.cache_repos import Editor, assert_same_site, full_build

from antarkerja.site import build as build_module
from antarkerja.site import cache as site_cache
from antarkerja.site.build import build_site
from antarkerja.tools.bench import BENCH_TODAY, TITLE_LINE


def _build_in_child(root: str, out: str, cache_dir: str, today: str) -> None:
    build_site(root, output=out, today=today, cache=cache_dir)


def test_two_builds_sharing_one_cache_at_once(small_repo, tmp_path):
    """Started together on a cold cache, both write the same entries; both sites are exact
    and a third build reads the cache without complaint."""
    cache_dir = tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    ctx = multiprocessing.get_context("fork")
    children = [
        ctx.Process(target=_build_in_child, args=(str(small_repo), str(tmp_path / f"out{i}"), str(cache_dir), today))
        for i in range(2)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(300)
        assert child.exitcode == 0
    full_build(small_repo, tmp_path / "full", BENCH_TODAY)
    for i in range(2):
        assert_same_site(tmp_path / f"out{i}", tmp_path / "full", f"concurrent build {i}")
    build_site(small_repo, output=tmp_path / "out0", today=today, cache=cache_dir)
    cache = build_module.LAST["cache"]
    assert cache.notes == [] and cache.bundle_misses == 0 and cache.memo.misses == 0
    assert not [p for p in cache_dir.rglob("*") if ".tmp-" in p.name]


def test_prune_keeps_what_a_concurrent_build_touched_and_writers_still_running(tmp_path):
    """Entries touched since this build began belong to a build running beside it, and a
    temporary name whose writer still runs is being written: both stay. Unused older
    entries and the leftovers of killed writers go."""
    cache_dir = tmp_path / "cache"
    (cache_dir / "pagefind" / "old-bundle").mkdir(parents=True)
    (cache_dir / "pagefind" / "old-bundle" / "manifest.bin").write_bytes(b"x")
    os.utime(cache_dir / "pagefind" / "old-bundle" / "manifest.bin", (1, 1))
    (cache_dir / "records").mkdir()
    (cache_dir / "records" / "other-root.bin").write_bytes(b"x")
    os.utime(cache_dir / "records" / "other-root.bin", (1, 1))
    dead = multiprocessing.get_context("fork").Process(target=int)
    dead.start()
    dead.join()
    (cache_dir / "pagefind" / f".k1.tmp-{dead.pid}-1").mkdir()
    (cache_dir / "records" / f".r.bin.tmp-{dead.pid}-2").write_bytes(b"half")
    live = multiprocessing.get_context("fork").Process(target=time.sleep, args=(30,))
    live.start()
    try:
        (cache_dir / "pagefind" / f".k2.tmp-{live.pid}-3").mkdir()
        cache = site_cache.BuildCache(cache_dir)
        cache.started -= 1  # a concurrent build touches its entries after this one began
        (cache_dir / "pagefind" / "concurrent").mkdir()
        (cache_dir / "pagefind" / "concurrent" / "manifest.bin").write_bytes(b"x")
        cache.prune()
        left = {p.relative_to(cache_dir).as_posix() for p in cache_dir.glob("*/*")}
        assert left == {"pagefind/concurrent", f"pagefind/.k2.tmp-{live.pid}-3"}, left
    finally:
        live.kill()
        live.join()


def _build_twice_in_child(root: str, out: str, cache_dir: str, today: str) -> None:
    for _ in range(2):
        build_site(root, output=out, today=today, cache=cache_dir)


def test_two_builds_of_different_content_sharing_one_cache_cannot_corrupt_it(small_repo, tmp_path):
    """Two repositories that differ by one vacancy, built twice each at the same time with one
    cache: each prune removes entries the other build uses. Both sites are exact, and the cache
    left behind is sound: a later build trusts nothing damaged, and the one after reads all."""
    other = tmp_path / "other"
    shutil.copytree(small_repo, other)
    vacancy = Editor(other, random.Random(1)).domestic()[0]
    vacancy.write_text(TITLE_LINE.sub("title: Hanya Di Salinan", vacancy.read_text("utf-8"), count=1), "utf-8")
    cache_dir = tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    ctx = multiprocessing.get_context("fork")
    roots = [small_repo, other]
    children = [
        ctx.Process(target=_build_twice_in_child, args=(str(r), str(tmp_path / f"out{i}"), str(cache_dir), today))
        for i, r in enumerate(roots)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(600)
        assert child.exitcode == 0
    for i, root in enumerate(roots):
        full_build(root, tmp_path / f"full{i}", BENCH_TODAY)
        assert_same_site(tmp_path / f"out{i}", tmp_path / f"full{i}", f"concurrent build {i}")
    build_site(small_repo, output=tmp_path / "out0", today=today, cache=cache_dir)
    assert all("tidak dipakai" in n for n in build_module.LAST["cache"].notes)  # a rejected entry at most
    assert_same_site(tmp_path / "out0", tmp_path / "full0", "after the concurrent builds")
    build_site(small_repo, output=tmp_path / "out0", today=today, cache=cache_dir)
    cache = build_module.LAST["cache"]
    assert cache.notes == [] and cache.bundle_misses == 0 and cache.memo.misses == 0 and cache.page_misses == 0
    assert not [p for p in cache_dir.rglob("*") if ".tmp-" in p.name]
