"""Version stamps for theme assets: ``site.css?v=<hash>`` so browsers cache them for long.

One home for asset URLs: templates and outputs call :func:`asset_url` (``theme/css/site.css?v=``
and a short SHA-256 of that file in ``theme/static``), so a changed file gets a new URL and an
unchanged one keeps its cache, file by file. Cek lowongan's own files carry the checker's
version instead (its rules and scripts change together, ``outputs/check.py``). A small stylesheet that one
page alone uses is inlined instead (:func:`inline_css`): one request less before the first paint.
The theme's scripts reach the output minified (:func:`minify_theme_scripts`); their URL's stamp
is the source's hash, so it changes exactly when the source does.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from antarkerja.paths import theme_static_dir
from antarkerja.urls import url

INLINE_MAX = 4096  # bytes: above this a page's own stylesheet is better cached as a file
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


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


@lru_cache(maxsize=8)
def inline_css(name: str, static: Path | None = None) -> Markup:
    """A theme stylesheet's rules, without comments, for a ``<style>`` element.

    Only for a small file one page alone uses (the search page's ``css/search.css``): inlined,
    it no longer holds back the first paint as a second request, and the phone downloads the
    same bytes. Refuses a file over ``INLINE_MAX`` and text that could end the element.
    """
    text = CSS_COMMENT.sub("", ((static or theme_static_dir()) / name).read_text(encoding="utf-8")).strip()
    if len(text.encode()) > INLINE_MAX:
        raise ValueError(f"{name}: {len(text.encode())} bytes, over {INLINE_MAX} to inline; link it as a file")
    if "</" in text or "<!--" in text:
        raise ValueError(f"{name}: '</' or '<!--' would end or confuse the page's <style> element")
    return Markup(text)


def minify_theme_scripts(output: Path, static: Path | None = None) -> int:
    """Replace each of the theme's own scripts (``theme/static/js/*.js``) copied into ``output``
    by its minified text: what a phone downloads, a third smaller (comments and indentation
    are for whoever edits the source, which stays as it is). Scripts the build writes itself
    (``sematan.js``, ``sw.js``: built from ``theme/scripts``) are left alone, their settings
    line is read back by tests and tools. Returns the number of files minified.
    """
    import rjsmin

    source = (static or theme_static_dir()) / "js"
    target = Path(output) / url("asset", name="js")
    count = 0
    for script in sorted(source.glob("*.js")):
        path = target / script.name
        if not path.is_file():
            continue
        text = rjsmin.jsmin(script.read_text(encoding="utf-8")).strip() + "\n"
        tmp = path.with_name(f".{path.name}.min-{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)  # a new file: never write through a link to the theme's source
        count += 1
    return count
