"""Text as the text rules read it: one canonical, lower-case spelling of what a person sees.

Scammers dodge keyword filters with text that looks the same to a reader but not to a
program: full-width or styled letters ("𝗯𝗶𝗮𝘆𝗮"), Cyrillic or Greek look-alikes ("бiaya"),
zero-width characters inside words, Markdown emphasis ("b*ia*ya"), accents and digits for
letters ("b1aya", "pr0ses"). :func:`normalise` undoes all of these, character by character:

1. compatibility decomposition (Unicode NFKD, which includes NFKC's folding of styled and
   full-width forms), then accents and other combining marks are dropped;
2. invisible format characters (Unicode category Cf: zero-width space/joiners, soft hyphen,
   direction marks, BOM) and Markdown emphasis marks ``* _ ~ ` `` are dropped;
3. lower case, then look-alike letters are mapped to Latin (:data:`HOMOGLYPHS`);
4. a digit or ``@``/``$`` between two letters becomes the letter it imitates (:data:`LEET`);
5. a character outside the Basic Multilingual Plane (emoji) becomes U+FFFD, so that indices
   count the same in Python (code points) and JavaScript (UTF-16 units).

The same steps run in the browser (``theme/static/cek-lowongan.js``), driven by the tables
exported with the rules, so the public checker and the validator read a text identically.
Positions: :func:`locate` maps an index in the normalised text back to the original, so
messages still point at the exact line and column.

Most records are plain ASCII; :func:`normalise` then takes a fast path that gives the same
result as the general one (a test checks both on the whole trust corpus).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

EMPHASIS = "*_~`"
# Letters from other scripts that look like Latin ones (lower case; upper case is lowered first).
HOMOGLYPHS = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "г": "r",
    "д": "d",
    "е": "e",
    "ё": "e",
    "з": "3",
    "и": "u",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "п": "n",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ь": "b",
    "ѕ": "s",
    "ԁ": "d",
    "һ": "h",
    "ӏ": "l",
    "ԛ": "q",
    "ԝ": "w",
    # Greek
    "α": "a",
    "β": "b",
    "γ": "y",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "μ": "u",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    "ς": "s",
    # Latin look-alikes without a decomposition
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ß": "ss",
}
# Digits and signs used for letters, only between two letters ("b1aya", "d4na", "u@ng"):
# amounts ("5jt", "150rb"), levels ("S1", "D3") and K3 are left alone.
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}

_DROP_ASCII = str.maketrans("", "", EMPHASIS)
_LEET_ASCII = re.compile(r"(?<=[a-z])[013457@$](?=[a-z])")
_LEET_HINT = re.compile(r"[013457@$][a-z]")  # cheaper first test: most texts have none


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Steps 1–3 for one character (its replacement, possibly empty or longer)."""
    if unicodedata.category(ch) == "Cf" or ch in EMPHASIS:
        return ""
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.category(part) in ("Mn", "Me", "Cf") or part in EMPHASIS:
            continue
        for low in part.lower():
            for c in HOMOGLYPHS.get(low, low):
                out.append(c if ord(c) <= 0xFFFF else "\ufffd")
    return "".join(out)


def _leet(folded: str) -> str:
    if not _LEET_HINT.search(folded):
        return folded
    return _LEET_ASCII.sub(lambda m: LEET[m.group(0)], folded)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def normalise(text: str) -> str:
    """The text as the rules match it (see the module docstring)."""
    return _leet(_fold(text))


def _fold(text: str) -> str:
    """Every step of :func:`normalise` but the digits for letters (step 4)."""
    if text.isascii():
        folded = text.lower()
    else:  # ASCII stretches as above, other characters one by one
        parts, pos = [], 0
        for m in _NON_ASCII.finditer(text):
            parts.append(text[pos : m.start()].lower())
            parts.append("".join(_fold_char(ch) for ch in m.group()))
            pos = m.end()
        parts.append(text[pos:].lower())
        folded = "".join(parts)
    if _has_emphasis(folded):
        folded = folded.translate(_DROP_ASCII)
    return folded


def _has_emphasis(text: str) -> bool:
    """Whether ``text`` holds a character :func:`_fold` drops (``*_~``` emphasis marks)."""
    return "*" in text or "_" in text or "~" in text or "`" in text


def normalise_lines(texts: list[str]) -> tuple[list[str], str]:
    """``normalise`` of each text, and those results joined by line breaks.

    Equal to normalising the texts one by one, in fewer steps: digits become letters only
    between two letters, and a line break is not a letter, so that step runs once on the
    joined texts and keeps every text's length; a record that is plain ASCII without
    emphasis marks (most are) is also lowered in one pass.
    """
    joined = "\n".join(texts)
    if joined.isascii() and not _has_emphasis(joined):  # nothing dropped: lengths are kept
        joined = _leet(joined.lower())
    else:
        texts = [_fold(text) for text in texts]
        joined = _leet("\n".join(texts))
    norms, pos = [], 0
    for text in texts:
        norms.append(joined[pos : pos + len(text)])
        pos += len(text) + 1
    return norms, joined


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """``normalise(text)`` and, for each of its characters, the index it came from."""
    chars, origin = [], []
    for i, ch in enumerate(text):
        for out in _fold_char(ch) if not ch.isascii() else ch.lower().translate(_DROP_ASCII):
            chars.append(out)
            origin.append(i)
    return _leet("".join(chars)), origin


def locate(text: str, index: int) -> int:
    """The index in ``text`` of the character at ``index`` of ``normalise(text)``."""
    _, origin = normalise_with_offsets(text)
    if not origin:
        return 0
    return origin[min(index, len(origin) - 1)]


def export_tables() -> dict:
    """The tables the browser needs to normalise exactly like :func:`normalise`."""
    return {"emphasis": EMPHASIS, "homoglyphs": HOMOGLYPHS, "leet": LEET}
