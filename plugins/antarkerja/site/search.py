"""Search: what each open vacancy tells Pagefind, the search page's controls, and the index step.

The search page (``/cari/``) reads its whole state from the URL, so a search can be shared on
WhatsApp, bookmarked and linked from region pages::

    /cari/?q=operator&provinsi=Jawa+Barat&kabkota=Kabupaten+Bekasi&urut=terbaru

``q``
    the words typed, at most :data:`MAX_QUERY` characters (longer input is cut).
``<filter>`` (one per entry in :data:`FILTERS`)
    the exact Indonesian label people see, which is also the Pagefind filter value, e.g.
    ``provinsi=Jawa Barat``, ``kabkota=Kabupaten Bekasi``, ``sektor=Industri pengolahan``,
    ``disabilitas=Ramah disabilitas``, ``tayang=7 hari terakhir``. A value the page does not
    offer is ignored (the page stays usable); so is any parameter it does not know.
``urut``
    ``terbaru`` (newest), ``tutup`` (closing soonest) or ``upah`` (highest salary); absent
    means best match for a query, newest when only filters are set.

Only open vacancies are found: the vacancy template marks its article ``data-pagefind-body``
while the vacancy is in its bundle (open, or expired by date since the bundle's last refresh
day, :mod:`antarkerja.site.index_window`; the page hides the latter by the ``tutup`` filter),
and :func:`index_site` refuses to let Pagefind fall back to indexing whole pages when no such
body exists.

What typing tolerates (Pagefind 1.5.2, index forced to Indonesian; measured in Chromium)
----------------------------------------------------------------------------------------
* **Prefixes**: every query word matches as a prefix of an indexed word, not only the last
  one: ``admin`` finds "administrasi", ``oper`` "operator", ``tekn list`` "teknisi
  listrik", ``adm gudang`` "administrasi gudang".
* **All known words must match**: ``operator truk`` finds only pages with both. A word found
  nowhere in the index is dropped instead of emptying the results (``operator zzzz`` finds
  the operators), so one typo among good words still returns something.
* **Indonesian stemming** (Pagefind's Snowball Indonesian stemmer, on the index and on the
  query): particles (-lah, -kah…), possessives (-ku, -mu, -nya), suffixes (-kan, -an, -i)
  and prefixes (di-, ke-, se-, ber-, ter-, me(N)-, pe(N)-, per-) are stripped. Measured:
  ``jahit`` ⇄ "penjahit", "menjahit", "jahitan"; ``sapu`` ⇄ "menyapu"; ``jual`` ⇄
  "penjualan"; ``pasar`` ⇄ "pemasaran"; ``rawat`` ⇄ "perawat", "perawatan"; ``bersih`` ⇄
  "kebersihan"; ``ajar`` ⇄ "mengajar", "pengajar"; ``layan`` ⇄ "melayani", "pelayanan";
  ``bayar`` ⇄ "pembayaran"; ``jaga`` ⇄ "menjaga", "penjaga"; ``lamar`` ⇄ "pelamar";
  ``pengemudi`` ⇄ "mengemudikan". Stemming also merges words: ``perawat`` finds a
  technician's "perawatan instalasi".
* **Case and punctuation** are ignored (``OPERATOR``, ``operator,``); emoji are ignored;
  a query in double quotes (``"operator produksi"``) must appear as that phrase.
* **Half-typed words**: the stemmer leaves short words alone, so while typing ``penjahit``
  the stages ``penj``…``penjah`` would match nothing (the index holds "jahit"). When a query
  finds nothing, the page (``search.js``) also searches the last word without its Indonesian
  prefix (``penja`` → ``ja``, ``menya`` → ``sa``, ``pengem`` → ``em``) and shows the union;
  only stages with one letter left after the prefix (``penj``, ``meny``) still show none.

* **Words people actually type** (:mod:`antarkerja.site.synonyms`): the groups of
  ``content/reference/search-synonyms.yml`` are expanded into each matching vacancy's indexed
  text at build time, so ``supir`` finds "Pengemudi", ``security`` "Satpam", ``SPG``
  "Pramuniaga", ``oprator`` "Operator", ``admistrasi`` "Administrasi", alone or with other
  words (``supir truk``).

What it does **not** do:

* no general spelling correction: a misspelling or variant missing from the synonym list
  (``operatr``, ``truck`` for "truk", ``english`` for "inggris") finds nothing in a bundle
  that holds the right word; in a bundle that lacks the typed word altogether, Pagefind 1.5
  shortens it until some prefix matches (measured: ``admistrasi`` in the sample Papua bundle,
  which has no administrative vacancy, matched a driver's page through "SIM A"), so a
  national search can show such stray results from other provinces;
* the stemmer drops a prefix but does not restore a root's lost first letter, so
  ``kirim`` does not find "pengiriman", ``tulis`` not "menulis"/"penulis", ``kelola`` not
  "mengelola", ``kemudi`` not "pengemudi"; the full words (``pengiriman``, ``menulis``,
  ``mengelola``, ``pengemudi``) do, and so do their other affixed forms;
* no substring matching inside words: ``mudi`` finds nothing;
* filter labels (province, sector…) are kept out of the searched words: ``Jawa Barat``
  as a query matches only vacancies whose own text names it; the province filter is exact.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from antarkerja.errors import SearchIndexFailed
from antarkerja.site import writer as site_writer
from antarkerja.site.index_window import CLOSING_FILTER, HIDDEN_DAYS
from antarkerja.site.pagefind_canon import sort_language
from antarkerja.site.query import rules as query_rules
from antarkerja.site.query import salary_figures
from antarkerja.urls import slugify, url
from antarkerja.wording import DAY_WORDS, DEADLINE, MONTHS, rupiah

# URL parameter → (Pagefind filter name, label shown above its options)
FILTERS = {
    "provinsi": ("provinsi", "Provinsi"),
    "kabkota": ("kabkota", "Kabupaten/kota"),
    "sektor": ("sektor", "Sektor (KBLI)"),
    "jabatan": ("jabatan", "Golongan jabatan (KBJI)"),
    "pendidikan": ("pendidikan", "Pendidikan saya"),
    "jenis": ("jenis", "Jenis hubungan kerja"),
    "cara_kerja": ("cara_kerja", "Cara kerja"),
    "lingkup": ("lingkup", "Dalam/luar negeri"),
    "disabilitas": ("disabilitas", "Ramah disabilitas"),
    "upah": ("upah", "Upah per bulan"),
    "tayang": ("tayang", "Tayang dalam"),
}
# ``urut`` value → (Pagefind sort key, direction, label)
SORTS = {
    "terbaru": ("terbaru", "desc", "Terbaru"),
    "tutup": ("tutup", "asc", "Segera ditutup"),
    "upah": ("upah", "desc", "Upah tertinggi"),
}
QUERY_PARAM = "q"
SORT_PARAM = "urut"
MAX_QUERY = 200
SEARCH_PATH = url("search")
INDEX_LANGUAGE = "id"

DISABILITY_VALUE = "Ramah disabilitas"
SCOPE_VALUES = ["Dalam negeri", "Luar negeri"]
# "Tayang dalam": the page's choices (URL values). What is indexed for each vacancy is its
# posting date (:func:`pagefind_filters`, and ``p`` of each browse item), which never changes;
# search.js turns a choice into the dates from n days before the reader's today to today, so
# no file changes when the date does (see docs/performance.md).
POSTED_VALUES = {7: "7 hari terakhir", 30: "30 hari terakhir"}
POSTED_FILTER = "tayang"
# The controls of the search page, grouped into fieldsets (legend, URL parameters).
FIELDSETS = [
    ("Lokasi", ["provinsi", "kabkota", "lingkup"]),
    ("Pekerjaan", ["sektor", "jabatan", "jenis", "cara_kerja"]),
    ("Syarat, upah dan waktu tayang", ["pendidikan", "upah", "tayang", "disabilitas"]),
]


def education_values(v) -> list[str]:
    """Education labels whose holder may apply: the vacancy's minimum and every level above.

    The ``pendidikan`` filter answers "what my education qualifies me for": choosing SMK/MAK
    shows vacancies asking SMK/MAK or less (ranks from ``content/reference/education.yml``;
    levels of equal rank, SMA and SMK, qualify for each other).
    """
    rank = v.education["rank"]
    return [item["name"] for item in v.ref.education.values() if item["rank"] >= rank]


def pagefind_filters(v) -> list[tuple[str, str]]:
    """(filter, value) pairs Pagefind indexes for one open vacancy.

    As :func:`filter_values` but with the vacancy's own education level only: the page asks
    Pagefind for ``{"any": [every level up to the reader's]}``, which keeps the filter file
    to one entry a page (cumulative values made it seven times larger: 54 KB for 10,560
    pages). Likewise ``tayang`` is the posting date (ISO): the page asks for ``{"any": [the
    dates of the last 7 or 30 days of the reader's today]}`` (:data:`POSTED_VALUES`), and
    ``tutup`` the closing date (ISO), by which the page hides a vacancy that expired but is
    still in its bundle (:mod:`antarkerja.site.index_window`).
    """
    pairs = filter_values(v)
    own = v.education["name"]
    out = [(name, value) for name, value in pairs if name != "pendidikan" or value == own]
    return [*out, (POSTED_FILTER, v.date_posted.isoformat()), (CLOSING_FILTER, v.valid_through.isoformat())]


def filter_values(v) -> list[tuple[str, str]]:
    """(filter, value) pairs one open vacancy matches; a filter may repeat (``pendidikan``).

    Values are exact strings: the search page offers exactly these labels, and the URL
    carries them unchanged. An overseas vacancy has no ``provinsi``/``kabkota`` (its work is
    not in an Indonesian region): it lives in the "Luar negeri" scope. Option counts and
    the browse shards use these. Not ``tayang``: whether a vacancy was posted in the last 7
    days depends on the reader's today, so the page decides it from the posting date.
    """
    pairs = []
    if not v.is_abroad:
        pairs += [("provinsi", v.province.name), ("kabkota", v.regency.name)]
    pairs += [
        ("sektor", v.kbli["short_name"]),
        ("jabatan", v.kbji_group["short_name"]),
        *(("pendidikan", name) for name in education_values(v)),
        ("jenis", v.employment_type_label),
        ("cara_kerja", v.work_mode_label),
        ("lingkup", SCOPE_VALUES[1] if v.is_abroad else SCOPE_VALUES[0]),
        ("upah", v.salary_band),
    ]
    if v.is_disability_friendly:
        pairs.append(("disabilitas", DISABILITY_VALUE))
    return pairs


def posted_within(v, days: int, today) -> bool:
    """Whether ``v`` is found by "Tayang dalam <days> hari terakhir" on ``today``: posted
    from ``days`` days before ``today`` to ``today``. ``search.js`` (``postedRange``) decides
    it the same way from the reader's today; this is the reference the tests compare with."""
    return 0 <= (today - v.date_posted).days <= days


def pagefind_sorts(v) -> dict[str, str]:
    """Sort keys as zero-padded strings so Pagefind's string sort orders them right.

    Each ends with the vacancy's id, so no two pages tie: equal dates or salaries are then
    ordered by id, not by the order Pagefind happened to find the files (which would make
    the index differ between builds). Every open vacancy has all three keys (a page lacking a key drops out of results sorted
    by it); an undisclosed or foreign-currency salary sorts as 0, last under "upah tertinggi".
    """
    return {
        "terbaru": f"{v.date_posted.isoformat()} {v.id}",
        "tutup": f"{v.valid_through.isoformat()} {v.id}",
        "upah": f"{max(0, int(v.salary_monthly)):012d} {v.id}",
    }


def pagefind_meta(v) -> dict[str, str]:
    """What a search result shows besides the title (``data-pagefind-meta="title"``).

    ``valid_through`` and ``posted`` are ISO dates: the page computes "n hari lagi" and
    "Tayang n hari lalu" from the reader's today, so a result never shows a count frozen at
    build time. ``example`` is present only for sample records ("Data contoh"). The result
    card shows what a listing card shows (``macros.vacancy_card``).
    """
    meta = {
        "employer": v.employer["name"],
        "location": v.location_text,
        "salary": v.salary_text,
        "type": v.employment_type_label,
        "education": v.education["name"],
        "posted": v.date_posted.isoformat(),
        "valid_through": v.valid_through.isoformat(),
    }
    if v.is_example:
        meta["example"] = "1"
    figures = salary_figures(v)  # a typed salary ("gaji 5 juta") is compared with these (search.js)
    if figures:
        meta["gaji"] = " ".join(map(str, figures))
    return meta


def search_link(siteurl: str = "", **params: str) -> str:
    """URL of the search page with ``params`` preset, e.g. ``provinsi="Jawa Barat"``.

    Names are ``q``, ``urut`` or a key of :data:`FILTERS`; anything else is a programming
    error and raises ``ValueError`` rather than producing a link the page would ignore.
    Spaces become ``+`` exactly as the page writes its own URL.
    """
    unknown = [k for k in params if k not in FILTERS and k not in (QUERY_PARAM, SORT_PARAM)]
    if unknown:
        raise ValueError(f"search_link: unknown search parameter(s) {', '.join(unknown)}")
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{siteurl}/{SEARCH_PATH}" + (f"?{query}" if query else "")


def region_search_link(siteurl: str, region) -> str:
    """ "Cari di <region>": the search page filtered to a model ``Region``."""
    if region.kind == "province":
        return search_link(siteurl, provinsi=region.name)
    return search_link(siteurl, provinsi=region.province.name, kabkota=region.name)


def similar_search_link(siteurl: str, v) -> str:
    """ "Cari lowongan serupa": the search page filtered to ``v``'s occupation group and
    place (its regency; overseas, the "Luar negeri" scope), the same filters its own page
    matches (:func:`pagefind_filters`). Under the short "Lowongan serupa" list, and in its
    place on a closed vacancy's page."""
    group = v.kbji_group["short_name"]
    if v.is_abroad:
        return search_link(siteurl, jabatan=group, lingkup=SCOPE_VALUES[1])
    return search_link(siteurl, jabatan=group, provinsi=v.province.name, kabkota=v.regency.name)


def _reference(site):
    if getattr(site, "ref", None) is not None:  # the model's own (a site without any record has one too)
        return site.ref
    for item in (*site.vacancies, *site.offices):
        return item.ref
    return None


def per_model(site, name: str, make):
    """``make(site)`` once per model object (the page, the shards and the word index read the
    same values)."""
    cache = site.__dict__.setdefault("_search_cache", {})
    if name not in cache:
        cache[name] = make(site)
    return cache[name]


def _counts(site) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for v in site.open_vacancies:
        for pair in filter_values(v):
            counts[pair] = counts.get(pair, 0) + 1
    return counts


def search_options(site) -> list[dict]:
    """The search page's filter controls, grouped into fieldsets, with their options.

    Returns ``[{"legend": str, "controls": [control, …]}, …]``; a control is a dict with
    ``param``, ``filter``, ``label``, ``kind`` (``"select"`` or ``"checkbox"``) and either
    ``options`` (list of option dicts), ``groups`` (``[(province name, [options])]`` for
    ``kabkota``: not in the page, see :func:`regency_lists`) or ``value``/``option`` (the
    checkbox's). An option dict has ``value`` (the
    URL and Pagefind value), ``count`` (open vacancies with it), ``id`` (a number unique on
    the page, used by the browse shards to name an item's values) and ``key`` (the folder of
    its browse shards, see :mod:`antarkerja.site.outputs.browse`).

    Fixed vocabularies list every value, so a shared or linked URL keeps its meaning when no
    vacancy currently has that value (its count is 0 and the page marks it). All 38
    provinces are listed, after "Seluruh Indonesia" (the explicit national scope); regencies
    are those that have a page (open vacancies or an office), so every "Cari di …" link is
    understood, and the page loads them one province at a time.
    """
    return per_model(site, "options", _search_options)


def _search_options(site) -> list[dict]:
    from antarkerja.records.schema.vacancy import WORK_MODES
    from antarkerja.salary import BANDS as SALARY_BANDS

    ref = _reference(site)
    counts = _counts(site)
    vocab: dict[str, list[str]] = {
        "provinsi": [r.name for r in site.provinces],
        "lingkup": list(SCOPE_VALUES),
        "cara_kerja": list(WORK_MODES.values()),
        "upah": list(SALARY_BANDS),
        "tayang": list(POSTED_VALUES.values()),
        "disabilitas": [DISABILITY_VALUE],
    }
    slugs = {("provinsi", r.name): r.slug for r in site.provinces}
    slugs.update({("kabkota", r.name): r.slug for r in site.regencies})
    if ref is not None:
        vocab["sektor"] = [item["short_name"] for _, item in sorted(ref.kbli.items())]
        vocab["jabatan"] = [item["short_name"] for _, item in sorted(ref.kbji.items())]
        vocab["pendidikan"] = [item["name"] for item in ref.education.values()]
        vocab["jenis"] = [item["name"] for item in ref.employment_types.values()]
    # Values actually used are always offered, whatever the reference lists.
    for name, value in sorted(counts):
        if name in vocab and value not in vocab[name]:
            vocab[name].append(value)
    ids = iter(range(1, 1_000_000))

    total = len(site.open_vacancies)

    def option(param: str, value: str, text: str | None = None) -> dict:
        slug = slugs.get((param, value)) or slugify(value, empty="x")
        count = counts.get((param, value), 0)
        shard = param != "pendidikan" and 0 < count <= DENSE * total
        key = f"{param}/{slug}"
        return {"value": value, "text": text or value, "count": count, "id": next(ids), "key": key, "shard": shard}

    national = {"value": NATIONAL, "text": NATIONAL, "count": total, "id": 0, "key": "semua", "shard": True}

    groups: dict[str, list[dict]] = {}
    for region in site.regencies:
        groups.setdefault(region.province.name, []).append(option("kabkota", region.name))
    out = []
    for legend, params in FIELDSETS:
        controls = []
        for param in params:
            name, label = FILTERS[param]
            control = {"param": param, "filter": name, "label": label, "kind": "select"}
            if param == "disabilitas":
                opt = option(param, DISABILITY_VALUE)
                control.update(kind="checkbox", value=DISABILITY_VALUE, option=opt)
                control["label"] = f"Hanya lowongan ramah disabilitas ({rupiah(opt['count'])})"
            elif param == "kabkota":
                control["groups"] = list(groups.items())
                control["help"] = "Pilih provinsi dulu; daftarnya mengikuti provinsi itu."
            elif param == POSTED_FILTER:  # no count: it would change every day (POSTED_VALUES)
                control["options"] = [
                    {**option(param, v), "count": None, "id": None, "shard": False} for v in vocab[param]
                ]
            elif param == "pendidikan":
                ranks = {item["name"]: item["rank"] for item in ref.education.values()} if ref else {}
                control["options"] = [
                    {**option(param, v, f"{v} atau di bawahnya"), "rank": ranks.get(v, 99)} for v in vocab[param]
                ]
                control["help"] = (
                    "Menampilkan lowongan yang bisa dilamar dengan pendidikan ini atau yang syaratnya lebih rendah."
                )
            else:
                control["options"] = [option(param, v) for v in vocab.get(param, [])]
                if param == "provinsi":
                    control["options"].insert(0, national)
            controls.append(control)
        out.append({"legend": legend, "controls": controls})
    return out


def option_index(site) -> dict[tuple[str, str], dict]:
    """``(param, value)`` → option dict of :func:`search_options`, for every option."""

    def make(site):
        index = {}
        for fieldset in search_options(site):
            for c in fieldset["controls"]:
                opts = c.get("options") or [o for _, group in c.get("groups", []) for o in group]
                if c["kind"] == "checkbox":
                    opts = [c["option"]]
                for o in opts:
                    index[(c["param"], o["value"])] = o
        return index

    return per_model(site, "option_index", make)


# Pagefind bundles: one national bundle while the site is small; above that one per province
# (split when large) and one overseas

NATIONAL = "Seluruh Indonesia"  # the explicit national scope, a value of ``provinsi``
OVERSEAS_BUNDLE = "luar-negeri"
NATIONAL_BUNDLE = "semua"  # every open vacancy in one bundle, the only one while the site is small
MAX_BUNDLE_PAGES = 14_000  # one Pagefind run of 13,150 pages peaked at 1.08 GB; see bundles() on why not smaller
# Largest site (open vacancies) whose one bundle is the national one. Measured at 10,000, a
# province search with words through one national bundle read 281-325 KB (its page list, ~6.4 B
# a page, and a filter file, ~2 B a page, grow with the site), over the 300 KB budget; at
# 5,000 that model gives about 275 KB at most (not measured). Above it, bundles per province
# and overseas, and a keyword search of all Indonesia reads the national word index
# (antarkerja.site.outputs.words). The environment variable sets another number (a test
# builds a small site as a large one is built), never above MAX_BUNDLE_PAGES.
NATIONAL_BUNDLE_MAX = 5_000
NATIONAL_BUNDLE_SETTING = "ANTARKERJA_NATIONAL_BUNDLE_MAX"


def national_bundle_max() -> int:
    """:data:`NATIONAL_BUNDLE_MAX`, or the number :data:`NATIONAL_BUNDLE_SETTING` gives, at most
    :data:`MAX_BUNDLE_PAGES`."""
    value = os.environ.get(NATIONAL_BUNDLE_SETTING, "").strip()
    return min(MAX_BUNDLE_PAGES, int(value) if value.isdigit() else NATIONAL_BUNDLE_MAX)


@dataclass
class Bundle:
    """One Pagefind index: every open vacancy (a small site), or those of one province (or part
    of it), or overseas."""

    key: str  # folder under pagefind/, e.g. "jawa-barat" or "jawa-barat-2"
    scope: str  # province name or SCOPE_VALUES[1]
    vacancies: list = field(repr=False)
    regencies: list[str] = field(default_factory=list)


def bundles(site) -> list[Bundle]:
    """The Pagefind bundles of ``site``, in a stable order (province code, then part).

    A province with more than :data:`MAX_BUNDLE_PAGES` open vacancies is split into equal
    parts ordered by regency code then id, so a regency usually falls in one part and a
    search limited to a regency loads only the parts that hold it. Splitting does not make a
    province search smaller (each part brings its own metadata, ~11 B a page) and Pagefind
    orders results merged from several bundles by relevance only, losing a chosen sort; so
    parts are only for memory, at a size that indexes well under 2 GB.

    Each open vacancy (and each expired one waiting for its bundle's refresh day,
    ``Site.indexed_vacancies``) is in exactly one bundle, so each page is indexed once (a national
    bundle beside the province ones indexed every page twice: 56 s instead of 28 s at 10,000).
    While the site is small (:func:`national_bundle_max`) that bundle is the national one:
    a search of all Indonesia reads it (instead of 39 bundles, each bringing its own entry,
    chunks and metadata: 522 KB at 10,000), and so does a province, regency or overseas search,
    narrowed by Pagefind's ``provinsi``/``kabkota``/``lingkup`` filters and sorted exactly as
    one bundle is. Larger sites have bundles per province and overseas: a province search then
    reads only its own, and a keyword search of all Indonesia the national word index
    (:mod:`antarkerja.site.outputs.words`).
    """

    def make(site):
        indexed = site.indexed_vacancies  # open, and expired since their refresh day (index_window)
        if site.open_vacancies and len(site.open_vacancies) <= national_bundle_max():
            return [Bundle(NATIONAL_BUNDLE, NATIONAL, sorted(indexed, key=lambda v: v.id))]
        by_province: dict[str, list] = {}
        for v in indexed:
            if not v.is_abroad:
                by_province.setdefault(v.location["province"], []).append(v)
        out = []
        for province in site.provinces:
            pages = sorted(by_province.get(province.code, []), key=lambda v: (v.regency.code, v.id))
            if not pages:
                continue
            parts = -(-len(pages) // MAX_BUNDLE_PAGES)
            size = -(-len(pages) // parts)
            for n in range(parts):
                chunk = pages[n * size : (n + 1) * size]
                key = province.slug if parts == 1 else f"{province.slug}-{n + 1}"
                regencies = list(dict.fromkeys(v.regency.name for v in chunk))
                out.append(Bundle(key, province.name, chunk, regencies))
        abroad = sorted((v for v in indexed if v.is_abroad), key=lambda v: v.id)
        if abroad:
            out.append(Bundle(OVERSEAS_BUNDLE, SCOPE_VALUES[1], abroad))
        return out

    return per_model(site, "bundles", make)


def regency_lists(site) -> dict[str, dict]:
    """Province slug → the regency options ``search.js`` loads when that province is chosen.

    The page itself lists no regency: at national scale (514 regencies) their options and
    bundle lists added ~60 KB to every search URL, where a province's list is ~3 KB and read
    only once a province is chosen. Each option: ``v`` value, ``i`` id, ``n`` count, ``k``
    its browse shards' key (only when it has shards, as ``data-key`` in the page) and, in a
    province split into several Pagefind bundles, ``b``: the bundles holding its vacancies.
    """
    return per_model(site, "regencies", _regency_lists)


def regency_key(name: str) -> str:
    """The file of ``cari/kabkota-nama/`` that names the province of the regency ``name``:
    the first two letters a–z of its last word, lower case ("Kota Administrasi Jakarta
    Pusat" → ``pu``; ``_`` when there are none). A link naming a regency without its province
    reads that file (at most 1.8 KB of 514 regencies) instead of all of them (19.3 KB).
    ``query.js`` (``regencyKey``) does the same; tests/fixtures/conformance/regency-keys.json
    proves both."""
    words = name.split()
    letters = "".join(c for c in (words[-1].lower() if words else "") if "a" <= c <= "z")
    return letters[:2] or "_"


def _regency_lists(site) -> dict[str, dict]:
    split: dict[str, list[Bundle]] = {}
    for b in bundles(site):
        split.setdefault(b.scope, []).append(b)
    slugs = {p.name: p.slug for p in site.provinces}
    regencies = next(c for fs in search_options(site) for c in fs["controls"] if c["param"] == "kabkota")
    out: dict[str, dict] = {}
    for province, options in regencies["groups"]:
        parts = split.get(province, [])
        items = []
        for o in options:
            item = {"v": o["value"], "i": o["id"], "n": o["count"]}
            if o["shard"]:
                item["k"] = o["key"]
            if len(parts) > 1:
                item["b"] = [b.key for b in parts if o["value"] in b.regencies]
            items.append(item)
        out[slugs[province]] = {"provinsi": province, "kabkota": items}
    return out


def education_names(site) -> dict[str, str]:
    """Education code → the page's label (``content/reference/education.yml``)."""
    ref = _reference(site)
    return {code: item["name"] for code, item in ref.education.items()} if ref is not None else {}


def search_page_data(site) -> str:
    """What ``search.js`` needs besides the form: bundles per scope, where each province's
    regencies are, and the files of the national word index.

    JSON for a ``<script type="application/json">``; ``<``, ``>`` and ``&`` are escaped.
    """
    scopes: dict[str, list] = {}
    for b in bundles(site):
        scopes.setdefault(b.scope, []).append(b.key)
    data = {
        "scopes": scopes,
        "regencies": {item["provinsi"]: slug for slug, item in regency_lists(site).items()},
        "regencyList": url("search_regencies", key="{key}"),
        "regencyIndex": url("search_regency_index", key="{key}"),
        "national": NATIONAL,
        "words": url("search_words", key="{key}"),
        "wordKeys": url("search_word_keys"),
        "places": url("search_places"),
        "sortLanguage": sort_language(INDEX_LANGUAGE, "{key}"),
        "perShard": SHARD_SIZE,
        "cards": url("search_word_cards", number="{n}"),
        "perCard": BLOCK_SIZE,
        "scopeFilter": url("search_word_filter", scope="{scope}", id="{id}"),
        "scopeOrder": url("search_word_order", scope="{scope}", order="{order}"),
        "scopeDates": url("search_word_dates"),
        "shard": url("search_shard", key="{key}", order="{order}", number="{n}"),
        "bundle": url("search_bundle", key="{key}"),
        "engine": url("search_engine"),
        "engineVersion": engine_version(),
        "vacancy": url("vacancy", id="{id}"),
        "deadline": DEADLINE,
        "days": DAY_WORDS,  # day counts as wording.days_left_text and posted_ago_text write them
        "months": MONTHS,  # dates written by search.js read as wording.tanggal
        "query": query_rules(education_names(site)),
        # "Tayang dalam": the filter's name and each choice's days (POSTED_VALUES)
        "posted": {"filter": FILTERS[POSTED_FILTER][0], "days": {label: d for d, label in POSTED_VALUES.items()}},
        # Expired but still in a bundle until its refresh day (index_window): hidden by date
        "closing": {"filter": CLOSING_FILTER, "days": HIDDEN_DAYS},
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


SHARD_SIZE = 50  # browse items per shard file
BLOCK_SIZE = 10  # result cards per display block of the word index (antarkerja.site.outputs.words)
DENSE = 0.5  # a filter value held by more than this share of open vacancies gets no shard


# Jinja globals the site build exposes to templates: ``env.globals.update(JINJA_GLOBALS)``.
JINJA_GLOBALS = {
    "pagefind_filters": pagefind_filters,
    "pagefind_sorts": pagefind_sorts,
    "pagefind_meta": pagefind_meta,
    "search_link": search_link,
    "region_search_link": region_search_link,
    "similar_search_link": similar_search_link,
    "search_options": search_options,
    "search_page_data": search_page_data,
    "SEARCH_NATIONAL": NATIONAL,
    "SEARCH_SORTS": SORTS,
    "SEARCH_MAX_QUERY": MAX_QUERY,
}


# Index -----------------------------------------------------------------------------------

# Pagefind writes these for its own ready-made UIs; our page uses only pagefind.js.
_UNUSED_BUNDLE_FILES = [
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
]
NO_BODY_MARKER = "Did not find a data-pagefind-body element"
# Pagefind's engine, the same bytes in every bundle (about 116 KB with the Indonesian WASM):
# kept once under the route ``search_engine`` so a phone downloads it once for all bundles.
# search.js imports pagefind.js from there and answers Pagefind's request for a bundle's
# WASM with the engine's copy (:func:`share_engine`).
ENGINE_FILES = ("pagefind.js",)
ENGINE_PATTERNS = ("wasm.*.pagefind",)
DROPPED_ENGINE_FILES = ("pagefind-worker.js",)  # the page runs Pagefind without a worker


def engine_version() -> str:
    """The installed Pagefind version, in the engine's URL (``?v=``) so a new one is fetched."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind-bin")
    except PackageNotFoundError:  # pragma: no cover - search cannot be built without it
        return "0"


def share_engine(root_bundle: Path, bundle_dirs: list[Path]) -> None:
    """Move the engine files of every bundle into one folder (``search_engine``), after
    checking that every bundle's copy has the same bytes (one Pagefind run after another:
    they do; if not, the index step stops rather than mix engines)."""
    engine = root_bundle.parent / url("search_engine")
    if engine.is_dir():
        shutil.rmtree(engine)
    engine.mkdir(parents=True)
    for bundle in bundle_dirs:
        names = [*ENGINE_FILES, *(f.name for pattern in ENGINE_PATTERNS for f in bundle.glob(pattern))]
        for name in names:
            src, kept = bundle / name, engine / name
            if not kept.exists():
                shutil.copyfile(src, kept)
            elif kept.read_bytes() != src.read_bytes():
                raise SearchIndexFailed(f"Mesin Pagefind di {bundle} berbeda dengan bundel lain: {name}.")
            src.unlink()
        for name in DROPPED_ENGINE_FILES:
            (bundle / name).unlink(missing_ok=True)


# Labels and headings of a vacancy page ("Lokasi", "Upah", "Kualifikasi"...) are not
# indexed: the same words on every page would match every query. One selector here instead
# of a data-pagefind-ignore attribute on each of them keeps every vacancy page smaller.
EXCLUDE_SELECTORS = ".vac dt, .vac h2"

BUNDLES_MANIFEST = url("search_bundles_manifest")  # written by outputs.browse, read and removed here


BODY_MARKER = b" data-pagefind-body"


def indexed_part(page: bytes) -> bytes | None:
    """The element of a page that the search index reads, the ``<article>`` marked
    ``data-pagefind-body`` (a vacancy's), as its bytes; None when there is none.

    Bundles are indexed from this element alone (:func:`write_index_document`) and keyed by
    its digest (``BuildCache.index_digest``), so a bundle is exactly a function of what is
    hashed, whatever else the page says (a vacancy that expired but stays in its bundle
    until the refresh day, :mod:`antarkerja.site.index_window`, has a closed banner outside
    it). Only a tag can hold ``<article`` (text and attribute values are escaped), and a tag
    ends at its first ``>``, so a title or description that spells out the marker is never
    taken for it. Linear: each byte is searched once.
    """
    at = page.find(b"<article")
    while at >= 0:
        close = page.find(b">", at)
        if close < 0:
            return None
        if BODY_MARKER in page[at:close]:
            end = page.find(b"</article>", close)
            if end < 0:
                raise SearchIndexFailed("Elemen data-pagefind-body halaman lowongan tidak ditutup.")
            return page[at : end + len(b"</article>")]
        at = page.find(b"<article", close)
    return None


INDEX_DOCUMENT = b'<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"></head><body>%s</body></html>\n'


def write_index_document(page_path: Path, dest: Path, bundle_key: str) -> None:
    """What Pagefind reads of one page: its :func:`indexed_part` alone, in a bare HTML page
    at the page's own path (so result URLs stay ``/lowongan/<id>/``)."""
    part = indexed_part(page_path.read_bytes())
    if part is None:
        raise SearchIndexFailed(f"Halaman lowongan terbuka di bundel {bundle_key} tidak bertanda data-pagefind-body.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(INDEX_DOCUMENT % part)


def _run_pagefind(site_dir: Path, out_dir: Path, timeout: float | None) -> str:
    # Absolute paths: a folder name starting with "-" is never read as an option.
    cmd = [sys.executable, "-m", "pagefind_bin", "--site", str(Path(site_dir).resolve())]
    cmd += ["--force-language", INDEX_LANGUAGE, "--exclude-selectors", EXCLUDE_SELECTORS]
    if out_dir is not None:
        cmd += ["--output-path", str(Path(out_dir).resolve())]
    env = {**os.environ, "NO_COLOR": "1"}
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, encoding="utf-8", errors="replace", env=env, timeout=timeout
        )
    except FileNotFoundError as exc:  # pragma: no cover - the interpreter itself vanished
        raise SearchIndexFailed(f"Pagefind tidak bisa dijalankan: {exc}") from None
    except subprocess.TimeoutExpired:
        raise SearchIndexFailed(f"Pagefind tidak selesai dalam {timeout:.0f} detik.") from None
    output = (proc.stdout or "") + (proc.stderr or "")
    if proc.returncode != 0:
        lines = [ln for ln in output.splitlines() if ln.strip()]
        errors = [ln for ln in lines if "error" in ln.lower()] or lines[-8:]
        detail = "\n  ".join(dict.fromkeys(errors)) or "(tanpa keluaran)"
        if "No module named pagefind_bin" in output:
            detail += "\n  Pasang dengan: pip install pagefind-bin"
        raise SearchIndexFailed(f"Pagefind gagal membuat indeks pencarian (kode keluar {proc.returncode}):\n  {detail}")
    return output


def _check_bundle(bundle: Path) -> int:
    """Pages of a finished bundle; removes the files our page does not use."""
    entry_path = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SearchIndexFailed(f"Pagefind selesai tetapi {entry_path} tidak terbaca: {exc}") from None
    languages = entry.get("languages") or {}
    if list(languages) != [INDEX_LANGUAGE]:
        raise SearchIndexFailed(
            f"Indeks pencarian berbahasa {', '.join(languages) or '(tidak ada)'}, seharusnya hanya '{INDEX_LANGUAGE}'."
        )
    for name in _UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    return int(languages[INDEX_LANGUAGE]["page_count"])


def _cached_page_count(entry_path: Path) -> int:
    """Pages of a canonical bundle restored from the build cache (checked when it was made),
    from its ``pagefind-entry.json``."""
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    return int(entry["languages"][INDEX_LANGUAGE]["page_count"])


def shard_bundles(bundles: dict[str, list], shard: tuple[int, int]) -> set[str]:
    """The bundle keys shard ``K`` of ``N`` indexes (``shard`` is ``(K, N)``, K from 1): the
    largest bundles first, each to the shard with the fewest pages so far (ties: lowest
    number), so shards take about equal indexing work. Every machine computes the same split."""
    k, n = shard
    load = [0] * n
    mine = set()
    for key in sorted(bundles, key=lambda b: (-len(bundles[b]), b)):
        target = min(range(n), key=lambda i: (load[i], i))
        load[target] += len(bundles[key])
        if target == k - 1:
            mine.add(key)
    return mine


def index_site(output_dir, *, timeout: float | None = None, cache=None, shard: tuple[int, int] | None = None) -> dict:
    """Index the open vacancy pages under ``output_dir`` with Pagefind; return stats.

    With the bundle list the site build writes (:data:`BUNDLES_MANIFEST`, see
    :func:`bundles`), each bundle is indexed on its own, one after another, into
    ``pagefind/<key>/``: Pagefind reads a staging tree of that bundle's pages, each reduced to
    its :func:`indexed_part` (:func:`write_index_document`; result URLs stay
    ``/lowongan/<id>/``), and its memory is that of one bundle. A bundle is keyed by the
    digests of those parts, so it is indexed again only when one of them changes. Without
    the list (a stand-in site) the whole site becomes one bundle in ``pagefind/``. Either way
    the bundles are then made byte-identical between runs (:mod:`antarkerja.site.pagefind_canon`).

    Runs ``python -m pagefind_bin`` (the Pagefind binary that ``pagefind-bin`` installs),
    after removing any earlier ``pagefind/`` so stale hash-named chunks do not pile up.
    Returns ``{"pages", "bundles", "seconds", "bytes", "files", "language", "version",
    "pagefind_peak_mb"}``; ``pagefind_peak_mb`` is the largest child process's peak memory
    (one Pagefind run).

    When no page carries ``data-pagefind-body`` (no open vacancy, or a template lost the
    marker) Pagefind would index every page of the site, closed vacancies included; instead
    the bundle is removed and ``pages`` is 0 (the search page then says search is not
    available). Raises :class:`SearchIndexFailed` with Pagefind's own message when it fails.
    """
    from antarkerja.site import pagefind_canon

    output_dir = Path(output_dir)
    if not output_dir.is_dir():
        raise SearchIndexFailed(f"Indeks pencarian tidak dibuat: folder {output_dir} tidak ada.")
    root_bundle = output_dir / "pagefind"
    if root_bundle.is_dir():
        shutil.rmtree(root_bundle)
    manifest_path = output_dir / BUNDLES_MANIFEST
    # The site this build replaces (writer.LOG, set by build_site): restored bundles link its
    # unchanged files and say so, as the page writers do.
    log = site_writer.LOG if site_writer.LOG is not None and site_writer.LOG.output == output_dir else None
    previous = log.previous if log is not None else None
    sparse = log is not None and log.sparse  # unchanged files stay in the previous output (site.publish)
    site_file = log.locate if log is not None else (lambda rel: output_dir / rel)
    started = time.perf_counter()
    pages = 0
    keys: list[str] = []
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest_path.unlink()
        staging = output_dir.parent / f".{output_dir.name}.pagefind-{os.getpid()}"
        try:
            selected = shard_bundles(manifest["bundles"], shard) if shard else None
            for key, files in manifest["bundles"].items():
                if selected is not None and key not in selected:
                    continue  # another shard's (``antarkerja build --shard``)
                # A bundle is a function of its pages' paths and bytes (and the code): with a
                # build cache, an unchanged bundle is copied back instead of indexed again.
                cache_key = None
                if cache is not None and cache.enabled:
                    cache_key = cache.bundle_key(key, [(rel, cache.index_digest(rel, site_file)) for rel in files])
                folder = url("search_bundle", key=key).lstrip("/")
                restored = (set(), set())
                if cache_key is not None and cache.restore_bundle(
                    cache_key, root_bundle / key, previous and previous / folder, restored, sparse
                ):
                    count = _cached_page_count(site_file(folder + "pagefind-entry.json"))
                    if log is not None:  # site-relative: keep_unchanged takes them as they are
                        log.add(*({folder + rel for rel in found} for found in restored))
                elif cache is not None and cache.require_hits:  # a merge: the shards indexed every bundle
                    raise SearchIndexFailed(
                        f"Bundel pencarian {key} tidak ada di hasil shard: isi, kode atau tanggal berbeda "
                        "dengan saat shard dibangun. Bangun ulang semua shard dari commit yang sama."
                    )
                else:
                    tree = staging / key
                    for rel in files:
                        write_index_document(site_file(rel), tree / rel, key)
                    # Every staged page is a marked article (write_index_document refuses
                    # one without), so Pagefind never falls back to whole pages here.
                    _run_pagefind(tree, root_bundle / key, timeout)
                    count = _check_bundle(root_bundle / key)
                    pagefind_canon.canonicalise(root_bundle / key)
                    shutil.rmtree(tree)
                    if cache_key is not None:
                        cache.store_bundle(cache_key, root_bundle / key)
                if cache_key is not None:
                    cache.placed_bundle(cache_key, folder)  # stamped once published (cache.stamp_bundles)
                pages += count
                keys.append(key)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    else:
        output = _run_pagefind(output_dir, None, timeout)
        if NO_BODY_MARKER in output:
            if root_bundle.is_dir():
                shutil.rmtree(root_bundle)
            return {
                "pages": 0,
                "bundles": 0,
                "seconds": round(time.perf_counter() - started, 3),
                "bytes": 0,
                "files": 0,
                "language": INDEX_LANGUAGE,
                "warning": "tidak ada halaman data-pagefind-body (lowongan terbuka); indeks tidak dibuat",
            }
        pages = _check_bundle(root_bundle)
        keys.append("")
        pagefind_canon.canonicalise(root_bundle)
    if keys:
        share_engine(root_bundle, [root_bundle / key if key else root_bundle for key in keys])
    seconds = time.perf_counter() - started
    files = [p for p in root_bundle.rglob("*") if p.is_file()] if root_bundle.is_dir() else []
    if sparse:  # and those of restored bundles that stay where they are
        index_folder = root_bundle.relative_to(output_dir).as_posix() + "/"
        files += [previous / rel for rel in log.linked if rel.startswith(index_folder)]
    version = None
    if keys:
        entry = root_bundle / keys[0] / "pagefind-entry.json" if keys[0] else root_bundle / "pagefind-entry.json"
        entry = site_file(entry.relative_to(output_dir).as_posix())
        version = json.loads(entry.read_text(encoding="utf-8")).get("version")
    try:  # the largest child this process has waited for: one Pagefind run, in a fresh process
        import resource

        peak_mb = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    except (ImportError, OSError):  # pragma: no cover - not on POSIX
        peak_mb = None
    return {
        "pages": pages,
        "bundles": len(keys),
        "seconds": round(seconds, 3),
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "language": INDEX_LANGUAGE,
        "version": version,
        "pagefind_peak_mb": peak_mb,
    }
