"""Cek lowongan's name buckets (cek-lowongan/nama/<n>.json) against the fixture's own YAML files.

The expected keys are computed here from the vacancy files, independently of
antarkerja.site.outputs.check: the words of each employer name (lower case, accents dropped),
legal forms such as PT and CV left out, every two adjacent words a key.
"""

from __future__ import annotations

import json
import re
import unicodedata

import yaml
from support import SITE_FIXTURE, TODAY

FORMS = {"pt", "cv", "ud", "pd", "fa", "tbk", "persero", "perseroan", "co", "ltd", "sdn", "bhd", "gmbh"}


def fnv1a(text: str) -> int:
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) % 2**32
    return h


def records() -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(SITE_FIXTURE.rglob("vacancies/*/*.yml"))]


def keys_of(name: str) -> set[str]:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.findall(r"[a-z]+|[0-9]+", ascii_name) if w not in FORMS]
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)} or set(words)


def read_buckets(site) -> list[dict]:
    folder = site / "cek-lowongan" / "nama"
    files = sorted(folder.glob("*.json"), key=lambda p: int(p.stem))
    assert [p.stem for p in files] == [str(n) for n in range(len(files))]
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


def test_name_buckets_hold_every_employer_under_each_of_its_word_pairs(fixture_site):
    expected: dict[str, set[str]] = {}
    vacancies: dict[str, list[dict]] = {}
    for r in records():
        name = r["employer"]["name"]
        vacancies.setdefault(name, []).append(r)
        for key in keys_of(name):
            expected.setdefault(key, set()).add(name)
    assert "uji manufaktur" in expected and "manufaktur nusantara" in expected  # PT Uji Manufaktur Nusantara

    buckets = read_buckets(fixture_site)
    found: dict[str, set[str]] = {}
    for n, shard in enumerate(buckets):
        assert shard["bucket"] == n
        for key, numbers in shard["keys"].items():
            assert fnv1a(key) % len(buckets) == n, key  # check.js looks for the key in this bucket only
            found.setdefault(key, set()).update(shard["employers"][i]["name"] for i in numbers)
        for employer in shard["employers"]:
            mine = vacancies[employer["name"]]
            assert employer["count"] == len(mine)
            listed = {v["id"]: v for v in employer["vacancies"]}
            assert set(listed) == {r["id"] for r in mine}
            for r in mine:
                item = listed[r["id"]]
                assert item["title"] == r["title"]
                assert item["office"] == r["verification"]["office"] and item["office"] in shard["offices"]
                assert item["status"] == r["status"]
                assert item["validThrough"] == r["valid_through"].isoformat()
            is_open = [v["status"] == "open" and v["validThrough"] >= TODAY.isoformat() for v in employer["vacancies"]]
            assert is_open == sorted(is_open, reverse=True)  # open ones first
    assert found == expected


def test_operator_vacancy_carries_its_salary_for_comparison(fixture_site):
    # An employer is in the bucket of each of its keys: the same item, once per bucket.
    items = [
        v
        for shard in read_buckets(fixture_site)
        for e in shard["employers"]
        for v in e["vacancies"]
        if v["id"] == "operator-produksi-bekasi"
    ]
    item = items[0]
    assert items == [item] * len(items)
    assert (item["low"], item["high"]) == (4500000, 5200000)
    assert item["salary"] == "Rp 4.500.000 – 5.200.000 per bulan"
    assert item["office"] == "disnaker-kabupaten-bekasi"


def test_a_word_pair_shared_by_many_employers_keeps_only_those_it_fully_names():
    from types import SimpleNamespace

    from antarkerja.site.outputs.check import MAX_PER_KEY, name_keys

    def employer(name):
        return SimpleNamespace(name=name, slug=name.lower().replace(" ", "-"))

    many = [employer(f"PT {word} Jaya Abadi") for word in "Alfa Beta Gama Delta Eka Fajar Giri Hasta Indra".split()]
    whole = employer("PT Jaya Abadi")
    assert len(many) > MAX_PER_KEY
    keys = name_keys([*many, whole])
    assert keys["jaya abadi"] == [whole]  # too common to name the others; their first pair does
    assert keys["alfa jaya"] == [many[0]]
    common = [employer(f"CV Jaya Abadi {n}") for n in range(MAX_PER_KEY + 1)]  # "abadi 0"… stay unique
    keys = name_keys([*many, *common])
    assert "jaya abadi" not in keys and keys["abadi 0"] == [common[0]]
    # Every pair too common (branches of one name): each keeps its rarest pair rather than none.
    branches = [SimpleNamespace(name="PT Maju Jaya Abadi", slug=f"cabang-{n}") for n in range(MAX_PER_KEY + 1)]
    keys = name_keys([*many, *branches])  # "maju jaya": the branches; "jaya abadi": 18 employers
    assert keys["maju jaya"] == branches and "jaya abadi" not in keys


def test_bench_check_step_sizes_the_buckets_of_a_generated_repository(tmp_path):
    from support import ROOT

    from antarkerja.tools.bench import check_figures, generate

    generate(ROOT, tmp_path / "repo", 120)
    figures = check_figures(tmp_path / "repo")
    assert figures["distinct_employers"] == 30  # 4 vacancies each
    assert figures["buckets"] >= 1 and 0 < figures["bucket_gz_kb"] <= figures["bucket_kb"]
    assert figures["distinct_check_gz_kb"] >= figures["distinct_bucket_gz_kb"] > 0  # a check: several buckets
