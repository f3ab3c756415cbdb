"""The route table: every route formats, and model objects and built files follow it."""

from __future__ import annotations

import re

import pytest

from antarkerja.urls import ROUTES, file_for, save_as, url


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_every_route_formats_to_a_relative_path(route):
    params = {name: "x" for name in re.findall(r"\{(\w+)\}", ROUTES[route])}
    path = url(route, **params)
    assert not path.startswith("/") and "{" not in path


def test_folders_are_written_as_index_files():
    assert save_as("home") == "index.html"
    assert save_as("vacancy", id="operator-1") == "lowongan/operator-1/index.html"
    assert save_as("sitemap") == "sitemap.xml"
    assert file_for(url("listing_page", base=url("vacancies"), number=2)) == "lowongan/page/2/index.html"


def test_built_pages_exist_at_their_routes(fixture_site, fixture_root):
    from support import TODAY

    from antarkerja.records.validate import validate_repository
    from antarkerja.reference import load_reference
    from antarkerja.site.model import build_site

    result = validate_repository(fixture_root)
    site = build_site(
        [r.data for r in result.vacancies], [r.data for r in result.offices], load_reference(fixture_root), TODAY
    )
    for thing in (*site.vacancies, *site.offices, *site.provinces, *site.regencies):
        assert (fixture_site / file_for(thing.url)).is_file(), thing.url


def test_reserved_ids_come_from_the_route_table(monkeypatch):
    from antarkerja import urls

    assert urls.reserved_segments("office", "id") == {"page": "listing_page", "layanan": "services"}
    assert "layanan" not in urls.reserved_segments("vacancy", "id")
    monkeypatch.setitem(urls.ROUTES, "new_office_list", "kantor/terdekat/")
    assert urls.reserved_segments("office", "id")["terdekat"] == "new_office_list"  # a new route reserves itself


def test_a_new_vacancy_id_is_cut_once_for_every_path_in():
    from antarkerja.urls import ID_BASE_LENGTH, vacancy_id

    long_title = "Operator Produksi Shift Malam Bagian Perakitan Komponen Elektronik Presisi"
    made = vacancy_id(long_title, "PT Contoh Uji Manufaktur Nusantara", "Bekasi")
    assert len(made) <= ID_BASE_LENGTH and not made.endswith("-") and made.startswith("operator-produksi-")
    assert vacancy_id("株式会社", "", "") == ""  # nothing left: the caller asks for an id


def test_the_web_form_cuts_ids_where_the_python_paths_do(fixture_site):
    import json

    from antarkerja.urls import ID_BASE_LENGTH

    spec = json.loads((fixture_site / "kirim-lowongan" / "formulir.json").read_text(encoding="utf-8"))
    assert spec["idLength"] == ID_BASE_LENGTH
