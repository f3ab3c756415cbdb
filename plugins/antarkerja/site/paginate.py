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
        if self.count == 1 or self.number == 2:
            return None
        return self.count if self.number == 1 else self.number - 1

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


def paginate(items: list, base_url: str, per_page: int) -> list[Pager]:
    """Pages of ``items`` (newest first), page 1 first, then from the newest numbered page
    down to ``page/2/`` (the order a reader pages through them)."""
    newest, older = page_sizes(len(items), per_page)
    count = older + 1
    pages = [Pager(items[:newest], 1, count, len(items), base_url)]
    for k in range(older):  # k = 0 is the full page just older than page 1
        start = newest + k * per_page
        pages.append(Pager(items[start : start + per_page], count - k, count, len(items), base_url))
    return pages


def page_count(total: int, per_page: int) -> int:
    return page_sizes(total, per_page)[1] + 1
