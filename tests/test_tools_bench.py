"""The bench's generator: national-size data that validates, in every regency."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from antarkerja.records.validate import validate_repository
from antarkerja.reference import load_reference
from antarkerja.tools.bench import SPREAD, generate

ROOT = Path(__file__).resolve().parents[1]


def test_generated_vacancies_validate_and_reach_every_regency_in_turn(tmp_path):
    count = 400
    generate(ROOT, tmp_path / "repo", count)
    result = validate_repository(tmp_path / "repo")
    assert result.files - len(result.offices) == count
    assert [e for e in result.errors if e.severity == "error"] == []
    ref = load_reference(ROOT)
    regencies = Counter(
        v.data["location"]["regency"] for v in result.vacancies if v.data["location"]["country"] == "ID"
    )
    # every SPREAD-th domestic one goes to the next regency of the whole country, in code order
    moved = [
        v.data["location"]["regency"]
        for v in sorted(result.vacancies, key=lambda v: v.data["id"])
        if int(v.data["id"].rsplit("-", 1)[1]) % SPREAD == SPREAD - 1 and v.data["location"]["country"] == "ID"
    ]
    assert len(moved) > count // SPREAD - 5 and moved == sorted(ref.regencies)[: len(moved)]
    samples = validate_repository(ROOT).vacancies
    sample_provinces = {v.data["location"]["province"] for v in samples if v.data["location"]["country"] == "ID"}
    for code in sample_provinces:  # the others cycle through their sample's province
        in_province = {r for r in regencies if r.startswith(code + ".")}
        assert len(in_province) > 1, code
    for v in result.vacancies:  # in its province's folder, verified by an office that may
        assert v.path.parent.name == ref.provinces[v.data["location"]["province"]].slug
