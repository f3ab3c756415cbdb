"""The saved list page, service worker and manifest: present, small, and pointing at real files."""

from __future__ import annotations

import json
import re


def test_manifest_is_valid_json_with_an_existing_icon(fixture_site):
    manifest = json.loads((fixture_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone" and manifest["lang"] == "id"
    icon = manifest["icons"][0]["src"].lstrip("/")
    assert (fixture_site / icon).is_file()


def _asset(page, tag: str, attr: str, name: str) -> str:
    (found,) = [e.attrs[attr] for e in page.find_all(tag) if name in e.attrs.get(attr, "")]
    return found


def precache_list(sw: str) -> list[str]:
    from antarkerja.site.scripts import script_settings

    return script_settings(sw)["precache"]


def test_service_worker_precaches_exactly_what_the_pages_ask_for(fixture_site, read_page):
    sw = (fixture_site / "sw.js").read_text(encoding="utf-8")
    files = precache_list(sw)
    home_css = read_page(fixture_site, "").find("link", rel="stylesheet").attrs["href"]
    home_js = _asset(read_page(fixture_site, ""), "script", "src", "site.js")
    check = read_page(fixture_site, "cek-lowongan/")
    engine_js = _asset(check, "script", "src", "checkengine.js")
    util_js = _asset(check, "script", "src", "util.js")
    check_js = _asset(check, "script", "src", "check.js")
    check_css = _asset(check, "link", "href", "check.css")
    # The same URLs the pages request (a stale ?v= would be fetched for nothing), and only these.
    assert files == [
        "/", "/tersimpan/", "/luring/", home_css, home_js, "/cek-lowongan/", "/cek-lowongan/aturan.json",
        engine_js, util_js, check_js, check_css,
    ]  # fmt: skip
    for path in files:
        assert (fixture_site / path.split("?")[0].lstrip("/")).exists() or path.endswith("/"), path
    settings = json.loads(re.search(r"^const SETTINGS = (\{.*\});$", sw, re.M).group(1))
    assert settings["vacancies"] == "/lowongan/" and settings["offline"] == "/luring/"


def test_service_script_settings_are_js_string_escaped(fixture_site_published):
    sw = (fixture_site_published / "sw.js").read_text(encoding="utf-8")
    assert precache_list(sw)[0] == "https://contoh.example/"
    assert "&#" not in sw and "&amp;" not in sw  # never HTML-escaped


def test_offline_page_is_indonesian_and_links_what_opens_offline(fixture_site, read_page):
    page = read_page(fixture_site, "luring/")
    assert page.find("h1").get_text() == "Tidak ada koneksi internet"
    assert page.find("meta", name="robots").attrs["content"] == "noindex"
    links = {a.get_text(): a.attrs["href"] for a in page.find("main").find_all("a")}
    assert links == {"Beranda": "/", "Lowongan tersimpan": "/tersimpan/", "Cek lowongan": "/cek-lowongan/"}
    # The home page installs the worker, as the saved list and vacancy pages do.
    assert read_page(fixture_site, "").find("span", **{"data-sw": True}).attrs["data-sw"] == "/sw.js"


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
    import subprocess

    from support import node as support_node

    from antarkerja.site.build import build_site

    node = support_node()
    siteurl = "https://contoh.example/kerja&karier"
    site = build_site(fixture_root, output=tmp_path / "out", today="2026-11-25", siteurl=siteurl, search=False)
    sw = (site / "sw.js").read_text(encoding="utf-8")
    assert "&amp;" not in sw
    script = (
        "const self = {addEventListener() {}}; const location = {href: 'https://contoh.example/'};\n"
        + sw
        + "\nconsole.log(JSON.stringify([PRECACHE, VACANCIES]));"
    )
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout
    precache, vacancies = json.loads(out)
    assert any(path.startswith(siteurl + "/theme/css/site.css?v=") for path in precache), precache
    assert vacancies == "/kerja&karier/lowongan/"
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == siteurl + "/"


def test_offline_set_is_measured_file_by_file_and_fits_its_budget(fixture_site):
    from antarkerja.site.outputs.offline import BUDGET_KB, precache_sizes
    from antarkerja.tools.bench import format_precache

    sizes = precache_sizes(fixture_site)
    assert [address for address, _, _ in sizes] == precache_list((fixture_site / "sw.js").read_text(encoding="utf-8"))
    home = (fixture_site / "index.html").stat().st_size
    assert sizes[0] == ("/", home, sizes[0][2]) and 0 < sizes[0][2] < home  # stored and compressed bytes
    assert sum(gz for _, _, gz in sizes) <= BUDGET_KB * 1000
    table = format_precache([list(row) for row in sizes])
    assert "/cek-lowongan/aturan.json" in table and "OVER BUDGET" not in table
    assert "OVER BUDGET" in format_precache([["/x", 90_000, 61_000]])
