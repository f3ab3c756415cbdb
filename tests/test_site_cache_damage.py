"""The build cache: a damaged, edited, truncated or foreign cache (records, render cache,
or the output the render cache points at) is ignored with one line and the output is exact.

Helpers: ``support.cache_repos``; the ``small_repo`` fixture: ``conftest.py``.
"""

from __future__ import annotations

import os

import pytest
from support.cache_repos import assert_same_site, full_build, pages_file, records_file

from antarkerja.site import build as build_module
from antarkerja.site import cache as site_cache
from antarkerja.site.build import build_site
from antarkerja.tools.bench import BENCH_TODAY


@pytest.mark.parametrize("damage", ["truncated", "edited", "garbage", "foreign-version"])
def test_a_damaged_records_cache_is_ignored_with_one_line(small_repo, tmp_path, damage):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    path = records_file(cache_dir)
    data = path.read_bytes()
    if damage == "truncated":  # killed while writing without the rename (or copied half)
        path.write_bytes(data[: len(data) // 2])
    elif damage == "edited":  # one byte of a record's data changed by hand
        i = data.index(b"bench-")
        path.write_bytes(data[:i] + b"hacks-" + data[i + 6 :])
    elif damage == "garbage":
        path.write_bytes(b"\x80\x04not a cache at all")
    else:
        path.write_bytes(data.replace(data.split(b" ")[2], b"0" * 40, 1))
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    notes = build_module.LAST["cache"].notes
    assert len(notes) == 1 and "tidak dipakai" in notes[0], notes
    # Only the damaged shard's records are checked again; the other shards are used.
    memo = build_module.LAST["cache"].memo
    assert memo.misses >= 1 and memo.hits >= 1, (memo.hits, memo.misses)
    full_build(small_repo, tmp_path / "full", BENCH_TODAY, search=False)
    assert_same_site(out, tmp_path / "full", damage)


def test_a_cache_that_would_run_code_is_refused(small_repo, tmp_path):
    """A records file whose checksum is right but which names another class is refused:
    the cache never builds arbitrary objects."""
    import pickle

    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    build_site(small_repo, output=out, today=BENCH_TODAY.isoformat(), cache=cache_dir, search=False)
    payload = pickle.dumps(("env", {"x": (os.system, ("true",))}))
    records_file(cache_dir).write_bytes(site_cache.seal(payload, site_cache.code_hash()))
    build_site(small_repo, output=out, today=BENCH_TODAY.isoformat(), cache=cache_dir, search=False)
    notes = build_module.LAST["cache"].notes
    assert any("kelas tak dikenal" in n for n in notes), notes


@pytest.mark.parametrize("damage", ["truncated", "edited", "garbage", "output-edited", "output-removed"])
def test_a_damaged_render_cache_or_output_is_not_trusted(small_repo, tmp_path, damage):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    path = pages_file(cache_dir)
    data = path.read_bytes()
    page = sorted((out / "lowongan").glob("*/index.html"))[-1]
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "edited":  # a recorded digest changed by hand
        head, _, body = data.partition(b"\n")
        path.write_bytes(head + b"\n" + body.replace(body[41:81], b"0" * 40, 1))
    elif damage == "garbage":
        path.write_bytes(b"ANTARKERJA-CACHE nonsense")
    elif damage == "output-edited":  # the published page changed by hand: its key still matches
        page.write_text(page.read_text("utf-8").replace("</main>", "<p>diubah</p></main>"), "utf-8")
    else:
        page.unlink()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    cache = build_module.LAST["cache"]
    if damage.startswith("output"):
        assert cache.page_misses == 1 and not cache.notes, (cache.page_misses, cache.notes)
    else:
        assert len(cache.notes) == 1 and "cache halaman" in cache.notes[0] and "dirender ulang" in cache.notes[0]
        assert cache.page_hits == 0
    full_build(small_repo, tmp_path / "full", BENCH_TODAY, search=False)
    assert_same_site(out, tmp_path / "full", damage)
