"""How rendered bytes reach the disk: a background writer thread and forked page workers.

The generator decides what exists (:mod:`antarkerja.site.outputs`); this module decides how it is
written. :class:`PageWriter` writes on a background thread, so disk waits overlap with
rendering. :class:`ForkedWorker` runs a share of the work in a forked process (copy-on-write:
the model is not pickled) with its own writer; :func:`finish_all` collects their failures.
No page's content depends on who wrote it.

Every path is claimed once (:meth:`PageWriter.claim`, like Pelican's ``Writer._written_files``):
a second output for the same file stops the build and names both families, instead of one
page silently replacing another (an office with id ``layanan`` once replaced
``kantor/layanan/``).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import shutil
import stat
import threading
from collections.abc import Callable
from pathlib import Path

from antarkerja.errors import BuildFailed


class OutputCollision(BuildFailed):
    """Two outputs claimed one file; the message names the file and both families."""


class PageWriter:
    """Writes files on a background thread.

    The queue is bounded: at most ``backlog`` rendered pages wait in memory, whatever the
    size of the site. The first error stops writing and is raised by :meth:`put`/:meth:`close`.
    """

    def __init__(self, output: Path, backlog: int = 256, previous: Path | None = None):
        self.output = Path(output)
        # The site this build replaces: a file with the same bytes there is linked, not
        # written, so it keeps its inode and time (see keep_unchanged, which does the rest).
        self.previous = Path(previous) if previous else None
        self.queue: queue.Queue = queue.Queue(maxsize=backlog)
        self.error: BaseException | None = None
        self.dirs: set[Path] = set()
        self.claimed: dict[str, str] = {}  # site-relative path -> the family that writes it
        self.thread = threading.Thread(target=self._run, name="antarkerja-writer", daemon=True)
        self.thread.start()

    def _run(self):
        while True:
            item = self.queue.get()
            if item is None:
                return
            if self.error is not None:
                continue
            rel_path, data = item
            try:
                path = self.output / rel_path
                if path.parent not in self.dirs:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    self.dirs.add(path.parent)
                if data is None:  # kept: the render cache checked the previous file's bytes
                    link_or_copy(self.previous / rel_path, path)
                elif not (self.previous is not None and _link_if_same(self.previous / rel_path, data, path)):
                    path.write_bytes(data)
            except BaseException as exc:  # re-raised on the rendering thread
                self.error = exc

    def claim(self, rel_path: str, family: str) -> None:
        """Reserve ``rel_path`` for ``family``; :class:`OutputCollision` if anything has it already."""
        key = Path(rel_path).as_posix().lstrip("/")
        if key in self.claimed:
            raise OutputCollision(
                f"dua keluaran menulis berkas yang sama `{key}`: `{self.claimed[key]}` dan `{family}`. "
                "Periksa id atau slug yang sama dengan alamat buatan situs (rute di urls.py)."
            )
        self.claimed[key] = family

    def put(self, rel_path: str, data: bytes, family: str = "?") -> None:
        if self.error is not None:
            raise self.error
        self.claim(rel_path, family)
        self.queue.put((rel_path, data))

    def keep(self, rel_path: str, family: str = "?") -> None:
        """The file ``rel_path`` of the previous output becomes this output's (the render
        cache found its bytes current: :class:`antarkerja.site.cache.PageMemo`)."""
        if self.error is not None:
            raise self.error
        if self.previous is None:
            raise ValueError("keep() needs the previous output")
        self.claim(rel_path, family)
        self.queue.put((rel_path, None))

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


class ForkedWorker:
    """A forked process that runs ``job(writer)`` with its own :class:`PageWriter`; what
    ``job`` returns (picklable) is :attr:`result` once :meth:`finish` has returned.

    Fork before the parent starts its own writer thread: fork copies only the calling thread.
    """

    def __init__(
        self,
        output: Path,
        job: Callable[[PageWriter], None],
        name: str = "antarkerja-pages",
        previous: Path | None = None,
    ):
        ctx = multiprocessing.get_context("fork")
        self.receive, send = ctx.Pipe(duplex=False)
        self.result = None
        args = (Path(output), job, send, previous)
        self.process = ctx.Process(target=self._run, args=args, name=name, daemon=True)
        self.process.start()
        send.close()

    @staticmethod
    def _run(output, job, send, previous=None):
        try:
            writer = PageWriter(output, previous=previous)
            try:
                result = job(writer)
            finally:
                writer.close()
            send.send((None, result))
        except BaseException as exc:  # reported by the parent as a build failure
            send.send((f"{type(exc).__name__}: {exc}", None))

    def finish(self) -> str | None:
        """Wait for the worker; its error message, or None when all its files are written."""
        try:
            message, self.result = self.receive.recv()
        except EOFError:
            message = "proses penulis halaman berhenti tanpa kabar"
        self.process.join()
        if message is None and self.process.exitcode != 0:
            message = f"proses penulis halaman keluar dengan kode {self.process.exitcode}"
        return message


def finish_all(workers: list[ForkedWorker]) -> list[str]:
    """Wait for every worker; the messages of those that failed."""
    return [message for message in (w.finish() for w in workers) if message]


def keep_unchanged(new: Path, old: Path) -> dict[str, int]:
    """Make every file of the finished site ``new`` whose bytes equal those of the same file
    in the previous site ``old`` *be* that file (a hard link to it), so unchanged files keep
    their inode and modification time when ``new`` replaces ``old``: a sync or upload that
    looks at times, and a reader's cache, see only what changed.

    Returns counts: ``changed`` (new or different bytes), ``unchanged`` and ``removed`` (in
    ``old`` only). Where hard links are not possible, files stay as written (same bytes).
    """
    stats = {"changed": 0, "unchanged": 0, "removed": 0}
    seen: set[str] = set()
    old_ok = old.is_dir() and not old.is_symlink()
    for folder, _dirs, names in os.walk(new):
        for name in names:
            path = Path(folder) / name
            rel = path.relative_to(new).as_posix()
            seen.add(rel)
            if old_ok and _same_bytes(path, old / rel):
                if os.path.samefile(path, old / rel):  # already the old file (rename would not replace it)
                    stats["unchanged"] += 1
                    continue
                try:
                    tmp = path.with_name(f".{name}.keep-{os.getpid()}")
                    os.link(old / rel, tmp)
                    os.replace(tmp, path)
                    stats["unchanged"] += 1
                    continue
                except OSError:
                    pass
            stats["changed"] += 1
    if old_ok:
        for folder, _dirs, names in os.walk(old):
            for name in names:
                if (Path(folder) / name).relative_to(old).as_posix() not in seen:
                    stats["removed"] += 1
    return stats


def link_or_copy(src, dst) -> None:
    """``dst`` becomes ``src`` (a hard link: no bytes copied), or a copy where links are not
    possible (another file system)."""
    Path(dst).parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _link_if_same(old: Path, data: bytes, path: Path) -> bool:
    """Link ``path`` to ``old`` when ``old`` is a regular file holding exactly ``data``."""
    try:
        info = os.lstat(old)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        with open(old, "rb") as f:
            if f.read(len(data) + 1) != data:
                return False
        os.link(old, path)
        return True
    except OSError:
        return False


def _same_bytes(new: Path, old: Path) -> bool:
    try:
        a, b = os.lstat(new), os.lstat(old)
    except OSError:
        return False
    if not (stat.S_ISREG(b.st_mode) and stat.S_ISREG(a.st_mode)) or a.st_size != b.st_size:
        return False
    if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino):
        return True
    with open(new, "rb") as f, open(old, "rb") as g:
        while True:
            x, y = f.read(1 << 20), g.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True
