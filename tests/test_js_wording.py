"""The words the site's scripts show come from Python (antarkerja.wording.for_scripts) through
the page's data (check.js: data-kata) or the settings the build gives a script (sematan.js):
no script spells them. Numbers and dates: the shared cases of tests/js/util.test.js, here
against Python's own writers."""

from __future__ import annotations

import json
import re

import pytest
from support import ROOT

from antarkerja import wording

SCRIPTS = sorted([*(ROOT / "theme" / "static" / "js").glob("*.js"), *(ROOT / "theme" / "scripts").glob("*.js")])
CASES = json.loads((ROOT / "tests" / "fixtures" / "conformance" / "wording.json").read_text(encoding="utf-8"))


def day_phrases() -> list[str]:
    """The fixed phrases of wording.DAY_WORDS, between their {placeholders}: "Tayang hari ini",
    "hari lagi", "sudah lewat"… (phrases of two words or more: a single word such as "tayang"
    also names things in code)."""
    pieces = (re.split(r"\{\w+\}", template) for template in wording.DAY_WORDS.values())
    return sorted({p.strip(" (),.") for parts in pieces for p in parts if " " in p.strip(" (),.")})


def query_phrases() -> list[str]:
    """The fixed phrases of wording.QUERY_WORDS (the search page's chips), as day_phrases."""
    texts = [t for v in wording.QUERY_WORDS.values() for t in (v.values() if isinstance(v, dict) else [v])]
    pieces = (re.split(r"\{\w+\}", t) for t in texts)
    return sorted({p.strip(" (),.:") for parts in pieces for p in parts if " " in p.strip(" (),.:")})


def spelled(text: str) -> list[str]:
    """The shared words a script spells itself (any case, any quotes)."""
    words = [wording.DEADLINE, wording.SALARY_UNDISCLOSED, *wording.MONTHS, *day_phrases(), *query_phrases()]
    return [w for w in words if re.search(r"\b" + re.escape(w) + r"\b", text, re.I)]


def test_no_script_spells_the_words_python_gives_it():
    found = {p.relative_to(ROOT).as_posix(): spelled(p.read_text(encoding="utf-8")) for p in SCRIPTS}
    assert {path: words for path, words in found.items() if words} == {}


def test_the_check_finds_a_word_that_creeps_back():
    assert spelled("el('p', {}, ['batas lamaran ' + d])") == ["Batas lamaran"]
    assert spelled("const BULAN = [\"Jan\", 'Agustus'];") == ["Agustus"]
    assert spelled("const a = 'Maretta';") == []  # a word, not a part of one
    assert spelled("return `Tayang ${n} hari lalu`;") == ["hari lalu"]
    assert "Tayang hari ini" in day_phrases() and "hari lagi" in day_phrases()
    assert spelled("b.textContent = `Gaji minimal Rp${n} sebulan`;") == ["Gaji minimal Rp"]
    assert "Upah per jam" in query_phrases() and "Dari kata yang Anda ketik" in query_phrases()


def test_the_day_script_carries_the_day_words(fixture_site, read_page):
    tags = [t for t in read_page(fixture_site, "").find_all("script") if "/js/hari.js?" in t.attrs.get("src", "")]
    assert len(tags) == 1
    tag = tags[0]
    assert json.loads(tag.attrs["data-kata"]) == wording.DAY_WORDS


def test_the_pages_carry_the_words_their_scripts_need(fixture_site, read_page):
    check = read_page(fixture_site, "cek-lowongan/").find(id="cek-form")
    assert json.loads(check.attrs["data-kata"]) == {"months": wording.MONTHS}  # dates; no other shared word


def test_the_shared_cases_are_pythons_own():
    assert CASES["months"] == wording.MONTHS


@pytest.mark.parametrize("amount, text", CASES["rupiah"])
def test_rupiah_cases(amount, text):
    assert wording.rupiah(amount) == text


@pytest.mark.parametrize("iso, text", CASES["dates"])
def test_date_cases(iso, text):
    from datetime import date

    assert wording.tanggal(date.fromisoformat(iso)) == text
