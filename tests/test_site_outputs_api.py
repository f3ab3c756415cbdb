"""The static JSON API as a program reads it: pages chain to the end, totals match the
records (counted here from the YAML, not by the model), every file follows the published
schema, and no text can turn into markup when a page is inlined."""

from __future__ import annotations

import copy
import json
from datetime import date

import jsonschema
import pytest
import yaml
from support import GOOD_VACANCY, ROOT, TEST_OFFICE

from antarkerja.reference import load_reference
from antarkerja.site.model import build_site
from antarkerja.site.outputs import OutputContext
from antarkerja.site.outputs.api import PER_PAGE, outputs
from antarkerja.site.outputs.common import dump

TODAY = date(2026, 11, 25)
RECORD = yaml.safe_load(GOOD_VACANCY)
CTX = OutputContext(siteurl="https://lowongan.contoh.id", sitename="Antar Kerja", settings={})


def records(open_count: int, closed_count: int) -> list[dict]:
    out = []
    for n in range(open_count + closed_count):
        data = copy.deepcopy(RECORD)
        data["id"] = f"lowongan-{n:03d}"
        data["title"] = f"Operator <b>{n}</b> & Co"  # markup-looking text stays text
        if n >= open_count:
            data["status"] = "filled"
        out.append(data)
    return out


def api_files(open_count: int = PER_PAGE * 2 + 3, closed_count: int = 4) -> dict[str, object]:
    site = build_site(records(open_count, closed_count), [yaml.safe_load(TEST_OFFICE)], load_reference(ROOT), TODAY)
    return {f.path: f.data for f in outputs(site, CTX)}


def test_the_national_list_chains_page_by_page_to_every_open_vacancy():
    files = api_files()
    page = json.loads(files["api/v1/lowongan/1.json"])
    seen, numbers = [], []
    assert page["total"] == PER_PAGE * 2 + 3 and page["pages"] == 2  # 1.json: the whole list
    while True:
        seen += [item["identifier"] for item in page["items"]]
        numbers.append(page["page"])
        # total and pages count from this page to the end of the chain
        assert page["total"] == PER_PAGE * 2 + 3 - len(seen) + len(page["items"])
        assert page["pages"] == 3 - len(numbers)
        if page["next"] is None:
            break
        page = json.loads(files[page["next"].removeprefix(CTX.siteurl + "/")])
    assert numbers == [1, 2]  # 1.json holds the newest 50 to 99, 2.json the oldest 50
    assert len(seen) == len(set(seen)) == PER_PAGE * 2 + 3  # the 4 filled ones are left out


def test_a_new_vacancy_rewrites_only_the_first_page_of_the_national_list():
    """Numbered from the oldest: 2.json and 3.json keep their bytes when a vacancy is added;
    page 1 stays the newest (the vacancy added is on it)."""
    office = [yaml.safe_load(TEST_OFFICE)]
    older = records(PER_PAGE * 4 + 10, 0)
    added = {**copy.deepcopy(RECORD), "id": "lowongan-baru", "date_posted": TODAY}  # posted today
    added["verification"] = {**added["verification"], "date": TODAY}
    assert all(r["date_posted"] < TODAY for r in older)
    before, after = (
        {f.path: f.data for f in outputs(build_site(rs, office, load_reference(ROOT), TODAY), CTX)}
        for rs in (older, [*older, added])
    )
    national = sorted(p for p in before | after if p.startswith("api/v1/lowongan/"))
    assert national == [f"api/v1/lowongan/{n}.json" for n in (1, 2, 3, 4)]
    changed = [p for p in national if before.get(p) != after.get(p)]
    assert changed == ["api/v1/lowongan/1.json"]
    newest = json.loads(after["api/v1/lowongan/1.json"])
    first = json.loads(before["api/v1/lowongan/1.json"])
    assert len(newest["items"]) == len(first["items"]) + 1 and newest["next"].endswith("/4.json")


def test_every_province_has_a_first_page_even_when_empty():
    files = api_files(open_count=1, closed_count=0)
    province_pages = [p for p in files if p.startswith("api/v1/provinsi/") and p.endswith("/1.json")]
    assert len(province_pages) == 38
    empty = json.loads(files["api/v1/provinsi/aceh/1.json"])
    assert empty["total"] == 0 and empty["items"] == [] and empty["next"] is None


def kind_of(path: str) -> str:
    if path == "api/v1/index.json":
        return "index"
    return {"kantor": "officePage", "wilayah": "regionPage"}.get(path.split("/")[2], "vacancyPage")


def test_every_file_follows_its_kind_in_the_published_schema():
    files = api_files(open_count=3, closed_count=1)
    schema = json.loads(files.pop("api/v1/schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    index = json.loads(files["api/v1/index.json"])
    assert index["openVacancies"] == 3 and index["totalJobOpenings"] == 3 * RECORD["openings"]
    kinds = set()
    for path, text in files.items():
        kind = kind_of(path)
        kinds.add(kind)
        jsonschema.validate(json.loads(text), {"$ref": f"#/$defs/{kind}", "$defs": schema["$defs"]})
    assert kinds == {"index", "vacancyPage", "officePage", "regionPage"}
    bad = json.loads(files["api/v1/lowongan/1.json"])
    bad["items"][0]["totalJobOpenings"] = "dua puluh"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, {"$ref": "#/$defs/vacancyPage", "$defs": schema["$defs"]})


def test_text_that_looks_like_markup_is_escaped_in_the_json_text():
    text = api_files(open_count=1, closed_count=0)["api/v1/lowongan/1.json"]
    assert "<b>" not in text and "&" not in text
    assert json.loads(text)["items"][0]["title"] == "Operator <b>0</b> & Co"
    assert dump({"a": "</script>"}) == '{"a":"\\u003c/script\\u003e"}'
