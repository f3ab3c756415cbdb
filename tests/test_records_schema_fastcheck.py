"""The compiled check agrees with Cerberus, so skipping Cerberus on valid records is safe."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from support import GOOD_VACANCY, ROOT, TEST_OFFICE, vacancy
from support.cases import OFFICE_CASES, VACANCY_CASES

from antarkerja.records.load import load_text
from antarkerja.records.schema.fastcheck import compile_field, compile_mapping
from antarkerja.records.validate import _coerce_dates, make_kinds
from antarkerja.reference import load_reference

KINDS = make_kinds(load_reference(ROOT))


def agree(kind, text):
    data = load_text(text, "x.yml").data
    if not isinstance(data, dict):
        return
    _coerce_dates(data, kind.date_paths)
    assert kind.is_valid(copy.deepcopy(data)) == kind.validator.validate(data, normalize=False), kind.validator.errors


@pytest.mark.parametrize("case", VACANCY_CASES, ids=[c[0] for c in VACANCY_CASES])
def test_agrees_on_every_vacancy_case(case):
    agree(KINDS["vacancy"], vacancy(*case[1]))


@pytest.mark.parametrize("case", OFFICE_CASES, ids=[c[0] for c in OFFICE_CASES])
def test_agrees_on_every_office_case(case):
    agree(KINDS["office"], vacancy(*case[1], text=TEST_OFFICE))


def test_agrees_on_the_good_records_and_the_sample_content():
    agree(KINDS["vacancy"], GOOD_VACANCY)
    agree(KINDS["office"], TEST_OFFICE)
    for path in (ROOT / "content" / "vacancies").rglob("*.yml"):
        agree(KINDS["vacancy"], path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("value,ok", [(True, False), (3, True), (0, False), (None, False), ("3", False)])
def test_integers_are_not_booleans(value, ok):
    assert compile_field({"type": "integer", "min": 1})(value) is ok


def test_unknown_rule_refuses_to_compile():
    with pytest.raises(ValueError, match="unsupported rules"):
        compile_mapping({"x": {"type": "string", "check_with": "something"}})


def test_dates_lists_and_unknown_keys():
    check = compile_mapping(
        {"d": {"type": "date", "required": True}, "l": {"type": "list", "schema": {"type": "string", "allowed": ["a"]}}}
    )
    assert check({"d": date(2026, 1, 1), "l": ["a"]})
    assert not check({"d": date(2026, 1, 1), "l": ["b"]})
    assert not check({"d": "2026-01-01"})
    assert not check({"d": date(2026, 1, 1), "extra": 1})
