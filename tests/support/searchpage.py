"""What the search page's browser tests share: the sample site's model on a fixed day, a
phone page that records script errors, and every result a search URL lists."""

from __future__ import annotations

import re
from datetime import date

from support import ROOT


def sample_model(today: date):
    """The sample content's :class:`antarkerja.site.model.Site` as a build on ``today`` makes it."""
    from antarkerja.records.validate import validate_repository
    from antarkerja.reference import load_reference
    from antarkerja.site.model import build_site

    result = validate_repository(ROOT)
    ref = load_reference(ROOT)
    return build_site([r.data for r in result.vacancies], [o.data for o in result.offices], ref, today)


def record_problems(phone):
    """``phone`` with ``phone.problems``: every uncaught script error and console error."""
    phone.problems = []
    phone.on("pageerror", lambda e: phone.problems.append(f"pageerror: {e}"))
    phone.on("console", lambda m: m.type == "error" and phone.problems.append(f"console: {m.text}"))
    return phone


def all_results(page, url: str) -> list[str]:
    """Every result's vacancy id for ``url``, in order, pressing "more" until there is no more."""
    page.goto(url)
    page.wait_for_function("document.querySelector('#cari-hasil').dataset.selesai > '0'", timeout=30_000)
    while page.is_visible("#cari-lagi"):
        n = page.locator("#cari-hasil > li").count()
        page.click("#cari-lagi")
        # more results, or none more to find (the button goes)
        page.wait_for_function(
            "n => document.querySelectorAll('#cari-hasil > li').length > n || document.getElementById('cari-lagi').hidden",
            arg=n,
        )
    hrefs = page.eval_on_selector_all("#cari-hasil .hasil-judul a", "as => as.map(a => a.getAttribute('href'))")
    return [re.fullmatch(r"/lowongan/([^/]+)/", h).group(1) for h in hrefs]
