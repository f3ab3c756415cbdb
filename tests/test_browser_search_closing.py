"""A vacancy that expired but stays in its search bundle until the refresh day
(antarkerja.site.index_window) is never shown by the search page, at 360×740 in Chromium.

The sample content is built the day after one of its vacancies closes, on a day that is not
its province's refresh day, so the bundle still holds it. On a phone whose clock reads that
day the search does not list it, and the count leaves it out; on a phone whose clock still
reads its last day, the same files list it (it is in the bundle, and open there).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlencode

import pytest
from support import ROOT
from support.searchpage import all_results, record_problems, result_ids, sample_model

from antarkerja.site.index_window import refresh_offset, window_start
from antarkerja.site.search import NATIONAL, SORTS, indexed_part

PAGE = 10  # results on the first screen (search.js PAGE)

pytestmark = pytest.mark.browser

BUILT = datetime(2026, 11, 25).date()  # the sample's usual day: the vacancy is chosen among those open then


def _closing_vacancy():
    """An open domestic sample vacancy whose day after closing is not its refresh day."""
    model = sample_model(BUILT)
    for v in sorted(model.open_vacancies, key=lambda v: (v.valid_through, v.id)):
        after = v.valid_through + timedelta(days=1)
        if not v.is_abroad and window_start(refresh_offset(v), after) <= v.valid_through:
            return v
    raise AssertionError("no sample vacancy closes on a day that is followed by a non-refresh day")


@pytest.fixture(scope="module")
def expired(tmp_path_factory):
    """(vacancy, base URL): the sample site built the day after the vacancy closed, served."""
    from antarkerja.site.build import build_site
    from antarkerja.tools.localweb import serve_folder

    v = _closing_vacancy()
    out = tmp_path_factory.mktemp("closing-site")
    build_site(ROOT, output=out, today=(v.valid_through + timedelta(days=1)).isoformat(), siteurl="", search=True)
    page = (out / "lowongan" / v.id / "index.html").read_bytes()
    assert "Lowongan ditutup" in page.decode("utf-8") and indexed_part(page) is not None
    server = serve_folder(out)
    yield v, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _url(base, sort):
    # "contoh": in every sample employer's name, so the results run to several screens
    return f"{base}/cari/?" + urlencode({"q": "contoh", "provinsi": NATIONAL, "urut": sort})


def _first_screen(page, url) -> tuple[list[str], str]:
    """The results and the count the first screen shows, before "more" is pressed."""
    page.goto(url)
    page.wait_for_function("() => document.getElementById('cari-hasil').dataset.selesai !== undefined")
    return result_ids(page), page.text_content("#cari-status").strip()


def test_the_day_after_it_closed_the_search_page_neither_lists_nor_counts_it(phone, expired):
    """On the first screen already: a count that included it would promise one vacancy more
    than the reader can ever see (search.js drops a closed result's card only once read)."""
    v, base = expired
    page = record_problems(phone)
    last_day = datetime.combine(v.valid_through, datetime.min.time()).replace(hour=8)
    # A phone whose clock still reads its last day: it is in the bundle, and listed.
    page.clock.set_fixed_time(last_day)
    orders = {sort: all_results(page, _url(base, sort)) for sort in SORTS}
    assert all(v.id in found for found in orders.values())
    # An order in which it is not on the first screen, so its card is never read there.
    sort = next(sort for sort, found in orders.items() if found.index(v.id) >= PAGE)
    # The next day, the same files.
    page.clock.set_fixed_time(last_day + timedelta(days=1))
    shown, status = _first_screen(page, _url(base, sort))
    found = all_results(page, _url(base, sort))
    assert v.id not in found and found == [x for x in orders[sort] if x != v.id]
    assert shown == found[:PAGE]
    assert status.startswith(f"{len(found)} lowongan"), status
    assert page.problems == []
