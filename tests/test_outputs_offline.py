"""The saved list page, service worker and manifest: present, small, and pointing at real files."""

from __future__ import annotations

import json
import re


def test_manifest_is_valid_json_with_an_existing_icon(fixture_site):
    manifest = json.loads((fixture_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone" and manifest["lang"] == "id"
    icon = manifest["icons"][0]["src"].lstrip("/")
    assert (fixture_site / icon).is_file()


def test_service_worker_caches_only_vacancy_pages_and_the_current_stylesheet(fixture_site, read_page):
    sw = (fixture_site / "sw.js").read_text(encoding="utf-8")
    css = re.search(r"const CSS = '([^']+)'", sw).group(1)
    home_css = read_page(fixture_site, "").find("link", rel="stylesheet").attrs["href"]
    assert css == home_css  # the cached stylesheet is the one pages ask for
    assert "const VACANCIES = new URL('/lowongan/', location.href).pathname;" in sw


def test_every_page_links_the_manifest_and_vacancy_pages_offer_saving(fixture_site, read_page):
    page = read_page(fixture_site, "lowongan/operator-produksi-bekasi/")
    assert page.find("link", rel="manifest").attrs["href"] == "/manifest.webmanifest"
    button = page.find("button", **{"data-save": True})
    assert button is not None and "hidden" in button.attrs  # shown by site.js; nothing breaks without JS
    # site.js saves what the page shows: its link (the share box), its h1 and its employer.
    assert page.find("input", id="tautan").attrs["value"] == "/lowongan/operator-produksi-bekasi/"
    assert page.find("main").find("h1").get_text() == "Operator Produksi"
    assert page.find("main").find("p", **{"class": "emp"}).get_text() == "PT Uji Manufaktur Nusantara"
    saved = read_page(fixture_site, "tersimpan/")
    assert saved.find("meta", name="robots").attrs["content"] == "noindex"


def test_settings_in_the_service_worker_are_javascript_strings_not_html(fixture_root, tmp_path):
    """`&` in --siteurl once became `&amp;` inside sw.js: HTML escaping in a script."""
    import shutil
    import subprocess

    import pytest

    from antarkerja.build import build_site

    node = shutil.which("node")
    if not node:
        pytest.skip("Node.js not installed")
    siteurl = "https://contoh.example/kerja&karier"
    site = build_site(fixture_root, output=tmp_path / "out", today="2026-11-25", siteurl=siteurl, search=False)
    sw = (site / "sw.js").read_text(encoding="utf-8")
    assert "&amp;" not in sw
    script = (
        "const self = {addEventListener() {}}; const location = {href: 'https://contoh.example/'};\n"
        + sw
        + "\nconsole.log(JSON.stringify([CSS, VACANCIES]));"
    )
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout
    css, vacancies = json.loads(out)
    assert css.startswith(siteurl + "/theme/css/site.css?v=")
    assert vacancies == "/kerja&karier/lowongan/"
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == siteurl + "/"
