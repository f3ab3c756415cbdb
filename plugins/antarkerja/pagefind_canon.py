"""Make a Pagefind 1.5 bundle byte-identical between runs (placeholder, see canonicalise)."""

from __future__ import annotations

from pathlib import Path


def canonicalise(bundle: Path) -> None:
    """Re-sort what Pagefind 1.5.2 writes in random order (upstream Pagefind/pagefind#638)."""
    return None
