"""Template globals of the features for workers and schools (issue #15), in one place.

* :mod:`antarkerja.records.history`: ``vacancy_history(v)``, ``history_office(id)``;
* :mod:`antarkerja.site.office_services`: office services in plain words, ``service_url(code)``;
* :mod:`antarkerja.site.smk_match`: SMK competency areas, ``smk_for_office(o)`` on BKK pages.

The Pelican plugin adds them to our generator's environment once the model exists.
"""

from __future__ import annotations

from pathlib import Path


def template_globals(site, root: Path) -> dict:
    from antarkerja.records import history
    from antarkerja.site import office_services, smk_match

    values = {}
    values.update(history.template_globals(site, root))
    values.update(office_services.template_globals(site))
    values.update(smk_match.template_globals(site, root))
    return values


def sitemap_paths() -> list[str]:
    """Indexable pages of these features (the SMK officers' report is noindex)."""
    from antarkerja.site import office_services
    from antarkerja.urls import url

    paths = [
        url("jkp"),
        url("services"),
        *(office_services.service_url(code) for code in office_services.SLUGS),
        url("smk"),
    ]
    return paths
