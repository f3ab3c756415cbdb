"""How rendered bytes reach the disk: a background writer thread and forked page workers.

The generator decides what exists (:mod:`antarkerja.site.outputs`); this module decides how it is
written. :class:`PageWriter` writes on a background thread, so disk waits overlap with
rendering. :class:`ForkedWorker` runs a share of the work in a forked process (copy-on-write:
the model is not pickled) with its own writer; :func:`finish_all` collects their failures.
No page's content depends on who wrote it.

Each writer also records which files it linked from the previous output and which it wrote
(:class:`WriteLog`): :func:`keep_unchanged` then need not read or compare them again. In a
sparse build (published in place, :mod:`antarkerja.site.publish`) an unchanged file is not
even linked: it stays where it is, and the output gets only new and changed files.

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


class WriteLog:
    """What the writers of one build did with each file of ``output``: ``linked`` (made a hard
    link to the same file of ``previous``, the site it replaces: same bytes, same inode) or
    ``written`` (new bytes, or a file whose old bytes differed or could not be linked).

    :func:`keep_unchanged` (or, published in place, :func:`antarkerja.site.publish.plan_in_place`)
    counts these without opening them; only the files other code wrote (Pelican's static
    files, the search index, the output marker) are compared there.
    """

    def __init__(self, output: Path, previous: Path | None, sparse: bool = False):
        self.output = Path(output)
        self.previous = Path(previous) if previous is not None else None
        # Sparse: ``output`` holds only new and changed files, a ``linked`` file stays where
        # it is in ``previous`` (published in place: antarkerja.site.publish).
        self.sparse = sparse and self.previous is not None
        self.linked: set[str] = set()
        self.written: set[str] = set()

    def locate(self, rel: str) -> Path:
        """Where file ``rel`` of the site being built is now: in ``output``, or, in a sparse
        build, where it is kept in ``previous``."""
        path = self.output / rel
        if self.sparse and not os.path.lexists(path):
            return self.previous / rel
        return path

    def add(self, linked, written) -> None:
        self.linked.update(linked)
        self.written.update(written)


LOG: WriteLog | None = None  # the log of the build running in this process (set by build_site)


class PageWriter:
    """Writes files on a background thread.

    The queue is bounded: at most ``backlog`` rendered pages wait in memory, whatever the
    size of the site. The first error stops writing and is raised by :meth:`put`/:meth:`close`.
    """

    KEEP_BATCH = 512  # kept files per queue item (200,000 at 100,000 vacancies)

    def __init__(self, output: Path, backlog: int = 256, previous: Path | None = None, sparse: bool = False):
        self.output = Path(output)
        # The site this build replaces: a file with the same bytes there is linked, not
        # written, so it keeps its inode and time (see keep_unchanged, which does the rest).
        self.previous = Path(previous) if previous else None
        # Sparse (published in place): such a file is not linked either, only recorded; the
        # output then holds only what is new or changed (WriteLog.sparse).
        self.sparse = sparse and self.previous is not None
        self.queue: queue.Queue = queue.Queue(maxsize=backlog)
        self.error: BaseException | None = None
        self.dirs: set[str] = set()  # folders made (as strings: the kept files' path is all strings)
        self.kept: list[str] = []  # kept files not yet handed to the thread (see keep)
        self.claimed: dict[str, str] = {}  # site-relative path -> the family that writes it
        self.linked: list[str] = []  # files made links to the previous output's (same bytes)
        self.written: list[str] = []  # files written (see WriteLog)
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
                if isinstance(rel_path, list):  # kept: the render cache checked the previous files' bytes
                    self._link_kept(rel_path)
                    continue
                path = self.output / rel_path
                if self.sparse and _holds(self.previous / rel_path, data):
                    self.linked.append(rel_path)
                    continue
                self._make_folder(os.fspath(path.parent))
                if self.previous is not None and _link_if_same(self.previous / rel_path, data, path):
                    linked = True
                else:
                    path.write_bytes(data)
                    linked = False
                (self.linked if linked else self.written).append(rel_path)
            except BaseException as exc:  # re-raised on the rendering thread
                self.error = exc

    def _link_kept(self, rels: list[str]) -> None:
        """Each file of ``rels`` becomes the previous output's (a hard link; a copy where links
        are not possible). Strings, not Path objects: this runs once per kept page, and the
        thread holds the interpreter while it builds paths."""
        output, previous = os.fspath(self.output), os.fspath(self.previous)
        for rel in rels:
            path = f"{output}/{rel}"
            self._make_folder(path.rpartition("/")[0])
            (self.linked if _link_or_copy(f"{previous}/{rel}", path) else self.written).append(rel)

    def _make_folder(self, folder: str) -> None:
        if folder not in self.dirs:
            os.makedirs(folder, exist_ok=True)
            self.dirs.add(folder)

    def claim(self, rel_path: str, family: str) -> str:
        """Reserve ``rel_path`` for ``family`` and return its normal form; :class:`OutputCollision`
        if anything has it already."""
        key = Path(rel_path).as_posix().lstrip("/")
        if key in self.claimed:
            raise OutputCollision(
                f"dua keluaran menulis berkas yang sama `{key}`: `{self.claimed[key]}` dan `{family}`. "
                "Periksa id atau slug yang sama dengan alamat buatan situs (rute di urls.py)."
            )
        self.claimed[key] = family
        return key

    def claim_all(self, claimed: dict[str, str]) -> None:
        """The paths another process's writer claimed (:attr:`ForkedWorker.claimed`), checked
        against this writer's: one file, one family, whichever process wrote it."""
        for key, family in claimed.items():
            self.claim(key, family)

    def put(self, rel_path: str, data: bytes, family: str = "?") -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((self.claim(rel_path, family), data))

    def keep(self, rel_path: str, family: str = "?") -> None:
        """The file ``rel_path`` of the previous output becomes this output's (the render
        cache found its bytes current: :class:`antarkerja.site.cache.PageMemo`)."""
        if self.error is not None:
            raise self.error
        if self.previous is None:
            raise ValueError("keep() needs the previous output")
        rel = self.claim(rel_path, family)
        if self.sparse:  # it stays where it is
            self.linked.append(rel)
            return
        self.kept.append(rel)
        if len(self.kept) >= self.KEEP_BATCH:  # one queue item per batch: the queue's locks cost more than a link
            self._hand_over_kept()

    def _hand_over_kept(self) -> None:
        if self.kept:
            self.queue.put((self.kept, None))
            self.kept = []

    def close(self) -> None:
        self._hand_over_kept()
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


class ForkedWorker:
    """A forked process that runs ``job(writer)`` with its own :class:`PageWriter`; what
    ``job`` returns (picklable) is :attr:`result`, what its writer linked and wrote
    :attr:`files`, and the paths it claimed :attr:`claimed`, once :meth:`finish` has returned.

    Fork before the parent starts its own writer thread: fork copies only the calling thread.
    """

    def __init__(
        self,
        output: Path,
        job: Callable[[PageWriter], None],
        name: str = "antarkerja-pages",
        previous: Path | None = None,
        daemon: bool = True,
        sparse: bool = False,
    ):
        ctx = multiprocessing.get_context("fork")
        self.receive, send = ctx.Pipe(duplex=False)
        self.result = None
        self.files: tuple[list[str], list[str]] = ([], [])
        self.claimed: dict[str, str] = {}
        args = (Path(output), job, send, previous, sparse)
        # Not a daemon when its job forks workers of its own (a daemon may not have children).
        self.process = ctx.Process(target=self._run, args=args, name=name, daemon=daemon)
        self.process.start()
        send.close()

    @staticmethod
    def _run(output, job, send, previous=None, sparse=False):
        try:
            writer = PageWriter(output, previous=previous, sparse=sparse)
            try:
                result = job(writer)
            finally:
                writer.close()
            send.send((None, result, (writer.linked, writer.written), writer.claimed))
        except BaseException as exc:  # reported by the parent as a build failure
            send.send((f"{type(exc).__name__}: {exc}", None, ([], []), {}))

    def finish(self) -> str | None:
        """Wait for the worker; its error message, or None when all its files are written."""
        try:
            message, self.result, self.files, self.claimed = self.receive.recv()
        except EOFError:
            message = "proses penulis halaman berhenti tanpa kabar"
        self.process.join()
        if message is None and self.process.exitcode != 0:
            message = f"proses penulis halaman keluar dengan kode {self.process.exitcode}"
        return message


def finish_all(workers: list[ForkedWorker]) -> list[str]:
    """Wait for every worker; the messages of those that failed."""
    return [message for message in (w.finish() for w in workers) if message]


def keep_unchanged(new: Path, old: Path, log: WriteLog | None = None) -> dict[str, int]:
    """Make every file of the finished site ``new`` whose bytes equal those of the same file
    in the previous site ``old`` *be* that file (a hard link to it), so unchanged files keep
    their inode and modification time when ``new`` replaces ``old``: a sync or upload that
    looks at times, and a reader's cache, see only what changed.

    ``log`` (:class:`WriteLog`, for ``new`` replacing ``old``) tells what the writers already
    did: a file they linked is unchanged and one they wrote is changed, without opening
    either (their bytes were compared when written). Only the other files are compared
    here. Both trees are listed (names only, no file opened) to count what was removed.

    Returns counts: ``changed`` (new or different bytes), ``unchanged`` and ``removed`` (in
    ``old`` only). Where hard links are not possible, files stay as written (same bytes).
    """
    stats = {"changed": 0, "unchanged": 0, "removed": 0}
    old_ok = old.is_dir() and not old.is_symlink()
    if log is not None and (log.output != new or log.previous != (old if old_ok else None)):
        log = None  # another build's: compare everything
    linked, written = (log.linked, log.written) if log is not None else ((), ())
    present = file_names(new)
    for rel in present:
        if rel in linked:
            stats["unchanged"] += 1
            continue
        if rel in written:
            stats["changed"] += 1
            continue
        path = new / rel
        if old_ok and same_bytes(path, old / rel):
            if os.path.samefile(path, old / rel):  # already the old file (rename would not replace it)
                stats["unchanged"] += 1
                continue
            try:
                tmp = path.with_name(f".{path.name}.keep-{os.getpid()}")
                os.link(old / rel, tmp)
                os.replace(tmp, path)
                stats["unchanged"] += 1
                continue
            except OSError:
                pass
        stats["changed"] += 1
    if old_ok:
        stats["removed"] = len(file_names(old) - present)
    return stats


def file_names(folder: Path) -> set[str]:
    """The paths of the files under ``folder``, relative and with ``/`` (as :func:`os.walk`
    sees them: a link to a folder is not followed), from directory listings alone."""
    return tree_listing(folder)[0]


def tree_listing(folder: Path) -> tuple[set[str], set[str]]:
    """:func:`file_names` of ``folder``, and its folders that hold nothing (relative, ``/``),
    from one pass over its directory listings."""
    files: set[str] = set()
    empty: set[str] = set()
    todo = [(os.fspath(folder), "")]
    while todo:
        path, prefix = todo.pop()
        seen = False
        with os.scandir(path) as entries:
            for entry in entries:
                seen = True
                if entry.is_dir():
                    if not entry.is_symlink():
                        todo.append((entry.path, f"{prefix}{entry.name}/"))
                else:
                    files.add(prefix + entry.name)
        if not seen and prefix:
            empty.add(prefix.rstrip("/"))
    return files, empty


def link_or_copy(src, dst) -> bool:
    """``dst`` becomes ``src`` (a hard link: no bytes copied; True), or a copy where links are
    not possible (another file system; False)."""
    Path(dst).parent.mkdir(parents=True, exist_ok=True)
    return _link_or_copy(src, dst)


def _link_or_copy(src, dst) -> bool:
    """:func:`link_or_copy` into a folder that exists (the writer thread makes each once)."""
    try:
        os.link(src, dst)
        return True
    except OSError:
        shutil.copy2(src, dst)
        return False


def _link_if_same(old: Path, data: bytes, path: Path) -> bool:
    """Link ``path`` to ``old`` when ``old`` is a regular file holding exactly ``data``."""
    if not _holds(old, data):
        return False
    try:
        os.link(old, path)
        return True
    except OSError:
        return False


def _holds(old: Path, data: bytes) -> bool:
    """``old`` is a regular file holding exactly ``data``."""
    try:
        info = os.lstat(old)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        with open(old, "rb") as f:
            return f.read(len(data) + 1) == data
    except OSError:
        return False


def same_bytes(new: Path, old: Path) -> bool:
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
