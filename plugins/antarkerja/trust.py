"""Measure the text rules on the labelled trust corpus: recall on scams, false alarms on real ads.

``tests/trust/corpus.yml`` holds fictional vacancy texts labelled ``scam`` (fees, scams,
trafficking, discrimination, written from public warnings) or ``legit`` (ordinary vacancies,
including hard ones). Each text goes through the whole validator as the description of an
otherwise clean vacancy (:func:`validator_codes`); a text is *flagged* when any text rule
reports it (error or warning). Rules that need the record's declared fields
(:data:`antarkerja.rules.scams.VALIDATOR_ONLY`) are left out, so the verdict is the one the
public checker can give for a pasted text.

Run ``antarkerja bench --steps trust`` or ``python scripts/trust_report.py`` (lists misses).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

RECALL_TARGET = 0.95
FALSE_ALARM_TARGET = 0.05

BASE_RECORD = {
    "id": "cek-teks",
    "title": "Lowongan",
    "status": "open",
    "employer": {"name": "Pemberi kerja", "legal_form": "pt"},
    "location": {"country": "ID", "province": "32", "regency": "32.16", "work_mode": "onsite"},
    # No wage is stated, so the relation is one without a time wage: a clean record raises no
    # rule of its own (W570 asks a PKWT/PKWTT report for its wage, Perpres 57/2023 Art. 5).
    "employment_type": "lainnya",
    "openings": 1,
    "salary": {"disclosed": False},
    "education": {"minimum": "sma"},
    "experience_months": 0,
    "kbji": "4",
    "kbli": "N",
    "description": "",
    "apply": {"walk_in": True},
    "date_posted": date(2026, 11, 20),
    "valid_through": date(2026, 12, 31),
    "verification": {"office": "kantor", "date": date(2026, 11, 19)},
}


def corpus_path(root: Path) -> Path:
    return Path(root) / "tests" / "trust" / "corpus.yml"


def load_corpus(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)["texts"]


class TextValidator:
    """Runs every vacancy rule of the validator on a text placed in a clean record."""

    def __init__(self, root: Path):
        from antarkerja.reference import load_reference
        from antarkerja.rules import rules_for
        from antarkerja.rules.scams import VALIDATOR_ONLY
        from antarkerja.validate import _Context

        self.rules = [r for r in rules_for("vacancy") if r.code not in VALIDATOR_ONLY]
        self.ctx = _Context(load_reference(Path(root)))

    def findings(self, text: str) -> list[tuple[str, str]]:
        record = copy.deepcopy(BASE_RECORD)
        record["description"] = text
        out = []
        for rule in self.rules:
            for _path, message, *_ in rule.check(record, self.ctx):
                out.append((rule.code, message))
        return out

    def codes(self, text: str) -> list[str]:
        return sorted({code for code, _ in self.findings(text)})


@dataclass
class Report:
    scams: int
    legit: int
    caught: int
    false_alarms: int
    missed: list[dict]
    alarmed: list[tuple[dict, list[str]]]

    @property
    def recall(self) -> float:
        return self.caught / self.scams if self.scams else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.legit if self.legit else 0.0

    @property
    def meets_targets(self) -> bool:
        return self.recall >= RECALL_TARGET and self.false_alarm_rate <= FALSE_ALARM_TARGET

    def figures(self) -> dict:
        return {
            "texts": self.scams + self.legit,
            "recall": round(self.recall, 3),
            "false_alarm_rate": round(self.false_alarm_rate, 3),
            "missed": [t["id"] for t in self.missed],
            "false_alarms": [t["id"] for t, _ in self.alarmed],
        }


def evaluate(root: Path, corpus: list[dict] | None = None) -> Report:
    corpus = corpus if corpus is not None else load_corpus(corpus_path(root))
    checker = TextValidator(root)
    missed, alarmed = [], []
    scams = legit = 0
    for item in corpus:
        codes = checker.codes(item["text"])
        if item["label"] == "scam":
            scams += 1
            if not codes:
                missed.append(item)
        else:
            legit += 1
            if codes:
                alarmed.append((item, codes))
    return Report(scams, legit, scams - len(missed), len(alarmed), missed, alarmed)


def print_report(report: Report) -> None:
    print(
        f"Korpus: {report.scams} teks penipuan/diskriminatif, {report.legit} teks wajar\n"
        f"Tertangkap (recall): {report.caught}/{report.scams} = {report.recall:.1%} (target ≥ {RECALL_TARGET:.0%})\n"
        f"Alarm palsu: {report.false_alarms}/{report.legit} = {report.false_alarm_rate:.1%} (target ≤ {FALSE_ALARM_TARGET:.0%})"
    )
    for item in report.missed:
        print(f"  lolos  {item['id']}: {item['text'][:100]}")
    for item, codes in report.alarmed:
        print(f"  alarm  {item['id']} {','.join(codes)}: {item['text'][:100]}")
