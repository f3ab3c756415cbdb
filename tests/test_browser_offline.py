"""Offline on a 360×740 phone with the network switched off (sw.js, antarkerja.site.outputs.offline).

A reader opens the home page and one vacancy online, nothing else. With the network off:
the saved list, the home page and Cek lowongan open (Cek lowongan checks a pasted message),
the visited vacancy opens, and an address never opened gives the Indonesian offline page,
which lists what opens offline (the visited vacancy included) with working links. Every
browser context here is fresh: no cache or worker is carried from another test.
"""

from __future__ import annotations

import pytest
from support import SCAM, no_sideways_scroll, run_check

pytestmark = pytest.mark.browser

VISITED = "/lowongan/operator-produksi-bekasi/"
NEVER_OPENED = "/lowongan/kasir-terisi-bekasi/"


@pytest.fixture
def offline_phone(browser, fixture_server):
    """A fresh phone that opened the home page and one vacancy, then lost its connection."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, locale="id-ID")
    page = context.new_page()
    page.goto(fixture_server + "/")
    ready = page.evaluate(
        "Promise.race([navigator.serviceWorker.ready.then(() => true),"
        " new Promise((done) => setTimeout(() => done(false), 15000))])"
    )
    assert ready, "the home page did not install the service worker"
    page.goto(fixture_server + VISITED)
    page.wait_for_function(f"caches.open('ak-halaman').then(c => c.match('{VISITED}')).then(Boolean)")
    context.set_offline(True)
    yield page
    context.close()


def test_saved_list_opens_offline(offline_phone, fixture_server):
    page = offline_phone
    page.goto(fixture_server + "/tersimpan/")
    assert page.locator("h1").text_content() == "Lowongan tersimpan"
    page.wait_for_selector("#tersimpan-kosong:not([hidden])")  # site.js ran: it came from the cache too
    assert no_sideways_scroll(page)


def test_home_page_opens_offline(offline_phone, fixture_server):
    page = offline_phone
    page.goto(fixture_server + "/")
    assert page.locator("h1").text_content() == "Lowongan kerja: data contoh"  # the sample site says so
    assert page.locator("#daftar").count() == 1
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")  # CSS from cache


def test_cek_lowongan_checks_a_pasted_message_offline(offline_phone, fixture_server):
    """Never opened online on this phone: the home page's worker precached it."""
    page = offline_phone
    page.goto(fixture_server + "/cek-lowongan/")
    page.wait_for_selector("#cek-form:not([hidden])")
    assert run_check(page, SCAM) == "bahaya"


def test_visited_vacancy_opens_offline(offline_phone, fixture_server):
    page = offline_phone
    page.goto(fixture_server + VISITED)
    assert page.locator("h1").text_content() == "Operator Produksi"


def test_unvisited_address_gives_the_indonesian_offline_page(offline_phone, fixture_server):
    page = offline_phone
    for path in (NEVER_OPENED, "/provinsi/", "/cari/?q=operator"):
        page.goto(fixture_server + path)
        assert page.locator("h1").text_content() == "Tidak ada koneksi internet", path
        assert page.url == fixture_server + path  # the address asked for stays, to retry later
    assert no_sideways_scroll(page)
    page.wait_for_selector("#terakhir:not([hidden])")
    links = {a.text_content(): a.get_attribute("href") for a in page.locator("main li a").all()}
    assert links["Beranda"] == "/" and links["Lowongan tersimpan"] == "/tersimpan/"
    assert links["Cek lowongan"] == "/cek-lowongan/"
    assert links["Operator Produksi"] == fixture_server + VISITED  # the visited vacancy, by its title
    page.get_by_role("link", name="Operator Produksi").click()
    page.wait_for_url(fixture_server + VISITED)
    assert page.locator("h1").text_content() == "Operator Produksi"  # each link really opens offline
