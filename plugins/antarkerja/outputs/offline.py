"""Keeping vacancies for later: the saved list page, the service worker and the manifest.

Writes (routes from :mod:`antarkerja.urls`):

========================  ==================================  =============================
``tersimpan/``            ``saved.html``                      saved vacancies (site.js)
``sw.js``                 ``offline/sw.js``                   caches saved and recent pages
``manifest.webmanifest``  ``offline/manifest.webmanifest``    add to home screen
========================  ==================================  =============================

The service worker sits at the site root so its scope covers every vacancy page; it caches
saved and the 20 most recently visited vacancy pages and the stylesheet, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable

from antarkerja.outputs import OutputContext, Page
from antarkerja.urls import save_as, url


def outputs(site, ctx: OutputContext) -> Iterable[Page]:
    yield Page(save_as("saved"), "saved", {"page_url": url("saved")})
    yield Page(save_as("service_worker"), "offline/sw.js", {})
    yield Page(save_as("manifest"), "offline/manifest.webmanifest", {})
