"""Canonical layout of a record file: schema key order, safe quoting, no surprises.

The canonical form:

* keys in the schema's order (unknown keys last, as found, so nothing is lost);
* strings plain where YAML reads them back unchanged, otherwise in double quotes; strings
  that start like a number are always quoted (``"32.16"``, ``"0812-0000-1111"``,
  ``"08:00"``); multi-line text as a ``|`` block;
* dates as ``2026-11-25``; sequences indented under their key; UTF-8, ``\\n`` newlines.

Comments are kept where officers put them: the header block at the top of the file and
full-line comments directly above a top-level key. A comment anywhere else cannot be placed
again, so such a file is left untouched and reported instead of silently losing text.
"""

from __future__ import annotations

import re
from datetime import date

import yaml

from antarkerja.records.load import SEPARATORS, NotRegularFile, _TooBig, load_text, read_limited

_TO_NEWLINE = str.maketrans(dict.fromkeys(SEPARATORS, "\n"))
_TO_SPACE = str.maketrans(dict.fromkeys(SEPARATORS, " "))
TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:")


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)

    def choose_scalar_style(self):
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def _represent_str(dumper, value: str):
    # A value holding a YAML line break other than \n (only possible through an escape) gets
    # plain newlines: PyYAML would write U+2028/U+2029/U+0085 raw inside a block.
    value = value.translate(_TO_NEWLINE)
    if "\n" in value:
        # Block style cannot hold trailing spaces on a line; those force quotes.
        block_ok = not any(line != line.rstrip() for line in value.split("\n"))
        return dumper.represent_scalar(
            "tag:yaml.org,2002:str", value.rstrip("\n") + "\n" if block_ok else value, style="|" if block_ok else '"'
        )
    plain_tag = dumper.resolve(yaml.ScalarNode, value, (True, False))
    # Anything starting like a number (codes, phones, times, postal codes) is always quoted,
    # whether or not YAML 1.1 would misread this particular value: one rule people can follow.
    looks_numeric = value[:1].isdigit() or value[:1] in "+-."
    style = '"' if plain_tag != "tag:yaml.org,2002:str" or looks_numeric else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_date(dumper, value: date):
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(date, _represent_date)


def ordered(value, rules: dict | None):
    """Return ``value`` with dict keys in the schema's order, recursively."""
    if isinstance(value, dict):
        fields = (rules or {}).get("schema", {}) if (rules or {}).get("type") == "dict" else {}
        keys = [k for k in fields if k in value] + [k for k in value if k not in fields]
        return {k: ordered(value[k], fields.get(k)) for k in keys}
    if isinstance(value, list):
        item = (rules or {}).get("schema") if (rules or {}).get("type") == "list" else None
        return [ordered(v, item) for v in value]
    return value


def dump(mapping: dict) -> str:
    return yaml.dump(mapping, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)


class CannotFormat(Exception):
    """The file cannot be formatted without losing something; the message says what."""


def _comments(text: str) -> tuple[list[str], dict[str, list[str]]]:
    header, above, pending, started = [], {}, [], False
    for line in text.splitlines():
        stripped = line.strip()
        if not started and (not stripped or stripped.startswith("#")):
            header.append(line.rstrip())
            continue
        match = TOP_KEY.match(line)
        if match:
            if not started:
                # Comment lines touching the first key belong to it, not to the header.
                while header and header[-1].lstrip().startswith("#"):
                    pending.insert(0, header.pop())
            started = True
            if pending:
                above[match.group(1)] = pending
            pending = []
        elif stripped.startswith("#") and not line.startswith((" ", "\t")):
            pending.append(line.rstrip())
    while header and not header[-1]:
        header.pop()
    return header, above


def read_record_text(path) -> str:
    """The text of a record file to format, or :class:`CannotFormat` with the reason.

    Bytes that are not UTF-8 are refused, never replaced: writing U+FFFD back would destroy
    the original text and then pass validation. Symlinks and oversized files are refused too.
    """
    try:
        raw = read_limited(path)
    except NotRegularFile:
        raise CannotFormat("bukan berkas biasa (tautan simbolik, folder atau perangkat)") from None
    except _TooBig:
        raise CannotFormat("berkas terlalu besar") from None
    except OSError as exc:
        raise CannotFormat(f"berkas tidak dapat dibaca: {exc.strerror}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CannotFormat(f"berkas bukan UTF-8 (baris {line}); simpan ulang dengan pengodean UTF-8") from None


def format_text(text: str, schema: dict, path="<record>") -> str:
    # Raw U+0085/U+2028/U+2029 (the loader refuses them, Y115) become spaces: a space can never
    # start a YAML line, so pasted "…kerja.\u2029example: true" stays text and cannot become a key.
    text = text.translate(_TO_SPACE)
    loaded = load_text(text, path)
    if not loaded.ok or not isinstance(loaded.data, dict):
        raise CannotFormat("berkas belum bisa dibaca; jalankan `antarkerja validate` dan perbaiki kesalahannya dulu")
    data = ordered(loaded.data, {"type": "dict", "schema": schema})
    header, above = _comments(text)
    out = [*header, ""] if header else []
    for key, value in data.items():
        out += above.get(key, [])
        out.append(dump({key: value}).rstrip("\n"))
    result = "\n".join(out) + "\n"
    if text.count("#") > result.count("#"):
        raise CannotFormat(
            "ada komentar di dalam kelompok atau di akhir baris yang akan hilang; pindahkan komentar ke atas kunci tingkat teratas"
        )
    return result
