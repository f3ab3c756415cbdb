"""One count per scope: "a province's vacancies" is the same number everywhere.

Counted here from plain YAML (open on the build's today, work in Indonesia, in that province)
and compared with the home page, the provinces page, the province page, the search filter's
option, the national statistics table and the province's statistics page. Overseas
vacancies are their own scope ("Luar negeri"), listed apart on the page of the province
that recruits for them (the Indramayu factory job in Taiwan once counted 8 for Jawa Barat on
the home page and 7 in the search filter).
"""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest
import yaml
from support import ROOT, TODAY, read_built


@pytest.fixture(scope="module")
def plain_records() -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "content/vacancies").rglob("*.yml")]


@pytest.fixture(scope="module")
def provinces() -> dict[str, tuple[str, str]]:
    with (ROOT / "content/reference/provinces.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    from antarkerja.urls import slugify

    return {r["code"]: (r["name"], slugify(r["name"])) for r in rows}


def is_open(r: dict) -> bool:
    return r["status"] == "open" and r["valid_through"] >= TODAY


def region_numbers(page) -> dict[str, int]:
    """name → number of the region links (``<a><span>name</span> <span class="num">n</span></a>``)."""
    found = {}
    for a in page.find_all("a"):
        spans = a.find_all("span")
        if len(spans) == 2 and spans[1].attrs.get("class") == "num":
            found[spans[0].get_text()] = int(spans[1].get_text())
    return found


def test_a_provinces_count_is_the_same_on_every_page(sample_site, plain_records, provinces):
    domestic = Counter(
        r["location"]["province"] for r in plain_records if is_open(r) and r["location"]["country"] == "ID"
    )
    home = region_numbers(read_built(sample_site, ""))
    index = region_numbers(read_built(sample_site, "provinsi/"))
    search = {
        o.attrs["value"]: int(o.attrs["data-count"])
        for o in read_built(sample_site, "cari/").find("select", name="provinsi").find_all("option")
        if o.attrs.get("data-count")
    }
    stats = json.loads((sample_site / "statistik/data.json").read_text(encoding="utf-8"))
    national = {row["code"]: row["vacancies"] for row in stats["tables"]["wilayah"]["rows"]}
    for code, (name, slug) in provinces.items():
        want = domestic.get(code, 0)
        page = read_built(sample_site, f"provinsi/{slug}/")
        assert page.find("p", class_="count").get_text().startswith(f"{want} lowongan dibuka"), name
        assert index[name] == want and search[name] == want and national.get(code, 0) == want, name
        if want:
            assert home[name] == want, name
        province_stats = json.loads((sample_site / f"provinsi/{slug}/statistik/data.json").read_text(encoding="utf-8"))
        assert province_stats["vacancies"] == want, name


def test_overseas_work_is_listed_apart_on_the_recruiting_province(sample_site, plain_records, provinces):
    abroad = [r for r in plain_records if is_open(r) and r["location"]["country"] != "ID"]
    assert abroad
    for r in abroad:
        name, slug = provinces[r["location"]["province"]]
        section = read_built(sample_site, f"provinsi/{slug}/").find("section", aria_labelledby="luar-negeri")
        assert section is not None, name
        assert section.find("a", href=f"/lowongan/{r['id']}/") is not None
        assert section.find("h2").get_text() == f"Lowongan luar negeri yang direkrut di {name}"
    # The Indramayu case from the issue: Jawa Barat's count leaves the Taiwan job out.
    jabar = read_built(sample_site, "provinsi/jawa-barat/")
    assert jabar.find("a", href="/lowongan/operator-pabrik-elektronik-taiwan-contoh-indramayu/") is not None
    assert "/lowongan/operator-pabrik-elektronik-taiwan-contoh-indramayu/" not in str(
        [a.attrs.get("href") for a in jabar.find("main").find("ul", class_="cards").find_all("a")]
    )


# Facts a vacancy page states once -----------------------------------------------------------
def open_pages(sample_site, plain_records):
    for r in plain_records:
        if is_open(r):
            yield r, read_built(sample_site, f"lowongan/{r['id']}/")


def test_tayang_equals_the_published_date_in_the_history_or_says_why_not(sample_site, plain_records):
    from antarkerja.wording import tanggal

    checked = explained = 0
    for r, page in open_pages(sample_site, plain_records):
        dl = {dt.get_text(): dd.get_text() for dt, dd in zip(page.find_all("dt"), page.find_all("dd"), strict=False)}
        assert dl.get("Tayang") == tanggal(r["date_posted"]), r["id"]
        history = page.find("section", aria_labelledby="riwayat")
        published = [li for li in (history.find_all("li") if history else []) if "Ditayangkan" in li.get_text()]
        if not published:
            continue  # a copy without Git history says so instead
        li = published[-1]  # the oldest entry: entries are newest first
        day = li.find("time").get_text()
        if day != tanggal(r["date_posted"]):
            assert f"tanggal tayang yang dicatat petugas: {tanggal(r['date_posted'])}." in li.get_text(), r["id"]
            explained += 1
        checked += 1
    assert checked > 0 and explained > 0  # the sample records were committed after their posting dates


def test_each_vacancy_gives_one_apply_instruction(sample_site, plain_records):
    for r, page in open_pages(sample_site, plain_records):
        section = page.find("section", aria_labelledby="lamar").get_text()
        own = r["apply"].get("instructions")
        if own:
            assert " ".join(own.split()) in section, r["id"]
            assert "(AK/1) atau KTP" not in section, r["id"]  # no second, different list of what to bring
        elif r["apply"].get("walk_in"):
            assert "(AK/1) atau KTP" in section, r["id"]
