"""Where a vacancy's work is: at home (AKL/AKAD) or abroad (AKAN). One home for the fact.

The validator's rules, the model, search filters, JSON-LD and statistics all ask here.
"""

from __future__ import annotations

HOME_COUNTRY = "ID"


def is_overseas(record: dict) -> bool:
    """The work is outside Indonesia (AKAN: antarkerja antarnegara)."""
    return record["location"]["country"] != HOME_COUNTRY


def scope_code(record: dict) -> str:
    """AKAN abroad; otherwise the authored AKL/AKAD scope, AKL when not given."""
    return "AKAN" if is_overseas(record) else record.get("scope") or "AKL"
