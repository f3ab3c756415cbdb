"""The fixture site, built with a fixed today, equals the committed golden copy file by file.

After an intended change to the output, refresh the copy with
``python scripts/refresh_golden.py`` and commit the diff with the change.
"""

from __future__ import annotations

import difflib

from support import GOLDEN

EXPECTED = GOLDEN / "fixture-site"
REFRESH = "python scripts/refresh_golden.py"


def tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_fixture_site_equals_the_golden_copy(fixture_site):
    expected, built = tree(EXPECTED), tree(fixture_site)
    assert expected, f"no golden copy: run {REFRESH}"
    missing = sorted(set(expected) - set(built))
    extra = sorted(set(built) - set(expected))
    assert not missing and not extra, f"files differ (run {REFRESH} if intended): missing {missing}, new {extra}"
    changed = [name for name in expected if expected[name] != built[name]]
    if changed:
        first = changed[0]
        diff = difflib.unified_diff(
            expected[first].decode("utf-8", "replace").splitlines(),
            built[first].decode("utf-8", "replace").splitlines(),
            f"golden/{first}",
            f"built/{first}",
            lineterm="",
            n=1,
        )
        shown = "\n".join(list(diff)[:40])
        raise AssertionError(f"{len(changed)} files differ (run {REFRESH} if intended), first:\n{shown}")
