"""Byte-identical search files: canonical Pagefind bundles and whole-tree rebuild identity."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from antarkerja.site import pagefind_canon
from antarkerja.site.pagefind_canon import pack, read
from antarkerja.site.search import index_site

TODAY = "2026-11-25"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _pages(folder: Path, n: int) -> None:
    rng = random.Random(5)
    for i in range(n):
        page = folder / "lowongan" / f"v{i:02d}" / "index.html"
        page.parent.mkdir(parents=True)
        words = " ".join(rng.choice(["operator", "penjahit", "gudang", "kasir", "mesin", "pabrik"]) for _ in range(12))
        page.write_text(
            f'<!doctype html><html lang="id"><body><main data-pagefind-body><h1>Lowongan {i}</h1><p>{words}</p>'
            f'<span hidden data-pagefind-filter="provinsi">{rng.choice(["Bali", "Aceh", "Papua"])}</span>'
            f'<span hidden data-pagefind-filter="upah">{rng.choice(["A", "B", "C", "D"])}</span>'
            f'<span hidden data-pagefind-filter="jenis">{rng.choice(["Tetap", "Kontrak"])}</span>'
            f'<span hidden data-pagefind-sort="terbaru:2026-11-{10 + i % 5:02d} v{i:02d}"></span>'
            f'<span hidden data-pagefind-sort="upah:{rng.randrange(10**6):012d} v{i:02d}"></span>'
            "</main></body></html>",
            encoding="utf-8",
        )


def _metas(bundle: Path) -> tuple[dict, list]:
    """The entry and the language's metadata with every sort list (split ones joined back)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read(bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")
    for language, info in sorted(entry["languages"].items()):
        if language.startswith("id-x-"):
            meta[4] += read(bundle / f"pagefind.{info['hash']}.pf_meta")[4]
    return entry, meta


def _scramble(bundle: Path, seed: int) -> None:
    """Renumber pages and reorder filters, values and sorts as another Pagefind run might.

    Leaves the bundle as Pagefind writes it: one metadata file holding every sort list.
    """
    rng = random.Random(seed)
    entry_path = bundle / "pagefind-entry.json"
    entry, meta = _metas(bundle)
    for name in bundle.glob("*.pf_meta"):
        name.unlink()
    entry["languages"] = {"id": entry["languages"]["id"]}
    info = entry["languages"]["id"]
    count = len(meta[1])
    perm = list(range(count))
    rng.shuffle(perm)  # old page number -> new
    pages = [None] * count
    for old, new in enumerate(perm):
        pages[new] = meta[1][old]
    meta[1] = pages
    for n, chunk in enumerate(meta[2]):
        path = bundle / "index" / f"{chunk[2]}.pf_index"
        words = read(path)
        for word in words[0]:
            pagefind_canon._remap_word(word, dict(enumerate(perm)))
        path.unlink()
        chunk[2] = f"id_scr{n}"
        (bundle / "index" / f"{chunk[2]}.pf_index").write_bytes(pack(words))
    for n, item in enumerate(meta[3]):
        path = bundle / "filter" / f"{item[1]}.pf_filter"
        name, values = read(path)
        values = [[value, [perm[p] for p in ps]] for value, ps in values]
        rng.shuffle(values)
        path.unlink()
        item[1] = f"id_scf{n}"
        (bundle / "filter" / f"{item[1]}.pf_filter").write_bytes(pack([name, values]))
    rng.shuffle(meta[3])
    meta[4] = [[key, [perm[p] for p in ps]] for key, ps in meta[4]]
    rng.shuffle(meta[4])
    info["hash"] = "id_scrambled"
    (bundle / "pagefind.id_scrambled.pf_meta").write_bytes(pack(meta))
    entry_path.write_text(json.dumps(entry), encoding="utf-8")


def test_canonical_bundle_does_not_depend_on_page_or_map_order(tmp_path):
    _pages(tmp_path, 24)
    stats = index_site(tmp_path)
    assert stats["pages"] == 24
    bundle = tmp_path / "pagefind"
    canonical = tree(bundle)
    entry, meta = _metas(bundle)
    assert [f[0] for f in meta[3]] == ["jenis", "provinsi", "upah"]
    assert [s[0] for s in meta[4]] == ["terbaru", "upah"]
    # A search by relevance reads metadata without sort lists; each sort has its own.
    assert list(entry["languages"]) == ["id", "id-x-terbaru", "id-x-upah"]
    assert read(bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")[4] == []
    for key in ("terbaru", "upah"):
        variant = read(bundle / f"pagefind.{entry['languages'][f'id-x-{key}']['hash']}.pf_meta")
        assert [s[0] for s in variant[4]] == [key] and variant[1:4] == meta[1:4]
    assert len(list(bundle.glob("*.pf_meta"))) == 3
    for seed in (1, 2, 3):
        _scramble(bundle, seed)
        assert tree(bundle) != canonical
        pagefind_canon.canonicalise(bundle)
        assert tree(bundle) == canonical, seed


def test_canonical_bundle_keeps_what_each_page_holds(tmp_path):
    """Same words, filters and sort orders per page URL before and after canonicalising."""
    _pages(tmp_path, 12)
    index_site(tmp_path)
    bundle = tmp_path / "pagefind"

    def by_url():
        _, meta = _metas(bundle)
        urls = [pagefind_canon._fragment_url(bundle, p[0]) for p in meta[1]]
        words = {}
        for chunk in meta[2]:
            for word in read(bundle / "index" / f"{chunk[2]}.pf_index")[0]:
                page, postings = 0, []
                for p in word[1]:  # page numbers are deltas
                    page += p[0]
                    postings.append((urls[page], tuple(p[1])))
                words[word[0]] = sorted(postings)
        filters = {}
        for _, file_id in meta[3]:
            name, values = read(bundle / "filter" / f"{file_id}.pf_filter")
            filters[name] = {value: sorted(urls[p] for p in ps) for value, ps in values}
        sorts = {key: [urls[p] for p in ps] for key, ps in meta[4]}
        return words, filters, sorts, urls

    before = by_url()
    _scramble(bundle, 7)
    assert by_url()[:3] == before[:3]
    pagefind_canon.canonicalise(bundle)
    after = by_url()
    assert after[:3] == before[:3]
    assert after[3] == after[2]["terbaru"]  # pages numbered in the order of the "terbaru" sort
    pagefind_canon.canonicalise(bundle, number_by="none")
    assert by_url()[3] == sorted(after[3])  # or else by URL


def test_two_builds_of_the_same_content_and_today_give_identical_trees(tmp_path, fixture_root):
    """The whole output tree, search bundles and browse shards included."""
    from antarkerja.site.build import build_site

    first = build_site(fixture_root, output=tmp_path / "a", today=TODAY, siteurl="", search=True)
    second = build_site(fixture_root, output=tmp_path / "b", today=TODAY, siteurl="", search=True)
    a, b = tree(first), tree(second)
    assert any(name.endswith(".pf_meta") for name in a) and any(name.startswith("cari/data/") for name in a)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


# Every structure Pagefind 1.5 writes in an index chunk ------------------------------------------
# (``PackedWord``/``PackedVariant``/``PackedPage`` in pagefind/src/index/index_words.rs at v1.5.2,
# read by ``decode_index_chunk`` in pagefind_web/src/index.rs).


def _decoded(words: list) -> dict:
    """What Pagefind's reader makes of a chunk: word -> form -> page -> (locations, meta locations).

    Mirrors ``decode_pages``: page numbers are deltas within each list, each variant's list on
    its own; a word without a third item (an older index) has no variants.
    """
    out = {}
    for word in words:
        lists = [(word[0], word[1])] + [(form, postings) for form, postings in (word[2] if len(word) > 2 else [])]
        forms = {}
        for form, postings in lists:
            page, pages = 0, {}
            for posting in postings:
                page += posting[0]
                pages[page] = (tuple(posting[1]), tuple(posting[2]) if len(posting) > 2 else ())
            forms.setdefault(form, {}).update(pages)
        out[word[0]] = forms
    return out


def _renumbered(decoded: dict, new_number: dict) -> dict:
    return {
        w: {f: {new_number[p]: locs for p, locs in pages.items()} for f, pages in forms.items()}
        for w, forms in decoded.items()
    }


ALL_SHAPES = [
    ["operator", [[0, [3, 9], []], [2, [-26, 0], [-2, 1]]], []],  # postings only; weight and meta markers
    ["cafe", [[1, [4], []]], [["café", [[0, [2], []], [3, [5], []]]], ["cafè", [[2, [1], [0]]]]]],  # both
    ["resume", [], [["résumé", [[1, [7], []], [1, [8], []]]]]],  # only accented forms: no postings of its own
    ["見本工業", [[3, [0], []]], []],  # CJK words are segmented, stored as text like any other
    ["kasir", [[0, [1], []], [4, [2], []]]],  # an older index: no variants item
    ["gudang", [[4, [6]]], []],  # a posting without meta locations (optional to the reader)
    ["kosong", [], []],
]


def test_remap_keeps_every_structure_pagefind_writes():
    perm = {0: 3, 1: 0, 2: 4, 3: 1, 4: 2}
    words = json.loads(json.dumps(ALL_SHAPES))
    before = _decoded(words)
    for word in words:
        pagefind_canon._remap_word(word, perm)
    assert _decoded(words) == _renumbered(before, perm)
    for word in words:  # every list stays in page order, as the reader's deltas need
        for postings in [word[1]] + [v[1] for v in (word[2] if len(word) > 2 else [])]:
            assert all(p[0] >= 0 for p in postings[1:])
    assert read_back(words) == words


def read_back(value):
    """Through the CBOR codec and back (negative locations, empty lists, non-Latin text)."""
    out = bytearray()
    pagefind_canon._encode(value, out)
    return pagefind_canon._decode(bytes(out), 0)[0]


def test_a_layout_pagefind_does_not_write_is_refused_not_rewritten():
    for bad in (
        ["cafe", [[1, [4], []]], [["café", [[0, [2], []]], "extra"]]],
        ["cafe", [[1, [4], []]], [["café"]]],
        ["cafe", [["x", [4], []]], []],
        ["cafe", [[1, [4], []]], [], "fourth"],
        [7, []],
    ):
        with pytest.raises(ValueError, match="unexpected pf_index layout"):
            pagefind_canon._remap_word(json.loads(json.dumps(bad)), {0: 0, 1: 1})


def test_accented_and_non_latin_words_survive_a_real_index(tmp_path):
    """ "Barista Café" stopped every build: Pagefind keeps "café" as a variant of "cafe"."""
    texts = [
        "Barista Café di Kuta, résumé dikirim lewat surel",
        "Barista cafe Seminyak",
        "株式会社見本工業 製造オペレーター",
        "三星样品电子 装配工",
        "Ҷойи корӣ Оператор Продукции",
        "Cafe\u0301 naïve Zoë Ångström",  # NFD: e + combining acute
        "مشغل إنتاج بدوام كامل",
        "ช่างเชื่อม โรงงาน",
    ]
    for i, text in enumerate(texts):
        page = tmp_path / "lowongan" / f"v{i}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<!doctype html><html lang="id"><body><main data-pagefind-body><h1>{text}</h1>'
            f'<span hidden data-pagefind-sort="terbaru:2026-11-{10 + i:02d} v{i}"></span></main></body></html>',
            encoding="utf-8",
        )
    assert index_site(tmp_path)["pages"] == len(texts)  # canonicalised inside, as in every build
    bundle = tmp_path / "pagefind"
    _, meta = _metas(bundle)
    urls = [pagefind_canon._fragment_url(bundle, p[0]) for p in meta[1]]
    found = {}
    for chunk in meta[2]:
        for _word, forms in _decoded(read(bundle / "index" / f"{chunk[2]}.pf_index")[0]).items():
            for form, pages in forms.items():
                found.setdefault(form, set()).update(urls[p] for p in pages)
    chunks = [read(bundle / "index" / f"{c[2]}.pf_index")[0] for c in meta[2]]
    assert any(len(word) == 3 and word[2] for words in chunks for word in words)  # variants were written
    assert found["café"] == {"/lowongan/v0/"} and "/lowongan/v1/" in found["cafe"]
    assert any("見本" in form for form, u in found.items() if "/lowongan/v2/" in u)
    before = {form: sorted(u) for form, u in found.items()}
    _scramble(bundle, 3)
    pagefind_canon.canonicalise(bundle)
    _, meta = _metas(bundle)
    urls = [pagefind_canon._fragment_url(bundle, p[0]) for p in meta[1]]
    after = {}
    for chunk in meta[2]:
        for _word, forms in _decoded(read(bundle / "index" / f"{chunk[2]}.pf_index")[0]).items():
            for form, pages in forms.items():
                after.setdefault(form, set()).update(urls[p] for p in pages)
    assert {form: sorted(u) for form, u in after.items()} == before
