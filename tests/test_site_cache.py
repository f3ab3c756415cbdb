"""The build cache (antarkerja.site.cache): an incremental build equals a clean full build.

The proof is equality, byte for byte, after random edit sequences on a generated repository:
add, change, close, delete, move a vacancy to another province, change a template, change
today, change the code, change an office's phone (shown on its vacancies' pages, whose records
do not change), change reference data; the render cache of vacancy pages is on. Sizes are parameters, so the suite runs a small case and the full
acceptance run is one command (docs/publishing.md, "Build cache"):

    ANTARKERJA_EQ_SEQUENCES=200 ANTARKERJA_EQ_VACANCIES=2000 \\
        python -m pytest -q tests/test_site_cache.py -k equality

Also here: a damaged, edited, partial or foreign cache is ignored with one line and the
output is still exact; two builds sharing one cache at once both finish exact; unchanged
files keep their inode and modification time.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import re
import shutil
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from antarkerja.paths import REPO
from antarkerja.reference import load_reference
from antarkerja.site import build as build_module
from antarkerja.site import cache as site_cache
from antarkerja.site.build import build_site
from antarkerja.site.search import NATIONAL_BUNDLE_SETTING
from antarkerja.tools.bench import (
    BENCH_TODAY,
    DOMESTIC,
    ID_LINE,
    OFFICE_LINE,
    PROVINCE_LINE,
    REGENCY_LINE,
    STATUS_LINE,
    TITLE_LINE,
    generate,
)
from antarkerja.urls import url

SEQUENCES = int(os.environ.get("ANTARKERJA_EQ_SEQUENCES", "3"))
VACANCIES = int(os.environ.get("ANTARKERJA_EQ_VACANCIES", "12"))
SEED = int(os.environ.get("ANTARKERJA_EQ_SEED", "28"))
EDITS = ("add", "change", "close", "delete", "move", "template", "today", "code", "office", "reference")
PHONE_ITEM = re.compile(r'^(phones:\n  - "[0-9]+-[0-9]*?)([0-9]{4})"', re.M)


def make_repo(folder: Path, count: int) -> Path:
    """A generated repository with its own copy of the theme (so a test may edit templates)."""
    generate(REPO, folder, count)
    reference = folder / "content" / "reference"
    if reference.is_symlink():  # a copy of its own, so a test may edit reference data
        target = reference.resolve()
        reference.unlink()
        shutil.copytree(target, reference)
    shutil.copytree(REPO / "theme", folder / "theme")
    base = REPO / "pelicanconf.py"
    (folder / "pelicanconf.py").write_text(
        f"__file__ = {str(base)!r}\n"
        f"exec(compile(open(__file__, encoding='utf-8').read(), __file__, 'exec'))\n"
        f"THEME = {str(folder / 'theme')!r}\n",
        encoding="utf-8",
    )
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != build_module.OUTPUT_MARKER
    }


def assert_same_site(got: Path, want: Path, context: str) -> None:
    a, b = tree(got), tree(want)
    missing, extra = sorted(set(b) - set(a)), sorted(set(a) - set(b))
    differ = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    assert not (missing or extra or differ), (
        f"{context}: incremental output differs from a full build: "
        f"missing {missing[:5]}, extra {extra[:5]}, different {differ[:5]}"
    )


class Editor:
    """Random edits of a generated repository; each keeps the repository valid."""

    def __init__(self, root: Path, rng: random.Random):
        self.root, self.rng = root, rng
        self.today = BENCH_TODAY
        self.counter = 0
        ref = load_reference(REPO)
        self.regencies: dict[str, list[str]] = {}
        for code, regency in sorted(ref.regencies.items()):
            self.regencies.setdefault(regency.province_code, []).append(code)
        self.slugs = {code: p.slug for code, p in ref.provinces.items()}

    def files(self) -> list[Path]:
        return sorted((self.root / "content" / "vacancies").rglob("*.yml"))

    def domestic(self) -> list[Path]:
        texts = [(p, p.read_text(encoding="utf-8")) for p in self.files()]
        return [p for p, text in texts if DOMESTIC.search(text) and PROVINCE_LINE.search(text)]

    def apply(self, edit: str) -> str:
        rng = self.rng
        self.counter += 1
        if edit == "add":
            src = rng.choice(self.files())
            text = src.read_text(encoding="utf-8")
            new_id = f"tambah-{self.counter:05d}"
            text = ID_LINE.sub(f"id: {new_id}", text, count=1)
            text = TITLE_LINE.sub(lambda m: f"title: Baru {self.counter} {m.group(1).strip(chr(34))}", text, count=1)
            (src.parent / f"{new_id}.yml").write_text(text, encoding="utf-8")
            return f"add {new_id}"
        if edit == "change":
            path = rng.choice(self.files())
            text = path.read_text(encoding="utf-8")
            text = TITLE_LINE.sub(lambda m: f"title: {m.group(1).strip(chr(34))} ubah{self.counter}", text, count=1)
            path.write_text(text, encoding="utf-8")
            return f"change {path.stem}"
        if edit == "close":
            path = rng.choice(self.files())
            path.write_text(STATUS_LINE.sub("status: closed", path.read_text(encoding="utf-8"), count=1), "utf-8")
            return f"close {path.stem}"
        if edit == "delete":
            files = self.files()
            if len(files) > 2:
                path = rng.choice(files)
                path.unlink()
                return f"delete {path.stem}"
            return "delete (none)"
        if edit == "move":
            candidates = self.domestic()
            if not candidates:
                return "move (none)"
            path = rng.choice(candidates)
            text = path.read_text(encoding="utf-8")
            here = PROVINCE_LINE.search(text).group(1)
            province = rng.choice(sorted(c for c in self.regencies if c != here and c in self.slugs))
            regency = rng.choice(self.regencies[province])
            text = PROVINCE_LINE.sub(f'  province: "{province}"', text, count=1)
            text = REGENCY_LINE.sub(f'  regency: "{regency}"', text, count=1)
            text = OFFICE_LINE.sub("  office: kemnaker", text, count=1)  # verifies anywhere
            target = self.root / "content" / "vacancies" / self.slugs[province] / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            path.unlink()
            target.write_text(text, encoding="utf-8")
            return f"move {path.stem} to {self.slugs[province]}"
        if edit == "template":
            name = rng.choice(["base.html", "vacancy.html"])
            path = self.root / "theme" / "templates" / name
            text = path.read_text(encoding="utf-8")
            marker = "{% endblock %}" if name == "vacancy.html" else "</body>"
            path.write_text(text.replace(marker, f"<!-- ubah {self.counter} -->{marker}", 1), encoding="utf-8")
            return f"template {name}"
        if edit == "today":
            self.today += timedelta(days=rng.choice([1, 1, 2, 7, 30]))
            return f"today {self.today}"
        if edit == "code":
            site_cache._CODE_HASH = f"kode-lain-{self.counter}"  # as after a deploy of new code
            return "code"
        if edit == "office":  # an office's phone: shown on every page of the vacancies it verified
            offices = sorted((self.root / "content" / "offices").glob("*.yml"))
            rng.shuffle(offices)
            for path in offices:
                text = path.read_text(encoding="utf-8")
                if PHONE_ITEM.search(text):
                    new = PHONE_ITEM.sub(lambda m: f'{m.group(1)}{self.counter % 10000:04d}"', text, count=1)
                    path.write_text(new, encoding="utf-8")
                    return f"office {path.stem} phone"
            return "office (none)"
        if edit == "reference":  # an employment type's name: on the page of every vacancy offering it
            path = self.root / "content" / "reference" / "employment_types.yml"
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace('name: "', f'name: "Ubah {self.counter} ', 1), encoding="utf-8")
            return "reference employment type"
        raise ValueError(edit)


def full_build(root: Path, out: Path, today: date, search: bool = True) -> None:
    if out.exists():
        shutil.rmtree(out)
    build_site(root, output=out, today=today.isoformat(), cache=None, search=search)


def test_equality_after_random_edit_sequences(tmp_path, monkeypatch):
    """Each sequence of 1-3 random edits, then an incremental build (warm cache, previous
    output in place) and a clean full build: the two sites are the same bytes."""
    monkeypatch.setattr(site_cache, "_CODE_HASH", None)
    root = make_repo(tmp_path / "repo", VACANCIES)
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
    assert _cache_size(cache_dir) <= _output_size(inc), (_cache_size(cache_dir), _output_size(inc))


@pytest.fixture
def small_repo(tmp_path, monkeypatch):
    monkeypatch.setattr(site_cache, "_CODE_HASH", None)
    return make_repo(tmp_path / "repo", 8)


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
    vacancy = Editor(small_repo, random.Random(0)).domestic()[0]
    vacancy.write_text(TITLE_LINE.sub("title: Operator Diubah", vacancy.read_text("utf-8"), count=1), "utf-8")
    time.sleep(0.01)
    build_site(small_repo, output=out, today=today, cache=cache_dir)
    last = build_module.LAST
    # Re-indexed: a small site's one national bundle; on a large one the bundle of each vacancy
    # page whose bytes changed (its own, and those listing it among "Lowongan serupa"), every
    # other bundle reused.
    changed_pages = [p for p, data in pages_before.items() if p.read_bytes() != data]
    editor = Editor(small_repo, random.Random(0))
    domestic = {p.stem: p.parent.name for p in editor.domestic()}
    bundles = {domestic.get(p.parent.name, "luar-negeri") for p in changed_pages} if large else {"semua"}
    assert last["cache"].bundle_misses == len(bundles), (last["cache"].bundle_misses, bundles)
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
    real = site_writer._same_bytes
    monkeypatch.setattr(site_writer, "_same_bytes", lambda new, old: compared.append(old) or real(new, old))
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


def _records_file(cache_dir: Path) -> Path:
    """A shard of the records cache that holds records (a vacancy's id is in it)."""
    return next(p for p in sorted((cache_dir / "records").rglob("*.bin")) if b"bench-" in p.read_bytes())


@pytest.mark.parametrize("damage", ["truncated", "edited", "garbage", "foreign-version"])
def test_a_damaged_records_cache_is_ignored_with_one_line(small_repo, tmp_path, damage):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    path = _records_file(cache_dir)
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
    _records_file(cache_dir).write_bytes(site_cache.seal(payload, site_cache.code_hash()))
    build_site(small_repo, output=out, today=BENCH_TODAY.isoformat(), cache=cache_dir, search=False)
    notes = build_module.LAST["cache"].notes
    assert any("kelas tak dikenal" in n for n in notes), notes


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


def test_another_code_version_empties_the_cache_and_says_so(small_repo, tmp_path, monkeypatch):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    build_site(small_repo, output=out, today=BENCH_TODAY.isoformat(), cache=cache_dir)
    monkeypatch.setattr(site_cache, "_CODE_HASH", "versi-baru")
    build_site(small_repo, output=out, today=BENCH_TODAY.isoformat(), cache=cache_dir)
    cache = build_module.LAST["cache"]
    assert cache.notes == [f"cache {cache_dir} dibuat oleh versi kode lain dan tidak dipakai; dibangun penuh"]
    assert cache.bundle_hits == 0 and cache.memo.hits == 0


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


def _cache_size(cache_dir: Path) -> int:
    return sum(p.stat().st_size for p in cache_dir.rglob("*") if p.is_file())


def _output_size(out: Path) -> int:
    return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())


def test_after_builds_with_edits_the_cache_holds_the_last_build_only_and_is_smaller_than_the_output(
    small_repo, tmp_path
):
    """Each edit gives the search bundle a new key. The cache keeps the bundles, records and
    pages files of the last build only (by builds, not by minutes: a long acceptance run once
    ended with a cache larger than its output), so it never outgrows the output."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    editor = Editor(small_repo, random.Random(5))
    # Another repository built with the same cache first: its entries go once another build finishes.
    other = make_repo(tmp_path / "other", 4)
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
        assert _cache_size(cache_dir) <= _output_size(out), (number, _cache_size(cache_dir), _output_size(out))
    # What is kept is what the next build reads: nothing indexed, checked or rendered again.
    build_site(small_repo, output=out, today=editor.today.isoformat(), cache=cache_dir)
    cache = build_module.LAST["cache"]
    assert cache.notes == [] and cache.bundle_misses == 0 and cache.memo.misses == 0 and cache.page_misses == 0
    full_build(small_repo, tmp_path / "full", editor.today)
    assert_same_site(out, tmp_path / "full", "after pruning")


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


def test_cli_build_uses_the_repository_cache_and_reports_changes(small_repo, tmp_path, capsys):
    from antarkerja.cli import main

    out = tmp_path / "out"
    args = ["build", "--root", str(small_repo), "--output", str(out), "--today", BENCH_TODAY.isoformat()]
    assert main(args) == 0
    assert (small_repo / ".cache" / "antarkerja" / "version").is_file()
    assert main(args) == 0
    assert re.search(r"^0 berkas baru atau berubah, \d+ tetap, 0 dihapus$", capsys.readouterr().out, re.M)
    path = _records_file(small_repo / ".cache" / "antarkerja")
    path.write_bytes(path.read_bytes()[:100])
    assert main([*args, "--no-search"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("antarkerja build: cache data") and "terpotong" in err[0], err


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


# The render cache (cache.PageMemo): vacancy pages whose key and previous file are unchanged
# are linked, not rendered.


def _pages_file(cache_dir: Path) -> Path:
    return next((cache_dir / "pages").glob("*.txt"))


def _vacancy_count_of(root: Path) -> int:
    return len(list((root / "content" / "vacancies").rglob("*.yml")))


def _keyed_count(out: Path) -> int:
    """Pages the render cache keys: vacancy pages and printable notices."""
    pages = [p for p in (out / "lowongan").glob("*/index.html") if p.parent.name != "page"]
    return len(pages) + len(list((out / "lowongan").glob("*/cetak/index.html")))


def test_render_cache_keeps_unchanged_vacancy_pages_and_renders_those_an_office_edit_reaches(small_repo, tmp_path):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    count = _keyed_count(out)
    assert count > _vacancy_count_of(small_repo)
    assert build_module.LAST["cache"].page_misses == count
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    assert (build_module.LAST["cache"].page_hits, build_module.LAST["cache"].page_misses) == (count, 0)
    # The phone of the office verifying some vacancies: their pages show it, their records did not change.
    office_ids = [
        OFFICE_LINE.search(p.read_text("utf-8")) for p in (small_repo / "content" / "vacancies").rglob("*.yml")
    ]
    office = sorted(m.group(0).split(":")[1].strip() for m in office_ids if m)[0]
    path = small_repo / "content" / "offices" / f"{office}.yml"
    text = path.read_text("utf-8")
    assert PHONE_ITEM.search(text), office
    path.write_text(PHONE_ITEM.sub(lambda m: f'{m.group(1)}9876"', text, count=1), "utf-8")
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    verified = sum(1 for m in office_ids if m and m.group(0).split(":")[1].strip() == office)
    assert build_module.LAST["cache"].page_misses >= verified > 0  # their pages (and notices)
    assert build_module.LAST["cache"].page_hits < count
    full_build(small_repo, tmp_path / "full", BENCH_TODAY, search=False)
    assert_same_site(out, tmp_path / "full", "office phone")


@pytest.mark.parametrize("damage", ["truncated", "edited", "garbage", "output-edited", "output-removed"])
def test_a_damaged_render_cache_or_output_is_not_trusted(small_repo, tmp_path, damage):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    path = _pages_file(cache_dir)
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


def test_a_rerun_converts_no_unchanged_description_for_the_feeds(small_repo, tmp_path, monkeypatch):
    """Feed entries carry each open vacancy's summary (its Markdown description rendered,
    sanitized, cut to words). With every vacancy page kept, a re-run converts no Markdown at
    all; a changed description is converted once, and the feeds show it."""
    from antarkerja.site import model

    converted: list[str] = []
    real = model.render_markdown
    monkeypatch.setattr(model, "render_markdown", lambda text: converted.append(text) or real(text))
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    summaries = build_module.LAST["cache"].texts.misses
    assert summaries > 0 and converted
    converted.clear()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    texts = build_module.LAST["cache"].texts
    assert converted == [] and (texts.hits, texts.misses) == (summaries, 0)
    path = next(
        p
        for p in sorted((small_repo / "content" / "vacancies").rglob("*.yml"))
        if "status: open" in p.read_text("utf-8")
    )
    text = path.read_text("utf-8")
    path.write_text(text.replace("description: |\n", "description: |\n  Kalimat **pembuka** baru.\n", 1), "utf-8")
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    # Converted: the new description once, and those of the pages rendered again with it (its
    # "Lowongan serupa" neighbours show it); the feeds converted only the new one.
    assert len([c for c in converted if c.startswith("Kalimat **pembuka** baru.")]) == 1
    assert len(set(converted)) == len(converted) <= build_module.LAST["cache"].page_misses
    assert build_module.LAST["cache"].texts.misses == 1
    assert "Kalimat pembuka baru." in (out / "feed" / "lowongan.atom").read_text("utf-8")
    # A damaged memo is not trusted: one line, and the feeds are made from the records.
    memo_file = next(p for p in (cache_dir / "texts").rglob("*.bin") if b"pembuka" in p.read_bytes())
    memo_file.write_bytes(memo_file.read_bytes().replace(b"pembuka", b"PEMBUKA"))
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    notes = build_module.LAST["cache"].notes
    assert len(notes) == 1 and "cache teks" in notes[0] and "checksum" in notes[0], notes
    full_build(small_repo, tmp_path / "full", BENCH_TODAY, search=False)
    assert_same_site(out, tmp_path / "full", "summaries from the cache")


def test_a_template_reading_a_global_with_no_stable_value_turns_the_render_cache_off(small_repo, tmp_path):
    """No list of a page's inputs to keep: a template edited to read a new global is keyed by
    its value, and one whose value has no stable form (a function the cache does not know)
    turns the render cache off for that template, with one line."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    template = small_repo / "theme" / "templates" / "vacancy.html"
    text = template.read_text("utf-8")
    template.write_text(
        text.replace("{% endblock %}", "{{ offices_by_service('x')|length }}{% endblock %}", 1), "utf-8"
    )
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    cache = build_module.LAST["cache"]
    # vacancy pages went without keys (rendered); only the notices were looked up
    assert cache.page_hits + cache.page_misses == _keyed_count(out) - _vacancy_count_of(small_repo)
    assert any("offices_by_service" in n for n in cache.notes), cache.notes
    # A global with a plain value is part of the key: a new tagline (a setting) renders every
    # page again (base.html reads it; keys over-approximate what a page shows, never under).
    template.write_text(text, "utf-8")
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    with (small_repo / "pelicanconf.py").open("a", encoding="utf-8") as f:
        f.write('SITE_TAGLINE = "Lowongan kerja, semboyan baru"\n')
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    assert build_module.LAST["cache"].page_misses == _keyed_count(out)
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    assert build_module.LAST["cache"].page_hits == _keyed_count(out)


def test_stable_forms_accept_only_values_they_can_hold_whole():
    from dataclasses import dataclass, field
    from functools import partial

    from markupsafe import Markup

    from antarkerja.site.model import Vacancy

    @dataclass
    class Loose:  # mutable, and its repr would hide a field
        a: int
        hidden: int = field(default=0, repr=False)

    for value in (object(), Loose(1), print, [1, {"a": object()}]):
        with pytest.raises(site_cache.Uncacheable):
            site_cache.stable(value)
    with pytest.raises(site_cache.Uncacheable):  # a model object without its function in MODELS
        site_cache.stable(Vacancy({}, None, date(2026, 1, 1)))
    assert site_cache.stable(Markup("<b>")) != site_cache.stable("<b>")
    assert site_cache.stable([1, 2]) != site_cache.stable((1, 2))
    assert site_cache.stable({"a": 1, "b": 2}) != site_cache.stable({"b": 2, "a": 1})  # order is shown
    assert site_cache.stable(date(2026, 1, 1)) != site_cache.stable("2026-01-01")
    assert site_cache.stable(partial(max, 1)) != site_cache.stable(partial(max, 2))

    # Objects of classes not declared lasting are never remembered by id (ids are reused).
    models = {Loose: lambda x: (x.a, x.hidden)}
    memo: dict = {}
    first = site_cache.stable(Loose(1, 2), models, memo, frozenset())
    assert site_cache.stable(Loose(1, 3), models, memo, frozenset()) != first
    assert not memo


def test_a_nightly_run_checks_no_unchanged_record_again_unless_a_date_was_ahead(small_repo, tmp_path):
    """Records are cached across days: one rule reads today (R431, a date more than 31 days
    ahead), and a record is checked again only on a day its finding could differ."""
    from antarkerja.records.validate import RepositoryValidator

    cache_dir = tmp_path / "cache"
    ref = load_reference(small_repo)
    ahead = Editor(small_repo, random.Random(0)).files()[0]
    ahead.write_text(
        re.sub(
            r"^date_posted: .*$",
            f"date_posted: {BENCH_TODAY + timedelta(days=40)}",
            ahead.read_text("utf-8"),
            count=1,
            flags=re.M,
        ),
        "utf-8",
    )
    total = len(Editor(small_repo, random.Random(0)).files()) + len(
        list((small_repo / "content" / "offices").glob("*.yml"))
    )

    def check(day: date):
        cache = site_cache.BuildCache(cache_dir)
        memo = cache.record_memo(small_repo, day)
        result = RepositoryValidator(small_repo, ref, day, memo=memo).run()
        cache.save_records(small_repo)
        found = [d.message for d in result.diagnostics if d.code == "R431" and d.path.name == ahead.name]
        return memo.misses, found

    assert check(BENCH_TODAY) == (
        total,
        [f"tanggal {BENCH_TODAY + timedelta(days=40)} lebih dari 31 hari setelah hari ini ({BENCH_TODAY})"],
    )
    # Next day: only the record with the date ahead is checked again, and its message says the new day.
    day = BENCH_TODAY + timedelta(days=1)
    assert check(day) == (
        1,
        [f"tanggal {BENCH_TODAY + timedelta(days=40)} lebih dari 31 hari setelah hari ini ({day})"],
    )
    assert check(BENCH_TODAY + timedelta(days=9)) == (1, [])  # 40 days ahead is now within 31
    assert check(BENCH_TODAY + timedelta(days=30)) == (0, [])  # every result holds on later days

    # Nothing checked again: the records files are left as they are (their entries would be
    # the same). One record checked again: only its shard is written.
    def shards() -> dict[str, int]:
        return {p.name: p.stat().st_ino for p in (cache_dir / "records").rglob("*.bin")}

    written = shards()
    assert len(written) > 1
    assert check(BENCH_TODAY + timedelta(days=31)) == (0, [])
    assert shards() == written
    ahead.write_text(ahead.read_text("utf-8") + "# diperbarui\n", "utf-8")
    assert check(BENCH_TODAY + timedelta(days=31)) == (1, [])
    assert shards().keys() == written.keys()
    assert [name for name, ino in shards().items() if written[name] != ino] == [
        f"{site_cache.shard_name(str(ahead))}.bin"
    ]
    assert check(BENCH_TODAY + timedelta(days=32)) == (0, [])  # the new entry was saved
    assert check(BENCH_TODAY + timedelta(days=8)) == (
        1,
        [
            f"tanggal {BENCH_TODAY + timedelta(days=40)} lebih dari 31 hari setelah hari ini ({BENCH_TODAY + timedelta(days=8)})"
        ],
    )


def test_only_the_rule_that_says_when_its_findings_change_reads_today():
    """The records cache keeps a check across days (site.cache.RecordMemo) because the one rule
    reading today says from which day its findings stay the same (rules.common.same_findings_from).
    A new rule reading today must say so too: this test names every reader."""
    import ast
    import inspect

    from antarkerja.records import rules

    readers = set()
    for path in sorted(Path(rules.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                if any(isinstance(n, ast.Attribute) and n.attr == "today" for n in ast.walk(node)):
                    readers.add(f"{path.stem}.{node.name}")
    assert readers == {"common.implausible_dates"}, readers
    assert "FUTURE_CHECKED" in inspect.getsource(rules.common.same_findings_from)


def test_a_rerun_reads_no_kept_page_and_still_sees_one_edited_by_hand(small_repo, tmp_path, monkeypatch):
    """The render cache trusts a previous page by its size, inode and time (as make does) once
    the build that wrote it has stamped it; a page edited by hand has another stamp, so it is
    read, found different and rendered again."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    opened: list[str] = []  # pages of the previous output the render cache reads

    def counting_open(path, *args):
        if str(path).startswith(str(out.resolve())):
            opened.append(str(path))
        return open(path, *args)

    monkeypatch.setattr(site_cache, "open", counting_open, raising=False)
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    count = _keyed_count(out)
    assert (build_module.LAST["cache"].page_hits, opened) == (count, [])
    page = sorted((out / "lowongan").glob("*/index.html"))[0]
    page.write_text(page.read_text("utf-8").replace("</main>", "<p>diubah</p></main>"), "utf-8")
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    assert [Path(p).relative_to(out.resolve()) for p in opened] == [page.relative_to(out)]
    assert build_module.LAST["cache"].page_misses == 1
    assert "diubah" not in page.read_text("utf-8")


def test_search_bundles_are_keyed_by_the_digests_the_render_cache_recorded(small_repo, tmp_path, monkeypatch):
    """A bundle's key takes each page's digest from the render cache's record of what was
    written (not read again); every such digest equals the page's bytes, on a full build and
    on a re-run that kept every page."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    real = site_cache.BuildCache.page_digest
    from_memo: list[str] = []

    def checked(self, output, rel):
        got = real(self, output, rel)
        assert got == site_cache.digest((output / rel).read_bytes()), rel
        if self.pages_saved is not None and rel in self.pages_saved[1].new:
            from_memo.append(rel)
        return got

    monkeypatch.setattr(site_cache.BuildCache, "page_digest", checked)
    monkeypatch.setenv(NATIONAL_BUNDLE_SETTING, "0")  # bundles per province
    for _ in range(2):
        from_memo.clear()
        build_site(small_repo, output=out, today=BENCH_TODAY.isoformat(), cache=cache_dir)
        assert len(from_memo) == _vacancy_count_of(small_repo), from_memo
    assert build_module.LAST["cache"].bundle_misses == 0


def test_page_keys_name_a_record_by_its_file(small_repo, tmp_path):
    """In page keys a vacancy's record is its file's path and digest, as the records cache
    holds it (so keys need not walk the record): for every vacancy, on a cold and a warm
    cache alike, and the state changes when the file's bytes do."""
    from antarkerja.records.validate import RepositoryValidator
    from antarkerja.site.model import build_site as build_model
    from antarkerja.site.outputs import pages

    ref = load_reference(small_repo)

    def states() -> dict[str, tuple]:
        cache = site_cache.BuildCache(tmp_path / "cache")
        memo = cache.record_memo(small_repo, BENCH_TODAY)
        result = RepositoryValidator(small_repo, ref, BENCH_TODAY, memo=memo).run()
        cache.save_records(small_repo)
        model = build_model([r.data for r in result.vacancies], [o.data for o in result.offices], ref, BENCH_TODAY)
        sources = memo.sources()
        return {v.id: pages.vacancy_state(v, sources) for v in model.vacancies}

    cold = states()  # records checked
    assert states() == cold  # records from the cache
    for vacancy_id, ((kind, path, file_digest), _closed) in cold.items():
        assert (kind, Path(path).stem) == ("berkas", vacancy_id)
        assert file_digest == site_cache.digest(Path(path).read_bytes())
    vacancy_id, ((_, path, _), _) = next(iter(cold.items()))
    Path(path).write_text(Path(path).read_text("utf-8") + "# disunting\n", "utf-8")
    edited = states()
    assert edited[vacancy_id] != cold[vacancy_id]
    assert {k: v for k, v in edited.items() if k != vacancy_id} == {k: v for k, v in cold.items() if k != vacancy_id}
