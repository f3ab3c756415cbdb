"""Markdown from untrusted records, rendered and then sanitized.

python-markdown renders (raw HTML in the source is escaped first, so only Markdown makes
markup), then nh3 (the ammonia sanitizer) keeps an allow-list of tags and only http(s),
mailto and tel links; links get ``rel="nofollow noopener ugc"``.
"""

from __future__ import annotations

import html
import re

import markdown as _markdown
import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_md = _markdown.Markdown(extensions=[], output_format="html")


def render_markdown(text: str) -> str:
    """Sanitized HTML for a Markdown text; headings are shifted to h3/h4 under the page's h2."""
    _md.reset()
    # Escape raw HTML so `<script>` shows as text instead of being dropped silently.
    rendered = _md.convert(html.escape(text, quote=False))
    rendered = (
        rendered.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    )
    for n in (5, 6):
        rendered = rendered.replace(f"<h{n}>", "<h4>").replace(f"</h{n}>", "</h4>")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener ugc",
        strip_comments=True,
    )


_TAG = re.compile(r"<[^<>]*>")  # not [^>]*: "<a<a<a…" without ">" would rescan to the end from each "<"


def html_to_text(fragment: str, limit: int | None = None) -> str:
    """Words of *sanitized* HTML without markup, cut at a word boundary.

    A plain tag strip is enough here because the input is nh3's output (well-formed tags,
    quotes in attributes escaped); whatever comes out is escaped again where it is used.
    """
    text = " ".join(html.unescape(_TAG.sub(" ", fragment)).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
