"""Derived copies of the schema (editor JSON Schema, CONTRIBUTING tables) never go stale."""

from __future__ import annotations

import json
import re
import shutil

from antarkerja.records.diagnostics import CODES
from antarkerja.records.rules import rules_for
from antarkerja.records.schema.export import write_all


def test_committed_derived_copies_match_the_schema(root):
    assert write_all(root, check=True) == [], "run `antarkerja schema` and commit the result"


def test_a_schema_change_makes_the_copies_stale(tmp_path, root):
    for name in ("content/reference", "CONTRIBUTING.md", "content/schema", ".github"):
        src = root / name
        dst = tmp_path / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            dst.symlink_to(src) if name == "content/reference" else shutil.copytree(src, dst)
        else:
            dst.write_text(
                src.read_text(encoding="utf-8").replace("| `title` | ya |", "| `title` | |"), encoding="utf-8"
            )
    assert write_all(tmp_path, check=True) == [tmp_path / "CONTRIBUTING.md"]


def test_json_schema_knows_fields_choices_and_required(root):
    schema = json.loads((root / "content/schema/vacancy.schema.json").read_text(encoding="utf-8"))
    assert "title" in schema["required"] and schema["additionalProperties"] is False
    assert schema["properties"]["status"]["enum"] == ["open", "filled", "closed"]
    assert schema["properties"]["location"]["properties"]["regency"]["pattern"] == r"^[0-9]{2}\.[0-9]{2}$"
    assert "smk" in schema["properties"]["education"]["properties"]["minimum"]["enum"]


def test_every_code_in_the_source_is_documented(root):
    documented = set(CODES) | {r.code for r in rules_for("vacancy") + rules_for("office")}
    used = set()
    for path in (root / "plugins/antarkerja").rglob("*.py"):
        used |= set(re.findall(r'"([YSXRW][0-9]{3})"', path.read_text(encoding="utf-8")))
    assert used <= documented
    contributing = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for code in documented:
        assert f"`{code}`" in contributing
