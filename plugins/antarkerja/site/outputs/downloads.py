"""CSV downloads of open vacancies (national and per province) and of offices, and ``unduh/``.

=================================  ==========================================================
``unduh/lowongan-indonesia.csv``   every open vacancy, newest first
``unduh/lowongan-<slug>.csv``      one province's open vacancies (all 38 provinces)
``unduh/kantor.csv``               every labour office
``unduh/``                         the "Data terbuka" page: columns, licence, sizes, API
``kantor/<id>/laporan-lowongan.csv``  every vacancy an office verified, open or not, one row
                                   each, columns in the order of Perpres 57/2023 Art. 5
                                   (:data:`REPORT_COLUMNS`), then its outcome (Art. 6)
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

from antarkerja.records.schema.vacancy import GENDERS, STATUSES
from antarkerja.site.outputs import File, OutputContext, Page
from antarkerja.site.outputs.api import office_item, schema, vacancy_item
from antarkerja.site.outputs.common import DEFAULT_LICENSE
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


# Perpres 57/2023 Pasal 5 ayat (1): (a) identitas Pemberi Kerja; (b) nama jabatan dan jumlah
# tenaga kerja yang dibutuhkan; (c) masa berlaku lowongan pekerjaan; (d) informasi jabatan: usia,
# jenis kelamin, pendidikan, keterampilan atau kompetensi, pengalaman kerja, upah atau gaji,
# domisili wilayah kerja, dan informasi lain terkait jabatan. Pasal 6: lowongan yang telah
# terisi. One column per item or part of an item, in that order; docs/accuracy.md maps them.
REPORT_COLUMNS: list[tuple[str, str, object]] = [
    ("id_lowongan", "", lambda v: v.id),
    ("nama_pemberi_kerja", "a", lambda v: v.employer["name"]),
    ("bentuk_badan_usaha", "a", lambda v: v.legal_form_label),
    ("nib", "a", lambda v: v.employer.get("nib")),
    ("situs_pemberi_kerja", "a", lambda v: v.employer.get("website")),
    ("nama_jabatan", "b", lambda v: v.title),
    ("kode_kbji", "b", lambda v: v.data["kbji"]),
    ("jumlah_tenaga_kerja", "b", lambda v: v.data["openings"]),
    ("tanggal_tayang", "c", lambda v: v.date_posted.isoformat()),
    ("berlaku_sampai", "c", lambda v: v.valid_through.isoformat()),
    ("usia_minimal", "d", lambda v: (v.data.get("age") or {}).get("min")),
    ("usia_maksimal", "d", lambda v: (v.data.get("age") or {}).get("max")),
    ("jenis_kelamin", "d", lambda v: GENDERS.get((v.data.get("gender") or {}).get("required"), "Tidak dibatasi")),
    ("pendidikan_minimal", "d", lambda v: v.education["name"]),
    ("jurusan", "d", lambda v: v.majors),
    ("keterampilan_kompetensi", "d", lambda v: v.data.get("qualifications") or []),
    ("pengalaman_kerja_bulan", "d", lambda v: v.data["experience_months"]),
    ("upah", "d", lambda v: v.salary_text),
    ("upah_minimal", "d", lambda v: v.salary.get("min")),
    ("upah_maksimal", "d", lambda v: v.salary.get("max")),
    ("satuan_upah", "d", lambda v: v.salary.get("unit")),
    ("mata_uang", "d", lambda v: v.salary_currency if v.salary.get("disclosed") else None),
    ("negara_kerja", "d", lambda v: v.location["country"]),
    ("provinsi", "d", lambda v: v.province.name),
    ("kabupaten_kota", "d", lambda v: v.regency.name),
    ("kota_luar_negeri", "d", lambda v: v.location.get("city")),
    ("alamat_kerja", "d", lambda v: v.location.get("address")),
    ("jenis_hubungan_kerja", "d", lambda v: v.employment_type_label),
    ("kategori_kbli", "d", lambda v: v.data["kbli"]),
    ("status", "Pasal 6", lambda v: STATUSES[v.status] if v.status != "open" or v.is_open else "Kedaluwarsa"),
    ("tanggal_terisi", "Pasal 6", lambda v: v.data["filled_date"].isoformat() if v.data.get("filled_date") else None),
    ("kantor_pemverifikasi", "", lambda v: v.data["verification"]["office"]),
    ("data_contoh", "", lambda v: v.is_example),
]


def report_csv(vacancies) -> str:
    """An office's vacancy report: one row per vacancy, Perpres 57/2023 Art. 5 order."""
    columns = [name for name, _, _ in REPORT_COLUMNS]
    return csv_text(columns, ([cell(get(v)) for _, _, get in REPORT_COLUMNS] for v in vacancies))


def office_reports(site) -> Iterable[File]:
    """``kantor/<id>/laporan-lowongan.csv`` for every office: the vacancies it verified, open
    or not (a filled vacancy belongs in the report), newest first."""
    by_office: dict[str, list] = {o.id: [] for o in site.offices}
    for v in site.vacancies:
        by_office.setdefault(v.data["verification"]["office"], []).append(v)
    for o in site.offices:
        yield File(url("office_report", id=o.id), report_csv(by_office[o.id]))


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
    yield from office_reports(site)
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
