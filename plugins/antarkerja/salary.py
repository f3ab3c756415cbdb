"""The salary of a vacancy as one value object: the single home of every salary fact.

The validator (W501, W505), the model (card and page wording), the search band and sort
key, JSON-LD and the API all ask :class:`Salary`, so they can never disagree. A salary is
not disclosed, a single amount, or a range, in a currency and per a unit of time.

"Below the minimum wage" compares the **lowest** monthly pay with the province's UMP (a
worker may be paid the lowest figure); the search band puts every such salary under "Di
bawah UMP", so a Rp 3–6 juta job where the UMP is Rp 5 juta is both warned about and filed
there. Other salaries are banded, and sorted, by their highest monthly figure ("up to").

The minimum wage applies only to domestic employees (PKWTT/PKWT) paid in rupiah
(:func:`minimum_wage_applies`); elsewhere ``below_minimum`` is never true.

Which year's UMP: the one in force on the vacancy's **posting date** (:func:`ump_date`). A
vacancy is an offer made on the day it is published; the offer must meet the minimum wage in
force that day. So a vacancy posted on 20 December 2026 is compared with UMP 2026 and one
posted on 2 January 2027 with UMP 2027 (each year's figures apply from 1 January). The
verdict depends only on the record, never on the day the site is built, so the validator,
the search band and the statistics agree on every run. When a province has no figure for
that year yet, the latest earlier one is used and W501 says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from antarkerja.placement import is_overseas
from antarkerja.wording import rupiah

# Monthly equivalents, as PP 36/2021 counts a month: 25 working days (6-day week), 173 hours.
PER_MONTH = {"HOUR": 173, "DAY": 25, "WEEK": 52 / 12, "MONTH": 1, "YEAR": 1 / 12}
UNIT_WORDS = {"HOUR": "per jam", "DAY": "per hari", "WEEK": "per minggu", "MONTH": "per bulan", "YEAR": "per tahun"}
BANDS = ["Di bawah UMP", "UMP – 5 juta", "5 – 10 juta", "Di atas 10 juta", "Tidak dicantumkan", "Mata uang asing"]
BAND_LIMITS = (5_000_000, 10_000_000)  # upper bounds of the 2nd and 3rd band, inclusive for the 3rd
EMPLOYEE_TYPES = ("pkwtt", "pkwt")  # minimum wage protects employees (PP 36/2021)
# Beyond this a monthly figure is not a salary; it also keeps arithmetic finite.
MAX_MONTHLY = 10**15


@dataclass(frozen=True)
class Salary:
    disclosed: bool
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    currency: str = "IDR"

    @classmethod
    def from_record(cls, salary: dict) -> Salary:
        if not salary.get("disclosed"):
            return cls(False, currency=salary.get("currency") or "IDR")
        return cls(True, salary.get("min"), salary.get("max"), salary.get("unit"), salary.get("currency") or "IDR")

    # Shape ------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        """``undisclosed``, ``single`` or ``range``."""
        if not self.disclosed or self.minimum is None:
            return "undisclosed"
        return "range" if self.maximum and self.maximum != self.minimum else "single"

    @property
    def is_rupiah(self) -> bool:
        return self.currency == "IDR"

    @property
    def top(self) -> float:
        """The highest amount stated (in its own unit), 0 when not disclosed."""
        if self.kind == "undisclosed":
            return 0
        return self.maximum if self.kind == "range" else self.minimum

    # Monthly equivalents (rupiah only) --------------------------------------------------
    def _monthly(self, amount: float | None) -> int:
        if self.kind == "undisclosed" or not self.is_rupiah or amount is None or self.unit not in PER_MONTH:
            return 0
        value = amount * PER_MONTH[self.unit]
        if not math.isfinite(value):
            return MAX_MONTHLY
        return min(int(round(value)), MAX_MONTHLY)

    @property
    def monthly_low(self) -> int:
        """Lowest pay per month in rupiah; 0 when not disclosed or in another currency."""
        return self._monthly(self.minimum)

    @property
    def monthly_high(self) -> int:
        """Highest pay per month in rupiah (the sort key); 0 when unknown or foreign."""
        return self._monthly(self.top)

    @property
    def monthly_mid(self) -> int:
        """Midpoint of the range per month in rupiah (statistics); 0 when unknown or foreign."""
        if self.kind == "undisclosed":
            return 0
        return (self.monthly_low + self.monthly_high) // 2 if self.kind == "range" else self.monthly_low

    # Minimum wage and search band -----------------------------------------------------
    def below_minimum(self, ump: int | None) -> bool:
        return bool(ump) and self.kind != "undisclosed" and self.is_rupiah and self.monthly_low < ump

    def band(self, ump: int | None) -> str:
        """The search filter bucket; ``ump`` is None where the minimum wage does not apply."""
        if self.kind == "undisclosed":
            return BANDS[4]
        if not self.is_rupiah:
            return BANDS[5]
        if self.below_minimum(ump):
            return BANDS[0]
        if self.monthly_high < BAND_LIMITS[0]:
            return BANDS[1]
        if self.monthly_high <= BAND_LIMITS[1]:
            return BANDS[2]
        return BANDS[3]

    # Wording --------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """ "Rp 4.500.000 – 5.200.000 per bulan", or "Tidak dicantumkan"."""
        if self.kind == "undisclosed":
            return "Tidak dicantumkan"
        prefix = "Rp " if self.is_rupiah else f"{self.currency} "
        amount = prefix + rupiah(self.minimum)
        if self.kind == "range":
            amount += f" – {rupiah(self.maximum)}"
        return f"{amount} {UNIT_WORDS.get(self.unit, '')}".rstrip()


def minimum_wage_applies(record: dict) -> bool:
    """The provincial minimum wage protects this vacancy's workers (domestic employees)."""
    return not is_overseas(record) and record.get("employment_type") in EMPLOYEE_TYPES


def ump_date(record: dict):
    """The date whose UMP applies to this vacancy: its posting date (see the module docstring)."""
    return record["date_posted"]


def minimum_wage(record: dict, ref) -> tuple[int, dict] | None:
    """(year, UMP entry) in force on the vacancy's posting date in its province, where it applies."""
    if not minimum_wage_applies(record):
        return None
    return ref.ump_for(record["location"]["province"], ump_date(record))
