"""``antarkerja bench``: speed and memory at national scale, on generated data.

Usage::

    antarkerja bench [--sizes 1000,10000,100000] [--steps validate,build,search,floor]
    antarkerja bench --sizes 10000 --compare REV [--rounds 5]

For each size it writes that many vacancies into a scratch repository (copies of the sample
vacancies with new ids and titles, all open; the sample offices and the real reference
data), then runs each step in a fresh process so its time and
peak memory are its own:

* ``validate``: the whole validator (read, schema, rules, cross-file checks);
* ``build``: the full site without the search index (validation included);
* ``history``: the repository made a Git repository (two commits), then one read of every
  vacancy's history and the validator's W601 check (:func:`antarkerja.records.history.bench_history`);
* ``build``: the full site without the search index (validation included), with each
  output family's share (``stats_s``/``stats_pct``, ``notices_s``…: seconds and per cent of
  the build) and the CPU milliseconds one notice's QR code takes (``qr_cpu_ms_per_code``);
* ``check``: sizes of Cek lowongan's name buckets and the bytes one check by wording
  downloads (:func:`check_figures`);
* ``trust``: recall and false-alarm rate of the scam/discrimination text rules on
  ``tests/trust/corpus.yml`` (no generated data; :mod:`antarkerja.tools.trust`);
* ``offline``: what the service worker fetches at install (``sw.js``'s precache list), file
  by file, in bytes as stored and gzip-compressed (:func:`antarkerja.site.outputs.offline.precache_sizes`,
  budget 60 KB compressed);
* ``quality``: precision@5 and recall@20 of the search page on the judged queries of
  ``tests/search_quality/queries.yml`` over the sample site (no generated data;
  :mod:`antarkerja.tools.search_quality`);
* ``rewrite``: the files one added vacancy rewrites, those a day passing rewrites with no
  content change, and those closing the oldest vacancy rewrites
  (:mod:`antarkerja.tools.bench_rewrite`: four builds, bytes compared; also for the code of
  each checkout named in ``ANTARKERJA_REWRITE_CODE``);
* ``incremental``: the build with its cache (:mod:`antarkerja.site.cache`), search included,
  each in its own process: full build from a cold cache, one changed vacancy
  (validate + build + index from a warm cache), a re-run with nothing changed, and the
  nightly run (today one day later); files written, bundles indexed and reused, cache size
  against output size, peak memory (``peak_mb_children``: the largest Pagefind run);
* ``floor``: the bare floor for the same number of pages, the least any static build and
  index of these vacancies costs (:func:`floor_figures`): read each vacancy file (YAML, no
  validation), render a minimal page with a trivial Jinja template (title, employer,
  description, duties, qualifications and benefits in a ``data-pagefind-body``), write it,
  then one Pagefind run over those pages with the index step's language flag. With ``build``
  and ``search`` in the same run it prints full/floor: (build + index) / (floor build + floor
  index), the ratio issue 28 budgets (≤ 2.5× at 10,000; docs/performance.md, "Floor");
* ``search``: Pagefind indexing of the built site (one bundle after another; peak memory is
  the largest Pagefind run), then every URL shape of the search page in headless Chromium
  at 360×740 with a cold cache and the CPU throttled 4× (:mod:`antarkerja.tools.bench_search`):
  KB (raw and gzip) and requests until the first results show, and the milliseconds it took,
  the best of :data:`SEARCH_RUNS` runs (every run printed; the machine's load average before
  and after); the national words shape at every size (the word index's files listed one by
  one); then a national search followed by two province switches on the same page with the
  cache on (:func:`antarkerja.tools.bench_search.measure_switch`: what each switch downloads,
  budget 60 KB); then the offline set file by file (as the ``offline`` step). On a site too
  large for a national bundle (above 5,000) only the bundles the shapes read are indexed
  (:func:`only_measured_bundles`): the full build is measured, not a model. With the
  ``floor`` step in the same run every bundle is indexed, since full/floor needs the whole
  index.

``--compare REV`` validates each size's repository with this tree and with Git revision REV
in alternating rounds and compares the medians (:mod:`antarkerja.tools.bench_compare`): the way to
tell whether a change made validation slower on a machine whose speed drifts.

After the steps of each size it prints the size of the output (bytes and files) per area,
that is per top-level folder (``lowongan/``, ``pagefind/``...; files at the top are ``(root)``),
and bytes per vacancy: the figure the README's hosting section extrapolates from.

Figures are printed as tables (steps with seconds per 1,000 vacancies, then search shapes);
targets are in the README's performance section.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from antarkerja.paths import offices_dir, reference_dir, vacancies_dir
from antarkerja.tools.bench_search import format_shapes, format_switch

BENCH_TODAY = date(2026, 11, 25)
ID_LINE = re.compile(r"^id: .*$", re.M)
TITLE_LINE = re.compile(r"^title: (.*)$", re.M)
STATUS_LINE = re.compile(r"^status: .*$", re.M)
FILLED_DATE_LINE = re.compile(r"^filled_date: .*\n", re.M)  # only a filled record has one (R470)
DATES = re.compile(r"^(date_posted|valid_through): .*$", re.M)
PROVINCE_LINE = re.compile(r'^  province: "(\d\d)"$', re.M)
REGENCY_LINE = re.compile(r'^  regency: "[\d.]+"$', re.M)
OFFICE_LINE = re.compile(r"^  office: .*$", re.M)
DOMESTIC = re.compile(r"^  country: ID$", re.M)
SPREAD = 16  # every 16th vacancy goes to the next of all 514 regencies (at 10,000: each at least once)
NATIONAL_OFFICE = "kemnaker"  # verifies anywhere (rules.crossfile.NATIONAL_OFFICE_TYPES)


def generate(root: Path, target: Path, count: int) -> None:
    """Write ``count`` open vacancies made from the sample ones into ``target``.

    A national site has vacancies in every regency, and the search page, region pages and
    feeds grow with them. So a domestic copy moves to another regency of its sample's
    province (each in turn, so the provinces keep the samples' shares), and every
    :data:`SPREAD`-th to the next regency of the whole country, verified by Kemnaker.
    Overseas copies keep their place.
    """
    from antarkerja.reference import load_reference

    ref = load_reference(root)
    everywhere = sorted(ref.regencies)
    local: dict[str, list[str]] = {}
    for code in everywhere:
        local.setdefault(ref.regencies[code].province_code, []).append(code)
    samples = sorted(vacancies_dir(root).rglob("*.yml"))
    texts = [(p.parent.name, p.read_text(encoding="utf-8")) for p in samples]
    (target / "content").mkdir(parents=True)
    (target / "content" / "reference").symlink_to(reference_dir(root).resolve())
    shutil.copytree(offices_dir(root), target / "content" / "offices")
    out = vacancies_dir(target)
    spread = 0  # vacancies sent to the next regency so far
    for i in range(count):
        folder, text = texts[i % len(texts)]
        province = PROVINCE_LINE.search(text)
        if DOMESTIC.search(text) and province:
            if i % SPREAD == SPREAD - 1:
                regency = everywhere[spread % len(everywhere)]
                spread += 1
                text = OFFICE_LINE.sub(f"  office: {NATIONAL_OFFICE}", text, count=1)
            else:
                regencies = local[province.group(1)]
                regency = regencies[(i // len(texts)) % len(regencies)]
            code = ref.regencies[regency].province_code
            folder = ref.provinces[code].slug
            text = PROVINCE_LINE.sub(f'  province: "{code}"', text, count=1)
            text = REGENCY_LINE.sub(f'  regency: "{regency}"', text, count=1)
        new_id = f"bench-{i:06d}"
        posted = BENCH_TODAY - timedelta(days=i % 40)
        # Closing days spread over the next 50 (at most 89 days after posting; R407 allows
        # 90): about one in 51 closes each day, as on a live board, so the nightly run meets
        # expiries; all are still open on BENCH_TODAY.
        closes = BENCH_TODAY + timedelta(days=(i * 7) % 51)
        text = ID_LINE.sub(f"id: {new_id}", text, count=1)
        text = TITLE_LINE.sub(lambda m, i=i: f"title: {m.group(1).strip(chr(34))} {i}", text, count=1)
        text = STATUS_LINE.sub("status: open", text, count=1)
        text = FILLED_DATE_LINE.sub("", text, count=1)
        text = DATES.sub(
            lambda m, posted=posted, closes=closes: (
                f"{m.group(1)}: {posted if m.group(1) == 'date_posted' else closes}"
            ),
            text,
        )
        text = re.sub(r"^  date: .*$", f"  date: {posted}", text, count=1, flags=re.M)
        (out / folder).mkdir(parents=True, exist_ok=True)
        (out / folder / f"{new_id}.yml").write_text(text, encoding="utf-8")


def run_step(step: str, repo: Path, output: Path) -> dict:
    """Run in this process (called through a child process by :func:`measure`)."""
    started = time.perf_counter()
    figures: dict = {}
    if step == "validate":
        from antarkerja.records.validate import validate_repository

        result = validate_repository(repo)
        figures["files"] = result.files
        figures["errors"] = len(result.errors)
    elif step == "build":
        from antarkerja.site.build import build_site
        from antarkerja.site.outputs.families import TIMES

        os.environ.setdefault("ANTARKERJA_CACHE_DIR", str(output.parent / "cache"))  # cold QR cache
        build_site(repo, output=output, today=BENCH_TODAY.isoformat(), siteurl="", search=False)
        figures["build_s"] = round(time.perf_counter() - started, 2)  # the build alone, for full/floor
        figures["build_cpu_s"] = cpu_seconds()
        figures["pages"] = sum(1 for _ in output.rglob("*.html"))
        figures["families"] = family_figures(output, dict(TIMES), time.perf_counter() - started)
        # Wall seconds and share of the build's wall time; CPU seconds of this process beside
        # the build's (a busy machine inflates wall time, CPU time much less).
        total, total_cpu = time.perf_counter() - started, time.process_time()
        figures["main_cpu_s"] = round(total_cpu, 2)
        figures["qr_cpu_ms_per_code"] = qr_cost()
        for name, seconds in TIMES.items():  # rendering and queueing their files included
            figures[f"{name}_s"] = round(seconds, 2)
            if not name.endswith("_cpu"):
                figures[f"{name}_pct"] = round(100 * seconds / total, 1)
    elif step in INCREMENTAL_STEPS:
        figures.update(incremental_build(step, repo, output))
    elif step == "search":
        from antarkerja.site.search import index_site

        if not os.environ.get(EVERY_BUNDLE):
            figures.update(only_measured_bundles(output))
        figures.update(index_site(output))
        figures["peak_mb_pagefind"] = figures.pop("pagefind_peak_mb", None)
        figures["index_cpu_s"] = cpu_seconds()
    elif step == "offline":  # what sw.js fetches at install, file by file (antarkerja.site.outputs.offline)
        from antarkerja.site.outputs.offline import precache_sizes

        sizes = precache_sizes(output)
        figures["precache"] = [list(row) for row in sizes]
        figures["kb"] = round(sum(raw for _, raw, _ in sizes) / 1000, 1)
        figures["kb_gzip"] = round(sum(gz for _, _, gz in sizes) / 1000, 1)
    elif step == "floor":  # the bare floor: minimal pages from the same records, one Pagefind run
        figures.update(floor_figures(repo, output.parent / "floor"))
    elif step == "check":  # Cek lowongan's name buckets: the bytes one check by wording downloads
        figures.update(check_figures(repo))
    elif step == "history":  # vacancy history from Git (antarkerja.records.history): log + blobs + W601
        from antarkerja.records.history import bench_history

        figures.update(bench_history(repo))
    figures["seconds"] = round(time.perf_counter() - started, 2)
    figures["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return figures


# ``--steps floor``: the least a static build and index of the same vacancies can cost.
FLOOR_TEMPLATE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{{ v.title }}</title></head>
<body><main data-pagefind-body><h1>{{ v.title }}</h1><p>{{ v.employer.name }}</p><p>{{ v.description }}</p>
{% for key in ("responsibilities", "qualifications", "benefits") %}<ul>{% for item in v[key] or [] %}<li>{{ item }}</li>{% endfor %}</ul>
{% endfor %}</main></body></html>
"""


def floor_figures(repo: Path, target: Path) -> dict:
    """The bare floor for the vacancies of ``repo``: ``floor_build_s`` (read every vacancy file
    with the C YAML loader, render :data:`FLOOR_TEMPLATE` with Jinja (autoescaped), write
    ``lowongan/<id>/index.html``) and ``floor_index_s`` (one Pagefind run over those pages,
    forced to Indonesian as the index step is). No validation, no other page, no cache."""
    import jinja2

    from antarkerja.reference import read_yaml
    from antarkerja.site.search import _run_pagefind

    if target.exists():
        shutil.rmtree(target)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    template = jinja2.Environment(autoescape=True).from_string(FLOOR_TEMPLATE)
    pages = 0
    for path in sorted(vacancies_dir(repo).rglob("*.yml")):
        v = read_yaml(path)
        page = target / "lowongan" / str(v["id"]) / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(template.render(v=v), encoding="utf-8")
        pages += 1
    built, cpu_built = time.perf_counter(), cpu_seconds()
    _run_pagefind(target, target / "pagefind", None)
    indexed, cpu_indexed = time.perf_counter(), cpu_seconds()
    return {
        "floor_pages": pages,
        "floor_build_s": round(built - started, 2),
        "floor_index_s": round(indexed - built, 2),
        "floor_build_cpu_s": round(cpu_built - cpu_started, 2),
        "floor_index_cpu_s": round(cpu_indexed - cpu_built, 2),
    }


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and of the children it has waited for (the
    build's workers, Pagefind): a cost that a busy machine moves much less than wall time."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return round(own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime, 2)


def full_over_floor(figures: dict[str, dict]) -> dict | None:
    """(build + index) / (floor build + floor index) from one size's ``build``, ``search`` and
    ``floor`` figures, in wall seconds (``ratio``) and in CPU seconds (``cpu_ratio``), or None
    when one of them is missing or failed."""
    try:
        b, s, f = figures["build"], figures["search"], figures["floor"]
        full, floor = b["build_s"] + s["seconds"], f["floor_build_s"] + f["floor_index_s"]
        full_cpu = b["build_cpu_s"] + s["index_cpu_s"]
        floor_cpu = f["floor_build_cpu_s"] + f["floor_index_cpu_s"]
    except KeyError:
        return None
    if s.get("bundles_not_indexed"):  # a part of the index against the floor's whole: no ratio
        return None
    return {
        "full_s": round(full, 2),
        "floor_s": round(floor, 2),
        "ratio": round(full / floor, 2),
        "full_cpu_s": round(full_cpu, 2),
        "floor_cpu_s": round(floor_cpu, 2),
        "cpu_ratio": round(full_cpu / floor_cpu, 2),
    }


def format_floor(size: int, figures: dict[str, dict]) -> str:
    """The floor line of one size, with full/floor when the full build and index ran too."""
    f = figures["floor"]
    line = (
        f"  floor     {size:,} pages: build {f['floor_build_s']} s + index {f['floor_index_s']} s"
        f" = {f['floor_build_s'] + f['floor_index_s']:.2f} s"
        f" (CPU {f['floor_build_cpu_s']} + {f['floor_index_cpu_s']} s)"
    )
    ratio = full_over_floor(figures)
    skipped = figures.get("search", {}).get("bundles_not_indexed")
    if skipped:
        line += f"\n  full/floor not computed: the search step left {skipped} bundles out (run it with the floor step)"
    if ratio:
        b, s = figures["build"], figures["search"]
        flag = "" if ratio["ratio"] <= FLOOR_BUDGET else "  OVER BUDGET"
        line += (
            f"\n  full/floor build {b['build_s']} s + index {s['seconds']} s = {ratio['full_s']} s:"
            f" {ratio['ratio']}x the floor (budget {FLOOR_BUDGET}x){flag}"
            f"\n  full/floor in CPU seconds: build {b['build_cpu_s']} + index {s['index_cpu_s']} = {ratio['full_cpu_s']} s"
            f" against {ratio['floor_cpu_s']} s: {ratio['cpu_ratio']}x"
        )
    return line


FLOOR_BUDGET = 2.5  # full build + index at most this many times the floor (issue 28, at 10,000)
# Set by the bench when the floor step runs too: the search step then indexes every bundle,
# since full/floor sets the whole index against the floor's (see only_measured_bundles).
EVERY_BUNDLE = "ANTARKERJA_BENCH_EVERY_BUNDLE"


# Words for made-up distinct employer names ("PT Maju Sinar Lestari"), with the words of the
# regency names: the generated vacancies share 76 sample employers, a national site has
# tens of thousands.
NAME_WORDS = (
    "maju jaya abadi sentosa makmur sejahtera mandiri karya sinar mulia bumi cahaya prima utama bersama nusantara"
    " indah lestari agung perkasa teknik niaga logistik pangan tekstil rasa putra surya buana samudra mitra global"
    " kencana permata harapan berkah anugerah citra dharma wijaya graha mega tunggal langgeng setia budi tirta wana"
    " sari griya artha dinamika solusi kreasi sukses gemilang intan baru raya cemerlang sakti kurnia lancar"
).split()
PER_EMPLOYER = 4  # vacancies per made-up employer


def check_figures(repo: Path) -> dict:
    """Sizes of ``cek-lowongan/nama/`` buckets (:func:`antarkerja.site.outputs.check.name_shards`),
    for the generated employers and for made-up distinct ones (``distinct_*``), and the bytes
    of one check: a message looks up 2-4 word pairs (the browser test's messages), at most
    ``MAX_NAME_KEYS`` buckets; ``check_kb`` is 4 buckets of average size, ``check_max_kb`` the
    largest buckets up to that limit."""
    import gzip
    from types import SimpleNamespace

    from antarkerja.records.validate import validate_repository
    from antarkerja.site.model import build_site
    from antarkerja.site.outputs.check import MAX_NAME_KEYS, name_shards
    from antarkerja.site.outputs.common import dump

    result = validate_repository(repo)
    records = [v.data for v in result.vacancies]
    offices = [o.data for o in result.offices]
    ref, ctx = load_reference_for(repo), SimpleNamespace(siteurl="")
    out: dict = {}
    for prefix in ("", "distinct_"):
        if prefix:
            words_of = {w for r in ref.regencies.values() for w in r.name.lower().split() if w.isalpha() and len(w) > 3}
            pool = sorted(set(NAME_WORDS) | (words_of - {"kabupaten", "kota", "administrasi"}))
            n = len(pool)
            for i, data in enumerate(records):
                e = i // PER_EMPLOYER
                words = (
                    pool[e % n],
                    pool[(e // n + 7 * e) % n],
                    pool[(e // n // n + 13 * e + 5) % n],
                )
                data["employer"] = dict(data["employer"], name="PT " + " ".join(words))
        site = build_site(records, offices, ref, BENCH_TODAY)
        sizes = sorted((len(b), len(gzip.compress(b))) for b in (dump(s).encode() for s in name_shards(site, ctx)))
        gz = sorted(z for _, z in sizes)
        out[f"{prefix}employers"] = len(site.employers)
        out[f"{prefix}buckets"] = len(sizes)
        out[f"{prefix}bucket_kb"] = round(sum(b for b, _ in sizes) / len(sizes) / 1000, 1)
        out[f"{prefix}bucket_gz_kb"] = round(sum(gz) / len(gz) / 1000, 1)
        out[f"{prefix}bucket_max_kb"] = round(sizes[-1][0] / 1000, 1)
        out[f"{prefix}check_kb"] = round(4 * sum(b for b, _ in sizes) / len(sizes) / 1000, 1)
        out[f"{prefix}check_gz_kb"] = round(4 * sum(gz) / len(gz) / 1000, 1)
        out[f"{prefix}check_max_gz_kb"] = round(sum(gz[-MAX_NAME_KEYS:]) / 1000, 1)
    return out


def load_reference_for(repo: Path):
    from antarkerja.reference import load_reference

    return load_reference(repo)


# The top folders each output family writes (issue #10: feeds, open data, widgets).
FAMILY_FOLDERS = {
    "api": ["api_index"],
    "feeds": ["feed_atom", "subscribe_index"],
    "downloads": ["downloads"],
    "widgets": ["embed", "embed_builder"],
}


def family_figures(output: Path, times: dict, build_seconds: float) -> dict:
    """Seconds, files, MB and largest file of each output family, and their share of the build."""
    from antarkerja.urls import ROUTES

    out = {}
    for name, routes in FAMILY_FOLDERS.items():
        files = [p for r in routes for p in (output / ROUTES[r].split("/")[0]).rglob("*") if p.is_file()]
        sizes = [p.stat().st_size for p in files]
        # The aggregator XML is a complete export, split in parts, not a bounded feed.
        largest = max(((s, p) for s, p in zip(sizes, files, strict=True) if not p.name.startswith("indeed-")),
                      default=(0, None))  # fmt: skip
        out[name] = {
            "seconds": times.get(name),
            "files": len(files),
            "mb": round(sum(sizes) / 1e6, 1),
            "largest_kb": round(largest[0] / 1000),
            "largest": largest[1].relative_to(output).as_posix() if largest[1] else None,
        }
    extra = sum(v for k, v in times.items() if k in FAMILY_FOLDERS and v)
    out["extra_seconds"] = round(extra, 2)
    out["extra_percent"] = round(100 * extra / max(0.01, build_seconds - extra), 1)
    return out


def qr_cost(count: int = 200) -> float:
    """CPU milliseconds to make one printed notice's QR code (segno, fixed mask, SVG path)."""
    from antarkerja.site.outputs.notices import qr

    started = time.process_time()
    for i in range(count):
        qr(f"https://antarkerja.example.id/lowongan/bench-{i:06d}-operator-produksi-contoh/")
    return round((time.process_time() - started) / count * 1000, 2)


# ``--steps incremental``: builds with the build cache (antarkerja.site.cache), each in its own
# process, on one repository: a full build from a cold cache, one changed vacancy, a re-run
# with nothing changed, and the nightly run (no content change, today one day later).
INCREMENTAL_STEPS = {
    "inc-full": "full build, cold cache",
    "inc-one": "one changed vacancy",
    "inc-same": "re-run, nothing changed",
    "inc-nightly": "nightly (today +1 day)",
}


def incremental_build(step: str, repo: Path, output: Path) -> dict:
    """One build with search and the build cache in ``output``'s folder (``build-cache/``)."""
    from antarkerja.site import build as build_module
    from antarkerja.site.build import build_site
    from antarkerja.site.outputs.families import TIMES

    cache_dir = output.parent / "build-cache"
    if step == "inc-full":
        shutil.rmtree(cache_dir, ignore_errors=True)
        shutil.rmtree(output, ignore_errors=True)
    os.environ.setdefault("ANTARKERJA_CACHE_DIR", str(output.parent / "cache"))  # QR codes, as in `build`
    today = BENCH_TODAY + timedelta(days=1 if step == "inc-nightly" else 0)
    build_site(repo, output=output, today=today.isoformat(), siteurl="", search=True, cache=cache_dir)
    last = build_module.LAST
    cache = last["cache"]
    files = last.get("files") or {}
    output_bytes = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    return {
        "written": files.get("changed"),
        "kept": files.get("unchanged"),
        "removed": files.get("removed"),
        "index_s": (last.get("index") or {}).get("seconds"),
        # publishing: in place (site.publish), or counting and linking a new tree's unchanged files
        "keep_s": last.get("keep_seconds"),
        "bundles_indexed": cache.bundle_misses,
        "bundles_reused": cache.bundle_hits,
        "records_checked": cache.memo.misses if cache.memo else None,
        "records_reused": cache.memo.hits if cache.memo else None,
        "pages_rendered": cache.page_misses,  # vacancy pages and notices (the render cache)
        "pages_reused": cache.page_hits,
        # the slowest output families after the vacancy pages (rendering and queueing), in seconds
        "slowest_families_s": dict(sorted(TIMES.items(), key=lambda kv: -kv[1])[:5]),
        "cache_mb": round(cache.size() / 1e6, 1),
        "output_mb": round(output_bytes / 1e6, 1),
        "notes": cache.notes,
        "peak_mb_children": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "load": load(),  # the machine is shared: each step's figures with the load they met
    }


def change_one_vacancy(repo: Path) -> Path:
    """Change the title of one vacancy (the middle file), as an officer's one-line fix does."""
    files = sorted(vacancies_dir(repo).rglob("*.yml"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    path.write_text(
        TITLE_LINE.sub(lambda m: f"title: {m.group(1).strip(chr(34))} (diperbaiki)", text, count=1), "utf-8"
    )
    return path


def measure(step: str, repo: Path, output: Path, env: dict | None = None) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "antarkerja.tools.bench", step, str(repo), str(output)],
        capture_output=True,
        text=True,
        env={**os.environ, **env} if env else None,
    )
    if proc.returncode != 0:
        return {"failed": (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def search_shapes(output: Path) -> list[dict] | dict:
    from antarkerja.tools.bench_search import measure_shapes

    print(f"  load average {load()} before the shapes", flush=True)
    try:
        return measure_shapes(output, runs=SEARCH_RUNS)
    except Exception as exc:  # report and go on: one failed figure must not hide the rest
        return {"failed": [f"{type(exc).__name__}: {exc}"]}


def load() -> str:
    """The machine's load average (1, 5, 15 minutes), printed beside timings: it is shared."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def only_measured_bundles(output: Path) -> dict:
    """On a site without a national bundle (above ``search.national_bundle_max``), keep in the
    build's bundle list only the bundles the search shapes and switches read
    (:func:`antarkerja.tools.bench_search.measured_bundles`): at 100,000 indexing all 39 takes
    longer than the rest of the bench, and a shape reads one province's bundle (or none: national
    words read the word index). Returns what was left out, for the printed figures."""
    from antarkerja.site.search import BUNDLES_MANIFEST, NATIONAL
    from antarkerja.tools.bench_search import measured_bundles, page_scopes

    manifest = output / BUNDLES_MANIFEST
    if not manifest.is_file() or NATIONAL in page_scopes(output):
        return {}
    data = json.loads(manifest.read_text(encoding="utf-8"))
    keep = measured_bundles(output)
    skipped = sorted(k for k in data["bundles"] if k not in keep)
    data["bundles"] = {k: v for k, v in data["bundles"].items() if k in keep}
    manifest.write_text(json.dumps(data), encoding="utf-8")
    return {"bundles_not_indexed": len(skipped)}


SEARCH_RUNS = 3  # each shape opened this many times; its time is the best (a shared machine)


def province_switch(output: Path) -> list[dict]:
    from antarkerja.tools.bench_search import measure_switch

    try:
        return measure_switch(output)
    except Exception as exc:  # report and go on
        print(f"  switch    FAILED: {type(exc).__name__}: {exc}")
        return []


def output_sizes(output: Path) -> dict[str, tuple[int, int]]:
    """Bytes and files of the built site per top-level folder (``(root)`` for top-level files)."""
    areas: dict[str, list[int]] = {}
    for path in output.rglob("*"):
        if path.is_file():
            rel = path.relative_to(output).parts
            area = rel[0] + "/" if len(rel) > 1 else "(root)"
            figures = areas.setdefault(area, [0, 0])
            figures[0] += path.stat().st_size
            figures[1] += 1
    return {area: (b, n) for area, (b, n) in sorted(areas.items(), key=lambda kv: -kv[1][0])}


def print_sizes(size: int, areas: dict[str, tuple[int, int]]) -> None:
    total_bytes = sum(b for b, _ in areas.values())
    total_files = sum(n for _, n in areas.values())
    print(f"\n{size:,} vacancies: output size per area")
    print(f"  {'area':<16} {'bytes':>15} {'MB':>9} {'files':>9}")
    for area, (b, n) in areas.items():
        print(f"  {area:<16} {b:>15,} {b / 1e6:>9.1f} {n:>9,}")
    print(f"  {'total':<16} {total_bytes:>15,} {total_bytes / 1e6:>9.1f} {total_files:>9,}")
    print(f"  per vacancy: {total_bytes / size:,.0f} bytes, {total_files / size:.2f} files")


def run_trust(root: Path) -> int:
    """The ``trust`` step: recall and false alarms of the text rules on the labelled corpus."""
    from antarkerja.tools.trust import evaluate, print_report

    report = evaluate(root)
    print_report(report)
    print(json.dumps(report.figures(), ensure_ascii=False))
    # the same queries answered by the national word index, as on a site above the national bundle
    words = evaluate(root, national_bundle=False)
    print_report(words, engine="the national word index")
    print(json.dumps(words.figures(), ensure_ascii=False))
    return 0 if report.meets_targets else 1


def run_quality(root: Path) -> int:
    """The ``quality`` step: precision@5 and recall@20 of the search page on the judged queries."""
    from antarkerja.tools.search_quality import evaluate, print_report

    report = evaluate(root)
    print_report(report)
    print(json.dumps(report.figures(), ensure_ascii=False))
    # the same queries answered by the national word index, as on a site above the national bundle
    words = evaluate(root, national_bundle=False)
    print_report(words, engine="the national word index")
    print(json.dumps(words.figures(), ensure_ascii=False))
    return 0 if report.meets_targets else 1


def run_bench(root: Path, sizes: list[int], steps: list[str], compare: str | None = None, rounds: int = 5) -> int:
    status = 0
    if "trust" in steps:  # a corpus measure, not a size: runs once, before any size
        status = run_trust(root)
        steps = [s for s in steps if s != "trust"]
        if not steps:
            return status
    if "quality" in steps:  # judged queries on the sample site: runs once, before any size
        status = max(status, run_quality(root))
        steps = [s for s in steps if s != "quality"]
        if not steps:
            return status
    print(
        f"Antar Kerja bench: {', '.join(f'{n:,}' for n in sizes)} vacancies; steps {', '.join(steps) or '-'}"
        + (f"; validation compared with {compare}" if compare else "")
    )
    if "floor" in steps:  # last, so that full/floor can be printed beside it
        steps = [s for s in steps if s != "floor"] + ["floor"]
    rows = []
    shapes: list[tuple[int, list[dict]]] = []
    for size in sizes:
        by_step: dict[str, dict] = {}  # this size's figures, for full/floor
        with tempfile.TemporaryDirectory(prefix=f"antarkerja-bench-{size}-") as scratch:
            repo, output = Path(scratch) / "repo", Path(scratch) / "output"
            started = time.perf_counter()
            generate(root, repo, size)
            print(f"\n{size:,} vacancies generated in {time.perf_counter() - started:.1f} s")
            if compare:
                from antarkerja.tools.bench_compare import compare_validation, format_comparison

                compared = compare_validation(root, repo, compare, rounds)
                rows.append((size, "compare", compared))
                print(format_comparison(compared), flush=True)
            for step in steps:
                if step == "rewrite":  # files rewritten by one added vacancy, a day passing, an expiry
                    from antarkerja.tools.bench_rewrite import code_versions, format_figures, measure_rewrites

                    for n, (label, plugins) in enumerate(code_versions()):
                        work = Path(scratch) / f"rewrite-{n}"
                        figures = measure_rewrites(repo, work, BENCH_TODAY, with_closed=True, plugins=plugins)
                        print(format_figures(size, figures, label), flush=True)
                        keys = ("files", "added_vacancy", "added_first", "next_day", "oldest_closed")
                        rows.append((size, f"rewrite {n}", {k: figures[k] for k in keys}))
                        shutil.rmtree(work)
                    continue
                if step == "incremental":
                    rows += run_incremental(size, repo, Path(scratch) / "output-incremental")
                    continue
                if step in ("search", "offline") and "build" not in steps and not output.is_dir():
                    measure("build", repo, output)
                every = step == "search" and "floor" in steps  # full/floor needs the whole index
                figures = measure(step, repo, output, env={EVERY_BUNDLE: "1"} if every else None)
                if step == "offline" and "precache" in figures:
                    print(format_precache(figures.pop("precache")), flush=True)
                if "seconds" in figures:
                    figures["s_per_1000"] = round(figures["seconds"] * 1000 / size, 3)
                families = figures.pop("families", None)
                rows.append((size, step, figures))
                by_step[step] = figures
                print(f"  {step:<9} {_describe(figures)}", flush=True)
                if step == "floor" and "failed" not in figures:
                    print(format_floor(size, by_step), flush=True)
                if families:
                    _print_families(families)
                if step == "search" and "failed" not in figures:
                    measured = search_shapes(output)
                    if isinstance(measured, dict):
                        rows.append((size, "shapes", measured))
                        print(f"  shapes    {_describe(measured)}", flush=True)
                    else:
                        shapes.append((size, measured))
                        print(format_shapes(size, measured), flush=True)
                    switched = province_switch(output)
                    rows.append(
                        (size, "switch", {"kb": [r["kb"] for r in switched]} if switched else {"failed": ["?"]})
                    )
                    if switched:
                        print(format_switch(size, switched), flush=True)
                    print(f"  load average {load()} after the shapes and switches", flush=True)
                    if "offline" not in steps:  # the offline set belongs to the phone path's budgets too
                        from antarkerja.site.outputs.offline import precache_sizes

                        print(format_precache([list(r) for r in precache_sizes(output)]), flush=True)
            if output.is_dir():
                print_sizes(size, output_sizes(output))
    print("\nsize      step      seconds  s/1000  peak MB  other")
    for size, step, f in rows:
        other = {k: v for k, v in f.items() if k not in ("seconds", "peak_mb", "s_per_1000")}
        print(
            f"{size:<9} {step:<9} {f.get('seconds', '-'):>7} {f.get('s_per_1000', '-'):>7}  {f.get('peak_mb', '-'):>7}  "
            f"{json.dumps(other, ensure_ascii=False)}"
        )
    if shapes:
        print(
            f"\nSearch URL shapes (360x740, cold cache, CPU 4x slower, until first results; budgets "
            f"300 KB and 1 s; time: best of {SEARCH_RUNS} runs)"
        )
        print("size     shape                                      KB            gzip   requests   ms   page says")
        for size, measured in shapes:
            print(format_shapes(size, measured))
    over = any(r["kb"] > 300 or r["errors"] for _, measured in shapes for r in measured)
    differs = any(not f.get("same_findings", True) for _, _, f in rows)
    over = over or any(
        step == "offline" and f.get("kb_gzip", 0) > 60 for _, step, f in rows
    )  # compared versions did other work
    return 1 if over or differs or any("failed" in f for _, _, f in rows) else 0


def run_incremental(size: int, repo: Path, output: Path) -> list:
    """The incremental steps in order, one process each; prints one line per step."""
    rows = []
    for step, label in INCREMENTAL_STEPS.items():
        if step == "inc-one":
            change_one_vacancy(repo)
        figures = measure(step, repo, output)
        if "seconds" in figures:
            figures["s_per_1000"] = round(figures["seconds"] * 1000 / size, 3)
        rows.append((size, step, figures))
        print(f"  {step:<11} {label}: {_describe(figures)}", flush=True)
    return rows


def format_precache(rows: list) -> str:
    """The offline set file by file (bytes as stored and gzip-compressed), with the budget."""
    from antarkerja.site.outputs.offline import BUDGET_KB

    lines = [f"    offline set (sw.js precache), budget {BUDGET_KB} KB as downloaded:"]
    lines += [f"      {address:<48} {raw:>8,} B {gz:>7,} B gzip" for address, raw, gz in rows]
    raw, gz = sum(r[1] for r in rows), sum(r[2] for r in rows)
    flag = "" if gz <= BUDGET_KB * 1000 else "  OVER BUDGET"
    lines.append(f"      {'total':<48} {raw:>8,} B {gz:>7,} B gzip{flag}")
    return "\n".join(lines)


def _print_families(f: dict) -> None:
    print(f"    feeds, open data, widgets: +{f['extra_seconds']} s, {f['extra_percent']} % of the rest of the build")
    for name in FAMILY_FOLDERS:
        x = f[name]
        print(
            f"      {name:<10} {x['seconds']} s, {x['files']:,} files, {x['mb']} MB; "
            f"largest {x['largest_kb']} KB ({x['largest']})"
        )


def _describe(f: dict) -> str:
    if "failed" in f:
        return "FAILED: " + " ".join(f["failed"])
    return f"{f['seconds']} s, peak {f['peak_mb']} MB" + "".join(
        f", {k} {v}" for k, v in f.items() if k not in ("seconds", "peak_mb")
    )


if __name__ == "__main__":
    step_name, repo_dir, output_dir = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    print(json.dumps(run_step(step_name, repo_dir, output_dir)))
