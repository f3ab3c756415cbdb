"""The bench's generator: national-size data that validates, in every regency."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from antarkerja.paths import vacancies_dir
from antarkerja.records.validate import validate_repository
from antarkerja.reference import load_reference
from antarkerja.tools.bench import BENCH_TODAY, SPREAD, generate

ROOT = Path(__file__).resolve().parents[1]


def test_generated_vacancies_validate_and_reach_every_regency_in_turn(tmp_path):
    count = 400
    generate(ROOT, tmp_path / "repo", count)
    result = validate_repository(tmp_path / "repo")
    assert result.files - len(result.offices) == count
    assert [e for e in result.errors if e.severity == "error"] == []
    ref = load_reference(ROOT)
    regencies = Counter(
        v.data["location"]["regency"] for v in result.vacancies if v.data["location"]["country"] == "ID"
    )
    # every SPREAD-th domestic one goes to the next regency of the whole country, in code order
    moved = [
        v.data["location"]["regency"]
        for v in sorted(result.vacancies, key=lambda v: v.data["id"])
        if int(v.data["id"].rsplit("-", 1)[1]) % SPREAD == SPREAD - 1 and v.data["location"]["country"] == "ID"
    ]
    assert len(moved) > count // SPREAD - 5 and moved == sorted(ref.regencies)[: len(moved)]
    samples = validate_repository(ROOT).vacancies
    sample_provinces = {v.data["location"]["province"] for v in samples if v.data["location"]["country"] == "ID"}
    for code in sample_provinces:  # the others cycle through their sample's province
        in_province = {r for r in regencies if r.startswith(code + ".")}
        assert len(in_province) > 1, code
    for v in result.vacancies:  # in its province's folder, verified by an office that may
        assert v.path.parent.name == ref.provinces[v.data["location"]["province"]].slug


def test_incremental_step_reports_what_one_change_and_the_nightly_run_redo(tmp_path, monkeypatch):
    """`bench --steps incremental` at a tiny size: the one-change build re-checks one record,
    reuses the bundles of untouched provinces and writes far fewer files than the full build;
    the re-run writes nothing; the nightly run checks no record again (no record has a date
    ahead, the one thing today changes in a check) and renders again only the pages the
    vacancy closing overnight touches."""
    from antarkerja.site.search import NATIONAL_BUNDLE_SETTING
    from antarkerja.tools.bench import INCREMENTAL_STEPS, change_one_vacancy, incremental_build

    monkeypatch.setenv(NATIONAL_BUNDLE_SETTING, "0")  # bundles per province, as at 100,000
    repo, output = tmp_path / "repo", tmp_path / "out"
    generate(ROOT, repo, 10)
    rows = {}
    for step in INCREMENTAL_STEPS:
        if step == "inc-one":
            change_one_vacancy(repo)
        rows[step] = incremental_build(step, repo, output)
    full, one, same, nightly = (rows[s] for s in INCREMENTAL_STEPS)
    assert full["records_reused"] == 0 and full["bundles_reused"] == 0 and full["kept"] == 0
    assert one["records_checked"] == 1 and one["bundles_reused"] >= 1 and 0 < one["written"] < full["written"] // 4
    assert same["written"] == 0 and same["bundles_indexed"] == 0 and same["records_checked"] == 0
    assert nightly["records_checked"] == 0 and nightly["records_reused"] == full["records_checked"]
    assert nightly["written"] > 0
    # One generated vacancy of ten closes overnight (valid through BENCH_TODAY): its page is
    # rendered again and its notice removed. No other page lists it among "Lowongan serupa"
    # (only vacancies closing no earlier are listed, Site.similar), and a vacancy page's key
    # holds no day count (the device counts the days), so no other page or notice is.
    closing = [
        p
        for p in vacancies_dir(repo).rglob("*.yml")
        if f"valid_through: {BENCH_TODAY}" in p.read_text(encoding="utf-8")
    ]
    assert len(closing) == 1
    assert full["pages_rendered"] == 20 and nightly["pages_rendered"] == 1, nightly
    assert all(r["notes"] == [] and r["cache_mb"] <= r["output_mb"] for r in rows.values())


def test_above_the_national_bundle_the_bench_indexes_only_the_bundles_its_shapes_read(tmp_path, monkeypatch):
    """At 100,000 the bench measures the real build, indexing only the provinces its search
    shapes and switches open (the national words shape reads the word index, no bundle)."""
    import json

    from antarkerja.site.build import build_site
    from antarkerja.site.search import BUNDLES_MANIFEST, NATIONAL_BUNDLE_SETTING, index_site
    from antarkerja.tools.bench import only_measured_bundles
    from antarkerja.tools.bench_search import page_scopes, search_shapes, switch_provinces

    monkeypatch.setenv(NATIONAL_BUNDLE_SETTING, "10")  # the sample built as a large site is
    out = tmp_path / "site"
    build_site(ROOT, output=out, today="2026-11-25", siteurl="", search=False)
    every = set(json.loads((out / BUNDLES_MANIFEST).read_text(encoding="utf-8"))["bundles"])
    scopes = page_scopes(out)
    named = {p.get("provinsi") for _, p, _ in search_shapes(out)} | set(switch_provinces(out))
    expected = {k for name in named if name for k in scopes.get(name, [])} | set(scopes["Luar negeri"])
    assert only_measured_bundles(out) == {"bundles_not_indexed": len(every - expected)}
    assert len(expected) < len(every)
    index_site(out)
    assert {p.name for p in (out / "pagefind").iterdir()} - {"mesin"} == expected

    # Beside the floor step (full/floor needs the whole index) the search step indexes all.
    from antarkerja.tools.bench import EVERY_BUNDLE, run_step

    out = tmp_path / "site-all"
    build_site(ROOT, output=out, today="2026-11-25", siteurl="", search=False)
    monkeypatch.setenv(EVERY_BUNDLE, "1")
    assert "bundles_not_indexed" not in run_step("search", ROOT, out)
    assert {p.name for p in (out / "pagefind").iterdir()} - {"mesin"} == every


def test_with_a_national_bundle_the_bench_indexes_every_bundle(tmp_path):
    from antarkerja.site.build import build_site
    from antarkerja.site.search import BUNDLES_MANIFEST
    from antarkerja.tools.bench import only_measured_bundles

    out = tmp_path / "site"
    build_site(ROOT, output=out, today="2026-11-25", siteurl="", search=False)
    before = (out / BUNDLES_MANIFEST).read_text(encoding="utf-8")
    assert only_measured_bundles(out) == {}
    assert (out / BUNDLES_MANIFEST).read_text(encoding="utf-8") == before


def test_floor_step_indexes_the_same_vacancies_as_minimal_pages_and_prints_full_over_floor(tmp_path, capsys):
    """`bench --steps floor` at a tiny size: one minimal page per vacancy, one Pagefind run over
    exactly those pages (each found by its own title), then the floor line and, beside a full
    build and index, full/floor in wall and CPU seconds."""
    import gzip
    import json

    from antarkerja.tools.bench import FLOOR_BUDGET, floor_figures, format_floor, run_bench

    repo = tmp_path / "repo"
    generate(ROOT, repo, 12)
    figures = floor_figures(repo, tmp_path / "floor")
    assert figures["floor_pages"] == 12 and figures["floor_build_s"] > 0 and figures["floor_index_s"] > 0
    assert figures["floor_index_cpu_s"] > 0
    bundle = tmp_path / "floor" / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["id"]["page_count"] == 12
    fragments = [
        json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd")) for f in bundle.glob("fragment/*")
    ]
    assert sorted(f["url"] for f in fragments) == [f"/lowongan/bench-{i:06d}/" for i in range(12)]
    assert all(f["meta"]["title"].endswith(f" {int(f['url'][-7:-1])}") for f in fragments)  # "<title> <n>"
    full = {"build": {"build_s": 6.0, "build_cpu_s": 5.0}, "search": {"seconds": 4.0, "index_cpu_s": 3.0}}
    floor = {"floor_build_s": 1.0, "floor_index_s": 3.0, "floor_build_cpu_s": 1.0, "floor_index_cpu_s": 1.0}
    text = format_floor(12, {**full, "floor": floor})
    assert "full/floor build 6.0 s + index 4.0 s = 10.0 s: 2.5x the floor" in text and "OVER" not in text
    assert "CPU seconds: build 5.0 + index 3.0 = 8.0 s against 2.0 s: 4.0x" in text
    assert "OVER BUDGET" in format_floor(12, {**full, "floor": {**floor, "floor_index_s": 2.0}})
    # A search step that indexed a few bundles of a big site is no whole index: no ratio.
    partial = {**full, "search": {**full["search"], "bundles_not_indexed": 36}, "floor": floor}
    assert "full/floor not computed: the search step left 36 bundles out" in format_floor(12, partial)
    assert "x the floor" not in format_floor(12, partial)
    assert FLOOR_BUDGET == 2.5
    assert run_bench(ROOT, [12], ["floor"]) == 0
    assert "floor     12 pages: build " in capsys.readouterr().out
