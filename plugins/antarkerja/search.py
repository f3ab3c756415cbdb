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

Only open vacancies are indexed: the vacancy template marks its body ``data-pagefind-body``
only when the vacancy is open, and :func:`index_site` refuses to let Pagefind fall back to
indexing whole pages when no such body exists.

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

What it does **not** do:

* no spelling correction or fuzzy matching: ``oprator``, ``operatr`` find nothing, nor do
  spelling variants: ``supir`` does not find "sopir", ``truck`` not "truk";
* no synonyms, abbreviations or English: ``sopir`` does not find "pengemudi" (unless the
  text says both), ``SPG`` not "pramuniaga", ``security`` not "satpam", ``english`` not
  "inggris" (the no-results tips suggest trying another word);
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
from pathlib import Path
from urllib.parse import urlencode

from antarkerja.assets import SEARCH_ASSETS, asset_version
from antarkerja.errors import SearchIndexFailed
from antarkerja.urls import url

# URL parameter → (Pagefind filter name, label shown above its options)
FILTERS = {
    "provinsi": ("provinsi", "Provinsi"),
    "kabkota": ("kabkota", "Kabupaten/kota"),
    "sektor": ("sektor", "Sektor (KBLI)"),
    "jabatan": ("jabatan", "Golongan jabatan (KBJI)"),
    "pendidikan": ("pendidikan", "Pendidikan minimal"),
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
POSTED_VALUES = {7: "7 hari terakhir", 30: "30 hari terakhir"}
# The controls of the search page, grouped into fieldsets (legend, URL parameters).
FIELDSETS = [
    ("Lokasi", ["provinsi", "kabkota", "lingkup"]),
    ("Pekerjaan", ["sektor", "jabatan", "jenis", "cara_kerja"]),
    ("Syarat, upah dan waktu tayang", ["pendidikan", "upah", "tayang", "disabilitas"]),
]


def pagefind_filters(v) -> list[tuple[str, str]]:
    """(filter, value) pairs for one open vacancy; a filter may repeat (``tayang``).

    Values are exact strings: the search page offers exactly these labels, and the URL
    carries them unchanged.
    """
    pairs = [
        ("provinsi", v.province.name),
        ("kabkota", v.regency.name),
        ("sektor", v.kbli["short_name"]),
        ("jabatan", v.kbji_group["short_name"]),
        ("pendidikan", v.education["name"]),
        ("jenis", v.employment_type_label),
        ("cara_kerja", v.work_mode_label),
        ("lingkup", SCOPE_VALUES[1] if v.is_abroad else SCOPE_VALUES[0]),
        ("upah", v.salary_band),
    ]
    if v.is_disability_friendly:
        pairs.append(("disabilitas", DISABILITY_VALUE))
    for days, label in POSTED_VALUES.items():
        if 0 <= v.posted_days_ago <= days:
            pairs.append(("tayang", label))
    return pairs


def pagefind_sorts(v) -> dict[str, str]:
    """Sort keys as zero-padded strings so Pagefind's string sort orders them right.

    Every open vacancy has all three keys (a page lacking a key drops out of results sorted
    by it); an undisclosed or foreign-currency salary sorts as 0, last under "upah tertinggi".
    """
    return {
        "terbaru": v.date_posted.isoformat(),
        "tutup": v.valid_through.isoformat(),
        "upah": f"{max(0, int(v.salary_monthly)):012d}",
    }


def pagefind_meta(v) -> dict[str, str]:
    """What a search result shows besides the title (``data-pagefind-meta="title"``).

    ``valid_through`` is an ISO date: the page computes "n hari lagi" from the reader's
    today, so a result never shows a count frozen at build time.
    """
    return {
        "employer": v.employer["name"],
        "location": v.location_text,
        "salary": v.salary_text,
        "valid_through": v.valid_through.isoformat(),
    }


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


def _reference(site):
    for item in (*site.vacancies, *site.offices):
        return item.ref
    return None


def search_options(site) -> list[dict]:
    """The search page's filter controls, grouped into fieldsets, with their options.

    Returns ``[{"legend": str, "controls": [control, …]}, …]``; a control is a dict with
    ``param``, ``filter``, ``label``, ``kind`` (``"select"`` or ``"checkbox"``) and either
    ``options`` (list of values), ``groups`` (``[(province name, [regency names])]`` for
    ``kabkota``) or ``value`` (the checkbox's value).

    Fixed vocabularies list every value, so a shared or linked URL keeps its meaning when no
    vacancy currently has that value (the page then says nothing was found, rather than
    silently dropping the filter). All 38 provinces are listed; regencies are those that
    have a page (open vacancies or an office), so every "Cari di …" link is understood.
    """
    from antarkerja.salary import BANDS as SALARY_BANDS
    from antarkerja.schema.vacancy import WORK_MODES

    ref = _reference(site)
    vocab: dict[str, list[str]] = {
        "provinsi": [r.name for r in site.provinces],
        "lingkup": list(SCOPE_VALUES),
        "cara_kerja": list(WORK_MODES.values()),
        "upah": list(SALARY_BANDS),
        "tayang": list(POSTED_VALUES.values()),
    }
    if ref is not None:
        vocab["sektor"] = [item["short_name"] for _, item in sorted(ref.kbli.items())]
        vocab["jabatan"] = [item["short_name"] for _, item in sorted(ref.kbji.items())]
        vocab["pendidikan"] = [item["name"] for item in ref.education.values()]
        vocab["jenis"] = [item["name"] for item in ref.employment_types.values()]
    # Values actually used are always offered, whatever the reference lists.
    for v in site.vacancies:
        if v.is_open:
            for name, value in pagefind_filters(v):
                if name in vocab and name != "kabkota" and value not in vocab[name]:
                    vocab[name].append(value)
    groups: dict[str, list[str]] = {}
    for region in site.regencies:
        groups.setdefault(region.province.name, []).append(region.name)
    out = []
    for legend, params in FIELDSETS:
        controls = []
        for param in params:
            name, label = FILTERS[param]
            control = {"param": param, "filter": name, "label": label, "kind": "select"}
            if param == "disabilitas":
                control.update(kind="checkbox", value=DISABILITY_VALUE, label="Hanya lowongan ramah disabilitas")
            elif param == "kabkota":
                control["groups"] = list(groups.items())
            else:
                control["options"] = vocab.get(param, [])
            controls.append(control)
        out.append({"legend": legend, "controls": controls})
    return out


def search_asset_version() -> str:
    """A short hash of search.css and search.js for ``?v=`` so caches see every change."""
    return asset_version(SEARCH_ASSETS)


# Jinja globals the site build exposes to templates: ``env.globals.update(JINJA_GLOBALS)``.
JINJA_GLOBALS = {
    "pagefind_filters": pagefind_filters,
    "pagefind_sorts": pagefind_sorts,
    "pagefind_meta": pagefind_meta,
    "search_link": search_link,
    "region_search_link": region_search_link,
    "search_options": search_options,
    "SEARCH_SORTS": SORTS,
    "SEARCH_MAX_QUERY": MAX_QUERY,
    "search_asset_version": search_asset_version,
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


def index_site(output_dir, *, timeout: float | None = None) -> dict:
    """Index the open vacancy pages under ``output_dir`` with Pagefind; return stats.

    Runs ``python -m pagefind_bin --site DIR --force-language id`` (the Pagefind binary that
    ``pagefind-bin`` installs), after removing any earlier ``pagefind/`` bundle so stale
    hash-named chunks do not pile up. Returns ``{"pages", "seconds", "bytes", "files",
    "language", "version", "pagefind_peak_mb"}``; ``bytes`` is the size of ``pagefind/``
    after the unused ready-made UI files are removed; ``pagefind_peak_mb`` is the largest
    child process's peak memory so far (Pagefind's own when called in a fresh process).

    When no page carries ``data-pagefind-body`` (no open vacancy, or a template lost the
    marker) Pagefind would index every page of the site, closed vacancies included; instead
    the bundle is removed and ``pages`` is 0 (the search page then says search is not
    available). Raises :class:`SearchIndexFailed` with Pagefind's own message when it fails.
    """
    output_dir = Path(output_dir)
    if not output_dir.is_dir():
        raise SearchIndexFailed(f"Indeks pencarian tidak dibuat: folder {output_dir} tidak ada.")
    bundle = output_dir / "pagefind"
    if bundle.is_dir():
        shutil.rmtree(bundle)
    cmd = [sys.executable, "-m", "pagefind_bin", "--site", str(output_dir), "--force-language", INDEX_LANGUAGE]
    env = {**os.environ, "NO_COLOR": "1"}
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, encoding="utf-8", errors="replace", env=env, timeout=timeout
        )
    except FileNotFoundError as exc:  # pragma: no cover - the interpreter itself vanished
        raise SearchIndexFailed(f"Pagefind tidak bisa dijalankan: {exc}") from None
    except subprocess.TimeoutExpired:
        raise SearchIndexFailed(f"Pagefind tidak selesai dalam {timeout:.0f} detik.") from None
    seconds = time.perf_counter() - started
    output = (proc.stdout or "") + (proc.stderr or "")
    if proc.returncode != 0:
        lines = [ln for ln in output.splitlines() if ln.strip()]
        errors = [ln for ln in lines if "error" in ln.lower()] or lines[-8:]
        detail = "\n  ".join(dict.fromkeys(errors)) or "(tanpa keluaran)"
        if "No module named pagefind_bin" in output:
            detail += "\n  Pasang dengan: pip install pagefind-bin"
        raise SearchIndexFailed(f"Pagefind gagal membuat indeks pencarian (kode keluar {proc.returncode}):\n  {detail}")
    entry_path = bundle / "pagefind-entry.json"
    if NO_BODY_MARKER in output:
        if bundle.is_dir():
            shutil.rmtree(bundle)
        return {
            "pages": 0,
            "seconds": round(seconds, 3),
            "bytes": 0,
            "files": 0,
            "language": INDEX_LANGUAGE,
            "warning": "tidak ada halaman data-pagefind-body (lowongan terbuka); indeks tidak dibuat",
        }
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
    files = [p for p in bundle.rglob("*") if p.is_file()]
    try:  # the largest child this process has waited for: Pagefind, in a fresh process
        import resource

        peak_mb = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    except (ImportError, OSError):  # pragma: no cover - not on POSIX
        peak_mb = None
    return {
        "pages": int(languages[INDEX_LANGUAGE]["page_count"]),
        "seconds": round(seconds, 3),
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "language": INDEX_LANGUAGE,
        "version": entry.get("version"),
        "pagefind_peak_mb": peak_mb,
    }
