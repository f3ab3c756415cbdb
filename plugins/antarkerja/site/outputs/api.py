"""The static JSON API, version 1: open vacancies as small paginated files.

Writes (paths from :mod:`antarkerja.urls`):

==========================================  ==============================================
``api/v1/index.json``                       what exists: totals, first pages, feeds, CSV
``api/v1/schema.json``                      JSON Schema (2020-12) of every file below
``api/v1/lowongan/<n>.json``                every open vacancy, newest first
``api/v1/provinsi/<slug>/<n>.json``         a province's open vacancies (every province)
``api/v1/kabkota/<slug>/<n>.json``          a regency's open vacancies (regencies with a page)
``api/v1/kantor/<n>.json``                  every office with its count of open vacancies
``api/v1/wilayah/<n>.json``                 provinces and regencies with counts and links
==========================================  ==============================================

Each list file is one page: ``{"version", "scope", "total", "page", "pages", "next",
"items"}`` where ``next`` is the next page's URL or null: follow ``next`` from ``1.json`` to
read a whole list. Vacancy lists are numbered from the oldest so that a new vacancy rewrites
one page of each (:func:`pages`: ``1.json`` is still the newest, then ``<N>.json`` down to
``2.json``; ``total`` and ``pages`` count from the page to the end of the chain, the whole
list on ``1.json``); offices and regions are numbered in order. Vacancy items use schema.org
JobPosting names where one fits (:func:`vacancy_item`); pages hold :data:`PER_PAGE` vacancies
(about 30 KB), :data:`OFFICES_PER_PAGE` offices or :data:`REGIONS_PER_PAGE` regions, so no
file passes 200 KB whatever the number of vacancies. The search page browses these same
files when no words are typed, and the JS widget reads them: build once.

Field names are stable within a version. Any change that removes or renames a field, or
changes a value's meaning, needs a new version (``API_VERSION``) and a new route prefix;
the published schema (``api/v1/schema.json``) must change with :func:`vacancy_item`.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable

from antarkerja.site.outputs import File, OutputContext
from antarkerja.site.outputs.common import DEFAULT_LICENSE, absolute, dump
from antarkerja.site.outputs.feeds import indeed_parts
from antarkerja.site.outputs.widgets import regions
from antarkerja.urls import url

API_VERSION = "v1"
PER_PAGE = 50  # about 30 KB a page: small enough for a phone, few files at 100,000
OFFICES_PER_PAGE = 100  # about 60 KB
REGIONS_PER_PAGE = 100  # about 70 KB; 552 regions at most (38 provinces, 514 regencies)


_ITEMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # vacancy → (siteurl, item)


def vacancy_item(v, ctx: OutputContext) -> dict:
    """One open vacancy as the API and the browser read it (stable field names).

    Made once per vacancy and build: the API writes it up to three times (national, province,
    regency) and the CSV twice. Treat the result as read-only.
    """
    cached = _ITEMS.get(v)
    if cached is not None and cached[0] == ctx.siteurl:
        return cached[1]
    item = _vacancy_item(v, ctx)
    _ITEMS[v] = (ctx.siteurl, item)
    return item


def _vacancy_item(v, ctx: OutputContext) -> dict:
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
        # Added in v1 after the first files (additions never break readers):
        "industryCode": v.data["kbli"],
        "addressRegionCode": v.location["province"],
        "addressLocalityCode": v.location["regency"],
    }


def office_item(o, ctx: OutputContext) -> dict:
    """One labour office: contact and how many open vacancies it verified."""
    d = o.data
    return {
        "identifier": o.id,
        "name": o.name,
        "url": absolute(ctx, o.url),
        "officeType": o.type_label,
        "parentOrganization": o.parent.id if o.parent else None,
        "streetAddress": d.get("address") or "",
        "postalCode": d.get("postal_code") or None,
        "addressRegion": o.province.name,
        "addressRegionCode": d["province"],
        "addressLocality": o.regency.name if o.regency else None,
        "addressLocalityCode": d.get("regency") or None,
        "telephone": list(d.get("phones") or []),
        "whatsapp": d.get("whatsapp") or None,
        "email": d.get("email") or None,
        "website": d.get("website") or None,
        "openVacancies": len(o.open_vacancies),
        "feedAtom": absolute(ctx, url("feed_atom", scope=o.url[:-1])),
        "example": o.is_example,
    }


def region_item(r, ctx: OutputContext) -> dict:
    """A province or regency with its counts and every file about it."""
    scope = r.url[:-1]
    item = {
        "identifier": r.code,
        "name": r.name,
        "type": r.kind,
        "province": r.province.code,
        "url": absolute(ctx, r.url),
        "openVacancies": len(r.vacancies),
        "totalJobOpenings": r.openings,
        "offices": len(r.offices),
        "api": absolute(ctx, url(f"api_{r.kind}", slug=r.slug) + "1.json"),
        "feedAtom": absolute(ctx, url("feed_atom", scope=scope)),
        "feedJson": absolute(ctx, url("feed_json", scope=scope)),
        "embed": absolute(ctx, url("embed", slug=r.slug)),
        "csv": absolute(ctx, url("csv_province", slug=r.slug)) if r.kind == "province" else None,
    }
    return item


def paged(scope: str, base: str, items: list, per_page: int, make, ctx: OutputContext) -> Iterable[File]:
    """``base`` is a route URL ending in "/"; pages are ``<base>1.json``, ``<base>2.json``…
    in order (offices and regions), each with the list's ``total`` and ``pages``."""
    count = max(1, -(-len(items) // per_page))
    for n in range(1, count + 1):
        chunk = items[(n - 1) * per_page : n * per_page]
        nxt = absolute(ctx, f"{base}{n + 1}.json") if n < count else None
        yield File(f"{base}{n}.json", dump(_page_body(scope, len(items), n, count, nxt, [make(x, ctx) for x in chunk])))


def _page_body(scope: str, total: int, number: int, pages: int, nxt: str | None, items: list) -> dict:
    return {
        "version": API_VERSION,
        "scope": scope,
        "total": total,
        "page": number,
        "pages": pages,
        "next": nxt,
        "items": items,
    }


def pages(scope: str, base: str, vacancies: list, ctx: OutputContext) -> Iterable[File]:
    """Vacancy pages (newest first), numbered as the HTML listings are so that a new vacancy
    rewrites only ``1.json`` of each list it joins (:func:`antarkerja.site.paginate.slices`):
    ``1.json`` holds the newest :data:`PER_PAGE` to ``2 × PER_PAGE − 1`` vacancies, its ``next``
    is ``<N>.json``, then ``<N−1>.json``… down to ``2.json``, which always holds the oldest
    :data:`PER_PAGE`. ``total`` and ``pages`` count from the page itself to the end of the
    ``next`` chain: on ``1.json`` the whole list (as before), on an older page the vacancies
    and pages from it to the oldest, which do not change when a vacancy is added.
    """
    from antarkerja.site.paginate import older_number, slices

    cuts = slices(len(vacancies), PER_PAGE)
    for place, (n, start, end) in enumerate(cuts):
        older = older_number(n, len(cuts))
        nxt = absolute(ctx, f"{base}{older}.json") if older is not None else None
        body = _page_body(scope, len(vacancies) - start, n, len(cuts) - place, nxt, [])
        body["items"] = [vacancy_item(v, ctx) for v in vacancies[start:end]]
        yield File(f"{base}{n}.json", dump(body))


def index(site, ctx: OutputContext) -> dict:
    """``api/v1/index.json``: a reader's starting point."""
    a = lambda path: absolute(ctx, path)  # noqa: E731
    return {
        "version": API_VERSION,
        "name": f"{ctx.sitename}: data terbuka lowongan kerja",
        "date": site.today.isoformat(),
        "license": ctx.settings.get("OPEN_DATA_LICENSE", DEFAULT_LICENSE),
        "schema": a(url("api_schema")),
        "openVacancies": len(site.open_vacancies),
        "totalJobOpenings": site.open_openings,
        "offices": len(site.offices),
        "vacancies": a(url("api_vacancies") + "1.json"),
        "regions": a(url("api_regions") + "1.json"),
        "officeList": a(url("api_offices") + "1.json"),
        "feedAtom": a(url("feed_atom", scope=url("vacancies")[:-1])),
        "feedJson": a(url("feed_json", scope=url("vacancies")[:-1])),
        "aggregatorXml": [a(url("feed_indeed", number=n)) for n in range(1, indeed_parts(site) + 1)],
        "csv": a(url("csv_vacancies")),
        "csvOffices": a(url("csv_offices")),
        "documentation": a(url("downloads")),
    }


def outputs(site, ctx: OutputContext) -> Iterable[File]:
    yield from pages("Indonesia", url("api_vacancies"), site.open_vacancies, ctx)
    for region in (*site.provinces, *site.regencies):
        yield from pages(region.name, url(f"api_{region.kind}", slug=region.slug), region.vacancies, ctx)
    yield from paged("kantor", url("api_offices"), site.offices, OFFICES_PER_PAGE, office_item, ctx)
    yield from paged("wilayah", url("api_regions"), regions(site), REGIONS_PER_PAGE, region_item, ctx)
    yield File(url("api_index"), dump(index(site, ctx)))
    yield File(url("api_schema"), json.dumps(schema(ctx), ensure_ascii=False, indent=1))


# The published JSON Schema ----------------------------------------------------------------


def _obj(properties: dict, nullable: tuple = ()) -> dict:
    """An object with exactly these required properties (more may come in later builds)."""
    props = {k: ({"anyOf": [v, {"type": "null"}]} if k in nullable else v) for k, v in properties.items()}
    return {"type": "object", "required": list(properties), "properties": props}


def _text(description: str, **more) -> dict:
    return {"type": "string", "description": description, **more}


def _int(description: str) -> dict:
    return {"type": "integer", "minimum": 0, "description": description}


def _bool(description: str) -> dict:
    return {"type": "boolean", "description": description}


URI = {"type": "string", "format": "uri-reference"}
DATE = {"type": "string", "format": "date"}


def _page(item: str) -> dict:
    return _obj(
        {
            "version": {"const": API_VERSION},
            "scope": _text("Cakupan berkas: nama wilayah, 'Indonesia', 'kantor' atau 'wilayah'."),
            "total": _int(
                "Jumlah butir seluruh daftar; di halaman lowongan selain 1.json: butir di halaman ini dan "
                "sesudahnya (mengikuti next)."
            ),
            "page": {"type": "integer", "minimum": 1, "description": "Nomor berkas (<page>.json); 1 = terbaru."},
            "pages": {
                "type": "integer",
                "minimum": 1,
                "description": (
                    "Jumlah halaman daftar; di halaman lowongan selain 1.json: halaman ini dan sesudahnya (mengikuti next)."
                ),
            },
            "next": {
                **URI,
                "description": (
                    "URL halaman berikutnya; null di halaman terakhir. Lowongan: 1.json (terbaru), lalu <pages>.json "
                    "turun sampai 2.json (terlama); nomor halaman lama tidak bergeser saat lowongan baru tayang."
                ),
            },
            "items": {"type": "array", "items": {"$ref": f"#/$defs/{item}"}},
        },
        nullable=("next",),
    )


def schema(ctx: OutputContext) -> dict:
    """JSON Schema 2020-12 of every ``api/v1`` file; ``$defs`` names one per file kind."""
    vacancy = _obj(
        {
            "identifier": _text("ID lowongan, tetap selamanya (nama berkas datanya)."),
            "title": _text("Nama jabatan."),
            "url": {**URI, "description": "Halaman lowongan."},
            "hiringOrganization": _text("Nama pemberi kerja."),
            "addressCountry": _text("Kode negara tempat kerja (ISO 3166-1 alpha-2).", pattern="^[A-Z]{2}$"),
            "addressRegion": _text("Provinsi (tempat kerja, atau tempat rekrutmen untuk luar negeri)."),
            "addressLocality": _text("Kabupaten/kota."),
            "locationText": _text("Lokasi seperti tertulis di situs."),
            "datePosted": {**DATE, "description": "Tanggal tayang."},
            "validThrough": {**DATE, "description": "Hari terakhir melamar."},
            "employmentType": _text("Jenis hubungan kerja (label Indonesia)."),
            "educationRequirements": _text("Pendidikan minimal."),
            "industry": _text("Kategori KBLI 2020 (nama singkat)."),
            "occupationalCategory": _text("Golongan pokok KBJI 2014 (nama singkat)."),
            "totalJobOpenings": _int("Jumlah orang yang dibutuhkan."),
            "salaryText": _text("Upah seperti tertulis di situs."),
            "salaryMonthlyIDR": {"type": "integer", "minimum": 0, "description": "Upah tertinggi per bulan (Rp)."},
            "salaryDisclosed": _bool("Upah dicantumkan."),
            "disabilityFriendly": _bool("Terbuka untuk penyandang disabilitas."),
            "overseas": _bool("Lowongan luar negeri (AKAN)."),
            "example": _bool("Data contoh, bukan lowongan sungguhan."),
            "industryCode": _text("Kode kategori KBLI 2020 (A–U).", pattern="^[A-U]$"),
            "addressRegionCode": _text("Kode provinsi Kemendagri.", pattern="^[0-9]{2}$"),
            "addressLocalityCode": _text("Kode kabupaten/kota Kemendagri.", pattern="^[0-9]{2}\\.[0-9]{2}$"),
        },
        nullable=("salaryMonthlyIDR",),
    )
    office = _obj(
        {
            "identifier": _text("ID kantor."),
            "name": _text("Nama kantor."),
            "url": {**URI, "description": "Halaman kantor."},
            "officeType": _text("Jenis kantor."),
            "parentOrganization": _text("ID kantor induk."),
            "streetAddress": _text("Alamat."),
            "postalCode": _text("Kode pos."),
            "addressRegion": _text("Provinsi."),
            "addressRegionCode": _text("Kode provinsi.", pattern="^[0-9]{2}$"),
            "addressLocality": _text("Kabupaten/kota."),
            "addressLocalityCode": _text("Kode kabupaten/kota.", pattern="^[0-9]{2}\\.[0-9]{2}$"),
            "telephone": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Nomor telepon (CSV: dipisah '; ').",
            },
            "whatsapp": _text("Nomor WhatsApp."),
            "email": _text("Email."),
            "website": {**URI, "description": "Situs web kantor."},
            "openVacancies": _int("Lowongan dibuka yang diverifikasi kantor ini."),
            "feedAtom": {**URI, "description": "Feed Atom lowongan yang diverifikasi kantor ini."},
            "example": _bool("Data contoh."),
        },
        nullable=(
            "parentOrganization",
            "postalCode",
            "addressLocality",
            "addressLocalityCode",
            "whatsapp",
            "email",
            "website",
        ),
    )
    region = _obj(
        {
            "identifier": _text("Kode wilayah Kemendagri.", pattern="^[0-9]{2}(\\.[0-9]{2})?$"),
            "name": _text("Nama wilayah."),
            "type": {"enum": ["province", "regency"]},
            "province": _text("Kode provinsi.", pattern="^[0-9]{2}$"),
            "url": URI,
            "openVacancies": _int("Lowongan dibuka."),
            "totalJobOpenings": _int("Orang yang dibutuhkan lowongan dibuka."),
            "offices": _int("Kantor layanan."),
            "api": {**URI, "description": "Halaman pertama lowongan wilayah ini."},
            "feedAtom": URI,
            "feedJson": URI,
            "embed": {**URI, "description": "Widget untuk iframe."},
            "csv": {**URI, "description": "CSV lowongan (hanya provinsi)."},
        },
        nullable=("csv",),
    )
    index_def = _obj(
        {
            "version": {"const": API_VERSION},
            "name": {"type": "string"},
            "date": DATE,
            "license": {"type": "object", "required": ["name", "url"]},
            "schema": URI,
            "openVacancies": _int("Lowongan dibuka di seluruh Indonesia."),
            "totalJobOpenings": _int("Orang yang dibutuhkan."),
            "offices": _int("Kantor layanan."),
            "vacancies": URI,
            "regions": URI,
            "officeList": URI,
            "feedAtom": URI,
            "feedJson": URI,
            "aggregatorXml": {"type": "array", "items": URI, "minItems": 1},
            "csv": URI,
            "csvOffices": URI,
            "documentation": URI,
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": absolute(ctx, url("api_schema")),
        "title": f"{ctx.sitename} API {API_VERSION}",
        "description": (
            "Berkas JSON statis. index.json memakai #/$defs/index; halaman lowongan (nasional, provinsi, kabkota) "
            "memakai #/$defs/vacancyPage; kantor memakai #/$defs/officePage; wilayah memakai "
            "#/$defs/regionPage. Nama kolom tetap selama versi v1; kolom baru boleh bertambah."
        ),
        "$defs": {
            "index": index_def,
            "vacancy": vacancy,
            "office": office,
            "region": region,
            "vacancyPage": _page("vacancy"),
            "officePage": _page("office"),
            "regionPage": _page("region"),
        },
        "anyOf": [{"$ref": f"#/$defs/{name}"} for name in ("index", "vacancyPage", "officePage", "regionPage")],
    }
