"""Keeping the site usable without a connection: the saved list, the offline page, the
service worker and the manifest.

Writes (routes from :mod:`antarkerja.urls`):

========================  ==================================  =================================
``tersimpan/``            ``saved.html``                      saved vacancies (site.js)
``luring/``               ``offline.html``                    what opens without a connection
``sw.js``                 ``theme/scripts/sw.js``             precaches :func:`precache`, keeps
                                                              saved and recent vacancy pages
``manifest.webmanifest``  ``offline/manifest.webmanifest``    add to home screen
========================  ==================================  =================================

The service worker sits at the site root so its scope covers every page. At install it
fetches only :func:`precache` (home, saved list, offline page, Cek lowongan's page, rules,
script and style, the site's stylesheet and script: measured file by file by ``antarkerja
bench --steps offline``, budget 60 KB); it keeps saved and the 20 most recently visited
vacancy pages as they are opened, and answers any other page with the offline page when the
network fails. Cek lowongan keeps its own worker (``cek-lowongan/sw.js``, narrower scope,
network first too), so the checker works offline whichever of the two a phone installed.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path

from antarkerja.site.assets import asset_url
from antarkerja.site.outputs import File, OutputContext, Page, check
from antarkerja.site.scripts import built_script, script_settings, version
from antarkerja.urls import file_for, save_as, url

SITE_FILES = ("css/site.css", "js/site.js")  # what every precached page asks for
BUDGET_KB = 60  # everything precached, as a phone downloads it (issue #25)


def precache(ctx: OutputContext) -> list[str]:
    """Every URL the service worker fetches at install, as pages ask for them."""
    return [
        f"{ctx.siteurl}/{url('home')}",
        f"{ctx.siteurl}/{url('saved')}",
        f"{ctx.siteurl}/{url('offline')}",
        *(f"{ctx.siteurl}/{asset_url(name)}" for name in SITE_FILES),  # as every page links them
        *check.offline_files(ctx),
    ]


def outputs(site, ctx: OutputContext) -> Iterable[Page | File]:
    files = precache(ctx)
    yield Page(save_as("saved"), "saved", {"page_url": url("saved")})
    yield Page(save_as("offline"), "offline", {"page_url": url("offline")})
    settings = {
        "precache": files,
        # New asset versions or rules give a new worker, which fetches the files once more;
        # pages are refreshed whenever they are opened online (network first).
        "version": version(json.dumps(files)),
        "offline": f"{ctx.siteurl}/{url('offline')}",
        "vacancies": f"{ctx.siteurl}/{url('vacancies')}",
    }
    yield File(save_as("service_worker"), built_script("sw.js", settings))
    yield Page(save_as("manifest"), "offline/manifest.webmanifest", {})


def precache_sizes(site_dir) -> list[tuple[str, int, int]]:
    """What a built site's ``sw.js`` fetches at install, file by file: URL, bytes as stored,
    bytes gzip-compressed (what a host serving compressed text sends; the bench prints both)."""
    site_dir = Path(site_dir)
    sw = (site_dir / save_as("service_worker")).read_text(encoding="utf-8")
    listed = script_settings(sw)["precache"]
    sizes = []
    for address in listed:
        path = address.split("?", 1)[0].split("://", 1)[-1]
        path = path.split("/", 1)[1] if "://" in address else path.lstrip("/")
        data = (site_dir / file_for(path)).read_bytes()
        sizes.append((address, len(data), len(gzip.compress(data, 6))))
    return sizes
