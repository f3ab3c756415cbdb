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
