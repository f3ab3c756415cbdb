"""Sample data never passes as official, and `antarkerja contoh hapus` leaves a working site.

* While any record is ``example: true`` every page (embeds included) carries the "Data contoh"
  notice first, and no title, description, link preview or main heading says "resmi",
  "terverifikasi" or "diverifikasi" about the site's vacancies.
* Cek lowongan answers "Data contoh" for a sample vacancy.
* ``antarkerja contoh hapus`` removes exactly the files a plain YAML reading marks as samples;
  the site then builds with zero vacancies, says "belum ada lowongan", has no broken link and
  no HTML error, and makes its official claim again (no sample left).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from support import ROOT, TODAY, parse_html, read_built
from support.sitecheck import broken_links, html_errors, html_pages, one_page_per_route

from antarkerja.cli import main

# A claim that the vacancies are official or checked. "tidak resmi", "belum diverifikasi",
# "diverifikasi ulang" (the office's task) and "secara resmi" (how to go abroad) claim nothing.
CLAIM = re.compile(
    r"(?<!tidak )(?<!bukan )(?<!secara )\b(resmi|terverifikasi)\b|(?<!belum )(?<!sudah )\bdiverifikasi\b(?! ulang)",
    re.IGNORECASE,
)
NOTICE = 'id="data-contoh"'


def headline_texts(html: str) -> list[tuple[str, str]]:
    """(where, text) of what a search result, a link preview and the first screen show."""
    page = parse_html(html)
    found = [("title", page.find("title").get_text())]
    for meta in page.find_all("meta"):
        name = meta.attrs.get("name") or meta.attrs.get("property") or ""
        if name == "description" or name.startswith("og:"):
            found.append((name, meta.attrs.get("content", "")))
    found += [("h1", h.get_text()) for h in page.find_all("h1")]
    return found


def sample_files(root: Path) -> set[Path]:
    """Files marked ``example: true``, read with plain YAML (not the project's loader)."""
    found = set()
    for path in [*(root / "content" / "vacancies").rglob("*.yml"), *(root / "content" / "offices").glob("*.yml")]:
        if yaml.safe_load(path.read_text(encoding="utf-8")).get("example") is True:
            found.add(path)
    return found


# While samples remain ---------------------------------------------------------------------
def test_every_page_of_the_sample_site_says_it_is_sample_data_first(sample_site):
    missing = []
    for path in html_pages(sample_site):
        html = path.read_text(encoding="utf-8")
        body = html[html.find("<body") :]
        # The notice comes before the page's own content: before its first heading.
        if NOTICE not in body or body.find(NOTICE) > body.find("<h1") > -1:
            missing.append(path.relative_to(sample_site).as_posix())
    assert missing == []


def test_no_headline_or_summary_claims_the_samples_are_official(sample_site):
    # The officers' form describes the officer's own workflow ("lowongan yang sudah diverifikasi").
    claims = []
    for path in html_pages(sample_site):
        for where, text in headline_texts(path.read_text(encoding="utf-8")):
            # A vacancy's description opens with "Data contoh" and goes on with the record's words.
            if CLAIM.search(text) and not text.startswith("Data contoh"):
                claims.append(f"{path.relative_to(sample_site)} {where}: {text[:100]}")
    assert claims == []
    home = read_built(sample_site, "")
    assert home.find("h1").get_text() == "Lowongan kerja: data contoh"


def test_the_claim_pattern_finds_the_old_headline():
    assert CLAIM.search("Lowongan kerja resmi, diverifikasi Disnaker")
    assert CLAIM.search("12 lowongan kerja terverifikasi di Jawa Barat")
    assert not CLAIM.search("Perlu diverifikasi ulang; penempatan tidak resmi; fakta belum diverifikasi")


@pytest.mark.browser
def test_cek_lowongan_says_a_sample_vacancy_is_sample_data(phone, sample_server, sample_site):
    vacancy = next(p for p in sorted((ROOT / "content" / "vacancies").rglob("*.yml")))
    vid = yaml.safe_load(vacancy.read_text(encoding="utf-8"))["id"]
    phone.goto(sample_server + "/cek-lowongan/")
    phone.wait_for_selector("#cek-form:not([hidden])")
    phone.fill("#cek-teks", f"Nomor lowongan: {vid}")
    phone.click("#cek-periksa")
    match = phone.locator(f"[data-match='{vid}']")
    match.wait_for()
    assert match.inner_text().startswith("Data contoh di situs ini (bukan lowongan sungguhan): ")
    assert "Terverifikasi" not in match.inner_text()


# `antarkerja contoh hapus` ----------------------------------------------------------------
def repository_copy(dest: Path) -> Path:
    """A copy of the repository's content (records copied, reference data linked)."""
    (dest / "content").mkdir(parents=True)
    for name in ("vacancies", "offices", "pages"):
        shutil.copytree(ROOT / "content" / name, dest / "content" / name)
    os.symlink(ROOT / "content" / "reference", dest / "content" / "reference")
    return dest


@pytest.fixture(scope="module")
def emptied(tmp_path_factory):
    """The repository after `antarkerja contoh hapus`, and the files a plain reading called samples."""
    root = repository_copy(tmp_path_factory.mktemp("contoh") / "repo")
    samples = sample_files(root)
    assert main(["contoh", "hapus", "--root", str(root)]) == 0
    return root, samples


@pytest.fixture(scope="module")
def empty_site(emptied, tmp_path_factory):
    from antarkerja.site.build import build_site

    out = tmp_path_factory.mktemp("empty-site")
    build_site(emptied[0], output=out, today=TODAY.isoformat(), siteurl="", search=True)
    return out


def test_contoh_hapus_removes_exactly_the_sample_files(emptied, capsys):
    root, samples = emptied
    assert len(samples) == 106  # every bundled vacancy (78) and office (28) is a sample
    assert not any(path.exists() for path in samples)
    assert list((root / "content" / "vacancies").rglob("*.yml")) == []
    assert list((root / "content" / "offices").glob("*.yml")) == []
    assert (root / "content" / "pages").is_dir()  # everything else stays


def test_contoh_hapus_keeps_everything_when_a_real_vacancy_uses_a_sample_office(tmp_path, capsys):
    root = repository_copy(tmp_path / "repo")
    real = next((root / "content" / "vacancies").rglob("*.yml"))
    real.write_text(real.read_text(encoding="utf-8").replace("example: true\n", ""), encoding="utf-8")
    before = sample_files(root)
    assert main(["contoh", "hapus", "--root", str(root)]) == 1
    assert sample_files(root) == before and real.exists()
    err = capsys.readouterr().err
    assert str(real.relative_to(root)) in err and "kantor contoh" in err and "tidak ada berkas yang dihapus" in err


def test_the_site_without_samples_builds_and_says_there_are_no_vacancies(empty_site):
    for page in ("", "lowongan/", "provinsi/jawa-barat/", "statistik/"):
        assert "belum ada lowongan" in read_built(empty_site, page).find("main").get_text().lower(), page
    assert not list((empty_site / "lowongan").glob("*/index.html"))  # no vacancy page at all
    chosen, missing = one_page_per_route(empty_site)
    # Only pages that exist per record are missing: no vacancy, office or employer is left.
    assert set(missing) <= {
        "vacancy",
        "vacancy_print",
        "office",
        "office_board",
        "office_quality",
        "employer",
        "regency",
        "listing_page",
        "embed_sector",
        "province_board",
    }
    assert {"home", "vacancies", "province", "stats", "search", "check", "downloads", "smk"} <= set(chosen)


def test_the_site_without_samples_has_no_broken_link_and_no_html_error(empty_site):
    assert broken_links(empty_site) == []
    assert html_errors(html_pages(empty_site)) == []


def test_the_site_without_samples_drops_the_notice_and_may_claim_again(empty_site):
    html = (empty_site / "index.html").read_text(encoding="utf-8")
    assert NOTICE not in html
    assert read_built(empty_site, "").find("h1").get_text() == "Lowongan kerja resmi, diverifikasi Disnaker"
