"""Measure the search page the way a phone meets it: bytes downloaded and time to results.

:func:`measure_search` serves a built site on 127.0.0.1, opens
``/cari/?q=<query>&<filter>=<value>`` in headless Debian Chromium (360×740, fresh cache) and
reports

* the bytes of the first query with one filter applied, from Chrome's own network log
  (``Network.loadingFinished`` ``encodedDataLength``, headers included), split by kind:
  our ``search.js``, ``pagefind.js``, WASM, ``pf_meta``, index chunks, filter chunks,
  fragments (result meta), other; the page's own HTML and CSS are reported separately and
  are not in ``search_bytes``. The local server does not compress; ``search_bytes_gzip``
  estimates what a gzip-serving host sends (Pagefind's chunks and WASM are already gzip);
* the time from typing to results: after the page is ready, a query is typed into the box
  (50 ms between keys) and the clock runs from the last key to the moment the results list
  is replaced (``data-selesai`` on ``#cari-hasil``). The median of ``runs`` different
  queries is ``typing_ms``; it includes the page's 200 ms typing debounce, ``search_ms``
  leaves it out.

:func:`write_synthetic_site` renders a stand-in site (vacancy pages carrying the real
``partials/pagefind.html``, the real ``search.html`` on a minimal base) from generated
records, for measuring the search before or apart from the full site build.
"""

from __future__ import annotations

import gzip
import random
import shutil
import statistics
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

from antarkerja.localweb import CHROMIUM_ARGS, chromium_path, serve_folder

TYPED_QUERIES = ["admin", "teknisi", "gudang", "perawat", "penjahit", "kasir", "operator", "sopir"]
DEBOUNCE_MS = 200


def _chromium() -> str:
    path = chromium_path()
    if not path:
        raise RuntimeError("Chromium not found: apt-get install -y chromium")
    return path


def _kind(path: str, resource_type: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if "/pagefind/" in path:
        if name == "pagefind.js":
            return "pagefind_js"
        if name == "pagefind-worker.js":
            return "pagefind_worker_js"
        if name.endswith(".pagefind"):
            return "wasm"
        if name.endswith(".pf_meta"):
            return "pf_meta"
        if name == "pagefind-entry.json":
            return "entry_json"
        for kind in ("index", "filter", "fragment"):
            if f"/pagefind/{kind}/" in path:
                return kind
        return "pagefind_other"
    if name == "search.js":
        return "search_js"
    if resource_type == "Document":
        return "page_html"
    if resource_type == "Stylesheet":
        return "page_css"
    if resource_type == "Script":
        return "other_js"
    return "other"


PAGE_KINDS = ("page_html", "page_css")


def _gzip_size(site_dir: Path, path: str, raw: int) -> int:
    """What a gzip host would send: text files compressed, Pagefind's binaries as they are."""
    rel = unquote(path).lstrip("/")
    file = site_dir / rel
    if file.is_dir() or rel == "" or rel.endswith("/"):
        file = file / "index.html"
    if file.suffix in (".html", ".js", ".css", ".json", ".svg", ".xml") and file.is_file():
        return len(gzip.compress(file.read_bytes(), 6)) + 250  # ~headers
    return raw


def measure_search(
    site_dir: Path,
    query: str,
    filter: tuple[str, str],
    *,
    runs: int = 5,
    typed_queries: list[str] | None = None,
    cpu_slowdown: float = 1,
) -> dict:
    """Serve ``site_dir``, run a first query with one filter in Chromium, then time typing.

    ``filter`` is ``(url parameter, value)``, e.g. ``("provinsi", "Jawa Barat")``.
    ``cpu_slowdown`` > 1 applies Chrome's CPU throttling (4 ≈ a cheap Android phone) to the
    typing runs. Returns a flat dict of figures (bytes, milliseconds, counts).

    Playwright's sync API cannot run inside another running one (a test session, a notebook):
    then the measurement runs in a thread of its own.
    """
    import asyncio

    args = (Path(site_dir), query, filter, runs, typed_queries, cpu_slowdown)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _measure(*args)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_measure, *args).result()


def _measure(
    site_dir: Path, query: str, filter: tuple[str, str], runs: int, typed_queries: list[str] | None, cpu_slowdown: float
) -> dict:
    from playwright.sync_api import sync_playwright

    param, value = filter
    server = serve_folder(site_dir)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    url = f"{base}/cari/?{urlencode({'q': query, param: value})}"
    typed = list(typed_queries or [q for q in TYPED_QUERIES if q != query])[:runs]
    figures: dict = {"url": url.replace(base, ""), "index_pages": None}
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    if entry.is_file():
        import json

        langs = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
        figures["index_pages"] = sum(v.get("page_count", 0) for v in langs.values())
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
            try:
                context = browser.new_context(
                    viewport={"width": 360, "height": 740},
                    device_scale_factor=2,
                    is_mobile=True,
                    has_touch=True,
                    locale="id-ID",
                )
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                requests: dict[str, dict] = {}
                cdp.on(
                    "Network.responseReceived",
                    lambda e: requests.setdefault(e["requestId"], {}).update(
                        url=e["response"]["url"], type=e.get("type", ""), status=e["response"]["status"]
                    ),
                )
                cdp.on(
                    "Network.loadingFinished",
                    lambda e: requests.setdefault(e["requestId"], {}).update(bytes=int(e["encodedDataLength"])),
                )
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto(url, wait_until="load")
                page.wait_for_selector("#cari-hasil[data-selesai]", state="attached", timeout=60_000)
                figures["first_results_ms"] = round(page.evaluate("() => performance.now()"))  # since navigation
                figures["first_status"] = page.text_content("#cari-status")
                page.wait_for_timeout(300)  # let late responses report loadingFinished
                by_kind: dict[str, int] = {}
                gz_kind: dict[str, int] = {}
                count = 0
                for r in list(requests.values()):
                    if "url" not in r or "bytes" not in r:
                        continue
                    path = urlsplit(r["url"]).path
                    kind = _kind(path, r["type"])
                    by_kind[kind] = by_kind.get(kind, 0) + r["bytes"]
                    gz_kind[kind] = gz_kind.get(kind, 0) + _gzip_size(site_dir, path, r["bytes"])
                    count += 1
                figures["search_bytes"] = sum(v for k, v in by_kind.items() if k not in PAGE_KINDS)
                figures["search_bytes_gzip"] = sum(v for k, v in gz_kind.items() if k not in PAGE_KINDS)
                figures["page_html_bytes"] = by_kind.get("page_html", 0)
                figures["page_css_bytes"] = by_kind.get("page_css", 0)
                figures["requests"] = count
                figures["bytes_by_kind"] = dict(sorted(by_kind.items()))
                # Typing: each run types a different query so new index chunks load.
                if cpu_slowdown and cpu_slowdown != 1:
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
                page.evaluate("""() => {
                    const list = document.getElementById('cari-hasil');
                    const box = document.getElementById('cari-q');
                    box.addEventListener('input', () => { window.__lastKey = performance.now(); }, true);
                    new MutationObserver(() => { window.__done = performance.now(); })
                        .observe(list, { attributes: true, attributeFilter: ['data-selesai'] });
                }""")
                totals: list[float] = []
                for q in typed:
                    before = page.get_attribute("#cari-hasil", "data-selesai")
                    page.fill("#cari-q", "")
                    page.wait_for_function(
                        "b => document.getElementById('cari-hasil').dataset.selesai !== b", arg=before, timeout=60_000
                    )
                    before = page.get_attribute("#cari-hasil", "data-selesai")
                    page.evaluate("() => { window.__done = 0; }")
                    page.type("#cari-q", q, delay=50)
                    page.wait_for_function(
                        "b => document.getElementById('cari-hasil').dataset.selesai !== b && window.__done > window.__lastKey",
                        arg=before,
                        timeout=60_000,
                    )
                    totals.append(page.evaluate("() => window.__done - window.__lastKey"))
                figures["typing_runs_ms"] = [round(t) for t in totals]
                figures["typing_ms"] = round(statistics.median(totals)) if totals else None
                figures["search_ms"] = round(statistics.median(totals) - DEBOUNCE_MS) if totals else None
                figures["debounce_ms"] = DEBOUNCE_MS
                figures["cpu_slowdown"] = cpu_slowdown
                figures["page_errors"] = errors
                context.close()
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return figures


# A stand-in site ---------------------------------------------------------------------------

_TITLES = [
    "Operator Produksi",
    "Staf Administrasi",
    "Admin Gudang",
    "Teknisi Listrik",
    "Teknisi Mesin",
    "Perawat",
    "Bidan",
    "Kasir",
    "Pramuniaga",
    "Sopir Truk",
    "Pengemudi Ojek",
    "Kurir",
    "Penjahit",
    "Juru Masak",
    "Pelayan Restoran",
    "Petugas Kebersihan",
    "Satpam",
    "Guru SD",
    "Guru Bahasa Inggris",
    "Akuntan",
    "Staf Keuangan",
    "Customer Service",
    "Telemarketing",
    "Sales Lapangan",
    "Mekanik Motor",
    "Tukang Las",
    "Tukang Bangunan",
    "Mandor Proyek",
    "Drafter",
    "Programmer",
    "Desainer Grafis",
    "Petani Sawit",
    "Pemanen Kelapa Sawit",
    "Nelayan",
    "Operator Alat Berat",
    "Helper Gudang",
    "Apoteker",
    "Asisten Apoteker",
    "Analis Laboratorium",
    "Resepsionis",
    "Housekeeping Hotel",
    "Barista",
    "Tukang Kebun",
    "Pengasuh Anak",
    "Perawat Lansia",
    "Caregiver Jepang",
    "Buruh Pabrik",
    "Quality Control",
    "Staf HRD",
    "Supervisor Produksi",
    "Manajer Toko",
    "Penyuluh Pertanian",
]
_WORDS = (
    "mengoperasikan mesin produksi sesuai standar kerja menjaga kebersihan area kerja mencatat hasil "
    "harian melaporkan kerusakan kepada atasan melayani pelanggan dengan ramah mengelola stok barang "
    "menyusun laporan keuangan bulanan memeriksa kualitas produk merawat peralatan bekerja dalam tim "
    "bersedia bekerja bergilir lembur sesuai kebutuhan memiliki sim kendaraan jujur teliti disiplin "
    "bertanggung jawab komunikasi baik menguasai komputer microsoft excel pengalaman diutamakan lulusan "
    "baru dipersilakan melamar pelatihan diberikan gratis tunjangan makan transport bpjs kesehatan "
    "ketenagakerjaan mess disediakan penempatan pengiriman barang gudang logistik pelabuhan rumah sakit "
    "puskesmas sekolah hotel restoran toko pabrik kebun perkebunan proyek konstruksi bengkel kantor"
).split()
_SYLLABLES = [
    "ka",
    "ri",
    "ma",
    "su",
    "to",
    "wi",
    "na",
    "la",
    "ja",
    "ya",
    "sa",
    "di",
    "bu",
    "mi",
    "ra",
    "ng",
    "ti",
    "ko",
    "pe",
    "ha",
]


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def synthetic_records(n: int, ref, today: date, seed: int = 1) -> list[dict]:
    """``n`` open vacancy records shaped like validated ones, with varied text."""
    rng = random.Random(seed)
    regencies = list(ref.regencies.values())
    kbli, kbji = list(ref.kbli), list(ref.kbji)
    education, types = list(ref.education), list(ref.employment_types)
    records = []
    for i in range(n):
        r = rng.choice(regencies)
        abroad = rng.random() < 0.05
        disclosed = rng.random() < 0.8
        low = rng.randrange(2_000_000, 15_000_000, 50_000)
        posted = today - timedelta(days=rng.randint(0, 60))
        words = [rng.choice(_WORDS) for _ in range(rng.randint(60, 160))]
        words += [_pseudo_word(rng) for _ in range(rng.randint(3, 12))]
        rng.shuffle(words)
        text = " ".join(words)
        records.append(
            {
                "id": f"sintetis-{i:06d}",
                "title": f"{rng.choice(_TITLES)} {_pseudo_word(rng).title()}",
                "status": "open",
                "employer": {"name": f"PT {_pseudo_word(rng).title()} {_pseudo_word(rng).title()}", "legal_form": "pt"},
                "location": {
                    "country": "JP" if abroad else "ID",
                    "province": r.province_code,
                    "regency": r.code,
                    "city": "Osaka" if abroad else None,
                    "address": f"Jalan {_pseudo_word(rng).title()} No. {rng.randint(1, 200)}",
                    "work_mode": rng.choice(["onsite"] * 8 + ["hybrid", "remote"]),
                },
                "employment_type": rng.choice(types),
                "openings": rng.randint(1, 50),
                "salary": {
                    "disclosed": disclosed,
                    "min": low,
                    "max": low + rng.randrange(0, 3_000_000, 100_000),
                    "unit": "MONTH",
                    "currency": "IDR",
                }
                if disclosed
                else {"disclosed": False},
                "education": {"minimum": rng.choice(education)},
                "experience_months": rng.choice([0, 0, 12, 24]),
                "kbji": rng.choice(kbji),
                "kbli": rng.choice(kbli),
                "description": text[:1].upper() + text[1:] + ".",
                "disability": {"friendly": rng.random() < 0.15},
                "date_posted": posted,
                "valid_through": posted + timedelta(days=rng.randint(20, 90)),
                "verification": {"office": "tidak-ada"},
            }
        )
    return records


_BASE = """<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{% block title %}{% endblock %} · Antar Kerja</title>
{% block meta %}{% endblock %}{% block head %}{% endblock %}</head><body>
<header><a href="/">Antar Kerja</a><form role="search" action="/cari/" method="get"><label for="q-atas">Cari</label>
<input id="q-atas" name="q" type="search"></form></header>
<main id="main">{% block content %}{% endblock %}</main><footer>Antar Kerja</footer>{% block scripts %}{% endblock %}</body></html>"""
_VACANCY = """{% extends "base.html" %}{% block title %}{{ vacancy.title }}{% endblock %}{% block content %}
<article{% if vacancy.is_open %} data-pagefind-body{% endif %}><h1 data-pagefind-meta="title">{{ vacancy.title }}</h1>
<p>{{ vacancy.employer.name }}</p><p>{{ vacancy.location_text }}</p><p>{{ vacancy.salary_text }}</p>
<dl><dt>Pendidikan</dt><dd>{{ vacancy.education.name }}</dd><dt>Jenis</dt><dd>{{ vacancy.employment_type_label }}</dd></dl>
{{ vacancy.description_html|safe }}
{% if vacancy.is_open %}{% include "partials/pagefind.html" %}{% endif %}</article>{% endblock %}"""


def write_synthetic_site(
    folder: Path,
    n: int,
    *,
    root: Path | None = None,
    today: date = date(2026, 11, 25),
    seed: int = 1,
    index: bool = True,
) -> dict:
    """Render ``n`` generated vacancies and the search page into ``folder``; index them.

    Uses the real reference data, model, ``partials/pagefind.html``, ``search.html`` and
    static files; only the base and vacancy templates are minimal stand-ins.
    """
    import jinja2

    from antarkerja.model import build_site
    from antarkerja.paths import find_root
    from antarkerja.reference import load_reference
    from antarkerja.search import FILTERS, JINJA_GLOBALS, index_site
    from antarkerja.templating import DedentLoader, base_globals

    root = Path(root) if root else find_root()
    folder = Path(folder)
    ref = load_reference(root)
    site = build_site(synthetic_records(n, ref, today, seed), [], ref, today)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.DictLoader({"base.html": _BASE, "vacancy.html": _VACANCY}),
                DedentLoader(jinja2.FileSystemLoader(str(root / "theme" / "templates"))),
            ]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(JINJA_GLOBALS, **base_globals(), SITEURL="", site=site, FILTERS=FILTERS)
    vacancy_page = env.get_template("vacancy.html")
    for v in site.vacancies:
        out = folder / v.url / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(vacancy_page.render(vacancy=v), encoding="utf-8")
    (folder / "cari").mkdir(parents=True, exist_ok=True)
    (folder / "cari" / "index.html").write_text(env.get_template("search.html").render(), encoding="utf-8")
    (folder / "provinsi").mkdir(exist_ok=True)
    (folder / "provinsi" / "index.html").write_text(
        "<!doctype html><html lang=id><title>Provinsi</title><h1>Provinsi</h1></html>", encoding="utf-8"
    )
    shutil.copytree(root / "theme" / "static", folder / "theme", dirs_exist_ok=True)
    stats = {"vacancies": len(site.vacancies), "open": len(site.open_vacancies)}
    if index:
        stats.update(index_site(folder))
    return stats
