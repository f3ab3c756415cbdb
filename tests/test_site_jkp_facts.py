"""The JKP page tells a laid-off worker where to claim and what to bring, and is honest about checks.

The facts live in ``content/reference/jkp.yml`` (loader :mod:`antarkerja.site.jkp_facts`); the page is
``terkena-phk/``. ``docs/data-sources.md`` must list every fact that is not verified.
"""

from __future__ import annotations

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


def test_nothing_is_marked_verified_without_the_official_text(jkp, sample_site, read_page):
    """No official text could be read: every fact says so on the page, and none claims otherwise."""
    assert all(item["verified"] is False for item in jkp["items"])
    page = read_page(sample_site, "terkena-phk/")
    for item in jkp["items"]:
        assert "belum diverifikasi" in page.find("li", id=f"fakta-{item['code']}").get_text()


def test_the_data_sources_document_lists_every_unverified_fact(jkp):
    doc = (ROOT / "docs" / "data-sources.md").read_text(encoding="utf-8")
    for item in jkp["items"]:
        if not item["verified"]:
            assert f"`{item['code']}`" in doc, item["code"]


def write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "content" / "reference"
    folder.mkdir(parents=True)
    (folder / "jkp.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_regulation_fact_cannot_be_verified_without_its_article(tmp_path):
    text = (REFERENCE / "jkp.yml").read_text(encoding="utf-8")
    fact = '  - code: "informasi-pasar-kerja"\n'
    start = text.index(fact)
    end = text.index("  - code:", start + len(fact))
    text = text[:start] + text[start:end].replace("verified: false", "verified: true") + text[end:]
    with pytest.raises(FactsError) as caught:
        load_facts(write(tmp_path, text))
    assert "fakta informasi-pasar-kerja: `verified: true` tanpa `where`" in str(caught.value)


def test_checked_must_be_a_list_of_what_was_read(tmp_path):
    text = (REFERENCE / "jkp.yml").read_text(encoding="utf-8")
    text = text.replace('    checked: ["Radar Utara, 2022"]\n', "    checked: 2022\n", 1)
    with pytest.raises(FactsError) as caught:
        load_facts(write(tmp_path, text))
    assert "fakta masa-iuran: `checked` harus daftar teks" in str(caught.value)


def test_checked_and_notes_stay_off_the_public_page(jkp, sample_site):
    html = (sample_site / "terkena-phk" / "index.html").read_text(encoding="utf-8")
    for item in jkp["items"]:
        for read in item.get("checked", []):
            assert read not in html
        if item.get("note"):
            assert item["note"] not in html
