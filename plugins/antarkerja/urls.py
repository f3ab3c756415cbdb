"""The route table: every public path of the site, declared once.

Model objects (``Vacancy.url``…), templates (the ``url(...)`` global), the sitemap, search
links and every output module build paths with :func:`url` or :func:`save_as`; no other
module or template writes a path prefix such as ``lowongan/``. A test enforces it.

Paths are site-relative: no leading slash, "" for the home page, folders end in "/".
Templates print ``{{ SITEURL }}/{{ url('vacancy', id=v.id) }}``.

To add an output: add its route here, then write its module in :mod:`antarkerja.site.outputs`.
"""

from __future__ import annotations

import re
import unicodedata

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
    "employer": "pemberi-kerja/{slug}/",
    "saved": "tersimpan/",
    "offline": "luring/",  # "luring" (KBBI): what opens without a connection
    "service_worker": "sw.js",
    "manifest": "manifest.webmanifest",
    # Pagination of any listing whose first page is ``base``
    "listing_page": "{base}page/{number}/",
    # Machine-readable files
    "sitemap": "sitemap.xml",
    "sitemap_part": "sitemap-{number}.xml",
    "robots": "robots.txt",
    # Theme assets (copied by Pelican from theme/static/)
    "asset": "theme/{name}",
    "pagefind": "pagefind/",
    # Static JSON API, version 1 (antarkerja.site.outputs.api): folders of numbered pages
    "api_vacancies": "api/v1/lowongan/",
    "api_province": "api/v1/provinsi/{slug}/",
    "api_regency": "api/v1/kabkota/{slug}/",
    # Web form for officers (antarkerja.site.outputs.form): the page and the JSON it is built from
    "submit": "kirim-lowongan/",
    "submit_spec": "kirim-lowongan/formulir.json",
    # Workers who lost their job, offices by service, SMK graduates (issue #15: outputs.jkp,
    # outputs.services, outputs.smk). "layanan" is reserved: no office may have that id.
    "jkp": "terkena-phk/",
    "services": "kantor/layanan/",
    "service": "kantor/layanan/{slug}/",
    "smk": "smk/",
    "smk_field": "smk/{slug}/",
    "smk_unmatched": "smk/belum-terpetakan/",
    # Feeds, open data and widgets (issue #10: antarkerja.site.outputs.api, feeds, downloads, widgets)
    "api_index": "api/v1/index.json",
    "api_schema": "api/v1/schema.json",
    "api_offices": "api/v1/kantor/",
    "api_regions": "api/v1/wilayah/",
    # A feed scope is the URL of its page without the trailing "/" (lowongan, provinsi/<slug>,
    # kabkota/<slug>, kantor/<id>); scopes without a page have their own pattern.
    "scope_sector": "sektor/{code}",
    "scope_abroad": "luar-negeri",
    "feed_atom": "feed/{scope}.atom",
    "feed_json": "feed/{scope}.json",
    "feed_indeed": "feed/indeed-{number}.xml",
    "subscribe_index": "langganan/",
    "subscribe": "langganan/{scope}/",
    "downloads": "unduh/",
    "csv_vacancies": "unduh/lowongan-indonesia.csv",
    "csv_province": "unduh/lowongan-{slug}.csv",
    "csv_offices": "unduh/kantor.csv",
    "embed": "embed/{slug}/",
    "embed_sector": "embed/{slug}/sektor-{code}/",
    "embed_builder": "pasang/",
    # Data quality for officers (issue #12, antarkerja.site.outputs.quality): noindex working lists.
    # "mutu" is reserved below an office: kantor/<id>/mutu/ is that office's page.
    "office_quality": "kantor/{id}/mutu/",
    "quality": "mutu-data/",
    # An office's vacancy report in the order of Perpres 57/2023 Art. 5 (antarkerja.site.outputs.downloads)
    "office_report": "kantor/{id}/laporan-lowongan.csv",
    # Labour-market information and printable notices (antarkerja.site.outputs.stats, .notices)
    "stats": "statistik/",
    "stats_json": "statistik/data.json",
    "stats_csv": "statistik/data.csv",
    "province_stats": "provinsi/{slug}/statistik/",
    "province_stats_json": "provinsi/{slug}/statistik/data.json",
    "province_stats_csv": "provinsi/{slug}/statistik/data.csv",
    "vacancy_print": "lowongan/{id}/cetak/",
    "office_board": "kantor/{id}/cetak/",
    "province_board": "provinsi/{slug}/cetak/",
    # "Cek lowongan" public checker (antarkerja.site.outputs.check): the page, the rules exported
    # from the validator, and the vacancy index split into buckets by a hash of the id
    "check": "cek-lowongan/",
    "check_rules": "cek-lowongan/aturan.json",
    "check_index": "cek-lowongan/indeks/{bucket}.json",
    "check_worker": "cek-lowongan/sw.js",
    # "Cek lowongan" by wording (antarkerja.site.outputs.check): employers' verified vacancies in
    # coarse buckets by a hash of two-word pieces of the employer's name
    "check_names": "cek-lowongan/nama/{bucket}.json",
    # Search at national scale (antarkerja.site.search, antarkerja.site.outputs.browse): browse shards
    # read when no words are typed, one Pagefind bundle per province, and the build's list
    # of bundle pages (read and removed by the index step)
    "search_shard": "cari/data/{key}/{order}-{number}.json",
    "search_bundle": "pagefind/{key}/",
    # one copy of Pagefind's engine (pagefind.js and its WebAssembly) that every bundle uses
    "search_engine": "pagefind/mesin/",
    "search_bundles_manifest": "cari/pagefind-bundles.json",
    # the regency options of one province, read when the reader chooses it (514 regencies
    # in the page would add ~60 KB to every search), and every regency's province, read
    # only for a link that names a regency without its province (by search.regency_key)
    "search_regencies": "cari/kabkota/{key}.json",
    "search_regency_index": "cari/kabkota-nama/{key}.json",
    # the national word index (antarkerja.site.outputs.words): one file per word's first two
    # letters, and the scope names with each province's nearest provinces
    "search_words": "cari/kata/{key}.json",
    "search_word_keys": "cari/kata/kunci.json",
    "search_places": "cari/kata/wilayah.json",
    # and its display blocks: a few vacancies' result cards a file, numbered from the oldest
    "search_word_cards": "cari/kata/kartu/{number}.json",
    # and, per scope (a province or overseas, by its index in kunci.json), the ordinals of
    # each filter option and the scope's ordinals in each order but newest: a keyword search
    # in a province with filters or another order, without Pagefind
    "search_word_filter": "cari/kata/saring/{scope}/{id}.json",
    "search_word_order": "cari/kata/urut/{scope}/{order}.json",
    "search_word_dates": "cari/kata/tanggal.json",
}


def reserved_segments(route: str, placeholder: str) -> dict[str, str]:
    """Values of ``{placeholder}`` in ``route`` whose page another route already owns: {value: route}.

    Derived from :data:`ROUTES`, never listed by hand: for ``office`` (``kantor/{id}/``) every
    route that continues ``kantor/`` with a fixed segment (``kantor/layanan/`` → ``layanan``),
    and the fixed first segment of routes that extend any listing (``{base}page/…`` → ``page``),
    since the parent folder is a listing too.
    """
    pattern = ROUTES[route]
    prefix = pattern[: pattern.index("{" + placeholder + "}")]
    out: dict[str, str] = {}
    for name, other in ROUTES.items():
        if name == route:
            continue
        if other.startswith("{base}"):
            rest = other[len("{base}") :]
        elif other.startswith(prefix) and other != prefix:
            rest = other[len(prefix) :]
        else:
            continue
        segment = rest.split("/", 1)[0]
        if segment and "{" not in segment:
            out.setdefault(segment, name)
    return out


def url(route: str, /, **params) -> str:
    """The site-relative URL of ``route`` with its ``{placeholders}`` filled in."""
    return ROUTES[route].format(**params)


def save_as(route: str, /, **params) -> str:
    """The file a route is written to: folders get ``index.html``."""
    return file_for(url(route, **params))


def slugify(text: str, empty: str = "tanpa-nama") -> str:
    """A URL segment from any text: ASCII letters and digits joined by hyphens; ``empty``
    when nothing of the text is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or empty


# A new vacancy's id: its title, employer and place as a slug, cut at this many characters
# (the id pattern allows 81: room for a "-2" when the id is taken). `new`, the issue path and
# the web form (through its spec) all cut here.
ID_BASE_LENGTH = 70


def vacancy_id(title: str, employer: str, place: str) -> str:
    """The id a new vacancy gets from its title, employer and place ("" when nothing is left)."""
    return slugify(f"{title} {employer} {place}", empty="")[:ID_BASE_LENGTH].strip("-")


def file_for(path: str) -> str:
    """The file that serves a site-relative URL (``lowongan/`` → ``lowongan/index.html``)."""
    return path + "index.html" if path == "" or path.endswith("/") else path
