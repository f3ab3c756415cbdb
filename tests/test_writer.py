"""The writer: files reach the disk from a background thread and from forked workers."""

from __future__ import annotations

import pytest

from antarkerja.writer import ForkedWorker, PageWriter, finish_all


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
