"""The web form writes the same YAML as ``antarkerja fmt``: one conformance file, two runners.

``tests/fixtures/conformance/form-yaml.json`` holds records (hostile values included) and the
exact text the canonical writer (:mod:`antarkerja.records.fmt`) makes of them. Here pytest checks that
the file still matches the Python writer and that every expected text is a file that
``antarkerja validate`` and ``antarkerja fmt --check`` accept unchanged, with every value back
exactly. ``tests/js/form_yaml.test.js`` (``node --test``) feeds the same records to the form's
own writer (``theme/static/js/form.js``) and requires the same text.

After changing a case or the writer: ``python tests/test_form_conformance.py`` rewrites the file.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import ROOT, make_repo
from support import node as support_node
from support.conformance import BASE, _as_loaded, canonical

from antarkerja.cli import main
from antarkerja.records.schema import vacancy as vacancy_schema
from antarkerja.reference import load_reference

CASES_FILE = ROOT / "tests" / "fixtures" / "conformance" / "form-yaml.json"
NODE_TESTS = ROOT / "tests" / "js"


HOSTILE = {
    "quotes": "Kata \"kutip\" dan 'petik'",
    "hash": "Sif #2 dan #3",
    "colon-space": "Gudang: sif malam",
    "trailing-colon": "Catatan:",
    "leading-dash": "- bukan butir",
    "leading-hash": "#1 di kota",
    "anchor-alias-tag": "&jangkar *alias !!python/object:os.system",
    "yaml-words": "yes",
    "null-word": "null",
    "leading-zeros": "007",
    "phone-like": "0812-0000-0001",
    "time-like": "12:30",
    "percent-at-backtick": "%s @nama `kode`",
    "question-mark": "? tanya",
    "brackets": "[A] {B}",
    "tab": "kolom\tkolom",
    "emoji": "Bagus 😀 sekali",
    "nbsp": "Rp\u00a05.000.000",
    "rtl-arabic": "نص عربي",
    "backslash": "C:\\Program Files",
    "leading-space-after-trim": "x  y",
}


def _cases() -> list[dict]:
    cases = []
    for name, value in HOSTILE.items():
        for path in (("title",), ("employer", "name"), ("location", "address"), ("apply", "instructions")):
            record = copy.deepcopy(BASE)
            parent = record
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = value
            cases.append({"name": f"{name} in {'.'.join(path)}", "record": record})
        record = copy.deepcopy(BASE)
        record["qualifications"] = [value, "Teliti"]
        cases.append({"name": f"{name} in a list item", "record": record})
        record = copy.deepcopy(BASE)
        record["description"] = f"Baris pertama yang cukup panjang.\n{value}\n\n  menjorok {value}\n"
        cases.append({"name": f"{name} in the description", "record": record})
    long_text = ("Mengoperasikan mesin produksi dengan teliti. " * 230)[:9990].rstrip() + "\n"
    for name, text in {
        "10,000 characters": long_text,
        "10,000 characters with a tab (quoted and folded)": long_text.replace("teliti.", "teliti.\t", 3),
        "10,000 characters on one line with a tab": long_text.replace("\n", "").replace("teliti.", "teliti.\t", 1),
    }.items():
        record = copy.deepcopy(BASE)
        record["description"] = text
        cases.append({"name": f"description of {name}", "record": record})
    record = copy.deepcopy(BASE)
    record["apply"]["instructions"] = ("Bawa  KTP\t" + "x" * 50 + " ") * 15
    record["apply"]["instructions"] = record["apply"]["instructions"].strip()[:1000]
    cases.append({"name": "nested instructions at the length limit", "record": record})
    return cases


def build_file() -> dict:
    schema = vacancy_schema.schema(load_reference(ROOT))
    from antarkerja.site.outputs.form import _key_order

    cases = [{**case, "yaml": canonical(case["record"], schema)} for case in _cases()]
    return {"version": 1, "order": _key_order(schema), "cases": cases}


@pytest.fixture(scope="module")
def conformance() -> dict:
    return json.loads(CASES_FILE.read_text(encoding="utf-8"))


def test_the_conformance_file_is_what_the_python_writer_makes(conformance):
    assert conformance == build_file(), "run `python tests/test_form_conformance.py` to rewrite the file"
    assert len(conformance["cases"]) >= 100


def test_every_expected_text_loads_back_exactly_and_is_canonical(conformance, tmp_path):
    offices = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "content/offices").glob("*.yml")}
    files = {}
    for n, case in enumerate(conformance["cases"]):
        text = case["yaml"]
        assert yaml.safe_load(text) == _as_loaded(case["record"]), case["name"]
        assert not set(text) & {"\u2028", "\u2029", "\x85"}, case["name"]
        record = dict(case["record"], id=f"kasus-{n:03d}")
        files[f"jawa-barat/kasus-{n:03d}.yml"] = text.replace(case["record"]["id"], record["id"], 1)
    repo = make_repo(tmp_path, files, offices)
    paths = [str(p) for p in sorted((repo / "content/vacancies").rglob("*.yml"))]
    assert main(["fmt", "--check", "--root", str(repo), *paths]) == 0
    proc = subprocess.run(
        [sys.executable, "-m", "antarkerja.cli", "validate", "--root", str(repo)],
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": "", "ANTARKERJA_TODAY": "2026-11-25"},
        timeout=300,
    )
    # The cases are copies of one vacancy: the duplicate check (X307, across files) is the
    # only thing allowed to speak; every single-record rule and the schema must accept them.
    lines = [line for line in proc.stdout.splitlines() if ".yml:" in line]
    assert lines and all(" X307 " in line for line in lines), "\n".join(line for line in lines if " X307 " not in line)


def test_node_runs_the_same_cases_through_the_forms_writer():
    node = support_node()
    proc = subprocess.run([node, "--test", str(NODE_TESTS)], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "# fail 0" in proc.stdout


if __name__ == "__main__":
    CASES_FILE.write_text(json.dumps(build_file(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {CASES_FILE}")
