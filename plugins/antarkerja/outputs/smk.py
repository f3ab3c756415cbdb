"""Pages for SMK graduates: ``smk/`` (areas with counts), ``smk/<area>/`` (paginated open
vacancies accepting SMK graduates whose majors map to that area; ``smk/semua-jurusan/`` for
those naming no major), and ``smk/belum-terpetakan/`` (noindex, for officers: majors the
mapping does not know yet). The logic is in :mod:`antarkerja.smk`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from antarkerja.outputs import OutputContext, Page
from antarkerja.paginate import paginate
from antarkerja.smk import ANY_MAJOR, grouping_for
from antarkerja.urls import file_for, save_as, url


def listing(template: str, items: list, base: str, ctx: OutputContext, **values) -> Iterable[Page]:
    per_page = int(ctx.settings.get("LISTING_PER_PAGE", 20))
    for pager in paginate(items, base, per_page):
        yield Page(
            file_for(pager.page_url),
            template,
            dict(values, pager=pager, vacancies=pager.items, page_url=pager.page_url),
        )


def outputs(site, ctx: OutputContext) -> Iterable[Page]:
    root = Path(ctx.settings.get("ANTARKERJA_ROOT") or Path(ctx.settings["PATH"]).parent)
    g = grouping_for(site, root)
    yield Page(save_as("smk"), "vocational/index", {"page_url": url("smk"), "g": g, "any_slug": ANY_MAJOR})
    for area in g.areas:
        yield from listing("vocational/area", area.vacancies, url("smk_field", slug=area.code), ctx, area=area, g=g)
    yield from listing("vocational/area", g.any_major, url("smk_field", slug=ANY_MAJOR), ctx, area=None, g=g)
    yield Page(save_as("smk_unmatched"), "vocational/unmatched", {"g": g, "noindex": True})
