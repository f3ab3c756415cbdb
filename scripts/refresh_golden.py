"""Rebuild the golden copy of the fixture site after an intended change to the output.

Usage:
    python scripts/refresh_golden.py

Builds ``tests/fixtures/site`` with today fixed at 2026-11-25, no site URL and no search
index (Pagefind's files are not byte-stable), and replaces ``tests/golden/fixture-site/``
with the result. ``tests/test_golden.py`` compares every build with that copy, so commit the
refreshed files together with the change that explains them, and read their diff first:
it is exactly what the change does to the published site.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support import GOLDEN, SITE_FIXTURE, TODAY  # noqa: E402

from antarkerja.site.build import build_site  # noqa: E402


def main() -> int:
    target = GOLDEN / "fixture-site"
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    build_site(SITE_FIXTURE, output=target, today=TODAY.isoformat(), siteurl=None, search=False)
    files = sum(1 for p in target.rglob("*") if p.is_file())
    print(f"{target.relative_to(ROOT)}: {files} berkas")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
