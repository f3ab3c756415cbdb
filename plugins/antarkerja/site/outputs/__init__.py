"""Output families: each module declares what it writes, the generator only orchestrates.

A family module has one function::

    def outputs(site: Site, ctx: OutputContext) -> Iterable[Page | File]

``Page`` is rendered with a theme template and its context (plus the template globals);
``File`` is bytes or text written as they are. Paths come from :mod:`antarkerja.urls`.
Families run in the order :func:`antarkerja.site.outputs.families.family_modules` gives, after the
vacancy pages; adding a family is a new module plus its import and one line there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Page:
    """A file rendered from ``template`` (a theme template name) with ``context``."""

    path: str  # site-relative file path, e.g. "lowongan/index.html"
    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class File:
    """A file written as it is (text is encoded as UTF-8)."""

    path: str
    data: bytes | str


@dataclass(frozen=True)
class OutputContext:
    """What every family may read besides the model."""

    siteurl: str  # "" for local builds, "https://…" (no trailing slash) when published
    sitename: str
    settings: dict[str, Any]
    content_pages: list = field(default_factory=list)  # Pelican's Markdown pages
    synonyms: Any = None  # the build's search synonyms (antarkerja.site.synonyms), loaded once

    @property
    def root(self) -> Path | None:
        """The repository being built: ``ANTARKERJA_ROOT``, else the content folder's parent
        (as the generator finds it); None for a context made without settings."""
        root = self.settings.get("ANTARKERJA_ROOT") or (
            Path(self.settings["PATH"]).parent if "PATH" in self.settings else None
        )
        return Path(root) if root else None


Family = Callable[..., Iterable[Page | File]]
