"""Pelican settings for Antar Kerja (local builds: links start at the site root, ``/…``).

``antarkerja build`` reads this file (``publishconf.py`` when ``--siteurl`` is given) and
overrides ``PATH``, ``OUTPUT_PATH``, ``SITEURL`` and today. Running plain ``pelican -s
pelicanconf.py`` works too. Vacancies, offices and regions are not Pelican articles: the
``antarkerja`` plugin validates them and renders their pages itself (see
``plugins/antarkerja/site/pelican_plugin.py``); Pelican renders the Markdown pages in
``content/pages/`` and copies the theme's static files.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

SITENAME = "Antar Kerja"
SITE_TAGLINE = "Lowongan kerja resmi yang diverifikasi dinas tenaga kerja"
AUTHOR = "Antar Kerja"
SITEURL = ""
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
# Dates are formatted by the plugin (antarkerja.site.model.tanggal), never by the locale; keep a
# UTF-8 locale so Pelican's setlocale() does not make the process read files as ASCII.
LOCALE = ("C.UTF-8", "C.utf8", "")

PATH = "content"
THEME = str(HERE / "theme")
PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["antarkerja"]

# Only content/pages/ goes through Pelican's readers; vacancies, offices and reference data
# are YAML/CSV read by the plugin, and their README files must never become articles.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_ORDER_BY = "order"
DIRECT_TEMPLATES: list[str] = []  # the plugin writes the home page, 404, sitemap…
ARTICLE_SAVE_AS = DRAFT_SAVE_AS = DRAFT_PAGE_SAVE_AS = ""
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = PAGE_LANG_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None
DEFAULT_PAGINATION = False
DELETE_OUTPUT_DIRECTORY = True  # plain `pelican` runs; antarkerja build uses a fresh folder

MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.meta": {}},
    "output_format": "html5",
}
# Everything a template prints is escaped unless marked safe (sanitized descriptions,
# JSON-LD); the plugin enforces this for every template environment as well.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "extensions": []}

# Antar Kerja pages -----------------------------------------------------------------------
LISTING_PER_PAGE = 20  # vacancies per listing page; more go to page/2/, page/3/…
LISTING_ROWS_PER_PAGE = 100  # rows per page of the all-vacancies list (compact rows, not cards)
HOME_LATEST = 10  # newest vacancies on the home page
HOME_CLOSING_SOON = 5  # at most this many "segera ditutup" on the home page…
CLOSING_SOON_DAYS = 14  # …closing within this many days
# "Laporkan masalah" always offers an email to the verifying office; set this to the public
# repository's new-issue URL to offer an issue too. {id} and {url} are filled in (URL-encoded),
# e.g. "https://github.com/OWNER/REPO/issues/new?title=Laporan+lowongan+{id}&body={url}".
REPORT_ISSUE_URL = ""
COMPLAINT_PHONE = "1500 630"  # Kemnaker's complaint line (Layanan Pengaduan Kemnaker)
# The public repository, e.g. "https://github.com/OWNER/antarkerja". The web form
# /kirim-lowongan/ opens GitHub's "new file" page there with the vacancy filled in; left
# empty, the form offers copying and downloading the file only.
REPOSITORY_URL = ""
