"""Presentation helpers the templates use as Jinja filters: contact links and safe text.

* ``tel``, ``wa``, ``mailto``: ``tel:+6221…``, ``https://wa.me/62812…`` and ``mailto:`` links
  from numbers and addresses as people write them (021-5550123, 0812-…, +62 …).
* ``email_text``: an e-mail address for a button label, breakable only before ``@`` and dots.
* ``wa_share``: a WhatsApp share link (``https://wa.me/?text=…``) that works without JS.
* :func:`strip_bidi` runs on every page the generator writes: it drops Unicode
  bidirectional controls (:data:`BIDI_CHARS`), which no Indonesian job ad needs and which can
  make text display reversed ("RTL override" spoofing). :data:`BIDI_CONTROLS` matches them
  (the set's home is :mod:`antarkerja.characters`): the validator's R414, the HTML writer, content pages and JSON-LD
  (:func:`antarkerja.site.outputs.jsonld.script_json`) all use it.
  Once per page is far cheaper than once per printed value. Autoescaping does the rest:
  record text is always printed as text.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from antarkerja.characters import BIDI_CHARS, char_class

BIDI_CONTROLS = re.compile(char_class(BIDI_CHARS))


def strip_bidi(text: str) -> str:
    # Twelve substring tests find no control in a page 2.5 times faster than one search for
    # the character class (every page and file of the site is checked).
    return BIDI_CONTROLS.sub("", text) if any(c in text for c in BIDI_CHARS) else text


def _international(number: str) -> str:
    """Digits with the country code: 0812-… → 62812…, +62 21 … → 6221…, 1500630 stays."""
    digits = re.sub(r"[^0-9]", "", number)
    if number.strip().startswith("+"):
        return digits
    if digits.startswith("0"):
        return "62" + digits[1:]
    return digits


def tel(number: str) -> str:
    digits = _international(number)
    # Short service numbers (1500 630) are dialled as written; others get +country code.
    return f"tel:+{digits}" if len(digits) > 8 else f"tel:{digits}"


def wa(number: str, text: str = "") -> str:
    link = f"https://wa.me/{_international(number)}"
    return link + (f"?text={quote(strip_bidi(text), safe='')}" if text else "")


def wa_share(text: str) -> str:
    return f"https://wa.me/?text={quote(strip_bidi(text), safe='')}"


def mailto(address: str, subject: str = "", body: str = "") -> str:
    link = "mailto:" + quote(address, safe="@.+-_")
    params = [f"{k}={quote(strip_bidi(v), safe='')}" for k, v in (("subject", subject), ("body", body)) if v]
    return link + ("?" + "&".join(params) if params else "")


def email_text(address: str):
    """An address that may wrap only before ``@`` and dots (``<wbr>``), never mid-word."""
    from markupsafe import Markup, escape  # the records side (strip_bidi) imports no Jinja

    parts = re.split(r"(?=[@.])", str(address))
    return Markup("<wbr>").join(escape(part) for part in parts)


def hhmm(time: str) -> str:
    """08:00 → 08.00, the Indonesian way of writing times."""
    return time.replace(":", ".")


def js_string(value):
    """``value`` as the inside of a JavaScript string literal ('…' or "…"), for settings in scripts.

    HTML escaping is wrong there (``&`` would become ``&amp;`` in the script); this escapes
    what ends or changes a JS string (quotes, backslash, line terminators including U+2028 and
    U+2029) and ``<``, ``>``, ``&`` so the text also stays inert in an inline ``<script>``.
    """
    import json

    from markupsafe import Markup

    text = json.dumps(str(value), ensure_ascii=True)[1:-1]  # \uXXXX for every non-ASCII character
    for char in "'<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


FILTERS = {
    "tel": tel,
    "wa": wa,
    "wa_share": wa_share,
    "mailto": mailto,
    "email_text": email_text,
    "hhmm": hhmm,
    "js_string": js_string,
}
