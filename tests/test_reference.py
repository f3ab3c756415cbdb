"""Reference data under content/reference/ and the script that imports the regions."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "content" / "reference"
SCRIPT = ROOT / "scripts" / "import_regions.py"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VOCABULARIES = ["kbji.yml", "kbli.yml", "education.yml", "employment_types.yml", "ump.yml"]


class UniqueKeyLoader(yaml.SafeLoader):
    """safe_load that refuses duplicate mapping keys instead of keeping the last one."""


def _construct_mapping(loader: UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_csv(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_yaml(name: str) -> dict:
    text = (REFERENCE / name).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=UniqueKeyLoader)
    assert data == yaml.safe_load(text)
    return data


@pytest.fixture(scope="module")
def provinces() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in read_csv("provinces.csv")}


@pytest.fixture(scope="module")
def regencies() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in read_csv("regencies.csv")}


# --- Regions -------------------------------------------------------------------------------


def test_counts(provinces, regencies):
    assert len(read_csv("provinces.csv")) == len(provinces) == 38
    assert len(read_csv("regencies.csv")) == len(regencies) == 514


def test_headers():
    for name, header in {
        "provinces.csv": "code,name,slug,official_name",
        "regencies.csv": "code,province_code,name,short_name,kind,slug,official_name",
    }.items():
        raw = (REFERENCE / name).read_bytes()
        assert raw.decode("utf-8").split("\n", 1)[0] == header
        assert b"\r" not in raw and raw.endswith(b"\n")


def test_files_sorted_by_code():
    for name in ("provinces.csv", "regencies.csv"):
        codes = [row["code"] for row in read_csv(name)]
        assert codes == sorted(codes, key=lambda c: tuple(int(p) for p in c.split(".")))


def test_every_regency_belongs_to_an_existing_province(provinces, regencies):
    for code, row in regencies.items():
        assert row["province_code"] in provinces, code
        assert code.startswith(row["province_code"] + "."), code


def test_slugs_unique_and_url_safe(provinces, regencies):
    for rows in (provinces, regencies):
        slugs = [row["slug"] for row in rows.values()]
        assert len(slugs) == len(set(slugs))
        bad = [s for s in slugs if not SLUG_RE.match(s)]
        assert not bad


def test_names_are_not_shouted(provinces, regencies):
    for row in [*provinces.values(), *regencies.values()]:
        assert row["name"] != row["name"].upper(), row
        assert row["official_name"] == row["official_name"].upper(), row
    for row in regencies.values():
        assert row["short_name"] != row["short_name"].upper(), row
        assert row["name"].endswith(row["short_name"])


def test_regency_kinds(regencies):
    kinds = {row["kind"] for row in regencies.values()}
    assert kinds == {"kabupaten", "kota"}
    for row in regencies.values():
        assert row["name"].startswith("Kabupaten " if row["kind"] == "kabupaten" else "Kota "), row
        assert row["slug"].startswith(row["kind"] + "-"), row


def test_jawa_barat_and_bekasi(provinces, regencies):
    assert provinces["32"]["name"] == "Jawa Barat"
    assert provinces["32"]["slug"] == "jawa-barat"
    assert regencies["32.16"]["name"] == "Kabupaten Bekasi"
    assert regencies["32.16"]["province_code"] == "32"
    assert regencies["32.75"]["name"] == "Kota Bekasi"
    assert regencies["32.75"]["province_code"] == "32"
    assert regencies["32.16"]["slug"] != regencies["32.75"]["slug"]


def test_display_names_people_expect(provinces, regencies):
    assert provinces["31"]["name"] == "DKI Jakarta"
    assert provinces["31"]["slug"] == "dki-jakarta"
    assert provinces["34"]["name"] == "Daerah Istimewa Yogyakarta"
    assert provinces["19"]["name"] == "Kepulauan Bangka Belitung"
    assert provinces["52"]["name"] == "Nusa Tenggara Barat"
    assert regencies["31.71"]["name"] == "Kota Administrasi Jakarta Pusat"
    assert regencies["31.71"]["short_name"] == "Jakarta Pusat"
    assert regencies["31.01"]["name"] == "Kabupaten Administrasi Kepulauan Seribu"
    assert regencies["31.01"]["kind"] == "kabupaten"
    assert regencies["73.10"]["name"] == "Kabupaten Pangkajene dan Kepulauan"
    assert regencies["72.09"]["short_name"] == "Tojo Una-Una"
    assert regencies["12.12"]["short_name"] == "Toba"


def test_region_licence_travels_with_data():
    licence = (REFERENCE / "LICENSE-ODbL.md").read_text(encoding="utf-8")
    assert "Open Database License" in licence
    readme = (REFERENCE / "README.md").read_text(encoding="utf-8")
    assert "idn-area-data" in readme and "ODbL" in readme and "100.1.1-6117" in readme


# --- Vocabularies --------------------------------------------------------------------------


@pytest.mark.parametrize("name", VOCABULARIES)
def test_vocabulary_names_source_and_licence(name):
    data = load_yaml(name)
    assert isinstance(data, dict)
    assert isinstance(data.get("source"), str) and data["source"].strip()
    assert isinstance(data.get("license"), str) and data["license"].strip()
    assert isinstance(data.get("notes", ""), str)
    if name != "ump.yml":
        items = data["items"]
        assert isinstance(items, list) and items
        codes = [item["code"] for item in items]
        assert all(isinstance(code, str) for code in codes), codes
        assert len(codes) == len(set(codes))
        for item in items:
            assert isinstance(item["name"], str) and item["name"].strip(), item


def test_kbli_sections_a_to_u():
    items = load_yaml("kbli.yml")["items"]
    assert [item["code"] for item in items] == list("ABCDEFGHIJKLMNOPQRSTU")
    assert items[0] == {"code": "A", "name": "Pertanian, Kehutanan dan Perikanan", "short_name": "Pertanian"}
    assert all(item["short_name"].strip() for item in items)
    assert "KBLI 2025" in load_yaml("kbli.yml")["notes"]


def test_kbji_major_groups_0_to_9():
    items = load_yaml("kbji.yml")["items"]
    assert [item["code"] for item in items] == [str(n) for n in range(10)]
    by_code = {item["code"]: item for item in items}
    assert by_code["1"]["name"] == "Manajer"
    assert by_code["8"]["short_name"] == "Operator & perakit mesin"
    assert all(item["short_name"].strip() for item in items)


def test_education_levels():
    items = load_yaml("education.yml")["items"]
    assert [item["code"] for item in items] == [
        "tidak_ada", "sd", "smp", "sma", "smk", "d1", "d2", "d3", "d4", "s1", "s2", "s3",
    ]  # fmt: skip
    rank = {item["code"]: item["rank"] for item in items}
    assert rank == {
        "tidak_ada": 0, "sd": 1, "smp": 2, "sma": 3, "smk": 3, "d1": 4,
        "d2": 5, "d3": 6, "d4": 7, "s1": 7, "s2": 8, "s3": 9,
    }  # fmt: skip
    allowed = {"high school", "associate degree", "bachelor degree", "professional certificate", "postgraduate degree"}
    for item in items:
        assert "schema_org" in item
        assert item["schema_org"] is None or item["schema_org"] in allowed, item


def test_employment_types():
    items = load_yaml("employment_types.yml")["items"]
    by_code = {item["code"]: item for item in items}
    assert list(by_code) == ["pkwtt", "pkwt", "harian_lepas", "paruh_waktu", "magang", "kemitraan", "lainnya"]
    assert by_code["pkwtt"]["schema_org"] == ["FULL_TIME"]
    assert by_code["pkwt"]["schema_org"] == ["FULL_TIME", "TEMPORARY"]
    assert by_code["magang"]["schema_org"] == ["INTERN"]
    google = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}
    for item in items:
        assert item["schema_org"] and set(item["schema_org"]) <= google, item
        assert isinstance(item["description"], str) and item["description"].strip(), item
        assert "basis" in item


def test_ump_entries(provinces):
    data = load_yaml("ump.yml")
    years = data["years"]
    assert 2025 in {int(year) for year in years}
    for year, entries in years.items():
        assert 2000 < int(year) < 2100
        seen = set()
        for entry in entries:
            assert isinstance(entry["province"], str) and entry["province"] in provinces, entry
            assert entry["province"] not in seen, (year, entry)
            seen.add(entry["province"])
            if entry.get("status") == "belum-ditetapkan":  # no figure found: said so, with a note
                assert entry["amount"] is None and entry["note"].strip(), entry
            else:
                assert type(entry["amount"]) is int and entry["amount"] > 0, entry
            assert isinstance(entry["source"], str) and entry["source"].strip(), entry
            assert type(entry["verified"]) is bool, entry
    ump_2025 = next(entries for year, entries in years.items() if int(year) == 2025)
    assert {entry["province"] for entry in ump_2025} == set(provinces)


# --- scripts/import_regions.py -------------------------------------------------------------


def make_package(root: Path, provinces: str, regencies: str) -> Path:
    package = root / "package"
    (package / "data").mkdir(parents=True)
    (package / "package.json").write_text('{"name": "idn-area-data", "version": "3.1.2"}\n', encoding="utf-8")
    (package / "data" / "provinces.csv").write_text(provinces, encoding="utf-8")
    (package / "data" / "regencies.csv").write_text(regencies, encoding="utf-8")
    (package / "data" / "LICENSE.md").write_text("# Open Database License (ODbL)\n\ntest copy\n", encoding="utf-8")
    return package


def run_script(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=60)


def test_import_script_writes_expected_bytes(tmp_path):
    package = make_package(
        tmp_path,
        "code,name\n32,JAWA BARAT\n31,DKI JAKARTA\n",
        "code,province_code,name\n"
        "32.75,32,KOTA BEKASI\n"
        "32.16,32,KABUPATEN BEKASI\n"
        "31.71,31,KOTA ADMINISTRASI JAKARTA PUSAT\n",
    )
    out = tmp_path / "out"
    result = run_script("--source", package, "--output", out, "--expect-provinces", "2", "--expect-regencies", "3")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1
    assert "2 provinces" in result.stdout and "3 regencies" in result.stdout

    assert (out / "provinces.csv").read_bytes() == (
        b"code,name,slug,official_name\n31,DKI Jakarta,dki-jakarta,DKI JAKARTA\n32,Jawa Barat,jawa-barat,JAWA BARAT\n"
    )
    assert (out / "regencies.csv").read_bytes() == (
        b"code,province_code,name,short_name,kind,slug,official_name\n"
        b"31.71,31,Kota Administrasi Jakarta Pusat,Jakarta Pusat,kota,kota-jakarta-pusat,KOTA ADMINISTRASI JAKARTA PUSAT\n"
        b"32.16,32,Kabupaten Bekasi,Bekasi,kabupaten,kabupaten-bekasi,KABUPATEN BEKASI\n"
        b"32.75,32,Kota Bekasi,Bekasi,kota,kota-bekasi,KOTA BEKASI\n"
    )
    assert (out / "LICENSE-ODbL.md").read_bytes() == (package / "data" / "LICENSE.md").read_bytes()

    # Running again gives the same bytes.
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = run_script("--source", package, "--output", out, "--expect-provinces", "2", "--expect-regencies", "3")
    assert again.returncode == 0, again.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_import_script_rejects_unknown_province(tmp_path):
    package = make_package(
        tmp_path,
        "code,name\n31,DKI JAKARTA\n32,JAWA BARAT\n",
        "code,province_code,name\n32.16,32,KABUPATEN BEKASI\n32.75,32,KOTA BEKASI\n99.01,99,KABUPATEN ENTAH\n",
    )
    out = tmp_path / "out"
    result = run_script("--source", package, "--output", out, "--expect-provinces", "2", "--expect-regencies", "3")
    assert result.returncode != 0
    assert "unknown province" in result.stderr and "99" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() or not any(out.iterdir())


def test_import_script_rejects_wrong_counts(tmp_path):
    package = make_package(
        tmp_path, "code,name\n32,JAWA BARAT\n", "code,province_code,name\n32.16,32,KABUPATEN BEKASI\n"
    )
    result = run_script("--source", package, "--output", tmp_path / "out")
    assert result.returncode != 0
    assert "expected 38 provinces, found 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_script_rejects_slug_collision(tmp_path):
    package = make_package(
        tmp_path,
        "code,name\n32,JAWA BARAT\n33,JAWA TENGAH\n",
        "code,province_code,name\n32.01,32,KABUPATEN BOGOR\n33.01,33,KABUPATEN BOGOR\n",
    )
    result = run_script(
        "--source", package, "--output", tmp_path / "out", "--expect-provinces", "2", "--expect-regencies", "2"
    )
    assert result.returncode != 0
    assert "slug 'kabupaten-bogor'" in result.stderr
    assert "Traceback" not in result.stderr
