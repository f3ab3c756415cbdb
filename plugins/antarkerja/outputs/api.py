"""The static JSON API, version 1: open vacancies as small paginated files.

Writes (paths from :mod:`antarkerja.urls`):

==========================================  ==============================================
``api/v1/lowongan/<n>.json``                every open vacancy, newest first
``api/v1/provinsi/<slug>/<n>.json``         a province's open vacancies (every province)
``api/v1/kabkota/<slug>/<n>.json``          a regency's open vacancies (regencies with a page)
==========================================  ==============================================

Each file is one page of :data:`PER_PAGE` items: ``{"version", "scope", "total", "page",
"pages", "next", "items"}`` where ``next`` is the next page's URL or null. Items use
schema.org JobPosting names where one fits (:func:`vacancy_item`). The search page browses
these same files when no words are typed, and widgets and feeds read them: build once.

Field names are stable within a version. Any change that removes or renames a field, or
changes a value's meaning, needs a new version (``API_VERSION``) and a new route prefix;
the published schema (``api/v1/schema.json``) must change with :func:`vacancy_item`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from antarkerja.outputs import File, OutputContext
from antarkerja.urls import url

API_VERSION = "v1"
PER_PAGE = 50  # about 30 KB a page: small enough for a phone, few files at 100,000


def absolute(ctx: OutputContext, path: str) -> str:
    """An absolute URL when the site has one, else root-relative (local builds)."""
    return f"{ctx.siteurl}/{path}"


def vacancy_item(v, ctx: OutputContext) -> dict:
    """One open vacancy as the API and the browser read it (stable field names)."""
    s = v.salary
    return {
        "identifier": v.id,
        "title": v.title,
        "url": absolute(ctx, v.url),
        "hiringOrganization": v.employer["name"],
        "addressCountry": v.location["country"],
        "addressRegion": v.province.name,
        "addressLocality": v.regency.name,
        "locationText": v.location_text,
        "datePosted": v.date_posted.isoformat(),
        "validThrough": v.valid_through.isoformat(),
        "employmentType": v.employment_type_label,
        "educationRequirements": v.education["name"],
        "industry": v.kbli["short_name"],
        "occupationalCategory": v.kbji_group["short_name"],
        "totalJobOpenings": v.data["openings"],
        "salaryText": v.salary_text,
        "salaryMonthlyIDR": v.salary_monthly or None,
        "salaryDisclosed": bool(s["disclosed"]),
        "disabilityFriendly": v.is_disability_friendly,
        "overseas": v.is_abroad,
        "example": v.is_example,
    }


def pages(scope: str, base: str, vacancies: list, ctx: OutputContext) -> Iterable[File]:
    """``base`` is a route URL ending in "/"; pages are ``<base>1.json``, ``<base>2.json``…"""
    count = max(1, -(-len(vacancies) // PER_PAGE))
    for n in range(1, count + 1):
        chunk = vacancies[(n - 1) * PER_PAGE : n * PER_PAGE]
        body = {
            "version": API_VERSION,
            "scope": scope,
            "total": len(vacancies),
            "page": n,
            "pages": count,
            "next": absolute(ctx, f"{base}{n + 1}.json") if n < count else None,
            "items": [vacancy_item(v, ctx) for v in chunk],
        }
        yield File(f"{base}{n}.json", dump(body))


def dump(data) -> str:
    """Compact JSON; ``<``, ``>`` and ``&`` escaped so no text can become markup if inlined."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def outputs(site, ctx: OutputContext) -> Iterable[File]:
    yield from pages("Indonesia", url("api_vacancies"), site.open_vacancies, ctx)
    for region in (*site.provinces, *site.regencies):
        yield from pages(region.name, url(f"api_{region.kind}", slug=region.slug), region.vacancies, ctx)
