"""Text that every match of a regular expression contains, to skip the expression cheaply.

Of the hundred or so text-rule patterns a record's trigger words let through, almost none
match; a substring test costs far less than compiling the pattern (compiling them all costs
as much as checking a few hundred records) or running it. :func:`required` reads a pattern
(the subset the text rules use) and returns what any match must contain:
``((("biaya",), ("daftar", "admin")), …)`` means the first top-level alternative needs
"biaya" and "daftar" or "admin", else the next alternative must fit. It only ever leaves
things out: whatever it cannot read (classes, escapes, optional or repeated parts,
look-arounds) it does not require, so a pattern it skips could not have matched.
"""

from __future__ import annotations

import re

Needs = tuple  # top-level alternatives, each a tuple of groups, each a tuple of substrings

_TOKEN = re.compile(
    r"\(\?(?![:=!]|<[=!])"  # an extension we do not read (named group, inline flags)
    r"|\((?:\?(?::|=|!|<=|<!))?|\)|\|"  # groups, look-arounds and alternation
    r"|[?*+]|\{\d*(?:,\d*)?\}"  # quantifiers
    r"|[a-z0-9]+"  # literal letters and digits
    # escapes (with the digits of \x41, \u00ad, \N{…}, \12, which are no literal text),
    # classes, other signs: unread
    r"|(?:\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|\d+|.)"
    r"|\[(?:\\.|[^\]\\])*\]|[^a-z0-9()|?*+{\\\[])+"
    r"|.",  # a "{" that is no quantifier, a stray "\\" or "["
    re.DOTALL,
)
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def required(source: str) -> Needs | None:
    """What every match of ``source`` contains (see the module docstring), or ``None``."""
    tokens = _TOKEN.findall(source)
    if "(?" in tokens:
        return None
    alternatives, _ = _alternatives(tokens, 0)
    needs = [_groups(items) for items in alternatives]
    if not all(needs):
        return None
    # Long substrings are the rarer ones: tested first, they settle most texts at once.
    return tuple(tuple(sorted(groups, key=_shortest, reverse=True)) for groups in needs)


def fits(needs: Needs, text: str) -> bool:
    """Whether ``text`` contains what :func:`required` says a match needs."""
    for part in needs:
        for group in part:
            for substring in group:
                if substring in text:
                    break
            else:
                break  # this alternative misses a group
        else:
            return True
    return False


def _alternatives(tokens: list[str], i: int) -> tuple[list[list], int]:
    """The alternatives up to the ``)`` that closes the group (or the end), as item lists.

    An item is ``[kind, value, optional]``: ``("lit", "abc")``, ``("group", alternatives)``,
    or ``("skip", …)`` for a look-around, an escape, a class or another sign.
    """
    alternatives, items = [], []
    while i < len(tokens):
        token = tokens[i]
        first = token[0]  # the tokens differ in their first character (see _TOKEN)
        i += 1
        if first in _LETTERS:
            items.append(["lit", token, False])
        elif first == "(":
            inner, i = _alternatives(tokens, i)
            items.append(["group" if token in ("(", "(?:") else "skip", inner, False])
        elif first == ")":
            break
        elif first == "|":
            alternatives.append(items)
            items = []
        elif first in "?*+{":  # a quantifier, or a lone "{", which we need not read exactly
            if items and not items[-1][2]:
                last = items[-1]
                if last[0] == "lit" and len(last[1]) > 1:  # "abc?": the quantifier takes the "c" only
                    items.insert(len(items) - 1, ["lit", last[1][:-1], False])
                last[2] = True  # a lazy "?" after a quantifier finds it already optional
        else:
            items.append(["skip", None, False])
    alternatives.append(items)
    return alternatives, i


def _groups(items: list) -> list[tuple]:
    """The substring groups a sequence of items needs."""
    groups = []
    for kind, value, optional in items:
        if optional:
            continue
        if kind == "lit":
            groups.append((value,))
        elif kind == "group":
            # The match holds one of the alternatives, so one group of each, together,
            # is a group the whole needs; each alternative gives its most selective one.
            union = []
            for alternative in value:
                needs = _groups(alternative)
                if not needs:
                    break
                union += max(needs, key=_shortest) if len(needs) > 1 else needs[0]
            else:
                groups.append(tuple(dict.fromkeys(union)))
    return groups


def _shortest(group: tuple) -> int:
    return min(map(len, group))
