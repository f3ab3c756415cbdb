"""``antarkerja serve``: build the site, serve it at 127.0.0.1, rebuild when files change.

The watcher polls ``content/``, ``theme/`` and ``plugins/`` once a second (file names,
sizes and modification times; no extra dependency). Each build runs in a fresh Python
process (``python -m antarkerja.cli build``), so edits to the plugin's own code take effect
too. A failed build prints the validator's messages and keeps serving the last good site;
reload the page in the browser after "Situs dibangun ulang".

The server answers missing paths with the site's ``404.html`` and status 404, like a host.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

WATCHED = ("content", "theme", "plugins")
POLL_SECONDS = 1.0


def snapshot(root: Path, folders=WATCHED) -> dict[str, tuple[int, int]]:
    """Relative path → (size, mtime_ns) of every watched file; hidden and cache files skipped."""
    state = {}
    for name in folders:
        top = root / name
        for folder, dirs, files in os.walk(top, followlinks=True):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__" and not d.endswith(".egg-info")]
            for file in files:
                if file.startswith(".") or file.endswith((".pyc", "~")):
                    continue
                path = os.path.join(folder, file)
                try:
                    st = os.stat(path)
                except FileNotFoundError:
                    continue  # deleted while we looked
                state[path] = (st.st_size, st.st_mtime_ns)
    return state


def build_command(root: Path, output: Path, today: str | None) -> list[str]:
    # ``--option=value``: a folder or date starting with "-" stays a value
    cmd = [sys.executable, "-m", "antarkerja.cli", "build", f"--root={root}", f"--output={output}"]
    return cmd + ([f"--today={today}"] if today else [])


def rebuild(root: Path, output: Path, today: str | None, first: bool = False) -> bool:
    started = time.perf_counter()
    proc = subprocess.run(
        build_command(root, output, today), capture_output=True, text=True, encoding="utf-8", errors="replace"
    )
    if proc.returncode == 0:
        done = "dibangun" if first else "dibangun ulang"
        print(f"Situs {done} ({time.perf_counter() - started:.1f} detik).", flush=True)
        return True
    print((proc.stderr or proc.stdout).rstrip(), file=sys.stderr, flush=True)
    print("Situs belum dibangun ulang; yang disajikan masih versi terakhir yang berhasil.", file=sys.stderr, flush=True)
    return False


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from the output folder; 404.html for what is missing; no request log spam."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")  # always the latest build while editing
        super().end_headers()

    def log_message(self, format, *args):
        pass


def make_server(output: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(SiteHandler, directory=str(output))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def watch(root: Path, output: Path, today: str | None, stop: threading.Event, interval: float = POLL_SECONDS) -> None:
    """Rebuild whenever the watched files change, until ``stop`` is set."""
    before = snapshot(root)
    while not stop.wait(interval):
        now = snapshot(root)
        if now != before:
            time.sleep(0.2)  # let an editor finish writing several files
            before = snapshot(root)
            print("Perubahan terdeteksi, membangun ulang…", flush=True)
            rebuild(root, output, today)


def serve(root, port: int = 8000, today: str | None = None, output=None) -> int:
    root = Path(root).resolve()
    output = Path(output).resolve() if output else root / "output"
    print(f"Membangun situs dari {root}…", flush=True)
    if not rebuild(root, output, today, first=True) and not output.is_dir():
        output.mkdir(parents=True, exist_ok=True)
    try:
        server = make_server(output, port)
    except OSError as exc:
        print(f"Tidak bisa membuka port {port}: {exc}. Coba --port lain.", file=sys.stderr)
        return 1
    print(f"Situs tersaji di http://127.0.0.1:{server.server_address[1]}/  (Ctrl+C untuk berhenti)", flush=True)
    stop = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        watch(root, output, today, stop)
    except KeyboardInterrupt:
        print("\nBerhenti.")
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
    return 0
