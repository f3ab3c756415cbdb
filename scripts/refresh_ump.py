"""Add a year of provincial minimum wages (UMP) to ``content/reference/ump.yml``.

Usage::

    python scripts/refresh_ump.py FIGURES --year 2027 [--replace] [--check] [--file PATH]

Every year the 38 governors set the next year's UMP (for 2026: by 24 December 2025, under
PP 49/2025; the figures apply from 1 January). Collect one row per province, each with the
source you read, in a CSV or YAML file (FIGURES), then run this script. It needs no network:
it only checks and merges what you collected.

FIGURES as CSV (UTF-8, header row, one row per province)::

    province,amount,amount_exact,status,decree,date,source,source_kind,url,verified,checked_on,note
    32,2317601,,,Keputusan Gubernur Jawa Barat Nomor 561/Kep.859-Kesra/2025,2025-12-23,...

or as YAML: a list of mappings with the same keys (``amount`` and ``verified`` typed).

Columns:

* ``province``: Kemendagri code from ``provinces.csv`` (``"32"``). All 38, each once.
* ``amount``: whole rupiah per month. When the decree states sen, give them in
  ``amount_exact`` (``3.100.881,40``) and round ``amount`` **up** (``3100882``), so that a
  salary in whole rupiah is below the UMP exactly when it is below the decree's figure.
* ``status``: empty, or ``belum-ditetapkan`` when no figure was found for the province; then
  leave ``amount`` empty and say in ``note`` what you found. The site keeps comparing with
  that province's previous figure until one is added.
* ``decree``: the governor's decision, "Keputusan Gubernur ... Nomor ...". Leave it empty only
  with a ``note`` saying the number was not found.
* ``date``: ``TTTT-BB-HH``, the date the decree was signed or the figure announced.
* ``source``: what you read, in words (publisher, date, who is quoted).
* ``source_kind``: ``resmi-provinsi`` (the province's own website), ``berita`` (a news
  report) or ``rekap`` (a list of many provinces).
* ``url``: ``https://`` address of that source.
* ``verified``: ``true`` only when you read the official text yourself: the decree or the
  province's own announcement (``source_kind: resmi-provinsi`` on a ``.go.id`` site), and read
  there both the amount and the decree's number (``decree`` is then required). A news report
  quoting the decree is not enough.
* ``checked_on``: ``TTTT-BB-HH``, the day you read that official source; required when
  ``verified`` is true, so that anyone can tell how fresh the check is and read it again.
* ``note``: discrepancies between sources, and anything a maintainer should re-check.

The script reports every problem at once (``FILE:LINE: field: problem; how to fix``) and exits
with status 1 without writing. ``--check`` validates only. A year that is already in the file
is refused unless ``--replace`` is given. On success it rewrites ``ump.yml`` in one canonical
layout (years ascending, provinces by code) and prints a one-line summary; review the diff,
then run ``python -m pytest -q tests/test_reference.py tests/test_ump.py``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from datetime import date
from decimal import ROUND_CEILING, Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
UMP_FILE = ROOT / "content" / "reference" / "ump.yml"
PROVINCES_FILE = ROOT / "content" / "reference" / "provinces.csv"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FIELDS = [
    "province",
    "amount",
    "amount_exact",
    "status",
    "decree",
    "date",
    "source",
    "source_kind",
    "url",
    "verified",
    "checked_on",
    "note",
]
SOURCE_KINDS = ("resmi-provinsi", "berita", "rekap")
NOT_SET = "belum-ditetapkan"
EXACT = re.compile(r"\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?")  # 3.100.881,40
HEADER = """\
# Upah minimum provinsi (UMP), in rupiah per month, by year and province code.
# A year's figures apply from 1 January of that year (antarkerja.reference.Reference.ump_for).
# Written by scripts/refresh_ump.py (its docstring is the manual); docs/data-sources.md lists
# which figures are verified. `verified: true` only where the decree or the province's own
# announcement was read; every other figure is a secondary source and says so.
"""


class Problem(Exception):
    """Input that cannot be merged; the message lists every problem."""


def provinces(path: Path = PROVINCES_FILE) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as f:
        return {row["code"]: row["name"] for row in csv.DictReader(f)}


# --- reading ---------------------------------------------------------------------------------


def read_figures(path: Path) -> list[tuple[int, dict]]:
    """(line, row) pairs from a CSV or YAML file; values as written."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        unknown = [c for c in reader.fieldnames or [] if c not in FIELDS]
        if unknown:
            raise Problem(f"{path}:1: kolom tidak dikenal {', '.join(unknown)}; kolom yang boleh: {', '.join(FIELDS)}")
        return [(reader.line_num, {k: (v or "").strip() for k, v in row.items()}) for row in reader]
    try:
        node = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise Problem(f"{path}:{line}: YAML tidak bisa dibaca ({getattr(exc, 'problem', exc)})") from None
    if isinstance(data, dict) and "entries" in data:
        data = data["entries"]
        node = next(v for k, v in node.value if k.value == "entries")
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise Problem(f"{path}:1: isi berkas harus daftar baris (- province: ..., amount: ...)")
    return [(item_node.start_mark.line + 1, item) for item_node, item in zip(node.value, data, strict=True)]


# --- checking --------------------------------------------------------------------------------


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _bool(value) -> bool | None:
    if isinstance(value, bool):
        return value
    return {"true": True, "false": False}.get(_text(value).lower())


def _int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = _text(value)
    return int(text) if text.isdigit() else None


def _date(value) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(_text(value)).isoformat()
    except ValueError:
        return None


def exact_to_amount(exact: str) -> int:
    """ "3.100.881,40" -> 3100882 (rounded up to whole rupiah)."""
    value = Decimal(exact.replace(".", "").replace(",", "."))
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def check_entries(rows: list[tuple[int, dict]], known: dict[str, str], where: str) -> tuple[list[dict], list[str]]:
    """Normalised entries and the list of problems (``where:LINE: field: problem; fix``)."""
    problems: list[str] = []
    entries: list[dict] = []
    seen: dict[str, int] = {}

    def bad(line: int, field: str, problem: str, fix: str) -> None:
        problems.append(f"{where}:{line}: {field}: {problem}; {fix}")

    for line, row in rows:
        extra = sorted(set(row) - set(FIELDS))
        if extra:
            bad(line, extra[0], "kolom tidak dikenal", f"pakai hanya {', '.join(FIELDS)}")
        code = _text(row.get("province"))
        if code not in known:
            bad(line, "province", f"kode `{code}` tidak ada di provinces.csv", "tulis kode Kemendagri, misalnya 32")
        elif code in seen:
            bad(line, "province", f"{known[code]} sudah ada di baris {seen[code]}", "satu baris per provinsi")
        else:
            seen[code] = line
        entry: dict = {"province": code}
        status = _text(row.get("status"))
        amount = _int(row.get("amount"))
        exact = _text(row.get("amount_exact"))
        note = _text(row.get("note"))
        if status and status != NOT_SET:
            bad(line, "status", f"`{status}` tidak dikenal", f"kosongkan, atau tulis {NOT_SET}")
        if status == NOT_SET:
            if _text(row.get("amount")):
                bad(line, "amount", f"ada angka padahal status {NOT_SET}", "hapus angkanya atau kosongkan status")
            if not note:
                bad(line, "note", f"wajib diisi bila status {NOT_SET}", "tulis apa yang ditemukan dan kapan")
            entry["amount"] = None
            entry["status"] = NOT_SET
        elif amount is None or amount <= 0:
            bad(
                line,
                "amount",
                f"`{_text(row.get('amount'))}` bukan rupiah utuh",
                "tulis angka tanpa titik, mis. 2317601",
            )
        else:
            entry["amount"] = amount
        if exact:
            if not EXACT.fullmatch(exact):
                bad(line, "amount_exact", f"`{exact}` tidak terbaca", "tulis seperti di keputusan, mis. 3.100.881,40")
            elif amount is not None and exact_to_amount(exact) != amount:
                fix = f"amount harus {exact_to_amount(exact)} (dibulatkan ke atas)"
                bad(line, "amount_exact", f"tidak cocok dengan amount {amount}", fix)
            else:
                entry["amount_exact"] = exact
        decree = _text(row.get("decree"))
        if decree:
            entry["decree"] = decree
        elif status != NOT_SET and not note:
            bad(line, "decree", "kosong tanpa catatan", "tulis nomor keputusan gubernur, atau jelaskan di note")
        when = _date(row.get("date"))
        if when is None:
            bad(line, "date", f"`{_text(row.get('date'))}` bukan tanggal", "tulis TTTT-BB-HH")
        else:
            entry["date"] = when
        source = _text(row.get("source"))
        if not source:
            bad(line, "source", "kosong", "tulis sumber yang dibaca: penerbit, tanggal, siapa yang dikutip")
        entry["source"] = source
        kind = _text(row.get("source_kind"))
        if kind not in SOURCE_KINDS:
            bad(line, "source_kind", f"`{kind}` tidak dikenal", f"pilih {', '.join(SOURCE_KINDS)}")
        entry["source_kind"] = kind
        url = _text(row.get("url"))
        if not url.startswith("https://") and not url.startswith("http://"):
            bad(line, "url", f"`{url}` bukan alamat web", "tulis alamat https:// sumbernya")
        entry["url"] = url
        verified = _bool(row.get("verified"))
        if verified is None:
            bad(line, "verified", f"`{_text(row.get('verified'))}` bukan true/false", "tulis true atau false")
        elif verified:
            host = re.sub(r"^https?://([^/:]+).*$", r"\1", url).lower()
            if kind != "resmi-provinsi" or not host.endswith(".go.id"):
                fix = "true hanya untuk keputusan atau pengumuman resmi di situs .go.id yang Anda baca sendiri"
                bad(line, "verified", f"sumber {kind} di {host} bukan naskah resmi", fix)
            if not decree:
                fix = "tulis nomor keputusan yang Anda baca di sumber resmi itu, atau tulis false"
                bad(line, "decree", "wajib diisi bila verified true", fix)
        entry["verified"] = bool(verified)
        checked_on = _text(row.get("checked_on"))
        if checked_on or verified:
            day = _date(row.get("checked_on"))
            if day is None:
                fix = "tulis TTTT-BB-HH, hari Anda membaca sumber resmi itu"
                bad(line, "checked_on", f"`{checked_on}` bukan tanggal (wajib bila verified true)", fix)
            else:
                entry["checked_on"] = day
        if note:
            entry["note"] = note
        entries.append(entry)
    missing = [f"{known[c]} ({c})" for c in known if c not in seen]
    if missing:
        problems.append(f"{where}: province: tidak ada baris untuk {', '.join(missing)}; satu baris per provinsi (38)")
    return sorted(entries, key=lambda e: e["province"]), problems


# --- writing ---------------------------------------------------------------------------------


def _scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _folded(text: str, indent: str = "  ") -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 96:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return ">-\n" + "\n".join(indent + part for part in lines)


def render(document: dict, names: dict[str, str]) -> str:
    """The whole ump.yml in its one canonical layout."""
    out = [HEADER.rstrip("\n")]
    for key in ("source", "license", "notes"):
        if document.get(key):
            out.append(f"{key}: {_folded(str(document[key]))}")
    out.append("years:")
    for year in sorted(document["years"], key=int):
        out.append(f"  {int(year)}:")
        for entry in sorted(document["years"][year], key=lambda e: str(e["province"])):
            code = str(entry["province"])
            out.append(f"    - province: {_scalar(code)}  # {names.get(code, '?')}")
            for key in FIELDS[1:] + sorted(set(entry) - set(FIELDS)):
                if key in entry:
                    out.append(f"      {key}: {_scalar(entry[key])}")
    return "\n".join(out) + "\n"


def merge(document: dict, year: int, entries: list[dict], replace: bool) -> dict:
    years = {int(y): list(v) for y, v in (document.get("years") or {}).items()}
    if year in years and not replace:
        raise Problem(f"UMP {year} sudah ada di ump.yml; tambahkan --replace untuk menggantinya")
    years[year] = entries
    return {**document, "years": years}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("figures", type=Path, help="CSV or YAML with one row per province")
    parser.add_argument("--year", type=int, required=True, help="the year the figures apply to (from 1 January)")
    parser.add_argument("--replace", action="store_true", help="replace that year if it is already in the file")
    parser.add_argument("--check", action="store_true", help="only validate; write nothing")
    parser.add_argument("--file", type=Path, default=UMP_FILE, help="ump.yml to update")
    args = parser.parse_args(argv)
    try:
        if not 2000 < args.year < 2100:
            raise Problem(f"--year {args.year} tidak masuk akal; tulis tahun berlakunya, mis. 2027")
        if not args.figures.is_file():
            raise Problem(f"{args.figures}: berkas tidak ada")
        names = provinces()
        entries, problems = check_entries(read_figures(args.figures), names, str(args.figures))
        if problems:
            raise Problem("\n".join(problems))
        document = yaml.load(args.file.read_text(encoding="utf-8"), Loader=Loader) or {}
        merged = merge(document, args.year, entries, args.replace)
    except Problem as exc:
        print(exc, file=sys.stderr)
        return 1
    verified = sum(1 for e in entries if e["verified"])
    missing = sum(1 for e in entries if e["amount"] is None)
    summary = f"UMP {args.year}: {len(entries)} provinsi, {verified} terverifikasi, {missing} belum ditetapkan"
    if args.check:
        print(f"{summary} (hanya diperiksa, tidak ditulis)")
        return 0
    args.file.write_text(render(merged, names), encoding="utf-8")
    print(f"{summary}; ditulis ke {args.file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
