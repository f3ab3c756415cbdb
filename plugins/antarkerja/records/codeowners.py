"""``.github/CODEOWNERS``: each province's vacancy folder is reviewed by that province's office.

Derived from the reference provinces and ``.github/reviewers.yml`` (who reviews what), written
by ``antarkerja schema`` and checked by ``antarkerja schema --check``. Until an office gives its
GitHub team, the line carries a placeholder ``@ORG/disnaker-<province-slug>``: set ``org`` to
the organisation's name and list real teams or accounts under ``provinces``.
"""

from __future__ import annotations

import re
from pathlib import Path

from antarkerja.reference import Reference, read_yaml

CONFIG = Path(".github") / "reviewers.yml"
OWNER = re.compile(r"^@[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$|^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
HEADER = """\
# Pemeriksa setiap folder. Dibuat otomatis oleh `antarkerja schema` dari
# content/reference/provinces.csv dan .github/reviewers.yml; ubah berkas itu, bukan berkas ini.
# Baris yang cocok paling akhir yang berlaku.
"""


class ReviewersError(ValueError):
    pass


def load_config(root: Path) -> dict:
    path = root / CONFIG
    data = read_yaml(path) if path.is_file() else None
    return data if isinstance(data, dict) else {}


def _owners(value, where: str) -> list[str]:
    owners = [value] if isinstance(value, str) else value
    if not isinstance(owners, list) or not owners or not all(isinstance(o, str) and OWNER.match(o) for o in owners):
        raise ReviewersError(
            f".github/reviewers.yml: {where} harus berisi daftar akun atau tim GitHub seperti @organisasi/tim"
        )
    return owners


def codeowners(ref: Reference, config: dict) -> str:
    org = str(config.get("org") or "ORG")
    maintainers = _owners(config.get("maintainers") or [f"@{org}/pengelola-antarkerja"], "maintainers")
    provinces = config.get("provinces") or {}
    unknown = sorted(set(provinces) - {p.slug for p in ref.provinces.values()})
    if unknown:
        raise ReviewersError(f".github/reviewers.yml: provinsi tidak dikenal: {', '.join(unknown)}")
    rows = [("*", maintainers), ("/content/offices/", maintainers), ("/.github/", maintainers)]
    for province in sorted(ref.provinces.values(), key=lambda p: p.slug):
        owners = provinces.get(province.slug) or [f"@{org}/disnaker-{province.slug}"]
        rows.append((f"/content/vacancies/{province.slug}/", _owners(owners, f"provinces.{province.slug}")))
    width = max(len(pattern) for pattern, _ in rows) + 1
    return HEADER + "\n".join(f"{pattern.ljust(width)}{' '.join(owners)}" for pattern, owners in rows) + "\n"
