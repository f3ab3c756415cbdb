"""Widgets on a third-party site, in a real browser (Debian's Chromium).

The site (the fixture site plus one vacancy whose title is an HTML payload) is served on one
local origin with ``Access-Control-Allow-Origin: *`` (as GitHub Pages serves it); a school's
page on a second origin (another port) embeds the iframe widget and the JS snippet for Jawa
Barat. Then the code the "Pasang di situs Anda" page generates is pasted into a blank HTML
file on that second origin and must work as it is.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from support import AXE_OPTIONS, SITE_FIXTURE, TODAY

from antarkerja.records.load import load_file
from antarkerja.site.build import build_site

pytestmark = pytest.mark.browser

HOSTILE = '<img src=x onerror="window.__diserang=1"><script>window.__diserang=2</script> Operator'


class _Handler(http.server.SimpleHTTPRequestHandler):
    cors = False

    def end_headers(self):
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, *args):
        pass


class _CorsHandler(_Handler):
    cors = True


def serve(folder: Path, handler=_Handler):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("widgets") / "root"
    shutil.copytree(SITE_FIXTURE, root)
    record = load_file(SITE_FIXTURE / "content/vacancies/jawa-barat/operator-produksi-bekasi.yml").data
    record.update(id="judul-berbahaya", title=HOSTILE, date_posted=TODAY, example=True)
    record["verification"] = dict(record["verification"], date=TODAY - timedelta(days=1))
    (root / "content/vacancies/jawa-barat/judul-berbahaya.yml").write_text(
        yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def site(hostile_root, tmp_path_factory):
    out = build_site(
        hostile_root, output=tmp_path_factory.mktemp("widgets-out") / "out", today=TODAY.isoformat(), search=False
    )
    server, base = serve(out, _CorsHandler)
    yield out, base
    server.shutdown()


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """The third party's web server: another origin."""
    folder = tmp_path_factory.mktemp("host")
    server, base = serve(folder)
    yield folder, base
    server.shutdown()


def jawa_barat_titles(site_dir: Path, n: int) -> list[str]:
    import json

    items = json.loads((site_dir / "api/v1/provinsi/jawa-barat/1.json").read_text(encoding="utf-8"))["items"]
    return [i["title"] for i in items[:n]]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


def host_page(folder: Path, name: str, body: str) -> str:
    (folder / name).write_text(
        f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Situs sekolah</title></head>'
        f"<body><h1>Situs SMK Contoh</h1>{body}</body></html>",
        encoding="utf-8",
    )
    return name


def snippet_titles(page, box: str) -> list[str]:
    page.locator(f"{box} .antarkerja-daftar li a").first.wait_for()
    return page.locator(f"{box} .antarkerja-daftar li a").all_inner_texts()


def test_third_party_page_shows_iframe_and_snippet(page, site, host):
    site_dir, base = site
    folder, host_base = host
    name = host_page(
        folder,
        "sekolah.html",
        f'<iframe id="bingkai" src="{base}/embed/jawa-barat/" title="Lowongan di Jawa Barat" width="100%" height="900"></iframe>'
        f'<div id="skrip" data-antarkerja data-api="{base}/api/v1/provinsi/jawa-barat/1.json" data-jumlah="20">'
        f'<a href="{base}/provinsi/jawa-barat/">Lowongan kerja di Jawa Barat</a></div>'
        f'<script src="{base}/theme/js/sematan.js" async></script>',
    )
    page.goto(f"{host_base}/{name}")
    # The JS snippet: newest Jawa Barat vacancies, the hostile title as plain text.
    titles = snippet_titles(page, "#skrip")
    assert titles == jawa_barat_titles(site_dir, 20)
    assert HOSTILE in titles
    assert page.locator("#skrip img, #skrip script").count() == 0
    assert page.evaluate("window.__diserang") is None
    links = page.locator("#skrip .antarkerja-daftar li a")
    for i in range(links.count()):
        a = links.nth(i)
        assert a.evaluate("a => a.href").startswith(f"{base}/lowongan/")
        assert a.get_attribute("target") == "_blank" and a.get_attribute("rel") == "noopener"
    hostile_link = links.filter(has_text="Operator").filter(has_text="<img").first
    assert hostile_link.evaluate("a => a.href") == f"{base}/lowongan/judul-berbahaya/"
    assert page.locator("#skrip").get_by_text("Sumber:").is_visible()
    # The iframe widget: the same newest ten, links to the vacancy pages in a new tab.
    frame = page.frame_locator("#bingkai")
    frame_links = frame.locator("li a")
    frame_links.first.wait_for()
    assert frame_links.all_inner_texts() == jawa_barat_titles(site_dir, 10)
    hrefs = [frame_links.nth(i).evaluate("a => a.href") for i in range(frame_links.count())]
    assert all(h.startswith(f"{base}/lowongan/") for h in hrefs)
    assert f"{base}/lowongan/judul-berbahaya/" in hrefs
    assert frame.locator("li img, li script").count() == 0
    assert frame.get_by_text("Sumber:").is_visible()


def test_snippet_degrades_to_a_link_without_javascript(browser, site, host):
    _, base = site
    folder, host_base = host
    name = host_page(
        folder,
        "tanpa-js.html",
        f'<div data-antarkerja data-api="{base}/api/v1/provinsi/jawa-barat/1.json">'
        f'<a href="{base}/provinsi/jawa-barat/">Lowongan kerja di Jawa Barat</a></div>'
        f'<script src="{base}/theme/js/sematan.js" async></script>',
    )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{host_base}/{name}")
    link = page.get_by_role("link", name="Lowongan kerja di Jawa Barat")
    assert link.is_visible() and link.get_attribute("href") == f"{base}/provinsi/jawa-barat/"
    context.close()


def test_iframe_look_from_url_parameters(page, site):
    _, base = site
    page.goto(f"{base}/embed/jawa-barat/?tema=gelap&aksen=aa3300")
    assert page.evaluate("document.documentElement.classList.contains('gelap')")
    assert page.locator("li a").first.evaluate("a => getComputedStyle(a).color") == "rgb(170, 51, 0)"
    page.goto(f"{base}/embed/jawa-barat/?aksen=red;background:url(x)")
    assert page.locator("li a").first.evaluate("a => getComputedStyle(a).color") == "rgb(10, 79, 143)"


def test_generated_code_works_in_a_blank_file(page, site, host):
    site_dir, base = site
    folder, host_base = host
    page.goto(f"{base}/pasang/?wilayah=jawa-barat")
    assert page.locator("#wilayah").input_value() == "jawa-barat"
    page.locator("#pratinjau-js .antarkerja-daftar li a").first.wait_for()  # the live preview
    page.locator("#pratinjau-iframe iframe").wait_for()
    script_code = page.locator("#kode-js").input_value()
    iframe_code = page.locator("#kode-iframe").input_value()
    assert f'src="{base}/theme/js/sematan.js"' in script_code and f'src="{base}/embed/jawa-barat/"' in iframe_code
    name = host_page(folder, "tempel.html", "")
    (folder / name).write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>Kosong</title></head><body>\n{script_code}\n{iframe_code}\n</body></html>",
        encoding="utf-8",
    )
    page.goto(f"{host_base}/{name}")
    titles = snippet_titles(page, "[data-antarkerja]")
    assert titles == jawa_barat_titles(site_dir, 5)
    assert HOSTILE in titles and page.evaluate("window.__diserang") is None
    frame_links = page.frame_locator("iframe").locator("li a")
    frame_links.first.wait_for()
    assert frame_links.all_inner_texts() == jawa_barat_titles(site_dir, 10)


def test_generated_code_follows_the_readers_choice(page, site, host):
    site_dir, base = site
    folder, host_base = host
    page.goto(f"{base}/pasang/")
    page.locator("#wilayah").select_option("jawa-barat")
    page.locator("#sektor").select_option("C")
    page.locator("#tema-gelap").check()
    assert f'src="{base}/embed/jawa-barat/sektor-c/?tema=gelap"' in page.locator("#kode-iframe").input_value()
    assert not page.locator("#catatan-sektor").is_visible()
    # Regencies have no sector widget pages: the iframe shows every sector and says so.
    page.locator("#wilayah").select_option("kabupaten-bekasi")
    iframe_code = page.locator("#kode-iframe").input_value()
    assert f'src="{base}/embed/kabupaten-bekasi/?tema=gelap"' in iframe_code
    assert page.locator("#catatan-sektor").is_visible()
    script_code = page.locator("#kode-js").input_value()
    assert 'data-sektor="C"' in script_code and 'data-tema="gelap"' in script_code
    name = host_page(folder, "pilihan.html", script_code)
    page.goto(f"{host_base}/{name}")
    titles = snippet_titles(page, "[data-antarkerja]")
    import json

    items = json.loads((site_dir / "api/v1/kabkota/kabupaten-bekasi/1.json").read_text(encoding="utf-8"))["items"]
    assert titles == [i["title"] for i in items if i["industryCode"] == "C"][:5]


@pytest.mark.parametrize("path", ["/pasang/", "/langganan/provinsi/jawa-barat/", "/unduh/", "/embed/jawa-barat/"])
def test_new_pages_have_no_accessibility_violations(page, site, path):
    from axe_playwright_python.sync_playwright import Axe

    _, base = site
    page.goto(base + path)
    if path == "/pasang/":
        page.locator("#pratinjau-js .antarkerja-daftar").wait_for()
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        print(results.generate_report())
    assert results.violations_count == 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
