"""Measure the text rules on the labelled trust corpus: recall on scams, false alarms on real ads.

``tests/trust/corpus.yml`` holds fictional vacancy texts labelled ``scam`` (fees, scams,
trafficking, discrimination, written from public warnings) or ``legit`` (ordinary vacancies,
including hard ones). Each text goes through the whole validator as the description of an
otherwise clean vacancy (:func:`validator_codes`); a text is *flagged* when any text rule
reports it (error or warning). Rules that need the record's declared fields
(:data:`antarkerja.records.rules.scams.VALIDATOR_ONLY`) are left out, so the verdict is the one the
public checker can give for a pasted text.

Two files: ``corpus.yml`` (the texts the rules were tuned on) and ``heldback.yml`` (texts first
measured before any rule was tuned on them). Every text paraphrases a pattern shown by a public
source: ``corpus.yml`` names a key of its ``sources`` table (title, publisher, url, date, what
it shows), ``heldback.yml`` gives ``url`` and ``date`` on the text itself. :func:`load_all`
resolves both to ``url``/``date``; :func:`source_problems` lists every text or source that
lacks them. Both engines are measured: the validator
(:class:`TextValidator`) and Cek lowongan's rules (:func:`antarkerja.records.rules.scams.check_text`,
which check.js mirrors; the browser test and the conformance cases prove them equal).

Run ``antarkerja trust`` (per category, both engines, the confusion list),
``antarkerja bench --steps trust`` or ``python scripts/trust_report.py``.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from antarkerja.reference import read_yaml

RECALL_TARGET = 0.98
FALSE_ALARM_TARGET = 0.02
CORPUS_FILES = ("corpus.yml", "heldback.yml")

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
    # A skill is named, as Perpres 57/2023 Art. 5 asks (W570): a neutral one no text rule reads.
    "qualifications": ["Teliti"],
    "apply": {"walk_in": True},
    "date_posted": date(2026, 11, 20),
    "valid_through": date(2026, 12, 31),
    "verification": {"office": "kantor", "date": date(2026, 11, 19)},
}


def corpus_path(root: Path) -> Path:
    return Path(root) / "tests" / "trust" / "corpus.yml"


SOURCE_FIELDS = ("title", "publisher", "url", "date", "shows")
# A source's date: when it was published, or "seen YYYY-MM-DD" (when it was read) if it shows none.
SOURCE_DATE = re.compile(r"(seen )?\d{4}-\d{2}-\d{2}")
SOURCE_URL = re.compile(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?/\S*")


def load_file(path: Path) -> tuple[dict, list[dict]]:
    """The ``sources`` table (empty if the file has none) and the texts of one corpus file."""
    data = read_yaml(path)
    return data.get("sources") or {}, data["texts"]


def load_corpus(path: Path) -> list[dict]:
    return load_file(path)[1]


def load_all(root: Path) -> list[dict]:
    """Every labelled text of both corpus files, each with its ``category`` and, resolved from
    its ``source`` key where the file has a sources table, its source's ``url`` and ``date``."""
    texts = []
    for name in CORPUS_FILES:
        path = Path(root) / "tests" / "trust" / name
        sources, items = load_file(path)
        for item in items:
            item = dict(item)
            source = sources.get(item.get("source")) if isinstance(item.get("source"), str) else None
            if isinstance(source, dict):
                for field in ("url", "date"):
                    if source.get(field) is not None:
                        item.setdefault(field, source[field])
            item.setdefault("category", f"{item['label']}:{item.get('source', 'lain')}")
            item["file"] = name
            texts.append(item)
    return texts


def source_problems(root: Path) -> list[str]:
    """Why a text or a source of the corpus cannot be traced to public material: a missing or
    unknown source key, a source without all of :data:`SOURCE_FIELDS`, a url that is not
    http(s), a date that is not ``YYYY-MM-DD`` or ``seen YYYY-MM-DD``, a source no text uses.
    Empty when every text carries a resolvable source with url and date."""
    problems = []
    for name in CORPUS_FILES:
        sources, items = load_file(Path(root) / "tests" / "trust" / name)
        for key, source in sources.items():
            if not isinstance(source, dict):
                problems.append(f"{name}: source {key} is not a table of {', '.join(SOURCE_FIELDS)}")
                continue
            for field in SOURCE_FIELDS:
                if not str(source.get(field) or "").strip():
                    problems.append(f"{name}: source {key} has no {field}")
        used = {item.get("source") for item in items}
        problems += [f"{name}: source {key} is used by no text" for key in sources if key not in used]
        for item in items:
            where = f"{name}: {item.get('id')}"
            key = item.get("source")
            if sources and key is not None and key not in sources:
                problems.append(f"{where}: unknown source {key!r}")
            source = sources.get(key) if isinstance(key, str) and isinstance(sources.get(key), dict) else {}
            url, when = item.get("url", source.get("url")), item.get("date", source.get("date"))
            if not url or not when:
                problems.append(f"{where}: no source url and date")
                continue
            if not SOURCE_URL.fullmatch(str(url)):
                problems.append(f"{where}: source url is not http(s): {url}")
            if not SOURCE_DATE.fullmatch(str(when)):
                problems.append(f"{where}: source date is neither YYYY-MM-DD nor 'seen YYYY-MM-DD': {when}")
    return problems


class TextValidator:
    """Runs every vacancy rule of the validator on a text placed in a clean record."""

    def __init__(self, root: Path):
        from antarkerja.records.rules import rules_for
        from antarkerja.records.rules.scams import VALIDATOR_ONLY
        from antarkerja.records.validate import _Context
        from antarkerja.reference import load_reference

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


def checker_codes(text: str) -> list[str]:
    """The codes Cek lowongan shows for a pasted text (the rules of check.js, run in Python)."""
    from antarkerja.records.rules.scams import check_text

    return sorted({code for code, _ in check_text(text)})


def evaluate(root: Path, corpus: list[dict] | None = None, engine: str = "validator") -> Report:
    corpus = corpus if corpus is not None else load_all(root)
    checker = TextValidator(root) if engine == "validator" else None
    codes_of = checker.codes if checker else checker_codes
    missed, alarmed = [], []
    scams = legit = 0
    for item in corpus:
        codes = codes_of(item["text"])
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


ENGINES = {"validator": "Validator", "checker": "Cek lowongan"}


def print_categories(root: Path, corpus: list[dict] | None = None) -> bool:
    """``antarkerja trust``: per category and engine, recall (scams) or false alarms (legitimate
    texts), then every text the engines get wrong. Returns whether both engines meet the targets."""
    corpus = corpus if corpus is not None else load_all(root)
    reports = {engine: evaluate(root, corpus, engine) for engine in ENGINES}
    ok = all(r.meets_targets for r in reports.values())
    wrong = {engine: {t["id"] for t in r.missed} | {t["id"] for t, _ in r.alarmed} for engine, r in reports.items()}
    print(f"{'kategori':40} {'teks':>5} " + " ".join(f"{label:>14}" for label in ENGINES.values()))
    for category in sorted({t["category"] for t in corpus}):
        items = [t for t in corpus if t["category"] == category]
        cells = []
        for engine in ENGINES:
            bad = sum(t["id"] in wrong[engine] for t in items)
            if items[0]["label"] == "scam":
                cells.append(f"recall {1 - bad / len(items):6.1%}")
            else:
                cells.append(f"alarm {bad / len(items):7.1%}")
        print(f"{category:40} {len(items):5} " + " ".join(f"{c:>14}" for c in cells))
    for engine, report in reports.items():
        print(
            f"{ENGINES[engine]}: recall {report.caught}/{report.scams} = {report.recall:.1%} (target ≥ "
            f"{RECALL_TARGET:.0%}), alarm palsu {report.false_alarms}/{report.legit} = "
            f"{report.false_alarm_rate:.1%} (target ≤ {FALSE_ALARM_TARGET:.0%})"
        )
    print("Daftar salah (confusion):" if any(wrong.values()) else "Daftar salah (confusion): tidak ada")
    for engine, report in reports.items():
        for item in report.missed:
            print(f"  {ENGINES[engine]:13} lolos  {item['id']} [{item['category']}]: {item['text'][:90]}")
        for item, codes in report.alarmed:
            print(
                f"  {ENGINES[engine]:13} alarm  {item['id']} [{item['category']}] {','.join(codes)}: {item['text'][:90]}"
            )
    return ok
