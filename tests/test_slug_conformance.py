"""Slugs and new vacancy ids: Python's rule against the shared conformance file
(tests/fixtures/conformance/slugs.json), which tests/js/slugs.test.js runs through the web
form's JavaScript (tests/test_js_unit.py): one rule, two writers, proven equal."""

from __future__ import annotations

import json

import pytest
from support import ROOT

from antarkerja.urls import ID_BASE_LENGTH, slugify, vacancy_id

CASES = json.loads((ROOT / "tests" / "fixtures" / "conformance" / "slugs.json").read_text(encoding="utf-8"))


def test_the_file_cuts_ids_where_python_does():
    assert CASES["idLength"] == ID_BASE_LENGTH


@pytest.mark.parametrize("case", CASES["slugs"], ids=lambda c: c["note"])
def test_python_slugs_match_the_file(case):
    assert slugify(case["text"], empty="") == case["slug"]


@pytest.mark.parametrize("case", CASES["ids"], ids=lambda c: c["note"])
def test_python_ids_match_the_file(case):
    assert vacancy_id(case["title"], case["employer"], case["place"]) == case["id"]
