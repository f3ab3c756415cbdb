"""Words that change every day, written on the reader's phone (theme/static/js/hari.js).

Pages carry dates, which stay true without JavaScript; the script counts days from the
device's date in the wording of antarkerja.wording. The phone's clock is set to a chosen day
(Playwright's clock), so "today" is the device's, not the build's. Also: the later pages of
a listing (numbered from the oldest) at 360 px, without sideways scroll or axe findings.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import served
from support import AXE_OPTIONS, SITE_FIXTURE, TODAY, no_sideways_scroll

from antarkerja.wording import days_left_text, posted_ago_text

pytestmark = pytest.mark.browser

VACANCY = "/lowongan/operator-produksi-bekasi/"  # posted 18 November 2026, open until 15 January 2027
POSTED, CLOSES = date(2026, 11, 18), date(2027, 1, 15)
LISTING = "/kabkota/kabupaten-bekasi/"
JAKARTA = ZoneInfo("Asia/Jakarta")


def phone_on(browser, day: date | None, javascript: bool = True):
    """A 360×740 phone in Jakarta whose clock reads ``day`` at 08:00 (None: no clock set)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        locale="id-ID",
        timezone_id="Asia/Jakarta",
        java_script_enabled=javascript,
    )
    page = context.new_page()
    if day is not None:
        page.clock.set_fixed_time(datetime(day.year, day.month, day.day, 8, tzinfo=JAKARTA))
    return context, page


def card_of(page, url: str):
    return page.locator("li.card", has=page.locator(f'a[href="{url}"]'))


@pytest.mark.parametrize("offset", [-7, -6, 0, 1, 50, 51])  # posted today, yesterday; closes today
def test_the_phone_counts_days_from_its_own_date(browser, fixture_server, offset):
    day = TODAY + timedelta(days=offset)
    context, page = phone_on(browser, day)
    page.goto(fixture_server + LISTING)
    card = card_of(page, VACANCY)
    facts = card.locator("li[data-hari]").all_inner_texts()
    assert facts == [posted_ago_text((day - POSTED).days), days_left_text((CLOSES - day).days, CLOSES)]
    page.goto(fixture_server + VACANCY)
    left = page.locator('[data-hari="sisa"]').inner_text()
    assert left == ("(hari terakhir)" if day == CLOSES else f"({(CLOSES - day).days} hari lagi)")
    assert no_sideways_scroll(page)
    context.close()


def test_today_reads_n_hari_lagi_and_a_passed_deadline_says_so(browser, fixture_server):
    context, page = phone_on(browser, TODAY)
    page.goto(fixture_server + LISTING)
    assert "Batas lamaran 15 Januari 2027 (51 hari lagi)" in card_of(page, VACANCY).inner_text()
    context.close()
    # A phone whose date is past the deadline (the site not rebuilt yet) does not count down.
    context, page = phone_on(browser, CLOSES + timedelta(days=2))
    page.goto(fixture_server + LISTING)
    assert "Batas lamaran sudah lewat (15 Januari 2027)" in card_of(page, VACANCY).inner_text()
    page.goto(fixture_server + VACANCY)
    assert page.locator('[data-hari="sisa"]').inner_text() == "(sudah lewat)"
    context.close()


def test_without_javascript_the_dates_read_right(browser, fixture_server):
    context, page = phone_on(browser, None, javascript=False)
    page.goto(fixture_server + LISTING)
    facts = card_of(page, VACANCY).locator("li[data-hari]").all_inner_texts()
    assert facts == ["Tayang 18 November 2026", "Batas lamaran 15 Januari 2027"]
    assert "hari lagi" not in page.locator("main").inner_text()
    page.goto(fixture_server + VACANCY)
    deadline = page.locator("dt", has_text="Batas lamaran").locator("xpath=..").locator("dd").inner_text()
    assert deadline.strip() == "15 Januari 2027"
    assert no_sideways_scroll(page)
    context.close()


def test_a_printed_notice_carries_the_day_it_is_printed(browser, fixture_server):
    context, page = phone_on(browser, TODAY + timedelta(days=9))
    page.goto(fixture_server + VACANCY + "cetak/")
    assert page.locator('[data-hari="dicetak"]').inner_text().strip() == "Dicetak 4 Desember 2026."
    context.close()
    context, page = phone_on(browser, None, javascript=False)
    page.goto(fixture_server + VACANCY + "cetak/")
    stamp = page.locator("footer.stamp").inner_text()
    assert "Diverifikasi oleh" in stamp and "Dicetak" not in stamp and "cek status terbaru" in stamp
    context.close()


# Later pages of a listing, numbered from the oldest ---------------------------------------


@pytest.fixture(scope="module")
def small_pages_server(tmp_path_factory):
    """The fixture site with 4 cards and 5 rows a page, so lists have several pages."""
    from antarkerja.site import build

    real = build.load_settings
    mp = pytest.MonkeyPatch()
    mp.setattr(
        build, "load_settings", lambda *a, **k: {**real(*a, **k), "LISTING_PER_PAGE": 4, "LISTING_ROWS_PER_PAGE": 5}
    )
    try:
        work = tmp_path_factory.mktemp("small-pages")
        shutil.copytree(SITE_FIXTURE, work / "repo")
        build.build_site(work / "repo", output=work / "out", today=TODAY.isoformat(), siteurl=None, search=False)
    finally:
        mp.undo()
    yield from served(work / "out")


@pytest.mark.parametrize("url", ["/provinsi/jawa-barat/", "/provinsi/jawa-barat/page/2/", "/lowongan/page/3/"])
def test_listing_pages_fit_a_phone_and_pass_axe(browser, small_pages_server, url):
    from axe_playwright_python.sync_playwright import Axe

    context, page = phone_on(browser, TODAY)
    page.goto(small_pages_server + url)
    assert no_sideways_scroll(page)
    assert page.locator("nav.pager a").count() >= 1
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        print(results.generate_report())
    assert results.violations_count == 0
    context.close()


def test_a_reader_pages_from_the_newest_to_the_oldest(browser, small_pages_server):
    context, page = phone_on(browser, TODAY)
    page.goto(small_pages_server + "/provinsi/jawa-barat/")
    seen, visited = [], []
    while True:
        visited.append(page.url.removeprefix(small_pages_server))
        seen += page.locator("section.list li.card h3 a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        older = page.locator('a[rel="next"]')
        if older.count() == 0:
            break
        target = older.get_attribute("href")
        older.click()
        page.wait_for_url(f"**{target}")  # the next page, not the one still on screen under load
    assert visited[0] == "/provinsi/jawa-barat/" and visited[-1] == "/provinsi/jawa-barat/page/2/"
    assert len(seen) == len(set(seen)) >= 12
    context.close()
