"""sitemap.xml (or a sitemap index and its parts) and robots.txt.

The sitemap lists what search engines should index: every open vacancy and every public
page without ``noindex`` (home, every page of every listing, regions, offices, employers,
SMK areas, statistics, subscriptions, open data, the checker, content pages). Closed and expired
vacancies are left out (their pages say ``noindex``). ``lastmod`` comes from the content's
own dates, never from the clock, so the file is the same for the same content and today.

A sitemap holds at most 50,000 URLs; beyond that ``sitemap.xml`` becomes a sitemap index
pointing to ``sitemap-1.xml``, ``sitemap-2.xml``, …
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from antarkerja.site import features
from antarkerja.site.outputs import File, OutputContext
from antarkerja.site.paginate import paginate
from antarkerja.urls import url

MAX_URLS = 50_000
NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class Entry:
    path: str  # site-relative, "" for the home page
    lastmod: date | None = None


def latest(vacancies) -> date | None:
    """The newest posting date among ``vacancies`` (a page changes when a vacancy appears)."""
    return max((v.date_posted for v in vacancies), default=None)


def listing_pages(items: list, base: str, per_page: int) -> list[Entry]:
    """Every page of a paginated listing (``base``, then ``base``page/N/): each is indexable,
    with its own canonical URL, and last modified when its newest vacancy appeared (pages
    are numbered from the oldest, so older pages keep their content and their date)."""
    return [Entry(pager.page_url, latest(pager.items)) for pager in paginate(items, base, per_page)]


def entries(site, content_pages: list[tuple[str, date | None]], ctx: OutputContext | None = None) -> list[Entry]:
    """Every indexable HTML page the build writes. Left out: closed vacancies, printable
    notices, embed widgets, the officers' data-quality pages and the SMK mapping report
    (all ``noindex``). ``tests/test_sitemap.py`` checks this list against the built site."""
    from antarkerja.site.outputs import feeds, pages
    from antarkerja.site.smk_match import ANY_MAJOR, grouping_for

    ctx = ctx or OutputContext(siteurl="", sitename="", settings={})
    size, rows = pages.per_page(ctx), pages.rows_per_page(ctx)
    newest = latest(site.open_vacancies)
    out = [Entry(url("home"), newest)]
    out += listing_pages(site.open_vacancies, url("vacancies"), rows)
    out += [Entry(url("provinces"), newest), Entry(url("offices")), Entry(url("search"))]
    out += [Entry(path, modified) for path, modified in content_pages]
    out += [Entry(path) for path in features.sitemap_paths()]  # JKP, services, SMK
    for owner in (*site.provinces, *site.regencies):
        out += listing_pages(owner.vacancies, owner.url, size)
    for owner in (*site.offices, *site.employers):
        out += listing_pages(owner.open_vacancies, owner.url, size)
    if ctx.root is not None:  # SMK areas (antarkerja.site.outputs.smk)
        g = grouping_for(site, ctx.root)
        areas = [(a.vacancies, url("smk_field", slug=a.code)) for a in g.areas] + [
            (g.any_major, url("smk_field", slug=ANY_MAJOR))
        ]
        for items, base in areas:
            out += listing_pages(items, base, size)
    # Labour-market figures, subscriptions, open data, the checker, the form, the widget builder
    out += [Entry(url("stats"), newest)]
    out += [Entry(url("province_stats", slug=r.slug), latest(r.vacancies)) for r in site.provinces]
    out += [Entry(url("subscribe_index"))] + [Entry(s.subscribe) for s in feeds.scopes(site)]
    out += [Entry(url(name)) for name in ("downloads", "check", "submit", "embed_builder")]
    out += [Entry(v.url, max(v.date_posted, v.data["verification"]["date"])) for v in site.open_vacancies]
    return out


def _urlset(siteurl: str, chunk: list[Entry]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NS}">']
    for e in chunk:
        mod = f"<lastmod>{e.lastmod.isoformat()}</lastmod>" if e.lastmod else ""
        lines.append(f"<url><loc>{escape(f'{siteurl}/{e.path}')}</loc>{mod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def render(siteurl: str, all_entries: list[Entry]) -> dict[str, str]:
    """File name → XML text: ``sitemap.xml`` alone, or an index plus numbered parts."""
    if len(all_entries) <= MAX_URLS:
        return {url("sitemap"): _urlset(siteurl, all_entries)}
    files = {}
    index = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{NS}">']
    for n, start in enumerate(range(0, len(all_entries), MAX_URLS), 1):
        chunk = all_entries[start : start + MAX_URLS]
        files[url("sitemap_part", number=n)] = _urlset(siteurl, chunk)
        newest = max((e.lastmod for e in chunk if e.lastmod), default=None)
        mod = f"<lastmod>{newest.isoformat()}</lastmod>" if newest else ""
        part = url("sitemap_part", number=n)
        index.append(f"<sitemap><loc>{escape(f'{siteurl}/{part}')}</loc>{mod}</sitemap>")
    index.append("</sitemapindex>")
    files[url("sitemap")] = "\n".join(index) + "\n"
    return files


def robots(siteurl: str) -> str:
    """Everything may be crawled; the sitemap line needs an absolute URL, so only when published."""
    text = "User-agent: *\nAllow: /\n"
    if siteurl:
        text += f"\nSitemap: {siteurl}/{url('sitemap')}\n"
    return text


def page_date(page) -> date | None:
    """A Pelican page's modified (else publication) date, for ``lastmod``."""
    for attr in ("modified", "date"):
        value = getattr(page, attr, None)
        if value is not None and hasattr(value, "date"):
            return value.date()
    return None


def outputs(site, ctx: OutputContext):
    pages = [(p.url, page_date(p)) for p in ctx.content_pages]
    for name, text in render(ctx.siteurl, entries(site, pages, ctx)).items():
        yield File(name, text)
    yield File(url("robots"), robots(ctx.siteurl))
