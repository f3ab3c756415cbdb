"""Version stamps for theme assets: ``site.css?v=<hash>`` so browsers cache them for long.

One home for asset hashing: a short SHA-256 of the named files in ``theme/static``, so a
changed file gets a new URL and an unchanged one keeps its cache.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from antarkerja.paths import theme_static_dir
from antarkerja.urls import url

SITE_ASSETS = ("css/site.css", "css/print.css", "js/site.js")
SEARCH_ASSETS = ("css/search.css", "js/search.js")


def asset_url(name: str) -> str:
    """Site-relative URL of a theme file with its own version stamp: ``theme/js/x.js?v=…``."""
    return f"{url('asset', name=name)}?v={asset_version((name,))}"


@lru_cache(maxsize=16)
def asset_version(names: tuple[str, ...], static: Path | None = None) -> str:
    """10 hex digits of the files' hash (missing files are skipped)."""
    digest = hashlib.sha256()
    for name in names:
        path = (static or theme_static_dir()) / name
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]
