"""Which output families run, in which order, and how long each took.

Kept apart from the package's ``__init__`` (which defines ``Page``, ``File`` and
``OutputContext`` for every family) so that importing a family never imports them all.
"""

from __future__ import annotations

from types import ModuleType

from antarkerja.site.outputs import (
    Family,
    api,
    browse,
    check,
    downloads,
    employers,
    feeds,
    form,
    jkp,
    notices,
    offline,
    pages,
    quality,
    services,
    sitemap,
    smk,
    stats,
    widgets,
    words,
)

# Seconds each family took in the last build of this process, rendering and queueing its
# files included (the generator renders each item between two steps of the family's
# iterator). ``antarkerja bench`` reports them.
TIMES: dict[str, float] = {}

# Families a second process writes beside this one on big sites (when vacancy pages are
# shared out too: antarkerja.site.generator). On a re-run at 100,000 vacancies these four
# took 70 s and the others, with this process's share of vacancy pages, 67 s
# (docs/performance.md, "Families side by side"). A family's files do not depend on which
# process writes them.
SIDE_BY_SIDE = frozenset({"notices", "words", "browse", "downloads"})


def family_modules() -> list[ModuleType]:
    """The family modules, in the order they run (each has ``outputs()``).

    Imported by name, not looked up from strings, so a renamed or missing family fails at
    import with its name, and tools see every use.
    """
    return [
        pages,
        employers,
        offline,
        form,
        jkp,
        services,
        smk,
        quality,
        feeds,
        downloads,
        widgets,
        stats,
        notices,
        check,
        browse,
        words,
        sitemap,
        api,
    ]


def family_name(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[1]


def families() -> list[tuple[str, Family]]:
    """(name, timed ``outputs``) of every family, in run order."""
    return [(family_name(m), _timed(family_name(m), m.outputs)) for m in family_modules()]


def _timed(name: str, family: Family) -> Family:
    import functools
    import time

    @functools.wraps(family)
    def run(*args, **kwargs):
        started = time.perf_counter()
        try:
            yield from family(*args, **kwargs)
        finally:
            TIMES[name] = round(time.perf_counter() - started, 2)

    return run
