"""Widgets for other websites: iframe pages, the JS snippet's data, and "Pasang di situs Anda".

==================================  ==========================================================
``embed/<slug>/``                   a province's or regency's newest open vacancies, for an
                                    ``<iframe>`` (``widgets/embed.html``), no JS needed
``embed/<slug>/sektor-<kbli>/``     a province's, narrowed to one KBLI category (every
                                    category, so an embedded URL never disappears when it
                                    is empty; regencies have none: see below)
``pasang/``                         the builder: pick region, sector and look; copy the code;
                                    live preview (``widgets/builder.html``, ``pasang.js``)
==================================  ==========================================================

Widget pages are small static files (under 15 KB: :data:`WIDGET_ITEMS` vacancies, inline
CSS). The look comes from CSS variables; ``theme/js/widget.js`` (optional) reads
``?tema=gelap`` and ``?aksen=RRGGBB`` (strict hex) from the iframe URL. Every vacancy link
opens the full vacancy in a new tab (``target="_blank" rel="noopener"``).

Sector pages exist for provinces only: for every regency too they would be about 11,000
pages nationally (552 regions times 21 categories), more than all other widget pages and
a noticeable share of the build, for lists that are mostly empty. The JS snippet narrows
any region to a sector in the browser.

The JS snippet (``theme/js/sematan.js``, built from ``theme/scripts/sematan.js`` with the words
it shows: :mod:`antarkerja.site.scripts`) needs no page of its own: it reads the JSON API's
region pages (``api/v1/provinsi/<slug>/1.json``…) and inserts every value with
``textContent``, so a title that looks like HTML stays text on the host page. Hosts must
serve ``api/`` with ``Access-Control-Allow-Origin: *`` (GitHub Pages does).
"""

from __future__ import annotations

from collections.abc import Iterable

from antarkerja import wording
from antarkerja.site import scripts
from antarkerja.site.outputs import File, OutputContext, Page
from antarkerja.urls import file_for, url

WIDGET_ITEMS = 10  # vacancies in an iframe widget


def regions(site) -> list:
    """Regions with a widget: every province, then each province's regency pages."""
    return [r for p in site.provinces for r in (p, *p.regencies)]


def sectors(site) -> list[tuple[str, str]]:
    """(code, short name) of every KBLI category."""
    if not site.vacancies:
        return []
    return [(code, item.get("short_name") or item["name"]) for code, item in site.vacancies[0].ref.kbli.items()]


def outputs(site, ctx: OutputContext) -> Iterable[Page | File]:
    all_sectors = sectors(site)
    all_regions = regions(site)
    for r in all_regions:
        by_sector: dict[str, list] = {}
        for v in r.vacancies:
            by_sector.setdefault(v.data["kbli"], []).append(v)
        base = url("embed", slug=r.slug)
        yield Page(
            file_for(base),
            "widgets/embed",
            {"region": r, "sector": None, "vacancies": r.vacancies[:WIDGET_ITEMS], "total": len(r.vacancies)},
        )
        for code, name in all_sectors if r.kind == "province" else ():
            found = by_sector.get(code, [])
            yield Page(
                file_for(url("embed_sector", slug=r.slug, code=code.lower())),
                "widgets/embed",
                {"region": r, "sector": name, "vacancies": found[:WIDGET_ITEMS], "total": len(found)},
            )
    snippet = scripts.built_script("sematan.js", wording.for_scripts())
    yield File(url("asset", name="js/sematan.js"), snippet)
    yield Page(
        file_for(url("embed_builder")),
        "widgets/builder",
        {
            "page_url": url("embed_builder"),
            "regions": all_regions,
            "sectors": all_sectors,
            "default": next((r for r in all_regions if r.vacancies), all_regions[0] if all_regions else None),
            "items": WIDGET_ITEMS,
            "snippet_url": f"{url('asset', name='js/sematan.js')}?v={scripts.version(snippet)}",
        },
    )
