"""The officers' web form /kirim-lowongan/ in a real browser on a 360 px phone screen."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from support import AXE_OPTIONS, make_repo

from antarkerja.records.fmt import format_text
from antarkerja.records.schema import vacancy as vacancy_schema
from antarkerja.records.validate import validate_repository
from antarkerja.reference import load_reference

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
REPO_URL = "https://github.com/contoh/antarkerja"
# Tricky text: quotes, colons, hashes, a YAML word, emoji and a multi-line description.
ANSWERS = {
    "#k-title": "Staf Gudang: Sif #2",
    "#k-employer": 'PT "Maju" Sentosa Contoh',
    "#k-address": "yes",
    "#k-contract_months": "12",
    "#k-openings": "3",
    "#k-salary_min": "5600000",
    "#k-experience_months": "0",
    "#k-kbji": "4",
    "#k-majors": "- Akuntansi\n- Manajemen 😀",
    "#k-description": "Mencatat barang masuk dan keluar gudang setiap hari.  \n\nBekerja enam hari seminggu; tanpa biaya apa pun.",
    "#k-qualifications": "1. Teliti\n2. Bisa memakai komputer",
    "#k-apply_email": "rekrutmen@maju-sentosa.contoh.co.id",
    "#k-apply_instructions": "Bawa KTP: asli # dan fotokopi",
    "#k-valid_through": "2027-01-15",
    "#k-verification_date": "2026-11-24",
}
SELECTS = {
    "#k-legal_form": "pt",
    "#k-provinsi": "32",
    "#k-regency": "32.16",
    "#k-work_mode": "onsite",
    "#k-employment_type": "pkwt",
    "#k-education": "smk",
    "#k-kbli": "H",
    "#k-office": "disnaker-kabupaten-bekasi",
}


@pytest.fixture
def form_page(phone, sample_server):
    def with_repository(route):
        response = route.fetch()
        spec = response.json()
        spec["repository"] = REPO_URL
        route.fulfill(response=response, body=json.dumps(spec), content_type="application/json")

    phone.route("**/kirim-lowongan/formulir.json", with_repository)
    phone.goto(sample_server + "/kirim-lowongan/")
    phone.wait_for_selector("#k-title")
    phone.evaluate("localStorage.clear()")
    return phone


def _fill(page):
    for selector, value in SELECTS.items():
        page.select_option(selector, value)
    for selector, value in ANSWERS.items():
        page.fill(selector, value)


def test_form_is_built_from_the_schema(form_page):
    page = form_page
    spec = vacancy_schema.schema(load_reference(ROOT))
    assert page.locator("label[for=k-title]").inner_text() == "Nama jabatan (wajib)"
    assert page.locator("label[for=k-benefits]").inner_text().endswith("(boleh kosong)")
    assert page.get_attribute("#k-title", "required") is not None
    assert "tanpa nama perusahaan" in page.inner_text("#k-title-bantuan")
    education = page.locator("#k-education option").all_inner_texts()
    assert "SMK/MAK" in education and len(education) == len(spec["education"]["schema"]["minimum"]["allowed"]) + 1
    # Regencies follow the province.
    page.select_option("#k-provinsi", "51")
    regencies = page.locator("#k-regency option").all_inner_texts()
    assert "Kabupaten Badung" in regencies and "Kabupaten Bekasi" not in regencies


def test_preview_is_canonical_and_valid_and_submit_opens_github(form_page, tmp_path):
    page = form_page
    _fill(page)
    text = page.inner_text("#kirim-yaml")
    name = page.inner_text("#kirim-nama")
    assert name == "content/vacancies/jawa-barat/staf-gudang-sif-2-pt-maju-sentosa-contoh-bekasi.yml"
    ref = load_reference(ROOT)
    assert format_text(text, vacancy_schema.schema(ref)) == text  # exactly `antarkerja fmt` layout
    assert 'title: "Staf Gudang: Sif #2"' in text and 'address: "yes"' in text
    assert "description: |\n  Mencatat barang masuk dan keluar gudang setiap hari.\n\n  Bekerja" in text
    offices = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "content/offices").glob("*.yml")}
    repo = make_repo(tmp_path, {name.removeprefix("content/vacancies/"): text}, offices)
    assert [d.format() for d in validate_repository(repo).errors] == []

    opened = []
    page.route("https://github.com/**", lambda route: (opened.append(route.request.url), route.abort()))
    page.click("#kirim-github")
    page.wait_for_timeout(300)
    assert opened, "submit did not open GitHub"
    url = urlparse(opened[0])
    assert url.path == "/contoh/antarkerja/new/main/content/vacancies/jawa-barat"
    query = parse_qs(url.query)
    assert query["filename"] == ["staf-gudang-sif-2-pt-maju-sentosa-contoh-bekasi.yml"]
    assert query["value"] == [text]


def test_missing_answers_are_listed_and_nothing_opens(form_page):
    page = form_page
    opened = []
    page.route("https://github.com/**", lambda route: (opened.append(route.request.url), route.abort()))
    page.fill("#k-openings", "0")
    page.fill("#k-apply_email", "bukan-email")
    page.click("#kirim-github")
    summary = page.locator("#kirim-galat")
    assert summary.is_visible()
    messages = summary.inner_text()
    assert "Nama jabatan: S201: wajib diisi (Nama jabatan)" in messages
    assert "Jumlah lowongan: S206: nilai 0 di luar batas (minimal 1)" in messages
    assert "Email lamaran: S205: `bukan-email` tidak sesuai format (tulis sebagai alamat email" in messages
    assert page.get_attribute("#k-title", "aria-invalid") == "true"
    assert not opened


def test_draft_survives_a_reload_and_can_be_deleted(form_page):
    page = form_page
    page.fill("#k-title", "Juru Masak")
    page.select_option("#k-provinsi", "32")
    page.select_option("#k-regency", "32.16")
    page.reload()
    page.wait_for_selector("#k-title")
    assert page.input_value("#k-title") == "Juru Masak" and page.input_value("#k-regency") == "32.16"
    assert "Draf sebelumnya dipulihkan" in page.inner_text("#kirim-status")
    page.click("#kirim-hapus")
    page.reload()
    page.wait_for_selector("#k-title")
    assert page.input_value("#k-title") == ""


def test_copy_and_download_are_the_fallbacks(form_page):
    page = form_page
    _fill(page)
    with page.expect_download() as download:
        page.click("#kirim-unduh")
    path = download.value.path()
    assert Path(path).read_text(encoding="utf-8") == page.inner_text("#kirim-yaml")
    assert download.value.suggested_filename == "staf-gudang-sif-2-pt-maju-sentosa-contoh-bekasi.yml"


def test_form_fits_a_phone_and_passes_axe(form_page):
    page = form_page
    _fill(page)
    page.fill("#k-openings", "")
    page.click("#kirim-github")  # show the error state too
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_offices_follow_the_province_and_show_their_ids(form_page):
    page = form_page
    assert page.locator("#k-office option").all_inner_texts() == ["— pilih provinsi dulu —"]
    page.select_option("#k-provinsi", "51")
    bali = page.locator("#k-office option").all_inner_texts()
    assert "Dinas Tenaga Kerja Kabupaten Badung (disnaker-kabupaten-badung)" in bali
    assert not any("Bekasi" in o for o in bali)
    assert any("(kemnaker)" in o for o in bali)  # the ministry verifies anywhere
    page.select_option("#k-provinsi", "32")
    page.select_option("#k-office", "disnaker-kabupaten-bekasi")
    assert not any("Badung" in o for o in page.locator("#k-office option").all_inner_texts())
    # The help links to the office list, where every office shows its id.
    link = page.locator("#k-office-bantuan a")
    assert link.inner_text() == "Daftar kantor dan ID-nya" and link.get_attribute("href") == "/kantor/"


def test_regency_help_speaks_of_the_two_lists(form_page):
    help_text = form_page.inner_text("#k-regency-bantuan")
    assert "Pilih provinsi, lalu kabupaten/kota" in help_text and "Kode atau nama lengkap" not in help_text


def test_copy_and_download_of_an_incomplete_file_say_what_it_lacks(form_page):
    page = form_page
    page.fill("#k-title", "Kasir")
    with page.expect_download():
        page.click("#kirim-unduh")
    status = page.inner_text("#kirim-status")
    assert "masih memuat kesalahan dan akan ditolak pemeriksa" in status and "Kabupaten/kota" in status
    assert "Nama pemberi kerja S201" in status
    assert page.locator("#kirim-galat").is_visible()
    page.click("#kirim-salin")
    assert "masih memuat kesalahan" in page.inner_text("#kirim-status")
    _fill(page)
    with page.expect_download():
        page.click("#kirim-unduh")
    assert "masih memuat kesalahan" not in page.inner_text("#kirim-status")


def test_every_office_page_shows_its_id_with_a_copy_button(phone, sample_server):
    page = phone
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=sample_server)
    page.goto(sample_server + "/kantor/disnaker-kabupaten-bekasi/")
    assert page.inner_text("#id-kantor") == "disnaker-kabupaten-bekasi"
    page.click("text=Salin ID")
    page.wait_for_function("document.querySelector('[data-copy-status]').textContent !== ''")
    assert page.inner_text(".office-id [data-copy-status]") == "ID kantor disalin."
    assert page.evaluate("navigator.clipboard.readText()") == "disnaker-kabupaten-bekasi"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_seven_errors_of_a_downloaded_file_stand_next_to_their_fields_until_fixed(form_page, tmp_path):
    """The file of issue 27 that `antarkerja validate` rejected with R401, R402, R403, R404, R407,
    R409 and R413: salary min above max, a fee, "pria berpenampilan menarik", "usia maksimal 30",
    a closing date 206 days out, a verification after posting. Each is shown at its field with
    the validator's code and hint, copy and download name them, no GitHub page opens; fixed, the
    link opens with a file that `antarkerja validate` accepts."""
    page = form_page
    opened = []
    page.route("https://github.com/**", lambda route: (opened.append(route.request.url), route.abort()))
    _fill(page)
    today = date.fromisoformat(page.evaluate("new Date().toLocaleDateString('sv')"))
    page.fill("#k-salary_min", "7000000")
    page.fill("#k-salary_max", "6000000")
    page.fill(
        "#k-description", "Mencatat barang masuk dan keluar gudang.\nBiaya pendaftaran Rp 150.000 dibayar saat tes."
    )
    page.fill("#k-qualifications", "- Dibutuhkan pria berpenampilan menarik\n- usia maksimal 30\n- Teliti")
    page.fill("#k-valid_through", (today + timedelta(days=206)).isoformat())
    page.fill("#k-verification_date", (today + timedelta(days=1)).isoformat())
    page.click("#kirim-github")
    assert "R409: upah tertinggi 6000000 lebih kecil dari upah terendah 7000000" in page.inner_text(
        "#k-salary_max-galat"
    )
    description = page.inner_text("#k-description-galat")
    assert description.startswith('R401: meminta uang dari pelamar ("Biaya pendaftaran")')
    assert "(hapus permintaan biaya; pelamar kerja tidak boleh dipungut biaya" in description  # the validator's hint
    qualifications = page.inner_text("#k-qualifications-galat")
    assert 'R402: syarat diskriminatif ("berpenampilan menarik")' in qualifications
    assert 'R404: syarat jenis kelamin ditulis di teks ("Dibutuhkan pria")' in qualifications
    assert 'R403: batas usia ditulis di teks ("usia maksimal")' in qualifications
    assert page.inner_text("#k-valid_through-galat").startswith("R407: masa tayang lebih dari 90 hari")
    assert page.inner_text("#k-verification_date-galat").startswith("R413: diverifikasi")
    for field in ("salary_max", "description", "qualifications", "valid_through", "verification_date"):
        assert page.get_attribute(f"#k-{field}", "aria-invalid") == "true", field
        box = page.locator(f"#k-{field}-galat").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, field
    assert "Periksa 5 isian" in page.inner_text("#kirim-galat")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.wait_for_timeout(200)
    assert not opened
    with page.expect_download():
        page.click("#kirim-unduh")
    status = page.inner_text("#kirim-status")
    assert "masih memuat kesalahan" in status
    for carried in ("R409", "R401", "Kualifikasi R402, R403, R404", "Batas lamaran R407", "Tanggal verifikasi R413"):
        assert carried in status, carried

    page.fill("#k-salary_max", "7500000")
    page.fill("#k-description", "Mencatat barang masuk dan keluar gudang.\nTidak dipungut biaya apa pun.")
    page.fill("#k-qualifications", "- Teliti\n- Bisa memakai komputer")
    page.fill("#k-valid_through", (today + timedelta(days=60)).isoformat())
    page.fill("#k-verification_date", today.isoformat())
    page.click("#kirim-github")
    page.wait_for_timeout(300)
    assert opened and page.locator(".kirim-e").count() == 0
    query = parse_qs(urlparse(opened[0]).query)
    text, name = query["value"][0], query["filename"][0]
    assert "Tidak dipungut biaya apa pun." in text
    offices = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "content/offices").glob("*.yml")}
    repo = make_repo(tmp_path, {f"jawa-barat/{name}": text}, offices)
    report = validate_repository(repo)
    assert [d.format() for d in report.errors] == []
    assert [d.format() for d in getattr(report, "warnings", [])] == []


def test_the_page_says_text_rules_wait_when_their_file_does_not_load(phone, sample_server):
    page = phone
    page.route("**/cek-lowongan/aturan.json", lambda route: route.fulfill(status=404, body=""))
    page.goto(sample_server + "/kirim-lowongan/")
    page.wait_for_selector("#k-title")
    assert "diperiksa setelah berkas dikirim" in page.inner_text("#kirim-tanpa-aturan")
    page.fill("#k-description", "Biaya pendaftaran Rp 150.000 dibayar saat tes.")
    page.click("#kirim-salin")
    assert "Deskripsi" not in page.inner_text("#kirim-galat")  # no verdict on the text it could not check


def test_a_warning_is_shown_at_its_field_but_does_not_hold_the_file_back(form_page):
    page = form_page
    opened = []
    page.route("https://github.com/**", lambda route: (opened.append(route.request.url), route.abort()))
    _fill(page)
    page.fill("#k-apply_email", "lowongan.contoh@gmail.com")
    page.click("#kirim-salin")
    assert page.inner_text("#k-apply_url-galat").startswith("W502: perusahaan hanya bisa dihubungi")
    assert "masih memuat kesalahan" not in page.inner_text("#kirim-status")
    page.click("#kirim-github")
    page.wait_for_timeout(300)
    assert opened, "a warning must not block the submission"
