"""The route table: every public path of the site, declared once.

Model objects (``Vacancy.url``…), templates (the ``url(...)`` global), the sitemap, search
links and every output module build paths with :func:`url` or :func:`save_as`; no other
module or template writes a path prefix such as ``lowongan/``. A test enforces it.

Paths are site-relative: no leading slash, "" for the home page, folders end in "/".
Templates print ``{{ SITEURL }}/{{ url('vacancy', id=v.id) }}``.

To add an output: add its route here, then write its module in :mod:`antarkerja.outputs`.
"""

from __future__ import annotations

ROUTES: dict[str, str] = {
    # Pages
    "home": "",
    "vacancies": "lowongan/",
    "vacancy": "lowongan/{id}/",
    "provinces": "provinsi/",
    "province": "provinsi/{slug}/",
    "regency": "kabkota/{slug}/",
    "offices": "kantor/",
    "office": "kantor/{id}/",
    "search": "cari/",
    "content_page": "{slug}/",
    "not_found": "404.html",
    # Pagination of any listing whose first page is ``base``
    "listing_page": "{base}page/{number}/",
    # Machine-readable files
    "sitemap": "sitemap.xml",
    "sitemap_part": "sitemap-{number}.xml",
    "robots": "robots.txt",
    # Theme assets (copied by Pelican from theme/static/)
    "asset": "theme/{name}",
    "pagefind": "pagefind/",
    # Static JSON API, version 1 (antarkerja.outputs.api): folders of numbered pages
    "api_vacancies": "api/v1/lowongan/",
    "api_province": "api/v1/provinsi/{slug}/",
    "api_regency": "api/v1/kabkota/{slug}/",
    # Search at national scale (antarkerja.search, antarkerja.outputs.browse): browse shards
    # read when no words are typed, one Pagefind bundle per province, and the build's list
    # of bundle pages (read and removed by the index step)
    "search_shard": "cari/data/{key}/{order}-{number}.json",
    "search_bundle": "pagefind/{key}/",
    "search_bundles_manifest": "cari/pagefind-bundles.json",
}


def url(name: str, **params) -> str:
    """The site-relative URL of route ``name`` with its ``{placeholders}`` filled in."""
    return ROUTES[name].format(**params)


def save_as(name: str, **params) -> str:
    """The file a route is written to: folders get ``index.html``."""
    path = url(name, **params)
    return path + "index.html" if path == "" or path.endswith("/") else path


def file_for(path: str) -> str:
    """The file that serves a site-relative URL (``lowongan/`` → ``lowongan/index.html``)."""
    return path + "index.html" if path == "" or path.endswith("/") else path
