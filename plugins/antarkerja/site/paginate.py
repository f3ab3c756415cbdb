"""Split a newest-first listing into pages: ``<base>``, ``<base>page/2/``, …

Page numbers are anchored to the **oldest** item, so that a new vacancy rewrites only the
newest page(s) of each list it joins instead of shifting every page by one item:

* the older items are cut into full pages of ``per_page`` counted from the oldest one:
  ``page/2/`` always holds the oldest ``per_page`` items, ``page/3/`` the next ones, …;
* page 1 (the short URL people share) holds everything newer than those pages: the newest
  ``per_page`` to ``2 × per_page − 1`` items (fewer only when the list is that short).

Adding one item newest-first changes page 1 only; every ``per_page`` additions page 1 hands
its oldest ``per_page`` items to a new numbered page (three files then: page 1, the new page,
and the previous newest numbered page, whose "newer" link now points to the new one). Going
older from page 1 therefore reads ``page/N/``, ``page/N-1/``, … ``page/2/``. Removing an item
still shifts the pages newer than it, as any numbering by position must. docs/performance.md
compares this with numbering from the newest.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from antarkerja.urls import url


@dataclass
class Pager:
    items: list  # newest first
    number: int  # 1 for the newest page; 2 for the oldest, then up towards the newest
    count: int  # number of pages (at least 1)
    total: int  # number of items over all pages
    base_url: str  # site-relative, ending in "/" ("" for the home page)

    def url(self, number: int) -> str:
        return self.base_url if number == 1 else url("listing_page", base=self.base_url, number=number)

    @property
    def page_url(self) -> str:
        return self.url(self.number)

    @property
    def newer_number(self) -> int | None:
        """The page holding the items just newer than this one's (None on page 1)."""
        if self.number == 1:
            return None
        return 1 if self.number == self.count else self.number + 1

    @property
    def older_number(self) -> int | None:
        """The page holding the items just older than this one's (None on the oldest)."""
        return older_number(self.number, self.count)

    # In a newest-first list "previous" is newer and "next" is older (rel=prev / rel=next).
    @property
    def prev_url(self) -> str | None:
        n = self.newer_number
        return None if n is None else self.url(n)

    @property
    def next_url(self) -> str | None:
        n = self.older_number
        return None if n is None else self.url(n)

    @property
    def oldest_number(self) -> int:
        return 2 if self.count > 1 else 1

    @property
    def position(self) -> int:
        """1-based place of this page going from the newest (page 1) to the oldest."""
        return 1 if self.number == 1 else self.count - self.number + 2


def page_sizes(total: int, per_page: int) -> tuple[int, int]:
    """``(items on page 1, number of full older pages)`` for a list of ``total`` items."""
    older = max(0, total // per_page - 1)
    return total - older * per_page, older


def older_number(number: int, count: int) -> int | None:
    """In a list of ``count`` pages, the number of the page just older than page ``number``
    (None on the oldest): page 1, then ``count``, ``count − 1``, … down to 2."""
    if count == 1 or number == 2:
        return None
    return count if number == 1 else number - 1


def _numbered(bounds: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The first slice is page 1, the others are numbered from the last one (2) up: page
    ``count`` follows page 1, and so on down to 2."""
    count = len(bounds)
    return [(1 if k == 0 else count - k + 1, start, end) for k, (start, end) in enumerate(bounds)]


def slices(total: int, per_page: int) -> list[tuple[int, int, int]]:
    """``(number, start, end)`` of each page of a newest-first list of ``total`` items (its
    items are ``items[start:end]``), in reading order: page 1, then ``count`` down to 2.

    The one home of the numbering rule: the HTML listings (:func:`paginate`), the search
    page's browse files (:mod:`antarkerja.site.outputs.browse`), the JSON API's vacancy pages
    (:mod:`antarkerja.site.outputs.api`) and the word index's ordinals (:func:`locate`)
    all cut their lists with it.
    """
    newest, older = page_sizes(total, per_page)
    # k = 0 is the full page just older than page 1
    return _numbered([(0, newest)] + [(newest + k * per_page, newest + (k + 1) * per_page) for k in range(older)])


def content_slices(keys: list[str], per_page: int) -> list[tuple[int, int, int]]:
    """:func:`slices` for a list sorted by something else than age (closing date, salary),
    where a new item lands anywhere: cut after each item whose key hashes to 0 modulo
    ``per_page`` (content-defined cuts, ``per_page`` items a slice on average), or after
    ``2 × per_page`` items without such a cut. An added or removed item then changes only its
    own slice, whatever its place (two where a run was cut by length), unless it is itself a
    cut (one in ``per_page``): then the slices before it are renumbered. Numbered like :func:`slices` (first slice 1, then the
    last slice 2, up to the second slice), so that removing the first items (the vacancies
    closing soonest expire first) does not renumber the others either.
    """
    bounds, start = [], 0
    for i, key in enumerate(keys):
        if zlib.crc32(key.encode("utf-8")) % per_page == 0 or i + 1 - start >= 2 * per_page:
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(keys) or not bounds:
        bounds.append((start, len(keys)))
    return _numbered(bounds)


def locate(ordinal: int, total: int, per_page: int) -> tuple[int, int]:
    """``(page number, index on that page)`` of the item ``ordinal`` places from the **oldest**
    (0 = the oldest) in a newest-first list of ``total`` items cut by :func:`slices`.

    An item's ordinal from the oldest never changes when newer items are added, which is why
    the word index stores it; ``search.js`` (``locate``) does the same arithmetic.
    """
    older = page_sizes(total, per_page)[1]
    if ordinal < older * per_page:  # page 2 holds ordinals 0 … per_page − 1, newest first
        number = ordinal // per_page + 2
        return number, (number - 1) * per_page - 1 - ordinal
    return 1, total - 1 - ordinal


def paginate(items: list, base_url: str, per_page: int) -> list[Pager]:
    """Pages of ``items`` (newest first), page 1 first, then from the newest numbered page
    down to ``page/2/`` (the order a reader pages through them)."""
    cuts = slices(len(items), per_page)
    return [Pager(items[start:end], number, len(cuts), len(items), base_url) for number, start, end in cuts]


def page_count(total: int, per_page: int) -> int:
    return page_sizes(total, per_page)[1] + 1
