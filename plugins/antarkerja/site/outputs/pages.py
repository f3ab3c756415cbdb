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

from collections.abc import Iterable, Iterator

from antarkerja.site.outputs import OutputContext, Page, jsonld
from antarkerja.site.paginate import page_count, paginate
from antarkerja.urls import file_for, save_as, url


def per_page(ctx: OutputContext) -> int:
    return int(ctx.settings.get("LISTING_PER_PAGE", 20))


def rows_per_page(ctx: OutputContext) -> int:
    """Rows per page of the all-vacancies list. Its rows are compact (title, employer, place,
    pay): the full cards are on the province, regency and office pages, so this list, which
    holds every vacancy once more, stays a light index without JavaScript."""
    return int(ctx.settings.get("LISTING_ROWS_PER_PAGE", 100))


def vacancy_pages(vacancies: list, ctx: OutputContext) -> Iterator[Page]:
    """One page per vacancy, open or closed; only open ones carry JobPosting JSON-LD."""
    for v in vacancies:
        # Sanitize every description before pages flow to the writer thread: nh3 drops
        # the GIL, and with the writer busy each call waited for it (3 s at 10,000).
        v.description_html  # noqa: B018 (cached property)
    for v in vacancies:
        data = jsonld.script_json(jsonld.job_posting(v, ctx.siteurl, ctx.sitename)) if v.is_open else None
        yield Page(save_as("vacancy", id=v.id), "vacancy", {"vacancy": v, "page_url": v.url, "jsonld": data})


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
