"""Office directory by service: ``kantor/layanan/`` and ``kantor/layanan/<slug>/``.

One static page per office service (:data:`antarkerja.site.office_services.SLUGS`) listing every office
that offers it, grouped by province (provincial offices first, then by regency), with
hours, WhatsApp and map. Works without JavaScript; each filtered list has a shareable URL.
"""

from __future__ import annotations

from collections.abc import Iterable

from antarkerja.site import office_services
from antarkerja.site.outputs import OutputContext, Page
from antarkerja.urls import save_as, url


def outputs(site, ctx: OutputContext) -> Iterable[Page]:
    counts = {code: len(office_services.offering(site, code)) for code in office_services.SLUGS}
    yield Page(save_as("services"), "services/index", {"page_url": url("services"), "counts": counts})
    for code, slug in office_services.SLUGS.items():
        yield Page(
            save_as("service", slug=slug),
            "services/service",
            {"page_url": url("service", slug=slug), "code": code, "groups": office_services.by_province(site, code)},
        )
