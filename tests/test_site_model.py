"""The site model computes each fact once: open or closed by "today", days left, which
region lists a vacancy, employers with closed vacancies, similar vacancies nearby. Expected
values are read from the fixture YAML here, not from the model."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest
import yaml
from support import GOOD_VACANCY, ROOT, TEST_OFFICE

from antarkerja.reference import load_reference
from antarkerja.site.model import build_site

REF = load_reference(ROOT)
RECORD = yaml.safe_load(GOOD_VACANCY)
OFFICE = yaml.safe_load(TEST_OFFICE)
CLOSES = RECORD["valid_through"]


def record(**changes) -> dict:
    data = copy.deepcopy(RECORD)
    for key, value in changes.items():
        target, *path = key.split("__")
        node = data
        for part in [target, *path][:-1]:
            node = node[part]
        node[[target, *path][-1]] = value
    return data


def site_of(*records: dict, today: date):
    return build_site(list(records), [OFFICE], REF, today)


@pytest.mark.parametrize(
    "today, is_open, days_left",
    [(CLOSES - timedelta(days=3), True, 3), (CLOSES, True, 0), (CLOSES + timedelta(days=1), False, None)],
)
def test_a_vacancy_is_open_through_its_last_day(today, is_open, days_left):
    v = site_of(record(), today=today).vacancies[0]
    assert (v.is_open, v.days_left) == (is_open, days_left)
    assert v.closed_reason == (None if is_open else "expired")
    assert (v.closed_reason_text is None) == is_open


@pytest.mark.parametrize("status, reason", [("filled", "filled"), ("closed", "closed")])
def test_a_filled_or_withdrawn_vacancy_is_closed_whatever_its_date(status, reason):
    v = site_of(record(status=status), today=RECORD["date_posted"]).vacancies[0]
    assert not v.is_open and v.closed_reason == reason and v.days_left is None


def test_region_lists_hold_open_vacancies_and_the_regency_page_survives_closing():
    today = CLOSES + timedelta(days=1)
    newer = record(id="baru", date_posted=today, valid_through=today + timedelta(days=30))
    site = site_of(record(id="lama"), newer, today=today)
    province = next(p for p in site.provinces if p.code == RECORD["location"]["province"])
    assert [v.id for v in province.vacancies] == ["baru"]
    assert province.openings == RECORD["openings"]
    assert [r.code for r in site.regencies] == [RECORD["location"]["regency"]]  # linked from the closed one too
    assert [v.id for v in site.employers[0].vacancies] == ["baru", "lama"]  # newest first, the closed one kept


def test_vacancies_are_newest_first_and_the_verifier_is_linked():
    older = record(id="lebih-lama", date_posted=RECORD["date_posted"] - timedelta(days=5))
    site = site_of(older, record(), today=RECORD["date_posted"])
    assert [v.id for v in site.vacancies] == [RECORD["id"], "lebih-lama"]
    assert site.vacancies[0].verifier.id == OFFICE["id"]
    assert {v.id for v in site.vacancies[0].verifier.open_vacancies} == {RECORD["id"], "lebih-lama"}


def test_similar_vacancies_come_from_the_same_regency_before_the_rest_of_the_province():
    same_regency = record(id="sama-kabupaten")
    other_regency = record(id="lain-kabupaten", location__regency="32.01")
    other_group = record(id="lain-golongan", kbji="4")
    site = site_of(record(), other_regency, same_regency, other_group, today=RECORD["date_posted"])
    me = next(v for v in site.vacancies if v.id == RECORD["id"])
    assert [v.id for v in site.similar(me)] == ["sama-kabupaten", "lain-kabupaten"]


def test_salary_and_place_come_from_their_one_home():
    v = site_of(record(), today=RECORD["date_posted"]).vacancies[0]
    assert v.salary_text == "Rp 5.500.000 – 6.000.000 per bulan"
    assert v.salary_monthly == RECORD["salary"]["max"]
    assert v.scope_code == "AKL"  # at home, no scope written
    abroad = site_of(record(location__country="JP"), today=RECORD["date_posted"]).vacancies[0]
    assert abroad.is_abroad and abroad.scope_code == "AKAN"
    assert not v.is_abroad and v.url == f"lowongan/{RECORD['id']}/"
