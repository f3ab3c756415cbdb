"""Reference data: regions, occupation and sector codes, education levels, employment types, UMP.

Read once per build or validation run from ``content/reference/`` (see its README for each
file's source and licence). Records refer to these by code; the schema takes its allowed
values from here, so a vocabulary has exactly one home.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from antarkerja.paths import reference_dir

# libyaml's parser where PyYAML was built with it (the wheels are): about ten times faster
# than PyYAML's own, with the same safe constructor and so the same values.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    """One of the project's own YAML files (reference data, rules, corpora), parsed safely.
    Records are read by :mod:`antarkerja.records.load`, which keeps line numbers."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    slug: str


@dataclass(frozen=True)
class Regency:
    code: str
    province_code: str
    name: str
    short_name: str
    kind: str
    slug: str


@dataclass
class Reference:
    provinces: dict[str, Province]
    regencies: dict[str, Regency]
    kbji: dict[str, dict]
    kbli: dict[str, dict]
    education: dict[str, dict]
    employment_types: dict[str, dict]
    ump: dict[int, dict[str, dict]] = field(default_factory=dict)  # year → province → entry

    def ump_for(self, province_code: str, when: date | int) -> tuple[int, dict] | None:
        """(year, entry) of the UMP in force on ``when`` (a date, or a year meaning 1 January).

        A year's figures apply from 1 January of that year (the governors set them by late
        December under PP 36/2021 as amended by PP 49/2025). Where the province has no figure
        for that year yet (``status: belum-ditetapkan``, or the year is not recorded), the
        latest earlier figure is returned: the caller compares the year it gets with
        ``when`` and says so.
        """
        year = when if isinstance(when, int) else when.year
        for y in sorted((y for y in self.ump if y <= year), reverse=True):
            entry = self.ump[y].get(province_code)
            if entry and entry.get("amount"):
                return y, entry
        return None

    def ump_year_missing(self, today: date) -> int | None:
        """The year whose UMP should be in force on ``today`` but is not recorded, else None."""
        return None if today.year in self.ump or not self.ump else today.year


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _items(path: Path) -> dict[str, dict]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    return {str(item["code"]): item for item in data["items"]}


@lru_cache(maxsize=4)
def load_reference(root: Path) -> Reference:
    folder = reference_dir(root)
    provinces = {
        row["code"]: Province(row["code"], row["name"], row["slug"]) for row in _read_csv(folder / "provinces.csv")
    }
    regencies = {
        row["code"]: Regency(
            row["code"], row["province_code"], row["name"], row["short_name"], row["kind"], row["slug"]
        )
        for row in _read_csv(folder / "regencies.csv")
    }
    ump_data = yaml.load((folder / "ump.yml").read_text(encoding="utf-8"), Loader=Loader)
    ump = {
        int(year): {str(entry["province"]): entry for entry in entries}
        for year, entries in (ump_data.get("years") or {}).items()
    }
    return Reference(
        provinces=provinces,
        regencies=regencies,
        kbji=_items(folder / "kbji.yml"),
        kbli=_items(folder / "kbli.yml"),
        education=_items(folder / "education.yml"),
        employment_types=_items(folder / "employment_types.yml"),
        ump=ump,
    )
