"""Pages for SMK graduates: ``smk/`` (areas with counts), ``smk/<area>/`` (paginated open
vacancies accepting SMK graduates whose majors map to that area; ``smk/semua-jurusan/`` for
those naming no major), and ``smk/belum-terpetakan/`` (noindex, for officers: majors the
mapping does not know yet). The logic is in :mod:`antarkerja.site.smk_match`.
"""

from __future__ import annotations

from collections.abc import Iterable

from antarkerja.site.outputs import OutputContext, Page
from antarkerja.site.outputs.pages import listing
from antarkerja.site.smk_match import ANY_MAJOR, grouping_for
from antarkerja.urls import save_as, url


def outputs(site, ctx: OutputContext) -> Iterable[Page]:
    root = ctx.root
    g = grouping_for(site, root)
    yield Page(save_as("smk"), "vocational/index", {"page_url": url("smk"), "g": g, "any_slug": ANY_MAJOR})
    # A field's list holds its area, not the whole grouping: the render cache keys its later
    # pages by their context (pages.KEYED, pages.area_state).
    for area in g.areas:
        yield from listing("vocational/area", area.vacancies, url("smk_field", slug=area.code), ctx, area=area)
    yield from listing("vocational/area", g.any_major, url("smk_field", slug=ANY_MAJOR), ctx, area=None)
    yield Page(save_as("smk_unmatched"), "vocational/unmatched", {"g": g, "noindex": True})
