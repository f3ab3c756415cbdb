"""How many processes a job uses: one home for the fork decision of validation and build.

Validation and vacancy pages fork workers (copy-on-write: nothing is pickled) on big
repositories; small ones stay in one process, where starting workers costs more than it
saves. ``ANTARKERJA_JOBS`` (environment, or the build setting of the same name) overrides.
"""

from __future__ import annotations

import multiprocessing
import os

# Below these many items a job runs in one process (measured with `antarkerja bench`).
VALIDATE_PARALLEL_FROM = 4000  # files
PAGES_PARALLEL_FROM = 2000  # vacancy pages


def worker_count(items: int, parallel_from: int, wanted: str | int | None = None) -> int:
    """Processes for ``items`` units of work: ``wanted`` or ``ANTARKERJA_JOBS`` if set,
    else one per core from ``parallel_from`` items, else 1 (also where fork is missing)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    wanted = os.environ.get("ANTARKERJA_JOBS") or wanted
    if wanted:
        return max(1, min(int(wanted), items))
    return max(1, os.cpu_count() or 1) if items >= parallel_from else 1


def fork_pool(processes: int):
    """A pool of ``processes`` forked workers (copy-on-write, nothing pickled on the way in).

    Workers get the default SIGTERM/SIGHUP handling back: the build's handler
    (``BuildInterrupted``) is for the parent, and a worker that inherited it while waiting
    for the task queue's lock kept ``Pool.terminate`` waiting forever.
    """
    return multiprocessing.get_context("fork").Pool(processes, initializer=_default_signals)


def _default_signals() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
