"""The site's HTML pages, from the model and the theme's templates.

Writes (routes from :mod:`antarkerja.urls`; ``[page/N/]`` is a listing's later pages):

=================================  ======================  ===================================
``index.html``                     ``home.html``           search box, counts, newest, closing
``lowongan/[page/N/]``             ``vacancies.html``      every open vacancy, compact rows
``lowongan/<id>/``                 ``vacancy.html``        one vacancy, open or closed
``provinsi/``                      ``provinces.html``      the 38 provinces with counts
``provinsi/<slug>/[page/N/]``      ``region.html``         a province's open vacancies, offices
``kabkota/<slug>/[page/N/]``       ``region.html``         a regency's (vacancies or offices)
``kantor/``                        ``offices.html``        office directory by province
``kantor/<id>/[page/N/]``          ``office.html``         contact, hours, verified vacancies
``cari/``                          ``search.html``         the search page (see antarkerja.site.search)
``404.html``                       ``404.html``            not found
=================================  ======================  ===================================

Vacancy pages come from :func:`vacancy_pages`, apart from the rest, because the generator
shares them out among forked workers on big sites. Pelican itself renders
``content/pages/*.md`` (``page.html``) and copies ``theme/static/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from antarkerja.site.cache import Uncacheable
from antarkerja.site.model import Employer, Office, Region, Vacancy
from antarkerja.site.outputs import OutputContext, Page, jsonld
from antarkerja.site.paginate import Pager, page_count, paginate
from antarkerja.site.smk_match import Area
from antarkerja.urls import file_for, save_as, url


def per_page(ctx: OutputContext) -> int:
    return int(ctx.settings.get("LISTING_PER_PAGE", 20))


def rows_per_page(ctx: OutputContext) -> int:
    """Rows per page of the all-vacancies list. Its rows are compact (title, employer, place,
    pay): the full cards are on the province, regency and office pages, so this list, which
    holds every vacancy once more, stays a light index without JavaScript."""
    return int(ctx.settings.get("LISTING_ROWS_PER_PAGE", 100))


@dataclass(frozen=True)
class Lazy:
    """A context value made only when the page is rendered (the render cache keys a page by
    the function's name and arguments instead, see :data:`MODELS`)."""

    func: Callable
    args: tuple

    def value(self):
        return self.func(*self.args)


def job_posting_script(v, siteurl: str, sitename: str) -> str:
    return jsonld.script_json(jsonld.job_posting(v, siteurl, sitename))


def vacancy_pages(vacancies: list, ctx: OutputContext) -> Iterator[Page]:
    """One page per vacancy, open or closed; only open ones carry JobPosting JSON-LD."""
    for v in vacancies:
        data = Lazy(job_posting_script, (v, ctx.siteurl, ctx.sitename)) if v.is_open else None
        yield Page(save_as("vacancy", id=v.id), "vacancy", {"vacancy": v, "page_url": v.url, "jsonld": data})


def prepare_vacancy(v) -> None:
    """Before a vacancy page goes to render: sanitize its description ahead of the writer
    thread (nh3 drops the GIL, and with the writer busy each call waited for it: 3 s at 10,000)."""
    v.description_html  # noqa: B018 (cached property)


# The render cache (antarkerja.site.cache.PageMemo) --------------------------------------
# A vacancy page is keyed by its context, the template globals it reads (found in the
# templates, see cache.template_reads) and what it reaches through the model beyond its
# context: the objects below. tests/test_site_outputs_pages.py renders pages with every
# read of a model object recorded and fails when a page reads an object, or an attribute
# that depends on "today", that its key does not hold.


def vacancy_state(v: Vacancy, sources: dict | None = None) -> tuple:
    """What of a vacancy any page may read: its record and the facts that depend on today,
    whether (and why) it is closed and whether it is still in its search bundle
    (:mod:`antarkerja.site.index_window`). Not the days since posting nor the days left: the page
    carries the posting and closing dates, and the reader's device counts the days ("Tayang
    dalam", "n hari lagi"). So a nightly run renders again only the pages of vacancies that
    closed overnight (and the pages listing them as "Lowongan serupa").

    ``sources`` (:meth:`antarkerja.site.cache.RecordMemo.sources`) gives the record as its
    file's path and digest: what the records cache already trusts the record to be a
    function of (with the code and reference data, both in every key). Walking each record
    instead cost a re-run at 100,000 vacancies 4 s of the notices and 3 s of the vacancy pages."""
    source = sources.get(id(v.data)) if sources else None
    return (v.data if source is None else source, v.closed_reason, v.in_index)


def office_state(o: Office) -> dict:
    """What of an office a page may read: its record (not its vacancies, parent or children)."""
    return o.data


def region_state(r: Region) -> tuple:
    """What of a province or regency a page other than its list's first may read: its names
    and place (not its vacancies, offices or regencies: page 1 shows those, see
    :func:`listing_reads`)."""
    return (r.kind, r.code, r.name, r.slug, r.province)


def employer_state(e: Employer) -> tuple:
    """What of an employer a page other than its list's first may read: its name and the
    newest vacancy, whose record speaks for it (not its other vacancies: page 1 counts them)."""
    return (e.slug, e.name, e.newest)


def area_state(a: Area) -> tuple:
    """What of an SMK competency area a later page of its list may read: its names and the
    majors it takes (not its vacancies: page 1 counts them)."""
    return (a.code, a.name, a.field, tuple(a.majors))


def pager_state(p: Pager) -> tuple:
    """What of a page of a list a page may read: its items and place among the pages. Not the
    list's total, which only page 1 shows (paginate's docstring)."""
    return (p.items, p.number, p.count, p.base_url)


MODELS = {
    Vacancy: vacancy_state,
    Office: office_state,
    Region: region_state,
    Employer: employer_state,
    Pager: pager_state,
    Area: area_state,
    Lazy: lambda lazy: (f"{lazy.func.__module__}.{lazy.func.__qualname__}", lazy.args),
}

LASTING = frozenset({Vacancy, Office, Region, Employer})  # live as long as the build: their forms are made once

# Template globals a vacancy page reads whose values vacancy_reads() gives for each page.
VACANCY_GLOBALS = frozenset({"site", "vacancy_history", "history_office"})


def vacancy_reads(context: dict, template_globals: dict) -> tuple:
    """Beyond its context, a vacancy page reads its verifying office, "Lowongan serupa"
    (``site.similar``), whether the site holds sample data, and its history (with the
    offices the history names)."""
    v = context["vacancy"]
    site = template_globals["site"]
    history = template_globals.get("vacancy_history")
    entries = history(v) if history is not None else None
    find_office = template_globals.get("history_office")
    offices = [find_office(e.office) for e in entries or () if e.office] if find_office is not None else []
    return (v.verifier, site.similar(v), site.has_examples, entries, offices)


def notice_reads(context: dict, template_globals: dict) -> tuple:
    """Beyond its context (the vacancy, its QR code and notice text), a printable notice
    (``lowongan/<id>/cetak/``, antarkerja.site.outputs.notices) reads its verifying office and
    whether the site holds sample data."""
    return (context["vacancy"].verifier, template_globals["site"].has_examples)


class FirstPage(Uncacheable):
    """Page 1 of a list is not kept by the render cache (see :func:`listing_reads`): like any
    page without a key, it is rendered."""


def listing_reads(context: dict, template_globals: dict) -> tuple:
    """Beyond its context (the page of the list, its vacancies, the region or office), a page
    of a list other than the first reads whether the site holds sample data, and an office's
    page the office above it. Page 1 reads the whole list (its counts, the regencies and
    offices under it) and changes with every new vacancy anyway: it is always rendered
    (:exc:`FirstPage`). The later pages: 14,117 at 100,000 vacancies, and 4,915 more of
    employers (:mod:`antarkerja.site.outputs.employers`)."""
    if context["pager"].number == 1:
        raise FirstPage
    office = context.get("office")
    return (template_globals["site"].has_examples, office.parent if office is not None else None)


# Template globals a page of a list reads whose values listing_reads() gives; an office's
# BKK block (``smk_for_office``) is on its page 1 only, never kept.
LISTING_GLOBALS = frozenset({"site"})
OFFICE_GLOBALS = LISTING_GLOBALS | {"smk_for_office"}

# The templates whose pages the render cache keeps: (what, in the build's note when a key
# cannot be made; the globals the reads function covers; the reads function, given the
# page's context and the template globals).
KEYED = {
    "vacancy": ("halaman lowongan", VACANCY_GLOBALS, vacancy_reads),
    "print/vacancy": ("pengumuman cetak", frozenset({"site"}), notice_reads),
    "vacancies": ("daftar semua lowongan", LISTING_GLOBALS, listing_reads),
    "region": ("daftar wilayah", LISTING_GLOBALS, listing_reads),
    "office": ("daftar kantor", OFFICE_GLOBALS, listing_reads),
    "employer": ("daftar pemberi kerja", LISTING_GLOBALS, listing_reads),
    "vocational/area": ("daftar lowongan SMK per jurusan", LISTING_GLOBALS, listing_reads),
}


def listing(
    template: str, items: list, base_url: str, ctx: OutputContext, size: int | None = None, **values
) -> Iterator[Page]:
    """A paginated list of vacancies: ``base_url``, then ``<base_url>page/N/``; ``size`` per
    page (:func:`per_page` unless given)."""
    for pager in paginate(items, base_url, size or per_page(ctx)):
        context = dict(values, pager=pager, vacancies=pager.items, page_url=pager.page_url)
        yield Page(file_for(pager.page_url), template, context)


def listing_page_count(site, ctx: OutputContext) -> int:
    """How many listing pages :func:`outputs` writes (the generator balances work with it)."""
    lists = [
        *(r.vacancies for r in (*site.provinces, *site.regencies)),
        *(o.open_vacancies for o in site.offices),
    ]
    size = per_page(ctx)
    national = page_count(len(site.open_vacancies), rows_per_page(ctx))
    return national + sum(page_count(len(items), size) for items in lists)


def home(site, ctx: OutputContext) -> Page:
    s = ctx.settings
    soon_days = int(s.get("CLOSING_SOON_DAYS", 14))
    closing = [v for v in site.closing_soon[: int(s.get("HOME_CLOSING_SOON", 5))] if v.days_left <= soon_days]
    context = {
        "page_url": url("home"),
        "latest": site.open_vacancies[: int(s.get("HOME_LATEST", 10))],
        "closing": closing,
        "jsonld": jsonld.script_json(jsonld.website(ctx.siteurl, ctx.sitename, url("search"))),
    }
    return Page(save_as("home"), "home", context)


def offices_by_province(site) -> list[tuple]:
    return [(p, p.offices) for p in site.provinces if p.offices]


def outputs(site, ctx: OutputContext) -> Iterable[Page]:
    yield home(site, ctx)
    yield from listing("vacancies", site.open_vacancies, url("vacancies"), ctx, rows_per_page(ctx))
    yield Page(save_as("provinces"), "provinces", {"page_url": url("provinces")})
    for region in (*site.provinces, *site.regencies):
        yield from listing("region", region.vacancies, region.url, ctx, region=region)
    groups = offices_by_province(site)
    yield Page(save_as("offices"), "offices", {"page_url": url("offices"), "groups": groups})
    for office in site.offices:
        data = jsonld.script_json(jsonld.government_office(office, ctx.siteurl))
        yield from listing("office", office.open_vacancies, office.url, ctx, office=office, jsonld=data)
    yield Page(save_as("search"), "search", {"page_url": url("search")})
    yield Page(save_as("not_found"), "404", {"page_url": url("not_found")})
