"""Format the theme's JavaScript in the project's one style, or check that it is.

Usage:
    python scripts/format_js.py          # rewrite theme/static/js/*.js
    python scripts/format_js.py --check  # list files that would change; exit 1 if any

The style: 2-space indent, braces on the same line, short blocks kept on one line,
at most one blank line in a row. jsbeautifier (PyPI, the js-beautify project) does the
formatting, so the check needs no Node.js; tests/test_layout.py runs the check.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import jsbeautifier

ROOT = Path(__file__).resolve().parents[1]
FILES = [
    *sorted((ROOT / "theme" / "static" / "js").glob("*.js")),
    *sorted((ROOT / "theme" / "workers").glob("*.js")),  # completed by the build (antarkerja.site.scripts)
    *sorted((ROOT / "theme" / "templates").rglob("*.js")),
]


def options():
    opts = jsbeautifier.default_options()
    opts.indent_size = 2
    opts.end_with_newline = True
    opts.brace_style = "collapse,preserve-inline"
    opts.space_after_anon_function = True
    opts.max_preserve_newlines = 2
    # Templates (theme/templates/**/*.js) insert settings as {{ value|tojson }}: keep those intact.
    opts.templating = ["django"]
    return opts


def formatted(path: Path) -> str:
    """The file in the project's style. jsbeautifier may need a few passes to settle (one
    pass can leave a block half-inlined), so format until the text stops changing."""
    text = path.read_text(encoding="utf-8")
    for _ in range(6):
        again = jsbeautifier.beautify(text, options())
        if again == text:
            break
        text = again
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that would change")
    args = parser.parse_args(argv)
    changed = []
    for path in FILES:
        text = formatted(path)
        if text != path.read_text(encoding="utf-8"):
            changed.append(path.relative_to(ROOT).as_posix())
            if not args.check:
                path.write_text(text, encoding="utf-8")
    for name in changed:
        print(("perlu diformat: " if args.check else "diformat: ") + name)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
