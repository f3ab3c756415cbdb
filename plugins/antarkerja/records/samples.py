"""Sample data (``example: true``): find it and remove it in one step (``antarkerja contoh hapus``).

An office adopting the repository starts from the bundled sample vacancies and offices. Every
one of them says ``example: true``; this module deletes exactly those files, so the site then
builds with zero vacancies (every listing says "belum ada lowongan") until real records come.

A record that is not a sample but names a sample office as its verifier would lose its office:
then nothing is removed and the records are listed, so no build breaks half-way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from antarkerja.paths import offices_dir, vacancies_dir

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class SampleScan:
    vacancies: list[Path] = field(default_factory=list)  # sample vacancy files
    offices: list[Path] = field(default_factory=list)  # sample office files
    unreadable: list[tuple[Path, str]] = field(default_factory=list)  # files we could not judge
    kept_users: list[tuple[Path, str]] = field(default_factory=list)  # real vacancy → sample office id


def _read(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader), None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return None, str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def scan(root: Path) -> SampleScan:
    found = SampleScan()
    sample_offices: dict[str, Path] = {}
    for path in sorted(offices_dir(root).glob("*.yml")):
        data, problem = _read(path)
        if problem:
            found.unreadable.append((path, problem))
        elif isinstance(data, dict) and data.get("example") is True:
            found.offices.append(path)
            sample_offices[str(data.get("id") or path.stem)] = path
    kept_offices: list[tuple[Path, str]] = []
    for path in sorted(vacancies_dir(root).rglob("*.yml")):
        data, problem = _read(path)
        if problem:
            found.unreadable.append((path, problem))
        elif isinstance(data, dict) and data.get("example") is True:
            found.vacancies.append(path)
        elif isinstance(data, dict):
            office = ((data.get("verification") or {}) if isinstance(data.get("verification"), dict) else {}).get(
                "office"
            )
            if isinstance(office, str) and office in sample_offices:
                kept_offices.append((path, office))
    found.kept_users = kept_offices
    return found


def remove(root: Path) -> tuple[SampleScan, bool]:
    """Delete every sample vacancy and office; ``(scan, removed)``. Nothing is deleted when a
    file cannot be read or a real vacancy names a sample office."""
    found = scan(root)
    if found.unreadable or found.kept_users:
        return found, False
    for path in (*found.vacancies, *found.offices):
        path.unlink()
    # Province folders left empty go too; the data folders themselves stay.
    for folder in sorted(vacancies_dir(root).glob("*/"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return found, True
