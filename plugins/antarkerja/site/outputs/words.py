"""The national word index: keyword search of all Indonesia without Pagefind, and the counts
that keep a search without results from being a dead end.

A keyword search of every province through Pagefind reads each bundle's entry, chunks and
metadata: about 1.2 MB at 100,000 vacancies (docs/search.md). This index answers the same
search by reading **one small file per typed word**, then the browse shards
(:mod:`antarkerja.site.outputs.browse`) for the display data of the first page of results.

What is indexed (each vacancy once per word): the words of its title, of the synonym groups
its title holds (:mod:`antarkerja.site.synonyms`), of its employer's name, its place (regency's
short name and province, or city and country) and its minimum education, and the title's words without
an Indonesian prefix (``penjahit`` → ``jahit``, as Pagefind's stemmer would; :func:`roots`).
Not the description: that would make every file several times larger. A number alone (the
``12`` of "Operator 12") is not a word here, nor a word of :data:`COMMON_WORDS` ("pt",
"kabupaten": they narrow nothing and would be the largest lists).

``cari/kata/<key>.json`` (route ``search_words``), ``key`` the word's first two letters::

    {"operator": [[scope, ordinal, gap, gap, …], …], …}

``ordinal`` is the vacancy's position among the open vacancies counted **from the oldest**
(0), so that a new vacancy leaves every other ordinal, and so every other word's file, as it
was. The browse shards ``cari/data/semua/terbaru-<n>.json`` are cut by the same rule
(:func:`antarkerja.site.paginate.locate` gives the shard and place of ordinal ``o``; the
page reads the total from shard 1), so no display data is repeated here. Each ``scope``
(an index into :func:`scopes`: the provinces in code order, then overseas) lists its
ordinals ascending, the first whole and the rest as gaps. A search intersects the words'
ordinals scope by scope, so it knows at once how many vacancies match in every province
and in all: the search page names the nearest provinces with matches when a province has
none.

``cari/kata/kunci.json`` (route ``search_word_keys``), ``{"files": [key, …], "common":
[word, …], "scopes": [name, …]}``, lists the files (about 2 KB at 100,000), so the page asks
only for files that exist, the words left out of the index (:data:`COMMON_WORDS`), which the
page skips, and the scope names in index order (:func:`scopes`), so that a search in one
province or overseas takes that scope's ordinals alone.

``cari/kata/kartu/<n>.json`` (route ``search_word_cards``), the **display blocks**: the result
cards (browse items, :func:`antarkerja.site.outputs.browse.item`) of ten
vacancies a file, numbered by the listings' rule (:func:`antarkerja.site.paginate.slices`:
block 1 the newest 10–19 and ``"total"``, block 2 the oldest ten, …), so that one added
vacancy rewrites block 1 only (three blocks every tenth one) and a page reads the block of
ordinal ``o`` at ``paginate.locate(o, total, BLOCK_SIZE)``. The
browse shards hold the same items fifty a file (about 15 KB): the ten newest matches of a
word in one province were spread over up to eleven of them, 176 KB at 10,000 vacancies
("sragen" in Jawa Tengah); blocks of ten bound that to about 35 KB (docs/search.md).

**Scope lists** (:func:`scope_lists`), so that the index also answers words in one province or
overseas with filters and in another order (docs/search.md, "Filters and orders in a
province"):

* ``cari/kata/saring/<scope>/<option id>.json`` (route ``search_word_filter``): the ordinals
  of the scope's open vacancies holding that filter option (the page's ``data-id``: a
  regency, a sector, "SMK or lower"…), ``[first, gap, …]``;
* ``cari/kata/urut/<scope>/<order>.json`` (route ``search_word_order``): the scope's ordinals
  in the browse shards' order ``tutup`` or ``upah``
  (:data:`antarkerja.site.outputs.browse.ORDERS`, so both answer alike), ``[first,
  difference, …]``: within one deadline or salary the order is newest first, so most
  differences are small;
* ``cari/kata/tanggal.json`` (route ``search_word_dates``, :func:`date_starts`): each posting
  date's first ordinal, so "Tayang dalam" (dates of the reader's today) is an ordinal range.

The page intersects a word's ordinals in the scope with each chosen option's, and so knows
the exact count, then reads the cards of the first ten, in the order's list when one is
chosen. A new vacancy rewrites the lists of its own scope and options only. Written only for
a site without a national Pagefind bundle (above ``search.NATIONAL_BUNDLE_MAX`` open
vacancies): a smaller site searches words with Pagefind.

``cari/kata/wilayah.json`` (route ``search_places``), read only for that: the scope names
and, for each province, the others nearest first (great-circle distance between the
provincial capitals of ``content/reference/province-capitals.csv``).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from pathlib import Path

from antarkerja.site import cache
from antarkerja.site.outputs import File, OutputContext
from antarkerja.site.outputs.common import dump
from antarkerja.site.synonyms import Synonyms, fold, load_synonyms
from antarkerja.urls import url

CAPITALS_FILE = "province-capitals.csv"
KEY_LENGTH = 2  # a word's file is named by its first two letters
MIN_WORD = 2
# A file of more postings is split by three letters: about 24 KB gzipped at 1.2 bytes a
# posting (measured on a model of 100,000 vacancies, docs/search.md); a three-letter file
# still larger, by four (``pen.json``, 115 KB at 100,000: "penjahit" read "pendidikan" too).
SPLIT_POSTINGS = 20_000
MAX_KEY_LENGTH = 4
# As search.js's PREFIXES (Indonesian derivational prefixes, longest first within a family).
PREFIXES = (
    "meng",
    "meny",
    "men",
    "mem",
    "me",
    "peng",
    "peny",
    "pen",
    "pem",
    "per",
    "pe",
    "ber",
    "be",
    "ter",
    "di",
    "ke",
)
MIN_ROOT = 4  # a shorter remainder is more often a false root (be-kasi) than a real one
# Words that never narrow a national search, so the index leaves them out: an employer's legal
# form, a region's kind, and the little words of a phrase ("operator di bekasi"). Measured at
# 100,000 generated vacancies (docs/search.md, "Common words"): "kabupaten" is held by 60 % of
# them (a list of 152 KB), "pt" by 58 % (147 KB), "kota" by 27 % (73 KB), "cv" by 15 % (45 KB),
# "di" by 13 % of titles (31 KB); a query typing one read that list to keep nearly everything,
# and "di" even dropped the operators in Bekasi whose title lacks it. They are not written to
# cari/kata/; kunci.json carries this list and search.js skips a typed word on it (a query of
# only such words shows every vacancy, newest first, and says why). One home: search.js has
# no copy. Education ("sma", 31 %) and place words ("jawa", 26 %) narrow, and stay.
COMMON_WORDS = frozenset(
    {"pt", "cv", "ud", "tbk", "persero", "kabupaten", "kota", "provinsi", "di", "ke", "dan", "dari", "untuk", "yang"}
)


def roots(word: str) -> list[str]:
    """``word`` without one Indonesian prefix, as Pagefind's stemmer would find its root:
    ``penjahit`` → ``jahit``, ``penyapu`` → ``sapu``, ``pemasaran`` → ``pasaran``.

    Only for words of six letters or more, and remainders of at least :data:`MIN_ROOT`
    letters (one more after a two-letter prefix).
    """
    if len(word) < 6 or not word.isalpha():
        return []
    out = []
    for p in PREFIXES:
        if not word.startswith(p):
            continue
        rest = word[len(p) :]
        least = MIN_ROOT + (len(p) == 2)  # be-kasi, ke-bun: two letters are more often no prefix
        if p.endswith("ny"):
            out.append(("s" + rest, least))  # menyapu → sapu
        elif rest[:1] in "aiueo" and p in ("mem", "pem"):
            out.append(("p" + rest, least))  # pemasaran → pasaran
        out.append((rest, least))
    return list(dict.fromkeys(r for r, least in out if len(r) >= least))


def distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count one), as search.js's ``distance``."""
    d = [[i, *([0] * len(b))] for i in range(len(a) + 1)]
    d[0] = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def corrected(typo: str, word: str) -> bool:
    """Whether the search page's closest-word correction takes ``typo`` to ``word`` (same
    file, one edit for 6–7 letters, two from 8): such a synonym (``oprator``) need not be
    indexed, its postings would repeat the word's."""
    if len(typo) < 6 or typo[:KEY_LENGTH] != word[:KEY_LENGTH]:
        return False
    return distance(typo, word) <= (2 if len(typo) >= 8 else 1)


def vacancy_words(v, synonyms: Synonyms) -> set[str]:
    """The words one vacancy is found by in the national word index."""
    title = fold(v.title)
    words = set(title)
    words.update(x for x in fold(synonyms.extra_words(v.title)) if not any(corrected(x, t) for t in title))
    for w in title:
        words.update(roots(w))
    words.update(fold(v.employer["name"]))
    words.update(fold(place_text(v)))
    words.update(fold(v.education["name"]))
    return {w for w in words if len(w) >= MIN_WORD and not w.isdigit() and w not in COMMON_WORDS}


def remembered_words(synonyms: Synonyms):
    """:func:`vacancy_words`, from the build cache when this code found the words of the same
    texts with the same synonyms before (:class:`antarkerja.site.cache.TextMemo`): half the
    word index's time on a re-run at 100,000 vacancies went into finding them again."""
    memo = cache.ACTIVE.texts if cache.ACTIVE is not None else None
    if memo is None:
        return lambda v: vacancy_words(v, synonyms)
    kind = "words " + cache.digest(repr(cache.stable(synonyms)).encode("utf-8", "surrogatepass"))

    def words_of(v) -> list[str]:
        # Every text vacancy_words reads, as it reads it (the place already spelled out);
        # repr keeps the four apart whatever they hold.
        text = repr((v.title, v.employer["name"], place_text(v), v.education["name"]))
        return memo.get(kind, text, lambda: " ".join(sorted(vacancy_words(v, synonyms)))).split()

    return words_of


def place_text(v) -> str:
    """The place a vacancy is found by: the regency's short name (``Jakarta Pusat``, not
    ``Kota Administrasi Jakarta Pusat``, whose "administrasi" would make every Jakarta
    vacancy an answer to the job word) and the province; overseas, city and country."""
    if v.is_abroad:
        return v.location_text
    return f"{v.regency.short_name}, {v.province.name}"


def scopes(site) -> list[str]:
    """Scope names in index order: every province (code order), then overseas."""
    from antarkerja.site.search import SCOPE_VALUES

    return [p.name for p in site.provinces] + [SCOPE_VALUES[1]]


def scope_of(v, index: dict[str, int]) -> int:
    from antarkerja.site.search import SCOPE_VALUES

    return index[SCOPE_VALUES[1]] if v.is_abroad else index[v.province.name]


def postings(site, synonyms: Synonyms) -> dict[str, dict[int, list[int]]]:
    """word → scope → ordinals (ascending, 0 the oldest) of the open vacancies holding it."""
    index = {name: i for i, name in enumerate(scopes(site))}
    out: dict[str, dict[int, list[int]]] = {}
    words_of = remembered_words(synonyms)
    for ordinal, v in enumerate(reversed(site.open_vacancies)):  # from the oldest: see the module's docstring
        scope = scope_of(v, index)
        for w in words_of(v):
            out.setdefault(w, {}).setdefault(scope, []).append(ordinal)
    return out


def encode(by_scope: dict[int, list[int]]) -> list[list[int]]:
    """``{scope: [ordinals]}`` → ``[[scope, first, gap, …], …]`` (scopes ascending)."""
    out = []
    for scope, ords in sorted(by_scope.items()):
        out.append([scope, ords[0], *(b - a for a, b in zip(ords, ords[1:], strict=False))])
    return out


def word_files(site, synonyms: Synonyms) -> dict[str, dict[str, list]]:
    """File key (a word's first letters) → its words and their encoded postings.

    A two-letter file of more than :data:`SPLIT_POSTINGS` postings is split by the words'
    first three letters (``ope.json``); the two-letter file then holds only its two-letter
    words (and may be absent). A three-letter file still over it is split by four letters the
    same way (``penj.json``, ``pen.json`` keeping three-letter words), up to
    :data:`MAX_KEY_LENGTH`. ``cari/kata/kunci.json`` lists every file's key.
    """
    return files_of(postings(site, synonyms))


def files_of(words: dict[str, dict[int, list[int]]]) -> dict[str, dict[str, list]]:
    """:func:`word_files` of given postings (the bench models a larger site with it)."""
    keys = {w: w[:KEY_LENGTH] for w in words}
    for n in range(KEY_LENGTH, MAX_KEY_LENGTH):  # files of n letters, then their split files
        sizes: dict[str, int] = {}
        for w, key in keys.items():
            if len(key) == n:
                sizes[key] = sizes.get(key, 0) + sum(map(len, words[w].values()))
        split = {key for key, size in sizes.items() if size > SPLIT_POSTINGS}
        for w, key in keys.items():
            if key in split and len(w) > n:
                keys[w] = w[: n + 1]
    files: dict[str, dict[str, list]] = {}
    for w, by_scope in sorted(words.items()):
        files.setdefault(keys[w], {})[w] = encode(by_scope)
    return files


def read_capitals(folder: Path) -> dict[str, tuple[float, float]]:
    """Province code → (latitude, longitude) of its capital."""
    with (folder / CAPITALS_FILE).open(encoding="utf-8", newline="") as f:
        return {row["code"]: (float(row["latitude"]), float(row["longitude"])) for row in csv.DictReader(f)}


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, Earth radius 6,371 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def nearest(site, capitals: dict[str, tuple[float, float]]) -> list[list[int]]:
    """For each province (scope index), the other provinces' indexes nearest first."""
    provinces = list(site.provinces)
    missing = [p.code for p in provinces if p.code not in capitals]
    if missing:
        raise ValueError(f"{CAPITALS_FILE}: no capital for province code(s) {', '.join(missing)}")
    out = []
    for i, p in enumerate(provinces):
        others = [j for j in range(len(provinces)) if j != i]
        out.append(sorted(others, key=lambda j: (distance_km(capitals[p.code], capitals[provinces[j].code]), j)))
    return out


def display_blocks(site) -> Iterable[File]:
    """The result cards of every open vacancy, ten a file (``search.BLOCK_SIZE``), newest first within
    a file and numbered from the oldest (see the module's docstring); block 1 also gives the
    total, with which the page locates an ordinal."""
    from antarkerja.site.outputs.browse import item_texts
    from antarkerja.site.paginate import slices
    from antarkerja.site.search import BLOCK_SIZE

    texts = item_texts(site)
    items = [texts[v.id] for v in site.open_vacancies]
    for n, start, end in slices(len(items), BLOCK_SIZE):
        head = f'{{"total":{len(items)},"items":[' if n == 1 else '{"items":['
        yield File(url("search_word_cards", number=n), head + ",".join(items[start:end]) + "]}")


# The scope itself: a province's lists are its vacancies already, overseas ones have no province
SCOPE_PARAMS = ("provinsi", "lingkup")


def scope_lists(site) -> Iterable[File]:
    """Per scope, the ordinals of each filter option and the ordinals in each other order (see
    the module's docstring). Every option the page offers has its file in every scope that can
    hold it (a regency in its own province only), empty where no vacancy there has it, so the
    page never asks for a file that is not there."""
    from antarkerja.site.outputs.browse import ORDERS
    from antarkerja.site.search import filter_values, option_index

    names = scopes(site)
    index = {name: i for i, name in enumerate(names)}
    options = option_index(site)
    holding: dict[tuple[int, int], list[int]] = {}
    members: dict[int, list[tuple[int, object]]] = {}
    for ordinal, v in enumerate(reversed(site.open_vacancies)):  # from the oldest, as the postings
        scope = scope_of(v, index)
        members.setdefault(scope, []).append((ordinal, v))
        for pair in filter_values(v):
            opt = options.get(pair)
            if pair[0] not in SCOPE_PARAMS and opt is not None and opt["id"] is not None:
                holding.setdefault((scope, opt["id"]), []).append(ordinal)
    # Every option the page offers, in every scope that can hold it: a regency in its province.
    offered = {(index[r.province.name], options[("kabkota", r.name)]["id"]) for r in site.regencies}
    for (param, _), opt in options.items():
        if param not in (*SCOPE_PARAMS, "kabkota") and opt["id"] is not None:
            offered.update((scope, opt["id"]) for scope in range(len(names)))
    for scope, option in sorted(offered | set(holding)):
        yield File(
            url("search_word_filter", scope=scope, id=option), dump(differences(holding.get((scope, option), [])))
        )
    yield File(url("search_word_dates"), dump(date_starts(site)))
    for scope, pairs in sorted(members.items()):
        for order, sort_key in ORDERS.items():
            if sort_key is None:  # newest first: the postings' own order
                continue
            ranked = [o for o, v in sorted(pairs, key=lambda p: sort_key(p[1]))]
            yield File(url("search_word_order", scope=scope, order=order), dump(differences(ranked)))


def date_starts(site) -> dict[str, int]:
    """Posting date (ISO, ascending) → the first ordinal posted that day. Ordinals follow
    posting dates (the model orders open vacancies newest first, then by id), so the
    vacancies posted from date a to date b are the ordinals from ``a``'s start to the start
    of the first date after ``b``."""
    out: dict[str, int] = {}
    for ordinal, v in enumerate(reversed(site.open_vacancies)):
        out.setdefault(v.date_posted.isoformat(), ordinal)
    return out


def has_national_bundle(site) -> bool:
    from antarkerja.site.search import NATIONAL, bundles

    return any(b.scope == NATIONAL for b in bundles(site))


def differences(ords: list[int]) -> list[int]:
    """``[a, b, c]`` → ``[a, b - a, c - b]``: gaps for an ascending list, signed steps for a
    list in another order."""
    return [ords[0], *(b - a for a, b in zip(ords, ords[1:], strict=False))] if ords else []


def outputs(site, ctx: OutputContext) -> Iterable[File]:
    from antarkerja.paths import reference_dir

    root = ctx.root
    if ctx.synonyms is not None:  # the generator's, already read
        synonyms = ctx.synonyms
    else:
        synonyms = load_synonyms(root) if root is not None else Synonyms()
    files = word_files(site, synonyms)
    for key, words in sorted(files.items()):
        yield File(url("search_words", key=key), dump(words))
    keys = {"files": sorted(files), "common": sorted(COMMON_WORDS), "scopes": scopes(site)}
    yield File(url("search_word_keys"), dump(keys))
    yield from display_blocks(site)
    if not has_national_bundle(site):  # else Pagefind's national bundle answers every keyword search
        yield from scope_lists(site)
    folder = reference_dir(root) if root is not None else None
    capitals = read_capitals(folder) if folder is not None and (folder / CAPITALS_FILE).is_file() else {}
    near = nearest(site, capitals) if capitals else []
    yield File(url("search_places"), dump({"scopes": scopes(site), "near": near}))
