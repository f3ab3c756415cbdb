"""Identity beyond spelling: when two texts name the same thing, and stable employer slugs.

Duplicate detection (X307) and employer pages compare :func:`fold`, a confusable-folded form
in the spirit of the skeleton of Unicode TR39 (Unicode Security Mechanisms): "Operator
Produksі" with a Cyrillic і, "Operator Prodúksi" and "OPERATOR PRODUKSI" fold to the same
text. The confusable data is TR39's ``confusables.txt`` as shipped by the maintained PyPI
package ``confusable-homoglyphs`` (a source character and its prototype); we do not keep a
copy of Unicode data ourselves.

Differences from a strict TR39 skeleton, on purpose:

* text is case-folded and compatibility-decomposed (NFKD) first, so capitals, full-width and
  ligature forms compare equal, as people read them;
* only non-ASCII characters are mapped to their prototype: ASCII letters and digits stay what
  they are ("Hotel 101" keeps its digits and its old address), so ``rn``/``m`` and ``l``/``1``
  look-alikes within ASCII are not folded;
* combining marks after an ASCII letter are dropped ("ú" is "u"), since Indonesian records
  carry the same word with and without accents; marks in other scripts are kept (in Devanagari
  or Thai they make different words);
* format characters (zero-width spaces, soft hyphens, bidi marks) are dropped, and anything
  that is not a letter or digit separates words.

:func:`employer_slug` gives every employer a stable URL segment. Names that fold to ASCII keep
the slug they always had. Others (株式会社見本工業, 三星样品电子) are transliterated with the PyPI
package ``anyascii`` for a readable address, plus 8 hex digits of a hash of the folded name,
so two names never share a page (transliterations can coincide: 見本 and 见本) and the same
name always gets the same address.
"""

from __future__ import annotations

import functools
import hashlib
import json
import unicodedata
from importlib import resources

from antarkerja.urls import slugify


@functools.cache
def _prototypes() -> dict[int, str]:
    """``str.translate`` table: non-ASCII confusable character → its TR39 prototype."""
    import confusable_homoglyphs

    data = json.loads(resources.files(confusable_homoglyphs).joinpath("confusables.json").read_text("utf-8"))
    table: dict[int, str] = {}
    for char, entries in data.items():
        # The package lists each pair both ways: a source has its prototype alone; a prototype
        # lists every source. A pair listed one-to-one both ways folds to the smaller character.
        if len(char) != 1 or ord(char) < 128 or len(entries) != 1:
            continue
        target = entries[0]["c"]
        if [e["c"] for e in data.get(target, [])] == [char]:
            target = min(char, target)
        if target != char:
            table[ord(char)] = target
    return table


# ASCII text folds without Unicode tables: normalization, confusables and marks leave it as
# it is, so only case and the characters between words remain (a test proves both paths
# agree on every ASCII character). Most records are ASCII, and the build folds each
# employer and title several times (duplicates, employer pages, the word index).
_ASCII_SPACES = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


def fold(text: str) -> str:
    """The confusable-folded form of ``text``: words of letters and digits, one space apart."""
    text = str(text)
    if text.isascii():
        return " ".join(text.lower().translate(_ASCII_SPACES).split())
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    text = unicodedata.normalize("NFKD", text.translate(_prototypes())).casefold()
    out: list[str] = []
    base = ""
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        if category.startswith("M"):
            if base.isascii():
                continue  # an accent on a Latin letter: "ú" is "u"
            out.append(char)
            continue
        base = char
        out.append(char if char.isalnum() else " ")
    return " ".join("".join(out).split())


def employer_slug(name: str) -> str:
    """A stable, distinct URL segment for an employer's page (see the module docstring)."""
    folded = fold(name)
    if folded.isascii():
        return slugify(folded)
    from anyascii import anyascii

    readable = slugify(anyascii(unicodedata.normalize("NFC", name)), empty="")[:60].strip("-")
    digest = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}" if readable else digest
