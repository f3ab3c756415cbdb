"""What the search page's browser tests share: the sample site's model on a fixed day, a
phone page that records script errors, and every result a search URL lists."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from support import ROOT


def validated_records(root: Path = ROOT) -> tuple[list, list, object]:
    """(vacancy records, office records, reference data) of ``root``, which must be valid:
    validated once, for models of several days (:func:`sample_model`)."""
    from antarkerja.records.validate import validate_repository
    from antarkerja.reference import load_reference

    result = validate_repository(root)
    assert not result.errors, [d.format() for d in result.errors][:3]
    return [r.data for r in result.vacancies], [o.data for o in result.offices], load_reference(root)


def sample_model(today: date, root: Path = ROOT, records: tuple | None = None):
    """The content's :class:`antarkerja.site.model.Site` as a build on ``today`` makes it (the
    sample content unless ``root`` is given; ``records`` from :func:`validated_records`)."""
    from antarkerja.site.model import build_site

    vacancies, offices, ref = records or validated_records(root)
    return build_site(vacancies, offices, ref, today)


def similar_section(html: str) -> str:
    """The inside of a vacancy page's "Lowongan serupa" section."""
    return html.split('aria-labelledby="serupa"', 1)[1].split("</section>", 1)[0]


def record_problems(phone):
    """``phone`` with ``phone.problems``: every uncaught script error and console error."""
    phone.problems = []
    phone.on("pageerror", lambda e: phone.problems.append(f"pageerror: {e}"))
    phone.on("console", lambda m: m.type == "error" and phone.problems.append(f"console: {m.text}"))
    return phone


def results_after(page, before) -> list[str]:
    """Every result's vacancy id, in order, once a search newer than the one numbered
    ``before`` (``#cari-hasil``'s ``data-selesai``; None: any) is shown, pressing "more" until
    there is no more."""
    page.wait_for_function(
        "b => { const s = document.getElementById('cari-hasil').dataset.selesai; return s !== undefined && s !== b; }",
        arg=before,
        timeout=30_000,
    )
    while page.is_visible("#cari-lagi"):
        n = page.locator("#cari-hasil > li").count()
        page.click("#cari-lagi")
        # more results, or none more to find (the button goes)
        page.wait_for_function(
            "n => document.querySelectorAll('#cari-hasil > li').length > n || document.getElementById('cari-lagi').hidden",
            arg=n,
        )
    return result_ids(page)


def results_for_words(page, before, words: str) -> list[str]:
    """Like :func:`results_after`, for the search of ``words`` as typed whole.

    On a busy machine a search may start between two keys and finish for part of the words.
    The URL names a search's words when it starts, and a search overtaken by a newer one never
    finishes, so the list is no longer busy with the URL naming ``words`` only once the search
    of the whole words has been shown."""
    page.wait_for_function(
        "w => new URLSearchParams(location.search).get('q') === w"
        " && document.getElementById('cari-hasil').getAttribute('aria-busy') === 'false'",
        arg=words,
        timeout=30_000,
    )
    return results_after(page, before)


def result_ids(page) -> list[str]:
    """The vacancy ids of the results shown now, in order; each result must link a vacancy page."""
    hrefs = page.eval_on_selector_all("#cari-hasil .hasil-judul a", "as => as.map(a => a.getAttribute('href'))")
    ids = []
    for href in hrefs:
        m = re.fullmatch(r"/lowongan/([^/]+)/", href)
        assert m, f"result link {href!r} is not a vacancy page"
        ids.append(m.group(1))
    return ids


def all_results(page, url: str) -> list[str]:
    """Every result's vacancy id for ``url``, in order (:func:`results_after` its first search)."""
    page.goto(url)
    return results_after(page, None)


def build_as_large(out: Path, today: date, **module_values) -> Path:
    """The sample content built into ``out`` as a site above the national bundle's threshold
    is built (no national bundle: national words read the word index); ``module_values``
    replace values of :mod:`antarkerja.site.search` for the build (``SHARD_SIZE=7``)."""
    import pytest

    from antarkerja.site import search
    from antarkerja.site.build import build_site

    mp = pytest.MonkeyPatch()
    for name, value in module_values.items():
        mp.setattr(search, name, value)
    mp.setenv(search.NATIONAL_BUNDLE_SETTING, "10")
    try:
        build_site(ROOT, output=out, today=today.isoformat(), siteurl="", search=True)
    finally:
        mp.undo()
    assert not (out / "pagefind" / "semua").exists()
    return out
