"""`antarkerja serve`: serves the output, rebuilds on change, keeps the last good site."""

from __future__ import annotations

import shutil
import time

import pytest
from support import SITE_FIXTURE, parse_html


def test_serve_rebuilds_on_change_and_keeps_the_last_good_site(tmp_path):
    """What `antarkerja serve` does: serve the output, rebuild when content changes, keep
    serving the previous site while the content is invalid, answer 404 with 404.html."""
    import threading
    import urllib.error
    import urllib.request

    from antarkerja.site import serve

    root = tmp_path / "root"
    shutil.copytree(SITE_FIXTURE, root)  # follows the reference/pages links
    output = tmp_path / "out"
    assert serve.rebuild(root, output, "2026-11-25", first=True)
    server = serve.make_server(output, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    watcher = threading.Thread(target=serve.watch, args=(root, output, "2026-11-25", stop, 0.2), daemon=True)
    watcher.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def h1() -> str | None:
        # None while a rebuild swaps the output folder (two renames: a brief 404).
        try:
            with urllib.request.urlopen(base + "/lowongan/operator-produksi-bekasi/") as response:
                return parse_html(response.read().decode("utf-8")).find("h1").get_text()
        except urllib.error.URLError:
            return None

    def wait_for(condition, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.2)
        return False

    try:
        assert wait_for(lambda: h1() is not None) and h1() == "Operator Produksi"
        record = root / "content/vacancies/jawa-barat/operator-produksi-bekasi.yml"
        record.write_text(
            record.read_text(encoding="utf-8").replace(
                "title: Operator Produksi\n", "title: Operator Produksi Senior\n"
            ),
            encoding="utf-8",
        )
        assert wait_for(lambda: h1() == "Operator Produksi Senior")
        record.write_text(
            record.read_text(encoding="utf-8").replace("openings: 15", "openings: banyak"), encoding="utf-8"
        )
        time.sleep(3)  # a failed rebuild…
        assert wait_for(lambda: h1() is not None)
        assert h1() == "Operator Produksi Senior"  # …leaves the last good site in place
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/tidak-ada/")
        assert missing.value.code == 404 and b"Halaman tidak ditemukan" in missing.value.read()
    finally:
        stop.set()
        watcher.join(30)
        server.shutdown()
        server.server_close()
