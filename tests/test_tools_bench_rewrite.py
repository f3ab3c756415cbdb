"""``antarkerja bench --steps rewrite`` on the fixture site: what one added vacancy and one
day passing rewrite, counted from the bytes of three real builds."""

from __future__ import annotations

import re
import shutil

import pytest
from support import SITE_FIXTURE, TODAY

from antarkerja.tools.bench_rewrite import ADDED_ID, by_area, changed, measure_rewrites


def test_changed_counts_written_added_and_removed_files():
    before = {"a.html": "1", "b/c.html": "2", "gone.html": "3"}
    after = {"a.html": "1", "b/c.html": "9", "new/x.html": "4"}
    assert changed(before, after) == ["b/c.html", "gone.html", "new/x.html"]
    assert by_area(changed(before, after)) == {"(root)": 1, "b/": 1, "new/": 1}


def test_browse_word_and_api_files_are_counted_by_family():
    paths = ["cari/data/semua/terbaru-1.json", "cari/kata/op.json", "api/v1/lowongan/1.json", "api/v1/index.json"]
    assert by_area(paths) == {"cari/data/": 1, "cari/kata/": 1, "api/v1/lowongan/": 1, "api/v1/": 1}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    work = tmp_path_factory.mktemp("rewrite")
    shutil.copytree(SITE_FIXTURE, work / "repo")
    return measure_rewrites(work / "repo", work, TODAY, with_closed=True)


def test_the_two_added_ids_bound_the_day_of_the_generated_vacancies():
    """Lists order a day's vacancies by id: ADDED_ID after every generated id (bench-NNNNNN),
    ADDED_FIRST_ID before them; both are valid ids."""
    from antarkerja.records.schema.vacancy import ID_PATTERN
    from antarkerja.tools.bench_rewrite import ADDED_FIRST_ID

    generated = [f"bench-{i:06d}" for i in (0, 40, 9_960, 99_960)]
    assert all(ADDED_FIRST_ID < g < ADDED_ID for g in generated)
    assert all(re.fullmatch(ID_PATTERN, i) for i in (ADDED_ID, ADDED_FIRST_ID))


def test_one_added_vacancy_rewrites_a_small_part_of_the_site(figures):
    assert not list((SITE_FIXTURE / "content").rglob(f"{ADDED_ID}.yml"))
    assert 0 < figures["added_vacancy"] < figures["files"] / 5
    assert figures["added_vacancy_areas"]["lowongan/"] >= 1  # at least its own page


def test_a_day_passing_leaves_listings_alone(figures):
    """Only what depends on the date changes: no listing page changes for its "Tayang n hari
    lalu" or "n hari lagi" (the reader's device writes those) when no vacancy in it closed."""
    day = figures["next_day_paths"]
    assert figures["next_day"] > 0  # the fixture has dated things: printed notices, statistics
    assert "statistik/index.html" in day  # "Data per <today>": dated on purpose
    listings = [
        p
        for p in day
        if p.endswith("index.html")
        and p.split("/")[0] in ("provinsi", "kabkota", "kantor", "pemberi-kerja", "smk", "lowongan")
        and p.count("/") == 2  # <area>/<slug>/index.html: a listing's page 1 (or a vacancy)
        and not p.startswith("lowongan/")
    ]
    assert listings == [], listings
    assert "lowongan/index.html" not in day


def test_close_oldest_closes_the_last_vacancy_of_the_newest_first_lists(tmp_path):
    from antarkerja.tools.bench_rewrite import close_oldest

    shutil.copytree(SITE_FIXTURE, tmp_path / "repo")
    path, text = close_oldest(tmp_path / "repo")
    assert "status: closed" in path.read_text(encoding="utf-8") and "status: open" in text
    candidates = [
        v for v in (yaml_of(p) for p in (tmp_path / "repo").rglob("vacancies/**/*.yml")) if v["status"] == "open"
    ]
    last = max(
        [*candidates, yaml_of(path) | {"status": "open"}], key=lambda v: (-v["date_posted"].toordinal(), v["id"])
    )
    assert last["id"] == path.stem


def yaml_of(path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_closing_the_oldest_vacancy_is_counted_and_put_back(figures):
    assert figures["oldest_closed"] >= 2  # at least its page and its notice
    assert "lowongan/" in figures["oldest_closed_areas"]


def test_format_names_each_change():
    from antarkerja.tools.bench_rewrite import format_figures

    f = {"files": 10, "build_s": 1.0, "added_vacancy": 2, "added_vacancy_areas": {"a/": 2}}
    f |= {"next_day": 1, "next_day_areas": {"(root)": 1}}
    text = format_figures(1000, f, "main")
    assert "1,000 vacancies, main: 10 files" in text and "one vacancy added" in text and "closed" not in text
