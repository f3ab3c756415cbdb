"""The writer: files reach the disk from a background thread and from forked workers."""

from __future__ import annotations

import os

import pytest

from antarkerja.site.writer import ForkedWorker, PageWriter, finish_all


def test_background_writer_writes_every_file(tmp_path):
    writer = PageWriter(tmp_path, backlog=2)
    for n in range(20):
        writer.put(f"a/{n}/index.html", f"page {n}".encode())
    writer.close()
    assert (tmp_path / "a" / "19" / "index.html").read_text() == "page 19"


def test_write_error_is_raised_not_swallowed(tmp_path):
    (tmp_path / "blocked").write_text("a file where a folder should be")
    writer = PageWriter(tmp_path)
    writer.put("blocked/index.html", b"x")
    with pytest.raises(OSError):
        writer.close()


def test_forked_worker_writes_and_reports_failure(tmp_path):
    def good(writer):
        writer.put("ok.txt", b"ok")

    def bad(writer):
        raise RuntimeError("template exploded")

    workers = [ForkedWorker(tmp_path, good), ForkedWorker(tmp_path, bad)]
    failures = finish_all(workers)
    assert (tmp_path / "ok.txt").read_bytes() == b"ok"
    assert failures == ["RuntimeError: template exploded"]


def test_a_second_output_for_one_file_stops_the_writer_naming_both_families(tmp_path):
    from antarkerja.errors import BuildFailed
    from antarkerja.site.writer import OutputCollision

    writer = PageWriter(tmp_path)
    writer.put("kantor/layanan/index.html", b"layanan", "services")
    with pytest.raises(OutputCollision) as info:
        writer.put("kantor/layanan/index.html", b"kantor", "pages")
    writer.close()
    assert isinstance(info.value, BuildFailed)  # printed by `antarkerja build` without a traceback
    assert "`kantor/layanan/index.html`: `services` dan `pages`" in str(info.value)
    assert (tmp_path / "kantor/layanan/index.html").read_bytes() == b"layanan"


@pytest.mark.parametrize(
    "family, jobs",
    [("jkp", None), ("words", "2")],
    ids=["one-process", "across-processes"],
)
def test_a_forced_collision_stops_the_build_naming_both_families(tmp_path, monkeypatch, family, jobs):
    """One family writing another's file (here the home page) stops the build; also when a
    second process writes it (on a big site, families.SIDE_BY_SIDE beside the first)."""
    import importlib

    from support import TODAY, make_repo

    from antarkerja.errors import BuildFailed
    from antarkerja.site.build import build_site
    from antarkerja.site.outputs import File
    from antarkerja.site.outputs.families import SIDE_BY_SIDE

    assert (family in SIDE_BY_SIDE) == (jobs is not None)
    module = importlib.import_module(f"antarkerja.site.outputs.{family}")
    original = module.outputs

    def greedy(site, ctx):
        yield from original(site, ctx)
        yield File("index.html", "bukan beranda")

    monkeypatch.setattr(module, "outputs", greedy)
    if jobs:
        monkeypatch.setenv("ANTARKERJA_JOBS", jobs)  # vacancy pages and families shared out
    monkeypatch.setenv("ANTARKERJA_TODAY", TODAY.isoformat())
    root = make_repo(tmp_path / "repo")
    with pytest.raises(BuildFailed) as info:
        build_site(root, output=tmp_path / "out", today=TODAY.isoformat(), search=False)
    assert f"`index.html`: `pages` dan `{family}`" in str(info.value)
    assert not (tmp_path / "out").exists()


def test_writers_record_what_they_linked_and_wrote_and_keep_unchanged_trusts_only_its_own_log(tmp_path, monkeypatch):
    """A writer links a file whose bytes equal the previous output's and writes the others,
    and says which; keep_unchanged counts those without opening them, compares the rest,
    and ignores a log made for another output."""
    from antarkerja.site import writer as site_writer
    from antarkerja.site.writer import WriteLog, keep_unchanged

    old, new = tmp_path / "old", tmp_path / "new"
    for rel, text in {"same.html": "same", "changed.html": "old", "gone.html": "x", "static.css": "css"}.items():
        (old / rel).parent.mkdir(parents=True, exist_ok=True)
        (old / rel).write_text(text)
    writer = PageWriter(new, previous=old)
    writer.put("same.html", b"same")
    writer.put("changed.html", b"new")
    writer.put("/added/index.html", b"added")
    writer.close()
    assert sorted(writer.linked) == ["same.html"]
    assert sorted(writer.written) == ["added/index.html", "changed.html"]
    assert os.stat(new / "same.html").st_ino == os.stat(old / "same.html").st_ino
    (new / "static.css").write_text("css")  # written by other code (Pelican's static files)

    compared = []
    real = site_writer.same_bytes
    monkeypatch.setattr(site_writer, "same_bytes", lambda a, b: compared.append(a.name) or real(a, b))
    log = WriteLog(new, old)
    log.add(writer.linked, writer.written)
    stats = keep_unchanged(new, old, WriteLog(tmp_path / "elsewhere", old))  # not this output's: all compared
    assert sorted(compared) == ["changed.html", "index.html", "same.html", "static.css"]
    assert stats == {"changed": 2, "unchanged": 2, "removed": 1}
    compared.clear()
    assert keep_unchanged(new, old, log) == {"changed": 2, "unchanged": 2, "removed": 1}
    assert compared == ["static.css"]
    assert os.stat(new / "static.css").st_ino == os.stat(old / "static.css").st_ino


def test_a_forked_workers_linked_and_written_files_reach_the_parent(tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    (old / "a.html").write_bytes(b"a")

    def job(writer):
        writer.put("a.html", b"a")
        writer.put("b.html", b"b")

    worker = ForkedWorker(tmp_path / "new", job, previous=old)
    assert finish_all([worker]) == []
    assert worker.files == (["a.html"], ["b.html"])


@pytest.mark.parametrize("links", [True, False], ids=["hard-links", "no-links"])
def test_kept_files_become_the_previous_ones_in_batches(tmp_path, monkeypatch, links):
    """Kept files (the render cache vouched for them) go to the thread in batches: every one
    reaches the new output, as a hard link to the previous file (or a copy, counted as
    written, where links are not possible), beside files written normally."""
    from antarkerja.site import writer as writer_module

    previous, output = tmp_path / "old", tmp_path / "new"
    count = PageWriter.KEEP_BATCH * 2 + 7  # two full batches and a partial one
    for n in range(count):
        (previous / "lowongan" / str(n)).mkdir(parents=True)
        (previous / "lowongan" / str(n) / "index.html").write_text(f"lama {n}")
    if not links:

        def no_link(src, dst):
            raise OSError(18, "Invalid cross-device link")

        monkeypatch.setattr(writer_module.os, "link", no_link)
    writer = PageWriter(output, backlog=2, previous=previous)
    for n in range(count):
        writer.keep(f"lowongan/{n}/index.html", "pages")
        if n % 100 == 0:
            writer.put(f"baru/{n}.html", b"baru", "pages")
    writer.close()
    for n in range(count):
        kept, old = output / "lowongan" / str(n) / "index.html", previous / "lowongan" / str(n) / "index.html"
        assert kept.read_text() == f"lama {n}"
        assert os.path.samefile(kept, old) is links
    assert (output / "baru" / "100.html").read_bytes() == b"baru"
    kept_rels = {f"lowongan/{n}/index.html" for n in range(count)}
    assert (kept_rels <= set(writer.linked)) is links and (kept_rels <= set(writer.written)) is not links


def test_a_kept_file_that_is_gone_fails_the_build(tmp_path):
    (tmp_path / "old").mkdir()
    writer = PageWriter(tmp_path / "new", previous=tmp_path / "old")
    writer.keep("lowongan/x/index.html", "pages")
    with pytest.raises(OSError):
        writer.close()
