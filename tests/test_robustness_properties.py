"""Generated hostile values: loader, schema, rules and model never raise; problems are located.

Hypothesis puts arbitrary YAML values (text with control characters and escapes, huge and
non-finite numbers, dates and timestamps, lists and mappings) at any field of a valid
vacancy or office, and throws arbitrary text at the loader. Whatever comes in:

* nothing raises, and no rule reports ``R400`` (a rule that broke on a value the schema
  accepts);
* every diagnostic has a line and column inside the file and a known code, and its printed
  form is one line with nothing a terminal or CI log would act on;
* a record with no error becomes a model whose pages, JSON-LD and money figures work
  (strict JSON: no NaN), which is what the build does with it.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import GOOD_VACANCY, ROOT, TEST_OFFICE, TODAY

from antarkerja.records.diagnostics import CODES, ERROR
from antarkerja.records.load import load_text
from antarkerja.records.rules import rules_for
from antarkerja.records.validate import RepositoryValidator, _Context
from antarkerja.site import model
from antarkerja.site.outputs import jsonld

VALIDATOR = RepositoryValidator(ROOT)
CTX = _Context(VALIDATOR.ref, TODAY)
KNOWN_CODES = set(CODES) | {r.code for r in rules_for("vacancy") + rules_for("office")}
BASE = {
    "vacancy": yaml.safe_load(GOOD_VACANCY),
    "office": yaml.safe_load(TEST_OFFICE),
}
PROPERTIES = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(["IDR\n", "open\n::error::x", "\x1b[31m", "\u202e", "\u200b", " ", "0x14", "9999-12-31"]),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(timezones=st.sampled_from([None, UTC, timezone(timedelta(hours=7))])),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def paths(value, prefix=()):
    """Every path in a record, so any field (or a new key beside it) can be replaced."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield prefix + (key,)
            yield from paths(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield prefix + (i,)
            yield from paths(item, prefix + (i,))


def replaced(record, path, value):
    import copy

    record = copy.deepcopy(record)
    parent = record
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return record


def check(text: str, kind: str):
    loaded = load_text(text, Path(f"content/{kind}.yml"))
    found = loaded.problems + VALIDATOR.check_record(loaded, VALIDATOR.kinds[kind], CTX)
    if isinstance(loaded.data, dict):
        recs = ([loaded], []) if kind == "vacancy" else ([], [loaded])
        found += VALIDATOR._cross_file(*recs, set())
    lines = len(re.split("\r\n|[\r\n\x85\u2028\u2029]", text))  # line breaks as YAML counts them
    for d in found:
        assert d.code in KNOWN_CODES and d.code != "R400", d.format()
        assert 1 <= d.line <= lines and d.col >= 1, d.format()
        printed = d.format() + d.github_annotation()
        assert "\n" not in printed and "\x1b" not in printed and "\r" not in printed
    return loaded, [d for d in found if d.severity == ERROR]


def exercise_model(loaded, kind: str):
    """What the build does with an accepted record."""
    office = yaml.safe_load(TEST_OFFICE)
    if kind == "vacancy":
        site = model.build_site([loaded.data], [office], VALIDATOR.ref, TODAY)
        v = site.vacancies[0]
        for name in ("salary_text", "salary_monthly", "salary_band", "summary", "description_html", "days_left"):
            getattr(v, name)
        json.loads(jsonld.script_json(jsonld.job_posting(v, "https://contoh.example")))
        json.dumps(jsonld.job_posting(v), allow_nan=False, default=str)
    else:
        site = model.build_site(
            [], [office, loaded.data] if loaded.data["id"] != "test-office" else [office], VALIDATOR.ref, TODAY
        )
        for o in site.offices:
            json.dumps(jsonld.government_office(o), allow_nan=False, default=str)


@pytest.mark.parametrize("kind", ["vacancy", "office"])
@PROPERTIES
@given(data=st.data())
def test_any_value_at_any_field_is_located_never_raised(kind, data):
    base = BASE[kind]
    all_paths = list(paths(base))
    path = data.draw(st.sampled_from(all_paths))
    value = data.draw(values)
    record = replaced(base, path, value)
    text = yaml.safe_dump(record, allow_unicode=data.draw(st.booleans()), sort_keys=False, width=60)
    loaded, errors = check(text, kind)
    if not errors and not loaded.problems:
        exercise_model(loaded, kind)


@PROPERTIES
@given(text=st.text(max_size=300) | st.sampled_from([GOOD_VACANCY[:n] for n in range(0, len(GOOD_VACANCY), 37)]))
def test_any_text_is_read_with_located_problems(text):
    check(text, "vacancy")
