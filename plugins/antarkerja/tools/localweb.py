"""A local web server for a built site and Debian's Chromium, for tests and the benchmark.

Nothing here downloads a browser: Chromium comes from the system (`apt-get install -y
chromium` on Debian; GitHub's Ubuntu runners ship Google Chrome instead) and is driven through Playwright's ``executable_path`` with the flags that keep
it off the network.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_folder(folder: Path) -> http.server.ThreadingHTTPServer:
    """Serve ``folder`` on 127.0.0.1 at a free port from a daemon thread; call ``shutdown()``."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def _is_snap(path: str) -> bool:
    """Ubuntu's `chromium` is a snap (or a shim that installs one); Playwright cannot drive it."""
    real = os.path.realpath(path)
    if real.startswith("/snap/"):
        return True
    try:
        with open(real, "rb") as f:
            head = f.read(4096)
    except OSError:
        return True
    return head.startswith(b"#!") and b"snap" in head


def chromium_path() -> str | None:
    """Debian's Chromium if present, else Google Chrome (as on GitHub's Ubuntu runners); never a snap."""
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found and not _is_snap(found):
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def outside_event_loop(run, *args):
    """``run(*args)``, in a thread of its own when this thread has a running event loop (a test
    session's browser): Playwright's sync API refuses to start inside one."""
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return run(*args)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run, *args).result()
