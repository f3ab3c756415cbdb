"""Make a Pagefind 1.5 bundle byte-identical between runs, whatever the order of files on disk.

Pagefind 1.5.2 keeps filters, filter values and sort keys in randomly seeded hash maps, so
``pf_meta``, ``pf_filter`` files and ``pagefind-entry.json`` differ between two runs on the
same pages (upstream Pagefind/pagefind#638, fixed on its main branch in #1124, in no
release yet). It also numbers pages in the order it finds their files, which follows the
file system. :func:`canonicalise` rewrites a finished bundle so that

* pages are numbered in the order of one sort key (newest first) or else by URL (read from
  each page's fragment), and every page number in the index chunks, filter files and sort
  lists follows; postings are sorted by page number;
* filters are listed by name, each filter's values by value, sort keys by name;
* every rewritten file is named after a hash of its own bytes, as Pagefind names them
  (``<language>_<hex>``), references are updated, and the old files are removed.

Fragments, ``pagefind.js`` and the WASM files are already deterministic and stay as they
are. Sort keys must be unique per page (:func:`antarkerja.site.search.pagefind_sorts` appends
the id) so that ties cannot keep the old, disk-dependent order.

The file format (read from Pagefind's source and checked against its output): each
``.pf_*`` file is gzip of ``b"pagefind_dcd"`` followed by CBOR made of arrays, text and
integers only:

* meta: ``[version, [[fragment hash, word count]…], [[from, to, chunk hash]…],
  [[filter, file hash]…], [[sort key, [page…]]…], [meta field…]]``;
* index chunk: ``[[word…]]``, each word ``[text, postings, [[variant, postings]…]]``
  (``PackedWord`` in ``pagefind/src/index/index_words.rs`` at v1.5.2). The variants are the
  word's forms with diacritics ("café" under "cafe"); a word only ever seen accented has no
  postings of its own, only variants. Older indexes have no third item (the reader,
  ``pagefind_web/src/index.rs``, still accepts that). A posting is ``[page, [location…],
  [meta location…]]`` (the third item optional to the reader); its page is the difference
  from the previous posting's page in the same list (the first is absolute), each variant's
  list counted on its own, so every list is in page order;
* filter: ``[filter, [[value, [page…]]…]]``.

If a future Pagefind changes this layout, :func:`canonicalise` raises ``ValueError``
instead of writing a broken bundle (a test builds and searches a canonicalised bundle).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import cbor2

from antarkerja.records.validate import paused_gc

SIGNATURE = b"pagefind_dcd"


# CBOR through cbor2's C codec: the pure-Python codec this module had took 22 s of CPU for the
# 10,000-page bundle (8 million items), a third of the index step; cbor2 writes the same
# bytes (integers in their shortest form, text, bytes, definite-length arrays, as minicbor
# does) in well under a second. A map or a tag (which Pagefind does not write) is refused.


def _refuse(*_):
    raise ValueError("a CBOR map or tag")


def _decode(b: bytes, i: int):
    """The CBOR item of ``b`` starting at byte ``i``, and the byte after it."""
    fp = io.BytesIO(b)
    fp.seek(i)
    try:
        value = cbor2.CBORDecoder(fp, tag_hook=_refuse, object_hook=_refuse).decode()
    except (cbor2.CBORDecodeError, ValueError) as error:
        raise ValueError(f"CBOR: {error} at byte {i}") from None
    return value, fp.tell()


def _encode(x, out: bytearray) -> None:
    try:
        out += cbor2.dumps(x)
    except cbor2.CBOREncodeError as error:
        raise ValueError(f"CBOR: cannot encode {type(x).__name__}: {error}") from None


def read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind file")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise ValueError(f"{path}: trailing bytes")
    return value


def pack(value) -> bytes:
    out = bytearray(SIGNATURE)
    _encode(value, out)
    return gzip.compress(bytes(out), compresslevel=9, mtime=0)


def _write(folder: Path, old_name: str, prefix: str, suffix: str, value, digits: int) -> str:
    """Write ``value`` under a name made of its hash; remove the old file; return the hash id."""
    data = pack(value)
    new_id = f"{prefix}_{hashlib.sha256(data).hexdigest()[:digits]}"
    old = folder / f"{old_name}{suffix}"
    new = folder / f"{new_id}{suffix}"
    if old != new:
        old.unlink()
    new.write_bytes(data)
    return new_id


def _fragment_url(bundle: Path, fragment: str) -> str:
    data = gzip.decompress((bundle / "fragment" / f"{fragment}.pf_fragment").read_bytes())
    return json.loads(data[len(SIGNATURE) :].decode("utf-8")).get("url", "")


def _remap(postings: list, new_number: dict[int, int]) -> list:
    """Postings carry page numbers as deltas from the previous posting (Pagefind 1.5)."""
    if not isinstance(postings, list):
        raise ValueError("unexpected pf_index layout: postings are not a list")
    page, moved = 0, []
    for posting in postings:
        if not (isinstance(posting, list) and 2 <= len(posting) <= 3 and isinstance(posting[0], int)):
            raise ValueError("unexpected pf_index layout: a posting is not [page, locations, meta locations]")
        page += posting[0]
        moved.append([new_number[page], *posting[1:]])
    moved.sort(key=lambda p: p[0])
    previous = 0
    for posting in moved:
        posting[0], previous = posting[0] - previous, posting[0]
    return moved


def _remap_word(word, new_number: dict[int, int]) -> None:
    """Renumber one index word in place: its own postings and each diacritic variant's."""
    if not (isinstance(word, list) and 2 <= len(word) <= 3 and isinstance(word[0], str)):
        raise ValueError("unexpected pf_index layout: a word is not [text, postings, variants]")
    word[1] = _remap(word[1], new_number)
    if len(word) == 3:
        if not isinstance(word[2], list):
            raise ValueError("unexpected pf_index layout: variants are not a list")
        for variant in word[2]:
            if not (isinstance(variant, list) and len(variant) == 2 and isinstance(variant[0], str)):
                raise ValueError("unexpected pf_index layout: a variant is not [form, postings]")
            variant[1] = _remap(variant[1], new_number)


def sort_language(language: str, key: str) -> str:
    """The entry key of ``language``'s metadata that carries the sort ``key`` (BCP 47 private use)."""
    return f"{language}-x-{key}"


def canonicalise(bundle: Path, number_by: str = "terbaru", split_sorts: bool = True) -> None:
    """Rewrite the Pagefind bundle in folder ``bundle`` in canonical form (see the module).

    Pages are numbered in the order of the sort key ``number_by`` when every page has it
    (its keys must be unique), else by URL. Pagefind breaks ties in relevance by page number,
    so equally good matches then come in a stable, meaningful order. (It does not make
    ``pf_meta`` smaller: gzip finds no repeats in 0, 1, 2…)

    With ``split_sorts`` the sort lists leave the language's metadata: a search by relevance
    (the default with words) downloads page hashes and word counts only, about 5 bytes a
    page instead of 11 with three sort keys. Each sort key gets a metadata file of its own,
    the same metadata plus that one list, listed in ``pagefind-entry.json`` under the
    language ``<language>-x-<key>`` (:func:`sort_language`) with the language's WASM, so
    ``search.js`` asks Pagefind for that "language" when the reader chose an order. A bundle
    already in this form is read back (its sorts taken from those entries) and rewritten.
    """
    # Millions of small lists, none in a cycle: reference counting frees them. The cyclic
    # collector would walk the build's whole heap again and again meanwhile (the site's model
    # is still alive): one province's bundle at 100,000 vacancies took 22 s instead of 2.
    with paused_gc():
        _canonicalise(Path(bundle), number_by, split_sorts)


def _canonicalise(bundle: Path, number_by: str, split_sorts: bool) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    languages = entry["languages"]
    base = sorted(lang for lang in languages if "-x-" not in lang)
    out: dict[str, dict] = {}
    for language in base:
        info = dict(languages[language])
        meta_id = info["hash"]
        prefix = meta_id.split("_", 1)[0]
        meta = read(bundle / f"pagefind.{meta_id}.pf_meta")
        if not (isinstance(meta, list) and len(meta) >= 5 and all(isinstance(x, list) for x in meta[1:5])):
            raise ValueError(f"{bundle}: unexpected pf_meta layout")
        (bundle / f"pagefind.{meta_id}.pf_meta").unlink()
        for lang, variant in sorted(languages.items()):  # sorts split off by an earlier run
            if lang.startswith(f"{language}-x-"):
                path = bundle / f"pagefind.{variant['hash']}.pf_meta"
                meta[4] += read(path)[4]
                path.unlink(missing_ok=True)
        pages, chunks, filters, sorts = meta[1:5]
        by_sort = {key: list(order) for key, order in sorts}
        if sorted(by_sort.get(number_by) or []) == list(range(len(pages))):
            order = by_sort[number_by]
        else:
            order = sorted(range(len(pages)), key=lambda i: (_fragment_url(bundle, pages[i][0]), pages[i][0]))
        new_number = {old: new for new, old in enumerate(order)}
        meta[1] = [pages[old] for old in order]

        for chunk in chunks:
            words = read(bundle / "index" / f"{chunk[2]}.pf_index")
            if not (isinstance(words, list) and len(words) == 1 and isinstance(words[0], list)):
                raise ValueError(f"{bundle}: unexpected pf_index layout")
            for word in words[0]:
                try:
                    _remap_word(word, new_number)
                except (ValueError, KeyError, TypeError) as error:
                    raise ValueError(f"{bundle}/index/{chunk[2]}.pf_index: {error}") from None
            chunk[2] = _write(bundle / "index", chunk[2], prefix, ".pf_index", words, 7)
        for item in filters:
            name, values = read(bundle / "filter" / f"{item[1]}.pf_filter")
            values = sorted(([value, sorted(new_number[p] for p in pages_)] for value, pages_ in values))
            item[1] = _write(bundle / "filter", item[1], prefix, ".pf_filter", [name, values], 7)
        meta[3] = sorted(filters)
        meta[4] = sorted([key, [new_number[p] for p in pages_]] for key, pages_ in sorts)
        variants = [(language, meta)]
        if split_sorts and meta[4]:
            variants = [(language, [*meta[:4], [], *meta[5:]])]
            variants += [
                (sort_language(language, key), [*meta[:4], [[key, pages_]], *meta[5:]]) for key, pages_ in meta[4]
            ]
        for lang, value in variants:
            data = pack(value)
            meta_hash = f"{prefix}_{hashlib.sha256(data).hexdigest()[:10]}"
            (bundle / f"pagefind.{meta_hash}.pf_meta").write_bytes(data)
            out[lang] = {**info, "hash": meta_hash}
    entry["languages"] = out
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
