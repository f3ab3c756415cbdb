"""Statistics pages and printed notices in a real browser (Debian's Chromium).

* The longest sample notices print as exactly one A4 page with its title, the "tidak
  dipungut biaya" line and the check-status warning (PDF read back with pypdf); the QR code
  as Chromium draws it decodes (zxing-cpp) to the vacancy's address.
* A board prints on as few A4 sheets as its cards need.
* axe-core finds no violation on the statistics pages and print pages at 360×740, and the
  statistics page does not scroll sideways.
"""

from __future__ import annotations

import io
import math
import unicodedata

import numpy as np
import pytest
import zxingcpp
from pypdf import PdfReader
from support import AXE_OPTIONS

pytestmark = pytest.mark.browser

A4 = (595.3, 841.9)  # points, portrait (210 × 297 mm)
RENDER_QR = """async (el) => {
    const img = new Image();
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(el));
    await img.decode();
    const c = document.createElement("canvas");
    c.width = c.height = 240;
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0, 240, 240);
    const d = ctx.getImageData(0, 0, 240, 240).data;
    let grey = "";
    for (let i = 0; i < d.length; i += 4) grey += d[i] < 128 ? "1" : "0";
    return grey;
}"""


def pdf_text(pdf: PdfReader, number: int = 0) -> str:
    """A page's text as a reader sees it: ligatures (ﬁ) unfolded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", pdf.pages[number].extract_text()).split())


def printed(page) -> PdfReader:
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format="A4")))


def test_longest_vacancy_notices_print_on_one_a4_page(browser, sample_server, sample_site):
    # The five notices with the most text (the likeliest to spill onto a second sheet).
    notices = sorted(sample_site.glob("lowongan/*/cetak/index.html"), key=lambda p: -len(p.read_bytes()))
    assert len(notices) > 50
    ids = [p.parent.parent.name for p in notices[:5]]
    context = browser.new_context()
    page = context.new_page()
    too_long = []
    for vacancy_id in ids:
        page.goto(f"{sample_server}/lowongan/{vacancy_id}/cetak/")
        pdf = printed(page)
        box = pdf.pages[0].mediabox
        assert abs(float(box.width) - A4[0]) < 2 and abs(float(box.height) - A4[1]) < 2
        if len(pdf.pages) != 1:
            too_long.append((vacancy_id, len(pdf.pages)))
            continue
        text = pdf_text(pdf)
        title = " ".join(page.locator("h1").inner_text().split())
        assert title in text, vacancy_id
        assert "Gratis, tidak dipungut biaya." in text
        assert "cek status terbaru lewat kode QR" in text
    context.close()
    assert too_long == []


def test_printed_qr_code_as_chromium_draws_it_decodes_to_the_vacancy(browser, sample_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{sample_server}/lowongan/kepala-toko-contoh-ritel-sejahtera-surabaya/cetak/")
    page.emulate_media(media="print")
    qr = page.locator("svg.qr")
    assert qr.count() == 1 and qr.is_visible()
    box = qr.bounding_box()
    assert box["width"] >= 150  # about 50 mm on paper: easy to scan from a notice board
    dark = np.frombuffer(qr.evaluate(RENDER_QR).encode("ascii"), dtype=np.uint8) == ord("1")
    grey = np.where(dark, 0, 255).astype(np.uint8).reshape(240, 240)
    found = zxingcpp.read_barcodes(grey)
    context.close()
    # The sample site is built without a site URL, so the code holds the page's path.
    assert [f.text for f in found] == ["/lowongan/kepala-toko-contoh-ritel-sejahtera-surabaya/"]


def test_board_prints_on_few_sheets(browser, sample_server, sample_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{sample_server}/provinsi/jawa-barat/cetak/")
    cards = page.locator("li.item").count()
    assert cards >= 6
    pdf = printed(page)
    context.close()
    assert len(pdf.pages) <= math.ceil(cards / 10)  # at least ten cards a sheet
    text = pdf_text(pdf)
    assert "Gratis, tidak dipungut biaya." in text and "cek status terbaru lewat kode QR" in text


@pytest.mark.parametrize(
    "path",
    [
        "/statistik/",
        "/provinsi/jawa-barat/statistik/",
        "/provinsi/papua-pegunungan/statistik/",
        "/lowongan/kepala-toko-contoh-ritel-sejahtera-surabaya/cetak/",
        "/provinsi/jawa-barat/cetak/",
    ],
)
def test_no_accessibility_violations_at_360(phone, sample_server, path):
    from axe_playwright_python.sync_playwright import Axe

    response = phone.goto(sample_server + path)
    assert response.ok
    results = Axe().run(phone, options=AXE_OPTIONS)
    if results.violations_count:
        print(results.generate_report())
    assert results.violations_count == 0
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
