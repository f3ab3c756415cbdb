"""The JKP page tells a laid-off worker where to claim and what to bring, and is honest about checks.

The facts live in ``content/reference/jkp.yml`` (loader :mod:`antarkerja.site.jkp_facts`); the page is
``terkena-phk/``. A verified fact names its article and what was read, where and when;
``docs/data-sources.md`` lists every fact with its status.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from antarkerja.site.jkp_facts import FactsError, load_facts

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "content" / "reference"


@pytest.fixture(scope="module")
def jkp() -> dict:
    return yaml.safe_load((REFERENCE / "jkp.yml").read_text(encoding="utf-8"))


def test_the_page_says_where_to_claim_and_what_to_bring(sample_site, read_page):
    page = read_page(sample_site, "terkena-phk/")
    claim = page.find("section", aria_labelledby="jkp-klaim")
    text = " ".join(claim.get_text().split())
    assert "siapkerja.kemnaker.go.id" in text  # where: the SIAPkerja portal
    assert "kantor cabang BPJS Ketenagakerjaan" in text  # where to get help in person
    for item in ("KTP", "nomor kepesertaan BPJS Ketenagakerjaan", "rekening bank atas nama Anda sendiri"):
        assert item in text, item
    for proof in ("tanda terima laporan PHK", "perjanjian bersama", "pengadilan hubungan industrial"):
        assert proof in text, proof
    assert "paling lambat 6 bulan sejak PHK" in text
    button = page.find("a", href="#jkp-klaim")
    assert button is not None and "Cara klaim" in button.get_text()
    portal = page.find("li", id="sumber-siapkerja")
    assert portal is not None and portal.find("a").attrs["href"] == "https://siapkerja.kemnaker.go.id/"


def test_the_cash_benefit_facts_add_up(jkp):
    """60 % of the Rp5.000.000 wage cap is the Rp3.000.000 maximum the page states."""
    texts = {item["code"]: item["text"] for item in jkp["items"]}
    assert "60%" in texts["uang-tunai"] and "paling lama 6 bulan" in texts["uang-tunai"]
    assert "Rp5.000.000" in texts["batas-upah"] and "Rp3.000.000" in texts["batas-upah"]
    assert 5_000_000 * 60 // 100 == 3_000_000


def test_a_verified_fact_shows_its_article_and_the_day_it_was_read(jkp, sample_site, read_page):
    """Each fact is either checked (article, address and day of what was read) or says it is not."""
    page = read_page(sample_site, "terkena-phk/")
    unverified = {item["code"] for item in jkp["items"] if not item["verified"]}
    assert unverified == {"di-mana", "bawa", "kapk", "ajukan-ke-bpjs", "rujukan"}  # docs/data-sources.md
    for item in jkp["items"]:
        text = " ".join(page.find("li", id=f"fakta-{item['code']}").get_text().split())
        if item["verified"]:
            assert item["where"].startswith("Pasal ") and item["where"] in text, item["code"]
            assert item["read"]["url"].startswith("https://") and item["read"]["what"].strip()
            day = date.fromisoformat(item["read"]["date"])
            assert f"diperiksa {day.day} Desember {day.year}" in text
            assert "belum diverifikasi" not in text
        else:
            assert "belum diverifikasi" in text and "read" not in item, item["code"]


def test_the_verified_articles_say_what_the_facts_say(jkp):
    """Pinned against the article texts as read in PP 37/2021 and PP 6/2025 (see each fact's ``read``)."""
    texts = {item["code"]: item["text"] for item in jkp["items"]}
    for benefit in ("uang tunai", "akses informasi pasar kerja", "pelatihan kerja"):  # PP 37/2021 Pasal 18
        assert benefit in texts["tiga-manfaat"]
    # PP 6/2025 Pasal 19 ayat (3): the "6 consecutive months" condition of PP 37/2021 is gone.
    assert "12 bulan dalam 24 bulan" in texts["masa-iuran"] and "berturut-turut" not in texts["masa-iuran"]
    # Pasal 20 ayat (3) as amended: receipts from the ministry and provincial offices count too.
    for proof in ("Kementerian Ketenagakerjaan", "dinas tenaga kerja provinsi", "salinan putusan"):
        assert proof in texts["bukti-phk"]
    # Pasal 25 ayat (2) as amended: the service is given by pengantar kerja (no longer "petugas antarkerja").
    assert "Pengantar Kerja" in texts["informasi-pasar-kerja"] and "petugas" not in texts["informasi-pasar-kerja"]
    assert "54 tahun" in texts["peserta"] and "JKN" in texts["peserta"]  # Pasal 4 ayat (2) and (3)
    assert "paling lambat 6 bulan sejak PHK" in texts["batas-waktu"]  # Pasal 40 huruf a (3 months before)
    arrears = texts["tunggakan-iuran"]  # Pasal 39 ayat (1) and (3)
    assert "sampai 3 bulan berturut-turut" in arrears and "BPJS Ketenagakerjaan tetap wajib membayar" in arrears
    assert "lebih dari 3 bulan berturut-turut, perusahaan wajib membayar" in arrears
    assert "paling banyak 3 kali" in texts["berapa-kali"] and "5 tahun" in texts["berapa-kali"]  # PP 37/2021 Pasal 35


def test_the_data_sources_document_lists_every_fact_with_its_status(jkp):
    doc = (ROOT / "docs" / "data-sources.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in doc.splitlines() if line.startswith("| `")}
    for item in jkp["items"]:
        row = rows[f"`{item['code']}`"]
        if item["verified"]:
            assert "**verified**" in row and item["where"] in row and item["read"]["url"] in row, item["code"]
        else:
            assert "not verified" in row, item["code"]


def write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "content" / "reference"
    folder.mkdir(parents=True)
    (folder / "jkp.yml").write_text(text, encoding="utf-8")
    return tmp_path


def fact_block(text: str, code: str) -> tuple[int, int]:
    start = text.index(f'  - code: "{code}"\n')
    end = text.find("  - code:", start + 10)
    return start, len(text) if end < 0 else end


def test_a_regulation_fact_cannot_be_verified_without_its_article(tmp_path):
    text = (REFERENCE / "jkp.yml").read_text(encoding="utf-8")
    start, end = fact_block(text, "rujukan")
    text = text[:start] + text[start:end].replace("verified: false", "verified: true") + text[end:]
    with pytest.raises(FactsError) as caught:
        load_facts(write(tmp_path, text))
    assert "fakta rujukan: `verified: true` tanpa `where`" in str(caught.value)


def test_checked_must_be_a_list_of_what_was_read(tmp_path):
    text = (REFERENCE / "jkp.yml").read_text(encoding="utf-8")
    text = text.replace('    checked: ["Radar Utara, 2022", ', "    checked: 2022\n    unused: [", 1)
    with pytest.raises(FactsError) as caught:
        load_facts(write(tmp_path, text))
    assert "fakta masa-iuran: `checked` harus daftar teks" in str(caught.value)


def test_a_fact_cannot_be_verified_without_saying_where_and_when_it_was_read(tmp_path):
    text = (REFERENCE / "jkp.yml").read_text(encoding="utf-8")
    start, end = fact_block(text, "di-mana")  # an unverified fact marked verified, nothing read
    text = text[:start] + text[start:end].replace("verified: false", "verified: true") + text[end:]
    with pytest.raises(FactsError) as caught:
        load_facts(write(tmp_path, text))
    assert "fakta di-mana: `verified: true` tanpa `read`" in str(caught.value)


@pytest.mark.parametrize(
    ("line", "replacement", "message"),
    [
        (
            '      url: "https://github.com/mblonyox/data-peraturan/blob/81a0',
            '      url: "http://github.com/x',
            "`read.url` harus alamat https://",
        ),
        (
            '      date: "2026-12-06"\n      what: "Teks lengkap PP 6/2025',
            '      date: "6 Desember"\n      what: "Teks lengkap PP 6/2025',
            "`read.date` harus tanggal",
        ),
        ('      what: "Teks lengkap PP 6/2025', '      what: ""\n      was: "Teks', "`read.what` kosong"),
    ],
)
def test_what_was_read_must_be_complete(tmp_path, line, replacement, message):
    text = (REFERENCE / "jkp.yml").read_text(encoding="utf-8")
    assert line in text
    with pytest.raises(FactsError) as caught:
        load_facts(write(tmp_path, text.replace(line, replacement, 1)))
    assert f"fakta uang-tunai: {message}" in str(caught.value)  # the first fact read in PP 6/2025


def test_an_unverified_fact_cannot_carry_a_reading(tmp_path):
    text = (REFERENCE / "jkp.yml").read_text(encoding="utf-8")
    start, end = fact_block(text, "tunggakan-iuran")
    text = text[:start] + text[start:end].replace("verified: true", "verified: false") + text[end:]
    with pytest.raises(FactsError) as caught:
        load_facts(write(tmp_path, text))
    assert "fakta tunggakan-iuran: `read` hanya untuk fakta `verified: true`" in str(caught.value)


def test_checked_and_notes_stay_off_the_public_page(jkp, sample_site):
    html = (sample_site / "terkena-phk" / "index.html").read_text(encoding="utf-8")
    for item in jkp["items"]:
        for read in item.get("checked", []):
            assert read not in html
        if item.get("note"):
            assert item["note"] not in html
