"""A page per employer: what the records say about it, and its open vacancies.

Writes ``pemberi-kerja/<slug>/[page/N/]`` (``employer.html``) for every employer with a
vacancy, open or closed, so "Lowongan lain dari pemberi kerja ini" on a closed vacancy's
page never leads to a missing page. The slug comes from the employer's name.
"""

from __future__ import annotations

from collections.abc import Iterable

from antarkerja.site.outputs import OutputContext, Page
from antarkerja.site.outputs.pages import listing


def outputs(site, ctx: OutputContext) -> Iterable[Page]:
    for employer in site.employers:
        yield from listing("employer", employer.open_vacancies, employer.url, ctx, employer=employer)
