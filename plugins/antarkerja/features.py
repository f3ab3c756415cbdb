"""Template globals of the features for workers and schools (issue #15), in one place.

* :mod:`antarkerja.history`: ``vacancy_history(v)``, ``history_office(id)``;
* :mod:`antarkerja.services`: office services in plain words, ``service_url(code)``;
* :mod:`antarkerja.smk`: SMK competency areas, ``smk_for_office(o)`` on BKK pages.

The Pelican plugin adds them to our generator's environment once the model exists.
"""

from __future__ import annotations

from pathlib import Path


def template_globals(site, root: Path) -> dict:
    from antarkerja import history, services, smk

    values = {}
    values.update(history.template_globals(site, root))
    values.update(services.template_globals(site))
    values.update(smk.template_globals(site, root))
    return values


def sitemap_paths() -> list[str]:
    """Indexable pages of these features (the SMK officers' report is noindex)."""
    from antarkerja import services
    from antarkerja.urls import url

    paths = [url("jkp"), url("services"), *(services.service_url(code) for code in services.SLUGS), url("smk")]
    return paths
