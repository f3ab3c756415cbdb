"""Messages an officer can act on: typos, letter case, impossible dates, quoting, UMP year, template text."""

from __future__ import annotations

import pytest
from support import make_repo, vacancy

from antarkerja.records.validate import validate_repository


def _found(tmp_path, *replacements):
    root = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": vacancy(*replacements)})
    return [(d.line, d.code, d.field, d.message, d.hint) for d in validate_repository(root).diagnostics]


@pytest.mark.parametrize(
    "old, new, field, meant",
    [
        ("title: Operator Produksi", "titel: Operator Produksi", "titel", "title"),
        ("  legal_form: pt", "  legal_from: pt", "employer.legal_from", "legal_form"),
    ],
)
def test_a_misspelled_key_is_one_typo_not_a_missing_field(tmp_path, old, new, field, meant):
    found = _found(tmp_path, (old, new))
    assert len(found) == 1, found
    line, code, name, message, hint = found[0]
    assert (code, name) == ("S202", field) and hint.startswith(f"maksud Anda `{meant}`?")


def test_enum_suggestion_ignores_letter_case(tmp_path):
    [(line, code, _, message, hint)] = _found(tmp_path, ("  minimum: smk", "  minimum: SMK"))
    assert (line, code) == (26, "S204") and hint.startswith("maksud Anda `smk`?")


@pytest.mark.parametrize("written", ["2027-02-30", '"2027-02-30"'])
def test_an_impossible_date_is_one_clear_error(tmp_path, written):
    found = _found(tmp_path, ("valid_through: 2026-12-31", f"valid_through: {written}"))
    assert found == [
        (
            42,
            "S205",
            "valid_through",
            "tanggal `2027-02-30` tidak ada di kalender",
            "Februari 2027 hanya sampai tanggal 28; periksa hari dan bulannya (TTTT-BB-HH)",
        )
    ]


def test_month_thirteen_is_explained(tmp_path):
    [(_, code, _, _, hint)] = _found(tmp_path, ("valid_through: 2026-12-31", "valid_through: 2027-13-01"))
    assert code == "S205" and hint.startswith("bulan `13` tidak ada")


def test_a_phone_number_is_quoted_never_stripped_of_its_zero(tmp_path):
    [(_, code, field, _, hint)] = _found(tmp_path, ("  walk_in: true", "  walk_in: true\n  phone: 02155501"))
    assert (code, field) == ("Y107", "apply.phone")
    assert '"02155501"' in hint and "nol" not in hint


def test_a_count_with_a_leading_zero_is_told_to_drop_it(tmp_path):
    [(_, code, field, _, hint)] = _found(tmp_path, ("openings: 20", "openings: 020"))
    assert (code, field) == ("Y107", "openings") and "tanpa nol di depan (20)" in hint


def test_ump_warning_names_the_year_in_force_and_a_missing_figure(tmp_path):
    # Posted in 2026 in Papua Pegunungan, which has no UMP 2026 figure in the reference data.
    found = _found(
        tmp_path,
        ("  min: 5500000", "  min: 2000000"),
        ('province: "32"', 'province: "95"'),
        ('regency: "32.16"', 'regency: "95.01"'),
    )
    [(message, hint)] = [(m, h) for _, code, _, m, h in found if code == "W501"]
    assert "di bawah UMP 2025" in message
    assert "UMP 2026 provinsi ini belum ditetapkan, jadi dibandingkan dengan UMP 2025" in message
    assert "UMP 2026 yang berlaku" in hint


def test_ump_warning_of_a_year_on_record_says_nothing_about_missing_data(tmp_path):
    found = _found(
        tmp_path,
        ("  min: 5500000", "  min: 2000000"),
        ("date_posted: 2026-11-20", "date_posted: 2025-11-20"),
        ("valid_through: 2026-12-31", "valid_through: 2025-12-31"),
        ("  date: 2026-11-19", "  date: 2025-11-19"),
    )
    [message] = [m for _, code, _, m, _ in found if code == "W501"]
    assert "di bawah UMP 2025" in message and "belum tercatat" not in message


@pytest.mark.parametrize(
    "text",
    [
        "  Tuliskan tugas utama, tempat dan jadwal kerja di sini.",
        "  ISI: tuliskan tugas utama.",
        "  Lorem ipsum dolor sit amet, consectetur adipiscing.",
        "  [Isi nama atasan langsung]",
        "  TULI\u017fKAN tugas utama di sini.",  # long s: (?i) matches it, str.lower() does not
    ],
)
def test_leftover_template_text_is_rejected(tmp_path, text):
    found = _found(tmp_path, ("  Pelatihan diberikan tanpa biaya pendaftaran.", text))
    assert [(code, field) for _, code, field, _, _ in found] == [("R415", "description")]


def test_ordinary_words_are_not_template_text(tmp_path):
    found = _found(
        tmp_path,
        ("  Pelatihan diberikan tanpa biaya pendaftaran.", "  Isi ulang stok gudang dan tulis laporan di sini."),
    )
    assert found == []
