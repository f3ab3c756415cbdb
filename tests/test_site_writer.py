"""The writer: files reach the disk from a background thread and from forked workers."""

from __future__ import annotations

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


def test_a_forced_collision_stops_the_build_naming_both_families(tmp_path, monkeypatch):
    """One family writing another's file (here the home page) stops the build."""
    from support import TODAY, make_repo

    from antarkerja.errors import BuildFailed
    from antarkerja.site.build import build_site
    from antarkerja.site.outputs import File, jkp

    original = jkp.outputs

    def greedy(site, ctx):
        yield from original(site, ctx)
        yield File("index.html", "bukan beranda")

    monkeypatch.setattr(jkp, "outputs", greedy)
    monkeypatch.setenv("ANTARKERJA_TODAY", TODAY.isoformat())
    root = make_repo(tmp_path / "repo")
    with pytest.raises(BuildFailed) as info:
        build_site(root, output=tmp_path / "out", today=TODAY.isoformat(), search=False)
    assert "`index.html`: `pages` dan `jkp`" in str(info.value)
    assert not (tmp_path / "out").exists()
