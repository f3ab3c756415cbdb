"""Build small throwaway repositories for validator and build tests."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORDS = Path(__file__).resolve().parent / "fixtures" / "records"
GOOD_VACANCY = (RECORDS / "good-vacancy.yml").read_text(encoding="utf-8")
TEST_OFFICE = (RECORDS / "test-office.yml").read_text(encoding="utf-8")


def make_repo(
    tmp_path: Path, vacancies: dict[str, str | bytes] | None = None, offices: dict[str, str | bytes] | None = None
) -> Path:
    """A repository at ``tmp_path`` with the real reference data and the given files.

    Keys are paths below ``content/vacancies`` or ``content/offices``; values are file text.
    Without ``offices`` the repository gets ``test-office.yml``.
    """
    (tmp_path / "content").mkdir(parents=True, exist_ok=True)
    ref = tmp_path / "content" / "reference"
    if not ref.exists():
        os.symlink(ROOT / "content" / "reference", ref)
    for folder, files in (
        ("vacancies", vacancies or {}),
        ("offices", offices if offices is not None else {"test-office.yml": TEST_OFFICE}),
    ):
        base = tmp_path / "content" / folder
        base.mkdir(parents=True, exist_ok=True)
        for rel, text in files.items():
            path = base / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
    return tmp_path


def vacancy(*replacements: tuple[str, str], text: str = GOOD_VACANCY) -> str:
    """The good vacancy with exact text replacements; each must match once."""
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} must occur once in the fixture"
        text = text.replace(old, new)
    return text
