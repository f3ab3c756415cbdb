"""The web form's records as the form builds them, and what ``antarkerja fmt`` writes of them:
shared by the form's conformance test (one file, two writers) and the parity test."""

from __future__ import annotations

import copy
from datetime import date

from antarkerja.records.fmt import dump, ordered

DATE_PATHS = (("date_posted",), ("valid_through",), ("verification", "date"))

# A record as the form builds it (the browser test's answers), dates as the form's strings.
BASE = {
    "id": "staf-gudang-pt-contoh-sentosa-bekasi",
    "title": "Staf Gudang",
    "status": "open",
    "employer": {"name": "PT Contoh Sentosa", "legal_form": "pt"},
    "location": {"country": "ID", "province": "32", "regency": "32.16", "work_mode": "onsite"},
    "employment_type": "pkwt",
    "contract_months": 12,
    "openings": 3,
    "salary": {"disclosed": True, "min": 5600000, "max": 5600000, "unit": "MONTH", "currency": "IDR"},
    "education": {"minimum": "smk", "majors": ["Akuntansi", "Manajemen"]},
    "experience_months": 0,
    "kbji": "4",
    "kbli": "H",
    "description": "Mencatat barang masuk dan keluar gudang setiap hari.\n\nBekerja enam hari seminggu.\n",
    "qualifications": ["Teliti", "Bisa memakai komputer"],
    "apply": {"email": "rekrutmen@sentosa.contoh.co.id", "instructions": "Bawa KTP dan ijazah."},
    "date_posted": "2026-11-24",
    "valid_through": "2027-01-15",
    "verification": {"office": "disnaker-kabupaten-bekasi", "date": "2026-11-24"},
}


def _as_loaded(record: dict) -> dict:
    """The record as YAML loads it back: the form's date strings are dates."""
    out = copy.deepcopy(record)
    for path in DATE_PATHS:
        parent = out
        for key in path[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if isinstance(parent, dict) and isinstance(parent.get(path[-1]), str):
            parent[path[-1]] = date.fromisoformat(parent[path[-1]])
    return out


def canonical(record: dict, schema: dict) -> str:
    """What ``antarkerja fmt`` writes for ``record`` (no comments)."""
    data = ordered(_as_loaded(record), {"type": "dict", "schema": schema})
    return "".join(dump({key: value}) for key, value in data.items())
