"""Named checks that a schema cannot express, one function per rule.

Each rule is registered with its stable code and the legal or practical reason behind it::

    @vacancy_rule("R406", "Tanggal berlaku sebelum tanggal tayang", basis="Perpres 57/2023")
    def valid_through_after_posting(v, ctx):
        if v["valid_through"] < v["date_posted"]:
            yield ("valid_through",), "…message…", "…how to fix…"

A rule yields ``(path, message, hint)``, or ``(path, message, hint, offset)`` to point at a
character inside a text value; the validator adds the file, line and column. Rules also run
on records the schema rejected (so one pass shows every problem); there an exception only
means "field missing or malformed". On a record the schema accepts, a rule that raises is
reported as ``R400`` against the file: every rule must be safe on every value the schema lets
through.
Codes starting with ``W`` are warnings, all others errors. ``CONTRIBUTING.md`` lists them.
"""

from __future__ import annotations

from antarkerja.records.rules.registry import RULES, Finding, Rule, office_rule, vacancy_rule

__all__ = ["RULES", "Finding", "Rule", "office_rule", "rules_for", "vacancy_rule"]


def rules_for(kind: str) -> list[Rule]:
    _load_rule_modules()
    return [r for r in RULES if r.kind == kind]


def _load_rule_modules():
    # Importing registers the rules; kept here so callers need import nothing else.
    from antarkerja.records.rules import common, office, scams, vacancy  # noqa: F401
