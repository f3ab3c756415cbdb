"""Copies derived from the schemas: editor JSON Schemas and the tables in CONTRIBUTING.md.

``antarkerja schema`` rewrites them; ``antarkerja schema --check`` (and a test) fails when a
committed copy no longer matches the schema, so docs and editor hints never drift.

* ``content/schema/vacancy.schema.json`` and ``office.schema.json``: JSON Schema (draft-07,
  what yaml-language-server reads) with Indonesian titles and descriptions.
* ``.github/ISSUE_TEMPLATE/lowongan.yml``: the issue form for proposing a vacancy
  (:mod:`antarkerja.records.issueform`).
* ``.github/CODEOWNERS``: reviewers of each province folder (:mod:`antarkerja.records.codeowners`).
* ``CONTRIBUTING.md``: the field tables and the list of error codes, between
  ``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->`` markers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from antarkerja.paths import schema_dir
from antarkerja.records.codeowners import codeowners, load_config
from antarkerja.records.diagnostics import CODES
from antarkerja.records.rules import rules_for
from antarkerja.records.schema import ecmascript_pattern, office, vacancy, walk
from antarkerja.reference import load_reference

JSON_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "dict": "object",
    "list": "array",
}
TYPE_WORDS = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "boolean": "true/false",
    "date": "tanggal",
    "dict": "kelompok",
    "list": "daftar",
}


def json_schema_for(rules: dict) -> dict:
    meta = rules.get("meta", {})
    out: dict = {}
    if meta.get("label"):
        out["title"] = meta["label"]
    description = " ".join(
        x for x in (meta.get("help"), f"Format: {meta['format']}." if meta.get("format") else "") if x
    )
    if description:
        out["description"] = description
    kind = rules.get("type")
    if kind == "date":
        out["type"] = "string"
        out["format"] = "date"
    elif kind:
        out["type"] = JSON_TYPES[kind]
    if "allowed" in rules:
        out["enum"] = list(rules["allowed"])
        labels = meta.get("labels", {})
        out["markdownEnumDescriptions"] = [labels.get(v, "") for v in rules["allowed"]]
    if "regex" in rules:
        out["pattern"] = ecmascript_pattern(rules["regex"])
    for ours, theirs in (("min", "minimum"), ("max", "maximum")):
        if ours in rules:
            out[theirs] = rules[ours]
    if kind == "string":
        for ours, theirs in (("minlength", "minLength"), ("maxlength", "maxLength")):
            if ours in rules:
                out[theirs] = rules[ours]
    if kind == "list":
        if "maxlength" in rules:
            out["maxItems"] = rules["maxlength"]
        if rules.get("schema"):
            out["items"] = json_schema_for(rules["schema"])
    if kind == "dict" and rules.get("schema"):
        out.update(_object(rules["schema"]))
    if "example" in meta:
        out["examples"] = [meta["example"]]
    return out


def _object(fields: dict) -> dict:
    return {
        "type": "object",
        "properties": {name: json_schema_for(rules) for name, rules in fields.items()},
        "required": [name for name, rules in fields.items() if rules.get("required")],
        "additionalProperties": False,
    }


def json_schema(fields: dict, title: str, file_id: str) -> dict:
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": file_id, "title": title, **_object(fields)}


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def fields_table(fields: dict) -> str:
    rows = ["| Kolom | Wajib | Jenis | Keterangan |", "|---|---|---|---|"]
    for path, rules in walk(fields):
        meta = rules.get("meta", {})
        name = ".".join(path).replace(".[]", "[]")
        parts = [meta.get("label", ""), meta.get("help", "")]
        if rules.get("allowed"):
            labels = meta.get("labels", {})
            parts.append("Pilihan: " + ", ".join(f"`{v}` ({labels.get(v, v)})" for v in rules["allowed"]))
        elif meta.get("format"):
            parts.append(f"Format: {meta['format']}")
        about = " ".join(p if p.endswith(".") else p + "." for p in parts if p)
        kind = TYPE_WORDS.get(rules.get("type"), "")
        if rules.get("type") == "list" and rules.get("schema"):
            kind += f" {TYPE_WORDS.get(rules['schema'].get('type'), '')}"
        rows.append(f"| `{name}` | {'ya' if rules.get('required') else ''} | {kind} | {_cell(about)} |")
    return "\n".join(rows)


def codes_table() -> str:
    rows = ["| Kode | Tingkat | Arti | Dasar |", "|---|---|---|---|"]
    for code, title in CODES.items():
        level = "peringatan" if code.startswith("W") else "kesalahan"
        rows.append(f"| `{code}` | {level} | {_cell(title)} | |")
    once = {r.code: r for r in rules_for("office") + rules_for("vacancy")}  # a code may serve both kinds
    for rule in sorted(once.values(), key=lambda r: r.code):
        level = "peringatan" if rule.code.startswith("W") else "kesalahan"
        rows.append(f"| `{rule.code}` | {level} | {_cell(rule.title)} | {_cell(rule.basis)} |")
    return "\n".join(rows)


ISSUE_FORM_HEADER = """\
# Formulir usulan lowongan. Dibuat otomatis dari skema oleh `antarkerja schema`
# (plugins/antarkerja/records/issueform.py); jangan diubah dengan tangan.
"""


def _issue_form_text(ref) -> str:
    from antarkerja.records.issueform import issue_form

    body = yaml.safe_dump(issue_form(ref), allow_unicode=True, sort_keys=False, width=100_000)
    return ISSUE_FORM_HEADER + body


def generated(root: Path) -> dict[Path, str | dict[str, str]]:
    """Every derived file: JSON files as text, CONTRIBUTING.md as its generated sections."""
    ref = load_reference(root)
    vs, os_ = vacancy.schema(ref), office.schema(ref)
    dump = lambda d: json.dumps(d, ensure_ascii=False, indent=2) + "\n"  # noqa: E731
    return {
        schema_dir(root) / "vacancy.schema.json": dump(json_schema(vs, "Lowongan Antar Kerja", "vacancy.schema.json")),
        schema_dir(root) / "office.schema.json": dump(
            json_schema(os_, "Kantor layanan Antar Kerja", "office.schema.json")
        ),
        root / ".github" / "ISSUE_TEMPLATE" / "lowongan.yml": _issue_form_text(ref),
        root / ".github" / "CODEOWNERS": codeowners(ref, load_config(root)),
        root / "CONTRIBUTING.md": {
            "vacancy-fields": fields_table(vs),
            "office-fields": fields_table(os_),
            "codes": codes_table(),
        },
    }


def _fill(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- generated:{name} -->\n).*?(<!-- /generated:{name} -->)", re.S)
    if not pattern.search(text):
        raise ValueError(f"CONTRIBUTING.md has no <!-- generated:{name} --> section")
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def write_all(root: Path, check: bool = False) -> list[Path]:
    """Write the derived copies; return those that were stale (changed, or would change)."""
    stale = []
    for path, content in generated(root).items():
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = content
        if isinstance(content, dict):
            new = old
            for name, body in content.items():
                new = _fill(new, name, body)
        if new != old:
            stale.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(new, encoding="utf-8")
    return stale
