"""Which files are records, and a diagnostic for every other file where records live.

Every file under ``content/vacancies`` and ``content/offices`` is either read as a record
(``*.yml``) or reported: a record under another name (``.YML``, ``.yaml``, ``.yml.txt``) is
an error because it would never be published; editor backups (``x.yml~``, ``.x.yml.swp``,
``#x.yml#``, ``x.yml.bak``) are a warning; record files at the top of ``content/`` are in the
wrong place. Symlinks (files or folders) are never followed: they are reported, so a link
can neither pull a file from outside the repository nor hide a folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from antarkerja.paths import offices_dir, vacancies_dir
from antarkerja.records.diagnostics import Diagnostic

RECORD_SUFFIX = ".yml"
# Files that may sit next to records and are not records.
KNOWN_OTHER = {".gitkeep", "README.md"}
BACKUP = re.compile(r"(~|\.(bak|orig|rej|swp|swo|swx|tmp|old|save)|#)$|^\.?#|^\.~lock\.", re.IGNORECASE)
LOOKS_LIKE_RECORD = re.compile(r"\.ya?ml", re.IGNORECASE)


def _report(path: Path, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(path, 1, 1, code, "(berkas)", message, hint)


def symlink_problem(path: Path) -> Diagnostic:
    return _report(
        path,
        "Y112",
        "tautan simbolik (symlink) tidak dibaca",
        "simpan data sebagai berkas atau folder biasa di dalam repositori",
    )


def classify(path: Path) -> Diagnostic | None:
    """None for a record file; otherwise why this file is not read."""
    name = path.name
    if name.endswith(RECORD_SUFFIX) and not name.startswith("."):
        return None
    if BACKUP.search(name):
        return _report(
            path,
            "W520",
            "berkas cadangan atau berkas sementara editor; tidak dibaca",
            "hapus berkas ini (atau tambahkan polanya ke .gitignore); data yang berlaku ada di berkas .yml",
        )
    if name in KNOWN_OTHER:
        return None
    if name.lower().endswith((".yml", ".yaml")) or LOOKS_LIKE_RECORD.search(name):
        return _report(
            path,
            "X308",
            f"`{name}` tidak dibaca: hanya berkas berakhiran `.yml` (huruf kecil) yang menjadi data",
            f"ganti nama berkas menjadi `{LOOKS_LIKE_RECORD.split(name)[0].lstrip('.') or 'nama'}.yml`",
        )
    return _report(
        path,
        "X308",
        f"`{name}` bukan berkas data dan tidak dibaca",
        "pindahkan berkas ini ke luar content/vacancies dan content/offices",
    )


def walk_records(folder: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Record files under ``folder`` (sorted) and a diagnostic for everything else there."""
    records: list[Path] = []
    problems: list[Diagnostic] = []
    if folder.is_symlink():
        return records, [symlink_problem(folder)]
    if not folder.is_dir():
        return records, problems
    for dirpath, dirnames, filenames in os.walk(folder):  # never follows symlinked folders
        base = Path(dirpath)
        for name in list(dirnames):
            if (base / name).is_symlink():
                problems.append(symlink_problem(base / name))
                dirnames.remove(name)
        dirnames.sort()
        for name in sorted(filenames):
            path = base / name
            if path.is_symlink():
                problems.append(symlink_problem(path))
                continue
            problem = classify(path)
            if problem is None:
                if name.endswith(RECORD_SUFFIX):
                    records.append(path)
            else:
                problems.append(problem)
    return sorted(records), problems


def stray_top_level(root: Path) -> list[Diagnostic]:
    """Record-like files directly in ``content/``: nothing reads them there."""
    content = root / "content"
    out = []
    for path in sorted(content.iterdir()) if content.is_dir() else []:
        if path.is_file() and LOOKS_LIKE_RECORD.search(path.name):
            out.append(
                _report(
                    path,
                    "X308",
                    f"`{path.name}` di content/ tidak dibaca",
                    "pindahkan lowongan ke content/vacancies/<slug-provinsi>/ dan kantor ke content/offices/",
                )
            )
    return out


def discover(root: Path) -> tuple[list[Path], list[Path], list[Diagnostic]]:
    vacancies, problems = walk_records(vacancies_dir(root))
    offices, more = walk_records(offices_dir(root))
    return vacancies, offices, problems + more + stray_top_level(root)
