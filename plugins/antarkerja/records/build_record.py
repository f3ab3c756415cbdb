"""A new vacancy record from an officer's answers: the one builder behind every way in.

``antarkerja new vacancy`` (:mod:`antarkerja.records.scaffold`), the issue form
(:mod:`antarkerja.records.issueform`) and the web form ``/kirim-lowongan/`` all turn answers into
the same record. Each reads and checks its answers in its own way (flags and prompts, an issue
body, form fields); what the answers become is decided here once:

* answers are keyed by record path (``"employer.name"``, ``"salary.min"``) and placed in the
  nested record; an answer of None is left out;
* the status of a new vacancy is ``open``;
* the location is in Indonesia, its province the chosen regency's;
* the salary the forms ask for is monthly rupiah (:func:`salary_for`): a lowest figure gives
  a stated salary (the highest defaults to the lowest), no figure an undisclosed one;
* the id comes from title, employer and regency (:func:`antarkerja.urls.vacancy_id`) unless
  one is given.

The web form runs in the browser, so it cannot call this module: its spec
(``kirim-lowongan/formulir.json``, :mod:`antarkerja.site.outputs.form`) carries
:func:`form_rules`, and ``theme/static/js/form.js`` builds the salary from them.
``tests/test_records_build_record.py`` proves that ``new`` and ``issue`` give the same record for
the same answers, and that the spec carries this module's rules.
"""

from __future__ import annotations

from datetime import date

from antarkerja.placement import HOME_COUNTRY
from antarkerja.reference import Reference
from antarkerja.urls import vacancy_id

NEW_STATUS = "open"
# The forms ask for the wage per month in rupiah (Perpres 57/2023 Art. 5: "upah atau gaji").
STATED_SALARY = {"disclosed": True, "unit": "MONTH", "currency": "IDR"}
UNSTATED_SALARY = {"disclosed": False}


def salary_for(low: int | None, high: int | None = None) -> dict:
    """The salary mapping of monthly rupiah answers: stated from the lowest figure, else undisclosed."""
    if low is None:
        return dict(UNSTATED_SALARY)
    return {**STATED_SALARY, "min": low, "max": low if high is None else high}


def new_vacancy(answers: dict, ref: Reference, posted: date | None = None) -> dict:
    """The record of ``answers`` (record path → value).

    ``salary.min``/``salary.max`` become the salary mapping (:func:`salary_for`); an answer for
    ``salary.disclosed`` instead (``false``, or a scaffold's ``ISI:`` text) stands as it is.
    An unknown regency leaves the location as answered: the caller reports it.
    """
    record: dict = {"status": NEW_STATUS}
    for dotted, value in answers.items():
        if value is None:
            continue
        *parents, last = dotted.split(".")
        node = record
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
    salary = record.pop("salary", {})
    if "min" in salary or "disclosed" not in salary:
        record["salary"] = salary_for(salary.get("min"), salary.get("max"))
    else:
        record["salary"] = {"disclosed": salary["disclosed"]}
    location = record.get("location") or {}
    regency = ref.regencies.get(location.get("regency"))
    if regency is not None:
        record["location"] = {"country": HOME_COUNTRY, "province": regency.province_code, **location}
        if "id" not in record:
            employer = (record.get("employer") or {}).get("name", "")
            record["id"] = vacancy_id(record.get("title", ""), employer, regency.short_name)
    if posted is not None:
        record["date_posted"] = posted
    return record


def form_rules() -> dict:
    """What the web form's script needs to build the same record (``formulir.json``, ``record``)."""
    return {
        "status": NEW_STATUS,
        "country": HOME_COUNTRY,
        "salaryStated": dict(STATED_SALARY),
        "salaryUnstated": dict(UNSTATED_SALARY),
    }
