"""Listings numbered from the oldest vacancy: page 1 stays the newest, a new vacancy rewrites
only the newest page(s), every vacancy is on exactly one page, and the links walk them all.

The build-level test builds the fixture site twice with small pages (4 cards, 5 rows), the
second time with one vacancy more, and compares the files' bytes.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from support import SITE_FIXTURE, TODAY, parse_html
from support.sitecheck import broken_links, html_errors

from antarkerja.site import build, search
from antarkerja.site.outputs import api
from antarkerja.site.paginate import content_slices, locate, older_number, page_count, page_sizes, paginate, slices

BASE = "provinsi/x/"


def walk(pages):
    """Follow "older" links from page 1, as a reader pressing "Lebih lama" does."""
    by_url = {p.page_url: p for p in pages}
    seen, page = [], by_url[BASE]
    while page is not None:
        seen.append(page)
        page = by_url[page.next_url] if page.next_url else None
    return seen


@pytest.mark.parametrize("total", [0, 1, 6, 7, 13, 14, 15, 20, 21, 22, 100])
def test_every_item_is_on_exactly_one_page_newest_first(total):
    items = list(range(total))  # 0 is the newest
    pages = paginate(items, BASE, 7)
    walked = walk(pages)
    assert len(walked) == len(pages) == page_count(total, 7)
    assert [i for p in walked for i in p.items] == items
    assert walked[0].number == 1 and walked[0].page_url == BASE
    if total >= 7:
        assert 7 <= len(walked[0].items) <= 13  # page 1 is never short once the list is not
    assert all(len(p.items) == 7 for p in walked[1:])
    # Going newer from the oldest page retraces the same pages.
    by_url = {p.page_url: p for p in pages}
    back, page = [], walked[-1]
    while page is not None:
        back.append(page)
        page = by_url[page.prev_url] if page.prev_url else None
    assert back == walked[::-1]


def test_numbered_pages_count_from_the_oldest():
    pages = walk(paginate(list(range(30)), BASE, 7))  # 30 = page 1 (9) + 3 pages of 7
    assert [p.number for p in pages] == [1, 4, 3, 2]
    assert [p.position for p in pages] == [1, 2, 3, 4]
    assert pages[-1].items == [23, 24, 25, 26, 27, 28, 29]  # page/2/ holds the oldest
    assert pages[-1].page_url == "provinsi/x/page/2/" and pages[-1].next_url is None
    assert pages[1].prev_url == BASE and pages[0].prev_url is None


def test_adding_one_item_changes_page_one_and_at_most_two_more():
    per = 7
    for total in range(0, 120):
        old = {p.page_url: p.items for p in paginate(list(range(1, total + 1)), BASE, per)}
        new = {p.page_url: p.items for p in paginate(list(range(0, total + 1)), BASE, per)}  # 0: the new one
        differ = {u for u in old.keys() | new.keys() if old.get(u) != new.get(u)}
        assert BASE in differ and new[BASE][0] == 0, total
        if page_count(total + 1, per) == page_count(total, per):
            assert differ == {BASE}, total
        else:  # page 1 handed its oldest items to a new page
            assert len(differ) == 2, total
        assert page_sizes(total, per)[0] == len(old[BASE])


@pytest.mark.parametrize("total", [0, 1, 6, 7, 13, 14, 15, 29, 100])
def test_locate_finds_each_ordinal_from_the_oldest_where_slices_put_it(total):
    items = list(range(total))[::-1]  # newest first; an item's value is its ordinal from the oldest
    pages = {n: items[a:b] for n, a, b in slices(total, 7)}
    for o in range(total):
        n, k = locate(o, total, 7)
        assert pages[n][k] == o


def test_content_slices_cover_the_list_and_an_insertion_changes_only_its_own_slice():
    keys = [f"v{i:04d}" for i in range(1000)]
    cuts = content_slices(keys, 50)
    assert sorted((a, b) for _, a, b in cuts)[0][0] == 0 and sum(b - a for _, a, b in cuts) == 1000
    assert all(0 < b - a <= 100 for _, a, b in cuts)
    # Reading order: slice 1, then each older_number, covers the list in order.
    by_number = {n: (a, b) for n, a, b in cuts}
    n, walked = 1, []
    while n is not None:
        walked.append(by_number[n])
        n = older_number(n, len(cuts))
    assert walked == sorted(by_number.values())
    changed_counts = []
    for at in range(0, 1000, 37):  # insert a new key in the middle of the list
        new_keys = [*keys[:at], f"new-{at}", *keys[at:]]
        old = {n: keys[a:b] for n, a, b in cuts}
        new = {n: new_keys[a:b] for n, a, b in content_slices(new_keys, 50)}
        changed_counts.append(sum(old.get(n) != new.get(n) for n in old.keys() | new.keys()))
    # one slice; two where a run without a content cut was cut by length; more only when the
    # new key is itself a cut (the slices before it are renumbered)
    assert changed_counts.count(1) >= len(changed_counts) / 2
    assert sum(n <= 2 for n in changed_counts) >= len(changed_counts) * 0.9


# The built site ---------------------------------------------------------------------------

SMALL = {"LISTING_PER_PAGE": 4, "LISTING_ROWS_PER_PAGE": 5}
ADDED = "operator-baru-uji-bekasi"


@pytest.fixture(scope="module")
def small_pages(tmp_path_factory):
    """The fixture site built twice with small pages: as is, and with one vacancy posted today."""
    real = build.load_settings

    def small(*args, **kwargs):
        return {**real(*args, **kwargs), **SMALL}

    mp = pytest.MonkeyPatch()
    mp.setattr(build, "load_settings", small)
    mp.setattr(search, "SHARD_SIZE", 4)  # browse files and API pages of a few items: lists span several
    mp.setattr(api, "PER_PAGE", 5)
    try:
        work = tmp_path_factory.mktemp("paginate")
        repo = work / "repo"
        shutil.copytree(SITE_FIXTURE, repo)
        build.build_site(repo, output=work / "before", today=TODAY.isoformat(), siteurl=None, search=False)
        source = repo / "content" / "vacancies" / "jawa-barat" / "operator-produksi-bekasi.yml"
        text = source.read_text(encoding="utf-8")
        text = text.replace("id: operator-produksi-bekasi", f"id: {ADDED}")
        text = text.replace("date_posted: 2026-11-18", f"date_posted: {TODAY}")
        text = text.replace("title: Operator Produksi", "title: Operator Mesin Cetak")  # not a duplicate
        assert ADDED in text and f"date_posted: {TODAY}" in text and "Mesin Cetak" in text
        source.with_name(f"{ADDED}.yml").write_text(text, encoding="utf-8")
        build.build_site(repo, output=work / "after", today=TODAY.isoformat(), siteurl=None, search=False)
    finally:
        mp.undo()
    return work / "before", work / "after"


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def listing_links(site: Path, base: str) -> list[str]:
    """Vacancy links of every page of a listing, following rel=next from page 1."""
    links, path = [], base
    while path:
        page = parse_html((site / path.lstrip("/") / "index.html").read_text(encoding="utf-8"))
        cards = page.find("section", class_="list").find_all("li", class_="card")
        rows = page.find("ul", class_="rows")
        anchors = [c.find("a") for c in cards] if cards else rows.find_all("a") if rows else []
        links += [a.attrs["href"] for a in anchors if a.attrs["href"].startswith("/lowongan/")]
        nxt = page.find("a", rel="next")
        path = nxt.attrs["href"] if nxt else None
    return links


def test_one_added_vacancy_rewrites_only_the_newest_listing_pages(small_pages):
    before, after = (digests(s) for s in small_pages)
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    later_pages = {p for p in before if "/page/" in p and p.endswith("index.html")}
    assert len(later_pages) >= 6  # the test means something: lists do have older pages
    # Lists the new vacancy joins: all vacancies, Jawa Barat, Kabupaten Bekasi, its office
    # and employer. Their page 1 changes; no older page of any list does, unless the list
    # grew a page (then page 1 handed its oldest cards to it).
    for base in ("lowongan/", "provinsi/jawa-barat/", "kabkota/kabupaten-bekasi/"):
        assert f"{base}index.html" in changed, base
    grown = {p for p in changed & later_pages if p not in before or p not in after}
    rewritten = (changed & later_pages) - grown
    for path in rewritten:  # only the previous newest numbered page, whose "newer" link moved
        base, number = path.split("page/")[0], int(path.split("page/")[1].split("/")[0])
        assert f"{base}page/{number + 1}/index.html" in grown, path
    untouched = later_pages - changed
    assert len(untouched) >= len(later_pages) - 2 * len(grown) - 1 and untouched


def _numbered(path: str) -> tuple[str, int] | None:
    """(list, number) of a browse file or API page, None for other files."""
    for prefix, pattern in (("cari/data/", "-"), ("api/v1/", "/")):
        if path.startswith(prefix) and path.endswith(".json") and path.rsplit(pattern, 1)[-1][:-5].isdigit():
            head, number = path[:-5].rsplit(pattern, 1)
            return head, int(number)
    return None


def test_one_added_vacancy_rewrites_only_the_first_browse_file_and_api_page_of_each_list(small_pages):
    """Newest first lists (cari/data/…/terbaru-N.json, api/v1/…/N.json): file 1 only, or a new
    file and the one whose "next" now points to it. (The other orders' content cuts are tested
    above on a list long enough to mean something.)"""
    before, after = (digests(s) for s in small_pages)
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    lists: dict[str, set[int]] = {}
    for path in before:
        if (found := _numbered(path)) and found[1] > 1:
            lists.setdefault(found[0], set()).add(found[1])
    newest_first = {
        k: v
        for k, v in lists.items()
        if k.endswith("/terbaru") or k.startswith("api/") and k.split("/")[2] not in ("kantor", "wilayah")
    }
    assert len(newest_first) >= 4 and sum(map(len, newest_first.values())) >= 12  # lists do span several files
    later = {p for p in changed if (found := _numbered(p)) and found[1] > 1 and found[0] in newest_first}
    grown = {p for p in later if p not in before}
    for path in later - grown:  # only the previous newest numbered file, whose next moved
        head, number = _numbered(path)
        assert any(_numbered(g) == (head, number + 1) for g in grown), path
    for key in ("cari/data/semua/terbaru", "api/v1/provinsi/jawa-barat", "api/v1/lowongan"):
        assert (f"{key}-1.json" if key.startswith("cari") else f"{key}/1.json") in changed, key


def test_one_added_vacancy_rewrites_only_its_own_words_files(small_pages):
    """Word ordinals count from the oldest: other vacancies keep theirs, so a word file
    changes only if it holds one of the new vacancy's words (its ordinal, the newest)."""
    import json

    before_site, after_site = small_pages
    before, after = digests(before_site), digests(after_site)
    blocks = [p for p in after if p.startswith("cari/kata/kartu/")]  # the display blocks: the newest takes it
    changed_blocks = [p for p in blocks if before.get(p) != after[p]]
    assert changed_blocks == ["cari/kata/kartu/1.json"] or len(changed_blocks) == 3, changed_blocks  # 3: a cut
    files = [p for p in after if p.startswith("cari/kata/") and p.split("/")[-1] not in ("kunci.json", "wilayah.json")]
    files = [p for p in files if p not in blocks]
    changed = [p for p in files if before.get(p) != after[p]]
    total = sum(1 for _ in json.loads((after_site / "cari/data/semua/terbaru-1.json").read_text("utf-8"))["items"])
    newest = None
    for path in changed:
        words = json.loads((after_site / path).read_text("utf-8"))
        ordinals = set()
        for entry in words.values():
            for _scope, first, *gaps in entry:
                o = first
                ordinals.add(o)
                for g in gaps:
                    o += g
                    ordinals.add(o)
        newest = max(ordinals) if newest is None else max(newest, max(ordinals))
        assert max(ordinals) == newest, path  # the new vacancy's ordinal is in every changed file
    assert total and changed and len(changed) <= 12 < len(files) / 2, (len(changed), len(files))


@pytest.mark.parametrize("base", ["/lowongan/", "/provinsi/jawa-barat/", "/kabkota/kabupaten-bekasi/"])
def test_page_one_is_the_newest_and_every_vacancy_appears_once(small_pages, base):
    _, after = small_pages
    links = listing_links(after, base)
    assert links[0] == f"/lowongan/{ADDED}/"  # posted today: first on page 1
    assert len(links) == len(set(links)) >= 9  # several pages, no vacancy twice
    page_one = parse_html((after / base.lstrip("/") / "index.html").read_text(encoding="utf-8"))
    assert page_one.find("a", rel="prev") is None and page_one.find("a", rel="next") is not None


def test_older_pages_say_nothing_that_changes_with_the_list(small_pages):
    """A numbered page names its posting dates, not totals or the page count."""
    before, _ = small_pages
    page = parse_html((before / "provinsi" / "jawa-barat" / "page" / "2" / "index.html").read_text(encoding="utf-8"))
    heading = page.find("h2", id="daftar").get_text()
    assert "tayang" in heading and "dari" not in heading
    assert page.find("p", class_="count") is None
    assert page.find("a", rel="next") is None  # page/2/ holds the oldest
    assert page.find("title").get_text().startswith("Lowongan kerja di Jawa Barat, halaman 2")


def test_later_pages_are_valid_html_and_every_link_resolves(small_pages):
    """The sample site's lists fit on page 1, so the whole-site checks meet no later page:
    run the link crawl and the Nu Html Checker on the small-pages build."""
    before, _ = small_pages
    later = sorted(before.rglob("page/*/index.html"))
    assert len(later) >= 6
    assert html_errors(later) == []
    assert broken_links(before) == []
