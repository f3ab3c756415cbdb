"""Split a listing into pages of a fixed size: ``<base>``, ``<base>page/2/``, …

Listing pages stay small whatever the number of vacancies; page 1 keeps the short URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from antarkerja.urls import url


@dataclass
class Pager:
    items: list
    number: int  # 1-based
    count: int  # number of pages (at least 1)
    total: int  # number of items over all pages
    base_url: str  # site-relative, ending in "/" ("" for the home page)
    first_index: int  # 1-based position of items[0] in the whole listing

    def url(self, number: int) -> str:
        return self.base_url if number == 1 else url("listing_page", base=self.base_url, number=number)

    @property
    def page_url(self) -> str:
        return self.url(self.number)

    @property
    def prev_url(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.count else None

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.items) - 1


def paginate(items: list, base_url: str, per_page: int) -> list[Pager]:
    count = max(1, -(-len(items) // per_page))
    return [
        Pager(items[i * per_page : (i + 1) * per_page], i + 1, count, len(items), base_url, i * per_page + 1)
        for i in range(count)
    ]
