"""The record schemas: one Cerberus schema per record kind, the single source of truth.

Every field is declared once, in :mod:`antarkerja.records.schema.vacancy` or
:mod:`antarkerja.records.schema.office`, with its Cerberus rules and a ``meta`` block holding what
people read: the Indonesian ``label``, a ``help`` text, an ``example`` and, for codes, the
``labels`` of each allowed value. From that one declaration we derive:

* the validator's messages (``antarkerja.records.validate``),
* the editor JSON Schema in ``content/schema/`` (:mod:`antarkerja.records.schema.export`),
* the field tables in ``CONTRIBUTING.md`` and the scaffold (``antarkerja new vacancy``).

Rules a schema cannot say (dates in order, salary against UMP, fee requests…) are named
checks in :mod:`antarkerja.records.rules`.

The small builders below keep declarations readable: ``text("Judul lowongan", ...)``.
"""

from __future__ import annotations

from typing import Any

# Patterns end in ``\Z``, not ``$``: ``$`` also matches before a final newline, so "IDR\n"
# (a `|` block) would pass Cerberus while the compiled check rejects it. The JSON Schema
# export writes ``$`` (ECMAScript has no ``\Z``).
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{2,80}\Z"

PROVINCE_PATTERN = r"^[0-9]{2}\Z"
REGENCY_PATTERN = r"^[0-9]{2}\.[0-9]{2}\Z"
# http(s), an ASCII host name (no user:password@, no look-alike Unicode letters), an optional
# port, then a path without spaces or quotes. Punycode (xn--) hosts are refused by rule R433.
URL_PATTERN = r"^https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?(?:[/?#][^\s<>\"'\\\\]*)?\Z"
# A plain address: no %-escapes, no ?query (a mailto: link would carry it), an ASCII domain.
EMAIL_PATTERN = r"^[A-Za-z0-9!#$&'*+/=^_`{|}~-]+(?:\.[A-Za-z0-9!#$&'*+/=^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\Z"
# Indonesian numbers as people write them: 021-5551234, +62 812-0000-1111, (0274) 555 123, 1500630.
PHONE_PATTERN = r"^\+?[0-9][0-9 ().-]{4,22}[0-9]\Z"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]\Z"


def ecmascript_pattern(regex: str) -> str:
    """The same pattern for JSON Schema and the browser: ``\\Z`` becomes ``$`` (ECMAScript
    has no ``\\Z``, and without the ``m`` flag its ``$`` matches only at the very end)."""
    return regex.replace("\\Z", "$")


def _rules(label: str, help: str, example: Any, required: bool, fmt: str | None, extra: dict, **rules) -> dict:
    meta = {"label": label, "help": help}
    if example is not None:
        meta["example"] = example
    if fmt:
        meta["format"] = fmt
    meta.update(extra.pop("meta", {}))
    return {"required": required, **rules, **extra, "meta": meta}


def text(label, help="", *, required=False, example=None, minlength=1, maxlength=200, fmt=None, **extra):
    return _rules(
        label, help, example, required, fmt, extra, type="string", empty=False, minlength=minlength, maxlength=maxlength
    )


def pattern(label, regex, fmt, help="", *, required=False, example=None, maxlength=200, **extra):
    return _rules(
        label, help, example, required, fmt, extra, type="string", empty=False, regex=regex, maxlength=maxlength
    )


def url(label, help="", *, required=False, example="https://contoh.go.id/lowongan"):
    return pattern(
        label,
        URL_PATTERN,
        "alamat web yang diawali https:// atau http://",
        help,
        required=required,
        example=example,
        maxlength=500,
    )


def email(label, help="", *, required=False, example="rekrutmen@contoh.co.id"):
    return pattern(
        label, EMAIL_PATTERN, "alamat email seperti nama@domain.co.id", help, required=required, example=example
    )


def phone(label, help="", *, required=False, example="021-5550123"):
    return pattern(
        label,
        PHONE_PATTERN,
        'nomor telepon dalam tanda kutip, seperti "021-5550123"',
        help,
        required=required,
        example=example,
        maxlength=30,
    )


def integer(label, help="", *, required=False, example=None, min=None, max=None, **extra):
    bounds = {k: v for k, v in (("min", min), ("max", max)) if v is not None}
    return _rules(label, help, example, required, None, extra, type="integer", **bounds)


def number(label, help="", *, required=False, example=None, min=None, max=None, **extra):
    bounds = {k: v for k, v in (("min", min), ("max", max)) if v is not None}
    return _rules(label, help, example, required, None, extra, type="number", **bounds)


def boolean(label, help="", *, required=False, example=None, **extra):
    return _rules(label, help, example, required, None, extra, type="boolean")


def date(label, help="", *, required=False, example="2026-11-25", **extra):
    return _rules(label, help, example, required, "tanggal TTTT-BB-HH, misalnya 2026-11-25", extra, type="date")


def choice(label, labels: dict[str, str], help="", *, required=False, example=None, **extra):
    """A code from a fixed list; ``labels`` maps each allowed code to its Indonesian name."""
    extra.setdefault("meta", {})["labels"] = dict(labels)
    return _rules(label, help, example, required, None, extra, type="string", allowed=list(labels))


def group(label, fields: dict, help="", *, required=False, **extra):
    return _rules(label, help, None, required, None, extra, type="dict", schema=fields)


def list_of(label, item: dict, help="", *, required=False, example=None, maxlength=30, **extra):
    return _rules(label, help, example, required, None, extra, type="list", schema=item, maxlength=maxlength)


def walk(schema: dict, prefix: tuple = ()):
    """Yield ``(path, rules)`` for every field, depth first, list items as ``"[]"``."""
    for name, rules in schema.items():
        path = prefix + (name,)
        yield path, rules
        yield from _walk_rules(rules, path)


def _walk_rules(rules: dict, path: tuple):
    sub = rules.get("schema")
    if rules.get("type") == "dict" and sub:
        yield from walk(sub, path)
    elif rules.get("type") == "list" and sub:
        item_path = path + ("[]",)
        if sub.get("type") == "dict":
            yield from walk(sub.get("schema", {}), item_path)


def rules_at(schema: dict, path: tuple) -> dict | None:
    """The rules of the field at a document path (list indexes are skipped)."""
    rules: dict | None = {"type": "dict", "schema": schema}
    for part in path:
        if rules is None:
            return None
        if isinstance(part, int):
            rules = rules.get("schema") if rules.get("type") == "list" else None
            continue
        sub = rules.get("schema") if rules.get("type") == "dict" else None
        rules = sub.get(part) if isinstance(sub, dict) else None
    return rules
