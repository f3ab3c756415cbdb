"""The Markdown pages in ``content/pages/``: checked by the validator, sanitized in the build.

Pages are content like any record: they come through pull requests, so they get what record
text gets. The validator (:func:`check_pages`) reads each page and reports:

* ``Y101``/``Y103``/``Y112``: not UTF-8, too big, a symlink or not a regular file;
* ``P601``: missing or malformed metadata (``Title:`` and ``Slug:`` required, ``Date:``
  as TTTT-BB-HH, ``Order:`` a whole number), a page that is not Markdown (``.md``);
* ``P602``: a slug that is a path the site generates (``lowongan``, ``cari``… from
  :data:`antarkerja.urls.ROUTES`) or that another page uses already;
* ``P603``: any other metadata key, above all ``Template:``, ``Save_as:``, ``URL:`` and
  ``Status:`` (a page cannot take over another page's file or template);
* ``P604``: raw HTML, scripts, event handlers or links other than http(s), mailto, tel and
  relative ones; ``R414``: bidi controls.

The build (:func:`sanitize_page`, connected in :mod:`antarkerja.site.pelican_plugin`) runs
Pelican's HTML of every page through nh3 with an allow-list and drops bidi controls, so even a
page the validator never saw cannot carry a script or an event handler.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from antarkerja.paths import pages_dir
from antarkerja.present import BIDI_CONTROLS, strip_bidi
from antarkerja.records.diagnostics import Diagnostic
from antarkerja.records.load import MAX_BYTES, NotRegularFile, _TooBig, read_limited
from antarkerja.urls import ROUTES

PAGE_SUFFIX = ".md"
REQUIRED = ("title", "slug")
ALLOWED_KEYS = {"title", "slug", "order", "summary", "date", "modified"}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}\Z")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?\Z")
ORDER = re.compile(r"^[0-9]{1,4}\Z")

# python-markdown's meta extension: `Key: value` lines up to the first blank line,
# continuation lines indented by four spaces, an optional `---` line before and after.
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
_META_FENCE = re.compile(r"^-{3}(\s.*)?$")

# Raw HTML in Markdown (an autolink such as <https://…> is Markdown, not HTML).
RAW_HTML = re.compile(r"<(?!(?:https?://|mailto:|tel:))[A-Za-z!/?]")
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+)", re.M)
SAFE_LINK = re.compile(r"^(?:https?://|mailto:|tel:|[/#.?]|[A-Za-z0-9_-]+(?:[/.#?]|$))", re.IGNORECASE)
BAD_SCHEME = re.compile(r"\b(?:javascript|vbscript|livescript)\s*:|\bdata:[a-z]+/", re.IGNORECASE)

# Added to the description allow-list (antarkerja.markup) for pages: headings, tables, code.
PAGE_EXTRA_TAGS = {"h2", "h5", "h6", "hr", "pre", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub"}


def reserved_slugs() -> set[str]:
    """First path segments the site generates itself (``lowongan``, ``cari``, ``sitemap.xml``…)."""
    out = set()
    for pattern in ROUTES.values():
        first = pattern.split("/", 1)[0]
        if first and "{" not in first:
            out.add(first.lower())
            out.add(first.lower().rsplit(".", 1)[0])
    return out | {"index", "page", "output", "static", "feeds", "drafts", "pages"}


def parse_metadata(text: str) -> tuple[dict[str, tuple[str, int]], int]:
    """``{key: (value, line)}`` of the page's metadata and the line where its body starts."""
    lines = text.split("\n")
    meta: dict[str, tuple[str, int]] = {}
    i = 0
    if lines and _META_FENCE.match(lines[0]):
        i = 1
    key = None
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            break
        if _META_FENCE.match(line) and i > 0:
            i += 1
            break
        match = _META.match(line)
        if match:
            key = match.group("key").lower()
            meta[key] = (match.group("value").strip(), i + 1) if key not in meta else meta[key]
        elif key and _META_MORE.match(line):
            value, number = meta[key]
            meta[key] = ((value + " " + line.strip()).strip(), number)
        else:
            break
        i += 1
    return meta, i + 1


def _problem(path: Path, line: int, code: str, field: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(path, line, 1, code, field, message, hint)


def check_page(path: Path, text: str, slugs: dict[str, Path]) -> list[Diagnostic]:
    out = []
    meta, body_line = parse_metadata(text)
    for key in REQUIRED:
        if not meta.get(key, ("", 0))[0]:
            out.append(
                _problem(
                    path,
                    1,
                    "P601",
                    key.capitalize(),
                    f"metadata `{key.capitalize()}:` belum diisi",
                    f"tulis `{key.capitalize()}: …` di baris paling atas halaman, sebelum baris kosong pertama",
                )
            )
    for key, (value, line) in meta.items():
        name = key.capitalize()
        if key not in ALLOWED_KEYS:
            out.append(
                _problem(
                    path,
                    line,
                    "P603",
                    name,
                    f"metadata `{name}:` tidak diizinkan di halaman",
                    "hapus baris ini; halaman hanya boleh memakai Title, Slug, Order, Summary, Date dan Modified",
                )
            )
        elif key in ("date", "modified") and not _is_date(value):
            out.append(
                _problem(
                    path,
                    line,
                    "P601",
                    name,
                    f"tanggal `{value[:40]}` tidak valid",
                    "tulis TTTT-BB-HH, misalnya 2026-11-25",
                )
            )
        elif key == "order" and not ORDER.match(value):
            out.append(
                _problem(
                    path, line, "P601", name, f"urutan `{value[:40]}` bukan angka", "tulis angka, misalnya `Order: 4`"
                )
            )
        elif key == "slug" and value:
            if not SLUG.match(value):
                out.append(
                    _problem(
                        path,
                        line,
                        "P601",
                        name,
                        f"slug `{value[:60]}` tidak valid",
                        "pakai huruf kecil, angka dan tanda hubung, misalnya `cara-melamar`",
                    )
                )
            elif value in reserved_slugs():
                out.append(
                    _problem(
                        path,
                        line,
                        "P602",
                        name,
                        f"slug `{value}` sudah dipakai oleh halaman buatan situs (/{value}/)",
                        "pilih slug lain, misalnya `tentang-" + value + "`",
                    )
                )
            elif value in slugs:
                out.append(
                    _problem(
                        path,
                        line,
                        "P602",
                        name,
                        f"slug `{value}` sudah dipakai oleh {slugs[value].name}",
                        "pilih slug lain; setiap halaman punya alamatnya sendiri",
                    )
                )
            else:
                slugs[value] = path
        if key in ALLOWED_KEYS and value and (BIDI_CONTROLS.search(value) or "<" in value):
            out.append(_unsafe_text(path, line, name, value))
    out += check_body(path, text, body_line)
    return out


def astuple_tail(d: Diagnostic) -> tuple:
    return d.code, d.field, d.message, d.hint


def _unsafe_text(path: Path, line: int, name: str, value: str) -> Diagnostic:
    bidi = BIDI_CONTROLS.search(value)
    if bidi:
        return _problem(
            path,
            line,
            "R414",
            name,
            f"ada karakter tak terlihat U+{ord(bidi.group(0)):04X} yang membalik arah teks",
            "hapus karakter itu (salin ulang teksnya dari sumber biasa)",
        )
    return _problem(path, line, "P604", name, "metadata berisi HTML", "tulis teks biasa tanpa tanda < dan >")


def _is_date(value: str) -> bool:
    if not DATE.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace(" ", "T"))
    except ValueError:
        return False
    return True


def check_body(path: Path, text: str, body_line: int) -> list[Diagnostic]:
    out = []
    lines = text.split("\n")
    in_code = False
    for number, line in enumerate(lines[body_line - 1 :], body_line):
        if line.lstrip().startswith("```"):
            in_code = not in_code
        bidi = BIDI_CONTROLS.search(line)
        if bidi:
            found = _unsafe_text(path, number, "isi", line)
            out.append(Diagnostic(path, number, bidi.start() + 1, *astuple_tail(found)))
        if in_code:
            continue
        found = RAW_HTML.search(line)
        if found:
            out.append(
                Diagnostic(
                    path,
                    number,
                    found.start() + 1,
                    "P604",
                    "isi",
                    "HTML mentah di halaman",
                    "tulis dengan Markdown (## judul, **tebal**, [teks](https://…)); HTML tidak ditampilkan",
                )
            )
        reported = False
        for match in MARKDOWN_LINK.finditer(line):
            target = match.group(1) if match.group(1) is not None else match.group(2)
            if target and not SAFE_LINK.match(target):
                out.append(_bad_link(path, number, match.start() + 1, target))
                reported = True
        scheme = None if reported else BAD_SCHEME.search(line)
        if scheme:
            out.append(_bad_link(path, number, scheme.start() + 1, scheme.group(0)))
    return out


def _bad_link(path: Path, line: int, col: int, target: str) -> Diagnostic:
    return Diagnostic(
        path,
        line,
        col,
        "P604",
        "isi",
        f'tautan tidak aman ("{target[:60]}")',
        "pakai hanya tautan https://, mailto:, tel: atau alamat di situs ini",
    )


def check_pages(root: Path) -> list[Diagnostic]:
    """Every problem of every file in ``content/pages/`` (see the module docstring)."""
    folder = pages_dir(root)
    if not folder.is_dir():
        return []
    out: list[Diagnostic] = []
    slugs: dict[str, Path] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        if path.name in (".gitkeep", "README.md") and path.parent == folder:
            continue
        if path.suffix != PAGE_SUFFIX:
            out.append(
                _problem(
                    path,
                    1,
                    "P601",
                    "(berkas)",
                    f"`{path.name}` bukan halaman Markdown (.md)",
                    "tulis halaman sebagai berkas .md, atau pindahkan berkas ini dari content/pages/",
                )
            )
            continue
        try:
            raw = read_limited(path)
        except NotRegularFile:
            out.append(
                _problem(
                    path,
                    1,
                    "Y112",
                    "(berkas)",
                    "tautan simbolik atau bukan berkas biasa",
                    "simpan sebagai berkas biasa",
                )
            )
            continue
        except _TooBig:
            out.append(
                _problem(
                    path, 1, "Y103", "(berkas)", f"halaman lebih dari {MAX_BYTES // 1024} KB", "perpendek halaman ini"
                )
            )
            continue
        except OSError as exc:
            out.append(
                _problem(path, 1, "Y100", "(berkas)", f"tidak dapat dibaca: {exc.strerror}", "periksa izin berkas")
            )
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            out.append(
                Diagnostic(
                    path, line, col, "Y101", "(berkas)", "halaman bukan UTF-8", "simpan ulang dengan pengodean UTF-8"
                )
            )
            continue
        out += check_page(path, text.lstrip("\ufeff"), slugs)
    return out


def sanitize_html(fragment: str) -> str:
    """Pelican's HTML of a page, with the description allow-list (plus headings, tables, code)."""
    import nh3  # only the build needs it; the validator imports this module too

    from antarkerja.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES

    return strip_bidi(
        nh3.clean(
            fragment,
            tags=ALLOWED_TAGS | PAGE_EXTRA_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener",
            strip_comments=True,
        )
    )


def sanitize_page(page) -> None:
    """Make one Pelican page safe in place: its HTML, title and summary."""
    page._content = sanitize_html(page._content or "")
    if isinstance(getattr(page, "title", None), str):
        page.title = strip_bidi(page.title)
    summary = page.metadata.get("summary")
    if isinstance(summary, str):
        page.metadata["summary"] = sanitize_html(summary)
