"""Where the repository's folders are.

Every command works on one repository root: the folder given with ``--root``, else the
nearest folder upwards from the working directory that holds ``content/reference``.
"""

from __future__ import annotations

import os
from pathlib import Path

MARKER = Path("content") / "reference"
# The repository holding this package (an editable install keeps it there): its theme,
# settings and plugins build any content root.
REPO = Path(__file__).resolve().parents[2]


def find_root(start: str | os.PathLike | None = None) -> Path:
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_dir():
            return folder
    # An editable install keeps the package inside the repository.
    if (REPO / MARKER).is_dir():
        return REPO
    return here


def vacancies_dir(root: Path) -> Path:
    return root / "content" / "vacancies"


def offices_dir(root: Path) -> Path:
    return root / "content" / "offices"


def reference_dir(root: Path) -> Path:
    return root / "content" / "reference"


def theme_static_dir() -> Path:
    return REPO / "theme" / "static"


def schema_dir(root: Path) -> Path:
    return root / "content" / "schema"


def pages_dir(root: Path) -> Path:
    return root / "content" / "pages"
