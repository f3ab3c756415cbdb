"""Shared fixtures: the repository, a built sample site, a local server and a real browser.

Browser tests use Debian's Chromium through Playwright's ``executable_path``; nothing is
downloaded. In CI (``CI=true``) a missing Chromium is a failure, never a skip.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from antarkerja.localweb import CHROMIUM_ARGS, chromium_path, serve_folder

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The bundled sample content built once, search index included, with a fixed today."""
    from antarkerja.build import build_site

    out = tmp_path_factory.mktemp("sample-site")
    build_site(ROOT, output=out, today=TODAY.isoformat(), siteurl="", search=True)
    return out


def served(folder: Path):
    """Yield the base URL of ``folder`` served on 127.0.0.1 (for session fixtures)."""
    server = serve_folder(folder)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def sample_server(sample_site):
    yield from served(sample_site)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI: apt-get install -y chromium")
        pytest.skip("Chromium not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def phone(browser):
    """A page on a small Android phone's viewport (360×740)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="id-ID"
    )
    page = context.new_page()
    yield page
    context.close()


# The small fixture site (tests/fixtures/site): every page type, built once per session. -----

SITE_FIXTURE = FIXTURES / "site"


@pytest.fixture(scope="session")
def fixture_root() -> Path:
    """A content root with a handful of vacancies covering every page type (see its files)."""
    return SITE_FIXTURE


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """tests/fixtures/site built with the real theme and a fixed today, without search index."""
    from antarkerja.build import build_site

    out = tmp_path_factory.mktemp("fixture-site") / "output"
    build_site(SITE_FIXTURE, output=out, today=TODAY.isoformat(), siteurl=None, search=False)
    return out


@pytest.fixture(scope="session")
def fixture_site_published(tmp_path_factory) -> Path:
    """The same fixture site as published at https://contoh.example (absolute URLs)."""
    from antarkerja.build import build_site

    out = tmp_path_factory.mktemp("fixture-published") / "output"
    build_site(SITE_FIXTURE, output=out, today=TODAY.isoformat(), siteurl="https://contoh.example", search=False)
    return out


@pytest.fixture(scope="session")
def fixture_server(fixture_site):
    yield from served(fixture_site)


# Reading built pages: a tiny DOM on html.parser (no extra dependency). --------------------

from html.parser import HTMLParser  # noqa: E402

BLOCK = {
    "address",
    "article",
    "aside",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "td",
    "th",
    "title",
    "tr",
    "ul",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None = None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs) -> list[Node]:
        """Elements by tag and attribute values (``class_`` for class; True = present)."""
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        out = []
        for node in self.iter():
            if tag and node.tag != tag:
                continue
            if all(
                (name in node.attrs) if value is True else node.attrs.get(name) == value
                for name, value in wanted.items()
            ):
                out.append(node)
        return out

    def find(self, tag: str | None = None, **attrs) -> Node | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    @property
    def text(self) -> str:
        """Text as read on screen: block elements apart, script and style left out."""
        parts = []
        for child in self.children:
            if not isinstance(child, Node):
                parts.append(child)
            elif child.tag in ("script", "style", "template"):
                continue
            elif child.tag in BLOCK:
                parts.append(f" {child.text} ")
            else:
                parts.append(child.text)
        return "".join(parts)

    def get_text(self) -> str:
        return " ".join(self.text.split())


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_html(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


@pytest.fixture(scope="session")
def read_page():
    """``read_page(site_folder, "lowongan/x/")`` → parsed page (a ``Node``)."""

    def read(site: Path, url: str) -> Node:
        path = site / url
        if url == "" or url.endswith("/"):
            path = path / "index.html"
        return parse_html(path.read_text(encoding="utf-8"))

    return read
