"""Where the repository's folders are.

Every command works on one repository root: the folder given with ``--root``, else the
nearest folder upwards from the working directory that holds ``content/reference``.
"""

from __future__ import annotations

import os
from pathlib import Path

MARKER = Path("content") / "reference"
# The repository holding this package when it runs from a checkout (an editable install keeps
# it there): its theme, settings and plugins build any content root. An installed package
# (``pip install .``) lives in site-packages instead, where this folder holds no theme: the
# build then takes the theme and settings from the content repository (see :func:`site_kit`).
REPO = Path(__file__).resolve().parents[2]
SETTINGS = "pelicanconf.py"
THEME = "theme"
# The theme folder of the build in progress (set by ``antarkerja build`` from Pelican's THEME).
_theme: Path | None = None


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


def holds_site_kit(folder: Path) -> bool:
    """``folder`` holds what builds a site around content: Pelican settings and the theme."""
    return (folder / SETTINGS).is_file() and (folder / THEME / "static").is_dir()


def site_kit(root: Path) -> Path | None:
    """The folder whose settings and theme build ``root``: ``root`` itself when it holds them
    (a full checkout, installed or not), else this package's repository (a content-only
    folder built with an editable install), else None."""
    for folder in (root, REPO):
        if holds_site_kit(folder):
            return folder
    return None


def use_theme(theme: Path) -> None:
    """Read theme files from ``theme`` (the build's Pelican THEME) from now on."""
    global _theme
    _theme = Path(theme)


def theme_static_dir() -> Path:
    if _theme is not None:
        return _theme / "static"
    if not holds_site_kit(REPO) and holds_site_kit(find_root()):
        return find_root() / THEME / "static"
    return REPO / THEME / "static"


def schema_dir(root: Path) -> Path:
    return root / "content" / "schema"


def pages_dir(root: Path) -> Path:
    return root / "content" / "pages"
