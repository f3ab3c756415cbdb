"""How long a vacancy that expired stays in its search bundle: until its bundle's refresh day.

Pagefind cannot remove a page from a bundle; a bundle that loses one page is indexed whole
again. When every vacancy left the index the night it expired, nearly every province bundle
changed every night, and the nightly run at 100,000 vacancies re-indexed 38 of 39 bundles
(428 s of 769 s, docs/performance.md, "The nightly run meets expiries").

So a vacancy that expired by date stays in its bundle until the bundle's next **refresh
day**, one day in :data:`WINDOW_DAYS`, different for each province (:func:`window_start`).
Meanwhile the search page hides it on the reader's device: each indexed page carries its
closing date as the Pagefind filter :data:`CLOSING_FILTER`, and ``search.js`` asks for
``{"none": [the dates before the reader's today]}`` (:data:`HIDDEN_DAYS` of them), so
results and their count never include it. Its own page says it is closed the day it
expires, as before; only the search index keeps it a few days longer.

A vacancy withdrawn or filled (``status`` not ``open``) is a change of its record: its
bundle is indexed again that night and it leaves at once.

Everything here is a function of the records and "today", so a full build and an
incremental one agree byte for byte (tests/test_site_cache.py, the equality proof).
"""

from __future__ import annotations

from datetime import date, timedelta

WINDOW_DAYS = 7
# The search page hides results that closed in the last HIDDEN_DAYS days of the reader's
# today: the WINDOW_DAYS - 1 days an expired vacancy may stay, and as many again in case the
# site was not rebuilt for a week (the index then still holds vacancies that closed meanwhile).
HIDDEN_DAYS = 2 * WINDOW_DAYS
CLOSING_FILTER = "tutup"
# The overseas bundle's place in the week: the day fewest provinces refresh (province code
# modulo 7 gives 4 to 7 provinces a day, the six of Java on six different days).
OVERSEAS_OFFSET = 6


def refresh_offset(v) -> int:
    """Which day of the week a vacancy's bundle refreshes: its work province's BPS code
    modulo :data:`WINDOW_DAYS`, or :data:`OVERSEAS_OFFSET` for the overseas bundle."""
    return OVERSEAS_OFFSET if v.is_abroad else int(v.province.code) % WINDOW_DAYS


def window_start(offset: int, today: date) -> date:
    """The last refresh day on or before ``today`` of bundles with ``offset``: the days whose
    ordinal plus ``offset`` is a multiple of :data:`WINDOW_DAYS`."""
    return today - timedelta(days=(today.toordinal() + offset) % WINDOW_DAYS)


def in_index(v) -> bool:
    """Whether vacancy ``v`` is in its search bundle: open, or expired by date on or after its
    bundle's last refresh day (``status`` still ``open``)."""
    if v.status != "open":
        return False
    return v.valid_through >= window_start(refresh_offset(v), v.today)
