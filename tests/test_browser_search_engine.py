"""One search engine for every Pagefind bundle (search.share_engine), in a real browser.

A reader searches all Indonesia, then switches province twice on the same page: Pagefind's
engine (pagefind.js and its WebAssembly) is downloaded once, from one URL, and a switch
reads only a bundle's entry, metadata, filters, index chunks and fragments (and the
province's regency list): on the small sample site, the one national bundle's (search.bundles),
often nothing at all.
The bench prints the bytes (``measure_switch``); here the requests are judged.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import pytest

from antarkerja.errors import SearchIndexFailed
from antarkerja.site.search import NATIONAL, share_engine
from antarkerja.tools.bench_search import _CHOOSE, measure_switch, switch_provinces

pytestmark = pytest.mark.browser


def test_engine_is_fetched_once_for_national_and_two_province_searches(browser, sample_server, sample_site):
    assert sorted(p.name for p in (sample_site / "pagefind" / "mesin").iterdir()) == [
        "pagefind.js",
        "wasm.id.pagefind",
        "wasm.unknown.pagefind",
    ]
    assert not list((sample_site / "pagefind").glob("*/pagefind.js"))[1:]  # only the engine's copy
    assert not [p for p in (sample_site / "pagefind").glob("*/wasm.*") if p.parent.name != "mesin"]
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, locale="id-ID")
    page = context.new_page()
    seen: list[str] = []
    page.on("requestfinished", lambda r: seen.append(urlsplit(r.url).path))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(sample_server + "/cari/?" + urlencode({"q": "operator", "provinsi": NATIONAL}))
        page.wait_for_function("document.querySelector('#cari-hasil').dataset.selesai > '0'")
        assert page.locator("#cari-hasil > li").count() > 0
        for province in switch_provinces(sample_site, "operator"):
            before = page.get_attribute("#cari-hasil", "data-selesai")
            seen.clear()
            page.evaluate(_CHOOSE, province)
            page.wait_for_function(f"document.querySelector('#cari-hasil').dataset.selesai !== '{before}'")
            bundle = [p for p in seen if p.startswith("/pagefind/")]
            # a small site: the one bundle of all, whose chunks the national search read already
            # (its filter file and the fragments not yet shown, if any, are what a switch adds)
            assert {p.split("/")[2] for p in bundle} <= {"semua"}, bundle
            kinds = {p.rsplit("/", 2)[-2] if p.count("/") > 3 else p.rsplit("/", 1)[-1].split(".")[-1] for p in bundle}
            assert kinds <= {"index", "fragment", "filter", "pf_meta", "pagefind-entry.json", "json"}, bundle
        engine = [p for p in seen if "/mesin/" in p]
        assert engine == []  # not again after the first search
    finally:
        context.close()
    assert errors == []


def test_switch_downloads_no_engine_bytes(sample_site):
    rows = measure_switch(sample_site)
    first, *switches = rows
    assert first["bytes_by_kind"]["wasm"] > 50_000 and first["bytes_by_kind"]["pagefind_js"] > 30_000
    for row in switches:
        assert "wasm" not in row["bytes_by_kind"] and "pagefind_js" not in row["bytes_by_kind"], row
        assert row["errors"] == []


def test_bundles_with_different_engines_stop_the_index_step(tmp_path):
    for key, wasm in (("a", b"one"), ("b", b"two")):
        (tmp_path / "pagefind" / key).mkdir(parents=True)
        (tmp_path / "pagefind" / key / "pagefind.js").write_text("// same")
        (tmp_path / "pagefind" / key / "wasm.id.pagefind").write_bytes(wasm)
    with pytest.raises(SearchIndexFailed, match="berbeda"):
        share_engine(tmp_path / "pagefind", [tmp_path / "pagefind" / "a", tmp_path / "pagefind" / "b"])
