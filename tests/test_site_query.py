"""Query understanding (antarkerja.site.query): Python's answers against the shared conformance
file (tests/fixtures/conformance/query.json), which tests/js/query.test.js runs through the
search page's js/query.js; and what a reader would notice: "gaji 5 juta" is a salary, not words."""

from __future__ import annotations

import json

import pytest
from support import ROOT

from antarkerja.reference import load_reference
from antarkerja.site import query
from antarkerja.wording import QUERY_WORDS

FILE = json.loads((ROOT / "tests" / "fixtures" / "conformance" / "query.json").read_text(encoding="utf-8"))
RULES = query.rules({code: item["name"] for code, item in load_reference(ROOT).education.items()})


def test_the_file_holds_the_rules_the_page_gets():
    assert FILE["rules"] == RULES
    assert RULES["words"] == QUERY_WORDS


@pytest.mark.parametrize("case", FILE["cases"], ids=lambda c: c["note"])
def test_python_understands_as_the_file_says(case):
    u = query.understand(case["q"], RULES)
    got = {k: u[k] for k in ("words", "filters", "education", "salary", "chips")}
    got["parts"] = [[p["type"], " ".join(p["tokens"])] for p in u["parts"]]
    assert got == {k: case[k] for k in ("words", "filters", "education", "salary", "chips", "parts")}


def test_salary_phrases_become_a_salary_filter():
    u = query.understand("operator gaji 5 juta", RULES)
    assert u["words"] == "operator"
    assert u["salary"] == {"unit": "MONTH", "min": 4_500_000, "max": 5_500_000}
    assert u["chips"] == ["Gaji sekitar Rp5.000.000 sebulan"]
    assert query.understand("gaji di atas 8 juta", RULES)["salary"] == {"unit": "MONTH", "min": 8_000_000, "max": None}
    assert query.understand("upah harian", RULES)["salary"]["unit"] == "DAY"


def test_filler_only_means_every_vacancy_and_filler_around_words_is_dropped():
    assert query.understand("loker", RULES)["words"] == ""
    assert query.understand("lowongan kerja kasir di surabaya", RULES)["words"] == "kasir surabaya"


def test_education_and_filter_phrases_use_the_pages_own_values(fixture_site, read_page):
    page = read_page(fixture_site, "cari/")
    values = {(s.attrs["name"], o.attrs["value"]) for s in page.find_all("select") for o in s.find_all("option")}
    for param, value in RULES["filters"].values():
        assert (param, value) in values, (param, value)
    levels = {o.attrs["value"] for o in page.find(id="f-pendidikan").find_all("option") if o.attrs["value"]}
    assert set(RULES["education"].values()) <= levels and RULES["noEducationLevel"] in levels


def test_the_page_carries_the_rules(fixture_site, read_page):
    data = json.loads(read_page(fixture_site, "cari/").find(id="cari-data").text)
    assert data["query"]["filler"] == list(query.FILLER) and data["query"]["words"] == QUERY_WORDS


def test_salary_figures_are_rupiah_only():
    class V:
        def __init__(self, salary):
            from antarkerja.salary import Salary

            self.salary_info = Salary.from_record(salary)

    assert query.salary_figures(V({"disclosed": True, "min": 4e6, "max": 5e6, "unit": "MONTH"})) == [
        "MONTH",
        4_000_000,
        5_000_000,
    ]
    assert query.salary_figures(V({"disclosed": True, "min": 2000, "unit": "MONTH", "currency": "SAR"})) is None
    assert query.salary_figures(V({"disclosed": False})) is None
    assert query.salary_matches({"unit": "MONTH", "min": 8_000_000, "max": None}, ["MONTH", 7_000_000, 9_000_000])
    assert not query.salary_matches({"unit": "MONTH", "min": 8_000_000, "max": None}, ["MONTH", 5_000_000, 6_000_000])


def test_long_typed_text_is_read_in_linear_time():
    import time

    text = "gaji di atas " * 2000 + "5 juta " + "9." * 5000
    started = time.perf_counter()
    query.understand(text, RULES)
    assert time.perf_counter() - started < 2
