"""Reasoned "# antarkerja: abaikan CODE — reason" markers: the finding is left out, the reason
reaches review (PR summary, data-quality page), and a marker without a reason is an error."""

from __future__ import annotations

import pytest
from support import make_repo, vacancy

from antarkerja.records.suppressions import suppression_markers
from antarkerja.records.validate import validate_repository

JABAR = "jawa-barat/good-vacancy.yml"
SHIFT = "  - Bersedia bekerja dalam sistem sif"


def diagnostics(tmp_path, text):
    result = validate_repository(make_repo(tmp_path, {JABAR: text}))
    return [(d.line, d.code, d.field, d.message) for d in result.diagnostics]


def test_markers_are_read_with_their_line_code_and_reason():
    text = "id: x\n  #  antarkerja:  ABAIKAN r401 -- dibayar balik oleh perusahaan\n# antarkerja: abaikan\n# lain\n"
    assert suppression_markers(text) == [(2, "R401", "dibayar balik oleh perusahaan"), (3, "", "")]
    assert suppression_markers("# antarkerja: abaikan W536" + " " * 50_000 + "x") == [(1, "W536", "x")]


FEE_LINE = (SHIFT, '  - "Biaya sertifikasi Rp 500.000 dibayar peserta"')


def test_a_reasoned_suppression_leaves_the_finding_out_and_its_reason_reaches_review(tmp_path):
    from antarkerja.records.report import markdown_summary
    from antarkerja.reference import load_reference
    from antarkerja.site.outputs.quality import warnings_by_vacancy

    marker = "# antarkerja: abaikan R401 — sertifikasi BNSP wajib menurut SKKNI, dibayar balik setelah lulus\n"
    root = make_repo(tmp_path, {JABAR: marker + vacancy(FEE_LINE)})
    result = validate_repository(root)
    assert [d.code for d in result.diagnostics if d.code == "R401"] == []
    assert [(s.code, s.line, s.reason) for s in result.suppressed] == [
        ("R401", 1, "sertifikasi BNSP wajib menurut SKKNI, dibayar balik setelah lulus")
    ]
    summary = markdown_summary(
        root, result.diagnostics, [root / "content/vacancies" / JABAR], load_reference(root), result.suppressed
    )
    assert "Temuan yang diabaikan petugas (1)" in summary and "sertifikasi BNSP wajib" in summary
    assert any("sertifikasi BNSP wajib" in message for _, message in sum(warnings_by_vacancy(result).values(), []))


@pytest.mark.parametrize(
    "marker",
    [
        "# antarkerja: abaikan R401\n",
        "# antarkerja: abaikan R401 — ok\n",
        "# antarkerja: abaikan S201 — kolom ini memang kosong\n",
    ],
)
def test_a_suppression_without_a_reason_or_for_another_code_is_itself_an_error(tmp_path, marker):
    found = diagnostics(tmp_path, marker + vacancy(FEE_LINE))
    assert any(line == 1 and code == "Y116" for line, code, _, _ in found), found
    if "R401" in marker:
        assert any(code == "R401" for _, code, _, _ in found)  # not left out without a reason
