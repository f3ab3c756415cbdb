"""Shared fixtures: the repository, a built sample site, a local server and a real browser.

Browser tests use Debian's Chromium through Playwright's ``executable_path``; nothing is
downloaded. In CI (``CI=true``) a missing Chromium is a failure, never a skip.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from support import ROOT, SITE_FIXTURE, TODAY, read_built

from antarkerja.tools.localweb import CHROMIUM_ARGS, chromium_path, serve_folder


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The bundled sample content built once, search index included, with a fixed today."""
    from antarkerja.site.build import build_site

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


@pytest.fixture(scope="session")
def fixture_root() -> Path:
    """A content root with a handful of vacancies covering every page type (see its files)."""
    return SITE_FIXTURE


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """tests/fixtures/site built with the real theme and a fixed today, without search index."""
    from antarkerja.site.build import build_site

    out = tmp_path_factory.mktemp("fixture-site") / "output"
    build_site(SITE_FIXTURE, output=out, today=TODAY.isoformat(), siteurl=None, search=False)
    return out


@pytest.fixture(scope="session")
def fixture_site_published(tmp_path_factory) -> Path:
    """The same fixture site as published at https://contoh.example (absolute URLs)."""
    from antarkerja.site.build import build_site

    out = tmp_path_factory.mktemp("fixture-published") / "output"
    build_site(SITE_FIXTURE, output=out, today=TODAY.isoformat(), siteurl="https://contoh.example", search=False)
    return out


@pytest.fixture(scope="session")
def fixture_server(fixture_site):
    yield from served(fixture_site)


@pytest.fixture(scope="session")
def read_page():
    """``read_page(site_folder, "lowongan/x/")`` → parsed page (see ``support.read_built``)."""
    return read_built


@pytest.fixture
def small_repo(tmp_path, monkeypatch) -> Path:
    """A generated repository of 8 vacancies with its own theme and reference data, and the
    build cache's code hash computed afresh (a test may change it): the build cache's tests."""
    from support.cache_repos import generated_repo

    from antarkerja.site import cache as site_cache

    monkeypatch.setattr(site_cache, "_CODE_HASH", None)
    return generated_repo(tmp_path / "repo", 8)
