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

from antarkerja.paths import vacancies_dir
from antarkerja.records.discover import discover
from antarkerja.records.load import load_file


@dataclass
class SampleScan:
    vacancies: list[Path] = field(default_factory=list)  # sample vacancy files
    offices: list[Path] = field(default_factory=list)  # sample office files
    unreadable: list[tuple[Path, str]] = field(default_factory=list)  # files we could not judge
    kept_users: list[tuple[Path, str]] = field(default_factory=list)  # real vacancy → sample office id


def _read(path: Path):
    """The record as the validator reads it (the one loader), or why it cannot be judged."""
    loaded = load_file(path)
    if loaded.data is None:
        return None, loaded.problems[0].message if loaded.problems else "tidak terbaca"
    return loaded.data, None


def scan(root: Path) -> SampleScan:
    found = SampleScan()
    vacancy_paths, office_paths, _ = discover(root)
    sample_offices: set[str] = set()
    for path in office_paths:
        data, problem = _read(path)
        if problem:
            found.unreadable.append((path, problem))
        elif isinstance(data, dict) and data.get("example") is True:
            found.offices.append(path)
            sample_offices.add(str(data.get("id") or path.stem))
    for path in vacancy_paths:
        data, problem = _read(path)
        if problem:
            found.unreadable.append((path, problem))
        elif isinstance(data, dict) and data.get("example") is True:
            found.vacancies.append(path)
        elif isinstance(data, dict):
            verification = data.get("verification")
            office = verification.get("office") if isinstance(verification, dict) else None
            if isinstance(office, str) and office in sample_offices:
                found.kept_users.append((path, office))
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
