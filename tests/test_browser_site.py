"""The site in a real browser (Debian's Chromium) on a small Android phone's screen.

* A visitor follows real links: home → province → vacancy → office, on the sample site.
* No page template scrolls sideways at 360 px or 320 px.
* axe-core finds no WCAG 2.x A/AA (2.2 included) or best-practice violation on any template.
* The copy-link button copies; without JavaScript the link is still there to copy by hand;
  the WhatsApp share link needs no JavaScript at all.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from support import AXE_OPTIONS, no_sideways_scroll

pytestmark = pytest.mark.browser

# One page per template, from the fixture site (it has every kind of vacancy).
TEMPLATES = {
    "home": "/",
    "vacancy-open": "/lowongan/operator-produksi-bekasi/",
    "vacancy-closed": "/lowongan/kasir-terisi-bekasi/",
    "vacancy-overseas": "/lowongan/perawat-lansia-jepang/",
    "vacancy-example": "/lowongan/magang-administrasi-contoh/",
    "all-vacancies": "/lowongan/",
    "province": "/provinsi/jawa-barat/",
    "regency": "/kabkota/kabupaten-bekasi/",
    "regency-empty": "/kabkota/kota-bandung/",
    "provinces-index": "/provinsi/",
    "office-directory": "/kantor/",
    "office": "/kantor/disnaker-kabupaten-bekasi/",
    "content-page": "/waspada-lowongan-palsu/",
    "employer": "/pemberi-kerja/pt-uji-manufaktur-nusantara/",
    "saved": "/tersimpan/",
    "404": "/404.html",
    "office-quality": "/kantor/disnaker-kabupaten-bekasi/mutu/",
    "quality-summary": "/mutu-data/",
    "vacancy-notice": "/lowongan/operator-produksi-bekasi/cetak/",
}


def test_visitor_follows_links_home_province_vacancy_office(phone, sample_server):
    page = phone
    page.goto(sample_server + "/")
    assert no_sideways_scroll(page)
    # A province that has open vacancies, chosen from the home page's own list.
    province = page.locator("section[aria-labelledby=per-provinsi] a").filter(has_not_text=" 0").first
    name = province.locator("span").first.inner_text()
    province.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == f"Lowongan kerja di {name}"
    assert no_sideways_scroll(page)
    card = page.locator("li.card h3 a").first
    title = card.inner_text()
    card.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    assert "/lowongan/" in page.url
    assert no_sideways_scroll(page)
    office = page.locator("p.verified a")
    office_name = office.inner_text()
    office.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == office_name
    assert no_sideways_scroll(page)
    # The office lists the vacancy we came from (it verified it and it is open).
    assert page.locator("li.card h3 a", has_text=title).count() >= 1


@pytest.mark.parametrize("width", [360, 320])
def test_no_page_scrolls_sideways(browser, fixture_server, width):
    context = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    wide = []
    for name, url in TEMPLATES.items():
        page.goto(fixture_server + url)
        if not no_sideways_scroll(page):
            wide.append((name, page.evaluate("document.documentElement.scrollWidth")))
    context.close()
    assert not wide, f"wider than {width}px: {wide}"


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_no_accessibility_violations(phone, fixture_server, name):
    from axe_playwright_python.sync_playwright import Axe

    phone.goto(fixture_server + TEMPLATES[name])
    results = Axe().run(phone, options=AXE_OPTIONS)
    if results.violations_count:
        print(results.generate_report())
    assert results.violations_count == 0


def test_the_accessibility_check_reports_a_broken_page(phone, fixture_server):
    """The options every axe run here uses still report what a phone user would hit: an
    unlabelled field, an image with no text and grey text too faint to read."""
    from axe_playwright_python.sync_playwright import Axe

    phone.goto(fixture_server + TEMPLATES["home"])
    phone.evaluate(
        """() => document.querySelector("main").insertAdjacentHTML("beforeend",
             '<input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb">Gaji</p>')"""
    )
    results = Axe().run(phone, options=AXE_OPTIONS)
    found = {v["id"] for v in results.response["violations"]}
    assert {"label", "image-alt", "color-contrast"} <= found, found


def test_focus_is_visible_and_tap_targets_are_big_enough(phone, fixture_server):
    phone.goto(fixture_server + TEMPLATES["vacancy-open"])
    phone.keyboard.press("Tab")
    skip = phone.locator("a.skip")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["width"] > 0  # visible when focused
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    small = phone.evaluate(
        """() => [...document.querySelectorAll('a.btn, button, nav a, li.card a, .grid a, input[type=search]')]
            .filter(el => el.offsetParent !== null)
            .map(el => [el.textContent.trim() || el.id, el.getBoundingClientRect().height])
            .filter(([_, h]) => h < 44)"""
    )
    assert small == []


def test_copy_link_button_copies_the_page_address(browser, fixture_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=fixture_server)
    page = context.new_page()
    url = fixture_server + TEMPLATES["vacancy-open"]
    page.goto(url)
    button = page.get_by_role("button", name="Salin tautan")
    assert button.is_visible()
    assert page.locator("#tautan").input_value() == url  # made absolute for sharing
    button.click()
    page.get_by_text("Tautan disalin.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == url
    context.close()


def test_without_javascript_the_link_is_still_there(browser, fixture_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_server + TEMPLATES["vacancy-open"])
    field = page.locator("#tautan")
    assert field.is_visible() and field.get_attribute("readonly") is not None
    assert field.input_value() == "/lowongan/operator-produksi-bekasi/"
    assert not page.get_by_role("button", name="Salin tautan").is_visible()
    share = page.get_by_role("link", name="Bagikan lewat WhatsApp")
    assert share.is_visible()
    href = share.get_attribute("href")
    assert href.startswith("https://wa.me/?text=")
    text = parse_qs(urlparse(href).query)["text"][0]
    assert text.startswith(
        "Operator Produksi – PT Uji Manufaktur Nusantara\nKabupaten Bekasi, Jawa Barat\nRp 4.500.000 – 5.200.000 per bulan"
    )
    assert text.endswith("/lowongan/operator-produksi-bekasi/")
    context.close()


def test_apply_action_is_on_the_first_screen_and_stays_reachable(phone, fixture_server):
    phone.goto(fixture_server + TEMPLATES["vacancy-open"])
    apply = phone.locator(".apply-bar a").first
    box = apply.bounding_box()
    assert apply.text_content() == "Lamar sekarang"
    assert apply.get_attribute("href") == "https://uji-manufaktur.example.id/karier"
    assert box["y"] + box["height"] <= 740  # on the first screen of a 360×740 phone
    phone.mouse.wheel(0, 1500)
    phone.wait_for_timeout(200)
    box = apply.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 740 + 1  # still on screen while reading


def test_report_by_whatsapp_names_the_vacancy_and_its_link(phone, fixture_server):
    phone.goto(fixture_server + TEMPLATES["vacancy-open"])
    link = phone.get_by_role("link", name="WhatsApp kantor pemverifikasi")
    href = link.get_attribute("href")
    assert href.startswith("https://wa.me/62")
    text = parse_qs(urlparse(href).query)["text"][0]
    assert "Operator Produksi" in text and "/lowongan/operator-produksi-bekasi/" in text


def test_saved_vacancy_opens_with_the_network_switched_off(browser, fixture_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(fixture_server + TEMPLATES["vacancy-open"])
        registered = page.evaluate(
            "Promise.race([navigator.serviceWorker.ready.then(() => true),"
            " new Promise((done) => setTimeout(() => done(false), 15000))])"
        )
        assert registered, "the service worker did not register"
        page.get_by_role("button", name="Simpan lowongan").click()
        page.wait_for_function("document.querySelector('[data-save-status]').textContent.includes('Tersimpan')")
        page.wait_for_function(
            "caches.open('ak-simpan').then(c => c.match('/lowongan/operator-produksi-bekasi/')).then(Boolean)"
        )
        page.goto(fixture_server + "/tersimpan/")
        page.wait_for_selector("#tersimpan li")
        assert page.locator("#tersimpan li a").first.text_content() == "Operator Produksi"
        page.wait_for_function("document.querySelector('#tersimpan li .muted').textContent === 'Masih dibuka'")
        page.reload()  # the list lives on the device and survives reloads
        page.wait_for_selector("#tersimpan li")
        context.set_offline(True)
        page.goto(fixture_server + TEMPLATES["vacancy-open"])
        assert page.locator("h1").text_content() == "Operator Produksi"
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")  # CSS from cache
    finally:
        context.close()


def test_service_worker_and_manifest_stay_small(fixture_site):
    sizes = {name: (fixture_site / name).stat().st_size for name in ("sw.js", "manifest.webmanifest")}
    assert sum(sizes.values()) < 5 * 1024, sizes


# Tap targets and wrapping at 360×740, on the sample site ----------------------------------------

TAP_PAGES = {
    "home": "/",
    "vacancy-email": "/lowongan/pramuniaga-toko-pakaian-contoh-busana-surabaya/",
    "vacancy-phone": "/lowongan/resepsionis-klinik-gigi-contoh-senyum-sleman/",
    "search": "/cari/?q=operator&provinsi=Seluruh+Indonesia",
    "employer": "/pemberi-kerja/cv-contoh-busana-kenjeran/",
    "check": "/cek-lowongan/",
}
# Every visible tap target; a checkbox counts through the label that holds it.
TAP_TARGETS = """() => {
  const out = [];
  for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, label')) {
    if (e.closest('[hidden]') || getComputedStyle(e).visibility === 'hidden') continue;
    const box = e.control && ['checkbox', 'radio'].includes(e.control.type);
    if (e.matches('label') && !box) continue;  // other labels are not targets
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height || r.right <= 0) continue;  // not shown, or the skip link off screen
    let h = r.height, w = r.width;
    if (e.matches('input[type=checkbox], input[type=radio]')) {
      const l = e.closest('label');
      if (l) ({ height: h, width: w } = l.getBoundingClientRect());
    }
    if (h < 44 || w < 44) out.push(`${e.tagName.toLowerCase()} ${Math.round(w)}×${Math.round(h)} “${(e.textContent || e.name || '').trim().slice(0, 40)}”`);
  }
  return out;
}"""


def open_settled(page, url):
    page.goto(url)
    if "/cari/" in url:
        page.wait_for_function("() => document.getElementById('cari-hasil').dataset.selesai !== undefined")
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")


@pytest.mark.parametrize("name", list(TAP_PAGES))
def test_every_tap_target_is_at_least_44px(phone, sample_server, name):
    open_settled(phone, sample_server + TAP_PAGES[name])
    offenders = phone.evaluate(TAP_TARGETS)
    assert offenders == [], "\n".join(offenders)
    if name == "search":  # the whole "Ramah disabilitas" label toggles its checkbox
        label = phone.locator("label[for=f-disabilitas]")
        assert not phone.is_checked("#f-disabilitas")
        label.click(position={"x": label.bounding_box()["width"] - 5, "y": 5})
        assert phone.is_checked("#f-disabilitas")


@pytest.mark.parametrize("name", list(TAP_PAGES))
def test_phone_numbers_never_wrap_inside(phone, sample_server, name):
    open_settled(phone, sample_server + TAP_PAGES[name])
    lines = phone.eval_on_selector_all(
        "a[href^='tel:']", "as => as.filter(a => a.offsetParent).map(a => [a.textContent, a.getClientRects().length])"
    )
    assert lines, "every page names the Kemnaker complaint number"
    assert [text for text, n in lines if n != 1] == []


def test_a_long_email_address_breaks_only_at_at_dots_or_hyphens(phone, sample_server):
    """The button says what it does; the address has its own line and never breaks mid-word."""
    from antarkerja.present import email_text

    address = "rekrutmen.karyawan.baru.cabang@contoh-perusahaan-yang-panjang-sekali.co.id"
    phone.goto(sample_server + TAP_PAGES["vacancy-email"])
    button = phone.locator("section[aria-labelledby=lamar] .btn-mail")
    assert button.inner_text().splitlines()[0] == "Kirim lamaran lewat email"
    button.locator(".addr").evaluate("(el, html) => { el.innerHTML = html; }", str(email_text(address)))
    lines = button.locator(".addr").evaluate(
        """el => {
          const text = el.textContent, range = document.createRange(), node = el.ownerDocument.createTreeWalker(el, 4);
          const tops = [];
          for (let n = node.nextNode(); n; n = node.nextNode())
            for (let i = 0; i < n.length; i++) { range.setStart(n, i); range.setEnd(n, i + 1); tops.push(range.getBoundingClientRect().top); }
          const out = [''];
          [...text].forEach((c, i) => { if (i && tops[i] > tops[i - 1] + 2) out.push(''); out[out.length - 1] += c; });
          return out;
        }"""
    )
    assert "".join(lines) == address
    assert len(lines) > 1, "the test address should need several lines at 360 px"
    # Breaks come before "@" or a dot (<wbr>), or after a hyphen (the browser's own), never
    # inside a run of letters.
    assert all(line[0] in "@." or before.endswith("-") for before, line in zip(lines, lines[1:], strict=False)), lines
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360


@pytest.mark.parametrize("name", ["employer", "search"])
def test_axe_finds_nothing_on_the_employer_page_and_search_results(phone, sample_server, name):
    from axe_playwright_python.sync_playwright import Axe

    open_settled(phone, sample_server + TAP_PAGES[name])
    if name == "search":
        assert phone.locator("#cari-hasil > li").count() > 0
    results = Axe().run(phone, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
