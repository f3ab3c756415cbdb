"""sitemap.xml (or a sitemap index and its parts) and robots.txt.

The sitemap lists what search engines should index: every open vacancy and every public
page (home, listings' first pages, regions, offices, content pages). Closed and expired
vacancies are left out (their pages say ``noindex``). ``lastmod`` comes from the content's
own dates, never from the clock, so the file is the same for the same content and today.

A sitemap holds at most 50,000 URLs; beyond that ``sitemap.xml`` becomes a sitemap index
pointing to ``sitemap-1.xml``, ``sitemap-2.xml``, …
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from antarkerja import features
from antarkerja.outputs import File, OutputContext
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


def entries(site, content_pages: list[tuple[str, date | None]]) -> list[Entry]:
    newest = latest(site.open_vacancies)
    out = [
        Entry(url("home"), newest),
        Entry(url("vacancies"), newest),
        Entry(url("provinces"), newest),
        Entry(url("offices")),
        Entry(url("search")),
    ]
    out += [Entry(path, modified) for path, modified in content_pages]
    out += [Entry(path) for path in features.sitemap_paths()]  # JKP, services, SMK
    out += [Entry(r.url, latest(r.vacancies)) for r in site.provinces]
    out += [Entry(r.url, latest(r.vacancies)) for r in site.regencies]
    out += [Entry(o.url, latest(o.open_vacancies)) for o in site.offices]
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
    for name, text in render(ctx.siteurl, entries(site, pages)).items():
        yield File(name, text)
    yield File(url("robots"), robots(ctx.siteurl))
