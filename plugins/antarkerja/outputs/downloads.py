"""CSV downloads of open vacancies (national and per province) and of offices, and ``unduh/``.

=================================  ==========================================================
``unduh/lowongan-indonesia.csv``   every open vacancy, newest first
``unduh/lowongan-<slug>.csv``      one province's open vacancies (all 38 provinces)
``unduh/kantor.csv``               every labour office
``unduh/``                         the "Data terbuka" page: columns, licence, sizes, API
=================================  ==========================================================

UTF-8 without BOM, comma separated, a header row, lines ending in CRLF (RFC 4180). Columns
are the JSON API's field names in the same order (:data:`VACANCY_COLUMNS`,
:data:`OFFICE_COLUMNS`), documented on the page with the published schema's descriptions.
Lists (office phone numbers) are joined with "; "; true/false are written ``true``/``false``.

Spreadsheet formulas: any text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading apostrophe (OWASP, CSV injection), so a spreadsheet shows it
as text and never runs it. Numbers we write ourselves are left alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from antarkerja.outputs import File, OutputContext, Page
from antarkerja.outputs.api import DEFAULT_LICENSE, office_item, schema, vacancy_item
from antarkerja.urls import file_for, url

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
VACANCY_COLUMNS = [
    "identifier",
    "title",
    "url",
    "hiringOrganization",
    "addressCountry",
    "addressRegionCode",
    "addressRegion",
    "addressLocalityCode",
    "addressLocality",
    "locationText",
    "datePosted",
    "validThrough",
    "employmentType",
    "educationRequirements",
    "industryCode",
    "industry",
    "occupationalCategory",
    "totalJobOpenings",
    "salaryText",
    "salaryMonthlyIDR",
    "salaryDisclosed",
    "disabilityFriendly",
    "overseas",
    "example",
]
OFFICE_COLUMNS = [
    "identifier",
    "name",
    "url",
    "officeType",
    "parentOrganization",
    "streetAddress",
    "postalCode",
    "addressRegionCode",
    "addressRegion",
    "addressLocalityCode",
    "addressLocality",
    "telephone",
    "whatsapp",
    "email",
    "website",
    "openVacancies",
    "example",
]


def cell(value) -> str | int:
    """A value as a spreadsheet-safe cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return value
    if isinstance(value, list):
        value = "; ".join(str(x) for x in value)
    return neutralise(str(value))


def neutralise(cell):
    """OWASP CSV injection guidance: text that a spreadsheet could run as a formula gets a ``'``."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def to_csv(columns: list[str], rows: Iterable[dict]) -> str:
    return csv_text(columns, ([cell(row.get(c)) for c in columns] for row in rows))


def csv_text(columns: list[str], rows: Iterable[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def size_text(n: int) -> str:
    """Bytes as people read them, Indonesian style: 1,2 MB, 35 KB."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(n / 1000))} KB"


def outputs(site, ctx: OutputContext) -> Iterable[File | Page]:
    files = []  # (label, route url, rows, bytes)
    cells = {}  # vacancy id → its row, made once for the national and the province file

    def row(v) -> list:
        found = cells.get(v.id)
        if found is None:
            item = vacancy_item(v, ctx)
            found = cells[v.id] = [cell(item.get(c)) for c in VACANCY_COLUMNS]
        return found

    national = csv_text(VACANCY_COLUMNS, (row(v) for v in site.open_vacancies))
    files.append(("Seluruh Indonesia", url("csv_vacancies"), len(site.open_vacancies), len(national.encode())))
    yield File(url("csv_vacancies"), national)
    del national
    provinces = []
    for p in site.provinces:
        text = csv_text(VACANCY_COLUMNS, (row(v) for v in p.vacancies))
        provinces.append((p.name, url("csv_province", slug=p.slug), len(p.vacancies), len(text.encode())))
        yield File(url("csv_province", slug=p.slug), text)
    offices = to_csv(OFFICE_COLUMNS, (office_item(o, ctx) for o in site.offices))
    yield File(url("csv_offices"), offices)
    defs = schema(ctx)["$defs"]
    yield Page(
        file_for(url("downloads")),
        "feeds/downloads",
        {
            "page_url": url("downloads"),
            "national": files[0],
            "provinces": provinces,
            "offices_file": ("Kantor layanan", url("csv_offices"), len(site.offices), len(offices.encode())),
            "vacancy_columns": [(c, describe(defs["vacancy"], c)) for c in VACANCY_COLUMNS],
            "office_columns": [(c, describe(defs["office"], c)) for c in OFFICE_COLUMNS],
            "size_text": size_text,
            "license": ctx.settings.get("OPEN_DATA_LICENSE", DEFAULT_LICENSE),
        },
    )


def describe(definition: dict, column: str) -> str:
    prop = definition["properties"][column]
    prop = next((p for p in prop.get("anyOf", []) if "description" in p), prop)
    return prop.get("description", "")
