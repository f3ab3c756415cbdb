"""One record builder: the same answers through ``antarkerja new vacancy`` and through an issue
give the same record, and the web form's spec carries the builder's rules.

Each path reads its answers its own way (flags, an issue body); both files are read back with
``yaml.safe_load`` and compared whole. A path that assembled its record (the salary mapping
above all) by itself again would differ here, or would not follow the builder when it changes.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from support import ROOT, make_repo

from antarkerja.cli import main
from antarkerja.records import build_record
from antarkerja.records.issueform import FIELDS, convert_issue, label_of
from antarkerja.records.schema import vacancy as vacancy_schema
from antarkerja.reference import load_reference
from antarkerja.site.outputs.form import form_spec

TODAY = date(2026, 11, 25)
FILE = "content/vacancies/jawa-barat/juru-masak-cv-contoh-rasa-bekasi.yml"
DESCRIPTION = "Memasak menu harian untuk 200 karyawan pabrik, sif pagi."
SKILLS = ["Mampu memasak menu masakan Indonesia", "Memahami kebersihan pangan"]

# The same answers, as flags and as issue-form answers (keyed by the form's field key).
COMMON = {
    "title": ("--title", "Juru Masak"),
    "employer": ("--employer", "CV Contoh Rasa"),
    "legal_form": ("--legal-form", "cv"),
    "regency": ("--regency", "32.16"),
    "office": ("--office", "test-office"),
    "employment_type": ("--type", "pkwt"),
    "contract_months": ("--contract-months", "12"),
    "openings": ("--openings", "3"),
    "education": ("--education", "smk"),
    "experience_months": ("--experience", "0"),
    "kbji": ("--kbji", "5"),
    "kbli": ("--kbli", "I"),
    "description": ("--description", DESCRIPTION),
    "valid_through": ("--valid-through", "2026-12-25"),
    "apply_email": ("--apply-email", "rekrutmen@contoh-rasa.co.id"),
}
SALARIES = {
    "range": {"salary_min": ("--salary-min", "4500000"), "salary_max": ("--salary-max", "5200000")},
    "lowest only": {"salary_min": ("--salary-min", "4800000")},
    "undisclosed": {},
}


def through_new(tmp_path, answers: dict, skills: list[str]) -> dict:
    root = make_repo(tmp_path / "new")
    flags = [item for flag, value in answers.values() for item in (flag, value)]
    if not any(flag == "--salary-min" for flag, _ in answers.values()):
        flags += ["--salary-undisclosed", "dibicarakan saat wawancara"]
    flags += ["--qualifications", "; ".join(skills)] if skills else []
    args = ["new", "vacancy", *flags, "--today", TODAY.isoformat(), "--root", str(root)]
    assert main(args) == 0
    return yaml.safe_load((root / FILE).read_text(encoding="utf-8"))


def through_issue(tmp_path, answers: dict, skills: list[str]) -> dict:
    root = make_repo(tmp_path / "issue")
    schema = vacancy_schema.schema(load_reference(ROOT))
    given = {key: value for key, (_, value) in answers.items()}
    given |= {"work_mode": "onsite", "verification_date": TODAY.isoformat(), "qualifications": "\n".join(skills)}
    body = "\n\n".join(
        f"### {label_of(f, schema)}\n\n{given.get(f.key) or '_No response_'}" for f in FIELDS if f.widget != "checkbox"
    )
    result = convert_issue(root, body, TODAY)
    assert result.ok, result.problems
    return yaml.safe_load(result.path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("salary", list(SALARIES))
def test_new_and_issue_make_the_same_record_from_the_same_answers(tmp_path, salary):
    answers = COMMON | SALARIES[salary]
    made_new, made_issue = through_new(tmp_path, answers, SKILLS), through_issue(tmp_path, answers, SKILLS)
    assert made_new == made_issue
    expected = {
        "range": build_record.salary_for(4500000, 5200000),
        "lowest only": {"disclosed": True, "min": 4800000, "max": 4800000, "unit": "MONTH", "currency": "IDR"},
        "undisclosed": {"disclosed": False},
    }[salary]
    assert made_new["salary"] == expected
    assert made_new["qualifications"] == SKILLS and made_new["status"] == "open"
    assert made_new["location"] == {"country": "ID", "province": "32", "regency": "32.16", "work_mode": "onsite"}


def test_both_paths_follow_the_builder_when_its_salary_rule_changes(tmp_path, monkeypatch):
    """Proof that neither path maps the salary itself: change the builder's rule, both follow."""
    monkeypatch.setitem(build_record.STATED_SALARY, "unit", "WEEK")
    answers = COMMON | SALARIES["range"]
    made_new, made_issue = through_new(tmp_path, answers, SKILLS), through_issue(tmp_path, answers, SKILLS)
    assert made_new["salary"]["unit"] == made_issue["salary"]["unit"] == "WEEK"


def test_the_web_form_spec_carries_the_builders_rules():
    spec = json.loads(json.dumps(form_spec(load_reference(ROOT), [], "")))
    made = spec["record"]
    assert made == build_record.form_rules()
    # form.js builds {...salaryStated, min, max} or salaryUnstated: the builder's own results.
    assert {**made["salaryStated"], "min": 1, "max": 2} == build_record.salary_for(1, 2)
    assert made["salaryUnstated"] == build_record.salary_for(None)
    # ...and keeps no salary mapping of its own.
    script = (ROOT / "theme/static/js/form.js").read_text(encoding="utf-8")
    for literal in ('"MONTH"', '"IDR"', "{ disclosed: "):
        assert literal not in script, literal


def test_a_regency_the_builder_does_not_know_is_left_for_the_caller_to_report():
    ref = load_reference(ROOT)
    record = build_record.new_vacancy({"title": "Kasir", "location.regency": "99.99"}, ref)
    assert record["location"] == {"regency": "99.99"} and "id" not in record
    record = build_record.new_vacancy(
        {"title": "Kasir", "employer.name": "PT Contoh", "location.regency": "32.16"}, ref
    )
    assert record["id"] == "kasir-pt-contoh-bekasi" and record["location"]["province"] == "32"
