"""Browse shards: the search page's results when no words are typed, without Pagefind.

A search with filters and no words would make Pagefind download every index chunk (2.3 MB
at 10,000 vacancies, 18.7 MB at 100,000). Instead the build writes small static JSON files,
newest first, and ``search.js`` reads one or a few of them:

=================================================  ========================================
``cari/data/semua/<order>-<n>.json``               every open vacancy
``cari/data/provinsi/<slug>/<order>-<n>.json``     a province (domestic vacancies)
``cari/data/<param>/<value-slug>/terbaru-<n>.json``  one value of another filter
=================================================  ========================================

``order`` is ``terbaru`` (newest first) everywhere; ``semua`` and provinces also have
``tutup`` (closing soonest) and ``upah`` (highest salary). A value shared by more than half
of the open vacancies gets no shard of its own (:data:`antarkerja.site.search.DENSE`): the page reads the
``semua`` shards and keeps the matching items, which fills a page of results just as fast.
Nor does ``pendidikan``: its values are cumulative ("SMK or lower") and so dense.

Each file: ``{"page", "next", "items"}``, and file 1 (the newest, or the first in another
order) also ``"total"`` and ``"pages"``; ``next`` is the number of the file to read after
this one (null on the last). Files are numbered so that one added vacancy rewrites one file
of each list (:func:`shards`): about :data:`antarkerja.site.search.SHARD_SIZE` items a file
(up to twice that). An item is ``{"i": id, "t": title, "e": employer, "l": location, "s": salary text,
"v": valid through (ISO), "p": date posted (ISO), "d": own education option id, "x": 1 for a
sample record (else absent), "f": [option ids]}`` where the option ids are those of
:func:`antarkerja.site.search.search_options` (the page's ``data-id``), so the page can apply the
other filters of a combination itself. About 280 bytes an item, 14 KB a file: a fifth of
the public API's items (:mod:`antarkerja.site.outputs.api`), which carry more fields.

Also writes each province's regency options, ``cari/kabkota/<province-slug>.json``
(:func:`antarkerja.site.search.regency_lists`), read when the reader chooses a province;
``cari/kabkota-nama/<key>.json``, the province of every regency whose name gives that key
(:func:`antarkerja.site.search.regency_key`; ``be.json``: ``{"Kabupaten Bekasi": "Jawa
Barat", …}``), read only for a link that names a regency without its province; and the list of pages of
each Pagefind bundle for the index step (:data:`antarkerja.site.search.BUNDLES_MANIFEST`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from antarkerja.site.outputs import File, OutputContext
from antarkerja.site.query import salary_figures
from antarkerja.urls import file_for, url

SORTED_SCOPES = ("semua", url("provinces"))  # shard sets written in every order (all, each province)


def _dumps(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def item(v, ids: list[int], education_id: int | None = None) -> str:
    """One vacancy as a browse item (JSON text).

    Besides what the page filters on, a result card shows what a listing card shows: the
    employment type is the ``jenis`` id among ``f`` (no extra bytes), the vacancy's own
    minimum education is ``d`` (an option id: ``f`` holds every level it qualifies, SMA and
    SMK alike), ``p`` the posting date, and ``x`` is present only for sample records.
    """
    data = {
        "i": v.id,
        "t": v.title,
        "e": v.employer["name"],
        "l": v.location_text,
        "s": v.salary_text,
        "v": v.valid_through.isoformat(),
        "p": v.date_posted.isoformat(),
    }
    if education_id is not None:
        data["d"] = education_id
    figures = salary_figures(v)  # [unit, low, high] in rupiah, for a typed salary (site.query)
    if figures:
        data["g"] = figures
    if v.is_example:
        data["x"] = 1
    data["f"] = ids
    return _dumps(data)


ORDERS = {
    "terbaru": None,  # site.open_vacancies order: newest first, then id
    "tutup": lambda v: (v.valid_through, -v.date_posted.toordinal(), v.id),
    "upah": lambda v: (-max(0, int(v.salary_monthly or 0)), -v.date_posted.toordinal(), v.id),
}


def shards(key: str, order: str, items: list[str], ids: list[str]) -> Iterable[File]:
    """The shard files of one list (``items`` as JSON texts, ``ids`` their vacancies' ids).

    Numbered as the HTML listings are (:mod:`antarkerja.site.paginate`), so that one added
    vacancy rewrites one file of each list it joins: newest first (``terbaru``) by
    :func:`~antarkerja.site.paginate.slices` (file 1 the newest, the others counted from the
    oldest); the other orders by :func:`~antarkerja.site.paginate.content_slices`. Only file 1
    carries the list's ``total`` and ``pages``; every file names the ``next`` one to read
    (null on the last), which is how ``search.js`` walks a list.
    """
    from antarkerja.site.paginate import content_slices, older_number, slices
    from antarkerja.site.search import SHARD_SIZE

    cuts = slices(len(items), SHARD_SIZE) if order == "terbaru" else content_slices(ids, SHARD_SIZE)
    for n, start, end in cuts:
        nxt = older_number(n, len(cuts))
        head = f'{{"total":{len(items)},"page":1,"pages":{len(cuts)},' if n == 1 else f'{{"page":{n},'
        head += f'"next":{"null" if nxt is None else nxt},"items":['
        yield File(url("search_shard", key=key, order=order, number=n), head + ",".join(items[start:end]) + "]}")


def item_texts(site) -> dict[str, str]:
    """Vacancy id → its browse item (:func:`item`), for every open vacancy; the word index's
    display blocks (:mod:`antarkerja.site.outputs.words`) carry the same items, so they are
    made once per model."""
    from antarkerja.site.search import per_model

    return per_model(site, "browse_items", _item_texts)


def _item_texts(site) -> dict[str, str]:
    from antarkerja.site.search import filter_values, option_index

    options = option_index(site)
    texts: dict[str, str] = {}
    for v in site.open_vacancies:
        pairs = filter_values(v)
        own = options.get(("pendidikan", v.education["name"]))
        texts[v.id] = item(v, sorted(options[p]["id"] for p in pairs if p in options), own and own["id"])
    return texts


def outputs(site, ctx: OutputContext) -> Iterable[File]:
    from antarkerja.site.search import bundles, filter_values, option_index, regency_key, regency_lists

    options = option_index(site)
    texts = item_texts(site)
    members: dict[str, list] = {"semua": []}
    for v in site.open_vacancies:
        pairs = filter_values(v)
        members["semua"].append(v)
        for pair in pairs:
            opt = options.get(pair)
            if opt is None or not opt["shard"]:
                continue
            members.setdefault(opt["key"], []).append(v)
    for key in sorted(members):
        vacancies = members[key]
        for order, sort_key in ORDERS.items():
            if sort_key is not None:
                if not key.startswith(SORTED_SCOPES):
                    continue
                vacancies = sorted(vacancies, key=sort_key)
            yield from shards(key, order, [texts[v.id] for v in vacancies], [v.id for v in vacancies])
    lists = regency_lists(site)
    for slug, data in sorted(lists.items()):
        yield File(url("search_regencies", key=slug), _dumps(data))
    by_key: dict[str, dict[str, str]] = {}
    for data in lists.values():
        for o in data["kabkota"]:
            by_key.setdefault(regency_key(o["v"]), {})[o["v"]] = data["provinsi"]
    for key, homes in sorted(by_key.items()):
        yield File(url("search_regency_index", key=key), _dumps(dict(sorted(homes.items()))))
    manifest = {"bundles": {b.key: [file_for(v.url) for v in b.vacancies] for b in bundles(site)}}
    yield File(url("search_bundles_manifest"), json.dumps(manifest, separators=(",", ":")))
