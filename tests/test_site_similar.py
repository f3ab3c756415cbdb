""" "Lowongan serupa" that expiry does not move.

What a reader notices: an open vacancy's page lists open vacancies of the same occupation group
nearby that stay open at least as long as it does, and links to the search for the rest; a
closed vacancy's page lists none and links to the open ones. What the nightly run notices: a
vacancy that closes overnight changes no other vacancy's page (before, about 13 others each at
100,000 vacancies: docs/performance.md).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from support.cache_repos import generated_repo
from support.searchpage import sample_model, similar_section, validated_records

from antarkerja.paths import REPO
from antarkerja.site.build import build_site
from antarkerja.tools.bench import BENCH_TODAY


def _lists(site) -> dict[str, list[str] | None]:
    """Each vacancy's "Lowongan serupa" by id (None when it is closed that day)."""
    return {v.id: [o.id for o in site.similar(v)] if v.is_open else None for v in site.vacancies}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """400 vacancies made from the sample ones, closing over the next 50 days (the bench's spread)."""
    return generated_repo(tmp_path_factory.mktemp("similar") / "repo", 400)


@pytest.mark.parametrize("source", ["sample", "generated"])
def test_no_list_changes_overnight_unless_its_own_vacancy_closes(source, generated):
    """Night after night, every vacancy open on both days shows the same list. The sample
    records' closing dates are as their authors wrote them (over three months); the
    generated ones close on every day (two weeks)."""
    root = REPO if source == "sample" else generated
    start, nights = (date(2026, 12, 7), 90) if source == "sample" else (BENCH_TODAY, 14)
    records = validated_records(root)
    closed_seen = listed = 0
    before = _lists(sample_model(start, root, records))
    for k in range(1, nights + 1):
        after = _lists(sample_model(start + timedelta(days=k), root, records))
        both = [i for i in after if after[i] is not None and before.get(i) is not None]
        assert {i: after[i] for i in both} == {i: before[i] for i in both}, f"night {k}"
        closed_seen += sum(1 for i in before if before[i] is not None and after[i] is None)
        listed += sum(1 for i in both if after[i])
        before = after
    assert closed_seen > 0 and listed > 0, "the days chosen must see vacancies close and lists shown"


def test_the_list_holds_open_vacancies_of_its_group_and_place_that_close_no_earlier(generated):
    site = sample_model(BENCH_TODAY, generated)
    shown = 0
    for v in site.vacancies:
        similar = site.similar(v)
        assert v not in similar and len(similar) <= 4
        for other in similar:
            assert other.is_open and other.data["kbji"][0] == v.data["kbji"][0]
            assert other.location["province"] == v.location["province"]
            assert other.valid_through >= v.valid_through
        shown += len(similar) == 4
    assert shown > len(site.vacancies) // 3, "on a dense site many pages show a full list"


def test_a_vacancy_closing_overnight_changes_no_other_vacancy_page(generated, tmp_path):
    """The nightly build (render cache on) writes again only the pages of the vacancies that
    closed; each of them lists none and links to the search for open ones."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    build_site(generated, output=out, today=BENCH_TODAY.isoformat(), cache=cache_dir, search=False)
    pages = sorted((out / "lowongan").glob("*/index.html"))
    before = {p: p.read_bytes() for p in pages}
    closing = {v.id for v in sample_model(BENCH_TODAY, generated).vacancies if v.valid_through == BENCH_TODAY}
    assert closing, "the generated vacancies close on every day"

    build_site(
        generated, output=out, today=(BENCH_TODAY + timedelta(days=1)).isoformat(), cache=cache_dir, search=False
    )
    changed = {p.parent.name for p in pages if p.read_bytes() != before[p]}
    assert changed == closing

    for vid in closing:
        html = (out / "lowongan" / vid / "index.html").read_text("utf-8")
        section = similar_section(html)
        assert "<li" not in section
        link = re.search(r'<a href="([^"]+)">Cari lowongan golongan ([^<]+) yang masih dibuka di ([^<]+)</a>', section)
        assert link, section
        query = parse_qs(urlsplit(link.group(1).replace("&amp;", "&")).query)
        assert urlsplit(link.group(1)).path.endswith("/cari/") and query["jabatan"] == [
            link.group(2).replace("&amp;", "&")
        ]


def test_an_open_page_links_to_the_search_for_more_of_its_group_and_place():
    site = sample_model(date(2026, 12, 7), REPO)
    from antarkerja.site.search import pagefind_filters, similar_search_link

    for v in site.open_vacancies:
        query = parse_qs(urlsplit(similar_search_link("", v)).query)
        filters = set(pagefind_filters(v))
        # Every filter of the link is one the vacancy itself matches: the search finds it too.
        assert all((name, value) in filters for name, values in query.items() for value in values), v.id
        assert "jabatan" in query and ("kabkota" in query or v.is_abroad)
