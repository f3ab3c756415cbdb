"""What several output families share: absolute URLs, compact JSON, the open-data licence.

One home for each, so the API, feeds, CSV downloads, the checker and the statistics write
URLs and JSON the same way (and no family is a helper hub for the others).
"""

from __future__ import annotations

import json

from antarkerja.site.outputs import OutputContext


def absolute(ctx: OutputContext, path: str) -> str:
    """An absolute URL when the site has one, else root-relative (local builds)."""
    return absolute_url(ctx.siteurl, path)


def absolute_url(siteurl: str, path: str) -> str:
    """``path`` (site-relative) under ``siteurl`` ("" for local builds, no trailing slash)."""
    return f"{siteurl}/{path}"


def dump(data) -> str:
    """Compact JSON; ``<``, ``>`` and ``&`` escaped so no text can become markup if inlined."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


DEFAULT_LICENSE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.id",
    "regions": "Nama dan kode wilayah: idn-area-data (Fityan Ali Nugroho), ODbL 1.0",
}
