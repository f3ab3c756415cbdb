"""One home for salary facts: the warning, the search band and the wording agree."""

from __future__ import annotations

import pytest
from support import make_repo, vacancy

from antarkerja.records.validate import validate_repository
from antarkerja.salary import BANDS, MAX_MONTHLY, Salary, minimum_wage_applies

UMP = 5_000_000


def test_range_below_minimum_is_warned_and_banded_below_minimum():
    s = Salary.from_record({"disclosed": True, "min": 3_000_000, "max": 6_000_000, "unit": "MONTH"})
    assert s.below_minimum(UMP)
    assert s.band(UMP) == "Di bawah UMP"
    assert s.text == "Rp 3.000.000 – 6.000.000 per bulan"
    assert s.monthly_high == 6_000_000  # sorting by pay uses the highest figure


@pytest.mark.parametrize(
    "record,band",
    [
        ({"disclosed": True, "min": 5_200_000, "unit": "MONTH"}, "5 – 10 juta"),
        ({"disclosed": True, "min": 5_000_000, "max": 5_000_000, "unit": "MONTH"}, "5 – 10 juta"),
        ({"disclosed": True, "min": 5_000_000, "max": 12_000_000, "unit": "MONTH"}, "Di atas 10 juta"),
        ({"disclosed": True, "min": 200_000, "unit": "DAY"}, "5 – 10 juta"),  # 25 days: 5 juta
        ({"disclosed": False}, "Tidak dicantumkan"),
        ({"disclosed": True, "min": 180_000, "unit": "MONTH", "currency": "JPY"}, "Mata uang asing"),
    ],
)
def test_bands(record, band):
    assert Salary.from_record(record).band(UMP) == band
    assert band in BANDS


def test_without_a_minimum_wage_nothing_is_below_it():
    s = Salary.from_record({"disclosed": True, "min": 1_000_000, "unit": "MONTH"})
    assert not s.below_minimum(None)
    assert s.band(None) == "UMP – 5 juta"


def test_single_amount_and_foreign_currency_wording():
    assert Salary.from_record({"disclosed": True, "min": 25_000, "unit": "HOUR"}).text == "Rp 25.000 per jam"
    assert Salary.from_record({"disclosed": True, "min": 1_800, "unit": "MONTH", "currency": "SGD"}).text == (
        "SGD 1.800 per bulan"
    )
    assert Salary.from_record({"disclosed": False}).text == "Tidak dicantumkan"


def test_huge_amounts_stay_finite():
    s = Salary.from_record({"disclosed": True, "min": 10**300, "unit": "YEAR"})
    assert s.monthly_low == MAX_MONTHLY


def test_minimum_wage_applies_to_domestic_employees_only():
    record = {"location": {"country": "ID"}, "employment_type": "pkwt"}
    assert minimum_wage_applies(record)
    assert not minimum_wage_applies({**record, "employment_type": "magang"})
    assert not minimum_wage_applies({**record, "location": {"country": "JP"}})


def test_validator_warning_and_model_band_agree(tmp_path):
    """A range starting below the UMP and ending above it: warned, and filed below the UMP."""
    from antarkerja.reference import load_reference
    from antarkerja.site.model import build_site

    text = vacancy(("min: 5500000", "min: 1500000"))  # Jawa Barat UMP is above 2 juta
    repo = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": text})
    result = validate_repository(repo)
    assert [d.code for d in result.diagnostics] == ["W501"]
    ref = load_reference(repo)
    site = build_site(
        [result.vacancies[0].data], [o.data for o in result.offices], ref, result.vacancies[0].data["date_posted"]
    )
    assert site.vacancies[0].salary_band == "Di bawah UMP"
    assert site.vacancies[0].below_minimum_wage
