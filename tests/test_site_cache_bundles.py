"""The build cache and the search index: one change re-indexes only its bundle, unchanged
files keep inode and time, restored bundles are linked by their stamps, and shards merged
equal the single build.

Helpers: ``support.cache_repos``; the ``small_repo`` fixture: ``conftest.py``.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from support.cache_repos import Editor, assert_same_site, full_build, vacancy_count_of
from support.searchpage import similar_section

from antarkerja.site import build as build_module
from antarkerja.site import cache as site_cache
from antarkerja.site.build import build_site
from antarkerja.site.search import NATIONAL_BUNDLE_SETTING, indexed_part
from antarkerja.tools.bench import BENCH_TODAY, TITLE_LINE

SIMILAR_LINK = re.compile(r'href="[^"]*/lowongan/([^/"]+)/"')


@pytest.mark.parametrize("large", [False, True], ids=["national-bundle", "province-bundles"])
def test_unchanged_files_keep_inode_and_time_and_one_change_reindexes_one_province(
    small_repo, tmp_path, monkeypatch, large
):
    if large:  # built as a site above the national bundle's threshold: one bundle per province
        monkeypatch.setenv(NATIONAL_BUNDLE_SETTING, "0")
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir)
    before = {p: p.stat() for p in out.rglob("*") if p.is_file()}
    pages_before = {p: p.read_bytes() for p in (out / "lowongan").glob("*/index.html")}
    # A vacancy another page lists among "Lowongan serupa": that page changes too.
    listed = {
        found
        for page, data in pages_before.items()
        for found in SIMILAR_LINK.findall(similar_section(data.decode("utf-8")))
        if found != page.parent.name
    }
    vacancy = next(p for p in Editor(small_repo, random.Random(0)).domestic() if p.stem in listed)
    vacancy.write_text(TITLE_LINE.sub("title: Operator Diubah", vacancy.read_text("utf-8"), count=1), "utf-8")
    time.sleep(0.01)
    build_site(small_repo, output=out, today=today, cache=cache_dir)
    last = build_module.LAST
    # Re-indexed: a small site's one national bundle; on a large one only the edited vacancy's
    # province. Other pages changed too (those listing it among "Lowongan serupa"), but
    # outside the article the index reads (search.indexed_part), so their bundles are reused.
    changed_pages = [p for p, data in pages_before.items() if p.read_bytes() != data]
    assert len(changed_pages) > 1
    assert last["cache"].bundle_misses == 1
    if large:
        assert (out / "pagefind" / vacancy.parent.name).is_dir()
    assert last["cache"].bundle_hits >= (1 if large else 0)
    page = out / "lowongan" / vacancy.stem / "index.html"
    assert "Operator Diubah" in page.read_text("utf-8")
    assert os.stat(page).st_ino != before[page].st_ino
    kept = [p for p, st in before.items() if p.exists() and os.stat(p).st_ino == st.st_ino]
    assert len(kept) == last["files"]["unchanged"] > len(before) // 2
    for p in kept:
        assert os.stat(p).st_mtime_ns == before[p].st_mtime_ns
    full_build(small_repo, tmp_path / "full", BENCH_TODAY)
    assert_same_site(out, tmp_path / "full", "one change")


def test_a_rerun_links_the_previous_bundles_by_their_stamps_and_reads_an_edited_file(small_repo, tmp_path, monkeypatch):
    """Once published, each bundle file's stamp (size, inode, time) is kept with the bundle:
    the next build links the previous files it finds unchanged without reading them (at
    100,000 vacancies the index step read 410 MB to say so). A file edited in the published
    site, its size kept, is read, found changed, and restored from the cache."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir)
    read: list[Path] = []
    real = site_cache._same_digest
    monkeypatch.setattr(site_cache, "_same_digest", lambda path, want: read.append(path) or real(path, want))
    build_site(small_repo, output=out, today=today, cache=cache_dir)
    assert build_module.LAST["cache"].bundle_hits > 0 and build_module.LAST["cache"].bundle_misses == 0
    # Only the engine's files are looked for (moved out of each bundle: none to read).
    assert [p for p in read if "pagefind" in p.parts and p.exists()] == []
    victim = next(p for p in sorted((out / "pagefind").rglob("*.pf_fragment")))
    data = victim.read_bytes()
    victim.write_bytes(data[:-3] + bytes(b ^ 1 for b in data[-3:]))
    read.clear()
    build_site(small_repo, output=out, today=today, cache=cache_dir)
    assert [p.name for p in read if "pagefind" in p.parts and p.exists()] == [victim.name]
    assert build_module.LAST["cache"].bundle_misses == 0 and build_module.LAST["cache"].notes == []
    full_build(small_repo, tmp_path / "full", BENCH_TODAY)
    assert_same_site(out, tmp_path / "full", "edited file of the published index")


def test_an_edited_bundle_in_the_cache_is_indexed_again(small_repo, tmp_path):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir)
    victim = next(p for p in sorted((cache_dir / "pagefind").rglob("*.pf_fragment")))
    victim.write_bytes(victim.read_bytes()[:-3] + b"xyz")
    full_build(small_repo, tmp_path / "full", BENCH_TODAY)
    # The previous output holds the bundle's recorded bytes: they are linked, the cache's
    # edited copy is not even read.
    build_site(small_repo, output=out, today=today, cache=cache_dir)
    assert build_module.LAST["cache"].notes == [] and build_module.LAST["cache"].bundle_hits > 0
    assert_same_site(out, tmp_path / "full", "edited bundle, previous output in place")
    # Without a previous output the cache's copy is read, found edited, and indexed again.
    build_site(small_repo, output=tmp_path / "elsewhere", today=today, cache=cache_dir)
    notes = build_module.LAST["cache"].notes
    assert len(notes) == 1 and "indeks pencarian" in notes[0], notes
    assert_same_site(tmp_path / "elsewhere", tmp_path / "full", "edited bundle")


@pytest.mark.parametrize("large", [False, True], ids=["national-bundle", "province-bundles"])
def test_shards_merged_equal_the_single_build(small_repo, tmp_path, capsys, monkeypatch, large):
    """`build --shard K/N` on three machines, then `build --merge`: the same bytes as one build,
    every Pagefind bundle indexed once by one shard, nothing indexed again by the merge. A small
    site has one bundle (one shard indexes it); a large one a bundle per province, spread."""
    from antarkerja.cli import main

    if large:  # built as a site above the national bundle's threshold
        monkeypatch.setenv(NATIONAL_BUNDLE_SETTING, "0")

    common = ["--root", str(small_repo), "--today", BENCH_TODAY.isoformat()]
    shards = [tmp_path / f"shard-{k}" for k in (1, 2, 3)]
    for k, folder in enumerate(shards, 1):
        assert main(["build", "--shard", f"{k}/3", "--output", str(folder), *common]) == 0
    assert "Shard 3/3 dibangun di" in capsys.readouterr().out
    indexed = [set(json.loads((s / "manifest.json").read_text())["bundles"]) for s in shards]
    assert sum(map(len, indexed)) == len(set().union(*indexed))  # each bundle once
    assert all(indexed) if large else sorted(map(len, indexed)) == [0, 0, 1]  # cache keys of bundles
    assert (shards[0] / "situs" / "index.html").is_file() and not (shards[1] / "situs").exists()
    merged = tmp_path / "merged"
    assert main(["build", "--merge", *map(str, shards), "--output", str(merged), *common]) == 0
    assert "Situs digabung dari 3 shard" in capsys.readouterr().out
    assert build_module.LAST["cache"].bundle_misses == 0
    full_build(small_repo, tmp_path / "full", BENCH_TODAY)
    assert_same_site(merged, tmp_path / "full", "merged shards")
    assert main(["build", "--shard", "4/3", *common]) == 1
    assert "--shard `4/3` tidak valid" in capsys.readouterr().err


def test_a_failed_or_stale_shard_stops_the_merge_with_its_messages(small_repo, tmp_path):
    from antarkerja.errors import BuildFailed
    from antarkerja.site.build import build_merged, build_shard

    good = build_shard(small_repo, (1, 2), tmp_path / "shard-1", today=BENCH_TODAY)
    broken = next(iter(sorted((small_repo / "content" / "vacancies").rglob("*.yml"))))
    broken.write_text(broken.read_text("utf-8").replace("status: open", "status: buka"), "utf-8")
    with pytest.raises(BuildFailed):
        build_shard(small_repo, (2, 2), tmp_path / "shard-2", today=BENCH_TODAY)
    with pytest.raises(BuildFailed) as failed:
        build_merged(small_repo, [good, tmp_path / "shard-2"], output=tmp_path / "merged", today=BENCH_TODAY)
    message = str(failed.value)
    assert message.startswith("Shard 2/2 gagal; situs tidak digabung:") and broken.name in message
    assert "status" in message
    assert not (tmp_path / "merged").exists()
    # A shard built on another day (the merge would mix two days' pages) is refused too.
    with pytest.raises(BuildFailed, match="today"):
        build_merged(small_repo, [good], output=tmp_path / "merged", today=BENCH_TODAY + timedelta(days=1))
    with pytest.raises(BuildFailed, match=r"1\.\.N"):
        build_merged(small_repo, [good], output=tmp_path / "merged", today=BENCH_TODAY)


def test_search_bundles_are_keyed_by_the_digests_the_render_cache_recorded(small_repo, tmp_path, monkeypatch):
    """A bundle's key takes the digest of each page's indexed article from the render cache's
    record of what was written (not read again); every such digest equals that of the
    article in the page's bytes, on a full build and on a re-run that kept every page."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    real = site_cache.BuildCache.index_digest
    from_memo: list[str] = []

    def checked(self, rel, locate):
        got = real(self, rel, locate)
        assert got == site_cache.digest(indexed_part(locate(rel).read_bytes())), rel
        if self.pages_saved is not None and rel in self.pages_saved[1].new:
            from_memo.append(rel)
        return got

    monkeypatch.setattr(site_cache.BuildCache, "index_digest", checked)
    monkeypatch.setenv(NATIONAL_BUNDLE_SETTING, "0")  # bundles per province
    for _ in range(2):
        from_memo.clear()
        build_site(small_repo, output=out, today=BENCH_TODAY.isoformat(), cache=cache_dir)
        assert len(from_memo) == vacancy_count_of(small_repo), from_memo
    assert build_module.LAST["cache"].bundle_misses == 0
