"""Named checks that a schema cannot express, one function per rule.

Each rule is registered with its stable code and the legal or practical reason behind it::

    @vacancy_rule("R406", "Tanggal berlaku sebelum tanggal tayang", basis="Perpres 57/2023")
    def valid_through_after_posting(v, ctx):
        if v["valid_through"] < v["date_posted"]:
            yield ("valid_through",), "…message…", "…how to fix…"

A rule yields ``(path, message, hint)``, or ``(path, message, hint, offset)`` to point at a
character inside a text value; the validator adds the file, line and column. Rules only see records that passed the schema, so fields have the right types.
Codes starting with ``W`` are warnings, all others errors. ``CONTRIBUTING.md`` lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

Finding = tuple  # (path, message, hint[, offset])


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str  # "vacancy" | "office"
    check: Callable[..., Iterable[Finding]]
    title: str  # Indonesian, for CONTRIBUTING.md's list of codes
    basis: str


RULES: list[Rule] = []


def _register(kind: str, code: str, title: str, basis: str):
    def decorator(check):
        if any(r.code == code for r in RULES):
            raise ValueError(f"rule code {code} used twice")
        RULES.append(Rule(code, kind, check, title, basis))
        return check

    return decorator


def vacancy_rule(code: str, title: str, basis: str = ""):
    return _register("vacancy", code, title, basis)


def office_rule(code: str, title: str, basis: str = ""):
    return _register("office", code, title, basis)


def rules_for(kind: str) -> list[Rule]:
    _load_rule_modules()
    return [r for r in RULES if r.kind == kind]


def _load_rule_modules():
    # Importing registers the rules; kept here so callers need import nothing else.
    from antarkerja.rules import office, scams, vacancy  # noqa: F401
