"""A vacancy that expires stays in its search bundle until the bundle's refresh day.

What a reader and an officer would notice: the vacancy's page says "Lowongan ditutup" the day
it expires; the search page never shows it (the device hides closing dates before its
today, tests/test_browser_search_closing.py); and the nightly run does not index its province
again for it, until that province's refresh day, when it leaves the bundle. Every build equals
a clean full build of the same day, byte for byte.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta

import pytest
from support.cache_repos import Editor, assert_same_site, full_build

from antarkerja.errors import SearchIndexFailed
from antarkerja.paths import REPO
from antarkerja.reference import load_reference
from antarkerja.site import build as build_module
from antarkerja.site.build import build_site
from antarkerja.site.index_window import OVERSEAS_OFFSET, WINDOW_DAYS, window_start
from antarkerja.site.search import NATIONAL_BUNDLE_SETTING, indexed_part
from antarkerja.tools.bench import BENCH_TODAY, PROVINCE_LINE

VALID_THROUGH_LINE = re.compile(r"^valid_through: .*$", re.M)


@pytest.mark.parametrize("offset", [*range(WINDOW_DAYS), OVERSEAS_OFFSET])
def test_each_bundle_refreshes_once_a_week_and_keeps_at_most_six_days_of_expiries(offset):
    days = [date(2026, 12, 1) + timedelta(days=k) for k in range(3 * WINDOW_DAYS)]
    refreshes = [d for d in days if window_start(offset, d) == d]
    assert len(refreshes) == 3
    assert [(b - a).days for a, b in zip(refreshes, refreshes[1:], strict=False)] == [WINDOW_DAYS, WINDOW_DAYS]
    for d in days:
        assert 0 <= (d - window_start(offset, d)).days < WINDOW_DAYS
        assert window_start(offset, d) == max(r for r in refreshes + [refreshes[0] - timedelta(days=7)] if r <= d)


def test_the_provinces_of_java_refresh_on_different_days():
    """The largest bundles do not all fall on one night (province code modulo 7)."""
    ref = load_reference(REPO)
    java = [
        code for code, p in ref.provinces.items() if p.name.startswith(("Jawa", "DKI", "Banten", "Daerah Istimewa"))
    ]
    assert len(java) == 6
    day = date(2026, 12, 7)
    assert len({window_start(int(code) % WINDOW_DAYS, day) for code in java}) == 6


def test_the_indexed_part_is_the_marked_article_whatever_the_texts_say():
    """A title or description that spells out the marker or an article tag is text, escaped
    on the page: the part indexed is still the one marked article."""
    article = (
        b'<article class="vac" data-pagefind-body><h1>Operator data-pagefind-body &lt;article x&gt;</h1></article>'
    )
    page = (
        b"<html><head><title>Operator data-pagefind-body &lt;article data-pagefind-body&gt;</title></head><body>"
        + b'<div class="banner closed">Lowongan ditutup.</div>'
        + article
        + b'<section><article class="card">Lowongan serupa</article></section></body></html>'
    )
    assert indexed_part(page) == article
    assert indexed_part(page.replace(b" data-pagefind-body>", b">")) is None
    with pytest.raises(SearchIndexFailed):
        indexed_part(page.replace(article, article[: -len(b"</article>")]).replace(b"</article></section>", b""))


def _bundle_pages(out, key) -> int:
    entry = json.loads((out / "pagefind" / key / "pagefind-entry.json").read_text("utf-8"))
    return entry["languages"]["id"]["page_count"]


def test_an_expired_vacancy_leaves_its_bundle_on_the_refresh_day_not_before(small_repo, tmp_path, monkeypatch):
    monkeypatch.setenv(NATIONAL_BUNDLE_SETTING, "0")  # bundles per province, as at national scale
    path = Editor(small_repo, random.Random(0)).domestic()[0]
    text = path.read_text("utf-8")
    offset = int(PROVINCE_LINE.search(text).group(1)) % WINDOW_DAYS
    # Its closing day: one whose next day is not its province's refresh day.
    closes = next(
        BENCH_TODAY + timedelta(days=k)
        for k in range(WINDOW_DAYS)
        if window_start(offset, BENCH_TODAY + timedelta(days=k + 1)) <= BENCH_TODAY + timedelta(days=k)
    )
    refresh = next(
        closes + timedelta(days=k)
        for k in range(1, WINDOW_DAYS + 1)
        if window_start(offset, closes + timedelta(days=k)) > closes
    )
    path.write_text(VALID_THROUGH_LINE.sub(f"valid_through: {closes}", text, count=1), "utf-8")
    bundle = path.parent.name
    out, cache_dir = tmp_path / "out", tmp_path / "cache"

    build_site(small_repo, output=out, today=closes.isoformat(), cache=cache_dir)  # its last day
    page = out / "lowongan" / path.stem / "index.html"
    open_article = indexed_part(page.read_bytes())
    assert open_article is not None and "Lowongan ditutup" not in page.read_text("utf-8")
    pages_before = _bundle_pages(out, bundle)

    # The next night: its page says it is closed; its article, and so its bundle, are unchanged.
    build_site(small_repo, output=out, today=(closes + timedelta(days=1)).isoformat(), cache=cache_dir)
    html = page.read_text("utf-8")
    assert "Lowongan ditutup" in html and 'name="robots" content="noindex' in html
    assert indexed_part(page.read_bytes()) == open_article
    assert build_module.LAST["cache"].bundle_misses == 0, "no bundle indexed again for an expiry"
    assert _bundle_pages(out, bundle) == pages_before
    full_build(small_repo, tmp_path / "full", closes + timedelta(days=1))
    assert_same_site(out, tmp_path / "full", "the night after it closed")

    # Its province's refresh day: it leaves the bundle.
    build_site(small_repo, output=out, today=refresh.isoformat(), cache=cache_dir)
    assert indexed_part(page.read_bytes()) is None
    assert build_module.LAST["cache"].bundle_misses >= 1
    assert not (out / "pagefind" / bundle).exists() or _bundle_pages(out, bundle) < pages_before
    full_build(small_repo, tmp_path / "full", refresh)
    assert_same_site(out, tmp_path / "full", "its refresh day")
