"""Scripts the build completes: plain files in ``theme/scripts/`` plus one line of settings.

Three scripts need values only the build knows: the two service workers (``sw.js`` and
``cek-lowongan/sw.js``: the files to precache, a version that changes when they do, a few
URLs) and the embeddable widget ``theme/js/sematan.js``, which runs on other sites and so
cannot read our page's data (it gets the words it shows, :func:`antarkerja.wording.for_scripts`).
The values go in one generated line, ``const SETTINGS = {…};``, right after the script's
``'use strict';`` line (a directive must come first; inside the widget's function, so the
name stays out of the host page's globals). The files themselves are ordinary scripts that
the linter and the formatter read like the site's other scripts (``tests/test_js_lint.py``).
The settings are JSON written for a script: ``<``, ``>``, ``&`` and the line separators are
``\\u``-escaped, nothing is HTML-escaped (a ``&`` in a URL stays a ``&`` once parsed).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from antarkerja.paths import theme_static_dir

STRICT = "'use strict';"
PRELUDE = re.compile(r"^[ \t]*const SETTINGS = (\{.*\});$", re.M)  # [ \t]: never across lines


def scripts_dir() -> Path:
    """``theme/scripts`` of the theme in use (next to its ``static``)."""
    return theme_static_dir().parent / "scripts"


def script_json(value) -> str:
    """JSON that reads back the same inside any script (no ``</script>``, no raw U+2028)."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def built_script(name: str, settings: dict, folder: Path | None = None) -> str:
    """The script ``name`` (``theme/scripts/<name>``) with ``settings`` after its directive."""
    lines = ((folder or scripts_dir()) / name).read_text(encoding="utf-8").split("\n")
    for n, line in enumerate(lines):
        if line.strip() == STRICT:
            indent = line[: len(line) - len(line.lstrip())]
            head = lines[:n]
            while head and head[0].startswith("//"):  # notes for whoever edits the file, not for phones
                head.pop(0)
            return "\n".join([*head, line, f"{indent}const SETTINGS = {script_json(settings)};", *lines[n + 1 :]])
    raise ValueError(f"{name} (the theme's scripts): no line {STRICT!r} to put the settings after")


def script_settings(script: str) -> dict:
    """The settings a built script carries (what :func:`built_script` put in)."""
    found = PRELUDE.search(script)
    if not found:
        raise ValueError("no 'const SETTINGS = {…};' line in the script")
    return json.loads(found.group(1))


def version(text: str) -> str:
    """10 hex digits of a built script, for its ``?v=`` (as :mod:`antarkerja.site.assets` stamps files)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
