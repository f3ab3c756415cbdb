"""One engine, proven the same: the conformance cases (tests/trust/conformance.json, text →
findings with codes and messages, and whether it offers work abroad) pass in Python here and in
JavaScript under Node's built-in test runner (``node --test``, no browser), run from this test so
that CI runs both. ``python tests/test_trust_conformance.py --write`` rewrites the expected
findings from Python after a deliberate rule change (review the diff)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support import node as support_node

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "trust" / "conformance.json"
NODE_TEST = ROOT / "tests" / "trust" / "conformance.test.js"


def load_cases() -> list[dict]:
    return json.loads(CASES.read_text(encoding="utf-8"))["cases"]


def python_result(text: str) -> dict:
    from antarkerja.records.rules.scams import check_text, overseas_offer

    overseas = overseas_offer(text)
    return {
        "findings": [list(f) for f in check_text(text)],
        "abroad": overseas["abroad"],
        "noScheme": overseas["no_scheme"],
    }


def test_cases_cover_findings_overseas_offers_and_hostile_text():
    cases = load_cases()
    assert len(cases) >= 50
    codes = {f[0] for c in cases for f in c["findings"]}
    assert {"R401", "R402", "R403", "R404", "R453", "R455", "R457", "W536"} <= codes
    assert any(c["noScheme"] for c in cases) and any(c["abroad"] and not c["noScheme"] for c in cases)
    assert any(not c["findings"] for c in cases)
    assert any("\u200b" in c["text"] for c in cases) and any(ord(ch) > 0xFFFF for c in cases for ch in c["text"])


def test_python_gives_every_case_its_expected_findings():
    for case in load_cases():
        assert python_result(case["text"]) == {k: case[k] for k in ("findings", "abroad", "noScheme")}, case["text"]


def test_javascript_engine_gives_the_same_under_node(tmp_path):
    from antarkerja.records.rules.scams import export

    node = support_node()
    rules = tmp_path / "aturan.json"
    rules.write_text(json.dumps(export(), ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [node, "--test", str(NODE_TEST)],
        cwd=ROOT,
        env={**os.environ, "ANTARKERJA_RULES": str(rules)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert f"# pass {len(load_cases()) + 1}" in run.stdout


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    sys.path.insert(0, str(ROOT / "plugins"))
    doc = json.loads(CASES.read_text(encoding="utf-8"))
    doc["cases"] = [{"text": c["text"], **python_result(c["text"])} for c in doc["cases"]]
    CASES.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
