"""Sets of characters that need care, each defined once.

Every module that strips, refuses or splits on these characters imports them from here, so
the validator, the site and the checker's rule export cannot disagree about what counts as a
hidden direction control or a line break (``tests/test_characters.py`` keeps it so).
"""

from __future__ import annotations

# Bidirectional controls: Arabic letter mark, LRM, RLM, embeddings and overrides (LRE…RLO),
# isolates (LRI…PDI). No Indonesian job ad needs them, and they can display text reversed
# ("RTL override" spoofing of an account number or a link).
BIDI_CHARS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Characters that show nothing inside a word: soft hyphen, Mongolian vowel separator,
# zero-width space, non-joiner and joiner, word joiner and invisible operators, the byte
# order mark, plus the direction controls above. A phrase quoted back to a reader drops them.
ZERO_WIDTH_CHARS = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
INVISIBLE_CHARS = ZERO_WIDTH_CHARS + BIDI_CHARS

# Letters that render as blank space: Hangul fillers, halfwidth filler, Braille blank. A name
# made of them looks empty.
FILLER_CHARS = "\u115f\u1160\u3164\uffa0\u2800\u180e"

# What YAML and JavaScript read as the end of a line: LF, CR, NEL, LINE and PARAGRAPH
# SEPARATOR. Written raw inside a YAML block scalar, the last three end the block.
LINE_BREAKS = "\n\r\x85\u2028\u2029"
# The three no keyboard types and no editor shows: pasted text is the only way in.
LINE_SEPARATORS = "\x85\u2028\u2029"


def char_class(chars: str) -> str:
    """A regular-expression character class matching any of ``chars``."""
    return "[" + "".join(f"\\u{ord(c):04x}" for c in chars) + "]"
