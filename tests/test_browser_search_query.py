"""What the search page understands from typed words, in Chromium on a 360×740 phone.

A reader types "gaji di atas 5 juta" and sees only vacancies paying at least that, with the
understood filter shown as a chip; removing the chip searches the rest of the words. Expected
results are computed from the model's own salary, education and work-mode fields, not with
antarkerja.site.query, and both national engines are tried: the sample site's national
Pagefind bundle, and the national word index (the page told there is no national bundle, as on
a site above the threshold; antarkerja.tools.bench_search does the same).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from support import no_sideways_scroll
from support.searchpage import results_after

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CLOCK = datetime(2026, 11, 25, 10, 0, 0)
ENGINES = ["pagefind", "word index"]


@pytest.fixture(scope="module")
def model():
    from antarkerja.records.validate import validate_repository
    from antarkerja.reference import load_reference
    from antarkerja.site.model import build_site

    result = validate_repository(ROOT)
    return build_site(
        [r.data for r in result.vacancies], [o.data for o in result.offices], load_reference(ROOT), CLOCK.date()
    )


@pytest.fixture(params=ENGINES)
def page(request, phone, sample_server):
    from antarkerja.tools.bench_search import _without_national_bundle

    phone.clock.set_fixed_time(CLOCK)
    phone.problems = []
    phone.on("pageerror", lambda e: phone.problems.append(f"pageerror: {e}"))
    phone.requested = []
    phone.on("request", lambda r: phone.requested.append(urlsplit(r.url).path))
    if request.param == "word index":
        # the search page with and without a query: type_query opens /cari/ and types there
        phone.route(f"{sample_server}/cari/*", _without_national_bundle)
    phone.engine = request.param
    return phone


def monthly_rupiah(v):
    """(low, high) a month in rupiah as the record states it, or None."""
    s = v.data.get("salary") or {}
    if not s.get("disclosed") or s.get("unit") != "MONTH" or (s.get("currency") or "IDR") != "IDR":
        return None
    return s["min"], s.get("max") or s["min"]


def type_query(page, server, text: str) -> list[str]:
    page.goto(f"{server}/cari/")
    page.wait_for_function("document.getElementById('cari-hasil').dataset.selesai > '0'")
    before = page.get_attribute("#cari-hasil", "data-selesai")
    page.fill("#cari-q", text)
    page.press("#cari-q", "Enter")
    return results_after(page, before)


def chips(page) -> list[str]:
    return [t.strip() for t in page.eval_on_selector_all("#cari-paham .cari-chip", "bs => bs.map(b => b.textContent)")]


def test_typed_salary_shows_only_vacancies_paying_at_least_that(page, sample_server, model):
    found = type_query(page, sample_server, "gaji di atas 5 juta")
    expected = {v.id for v in model.open_vacancies if (m := monthly_rupiah(v)) and m[1] >= 5_000_000}
    assert len(expected) >= 10
    assert set(found) == expected and len(found) == len(expected)
    assert chips(page) == ["Gaji minimal Rp5.000.000 sebulan"]
    assert page.is_visible("#cari-paham")
    # every card shown says a rupiah monthly salary reaching 5 million
    for text in page.eval_on_selector_all("#cari-hasil .hasil-upah", "ps => ps.map(p => p.textContent)"):
        top = max(int(n.replace(".", "")) for n in re.findall(r"\d[\d.]*\d", text))
        assert top >= 5_000_000 and "bulan" in text, text
    assert parse_qs(urlsplit(page.url).query) == {"q": ["gaji di atas 5 juta"]}  # the URL keeps what was typed
    assert no_sideways_scroll(page)
    assert not page.problems


def test_words_with_a_salary_and_removing_the_chip(page, sample_server, model):
    found = type_query(page, sample_server, "operator gaji 5 juta")
    operators = {v.id for v in model.open_vacancies if "operator" in v.title.lower()}
    near = {
        v.id
        for v in model.open_vacancies
        if v.id in operators and (m := monthly_rupiah(v)) and m[1] >= 4_500_000 and m[0] <= 5_500_000
    }
    assert near and set(found) == near
    assert chips(page) == ["Gaji sekitar Rp5.000.000 sebulan"]
    before = page.get_attribute("#cari-hasil", "data-selesai")
    page.click("#cari-paham .cari-chip")
    every = results_after(page, before)
    assert page.input_value("#cari-q") == "operator"
    assert operators <= set(every) and len(every) > len(found)
    assert page.is_hidden("#cari-paham")
    assert not page.problems


def test_phrases_become_the_pages_own_filters(page, sample_server, model):
    found = type_query(page, sample_server, "loker wfh")
    assert set(found) == {v.id for v in model.open_vacancies if v.work_mode_label == "Jarak jauh (dari rumah)"}
    assert chips(page) == ["Jarak jauh (dari rumah)"]
    found = type_query(page, sample_server, "lulusan smk")
    assert set(found) == {v.id for v in model.open_vacancies if v.education["code"] == "smk"}
    assert chips(page) == ["Pendidikan yang diminta: SMK/MAK"]
    found = type_query(page, sample_server, "loker")
    assert len(found) == len(model.open_vacancies)  # filler only: every vacancy
    assert chips(page) == []
    assert not page.problems


def test_matches_only_in_the_text_are_held_back_and_one_tap_away(page, sample_server, model):
    found = type_query(page, sample_server, "kasir")
    titled = {v.id for v in model.open_vacancies if "kasir" in v.title.lower()}
    mentioned = {
        v.id
        for v in model.open_vacancies
        if "kasir" in " ".join([v.data["description"], *v.data.get("responsibilities", [])]).lower()
    }
    assert titled and set(found) == titled
    assert mentioned - titled, "the sample needs a vacancy that mentions the word only in its text"
    if page.engine != "pagefind":  # the word index holds titles, employers and places only:
        assert page.is_hidden("#cari-luas")  # nothing matched in the text, so nothing held back
        assert any(p.startswith("/cari/kata/") for p in page.requested)  # answered by the word index
        assert not page.problems
        return
    assert page.is_visible("#cari-luas")
    held = int(re.search(r"\d+", page.text_content("#cari-luas-teks")).group())
    before = page.get_attribute("#cari-hasil", "data-selesai")
    page.click("#cari-luas-tombol")
    every = results_after(page, before)
    assert set(every) >= titled | (mentioned - titled) and len(every) == len(found) + held
    assert every[: len(found)] == found  # the title match stays first
    assert page.is_hidden("#cari-luas")
    assert not page.problems
