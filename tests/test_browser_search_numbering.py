"""The search page reads browse shards numbered from the oldest (outputs.browse) and word
ordinals counted from the oldest (outputs.words), at 360×740 in Chromium.

The sample content fits in one shard of 50, so here it is built with shards of 7 items and
without a national Pagefind bundle: every list then spans several files (file 1, then
``next`` down to 2) and a national keyword search maps ordinals to several shards, as on a
large site. What the page should list is computed from the model, not from the files.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import pytest
from support.searchpage import all_results, build_as_large, record_problems, sample_model

from antarkerja.site import search as search_module
from antarkerja.site.search import NATIONAL_BUNDLE_SETTING
from antarkerja.site.synonyms import load_synonyms

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CLOCK = datetime(2026, 11, 25, 10, 0, 0)
SMALL_SHARD = 7


@pytest.fixture(scope="module")
def model():
    return sample_model(CLOCK.date())


@pytest.fixture(scope="module")
def small_shards(tmp_path_factory):
    out = build_as_large(tmp_path_factory.mktemp("small-shards"), CLOCK.date(), SHARD_SIZE=SMALL_SHARD)
    assert os.environ.get(NATIONAL_BUNDLE_SETTING) != "10"
    assert len(list((out / "cari" / "data" / "semua").glob("terbaru-*.json"))) >= 5
    return out


@pytest.fixture(scope="module")
def server(small_shards):
    from antarkerja.tools.localweb import serve_folder

    httpd = serve_folder(small_shards)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def page(phone):
    phone.clock.set_fixed_time(CLOCK)
    return record_problems(phone)


def test_browsing_pages_through_every_open_vacancy_newest_first(page, server, model):
    expected = [v.id for v in model.open_vacancies]
    assert len(expected) > 4 * SMALL_SHARD
    assert all_results(page, f"{server}/cari/") == expected
    assert page.problems == []


def test_a_filter_with_its_own_shards_and_the_salary_order_list_the_same_vacancies(page, server, model):
    from collections import Counter

    total = len(model.open_vacancies)
    counts = Counter(p for v in model.open_vacancies for p in search_module.filter_values(v))
    # The largest value that has shards of its own (at most half the vacancies; not cumulative)
    (param, value), count = max(
        (
            (p, n)
            for p, n in counts.items()
            if p[0] not in ("pendidikan", "tayang") and n <= search_module.DENSE * total
        ),
        key=lambda pn: pn[1],
    )
    assert count >= 2 * SMALL_SHARD, (param, value)
    mine = [v.id for v in model.open_vacancies if (param, value) in search_module.filter_values(v)]
    assert all_results(page, f"{server}/cari/?" + urlencode({param: value})) == mine
    by_salary = sorted(
        model.open_vacancies, key=lambda v: (-max(0, int(v.salary_monthly or 0)), -v.date_posted.toordinal(), v.id)
    )
    assert all_results(page, f"{server}/cari/?urut=upah") == [v.id for v in by_salary]
    assert page.problems == []


def holding(model, word: str) -> list[str]:
    """Open vacancies (newest first) whose title, employer or place has a word starting with
    ``word``, or whose title holds a synonym group with that word."""
    synonyms = load_synonyms(ROOT)
    pattern = re.compile(rf"\b{re.escape(word)}", re.I)
    return [
        v.id
        for v in model.open_vacancies
        if pattern.search(f"{v.title} {v.employer['name']} {v.location_text}")
        or any(word in g.terms for g in synonyms.matches(v.title))
    ]


@pytest.mark.parametrize("word", ["operator", "jawa"])
def test_national_words_find_their_vacancies_across_shards_newest_first(page, server, model, word):
    """The word index's ordinals (from the oldest) land on the right shard and place."""
    expected = holding(model, word)
    place = {v.id: i for i, v in enumerate(model.open_vacancies)}
    assert len({place[i] // SMALL_SHARD for i in expected}) >= 3  # spread over several shards
    assert all_results(page, f"{server}/cari/?q={word}") == expected
    assert page.problems == []


def test_tayang_on_a_later_device_date_through_the_word_index_and_several_shards(page, server, model):
    """'Tayang dalam' on the word index path and on browse files read newest first (the page
    stops at the first item posted before the range)."""
    from datetime import timedelta

    from antarkerja.site.search import posted_within

    day = CLOCK + timedelta(days=5)
    page.clock.set_fixed_time(day)
    recent = [v.id for v in model.open_vacancies if posted_within(v, 30, day.date())]
    assert 2 * SMALL_SHARD < len(recent) < len(model.open_vacancies)
    assert all_results(page, f"{server}/cari/?" + urlencode({"tayang": "30 hari terakhir"})) == recent
    words = all_results(page, f"{server}/cari/?" + urlencode({"q": "operator", "tayang": "30 hari terakhir"}))
    assert words == [i for i in holding(model, "operator") if i in recent] and words
    assert page.problems == []
