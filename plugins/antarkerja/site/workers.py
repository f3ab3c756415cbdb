"""Service workers: plain scripts in ``theme/workers/``, with their build-time settings in front.

A worker needs a few values only the build knows (the files to precache, a version that
changes when they do, a few URLs). They go in one generated line, ``const SETTINGS = {…};``,
put right after the script's ``'use strict';`` line (a directive must come first); the script itself is an ordinary file that the linter
and the formatter read like the site's other scripts (``tests/test_js_lint.py``). The settings
are JSON written for a script: ``<``, ``>``, ``&`` and the line separators are ``\\u``-escaped,
nothing is HTML-escaped (a ``&`` in a URL stays a ``&`` once parsed).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from antarkerja.paths import theme_static_dir

STRICT = "\n'use strict';\n"
PRELUDE = re.compile(r"^const SETTINGS = (\{.*\});$", re.M)


def workers_dir() -> Path:
    """``theme/workers`` of the theme in use (next to its ``static``)."""
    return theme_static_dir().parent / "workers"


def script_json(value) -> str:
    """JSON that reads back the same inside any script (no ``</script>``, no raw U+2028)."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def worker_script(name: str, settings: dict, folder: Path | None = None) -> str:
    """The worker ``name`` (``theme/workers/<name>``) with ``settings`` after its directive."""
    source = ((folder or workers_dir()) / name).read_text(encoding="utf-8")
    head, directive, rest = source.partition(STRICT)
    if not directive:
        raise ValueError(f"{name} (the theme's workers): no line {STRICT.strip()!r} to put the settings after")
    return f"{head}{directive}const SETTINGS = {script_json(settings)};\n{rest}"


def worker_settings(script: str) -> dict:
    """The settings a built worker carries (what :func:`worker_script` put in front)."""
    found = PRELUDE.search(script)
    if not found:
        raise ValueError("no 'const SETTINGS = {…};' line in the service worker")
    return json.loads(found.group(1))
