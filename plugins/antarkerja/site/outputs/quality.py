"""Data quality for officers: a page per office and a national summary per province.

``kantor/<id>/mutu/`` (route ``office_quality``) lists the open vacancies an office verified
that need its attention:

* closing within :data:`CLOSING_DAYS` days (``valid_through``; renew or let them close);
* open more than :data:`STALE_DAYS` days since ``date_posted`` (still really open?);
* carrying validator warnings (W-codes, the validator's own messages);
* due for re-verification: the latest of ``verification.date`` and
  ``verification.reverified`` is more than the office's ``reverify_days`` (default
  :data:`REVERIFY_DAYS`) days before today.

``mutu-data/`` (route ``quality``) shows, per province with open vacancies (by the
vacancy's ``location.province``): open vacancies, the share with salary disclosed, the share
with warnings, and the median days from ``date_posted`` to ``verification.date``.

Both pages are ``noindex``: they are working lists for officers, not for job seekers.
Warnings come from the build's own validation run: the generator keeps them per vacancy id
(:func:`warnings_by_vacancy`, ``site.warnings``), so nothing is validated twice.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from antarkerja.records.diagnostics import WARNING
from antarkerja.records.history import verification_date
from antarkerja.site.outputs import OutputContext, Page
from antarkerja.urls import save_as, url

CLOSING_DAYS = 7  # "closes soon": valid_through at most this many days after today
STALE_DAYS = 60  # "open long": more than this many days since date_posted
REVERIFY_DAYS = 30  # re-verify when the latest verification is older, unless the office sets reverify_days
LIMITS = {"closing": CLOSING_DAYS, "stale": STALE_DAYS}


def warnings_by_vacancy(result) -> dict[str, list[tuple[str, str]]]:
    """Vacancy id -> [(code, message)] of the validator's warnings on that record, and of the
    findings an officer left out with a reasoned ``# antarkerja: abaikan`` marker (the reason
    first: review sees what was set aside and why)."""
    ids = {loaded.path: loaded.data["id"] for loaded in result.vacancies}
    found: dict[str, list[tuple[str, str]]] = {}
    for d in result.diagnostics:
        if d.severity == WARNING and d.path in ids:
            found.setdefault(ids[d.path], []).append((d.code, f"{d.field}: {d.message}" if d.field else d.message))
    for s in getattr(result, "suppressed", ()):
        if s.path in ids:
            found.setdefault(ids[s.path], []).append(
                (s.code, f"diabaikan petugas dengan alasan “{s.reason}” (temuan: {s.field}: {s.message})")
            )
    return found


def days_to_verify(v) -> int:
    """Days from posting to the first verification (negative when verified before posting)."""
    return (v.data["verification"]["date"] - v.date_posted).days


@dataclass
class OfficeQuality:
    """The open vacancies one office verified that need its attention, in four lists."""

    office: object  # model.Office
    reverify_days: int = REVERIFY_DAYS  # the office's policy
    closing: list = field(default_factory=list)  # vacancies, soonest deadline first
    stale: list = field(default_factory=list)  # vacancies, oldest posting first
    warned: list = field(default_factory=list)  # (vacancy, [(code, message)])
    reverify: list = field(default_factory=list)  # (vacancy, last verified, days since)

    @property
    def vacancy_count(self) -> int:
        """Distinct vacancies in any list."""
        ids = {v.id for v in self.closing + self.stale}
        ids.update(v.id for v, _ in self.warned)
        ids.update(v.id for v, _, _ in self.reverify)
        return len(ids)


def office_quality(office, site) -> OfficeQuality:
    today, warnings = site.today, site.warnings
    q = OfficeQuality(office, office.data.get("reverify_days") or REVERIFY_DAYS)
    for v in office.open_vacancies:
        if v.days_left is not None and v.days_left <= CLOSING_DAYS:
            q.closing.append(v)
        if v.posted_days_ago > STALE_DAYS:
            q.stale.append(v)
        if v.id in warnings:
            q.warned.append((v, warnings[v.id]))
        verified = verification_date(v.data)
        since = (today - verified).days
        if since > q.reverify_days:
            q.reverify.append((v, verified, since))
    q.closing.sort(key=lambda v: (v.valid_through, v.id))
    q.stale.sort(key=lambda v: (v.date_posted, v.id))
    q.warned.sort(key=lambda item: item[0].id)
    q.reverify.sort(key=lambda item: (item[1], item[0].id))
    return q


@dataclass
class Row:
    """One line of the national summary: a province, or the whole country."""

    name: str
    open: int
    salary_disclosed: int
    warned: int
    median_days: float | None

    @staticmethod
    def of(name: str, vacancies: list, warnings: dict) -> Row:
        return Row(
            name,
            len(vacancies),
            sum(bool(v.data["salary"].get("disclosed")) for v in vacancies),
            sum(v.id in warnings for v in vacancies),
            statistics.median(days_to_verify(v) for v in vacancies) if vacancies else None,
        )


def province_rows(site) -> tuple[list[tuple[object, Row]], Row]:
    """(province region, row) for every province with an open vacancy, and the national row."""
    warnings = site.warnings
    # Officers see every vacancy their province handles: overseas ones it recruits for too.
    handled = {p.code: [*p.vacancies, *p.recruiting_abroad] for p in site.provinces}
    rows = [(p, Row.of(p.name, handled[p.code], warnings)) for p in site.provinces if handled[p.code]]
    return rows, Row.of("Seluruh Indonesia", site.open_vacancies, warnings)


def percent(part: int, whole: int) -> str:
    """ "67%": a whole-number share; "–" when there is nothing to count."""
    return f"{round(100 * part / whole)}%" if whole else "–"


def days(value: float | None) -> str:
    """Median days in Indonesian notation: "3", "2,5", "–" when unknown."""
    if value is None:
        return "–"
    return str(int(value)) if value == int(value) else f"{value:.1f}".replace(".", ",")


def outputs(site, ctx: OutputContext) -> Iterable[Page]:
    shared = {"noindex": True, "percent": percent, "days": days, "limits": LIMITS}
    offices = [office_quality(office, site) for office in site.offices]
    rows, total = province_rows(site)
    without = len(site.provinces) - len(rows)
    yield Page(
        save_as("quality"),
        "quality/index",
        {**shared, "page_url": url("quality"), "rows": rows, "total": total, "without": without, "offices": offices},
    )
    for q in offices:
        yield Page(
            save_as("office_quality", id=q.office.id),
            "quality/office",
            {**shared, "page_url": url("office_quality", id=q.office.id), "q": q},
        )
