"""The Jinja environment's loader: templates are indented for people, pages are not.

djhtml indents the theme's templates (``pyproject.toml``); :class:`DedentLoader` strips the
leading whitespace of every template line again before Jinja compiles it, so pages stay as
small as when the templates were written flat. Whitespace that readers see comes from the
records (inserted as values), never from template indentation, so nothing visible changes.
"""

from __future__ import annotations

import re

from jinja2 import BaseLoader

from antarkerja import urls, wording
from antarkerja.site.assets import asset_url, inline_css

LEADING_SPACE = re.compile(r"^[ \t]+", re.M)


class DedentLoader(BaseLoader):
    """Wraps another loader and removes every line's indentation from the source."""

    def __init__(self, inner: BaseLoader):
        self.inner = inner

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        return LEADING_SPACE.sub("", source), filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()


def base_globals() -> dict:
    """Template globals that need no model: paths and Indonesian wording."""
    return {
        "url": urls.url,
        "asset_url": asset_url,
        "inline_css": inline_css,
        "tanggal": wording.tanggal,
        "rupiah": wording.rupiah,
        "days_left_text": wording.days_left_text,
        "posted_ago_text": wording.posted_ago_text,
        "DEADLINE": wording.DEADLINE,
        "SALARY_UNDISCLOSED": wording.SALARY_UNDISCLOSED,
        "DAY_WORDS": wording.DAY_WORDS,
    }
