"""Rules that guard every record against hostile or careless values (vacancies and offices).

They look at every text value, not only the prose a job seeker reads: an invisible title,
a bidi override in an address, a link with a password or a look-alike domain, a date in a
far future. Each rule is registered once per record kind, under one code.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from urllib.parse import unquote, urlsplit

from antarkerja.characters import FILLER_CHARS, LINE_BREAKS, char_class
from antarkerja.present import BIDI_CONTROLS
from antarkerja.records.rules.registry import office_rule, vacancy_rule

EARLIEST = date(2000, 1, 1)
FUTURE_DAYS = 31  # a vacancy may be prepared a month ahead, not more


def strings(value, path: tuple = ()):
    """``(path, text)`` for every text value in a record, at any depth."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield from strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, path + (i,))


_LAST: list = [None, ""]  # the record whose texts were joined last, and that text


def _collect(container, found: list[str]) -> None:
    for item in container.values() if type(container) is dict else container:
        kind = type(item)
        if kind is str:
            found.append(item)
        elif kind is dict or kind is list:
            _collect(item, found)


def joined_texts(record) -> str:
    """Every text value of ``record`` joined by NUL (which no accepted text holds), built once
    for all rules of a record: one search over it tells whether a closer look is needed.

    The record itself is kept (not its id), so a new record can never be mistaken for it.
    """
    if _LAST[0] is record:
        return _LAST[1]
    found: list[str] = []
    if type(record) is dict:
        _collect(record, found)
    _LAST[0], _LAST[1] = record, "\x00".join(found)
    return _LAST[1]


def _hidden_direction_controls(record):
    # One search over all text first: almost every record is clean.
    if not BIDI_CONTROLS.search(joined_texts(record)):
        return
    for path, text in strings(record):
        match = BIDI_CONTROLS.search(text)
        if match:
            yield (
                path,
                f"ada karakter tak terlihat U+{ord(match.group(0)):04X} yang membalik arah teks",
                "hapus karakter itu (salin ulang teksnya dari sumber biasa)",
                match.start(),
            )


def office_hidden_direction_controls(o, ctx):
    """Invisible bidirectional control characters in any field of an office."""
    yield from _hidden_direction_controls(o)


office_rule(
    "R414",
    "Karakter pengendali arah teks (RTL/LTR) tersembunyi",
    basis="Keamanan: karakter tak terlihat dapat membalik tampilan teks (mis. menyamarkan nomor rekening atau tautan)",
)(office_hidden_direction_controls)


# Characters that show nothing: spaces, zero-width and format characters, fillers.
_INVISIBLE_EXTRA = set(FILLER_CHARS)


def _is_invisible(char: str) -> bool:
    return char.isspace() or char in _INVISIBLE_EXTRA or unicodedata.category(char) in ("Cf", "Cc", "Zs", "Mn")


# A text (between NULs) without one ASCII letter or digit: worth a closer look.
_MAYBE_BLANK = re.compile(r"\x00[^0-9A-Za-z\x00]*\x00")  # starts with a literal: a fast scan


def _blank_text(record):
    if not _MAYBE_BLANK.search("\x00" + joined_texts(record) + "\x00"):
        return
    for path, text in strings(record):
        if text and all(_is_invisible(c) for c in text[:500]) and all(_is_invisible(c) for c in text):
            yield (
                path,
                "teks hanya berisi spasi atau karakter tak terlihat",
                "isi dengan teks yang bisa dibaca, atau hapus kolom ini bila tidak wajib",
            )


@vacancy_rule("R430", "Teks kosong: hanya spasi atau karakter tak terlihat", basis="Pelamar harus bisa membacanya")
def blank_text(v, ctx):
    """A text value made only of spaces or invisible characters."""
    yield from _blank_text(v)


office_rule("R430", "Teks kosong: hanya spasi atau karakter tak terlihat", basis="Warga harus bisa membacanya")(
    lambda o, ctx: _blank_text(o)
)


def _add_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max


FUTURE_RULE = "R431"
FUTURE_CHECKED = (("date_posted",), ("verification", "date"))  # valid_through may lie far ahead


def _dated(v, paths):
    for path in paths:
        value = v.get(path[0])
        if len(path) == 2:
            value = value.get(path[1]) if isinstance(value, dict) else None
        if isinstance(value, date):
            yield path, value


@vacancy_rule(
    FUTURE_RULE,
    "Tanggal tidak masuk akal (sebelum 2000 atau lebih dari sebulan ke depan)",
    basis="Urutan lowongan terbaru dan masa tayang bergantung pada tanggal yang benar",
)
def implausible_dates(v, ctx):
    """A posting or verification date far in the future (or before 2000)."""
    latest = _add_days(ctx.today, FUTURE_DAYS)
    for path, value in _dated(v, (*FUTURE_CHECKED, ("valid_through",))):
        if value < EARLIEST:
            yield path, f"tanggal {value} sebelum tahun 2000", "periksa tahunnya (TTTT-BB-HH)"
        elif path in FUTURE_CHECKED and value > latest:
            yield (
                path,
                f"tanggal {value} lebih dari {FUTURE_DAYS} hari setelah hari ini ({ctx.today})",
                "isi tanggal sebenarnya; lowongan baru ditayangkan setelah diverifikasi",
            )


def same_findings_from(record, today: date, codes) -> date | None:
    """The first day from which checking ``record`` finds what it found on ``today`` (``codes``),
    every later day included; None when that holds for ``today`` only.

    :func:`implausible_dates` is the one rule that reads today (a test proves it), so a
    record's cached check (antarkerja.site.cache.RecordMemo) stays true on the following days
    unless a date of it was in the future: then the finding quotes today, and holds that day only.
    """
    if FUTURE_RULE in codes:
        return None
    first = date.min
    if isinstance(record, dict):
        for _, value in _dated(record, FUTURE_CHECKED):
            if value > date.min + timedelta(days=FUTURE_DAYS):  # no finding from value − 31 days on
                first = max(first, value - timedelta(days=FUTURE_DAYS))
    return min(first, today)


@vacancy_rule("R432", "Kode KBJI tidak ada di daftar rujukan", basis="KBJI 2014 (content/reference/kbji.yml)")
def kbji_in_reference(v, ctx):
    """A KBJI code the reference list does not know."""
    code = v.get("kbji")
    known = ctx.ref.kbji
    if not isinstance(code, str) or not code or code in known:
        return
    lengths = {len(k) for k in known}
    # The list holds major groups (one digit) and, where it has them, finer codes: a code at
    # a listed length must be listed; a finer one needs its major group.
    if len(code) in lengths or code[0] not in known:
        yield (
            ("kbji",),
            f"kode KBJI `{code}` tidak ada di daftar rujukan",
            "lihat content/reference/kbji.yml; bila ragu, tulis golongan pokoknya saja (satu angka)",
        )


URL_IN_TEXT = re.compile(r"(?:https?|ftp)://[^\s<>\"')\]]+|mailto:[^\s<>\"')\]]+", re.IGNORECASE)
URL_FIELDS = {("apply", "url"), ("employer", "website"), ("website",)}


def deceptive(link: str) -> str:
    """Why ``link`` deceives (credentials, look-alike domain, a mail link with extras), or ""."""
    if link.lower().startswith("mailto:"):
        address = link[7:]
        if "?" in address or "%" in address or "\n" in unquote(address):
            return "tautan email membawa parameter atau karakter tersandi"
        return ""
    try:
        parts = urlsplit(link)
    except ValueError:
        return "alamat tautan tidak bisa dibaca"
    netloc = parts.netloc
    if "@" in netloc:
        return "tautan memuat nama pengguna atau kata sandi sebelum `@`; tujuan sebenarnya adalah domain sesudahnya"
    host = netloc.rsplit(":", 1)[0] if netloc.count(":") == 1 else netloc
    if any(ord(c) > 127 for c in host):
        return "nama domain memuat huruf bukan ASCII yang bisa menyerupai huruf lain"
    if any(label.startswith("xn--") for label in host.lower().split(".")):
        return "nama domain punycode (xn--) bisa menyerupai domain lain"
    if "%" in host:
        return "nama domain memuat karakter tersandi"
    return ""


_AUTHORITY = re.compile(r"[^/?#\s\x00<>\"')\]]*")
_MAIL_TARGET = re.compile(r"[^\s\x00<>\"')\]]*")


def _maybe_deceptive(joined: str) -> bool:
    """Cheap scan: does any link's host part hold `@`, `%`, `xn--` or non-ASCII, or any
    mailto: link a `?` or `%`? Only then are the fields looked at one by one."""
    low = joined.lower()
    at = low.find("://")
    while at >= 0:
        authority = _AUTHORITY.match(low, at + 3).group(0)
        if "@" in authority or "%" in authority or "xn--" in authority or not authority.isascii():
            return True
        at = low.find("://", at + 3)
    at = low.find("mailto:")
    while at >= 0:
        target = _MAIL_TARGET.match(low, at + 7).group(0)
        if "?" in target or "%" in target:
            return True
        at = low.find("mailto:", at + 7)
    return False


def _deceptive_links(record):
    if not _maybe_deceptive(joined_texts(record)):
        return
    for path, text in strings(record):
        candidates = [(text, 0)] if path in URL_FIELDS else []
        if "://" in text or "mailto:" in text.lower():
            candidates += [(m.group(0), m.start()) for m in URL_IN_TEXT.finditer(text)]
        for link, offset in candidates:
            why = deceptive(link)
            if why:
                yield path, f'{why} ("{link[:60]}")', "tulis alamat resmi yang lengkap dan apa adanya", offset
                break


@vacancy_rule(
    "R433",
    "Tautan atau alamat email menipu (kata sandi di tautan, domain mirip, parameter email)",
    basis="Pencegahan lowongan palsu: tautan harus menuju ke tempat yang tertulis",
)
def deceptive_links(v, ctx):
    """Links with credentials, look-alike domains, mail links carrying parameters."""
    yield from _deceptive_links(v)


office_rule(
    "R433",
    "Tautan atau alamat email menipu (kata sandi di tautan, domain mirip, parameter email)",
    basis="Pencegahan penipuan: tautan harus menuju ke tempat yang tertulis",
)(lambda o, ctx: _deceptive_links(o))


_NEWLINE = re.compile(char_class(LINE_BREAKS))
# A domain starts where a run of [\w-] starts (not at every \b inside "0-0-0…", which made
# the search quadratic on such runs).
_NAME_LINK = re.compile(r"https?://|www\.|(?<![\w-])[\w-]+\.[a-z]{2,}/", re.IGNORECASE)
_NAME_TROUBLE = re.compile(_NEWLINE.pattern + "|[:./]")  # cheap first test: no link without : . or /


@vacancy_rule(
    "R434",
    "Nama pemberi kerja atau jabatan berisi baris baru atau tautan",
    basis="Nama dipakai di judul, pesan WhatsApp dan hasil pencarian: satu baris, tanpa tautan",
)
def single_line_names(v, ctx):
    """A newline or a link inside the employer name or the title (they reach the share text)."""
    employer = v.get("employer")
    names = (
        (("title",), v.get("title")),
        (("employer", "name"), employer.get("name") if isinstance(employer, dict) else None),
    )
    for path, text in names:
        if not isinstance(text, str) or not _NAME_TROUBLE.search(text):
            continue
        newline = _NEWLINE.search(text)
        link = _NAME_LINK.search(text)
        if newline:
            yield path, "nama berisi baris baru", "tulis nama dalam satu baris", newline.start()
        elif link:
            yield (
                path,
                f'nama berisi alamat web ("{link.group(0)}")',
                "tulis nama saja; alamat web masuk ke `employer.website` atau `apply.url`",
                link.start(),
            )
