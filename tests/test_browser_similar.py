"""The "Cari lowongan … golongan …" link under "Lowongan serupa", followed in Chromium at 360×740.

The short list on a vacancy page holds only vacancies that close no earlier than it
(tests/test_site_similar.py); the link is where a reader finds the rest. Followed from an open
domestic page, an overseas page and a closed page of the sample site, the search page lists
exactly the open vacancies of that occupation group and place, as computed here from the
model.
"""

from __future__ import annotations

import pytest
from support import TODAY
from support.searchpage import all_results, record_problems, sample_model

pytestmark = pytest.mark.browser

LINK = "section[aria-labelledby=serupa] p a"


def _same_group_and_place(model, v) -> set[str]:
    group = v.data["kbji"][0]
    return {
        o.id
        for o in model.open_vacancies
        if o.data["kbji"][0] == group
        and (o.is_abroad if v.is_abroad else (not o.is_abroad and o.location["regency"] == v.location["regency"]))
    }


def _cases(model):
    """An open domestic vacancy with others of its group and place, an overseas one, a closed one."""
    domestic = next(v for v in model.open_vacancies if not v.is_abroad and len(_same_group_and_place(model, v)) > 1)
    abroad = next(v for v in model.open_vacancies if v.is_abroad)
    closed = next(v for v in model.vacancies if not v.is_open and _same_group_and_place(model, v))
    return {"open": domestic, "overseas": abroad, "closed": closed}


@pytest.mark.parametrize("case", ["open", "overseas", "closed"])
def test_the_link_finds_the_open_vacancies_of_the_group_and_place(case, phone, sample_server):
    model = sample_model(TODAY)
    v = _cases(model)[case]
    page = record_problems(phone)
    page.goto(f"{sample_server}/lowongan/{v.id}/")
    link = page.locator(LINK)
    text = link.text_content()
    assert v.kbji_group["short_name"] in text
    assert ("yang masih dibuka" in text) == (case == "closed")
    found = all_results(page, sample_server + link.get_attribute("href"))
    want = _same_group_and_place(model, v)
    assert set(found) == want and len(found) == len(want)
    assert (v.id in found) == (case != "closed")
