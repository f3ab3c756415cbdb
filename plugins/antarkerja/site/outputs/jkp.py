"""The page for workers who lost their job: ``terkena-phk/`` ("Terkena PHK?").

Facts about Jaminan Kehilangan Pekerjaan from ``content/reference/jkp.yml`` (each with its
source, :mod:`antarkerja.site.jkp_facts`), then the offices that help with JKP claims (the ``jkp``
service in office records) grouped by province with hours, WhatsApp and map, each province
linking to its open vacancies, and every province with open vacancies.
"""

from __future__ import annotations

from collections.abc import Iterable

from antarkerja.site import office_services
from antarkerja.site.jkp_facts import load_facts
from antarkerja.site.outputs import OutputContext, Page
from antarkerja.urls import save_as, url


def outputs(site, ctx: OutputContext) -> Iterable[Page]:

    root = ctx.root
    yield Page(
        save_as("jkp"),
        "jkp/page",
        {
            "page_url": url("jkp"),
            "facts": load_facts(root),
            "groups": office_services.by_province(site, "jkp"),
            "regions": [p for p in site.provinces if p.vacancies],
        },
    )
