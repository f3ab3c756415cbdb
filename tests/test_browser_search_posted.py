""" "Tayang dalam" decided on the reader's device, at 360×740 in Chromium.

The site indexes each vacancy's posting date (nothing that changes with the date); the page
turns "7 hari terakhir" into the dates of the last 7 days of the **device's** today. On the
day of the build the results must be exactly those the build-time filter gave before
(``0 <= posted_days_ago <= 7``, from the model); on a device days later, those of that day,
without a rebuild. Both the browse files (no words) and Pagefind (words) are checked.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlencode

import pytest
from support.searchpage import all_results, record_problems, sample_model

from antarkerja.site.search import NATIONAL, POSTED_VALUES, posted_within

pytestmark = pytest.mark.browser

CLOCK = datetime(2026, 11, 25, 10, 0, 0)  # the day tests/conftest.py builds the sample site


@pytest.fixture(scope="module")
def model():
    return sample_model(CLOCK.date())


@pytest.fixture
def page(phone):
    return record_problems(phone)


@pytest.mark.parametrize("days, label", list(POSTED_VALUES.items()))
def test_on_the_build_day_tayang_finds_what_it_found_before(page, sample_server, model, days, label):
    """The device's date is the build's: the same vacancies, newest first, as the build-time
    filter gave (0 <= posted_days_ago <= days), with the count."""
    page.clock.set_fixed_time(CLOCK)
    expected = [v.id for v in model.open_vacancies if 0 <= v.posted_days_ago <= days]
    assert 0 < len(expected) < len(model.open_vacancies)  # the filter narrows, and finds some
    assert all_results(page, f"{sample_server}/cari/?" + urlencode({"tayang": label})) == expected
    assert page.text_content("#cari-status").strip().startswith(f"{len(expected)} lowongan")
    assert page.problems == []


@pytest.mark.parametrize("later", [3, 9])
def test_days_later_the_device_date_decides_without_a_rebuild(page, sample_server, model, later):
    """The same files read on a device `later` days on: "7 hari terakhir" then means the 7
    days before that device's today (vacancies still listed by the site as built)."""
    day = CLOCK + timedelta(days=later)
    page.clock.set_fixed_time(day)
    expected = [v.id for v in model.open_vacancies if posted_within(v, 7, day.date())]
    before = [v.id for v in model.open_vacancies if 0 <= v.posted_days_ago <= 7]
    assert expected != before  # the day matters for this content
    assert all_results(page, f"{sample_server}/cari/?" + urlencode({"tayang": "7 hari terakhir"})) == expected
    # Words go through Pagefind: any of the posting dates of those 7 days
    word = "staf"
    found = set(all_results(page, f"{sample_server}/cari/?" + urlencode({"q": word, "provinsi": NATIONAL})))
    assert found
    query = {"q": word, "provinsi": NATIONAL, "tayang": "7 hari terakhir"}
    assert set(all_results(page, f"{sample_server}/cari/?" + urlencode(query))) == found & set(expected)
    assert page.problems == []
