"""How a finished build replaces the output folder: in place, or as a new tree.

**A new tree** (the first build, or when another build holds the output): the staging folder
holds the whole site and two renames swap it with the output; the old tree is deleted after.

**In place** (the output holds an earlier build): the staging folder holds only what is new
or changed (:class:`antarkerja.site.writer.WriteLog`, ``sparse``); every other file of the
site stays where it is, untouched. Publishing then removes the files the new site no longer
has (and the folders they leave empty) and moves each staged file into place with one
rename. A new tree made every one of the site's folders again on each build: 227,479 at
100,000 vacancies, one to four minutes of kernel time on our 2-core machine, whatever changed.

The moves are written to a journal first (:data:`JOURNAL`, beside the output). A publish cut
short (a killed process, a power cut) leaves the journal, and the next build (or
``antarkerja deploy``, which refuses) finds it: the build finishes the publish from the
journal before it reads the output. Renames are idempotent from a journal: a file already
moved is no longer in staging, a file already removed is missing.

While it publishes, a build holds a lock on the output folder (``flock`` on the folder
itself, no extra file): a second build into the same output either waits for the swap of a
new tree, or, not getting the lock at once, builds a new tree instead of publishing in place.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

from antarkerja.errors import BuildFailed
from antarkerja.site import writer as site_writer


def journal_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.publish.json")


def journal_staging(output: Path) -> str | None:
    """The staging folder's name a publish journal of ``output`` moves files from, if any."""
    try:
        return read_journal(journal_path(output))["staging"]
    except (OSError, JournalDamaged):
        return None


class JournalDamaged(ValueError):
    """A journal that is not one this module wrote: the reason, in Indonesian."""


JOURNAL_LISTS = ("moves", "removals", "empty")


def read_journal(journal: Path) -> dict:
    """The journal at ``journal``, checked to be one :func:`publish_in_place` wrote: an
    object whose staging folder is a plain name beside the output and whose paths stay
    inside it. A journal edited by hand could otherwise move or remove files anywhere."""
    try:
        data = json.loads(journal.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise JournalDamaged("bukan teks UTF-8") from None
    except ValueError:
        raise JournalDamaged("bukan JSON yang utuh; mungkin terpotong") from None
    if not isinstance(data, dict):
        raise JournalDamaged("isinya bukan objek JSON")
    staging = data.get("staging")
    if not isinstance(staging, str) or not _plain_name(staging):
        raise JournalDamaged("`staging` harus nama folder di samping folder keluaran")
    for key in JOURNAL_LISTS:
        paths = data.get(key)
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise JournalDamaged(f"`{key}` harus daftar jalur berkas")
        bad = next((p for p in paths if not _inside(p)), None)
        if bad is not None:
            raise JournalDamaged(f"jalur {bad!r} di `{key}` keluar dari folder keluaran")
    return data


def _plain_name(name: str) -> bool:
    return name not in ("", ".", "..") and "/" not in name and "\0" not in name


def _inside(rel: str) -> bool:
    """A relative path of plain names, as :func:`antarkerja.site.writer.file_names` gives."""
    return bool(rel) and all(_plain_name(part) for part in rel.split("/"))


# Lock ------------------------------------------------------------------------------------


@contextmanager
def output_lock(output: Path, wait: bool):
    """Hold the lock of ``output`` (an existing folder); yields True when held, False when
    another build holds it and ``wait`` is False, or where there is no ``flock``."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield False
        return
    try:
        fd = os.open(output, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError:
            yield False
            return
        # The folder locked must still be the output (a new tree may have replaced it).
        held = os.path.samestat(os.fstat(fd), os.stat(output)) if output.is_dir() else False
        yield held
    finally:
        os.close(fd)  # releases the lock


# A new tree ------------------------------------------------------------------------------


def remove_later(path: Path) -> None:
    """Delete a replaced output tree without making the build wait for it.

    Deleting 100,000 pages takes seconds; the new site is already in place, so a detached
    ``rm -rf`` does it (where there is one). Leftovers are named ``.<output>.old-<pid>``.
    """
    rm = shutil.which("rm")
    if rm and os.name == "posix":
        subprocess.Popen(
            [rm, "-rf", "--", str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    else:
        shutil.rmtree(path, ignore_errors=True)


def swap_tree(staging: Path, output: Path) -> None:
    """Replace ``output`` by ``staging`` with two renames (same folder, same file system)."""
    with output_lock(output, wait=True) if output.is_dir() else nullcontext(True):
        old = None
        if output.exists() or output.is_symlink():
            old = output.with_name(f".{output.name}.old-{os.getpid()}-{time.monotonic_ns()}")
            output.rename(old)
        staging.rename(output)
    if old is not None:
        if old.is_dir() and not old.is_symlink():
            remove_later(old)
        else:
            old.unlink()


# In place --------------------------------------------------------------------------------


def plan_in_place(staging: Path, output: Path, log: site_writer.WriteLog) -> tuple[dict, dict[str, int]]:
    """What publishing ``staging`` (sparse) into ``output`` does, as its journal: the files
    to move in (``moves``: new or changed), to remove (``removals``: in ``output`` only), and
    the folders already empty there (``empty``: a new tree would not have them); and the
    counts ``keep_unchanged`` gives for a new tree (``changed``, ``unchanged``, ``removed``).

    The site's files are those the writers kept or wrote (``log``) and those other code
    staged (Pelican's static files, the search index, the marker). A staged file the log does
    not know is compared with the output's: same bytes, it stays as it is."""
    staged = site_writer.file_names(staging)
    moves = sorted(
        rel for rel in staged if rel in log.written or not site_writer.same_bytes(staging / rel, output / rel)
    )
    site = log.linked | staged
    old_files, empty = site_writer.tree_listing(output)
    removals = sorted(old_files - site)
    journal = {"staging": staging.name, "moves": moves, "removals": removals, "empty": sorted(empty)}
    return journal, {"changed": len(moves), "unchanged": len(site) - len(moves), "removed": len(removals)}


def publish_in_place(staging: Path, output: Path, log: site_writer.WriteLog) -> dict[str, int]:
    """Publish the sparse ``staging`` into ``output`` (see the module's docstring); returns
    the counts of :func:`plan_in_place`. The caller holds :func:`output_lock`."""
    data, stats = plan_in_place(staging, output, log)
    journal = journal_path(output)
    tmp = journal.with_name(f"{journal.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, journal)  # from here on the publish is finished by whoever finds the journal
    _roll_forward(output, data)
    journal.unlink()
    shutil.rmtree(staging, ignore_errors=True)
    return stats


def finish_interrupted(output: Path) -> bool:
    """Finish a publish cut short (its journal is there); True when there was one. Run by a
    build, holding the output's lock, before it reads the output."""
    journal = journal_path(output)
    try:
        data = read_journal(journal)
    except FileNotFoundError:
        return False
    except (OSError, JournalDamaged) as exc:
        reason = exc if isinstance(exc, JournalDamaged) else "tidak dapat dibaca; periksa izin berkasnya"
        raise BuildFailed(
            f"Jurnal publikasi {journal} rusak ({reason}); hapus folder {output} dan jurnal itu, lalu bangun ulang penuh"
        ) from None
    _roll_forward(output, data)
    journal.unlink()
    shutil.rmtree(output.with_name(data["staging"]), ignore_errors=True)
    return True


def _roll_forward(output: Path, data: dict) -> None:
    """Removals first, then moves: a file that becomes a folder (or the reverse) has its old
    form gone before the new one arrives. Each step may already have been done."""
    base = os.fspath(output)
    staging = os.fspath(output.with_name(data["staging"]))
    parents: set[str] = set()
    for rel in data.get("empty", ()):
        parents.add(rel)
        parents.update(_parents(rel))
    for rel in data["removals"]:
        try:
            os.unlink(f"{base}/{rel}")
        except FileNotFoundError:
            pass
        parents.update(_parents(rel))
    # A folder that a moved file goes into stays (emptied, it would only be made again);
    # the others go if empty, deepest first, so a folder emptied by its children goes too.
    needed = {folder for rel in data["moves"] for folder in _parents(rel)}
    for rel in sorted(parents - needed, key=lambda r: (-r.count("/"), r)):
        try:
            os.rmdir(f"{base}/{rel}")
        except OSError:
            pass  # not empty (or already gone)
    made: set[str] = set()
    for rel in data["moves"]:
        src = f"{staging}/{rel}"
        if not os.path.lexists(src):
            continue  # moved before the publish was cut short
        folder = rel.rpartition("/")[0]
        if folder and folder not in made:
            os.makedirs(f"{base}/{folder}", exist_ok=True)
            made.add(folder)
        os.replace(src, f"{base}/{rel}")


def _parents(rel: str):
    while "/" in rel:
        rel = rel.rpartition("/")[0]
        yield rel
