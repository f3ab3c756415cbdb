"""Shared test support: paths, throwaway repositories, and reading built pages.

Tests import what they need from here (``from support import make_repo, parse_html``), from
``support.sitecheck`` (whole-site checks) and ``support.cases`` (validation cases shared by the
validator's and the compiled check's tests), ``support.cache_repos`` (generated repositories,
random edits and byte-for-byte comparison for the build cache's tests); fixtures live in
``conftest.py``; test modules never import each other.
"""

from __future__ import annotations

import os
import time
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
SITE_FIXTURE = FIXTURES / "site"
GOLDEN = TESTS / "golden"
TODAY = date(2026, 11, 25)

# Throwaway repositories for validator and build tests ----------------------------------
RECORDS = TESTS / "fixtures" / "records"
GOOD_VACANCY = (RECORDS / "good-vacancy.yml").read_text(encoding="utf-8")
TEST_OFFICE = (RECORDS / "test-office.yml").read_text(encoding="utf-8")


def make_repo(
    tmp_path: Path, vacancies: dict[str, str | bytes] | None = None, offices: dict[str, str | bytes] | None = None
) -> Path:
    """A repository at ``tmp_path`` with the real reference data and the given files.

    Keys are paths below ``content/vacancies`` or ``content/offices``; values are file text.
    Without ``offices`` the repository gets ``test-office.yml``.
    """
    (tmp_path / "content").mkdir(parents=True, exist_ok=True)
    ref = tmp_path / "content" / "reference"
    if not ref.exists():
        os.symlink(ROOT / "content" / "reference", ref)
    for folder, files in (
        ("vacancies", vacancies or {}),
        ("offices", offices if offices is not None else {"test-office.yml": TEST_OFFICE}),
    ):
        base = tmp_path / "content" / folder
        base.mkdir(parents=True, exist_ok=True)
        for rel, text in files.items():
            path = base / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
    return tmp_path


def vacancy(*replacements: tuple[str, str], text: str = GOOD_VACANCY) -> str:
    """The good vacancy with exact text replacements; each must match once."""
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} must occur once in the fixture"
        text = text.replace(old, new)
    return text


# Reading built pages: a tiny DOM on html.parser (no extra dependency). --------------------


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


def read_built(site: Path, url: str) -> Node:
    """The built page at site-relative ``url`` (``lowongan/x/``), parsed."""
    path = site / url
    if url == "" or url.endswith("/"):
        path = path / "index.html"
    return parse_html(path.read_text(encoding="utf-8"))


def cpu_seconds(run, *args) -> float:
    """CPU time of this thread for ``run(*args)``. Timing tests use it: a machine busy with
    other work does not lengthen it (wall time failed a linear pattern on a loaded CI run)."""
    start = time.thread_time()
    run(*args)
    return time.thread_time() - start


# Phone checks shared by the browser tests ---------------------------------------------------
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    # The tests read violations only. Without this axe also sends every node of every rule a
    # page passes: 40 % of a run's time (0.65-1.5 s instead of 1.0-3.1 s a page, 2-core machine).
    "resultTypes": ["violations"],
}


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# Cek lowongan in a browser: one pasted message and its verdict -----------------------------
SCAM = "Lowongan admin online di Kamboja! Tanpa tes, cukup bayar biaya proses Rp 300.000 dan kirim kode OTP."


def run_check(page, text):
    page.fill("#cek-teks", text)
    page.click("#cek-periksa")
    page.wait_for_selector("#cek-vonis")
    return page.get_attribute("#cek-vonis", "data-verdict")


# Node.js, for the JavaScript side of the conformance tests ---------------------------------
def node() -> str:
    """The Node.js executable: required in CI (``.ci/run`` installs it), else the test skips."""
    import shutil

    import pytest

    found = shutil.which("node") or shutil.which("nodejs")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("Node.js is required in CI for the JavaScript conformance tests: apt-get install -y nodejs")
        pytest.skip("Node.js not installed (apt-get install -y nodejs)")
    return found
