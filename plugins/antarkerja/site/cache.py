"""The build cache: what a rebuild may reuse, keyed by the content of everything it depends on.

Every output is a pure function of its inputs (records, reference data, templates, theme and
code, settings, today). The cache keeps what measurement showed worth keeping (see
docs/performance.md, "Incremental build", and docs/publishing.md, "Build cache"):

- **checked records** (:class:`RecordMemo`): each record's parsed data and diagnostics, keyed
  by the file's bytes, its path, and an *environment key* (code, reference data), with the
  days on which the check finds the same (one rule reads today). An unchanged file is not
  parsed or checked again; cross-file checks still run over every record (they are cheap and
  read the cached data).
- **Pagefind bundles**: each bundle's finished (canonical) files, keyed by the bytes and paths
  of the pages it indexes and the code and Pagefind version. A changed vacancy re-indexes its
  province's bundle (and the national one while there is one); the others are copied back.
- **rendered pages** (:class:`PageMemo`, vacancy pages and printable notices): a page whose
  key (everything it reads) is unchanged is linked from the previous output, not rendered.
- **derived texts** (:class:`TextMemo`): feed summaries by the digest of their description.

Records and derived texts are kept in 256 files each (:func:`shard_name`), so that a build
writes only the files whose entries changed; bundles keep their files' stamps in the last
published site (:meth:`BuildCache.stamp_bundles`), so that unchanged ones are linked unread.

Other families are rendered again on every build, and the writer then writes only the files
whose bytes changed (:mod:`antarkerja.site.writer`), so the output stays exact by construction.

Nothing read from the cache is trusted: every file carries a checksum of its payload, the
records file unpickles only the few classes it holds, and a bundle's files are checked
against their recorded hashes before use. A damaged, partial or foreign entry is ignored and
the build says so in one line (:attr:`BuildCache.notes`). Writes go to a temporary name and
are renamed into place, and entries are content-addressed, so two builds sharing one cache at
once can only both write the same correct bytes.

The cache holds what the last build used, no more (:meth:`BuildCache.prune`): the issue's
budget is a cache at most the size of the output, and an entry no build read is only disk.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import shutil
import sys
import time
import zlib
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import NamedTuple

from jinja2 import meta
from markupsafe import Markup

from antarkerja.paths import REPO
from antarkerja.records.rules.common import same_findings_from
from antarkerja.records.validate import paused_gc
from antarkerja.site.templating import compile_options

FORMAT = 2  # bump when the layout of the cache changes (2: pages record what the index reads)
MAGIC = b"ANTARKERJA-CACHE"
DEFAULT_FOLDER = Path(".cache") / "antarkerja"
ENV_VAR = "ANTARKERJA_BUILD_CACHE"  # a folder, or "off"


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


_CODE_HASH: str | None = None


def code_hash() -> str:
    """One hash of the package's code, the theme (templates, static files) and the installed
    Pagefind and Python versions: any change to them invalidates every cached result."""
    global _CODE_HASH
    if _CODE_HASH is None:
        from importlib.metadata import PackageNotFoundError, version

        h = hashlib.blake2b(digest_size=20)
        h.update(f"format {FORMAT}\n".encode())
        h.update(f"python {sys.version}\n".encode())
        for dist in ("pagefind-bin", "pelican", "jinja2", "pyyaml", "cerberus", "markdown", "nh3"):
            try:
                h.update(f"{dist} {version(dist)}\n".encode())
            except PackageNotFoundError:
                h.update(f"{dist} -\n".encode())
        package = Path(__file__).resolve().parents[1]
        for folder in (package, REPO / "theme"):
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                    h.update(path.relative_to(folder).as_posix().encode() + b"\0")
                    h.update(digest(path.read_bytes()).encode() + b"\n")
        _CODE_HASH = h.hexdigest()
    return _CODE_HASH


def folder_digest(folder: Path) -> str:
    """The paths and bytes of every file under ``folder`` (reference data, for example)."""
    h = hashlib.blake2b(digest_size=20)
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                h.update(path.relative_to(folder).as_posix().encode() + b"\0" + digest(path.read_bytes()).encode())
    return h.hexdigest()


STAMPS_FILE = "stamps.bin"  # beside a bundle's manifest: its files' stamps in the published site


class PlacedBundle(NamedTuple):
    """A bundle of this build's site: where it is, its files' digests, the stamps it held."""

    folder: str | None  # in the site (search.index_site says: BuildCache.placed_bundle)
    files: dict[str, str]  # file -> digest
    stamps: dict[str, str]  # file -> stamp, as read when it was restored (empty if new)


class CacheRejected(Exception):
    """A cache file that must not be used (damaged, partial, edited or of another version)."""


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs on this machine (a temporary name holds its writer's pid)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _abandoned(name: str) -> bool:
    """A temporary name (``.<name>.tmp-<pid>-<ns>``, :func:`write_atomic`, :meth:`BuildCache.store_bundle`)
    whose writer is gone: a build killed mid-write left it."""
    pid = name.rpartition(".tmp-")[2].split("-")[0]
    return pid.isdigit() and int(pid) != os.getpid() and not process_alive(int(pid))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` under a temporary name, then rename it into place: a reader
    sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{time.monotonic_ns()}")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def seal(payload: bytes, code: str) -> bytes:
    return MAGIC + f" {FORMAT} {code} {digest(payload)} {len(payload)}\n".encode() + payload


def unseal(data: bytes, code: str) -> bytes:
    """The payload of a sealed file; :class:`CacheRejected` with the reason if it is not sound."""
    head, sep, payload = data.partition(b"\n")
    parts = head.split(b" ")
    if not sep or len(parts) != 5 or parts[0] != MAGIC:
        raise CacheRejected("bukan berkas cache atau terpotong")
    if parts[1] != str(FORMAT).encode() or parts[2] != code.encode():
        raise CacheRejected("dibuat oleh versi kode lain")
    if parts[4] != str(len(payload)).encode():
        raise CacheRejected("terpotong (ukuran tidak cocok)")
    if parts[3] != digest(payload).encode():
        raise CacheRejected("isinya berubah (checksum tidak cocok)")
    return payload


# Classes the records file may hold: a record's data (plain YAML values, dates) and the
# loader's and validator's results. Anything else in the file is refused, not built.
_ALLOWED = {
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
    ("pathlib", "Path"),
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("antarkerja.records.load", "Loaded"),
    ("antarkerja.records.load", "Mark"),
    ("antarkerja.records.diagnostics", "Diagnostic"),
    ("antarkerja.records.suppressions", "Suppression"),
    ("copyreg", "_reconstructor"),
    ("builtins", "object"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
}


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) not in _ALLOWED:
            raise CacheRejected(f"kelas tak dikenal di cache: {module}.{name}")
        return super().find_class(module, name)


class RecordMemo:
    """Checked records by path, for :class:`antarkerja.records.validate.RepositoryValidator`.

    ``get(path, data)`` answers the cached ``(loaded, diagnostics)`` when the file's bytes
    (``data``) and the environment are those it was checked with and ``today`` is a day on
    which the check finds the same (:func:`antarkerja.records.rules.common.same_findings_from`:
    a nightly run checks no unchanged record again); ``put`` records a new result. The
    validator reads each file's bytes once to ask.
    """

    def __init__(self, env: str, entries: dict, today: date):
        self.env = env
        self.today = today
        self.old = entries  # path -> (file digest, loaded, diagnostics, (first, last day it holds))
        self.new: dict = {}
        self.hits = 0
        self.misses = 0

    def get(self, path: Path, data: bytes):
        key = digest(data)
        entry = self.old.get(str(path))
        if entry is not None and entry[0] == key and entry[3][0] <= self.today <= entry[3][1]:
            self.hits += 1
            self.new[str(path)] = entry
            return entry[1], list(entry[2])
        self.misses += 1
        return None

    def sources(self) -> dict[int, tuple[str, str]]:
        """``id(record data)`` → ``("berkas", path, digest of its bytes)`` for every record of
        this build: its data is what the code made of those bytes with this reference data
        (what :meth:`get` trusts). By id: the records live as long as the build."""
        return {
            id(entry[1].data): ("berkas", path, entry[0])
            for path, entry in self.new.items()
            if entry[1].data is not None
        }

    def put(self, path: Path, data: bytes, loaded, found) -> None:
        first = same_findings_from(loaded.data, self.today, {d.code for d in found})
        days = (first, date.max) if first is not None else (self.today, self.today)
        self.new[str(path)] = (digest(data), loaded, list(found), days)


class BuildCache:
    """The cache folder of one build. ``folder`` None means no cache (every step runs)."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder).resolve() if folder is not None else None
        self.notes: list[str] = []  # one line per cache problem met, printed by the build
        # When this build began: an entry touched since then is this build's or a concurrent one's (kept by prune).
        self.started = time.time()
        self.saved: set[Path] = set()  # records, pages and summaries files this build wrote (kept by prune)
        self.used_bundles: set[str] = set()
        # Bundles of this build's site, to stamp once the site is published (stamp_bundles).
        self.placed_bundles: dict[str, PlacedBundle] = {}
        self.bundle_hits = 0
        self.page_hits = 0  # pages the render cache kept (linked, not rendered)
        self.page_misses = 0
        self.bundle_misses = 0
        self.memo: RecordMemo | None = None
        self.texts: TextMemo | None = None  # derived texts (a vacancy's summary), see text_memo()
        self.pages_saved: tuple[Path, PageMemo] | None = None  # to stamp once published (stamp_pages)
        self.require_hits = False  # a merge: every bundle must come from the shards' results
        self._env = ""
        self._record_parts: dict[str, dict] = {}  # the shards as loaded (save_records writes those that differ)
        self._text_parts: dict[str, dict] = {}
        if self.folder is not None:
            self._check_version()

    @classmethod
    def for_root(cls, root: Path, folder: str | os.PathLike | None = None) -> BuildCache:
        """``folder`` (or ``$ANTARKERJA_BUILD_CACHE``), else ``<root>/.cache/antarkerja``; ``off``: none."""
        chosen = folder if folder is not None else os.environ.get(ENV_VAR)
        if chosen is not None and str(chosen) == "off":
            return cls(None)
        return cls(Path(chosen) if chosen else Path(root) / DEFAULT_FOLDER)

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def _check_version(self) -> None:
        """A cache written by other code is emptied (its keys could never match again)."""
        stamp = self.folder / "version"
        try:
            found = stamp.read_text(encoding="ascii").strip() if stamp.is_file() else None
        except (OSError, UnicodeDecodeError):
            found = "?"
        if found == code_hash():
            return
        if found is not None:
            self.note(f"cache {self.folder} dibuat oleh versi kode lain dan tidak dipakai; dibangun penuh")
            for name in ("records", "pagefind", "pages", "texts"):
                shutil.rmtree(self.folder / name, ignore_errors=True)
        try:
            write_atomic(stamp, (code_hash() + "\n").encode("ascii"))
        except OSError as exc:
            self.note(f"cache {self.folder} tidak bisa ditulis ({exc.strerror}); dibangun tanpa cache")
            self.folder = None

    # Records -------------------------------------------------------------------------
    def record_memo(self, root: Path, today) -> RecordMemo | None:
        """The memo of checked records for ``root`` as it was built with the same code,
        reference data and today; empty when there is none or it cannot be trusted."""
        if self.folder is None:
            return None
        root = Path(root).resolve()
        # Not today: each entry says on which days it holds (RecordMemo.get).
        self._env = digest(f"{code_hash()} {folder_digest(root / 'content' / 'reference')}".encode())

        def decode(payload: bytes) -> dict:
            env, entries = _SafeUnpickler(io.BytesIO(payload)).load()
            if not isinstance(entries, dict):
                raise CacheRejected("bentuk isinya salah")
            return entries if env == self._env else {}  # other reference data: nothing applies

        # Millions of objects, no garbage: without the cyclic collector walking them again
        # and again, loading 100,000 records took 3.5 s instead of 11.7.
        with paused_gc():
            self._record_parts = self._load_shards(
                self._records_folder(root), decode, "cache data {} tidak dipakai ({}); berkasnya diperiksa ulang"
            )
        entries = {key: value for part in self._record_parts.values() for key, value in part.items()}
        self.memo = RecordMemo(self._env, entries, today)
        return self.memo

    def save_records(self, root: Path) -> None:
        """The checked records, in shards: a shard whose entries all answered and that lost
        none is touched, not written (a re-run or a nightly run writes none; one change, one)."""
        if self.folder is None or self.memo is None:
            return
        env = self.memo.env
        self._save_shards(
            self._records_folder(Path(root).resolve()),
            self.memo.new,
            self._record_parts,
            lambda part: pickle.dumps((env, part), protocol=pickle.HIGHEST_PROTOCOL),
            "cache data",
        )

    # Shards: the records and the derived texts are a file each per 1/256 of their keys, so
    # that one change rewrites a few small files, not the whole 150 MB of records at 100,000
    # vacancies (6 s of every build that checked a record again).
    def _load_shards(self, folder: Path, decode, note: str) -> dict[str, dict]:
        """Each sound shard file of ``folder``, decoded; a damaged or foreign one is left out
        with one line (``note``, formatted with its name and the reason): its entries are
        made again, the other shards' are used."""
        parts: dict[str, dict] = {}
        if not folder.is_dir():
            return parts
        for path in sorted(folder.glob("*.bin")):
            label = f"{folder.name[:12]}/{path.name}"
            try:
                parts[path.stem] = decode(unseal(path.read_bytes(), code_hash()))
            except CacheRejected as exc:
                self.note(note.format(label, exc))
            except Exception as exc:  # any decoding failure: a damaged file, never trusted
                self.note(note.format(label, f"rusak: {type(exc).__name__}"))
        return parts

    def _save_shards(self, folder: Path, entries: dict, old_parts: dict[str, dict], encode, what: str) -> None:
        """Write ``entries`` in shards (:func:`shard_name`); a shard equal to the one loaded
        (``old_parts``: the same keys, and values the same objects or equal) is touched,
        not written. Shards no entry falls in any more are removed."""
        parts: dict[str, dict] = {}
        for key, value in entries.items():
            parts.setdefault(shard_name(key), {})[key] = value
        self.saved.add(folder)
        for name, part in sorted(parts.items()):
            path = folder / f"{name}.bin"
            if part == old_parts.get(name):
                try:  # still this build's for prune, and for that of another build sharing the cache
                    os.utime(path)
                    self.saved.add(path)
                    continue
                except OSError:
                    pass  # gone meanwhile: written below
            self._save(path, encode(part), what)
        for path in folder.glob("*.bin") if folder.is_dir() else ():
            if path.stem not in parts:
                path.unlink(missing_ok=True)
        try:
            os.utime(folder)
        except OSError:
            pass

    def _save(self, path: Path, payload: bytes, what: str) -> None:
        """Write one of this build's files (sealed with the code hash), kept by :meth:`prune`;
        a failed write costs the next build a cache miss and is said, never raised."""
        try:
            self.saved.add(path)
            write_atomic(path, seal(payload, code_hash()))
        except OSError as exc:
            self.note(f"{what} tidak tersimpan ({exc.strerror})")

    def _records_folder(self, root: Path) -> Path:
        return self.folder / "records" / digest(str(root).encode())

    # Pagefind bundles ----------------------------------------------------------------
    @staticmethod
    def bundle_key(name: str, pages: list[tuple[str, str]]) -> str:
        """The key of a bundle: its name, its pages' paths and the digests of what Pagefind
        reads of them (:meth:`index_digest`), the code."""
        h = hashlib.blake2b(digest_size=20)
        h.update(f"{code_hash()} {name}\n".encode())
        for rel, part_digest in sorted(pages):
            h.update(rel.encode() + b"\0" + part_digest.encode() + b"\n")
        return h.hexdigest()

    def index_digest(self, rel: str, locate) -> str:
        """The digest of what the search index reads of page ``rel`` (its
        ``data-pagefind-body`` element, :func:`antarkerja.site.search.indexed_part`): the
        render cache's record (:meth:`save_pages`), else read from ``locate(rel)``. A vacancy
        that expired but stays in its bundle (:mod:`antarkerja.site.index_window`) has a new
        page and the same article, so its bundle keeps its key."""
        if self.pages_saved is not None:
            entry = self.pages_saved[1].new.get(rel)
            if entry is not None and entry[3]:
                return entry[3]
        return index_digest(locate(rel).read_bytes())

    def restore_bundle(
        self, key: str, dest: Path, previous: Path | None = None, log=None, sparse: bool = False
    ) -> bool:
        """Copy the cached bundle ``key`` to ``dest``; False (and nothing at ``dest``) when there
        is none or it fails its checks.

        ``previous`` is the same bundle's folder in the site this build replaces: a file there
        with the recorded digest is linked instead (same bytes, same inode), and ``log``
        (``(linked, written)`` sets of paths relative to ``dest``) says which, so that the
        build need not compare the search index again (writer.keep_unchanged). At 100,000
        vacancies that comparison took 10 to 15 s of every build. ``sparse`` (a build
        published in place): such a file is not linked either, it stays where it is.
        """
        if self.folder is None:
            return False
        entry = self.folder / "pagefind" / key
        manifest_path = entry / "manifest.bin"
        if not manifest_path.is_file():
            self.bundle_misses += 1
            return False
        linked, written = [], []
        try:
            files = json.loads(unseal(manifest_path.read_bytes(), code_hash()))
            stamps = self._bundle_stamps(entry)
            dest.mkdir(parents=True)
            folders = {dest}
            for rel, want in files.items():
                target = dest / rel
                unchanged = previous is not None and _unchanged(previous / rel, stamps.get(rel), want)
                if unchanged and sparse:
                    linked.append(rel)
                    continue
                if target.parent not in folders:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    folders.add(target.parent)
                if unchanged:
                    os.link(previous / rel, target)
                    linked.append(rel)
                    continue
                data = (entry / "files" / rel).read_bytes()
                if digest(data) != want:
                    raise CacheRejected(f"berkas {rel} berubah")
                target.write_bytes(data)
                written.append(rel)
        except (CacheRejected, OSError, ValueError, AttributeError) as exc:
            shutil.rmtree(dest, ignore_errors=True)
            shutil.rmtree(entry, ignore_errors=True)
            self.note(f"cache indeks pencarian {key[:12]} tidak dipakai ({exc}); bundel diindeks ulang")
            self.bundle_misses += 1
            return False
        if log is not None:
            log[0].update(linked)
            log[1].update(written)
        os.utime(manifest_path)  # used since this build began: a concurrent build's prune keeps it
        self.used_bundles.add(key)
        self.bundle_hits += 1
        self.placed_bundles[key] = PlacedBundle(None, files, stamps)  # its site folder: placed_bundle()
        return True

    def placed_bundle(self, key: str, folder: str) -> None:
        """Bundle ``key`` is in the site at ``folder`` (restored, or indexed and stored)."""
        if key in self.placed_bundles:
            self.placed_bundles[key] = self.placed_bundles[key]._replace(folder=folder)

    def stamp_bundles(self, output: Path) -> None:
        """Once the site is published in ``output``: the stamp of each file of its bundles
        (:func:`file_stamp`), kept with the bundle, so that the next build links those it
        finds unchanged without reading them. Reading and hashing every previous bundle file
        (410 MB in 102,000 files at 100,000 vacancies) took most of a warm index step."""
        for key, (folder, files, recorded) in self.placed_bundles.items():
            if folder is None:
                continue
            stamps = {}
            for rel in files:
                try:
                    stamps[rel] = file_stamp(output / folder / rel)
                except OSError:
                    pass  # moved (the engine files: search.share_engine), or read next time
            if stamps != recorded:  # as read when it was restored: unchanged on a re-run
                try:
                    stamp_file = self.folder / "pagefind" / key / STAMPS_FILE
                    write_atomic(stamp_file, seal(json.dumps(stamps).encode(), code_hash()))
                except OSError:
                    pass  # the next build reads the files instead
        self.placed_bundles = {}

    @staticmethod
    def _bundle_stamps(entry: Path) -> dict[str, str]:
        """A bundle's file stamps (:meth:`stamp_bundles`); empty when absent or damaged."""
        try:
            stamps = json.loads(unseal((entry / STAMPS_FILE).read_bytes(), code_hash()))
        except (OSError, ValueError, CacheRejected):
            return {}
        return stamps if isinstance(stamps, dict) else {}

    def store_bundle(self, key: str, src: Path) -> None:
        """Keep a finished bundle; a concurrent build storing the same key wins harmlessly."""
        if self.folder is None:
            return
        parent = self.folder / "pagefind"
        entry = parent / key
        self.used_bundles.add(key)
        if entry.is_dir():
            return
        tmp = parent / f".{key}.tmp-{os.getpid()}-{time.monotonic_ns()}"
        try:
            files = {}
            for path in sorted(src.rglob("*")):
                if path.is_file():
                    rel = path.relative_to(src).as_posix()
                    data = path.read_bytes()
                    files[rel] = digest(data)
                    target = tmp / "files" / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
            (tmp / "manifest.bin").write_bytes(seal(json.dumps(files, sort_keys=True).encode(), code_hash()))
            os.rename(tmp, entry)
            self.placed_bundles[key] = PlacedBundle(None, files, {})  # a new bundle: no stamps yet
        except OSError:
            pass  # another build stored it first, or the disk refuses: only a cache miss later
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def prune(self) -> None:
        """After a successful build: keep what this build used, drop the rest.

        Kept: the bundles this build restored or stored, and the records, pages and summaries
        files it saved (all touched since it began). Also kept, for two builds sharing the cache at
        once: any entry another build touched (restored, stored, saved) since this one began,
        and temporary files of writers still running. Dropped: every other bundle, records,
        pages or summaries file (other content, an older build, another repository's), and temporary files
        left by killed builds. Sequential builds therefore leave exactly the last build's
        entries: about the size of its search index, never more than its output. Removing an
        entry another build is about to read costs that build a cache miss, never a wrong
        result: every entry is checked against its recorded hashes before use.
        """
        if self.folder is None:
            return
        for kind in ("pagefind", "records", "pages", "texts"):
            parent = self.folder / kind
            if not parent.is_dir():
                continue
            for entry in parent.iterdir():
                if entry.name.startswith("."):  # a temporary name: its writer's, while it runs
                    if ".tmp-" in entry.name and _abandoned(entry.name):
                        _remove(entry)
                    continue
                if entry.name in self.used_bundles or entry in self.saved:
                    continue
                stamp_path = entry / "manifest.bin" if kind == "pagefind" else entry
                try:
                    stamp = stamp_path.stat().st_mtime
                except OSError:
                    stamp = 0.0  # a bundle without its manifest: never usable
                if stamp < self.started:
                    _remove(entry)

    def size(self) -> int:
        if self.folder is None or not self.folder.is_dir():
            return 0
        return sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file())

    # Rendered pages ------------------------------------------------------------------
    def page_memo(self, root: Path) -> PageMemo | None:
        """What the last build of ``root`` rendered: page path -> (key, digest of its bytes,
        stamp, digest of what the search index reads of it or "")."""
        if self.folder is None:
            return None
        entries: dict[str, tuple[str, str, str, str]] = {}
        path = self._pages_file(Path(root).resolve())
        if path.is_file():
            try:
                with paused_gc():  # 370,000 entries at 100,000 vacancies, as for the records
                    entries = _parse_page_lines(unseal(path.read_bytes(), code_hash()))
            except CacheRejected as exc:
                self.note(f"cache halaman {path.name} tidak dipakai ({exc}); semua halaman dirender ulang")
                entries = {}
        return PageMemo(entries)

    def save_pages(self, root: Path, memo: PageMemo) -> None:
        """Record this build's pages (also for :meth:`index_digest` and :meth:`stamp_pages`)."""
        if self.folder is None:
            return
        self.pages_saved = (Path(root).resolve(), memo)
        self._write_pages(*self.pages_saved)

    def _write_pages(self, root: Path, memo: PageMemo) -> None:
        lines = "".join(
            f"{key}\t{data}\t{stamp}\t{part}\t{rel}\n" for rel, (key, data, stamp, part) in sorted(memo.new.items())
        )
        self._save(self._pages_file(root), lines.encode("utf-8"), "cache halaman")

    def stamp_pages(self, output: Path) -> None:
        """Once the site is published in ``output``: the stamp of each page rendered by this
        build (:class:`PageMemo`), so that the next build need not read it to trust it."""
        if self.pages_saved is None:
            return
        root, memo = self.pages_saved
        self.pages_saved = None
        stamped = False
        for rel, (key, data, stamp, part) in memo.new.items():
            if not stamp:
                try:
                    memo.new[rel] = (key, data, file_stamp(output / rel), part)
                    stamped = True
                except OSError:
                    pass  # read and checked by the next build
        if stamped:
            self._write_pages(root, memo)

    def _pages_file(self, root: Path) -> Path:
        return self.folder / "pages" / f"{digest(str(root).encode())}.txt"

    # Derived texts -------------------------------------------------------------------
    def text_memo(self, root: Path) -> TextMemo | None:
        """What the last build of ``root`` derived from record texts (:class:`TextMemo`); also
        :attr:`texts` for the families of this build."""
        if self.folder is None:
            return None

        def decode(payload: bytes) -> dict:
            part = json.loads(payload)
            if not isinstance(part, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in part.items()
            ):
                raise CacheRejected("bentuk isinya salah")
            return part

        self._text_parts = self._load_shards(
            self._texts_folder(Path(root).resolve()), decode, "cache teks {} tidak dipakai ({}); teksnya dibuat ulang"
        )
        self.texts = TextMemo({key: value for part in self._text_parts.values() for key, value in part.items()})
        return self.texts

    def save_texts(self, root: Path) -> None:
        if self.folder is None or self.texts is None:
            return
        self._save_shards(
            self._texts_folder(Path(root).resolve()),
            self.texts.new,
            self._text_parts,
            lambda part: json.dumps(part, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass"),
            "cache teks",
        )

    def _texts_folder(self, root: Path) -> Path:
        return self.folder / "texts" / digest(str(root).encode())


SHARDS = 256


def shard_name(key: str) -> str:
    """The shard of ``key`` (two hex digits): CRC-32, cheap for 500,000 keys and spread evenly."""
    return f"{zlib.crc32(key.encode('utf-8', 'surrogatepass')) % SHARDS:02x}"


def _unchanged(path: Path, stamp: str | None, want: str) -> bool:
    """``path`` holds the bytes of digest ``want``: its stamp is the one recorded when it
    did (:func:`file_stamp`), or its bytes say so."""
    if stamp is not None:
        try:
            if file_stamp(path) == stamp:
                return True
        except OSError:
            return False
    return _same_digest(path, want)


def _same_digest(path: Path, want: str) -> bool:
    try:
        with open(path, "rb") as f:
            return digest(f.read()) == want
    except OSError:
        return False


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _parse_page_lines(payload: bytes) -> dict[str, tuple[str, str, str, str]]:
    entries = {}
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        raise CacheRejected("bukan teks UTF-8") from None
    for line in text.splitlines():
        parts = line.split("\t", 4)
        if (
            len(parts) != 5
            or len(parts[0]) != 40
            or len(parts[1]) != 40
            or len(parts[3]) not in (0, 40)
            or not parts[4]
        ):
            raise CacheRejected("baris rusak")
        entries[parts[4]] = (parts[0], parts[1], parts[2], parts[3])
    return entries


def index_digest(page: bytes) -> str:
    """The digest of what the search index reads of a page (its ``data-pagefind-body``
    element), or "" when it has none."""
    from antarkerja.site.search import indexed_part

    part = indexed_part(page)
    return digest(part) if part is not None else ""


class TextMemo:
    """Texts a pure function of the code derives from a record's text, by the digest of that
    text: a vacancy's feed summary is its Markdown description rendered, sanitized and cut
    to words (``Vacancy.summary``), which cost the feeds of a re-run at 10,000 vacancies 23 s.

    The file is sealed with the code hash (other code: not used), so an entry holds exactly
    what the code makes of the text. Only entries this build used are saved.
    """

    def __init__(self, entries: dict[str, str]):
        self.old = entries
        self.new: dict[str, str] = {}
        self.hits = 0
        self.misses = 0

    def get(self, kind: str, text: str, make) -> str:
        """The ``kind`` of ``text``: the recorded one, or ``make()`` (then recorded)."""
        key = digest(f"{kind}\0{text}".encode("utf-8", "surrogatepass"))
        value = self.new.get(key, self.old.get(key))
        if value is None:
            value = make()
            self.misses += 1
        else:
            self.hits += 1
        self.new[key] = value
        return value

    def share(self) -> tuple[dict, int, int]:
        """What this process derived, for :meth:`merge` in the parent (a forked worker's)."""
        return self.new, self.hits, self.misses

    def merge(self, entries: dict[str, str], hits: int, misses: int) -> None:
        self.new.update(entries)
        self.hits += hits
        self.misses += misses


def file_stamp(path: Path | str) -> str:
    """Size, inode and modification time of a file: what make and rsync trust to say a file
    did not change since it was last read (any edit through the file system changes one)."""
    st = os.stat(path)
    return f"{st.st_size}:{st.st_ino}:{st.st_mtime_ns}"


class PageMemo:
    """The render cache of one build: a page whose key equals the one recorded by the last
    build, and whose file in the previous output still holds the recorded bytes, is not
    rendered again (the writer links that file).

    A key (:func:`page_key`) is a digest of everything the page reads. The previous file is
    checked against the digest of its recorded bytes, so an output edited, removed or written
    by another build is rendered again. Reading 200,000 files to check them took seconds of
    every build at 100,000 vacancies, so each entry also holds the file's stamp
    (:func:`file_stamp`), taken once the site is published (:meth:`BuildCache.stamp_pages`):
    a file whose stamp is unchanged is not read again, as make and rsync decide. An edit that
    keeps the size and puts the old time back on the same inode is not seen; ``antarkerja
    build --no-cache`` renders everything.
    """

    def __init__(self, entries: dict[str, tuple[str, str, str, str]]):
        self.old = entries
        # path -> (key, digest, stamp or "", digest of what the search index reads or "")
        self.new: dict[str, tuple[str, str, str, str]] = {}
        self.pending: dict[str, str] = {}  # path -> key of a page being rendered
        self.hits = 0
        self.misses = 0

    def reusable(self, rel: str, key: str, previous: Path | None) -> bool:
        entry = self.old.get(rel)
        if previous is None or entry is None or entry[0] != key:
            self.misses += 1
            return False
        try:
            stamp = file_stamp(previous / rel)
        except OSError:
            stamp = None
        if stamp is None or (stamp != entry[2] and not _same_digest(previous / rel, entry[1])):
            self.misses += 1
            return False
        self.hits += 1
        self.new[rel] = (entry[0], entry[1], stamp, entry[3])
        return True

    def expect(self, rel: str, key: str) -> None:
        """``rel`` is about to be rendered for ``key`` (see :meth:`rendered`)."""
        self.pending[rel] = key

    def rendered(self, rel: str, data: bytes) -> None:
        key = self.pending.pop(rel, None)
        if key is not None:
            self.new[rel] = (key, digest(data), "", index_digest(data))  # stamped once published

    def share(self) -> tuple[dict, int, int]:
        """What this process found, for :meth:`merge` in the parent (a forked worker's)."""
        return self.new, self.hits, self.misses

    def merge(self, entries: dict[str, tuple[str, str, str, str]], hits: int, misses: int) -> None:
        """A forked worker's share."""
        self.new.update(entries)
        self.hits += hits
        self.misses += misses


class Uncacheable(Exception):
    """A value with no stable form: the page that reads it is always rendered."""


_ATOMS = frozenset({str, int, float, bool, type(None), date, datetime, Markup, bytes})


def stable(value, models: dict | None = None, memo: dict | None = None, lasting: frozenset = frozenset()):
    """A plain, comparable form of ``value`` (nested tuples of atoms).

    ``models`` maps a class to a function giving the part of its objects that pages may
    read (the model's records); frozen dataclasses (reference regions, history entries,
    synonyms) are taken field by field, and ``functools.partial`` as its function's name
    and its arguments. Anything else raises :class:`Uncacheable`. ``memo`` keeps, by object id, the
    form of objects of the classes in ``lasting`` once made, as a digest of it: only for
    objects that live as long as the memo (an id is reused once its object is gone).
    """
    kind = type(value)
    if kind in _ATOMS:
        return value if kind is not Markup else ("Markup", str(value))
    if kind is list or kind is tuple:
        return (kind.__name__, *(stable(x, models, memo, lasting) for x in value))
    if kind is dict:
        return (
            "dict",
            *((stable(k, models, memo, lasting), stable(v, models, memo, lasting)) for k, v in value.items()),
        )
    if kind is set or kind is frozenset:
        return ("set", *sorted((stable(x, models, memo, lasting) for x in value), key=repr))
    if models and kind in models:
        keep = memo is not None and kind in lasting
        if keep and id(value) in memo:
            return memo[id(value)]
        form = (kind.__qualname__, stable(models[kind](value), models, memo, lasting))
        if keep:  # a digest stands for it in every key that holds it (keys stay short to make)
            form = memo[id(value)] = (kind.__qualname__, digest(repr(form).encode("utf-8", "surrogatepass")))
        return form
    if kind is partial:
        func = value.func
        return (
            "partial",
            f"{func.__module__}.{func.__qualname__}",
            stable(value.args, models),
            stable(value.keywords, models),
        )
    if is_dataclass(value) and kind.__dataclass_params__.frozen:
        return (kind.__qualname__, *(stable(getattr(value, f.name), models, memo, lasting) for f in fields(value)))
    raise Uncacheable(f"{kind.__module__}.{kind.__qualname__}")


def page_key(*parts) -> str:
    """The key of a page from the stable forms of what it reads."""
    return digest(repr(parts).encode("utf-8", "surrogatepass"))


def template_reads(env, name: str) -> tuple[dict[str, str], set[str]]:
    """The sources of template ``name`` and of every template it extends, includes or
    imports, and the names they read from their context (globals included).

    Read from the templates themselves, so a template edited to read a new global is
    keyed by it (or, for an unknown function, not cached) without any list to keep.
    A template named by an expression (not a constant) raises :class:`Uncacheable`.
    """
    sources: dict[str, str] = {}
    names: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in sources:
            continue
        source = env.loader.get_source(env, current)[0]
        sources[current] = source
        read, referenced = _template_names(env, source)
        names |= read
        for ref in referenced:
            if ref is None:
                raise Uncacheable(f"templat {current} memuat templat lain lewat ekspresi")
            todo.append(ref)
    return sources, names


# What one template source reads and references, kept for the life of the process: parsing the
# theme's templates took 1.2 s of every cached build (6 families, 2.3 s in all at 8 vacancies),
# and a process builds many times (``antarkerja serve``, the test suite). Keyed by the source
# itself and the environment's syntax options, so an edited template is parsed again.
_TEMPLATE_NAMES: dict[tuple[str, str], tuple[frozenset, tuple]] = {}


def _template_names(env, source: str) -> tuple[frozenset, tuple]:
    key = (source, compile_options(env))
    found = _TEMPLATE_NAMES.get(key)
    if found is None:
        bare = env.overlay()
        bare.globals = {}  # meta counts a global as declared; here every name read matters
        tree = bare.parse(source)
        found = (frozenset(meta.find_undeclared_variables(tree)), tuple(meta.find_referenced_templates(tree)))
        _TEMPLATE_NAMES[key] = found
    return found


ACTIVE: BuildCache | None = None  # the cache of the build running in this process (set by build_site)
