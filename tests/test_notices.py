"""Printable notices: every open vacancy has one, with the facts, the warnings and a QR code
that a real decoder (ZXing's C++ port) reads back as the vacancy's public URL."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
import zxingcpp

SITEURL = "https://contoh.example"
SVG = re.compile(r"<svg\b[^>]*class=\"qr\".*?</svg>", re.S)
NS = "{http://www.w3.org/2000/svg}"
RUN = re.compile(r"([Mm])(\d+) (\d+)(?:\.5)?h(\d+)")


def qr_svgs(path) -> list[ET.Element]:
    return [ET.fromstring(m.group(0)) for m in SVG.finditer(path.read_text(encoding="utf-8"))]


def rasterize(svg: ET.Element, scale: int = 4) -> np.ndarray:
    """Paint the SVG's modules into a greyscale image (white 255, black 0).

    The path is checked to hold nothing but what the template draws (1-unit strokes along
    rows: ``M x y.5 h n`` to start a row, ``m dx 0 h n`` along it), so painting those runs
    is exactly what any SVG renderer shows.
    """
    size = int(svg.get("viewBox").split()[2])
    path = svg.find(f"{NS}path")
    assert path.get("stroke-width") == "1" and path.get("fill") == "none"
    d = path.get("d")
    runs = RUN.findall(d)
    assert "".join(f"{c}{a} {b}{'.5' if c == 'M' else ''}h{n}" for c, a, b, n in runs) == d
    image = np.full((size * scale, size * scale), 255, dtype=np.uint8)
    x = y = 0
    for command, a, b, n in runs:
        if command == "M":
            x, y = int(a), int(b)
        else:
            assert b == "0"
            x += int(a)
        image[y * scale : (y + 1) * scale, x * scale : (x + int(n)) * scale] = 0
        x += int(n)
    return image


def decode(svg: ET.Element) -> str:
    found = zxingcpp.read_barcodes(rasterize(svg))
    assert len(found) == 1 and found[0].format == zxingcpp.BarcodeFormat.QRCode
    return found[0].text


def test_every_open_vacancy_has_a_notice_whose_qr_decodes_to_its_url(fixture_site_published):
    site = fixture_site_published
    open_ids = {p.parent.name for p in site.glob("lowongan/*/index.html") if "noindex" not in p.read_text()}
    printed = {p.parent.parent.name: p for p in site.glob("lowongan/*/cetak/index.html")}
    assert open_ids and set(printed) == open_ids  # open ones only, all of them
    for vacancy_id, path in printed.items():
        (svg,) = qr_svgs(path)
        assert decode(svg) == f"{SITEURL}/lowongan/{vacancy_id}/"


def test_boards_list_open_vacancies_with_codes(fixture_site_published, read_page):
    site = fixture_site_published
    for board in ("provinsi/jawa-barat/cetak/", "kantor/disnaker-kabupaten-bekasi/cetak/"):
        path = site / board / "index.html"
        codes = qr_svgs(path)
        urls = [decode(svg) for svg in codes]
        owner = board.removesuffix("cetak/")
        assert urls[0] == f"{SITEURL}/{owner}"  # the full list online
        vacancy_urls = urls[1:]
        assert vacancy_urls and all(u.startswith(f"{SITEURL}/lowongan/") for u in vacancy_urls)
        page = read_page(site, board)
        titles = [h.get_text() for h in page.find_all("h2")]
        assert len(titles) == len(vacancy_urls)
        text = page.get_text()
        assert "Gratis, tidak dipungut biaya." in text
        assert "Data per 25 November 2026" in text and "cek status terbaru lewat kode QR" in text
        # Linked from the page it prints.
        assert read_page(site, owner).find("a", href=f"{SITEURL}/{board}") is not None


def test_vacancy_notice_shows_what_a_reader_needs(fixture_site_published, read_page):
    page = read_page(fixture_site_published, "lowongan/operator-produksi-bekasi/cetak/")
    vacancy = read_page(fixture_site_published, "lowongan/operator-produksi-bekasi/")
    text = page.get_text()
    assert page.find("h1").get_text() == vacancy.find("h1").get_text()
    assert vacancy.find("p", class_="emp").get_text() in text
    for label in ("Lokasi", "Upah", "Pendidikan", "Pengalaman", "Batas lamaran", "Cara melamar"):
        assert label in text
    assert "Gratis, tidak dipungut biaya." in text
    assert "Diverifikasi oleh" in text
    # The print date is written by the printing device (js/hari.js), so the notice does not
    # change every day; without JavaScript it says the vacancy may have changed since.
    assert "25 November 2026" not in text and "bisa sudah terisi atau ditutup setelah diverifikasi" in text
    assert "cek status terbaru lewat kode QR" in text and page.find("strong", data_hari="dicetak") is not None
    assert page.find("meta", name="robots").attrs["content"] == "noindex"
    assert vacancy.find("a", href=f"{SITEURL}/lowongan/operator-produksi-bekasi/cetak/") is not None


def test_closed_vacancies_have_no_notice(fixture_site_published):
    assert not (fixture_site_published / "lowongan" / "kasir-terisi-bekasi" / "cetak").exists()
    assert not (fixture_site_published / "lowongan" / "teknisi-kedaluwarsa-bandung" / "cetak").exists()


def test_long_records_are_cut_to_fit_one_sheet():
    from antarkerja.site.outputs.notices import MAX_QUALIFICATIONS, notice

    class V:
        data = {"qualifications": ["x" * 300] * 20, "apply": {"instructions": "y" * 1000}}
        majors = [f"Jurusan {i}" for i in range(20)]
        location = {"address": "z" * 300}

    n = notice(V())
    assert len(n["qualifications"]) == MAX_QUALIFICATIONS and n["more_qualifications"] == 20 - MAX_QUALIFICATIONS
    assert all(len(q) <= 160 for q in n["qualifications"])
    assert len(n["instructions"]) <= 400 and n["majors"].endswith("dan 15 lainnya")


@pytest.mark.parametrize("url", ["https://contoh.example/lowongan/a/", "https://x.example/lowongan/" + "b" * 120 + "/"])
def test_qr_geometry_matches_segno(url):
    """Our SVG path draws exactly segno's module matrix, and decodes back to the URL."""
    import segno

    from antarkerja.site.outputs.notices import QR_ERROR, QR_MASK, qr

    code = qr(url)
    svg = ET.fromstring(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {code["size"]} {code["size"]}">'
        f'<path stroke="#000" stroke-width="1" fill="none" d="{code["d"]}"/></svg>'
    )
    assert decode(svg) == url
    matrix = segno.make(url, error=QR_ERROR, mask=QR_MASK, micro=False, boost_error=False).matrix
    ours = rasterize(svg, scale=1)[4:-4, 4:-4] == 0
    assert (ours == np.array(matrix, dtype=bool)).all()


def _codes(notices, targets, path, today):
    """The codes of ``targets`` as one build gets them (made or read, then the cache closed)."""
    codes = notices.QrCodes(targets, notices.QrCache(path), today)
    try:
        return [codes.code(notices.qr_key(t)) for t in targets]
    finally:
        codes.close()


def test_codes_are_kept_between_builds_and_a_broken_cache_only_costs_time(tmp_path, monkeypatch):
    from antarkerja.site.outputs import notices

    path = tmp_path / "qr.sqlite3"
    targets = [f"https://contoh.example/lowongan/{n}/" for n in ("a", "b", "c")]
    first = _codes(notices, targets, path, "2026-11-25")
    assert first == [notices.qr(t) for t in targets]
    made, real = [], notices.qr
    monkeypatch.setattr(notices, "qr", lambda t: made.append(t) or real(t))
    again = _codes(notices, [*targets, "https://contoh.example/lowongan/d/"], path, "2026-11-26")
    assert again[:3] == first and made == ["https://contoh.example/lowongan/d/"]
    monkeypatch.undo()
    # Codes unused for 30 days are dropped; one used again is kept.
    _codes(notices, targets[:1], path, "2027-01-30")
    assert notices.QrCache(path).keys() == {notices.qr_key(targets[0])}
    path.write_bytes(b"not a database")
    broken = _codes(notices, targets, path, "2026-11-25")
    assert broken == first
    # No cache at all: the codes are still made, once each.
    made.clear()
    monkeypatch.setattr(notices, "qr", lambda t: made.append(t) or real(t))
    assert _codes(notices, targets, None, "2026-11-25") == first and made == targets


def test_a_kept_notice_reads_no_code(tmp_path, monkeypatch):
    """A notice page holds its code's key, not the code: the render cache keys it by the
    key, and only a page being rendered reads the code."""
    from antarkerja.site import cache
    from antarkerja.site.outputs import notices, pages

    targets = ["https://contoh.example/lowongan/a/"]
    codes = notices.QrCodes(targets, notices.QrCache(tmp_path / "qr.sqlite3"), "2026-11-25")
    reads = []
    monkeypatch.setattr(codes.cache, "get", lambda key: reads.append(key))
    lazy = pages.Lazy(codes.code, (notices.qr_key(targets[0]),))
    form = cache.stable(lazy, pages.MODELS)
    assert notices.QR_FORMAT in repr(form) and reads == []
    assert lazy.value()["url"] == targets[0] and reads == [notices.qr_key(targets[0])]
    codes.close()
