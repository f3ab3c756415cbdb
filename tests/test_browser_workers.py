"""The new pages for workers and schools in a real browser at 360×740: axe-core finds no
violation, nothing scrolls sideways, and a worker reaches JKP help in a few taps."""

from __future__ import annotations

import pytest
from support import AXE_OPTIONS, no_sideways_scroll

pytestmark = pytest.mark.browser

PAGES = {
    "jkp": "/terkena-phk/",
    "services": "/kantor/layanan/",
    "service-jkp": "/kantor/layanan/jkp/",
    "smk": "/smk/",
    "smk-area": "/smk/teknik-mesin/",
    "smk-any": "/smk/semua-jurusan/",
    "smk-unmatched": "/smk/belum-terpetakan/",
    "bkk-office": "/kantor/bkk-smk-negeri-contoh-1-cikarang/",
    "vacancy-history-flagged": "/lowongan/operator-produksi-contoh-bekasi/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_new_pages_have_no_accessibility_violations(phone, sample_server, name):
    from axe_playwright_python.sync_playwright import Axe

    phone.goto(sample_server + PAGES[name])
    assert no_sideways_scroll(phone)
    results = Axe().run(phone, options=AXE_OPTIONS)
    if results.violations_count:
        print(results.generate_report())
    assert results.violations_count == 0


def test_worker_reaches_jkp_offices_from_any_page_in_a_few_taps(phone, sample_server):
    page = phone
    page.goto(sample_server + "/")
    page.locator("footer a", has_text="Terkena PHK?").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Terkena PHK?"
    page.locator("a.btn", has_text="Kantor yang membantu JKP").click()
    first_province = page.locator("section[aria-labelledby=kantor] nav a").first
    first_province.click()
    office = page.locator("section[aria-labelledby=kantor] li.oc").first
    assert office.is_visible()
    assert office.locator("a[href^='https://wa.me/']").count() == 1
