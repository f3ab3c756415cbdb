"""The formatter: canonical order and quoting, comments kept, nothing lost."""

from __future__ import annotations

import pytest
from support import GOOD_VACANCY, ROOT, TEST_OFFICE

from antarkerja.records.fmt import CannotFormat, format_text
from antarkerja.records.load import load_text
from antarkerja.records.schema import office, vacancy
from antarkerja.reference import load_reference

REF = load_reference(ROOT)
VACANCY = vacancy.schema(REF)


def test_canonical_files_stay_as_they_are():
    assert format_text(GOOD_VACANCY, VACANCY) == GOOD_VACANCY
    assert format_text(TEST_OFFICE, office.schema(REF)) == TEST_OFFICE


def test_keys_are_put_in_schema_order_with_their_comments():
    shuffled = "# header\n\n# about the title\ntitle: Kasir\nid: kasir-x\nemployer:\n  legal_form: pt\n  name: PT X\n"
    assert (
        format_text(shuffled, VACANCY)
        == "# header\n\nid: kasir-x\n# about the title\ntitle: Kasir\nemployer:\n  name: PT X\n  legal_form: pt\n"
    )


def test_quoting_is_normalised_and_values_survive():
    messy = "id: x\nlocation:\n  province: '32'\n  regency: \"32.16\"\n  country: \"ID\"\napply:\n  phone: 021-5550123\ntitle: 'Kasir: sif malam'\n"
    out = format_text(messy, VACANCY)
    assert '  province: "32"\n' in out and '  phone: "021-5550123"\n' in out and "  country: ID\n" in out
    assert 'title: "Kasir: sif malam"\n' in out
    assert load_text(out, "x").data == load_text(messy, "x").data


def test_multiline_text_becomes_a_block():
    out = format_text('id: x\ndescription: "Baris satu.\\nBaris dua.\\n"\n', VACANCY)
    assert out == "id: x\ndescription: |\n  Baris satu.\n  Baris dua.\n"


def test_unknown_keys_are_kept_last():
    assert format_text("zzz: 1\nid: x\n", VACANCY) == "id: x\nzzz: 1\n"


def test_a_comment_it_cannot_place_is_refused_not_dropped():
    with pytest.raises(CannotFormat, match="komentar"):
        format_text("id: x\nemployer:\n  # nested note\n  name: PT X\n", VACANCY)
    with pytest.raises(CannotFormat, match="komentar"):
        format_text("id: x  # trailing note\n", VACANCY)


def test_unreadable_file_is_refused():
    with pytest.raises(CannotFormat, match="antarkerja validate"):
        format_text("id: x\nid: y\n", VACANCY)


def test_sample_content_is_canonical(root):
    from antarkerja.cli import main

    assert main(["fmt", "--check", "--root", str(root)]) == 0


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_line_separators_are_never_written_raw_and_never_become_keys(separator):
    """A pasted "…kerja.\\u2029example: false" in a `|` block once set a key of its own."""
    from antarkerja.records.fmt import dump

    pasted = GOOD_VACANCY.replace(
        "description: |\n  ", f"description: |\n  Ada pelatihan kerja.{separator}example: false\n  ", 1
    )
    assert [p.code for p in load_text(pasted, "x.yml").problems] == ["Y115"]  # the loader refuses, located
    out = format_text(pasted, VACANCY)
    assert not any(c in out for c in "\x85\u2028\u2029")
    data = load_text(out, "x.yml")
    assert data.ok and data.data["example"] is True
    assert data.data["description"].startswith("Ada pelatihan kerja. example: false\n")
    # A value holding one (an escape in double quotes) is written with plain newlines.
    written = dump({"description": f"Baris satu{separator}baris dua", "title": f"A{separator}B"})
    assert not any(c in written for c in "\x85\u2028\u2029")
    assert load_text(written, "x.yml").data == {"description": "Baris satu\nbaris dua\n", "title": "A\nB\n"}
