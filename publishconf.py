"""Pelican settings for the published site: ``pelicanconf.py`` plus absolute URLs.

``antarkerja build --siteurl https://…`` uses this file and sets ``SITEURL``; for plain
``pelican -s publishconf.py`` set ``ANTARKERJA_SITEURL``. With a site URL every canonical
link, ``og:url``, sitemap entry and JSON-LD URL is absolute, and robots.txt names the sitemap.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("ANTARKERJA_SITEURL", "").rstrip("/")
RELATIVE_URLS = False
