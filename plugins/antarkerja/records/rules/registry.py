"""The rule registry: each rule module registers its checks here when imported."""

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
        # One code, one meaning: a code may serve both kinds, never twice for one kind.
        if any(r.code == code and r.kind == kind for r in RULES):
            raise ValueError(f"rule code {code} used twice")
        RULES.append(Rule(code, kind, check, title, basis))
        return check

    return decorator


def vacancy_rule(code: str, title: str, basis: str = ""):
    return _register("vacancy", code, title, basis)


def office_rule(code: str, title: str, basis: str = ""):
    return _register("office", code, title, basis)
