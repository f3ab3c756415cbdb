"""Measure the search page the way a phone meets it: bytes downloaded and time to results.

:func:`measure_shapes` serves a built site on 127.0.0.1 and opens each URL shape of the
search page (:func:`search_shapes`: nothing typed, each filter kind alone, combinations,
words with and without a province, a change of sort, a national search) in a fresh
headless Debian Chromium context: 360×740, cold cache, CPU throttled 4× through CDP
``Emulation.setCPUThrottlingRate``. For each it reports the bytes of every response until
the first results show (Chrome's ``Network.loadingFinished`` ``encodedDataLength``, page,
CSS, scripts, shards and Pagefind files included), the requests, and the milliseconds from
navigation to the results list being filled (``data-selesai`` on ``#cari-hasil``).
The local server does not compress; ``kb_gzip`` estimates what a gzip-serving host sends
(Pagefind's chunks and WASM are already compressed).
"""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

from antarkerja.paths import theme_static_dir
from antarkerja.tools.localweb import CHROMIUM_ARGS, chromium_path, outside_event_loop, serve_folder
from antarkerja.urls import ROUTES, save_as
from antarkerja.urls import url as route


def _chromium() -> str:
    path = chromium_path()
    if not path:
        raise RuntimeError("Chromium not found: apt-get install -y chromium")
    return path


def _kind(path: str, resource_type: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if path.startswith("/" + ROUTES["search_shard"].split("{")[0]):
        return "shard"
    if path.startswith("/" + ROUTES["search_word_cards"].split("{")[0]):
        return "cards"  # the word index's display blocks: result cards, ten a file
    if path.startswith(
        ("/" + ROUTES["search_word_filter"].split("{")[0], "/" + ROUTES["search_word_order"].split("{")[0])
    ):
        return "scope_lists"  # a scope's ordinals of a filter option, or in another order
    if path.startswith("/" + ROUTES["search_words"].split("{")[0]):
        return "words"  # the national word index (antarkerja.site.outputs.words)
    if "/pagefind/" in path:
        if name == "pagefind.js":
            return "pagefind_js"  # the engine (pagefind/mesin/), once for every bundle
        if name == "pagefind-worker.js":
            return "pagefind_worker_js"
        if name.endswith(".pagefind"):
            return "wasm"
        if name.endswith(".pf_meta"):
            return "pf_meta"
        if name == "pagefind-entry.json":
            return "entry_json"
        for kind in ("index", "filter", "fragment"):
            if f"/{kind}/" in path.split("/pagefind/", 1)[1]:
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


def _gzip_size(site_dir: Path, path: str, raw: int) -> int:
    """What a gzip host would send: text files compressed, Pagefind's binaries as they are."""
    rel = unquote(path).lstrip("/")
    file = site_dir / rel
    if file.is_dir() or rel == "" or rel.endswith("/"):
        file = file / "index.html"
    if file.suffix in (".html", ".js", ".css", ".json", ".svg", ".xml") and file.is_file():
        return len(gzip.compress(file.read_bytes(), 6)) + 250  # ~headers
    return raw


def search_options_of(site_dir: Path, regencies: dict | None = None) -> dict[str, list[tuple[str, int]]]:
    """``param`` → [(value, count)] as the built search page offers them (count from the label);
    regencies from ``regencies`` (:func:`regency_options_of`), read here when not given."""
    import html
    import re

    text = (Path(site_dir) / save_as("search")).read_text(encoding="utf-8")
    out: dict[str, list[tuple[str, int]]] = {}
    for name, body in re.findall(r'<select id="f-[^"]+" name="([^"]+)".*?>(.*?)</select>', text, re.S):
        for value, count in re.findall(r'<option value="([^"]+)" data-id="\d+" data-count="(\d+)"', body):
            out.setdefault(name, []).append((html.unescape(value), int(count)))
    for name, value, count in re.findall(
        r'type="checkbox" id="f-[^"]+" name="([^"]+)" value="([^"]+)"[^>]*data-count="(\d+)"', text
    ):
        out.setdefault(name, []).append((html.unescape(value), int(count)))
    for province in (regencies if regencies is not None else regency_options_of(site_dir)).values():
        out.setdefault("kabkota", []).extend((o["v"], o["n"]) for o in province["kabkota"])
    return out


def regency_options_of(site_dir: Path) -> dict[str, dict]:
    """Province name → its regency list as the search page loads it (``cari/kabkota/*.json``)."""
    import json

    folder = Path(site_dir) / route("search_regencies", key="x").rsplit("/", 1)[0]
    lists = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    return {data["provinsi"]: data for data in lists}


def search_shapes(site_dir: Path, query: str = "operator") -> list[tuple[str, dict, str | None]]:
    """The URL shapes the budget covers: ``(label, params, province remembered on the device)``.

    Each filter kind uses its commonest value (``pendidikan``: SMK/MAK), so shards and
    bundles are among the largest of their kind. Words: ``query`` in the largest province
    whose vacancies hold it (Jawa Barat on the generated sites) and that province's largest
    regency holding it, so each search shows results; and the first word of a vacancy title
    in the largest province of all (DKI Jakarta on the generated sites, where no title says
    "operator"): the largest bundle a province search reads.
    """
    import html
    import itertools
    import json
    import re

    from antarkerja.site.search import FILTERS, NATIONAL, POSTED_VALUES

    regencies_of = regency_options_of(site_dir)  # read once: the options and the regency shapes
    options = search_options_of(site_dir, regencies_of)

    def top(param: str, within: str | None = None) -> str:
        values = [(n, v) for v, n in options.get(param, []) if v != NATIONAL]
        return max(values)[1] if values else ""

    text = (Path(site_dir) / save_as("search")).read_text(encoding="utf-8")
    option = r'<option value="([^"]+)" data-id="\d+" data-count="(\d+)" data-key="([^"]+)"'
    keys = {html.unescape(v): (int(n), k) for v, n, k in re.findall(option, text)}

    def titles(key: str):
        for n in itertools.count(1):
            shard = Path(site_dir) / route("search_shard", key=key, order="terbaru", number=n)
            if not shard.is_file():
                return
            yield from (item["t"] for item in json.loads(shard.read_text(encoding="utf-8"))["items"])

    def holding(values, word: str) -> str:
        """The value with most vacancies among ``values`` whose titles hold ``word``."""
        ranked = sorted((keys[v] for v in values if v in keys), reverse=True)
        for count, key in ranked:
            if any(word.lower() in t.lower() for t in titles(key)):
                return next(v for v in values if keys.get(v) == (count, key))
        return max(values, key=lambda v: keys.get(v, (0, ""))) if values else ""

    provinces = [v for v, _ in options.get("provinsi", []) if v != NATIONAL]
    largest = top("provinsi")
    largest_word = (
        next((w for t in titles(keys[largest][1]) for w in re.findall(r"[^\W\d_]{4,}", t)), query)
        if largest in keys
        else query
    )
    province = holding(provinces, query)
    education = next((v for v, _ in options.get("pendidikan", []) if v.startswith("SMK")), top("pendidikan"))
    posted = POSTED_VALUES[30]
    regency_list = regencies_of.get(province, {}).get("kabkota", [])
    keys.update({o["v"]: (o["n"], o["k"]) for o in regency_list if "k" in o})
    regencies = [o["v"] for o in regency_list]
    regency = holding(regencies, query) if regencies else top("kabkota")
    shapes: list[tuple[str, dict, str | None]] = [("empty", {}, None)]
    for param in FILTERS:
        value = education if param == "pendidikan" else top(param)
        shapes.append((f"filter {param}", {param: value}, None))
    shapes += [
        ("filters provinsi+pendidikan", {"provinsi": province, "pendidikan": education}, None),
        ("filters provinsi+sektor+upah", {"provinsi": province, "sektor": top("sektor"), "upah": top("upah")}, None),
        ("sort tutup, no words", {"provinsi": province, "urut": "tutup"}, None),
        ("words, no province chosen", {"q": query}, None),
        ("words, remembered province", {"q": query}, province),
        ("words + provinsi", {"q": query, "provinsi": province}, None),
        ("words + largest provinsi", {"q": largest_word, "provinsi": largest}, None),
        ("words + provinsi + pendidikan", {"q": query, "provinsi": province, "pendidikan": education}, None),
        ("words + kabkota", {"q": query, "kabkota": regency}, None),
        ("words + luar negeri", {"q": query, "lingkup": "Luar negeri"}, None),
        ("sort upah, words", {"q": query, "provinsi": province, "urut": "upah"}, None),
        ("sort upah, words, largest provinsi", {"q": largest_word, "provinsi": largest, "urut": "upah"}, None),
        (
            "words + provinsi + tayang, sort tutup",
            {"q": query, "provinsi": province, "tayang": posted, "urut": "tutup"},
            None,
        ),
        ("words typed with education + provinsi", {"q": f"{query} lulusan smk", "provinsi": province}, None),
        # the reader's choice "Cari di seluruh isi lowongan": Pagefind, on a site of any size
        (WHOLE_TEXT_SHAPE, {"q": query, "provinsi": province, "isi": "1"}, None),
        ("words, national (explicit)", {"q": query, "provinsi": NATIONAL}, None),
        (WORD_INDEX_SHAPE, {"q": query}, None),
    ]
    return shapes


# Words in a province searched in whole vacancies on the reader's request (Pagefind); the
# word index answers every other keyword shape of a site without a national bundle.
WHOLE_TEXT_SHAPE = "words + provinsi, whole vacancies (isi=1)"


# Words without a province as a site above the national bundle's threshold meets them: the
# page is told there is no national bundle (its data block loses that scope), so the search
# reads the national word index. On such a site it is the same as "words, no province chosen".
WORD_INDEX_SHAPE = "words, no province, word index"


def _without_national_bundle(route) -> None:
    import html
    import json
    import re

    from antarkerja.site.search import NATIONAL

    response = route.fetch()
    text = response.text()
    m = re.search(r'(<script type="application/json" id="cari-data">)(.*?)(</script>)', text, re.S)
    if m:
        data = json.loads(html.unescape(m.group(2)) if "&quot;" in m.group(2) else m.group(2))
        data["scopes"].pop(NATIONAL, None)
        block = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        block = block.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        text = text[: m.start(2)] + block + text[m.end(2) :]
    route.fulfill(response=response, body=text)


def measure_shapes(site_dir: Path, shapes=None, *, cpu_slowdown: float = 4, runs: int = 1) -> list[dict]:
    """Open each search URL shape in a fresh Chromium context (cold cache, 360×740 phone, CPU
    throttled ``cpu_slowdown``×) and report what it cost until the first results showed.

    Each row: ``label``, ``url``, ``kb`` (every response's bytes, page and headers included,
    as the local server sends them, uncompressed), ``kb_gzip`` (what a gzip host would send),
    ``requests``, ``ms`` (navigation start to the results list being filled), ``status``
    (the page's own count line) and ``results`` (items shown), ``errors``, ``bytes_by_kind``
    and ``files`` (each response's path and bytes, in the order they finished).

    With ``runs`` above 1 each shape is opened that many times, each from a cold cache:
    ``ms`` is the best run (the machine is shared: the best is the page's own time, the
    others include waiting for the CPU) and ``ms_runs`` lists every run; bytes are the first run's.
    """
    return outside_event_loop(_measure_shapes, Path(site_dir), shapes, cpu_slowdown, runs)


_WATCH = """() => {
  // From the start of the document: the results list may be filled before DOMContentLoaded.
  new MutationObserver((records) => {
    if (!window.__done && records.some((r) => r.target.id === 'cari-hasil')) window.__done = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-selesai'] });
}"""


def _open_shape(browser, base: str, site_dir: Path, label: str, params: dict, remembered, cpu_slowdown) -> dict:
    import json

    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="id-ID",
    )
    try:
        script = f"({_WATCH})();"
        if remembered:
            script += f"try {{ localStorage.setItem('antarkerja-provinsi', {json.dumps(remembered)}); }} catch (e) {{}}"
        context.add_init_script(script)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        if cpu_slowdown and cpu_slowdown != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
        requests: dict[str, dict] = {}
        order: list[str] = []
        cdp.on(
            "Network.responseReceived",
            lambda e, r=requests: r.setdefault(e["requestId"], {}).update(
                url=e["response"]["url"], type=e.get("type", "")
            ),
        )

        def finished(e, r=requests) -> None:
            r.setdefault(e["requestId"], {}).update(bytes=int(e["encodedDataLength"]))
            order.append(e["requestId"])

        cdp.on("Network.loadingFinished", finished)
        errors: list[str] = []
        page.on("pageerror", lambda e, errs=errors: errs.append(str(e)))
        url = f"/{route('search')}" + (f"?{urlencode(params)}" if params else "")
        if label == WORD_INDEX_SHAPE:
            page.route(f"{base}/{route('search')}?*", _without_national_bundle)
        try:
            page.goto(base + url, wait_until="commit")
            page.wait_for_function("() => window.__done > 0", timeout=120_000, polling=50)
            ms = page.evaluate("() => window.__done")
        except Exception as exc:  # one shape failing must not hide the others
            errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
            ms = -1
        page.wait_for_timeout(300)  # let late responses report loadingFinished
        done = [requests[i] for i in dict.fromkeys(order) if "url" in requests[i] and "bytes" in requests[i]]
        raw = sum(r["bytes"] for r in done)
        by_kind: dict[str, int] = {}
        for r in done:
            kind = _kind(urlsplit(r["url"]).path, r.get("type", ""))
            by_kind[kind] = by_kind.get(kind, 0) + r["bytes"]
        gz = sum(_gzip_size(site_dir, urlsplit(r["url"]).path, r["bytes"]) for r in done)
        return {
            "label": label,
            "url": url,
            "remembered": remembered,
            "kb": round(raw / 1000, 1),
            "kb_gzip": round(gz / 1000, 1),
            "requests": len(done),
            "ms": round(ms),
            "status": page.text_content("#cari-status"),
            "results": page.locator("#cari-hasil > li").count(),
            "errors": errors,
            "bytes_by_kind": dict(sorted(by_kind.items())),
            "files": [(urlsplit(r["url"]).path, r["bytes"]) for r in done],
        }
    finally:
        context.close()


def _measure_shapes(site_dir: Path, shapes, cpu_slowdown: float, runs: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    shapes = shapes if shapes is not None else search_shapes(site_dir)
    server = serve_folder(site_dir)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
            try:
                for label, params, remembered in shapes:
                    tries = [
                        _open_shape(browser, base, site_dir, label, params, remembered, cpu_slowdown)
                        for _ in range(max(1, runs))
                    ]
                    row = dict(tries[0])
                    times = [t["ms"] for t in tries]
                    row["ms"] = min((t for t in times if t >= 0), default=-1)
                    row["ms_runs"] = times
                    row["errors"] = list(dict.fromkeys(e for t in tries for e in t["errors"]))
                    rows.append(row)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def page_scopes(site_dir: Path) -> dict[str, list[str]]:
    """Scope (province name, overseas, national) → its bundle keys, from the built search page's data."""
    import html
    import json
    import re

    text = (Path(site_dir) / save_as("search")).read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="cari-data">(.*?)</script>', text, re.S)
    return json.loads(html.unescape(m.group(1)))["scopes"] if m else {}


def measured_bundles(site_dir: Path, query: str = "operator") -> set[str]:
    """The Pagefind bundles that :func:`search_shapes` and :func:`measure_switch` read: the
    provinces (all their parts) their URLs name or a device remembers, overseas, and the
    national bundle when the site has one. The bench indexes only these on a site too large
    for a national bundle, where indexing all 39 takes most of the bench's time."""
    from antarkerja.site.search import NATIONAL, SCOPE_VALUES

    scopes = page_scopes(site_dir)
    names = set(switch_provinces(Path(site_dir), query))
    for _, params, remembered in search_shapes(Path(site_dir), query):
        names.update(x for x in (params.get("provinsi"), remembered) if x)
        if params.get("lingkup") == SCOPE_VALUES[1]:
            names.add(SCOPE_VALUES[1])
        if "q" in params and not params.get("provinsi"):
            names.add(NATIONAL)
    return {key for name in names for key in scopes.get(name, [])}


SWITCH_BUDGET_KB = 60  # a province switch after a first search (issue #25)


def switch_provinces(site_dir: Path, query: str = "operator", count: int = 2) -> list[str]:
    """The ``count`` provinces with most vacancies whose titles hold ``query`` (else the
    largest): what :func:`measure_switch` switches to after a national search."""
    from antarkerja.site.search import NATIONAL

    options = search_options_of(site_dir)
    ranked = [v for n, v in sorted(((n, v) for v, n in options.get("provinsi", []) if v != NATIONAL), reverse=True)]
    return ranked[:count]


def measure_switch(site_dir: Path, query: str = "operator", provinces: list[str] | None = None) -> list[dict]:
    """A reader's national search for ``query``, then a switch to each of ``provinces`` on
    the same page (the province select), with the browser cache on: the bytes and requests
    each step downloads (responses served from the cache count nothing), by kind. The first
    row is the national search from a cold cache. Same phone and CPU slowdown as
    :func:`measure_shapes`; one fresh context for the whole sequence."""
    provinces = provinces or switch_provinces(Path(site_dir), query)
    return outside_event_loop(_measure_switch, Path(site_dir), query, provinces)


# The reader picks a province in the filter panel (it may be folded: set it as the select does).
_CHOOSE = """(v) => { const s = document.querySelector('#f-provinsi'); s.value = v;
  s.dispatchEvent(new Event('change', { bubbles: true })); }"""


def _measure_switch(site_dir: Path, query: str, provinces: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from antarkerja.site.search import NATIONAL

    server = serve_folder(site_dir)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows: list[dict] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
            try:
                context = browser.new_context(
                    viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, locale="id-ID"
                )
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
                log: dict[str, dict] = {}
                cdp.on(
                    "Network.responseReceived",
                    lambda e: log.setdefault(e["requestId"], {}).update(
                        url=e["response"]["url"], type=e.get("type", ""), cached=e["response"].get("fromDiskCache")
                    ),
                )
                cdp.on(
                    "Network.requestServedFromCache", lambda e: log.setdefault(e["requestId"], {}).update(cached=True)
                )
                cdp.on(
                    "Network.loadingFinished",
                    lambda e: log.setdefault(e["requestId"], {}).update(bytes=int(e["encodedDataLength"])),
                )
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))

                def step(label: str, action) -> None:
                    log.clear()
                    before = page.get_attribute("#cari-hasil", "data-selesai") if rows else None
                    action()
                    page.wait_for_function(
                        "(b) => { const s = document.querySelector('#cari-hasil')?.dataset.selesai;"
                        " return s && s !== b && s !== '0'; }",
                        arg=before,
                        timeout=120_000,
                    )
                    page.wait_for_timeout(300)  # late responses report loadingFinished
                    done = [r for r in log.values() if "url" in r and "bytes" in r and not r.get("cached")]
                    by_kind: dict[str, int] = {}
                    for r in done:
                        kind = _kind(urlsplit(r["url"]).path, r.get("type", ""))
                        by_kind[kind] = by_kind.get(kind, 0) + r["bytes"]
                    rows.append(
                        {
                            "label": label,
                            "kb": round(sum(r["bytes"] for r in done) / 1000, 1),
                            "requests": len(done),
                            "status": page.text_content("#cari-status"),
                            "errors": list(errors),
                            "bytes_by_kind": dict(sorted(by_kind.items())),
                            "urls": sorted(urlsplit(r["url"]).path for r in done),
                        }
                    )

                national = f"/{route('search')}?{urlencode({'q': query, 'provinsi': NATIONAL})}"
                step(f"national: {query}", lambda: page.goto(base + national))
                for province in provinces:
                    step(f"switch to {province}", lambda v=province: page.evaluate(_CHOOSE, v))
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def format_switch(size: int, rows: list[dict]) -> str:
    """One line per step of :func:`measure_switch`; a switch over its budget is flagged."""
    lines = []
    for i, r in enumerate(rows):
        flag = "  OVER BUDGET" if i and r["kb"] > SWITCH_BUDGET_KB else ""
        kinds = ", ".join(f"{k} {v / 1000:.1f}" for k, v in r["bytes_by_kind"].items())
        lines.append(f"{size:<8} {r['label']:<36} {r['kb']:>8.1f} KB {r['requests']:>4} req  ({kinds}){flag}")
    return "\n".join(lines)


SHAPE_BUDGET_KB = 300  # every search shape, national words included (issue #25)
SHAPE_BUDGET_MS = 1000  # time to results


def format_shapes(size: int, rows: list[dict]) -> str:
    """One line per shape: size, label, KB (as served, then gzip), requests, ms (the best of
    the runs when there were several, every run in brackets), what the page said; a shape
    over a budget is flagged. A shape that read the national word index is followed by the
    files it read, one by one; another within a tenth of the byte budget by its bytes by kind."""
    lines = []
    for r in rows:
        flags = []
        if r["kb"] > SHAPE_BUDGET_KB:
            flags.append(f"OVER {SHAPE_BUDGET_KB} KB")
        if r["ms"] < 0 or r["ms"] > SHAPE_BUDGET_MS:
            flags.append("OVER 1 s")
        runs = r.get("ms_runs") or [r["ms"]]
        timing = f"{r['ms']:>6} ms" + (f" (best of {len(runs)}: {', '.join(map(str, runs))})" if len(runs) > 1 else "")
        lines.append(
            f"{size:<8} {r['label']:<36} {r['kb']:>8.1f} KB {r['kb_gzip']:>7.1f} KB gz {r['requests']:>4} req "
            f"{timing}  {r['status']}" + "".join(f"  {f}" for f in flags)
        )
        if "words" in r.get("bytes_by_kind", {}):
            read = [
                (path, n)
                for path, n in r.get("files", [])
                if _kind(path, "") in ("words", "cards", "shard", "scope_lists")
            ]
            lines.append(
                f"{'':<8}   read: " + ", ".join(f"{path.split('/kata/', 1)[-1]} {n / 1000:.1f} KB" for path, n in read)
            )
        elif r["kb"] > SHAPE_BUDGET_KB * 0.9 and r.get("bytes_by_kind"):  # near the budget: where the bytes go
            kinds = sorted(r["bytes_by_kind"].items(), key=lambda kv: -kv[1])
            lines.append(f"{'':<8}   by kind: " + ", ".join(f"{k} {v / 1000:.1f}" for k, v in kinds))
    return "\n".join(lines)


# A lean stand-in site: the search files of a full build, in a fraction of its time ---------

_BASE = """<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{% block title %}{% endblock %}</title>
<link rel="stylesheet" href="/theme/css/site.css">{% block head %}{% endblock %}</head><body>
<header><a href="/">Antar Kerja</a><form role="search" action="/cari/" method="get"><label for="q-atas">Cari</label>
<input id="q-atas" name="q" type="search"></form></header>
<main id="main">{% block content %}{% endblock %}</main><footer>Antar Kerja</footer>{% block scripts %}{% endblock %}</body></html>"""
_VACANCY = """{% extends "base.html" %}{% block title %}{{ vacancy.title }}{% endblock %}{% block content %}
<article{% if vacancy.is_open %} data-pagefind-body{% endif %}><h1 data-pagefind-meta="title">{{ vacancy.title }}</h1>
<p>{{ vacancy.employer.name }}</p><p>{{ vacancy.location_text }}</p><p>{{ vacancy.salary_text }}</p>
<dl><dt data-pagefind-ignore>Pendidikan</dt><dd>{{ vacancy.education.name }}</dd>
<dt data-pagefind-ignore>Jenis</dt><dd>{{ vacancy.employment_type_label }}</dd></dl>
{{ vacancy.description_html|safe }}
{% if vacancy.is_open %}{% include "partials/pagefind.html" %}{% endif %}</article>{% endblock %}"""


def write_lean_site(repo: Path, folder: Path, today: str = "2026-11-25") -> dict:
    """Validate ``repo`` and write only what the search page reads into ``folder``: vacancy
    pages (a minimal body around the real ``partials/pagefind.html``), the real ``search.html``
    on a minimal base, the browse shards, the static files; then index. For measuring search
    at 100,000 on a busy machine, where a full build takes too long. Its search page lacks
    the site's header and footer (the full build's page is a few KB larger: see README).
    """
    import shutil
    from datetime import date

    import jinja2

    from antarkerja.records.validate import validate_repository
    from antarkerja.reference import load_reference
    from antarkerja.site.model import build_site
    from antarkerja.site.outputs import OutputContext
    from antarkerja.site.outputs.browse import outputs as browse_outputs
    from antarkerja.site.search import FILTERS, JINJA_GLOBALS, index_site
    from antarkerja.site.templating import DedentLoader, base_globals

    theme = theme_static_dir().parent
    repo = Path(repo)
    result = validate_repository(repo)
    site = build_site(
        [r.data for r in result.vacancies],
        [o.data for o in result.offices],
        load_reference(repo),
        date.fromisoformat(today),
    )
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.DictLoader({"base.html": _BASE, "vacancy.html": _VACANCY}),
                DedentLoader(jinja2.FileSystemLoader(str(theme / "templates"))),
            ]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(JINJA_GLOBALS, **base_globals(), SITEURL="", site=site, FILTERS=FILTERS)
    vacancy_page = env.get_template("vacancy.html")
    folder = Path(folder)
    for v in site.open_vacancies:
        out = folder / v.url / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(vacancy_page.render(vacancy=v), encoding="utf-8")
    (folder / save_as("search")).parent.mkdir(parents=True, exist_ok=True)
    (folder / save_as("search")).write_text(env.get_template("search.html").render(), encoding="utf-8")
    ctx = OutputContext(siteurl="", sitename="Antar Kerja", settings={})
    for item in browse_outputs(site, ctx):
        out = folder / item.path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(item.data, encoding="utf-8") if isinstance(item.data, str) else out.write_bytes(item.data)
    shutil.copytree(theme / "static", folder / "theme", dirs_exist_ok=True)
    stats = {"vacancies": len(site.vacancies), "open": len(site.open_vacancies)}
    stats.update(index_site(folder))
    return stats
