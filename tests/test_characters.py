"""The sets of characters that need care are right and have one home."""

from __future__ import annotations

import re
import unicodedata

import yaml
from support import ROOT

from antarkerja.characters import BIDI_CHARS, FILLER_CHARS, INVISIBLE_CHARS, LINE_BREAKS, ZERO_WIDTH_CHARS, char_class

PACKAGE = ROOT / "plugins" / "antarkerja"


def test_line_breaks_are_what_yaml_and_javascript_end_a_line_with():
    for char in LINE_BREAKS:
        # Written raw, each one ends the line: what follows becomes a key of its own.
        assert yaml.safe_load(f"description: kerja.{char}example: true") == {"description": "kerja.", "example": True}
    assert {"\u2028", "\u2029", "\n", "\r"} <= set(LINE_BREAKS)  # JavaScript's line terminators


def test_direction_controls_are_exactly_the_explicit_bidi_formatting_characters():
    kinds = {unicodedata.bidirectional(c) for c in BIDI_CHARS}
    assert kinds == {"AL", "L", "R", "LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
    assert all(unicodedata.category(c) == "Cf" for c in BIDI_CHARS)


def test_invisible_characters_show_nothing():
    assert all(unicodedata.category(c) == "Cf" for c in ZERO_WIDTH_CHARS)
    assert set(INVISIBLE_CHARS) == set(ZERO_WIDTH_CHARS) | set(BIDI_CHARS)
    assert all(unicodedata.category(c) in ("Lo", "So", "Cf") for c in FILLER_CHARS)
    assert re.fullmatch(char_class(BIDI_CHARS) + "+", BIDI_CHARS)
    assert not re.search(char_class(LINE_BREAKS), "tanpa baris baru")


# Modules still carrying their own copy of a set, to be moved onto antarkerja.characters.
PENDING: set[str] = set()  # file names


def test_no_module_spells_one_of_the_sets_again():
    signatures = ["\\u202a", "\u202a", "\\u3164", "\u3164", "\\u200b-", "\\u200b\\u200c", "\\u2066"]
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "characters.py" or path.name in PENDING:
            continue
        text = path.read_text(encoding="utf-8")
        copies += [f"{rel}: {s!r}" for s in signatures if s in text]
    assert not copies, "use antarkerja.characters:\n" + "\n".join(copies)
