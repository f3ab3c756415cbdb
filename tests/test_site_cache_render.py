"""The render cache and records across days: kept pages are the pages a full build makes,
what a page reads is in its key, and a nightly run checks no unchanged record again.

Helpers: ``support.cache_repos``; the ``small_repo`` fixture: ``conftest.py``.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from support.cache_repos import PHONE_ITEM, Editor, assert_same_site, full_build, keyed_count, vacancy_count_of

from antarkerja.reference import load_reference
from antarkerja.site import build as build_module
from antarkerja.site import cache as site_cache
from antarkerja.site.build import build_site
from antarkerja.tools.bench import BENCH_TODAY, OFFICE_LINE


def test_render_cache_keeps_unchanged_vacancy_pages_and_renders_those_an_office_edit_reaches(small_repo, tmp_path):
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    count = keyed_count(out)
    assert count > vacancy_count_of(small_repo)
    assert build_module.LAST["cache"].page_misses == count
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    assert (build_module.LAST["cache"].page_hits, build_module.LAST["cache"].page_misses) == (count, 0)
    # The phone of the office verifying some vacancies: their pages show it, their records did not change.
    office_ids = [
        OFFICE_LINE.search(p.read_text("utf-8")) for p in (small_repo / "content" / "vacancies").rglob("*.yml")
    ]
    office = sorted(m.group(0).split(":")[1].strip() for m in office_ids if m)[0]
    path = small_repo / "content" / "offices" / f"{office}.yml"
    text = path.read_text("utf-8")
    assert PHONE_ITEM.search(text), office
    path.write_text(PHONE_ITEM.sub(lambda m: f'{m.group(1)}9876"', text, count=1), "utf-8")
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    verified = sum(1 for m in office_ids if m and m.group(0).split(":")[1].strip() == office)
    assert build_module.LAST["cache"].page_misses >= verified > 0  # their pages (and notices)
    assert build_module.LAST["cache"].page_hits < count
    full_build(small_repo, tmp_path / "full", BENCH_TODAY, search=False)
    assert_same_site(out, tmp_path / "full", "office phone")


def test_a_rerun_converts_no_unchanged_description_for_the_feeds(small_repo, tmp_path, monkeypatch):
    """Feed entries carry each open vacancy's summary (its Markdown description rendered,
    sanitized, cut to words). With every vacancy page kept, a re-run converts no Markdown at
    all; a changed description is converted once, and the feeds show it."""
    from antarkerja.site import model

    converted: list[str] = []
    real = model.render_markdown
    monkeypatch.setattr(model, "render_markdown", lambda text: converted.append(text) or real(text))
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    summaries = build_module.LAST["cache"].texts.misses
    assert summaries > 0 and converted
    converted.clear()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    texts = build_module.LAST["cache"].texts
    assert converted == [] and (texts.hits, texts.misses) == (summaries, 0)
    path = next(
        p
        for p in sorted((small_repo / "content" / "vacancies").rglob("*.yml"))
        if "status: open" in p.read_text("utf-8")
    )
    text = path.read_text("utf-8")
    path.write_text(text.replace("description: |\n", "description: |\n  Kalimat **pembuka** baru.\n", 1), "utf-8")
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    # Converted: the new description once, and those of the pages rendered again with it (its
    # "Lowongan serupa" neighbours show it); the feeds converted only the new one.
    assert len([c for c in converted if c.startswith("Kalimat **pembuka** baru.")]) == 1
    assert len(set(converted)) == len(converted) <= build_module.LAST["cache"].page_misses
    assert build_module.LAST["cache"].texts.misses == 1
    assert "Kalimat pembuka baru." in (out / "feed" / "lowongan.atom").read_text("utf-8")
    # A damaged memo is not trusted: one line, and the feeds are made from the records.
    memo_file = next(p for p in (cache_dir / "texts").rglob("*.bin") if b"pembuka" in p.read_bytes())
    memo_file.write_bytes(memo_file.read_bytes().replace(b"pembuka", b"PEMBUKA"))
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    notes = build_module.LAST["cache"].notes
    assert len(notes) == 1 and "cache teks" in notes[0] and "checksum" in notes[0], notes
    full_build(small_repo, tmp_path / "full", BENCH_TODAY, search=False)
    assert_same_site(out, tmp_path / "full", "summaries from the cache")


def test_a_template_reading_a_global_with_no_stable_value_turns_the_render_cache_off(small_repo, tmp_path):
    """No list of a page's inputs to keep: a template edited to read a new global is keyed by
    its value, and one whose value has no stable form (a function the cache does not know)
    turns the render cache off for that template, with one line."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    template = small_repo / "theme" / "templates" / "vacancy.html"
    text = template.read_text("utf-8")
    template.write_text(
        text.replace("{% endblock %}", "{{ offices_by_service('x')|length }}{% endblock %}", 1), "utf-8"
    )
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    cache = build_module.LAST["cache"]
    # vacancy pages went without keys (rendered); only the notices were looked up
    assert cache.page_hits + cache.page_misses == keyed_count(out) - vacancy_count_of(small_repo)
    assert any("offices_by_service" in n for n in cache.notes), cache.notes
    # A global with a plain value is part of the key: a new tagline (a setting) renders every
    # page again (base.html reads it; keys over-approximate what a page shows, never under).
    template.write_text(text, "utf-8")
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    with (small_repo / "pelicanconf.py").open("a", encoding="utf-8") as f:
        f.write('SITE_TAGLINE = "Lowongan kerja, semboyan baru"\n')
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    assert build_module.LAST["cache"].page_misses == keyed_count(out)
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    assert build_module.LAST["cache"].page_hits == keyed_count(out)


def test_stable_forms_accept_only_values_they_can_hold_whole():
    from dataclasses import dataclass, field
    from functools import partial

    from markupsafe import Markup

    from antarkerja.site.model import Vacancy

    @dataclass
    class Loose:  # mutable, and its repr would hide a field
        a: int
        hidden: int = field(default=0, repr=False)

    for value in (object(), Loose(1), print, [1, {"a": object()}]):
        with pytest.raises(site_cache.Uncacheable):
            site_cache.stable(value)
    with pytest.raises(site_cache.Uncacheable):  # a model object without its function in MODELS
        site_cache.stable(Vacancy({}, None, date(2026, 1, 1)))
    assert site_cache.stable(Markup("<b>")) != site_cache.stable("<b>")
    assert site_cache.stable([1, 2]) != site_cache.stable((1, 2))
    assert site_cache.stable({"a": 1, "b": 2}) != site_cache.stable({"b": 2, "a": 1})  # order is shown
    assert site_cache.stable(date(2026, 1, 1)) != site_cache.stable("2026-01-01")
    assert site_cache.stable(partial(max, 1)) != site_cache.stable(partial(max, 2))

    # Objects of classes not declared lasting are never remembered by id (ids are reused).
    models = {Loose: lambda x: (x.a, x.hidden)}
    memo: dict = {}
    first = site_cache.stable(Loose(1, 2), models, memo, frozenset())
    assert site_cache.stable(Loose(1, 3), models, memo, frozenset()) != first
    assert not memo


def test_a_nightly_run_checks_no_unchanged_record_again_unless_a_date_was_ahead(small_repo, tmp_path):
    """Records are cached across days: one rule reads today (R431, a date more than 31 days
    ahead), and a record is checked again only on a day its finding could differ."""
    from antarkerja.records.validate import RepositoryValidator

    cache_dir = tmp_path / "cache"
    ref = load_reference(small_repo)
    ahead = Editor(small_repo, random.Random(0)).files()[0]
    ahead.write_text(
        re.sub(
            r"^date_posted: .*$",
            f"date_posted: {BENCH_TODAY + timedelta(days=40)}",
            ahead.read_text("utf-8"),
            count=1,
            flags=re.M,
        ),
        "utf-8",
    )
    total = len(Editor(small_repo, random.Random(0)).files()) + len(
        list((small_repo / "content" / "offices").glob("*.yml"))
    )

    def check(day: date):
        cache = site_cache.BuildCache(cache_dir)
        memo = cache.record_memo(small_repo, day)
        result = RepositoryValidator(small_repo, ref, day, memo=memo).run()
        cache.save_records(small_repo)
        found = [d.message for d in result.diagnostics if d.code == "R431" and d.path.name == ahead.name]
        return memo.misses, found

    assert check(BENCH_TODAY) == (
        total,
        [f"tanggal {BENCH_TODAY + timedelta(days=40)} lebih dari 31 hari setelah hari ini ({BENCH_TODAY})"],
    )
    # Next day: only the record with the date ahead is checked again, and its message says the new day.
    day = BENCH_TODAY + timedelta(days=1)
    assert check(day) == (
        1,
        [f"tanggal {BENCH_TODAY + timedelta(days=40)} lebih dari 31 hari setelah hari ini ({day})"],
    )
    assert check(BENCH_TODAY + timedelta(days=9)) == (1, [])  # 40 days ahead is now within 31
    assert check(BENCH_TODAY + timedelta(days=30)) == (0, [])  # every result holds on later days

    # Nothing checked again: the records files are left as they are (their entries would be
    # the same). One record checked again: only its shard is written.
    def shards() -> dict[str, int]:
        return {p.name: p.stat().st_ino for p in (cache_dir / "records").rglob("*.bin")}

    written = shards()
    assert len(written) > 1
    assert check(BENCH_TODAY + timedelta(days=31)) == (0, [])
    assert shards() == written
    ahead.write_text(ahead.read_text("utf-8") + "# diperbarui\n", "utf-8")
    assert check(BENCH_TODAY + timedelta(days=31)) == (1, [])
    assert shards().keys() == written.keys()
    assert [name for name, ino in shards().items() if written[name] != ino] == [
        f"{site_cache.shard_name(str(ahead))}.bin"
    ]
    assert check(BENCH_TODAY + timedelta(days=32)) == (0, [])  # the new entry was saved
    assert check(BENCH_TODAY + timedelta(days=8)) == (
        1,
        [
            f"tanggal {BENCH_TODAY + timedelta(days=40)} lebih dari 31 hari setelah hari ini ({BENCH_TODAY + timedelta(days=8)})"
        ],
    )


def test_only_the_rule_that_says_when_its_findings_change_reads_today():
    """The records cache keeps a check across days (site.cache.RecordMemo) because the one rule
    reading today says from which day its findings stay the same (rules.common.same_findings_from).
    A new rule reading today must say so too: this test names every reader."""
    import ast
    import inspect

    from antarkerja.records import rules

    readers = set()
    for path in sorted(Path(rules.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                if any(isinstance(n, ast.Attribute) and n.attr == "today" for n in ast.walk(node)):
                    readers.add(f"{path.stem}.{node.name}")
    assert readers == {"common.implausible_dates"}, readers
    assert "FUTURE_CHECKED" in inspect.getsource(rules.common.same_findings_from)


def test_a_rerun_reads_no_kept_page_and_still_sees_one_edited_by_hand(small_repo, tmp_path, monkeypatch):
    """The render cache trusts a previous page by its size, inode and time (as make does) once
    the build that wrote it has stamped it; a page edited by hand has another stamp, so it is
    read, found different and rendered again."""
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    today = BENCH_TODAY.isoformat()
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    opened: list[str] = []  # pages of the previous output the render cache reads

    def counting_open(path, *args):
        if str(path).startswith(str(out.resolve())):
            opened.append(str(path))
        return open(path, *args)

    monkeypatch.setattr(site_cache, "open", counting_open, raising=False)
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    count = keyed_count(out)
    assert (build_module.LAST["cache"].page_hits, opened) == (count, [])
    page = sorted((out / "lowongan").glob("*/index.html"))[0]
    page.write_text(page.read_text("utf-8").replace("</main>", "<p>diubah</p></main>"), "utf-8")
    build_site(small_repo, output=out, today=today, cache=cache_dir, search=False)
    assert [Path(p).relative_to(out.resolve()) for p in opened] == [page.relative_to(out)]
    assert build_module.LAST["cache"].page_misses == 1
    assert "diubah" not in page.read_text("utf-8")


def test_page_keys_name_a_record_by_its_file(small_repo, tmp_path):
    """In page keys a vacancy's record is its file's path and digest, as the records cache
    holds it (so keys need not walk the record): for every vacancy, on a cold and a warm
    cache alike, and the state changes when the file's bytes do."""
    from antarkerja.records.validate import RepositoryValidator
    from antarkerja.site.model import build_site as build_model
    from antarkerja.site.outputs import pages

    ref = load_reference(small_repo)

    def states() -> dict[str, tuple]:
        cache = site_cache.BuildCache(tmp_path / "cache")
        memo = cache.record_memo(small_repo, BENCH_TODAY)
        result = RepositoryValidator(small_repo, ref, BENCH_TODAY, memo=memo).run()
        cache.save_records(small_repo)
        model = build_model([r.data for r in result.vacancies], [o.data for o in result.offices], ref, BENCH_TODAY)
        sources = memo.sources()
        return {v.id: pages.vacancy_state(v, sources) for v in model.vacancies}

    cold = states()  # records checked
    assert states() == cold  # records from the cache
    for vacancy_id, ((kind, path, file_digest), _closed, _indexed) in cold.items():
        assert (kind, Path(path).stem) == ("berkas", vacancy_id)
        assert file_digest == site_cache.digest(Path(path).read_bytes())
    vacancy_id, ((_, path, _), _, _) = next(iter(cold.items()))
    Path(path).write_text(Path(path).read_text("utf-8") + "# disunting\n", "utf-8")
    edited = states()
    assert edited[vacancy_id] != cold[vacancy_id]
    assert {k: v for k, v in edited.items() if k != vacancy_id} == {k: v for k, v in cold.items() if k != vacancy_id}
