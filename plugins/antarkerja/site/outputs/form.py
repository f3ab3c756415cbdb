"""The web form ``/kirim-lowongan/``: officers fill in a vacancy, GitHub's editor opens prefilled.

Writes (paths from :mod:`antarkerja.urls`):

==================================  =========================================================
``kirim-lowongan/index.html``       the page (``theme/templates/form/submit.html``)
``kirim-lowongan/formulir.json``    what the form is built from: fields, labels, help, required
                                    marks, choices with Indonesian labels, patterns and limits
                                    (all from the schema, the same field list as the issue form,
                                    :data:`antarkerja.records.issueform.FIELDS`), the schema's key order
                                    for the YAML, regions, offices and the repository URL
==================================  =========================================================

The page's script (``theme/static/js/form.js``) builds the fields from that file, shows a
live YAML preview in the canonical layout of :mod:`antarkerja.records.fmt`, keeps a draft in
``localStorage`` and, on submit, opens GitHub's "new file" page at
``content/vacancies/<province>/`` with the file name and text filled in (``REPOSITORY_URL``
in ``pelicanconf.py``, else the environment variable ``ANTARKERJA_REPOSITORY_URL``, which the
deploy workflow sets to the repository it runs in); copying and downloading the file are the fallbacks. The result is an
ordinary pull request, checked like any other.

One verdict: before a file is handed over, the script runs ``checkRecord``, every check of the
validator that one record decides, with the validator's codes and hints, at each field; no
GitHub page opens while an error stands (warnings do not block), and copy/download say which
fields carry which codes. Only cross-file checks (duplicate ids, the office's province) wait
for ``antarkerja validate``.

* Schema (required, type, limits, length, format) and rules R403/R404 (their ``age``/``gender``
  fields), R406–R410, R412–R415, W502 and W570 (skills and wage, Perpres 57/2023 Art. 5): hand-written JavaScript fed with data from this spec
  (limits, formats, required groups, the bidi characters, the 90-day and 60-month limits, the
  link patterns of R412).
* The text rules of :mod:`antarkerja.records.rules.scams` (R401 fees, R402 discrimination, the
  text parts of R403/R404, R450–R462, W530–W536): Cek lowongan's own engine
  (``theme/static/js/checkengine.js``, loaded by this page only) with the rules file the build
  publishes (``cek-lowongan/aturan.json``), on every text :func:`~antarkerja.records.rules.scams.record_texts`
  reads, weak signals counted across the record's texts as the validator counts them. What
  that file leaves out comes from this spec: each code's hint, the record conditions it marks
  validator-only (W535 only for a non-public employer, R403/R404 only without a written
  justification: :data:`TEXT_CONDITIONS`) and W532's pattern (the form always writes a
  domestic vacancy, so W533 never applies). If the rules file does not load, the page says
  that these rules are checked after sending.

Bytes a phone downloads for this, gzip -9 (measured on the built files): form.js 9,504 →
11,586 B (+2.1 KB), the spec +1.6 KB (hints, conditions, patterns), checkengine.js 2.9 KB and
aturan.json 11.3 KB, the last two shared with Cek lowongan (same rules URL, so a visit to one
caches it for the other): about 18 KB more in all, against megabytes of Pyodide before a
first check. ``tests/test_form_parity.py`` proves on 520 records (samples with schema, date,
salary and text mutations, the texts of the shared conformance cases among them) that the
form and ``antarkerja validate`` give the same codes at the same fields.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from antarkerja.present import BIDI_CHARS
from antarkerja.records.build_record import form_rules
from antarkerja.records.issueform import FIELDS, _options, _rules, format_of, help_of, label_of
from antarkerja.records.rules.scams import TEXT_RULES, _leaving
from antarkerja.records.rules.vacancy import (
    ARTICLE_5_SKILLS,
    ARTICLE_5_WAGE,
    BARE_SCHEME,
    COMPANY_FORMS,
    FREE_MAIL,
    MARKDOWN_LINK,
    MAX_PKWT_MONTHS,
    MAX_VALIDITY_DAYS,
    WAGED,
)
from antarkerja.records.schema import ecmascript_pattern
from antarkerja.records.schema import vacancy as vacancy_schema
from antarkerja.reference import load_reference
from antarkerja.site.outputs import File, OutputContext, Page
from antarkerja.site.outputs.common import dump
from antarkerja.urls import ID_BASE_LENGTH, save_as, url

WIDGETS = {"input": "text", "textarea": "textarea", "dropdown": "select", "list": "list", "checkbox": "checkbox"}


def _key_order(schema: dict) -> dict:
    """The schema's key order, nested: ``{"id": {}, "employer": {"name": {}, ...}, ...}``."""
    return {k: _key_order(r.get("schema", {})) if r.get("type") == "dict" else {} for k, r in schema.items()}


# The web form chooses a province, then a regency, from two lists: the issue form's help
# ("code or full name") describes a text box and would confuse here.
REGION_HELP = "Pilih provinsi, lalu kabupaten/kota tempat kerja. Folder berkas ditentukan dari sini."
OFFICE_HELP = "Kantor yang memverifikasi lowongan ini; daftarnya mengikuti provinsi yang dipilih."
# Offices that verify vacancies anywhere in the country stay in every province's list.
NATIONAL_OFFICES = ("kemnaker",)


# rules.scams: the ``applies`` conditions of the text rules, as data (W535: employer is no public
# body; R403/R404: no written justification). tests/test_form_parity.py proves them equal.
TEXT_CONDITIONS = {
    "W535": {"group": "employer", "field": "legal_form", "notIn": ["bumn", "bumd", "instansi"]},
    "R403": {"group": "age", "empty": "justification"},
    "R404": {"group": "gender", "empty": "justification"},
}


def form_spec(ref, offices: list, repository_url: str, siteurl: str = "") -> dict:
    schema = vacancy_schema.schema(ref)
    fields = []
    for f in FIELDS:
        rules = _rules(schema, f)
        meta = rules.get("meta", {})
        kind = rules.get("type")
        widget = WIDGETS[f.widget]
        if kind == "date":
            widget = "date"
        elif kind == "integer":
            widget = "number"
        elif f.key == "regency":
            widget = "region"
        elif f.key == "office":
            widget = "office"
        elif "regex" in rules and "@" in rules["regex"]:
            widget = "email"
        item = {
            "key": f.key,
            "path": list(f.path),
            "widget": widget,
            "label": label_of(f, schema),
            "help": REGION_HELP if widget == "region" else OFFICE_HELP if widget == "office" else help_of(f, meta),
            "required": f.required,
        }
        if widget == "office":
            item["link"] = {"href": f"{siteurl}/{url('offices')}", "text": "Daftar kantor dan ID-nya"}
        if meta.get("format") and widget not in ("select", "date", "region", "office"):
            item["format"] = format_of(meta)
        if "regex" in rules and widget not in ("region", "office"):
            item["pattern"] = ecmascript_pattern(rules["regex"])
        for limit in ("min", "max", "minlength", "maxlength"):
            if limit in rules and kind != "list":
                item[limit] = rules[limit]
        if f.widget == "dropdown":
            item["options"] = [{"value": code, "label": text} for text, code in _options(rules).items()]
        if f.placeholder:
            item["placeholder"] = f.placeholder
        if bool(rules.get("required")) != f.required:
            item["schemaRequired"] = bool(rules.get("required"))  # the validator's verdict (S201)
        fields.append(item)
    return {
        "version": 1,
        "repository": repository_url.rstrip("/"),
        "branch": "main",
        "folder": "content/vacancies",
        "idLength": ID_BASE_LENGTH,
        "fields": fields,
        "order": _key_order(schema),
        # How answers become the record (status, country, the salary mapping): the one builder's
        # rules (records.build_record), which `antarkerja new` and the issue path call.
        "record": form_rules(),
        # What the form's checker needs to give the validator's verdict on one record
        # (theme/js/form.js, checkRecord; tests/test_form_parity.py proves the agreement).
        "rules": {
            "groups": {
                key: {"required": bool(r.get("required")), "label": r.get("meta", {}).get("label", key)}
                for key, r in schema.items()
                if r.get("type") == "dict"
            },
            "bidi": BIDI_CHARS,
            "maxValidityDays": MAX_VALIDITY_DAYS,
            "maxPkwtMonths": MAX_PKWT_MONTHS,
            "companyForms": sorted(COMPANY_FORMS),
            "freeMail": sorted(FREE_MAIL),
            # W570 (rules.vacancy.perpres_article_5_items): the Perpres 57/2023 Art. 5 items a
            # form answer can leave out (skills, the wage), with the validator's words.
            "article5": {"waged": sorted(WAGED), "skills": ARTICLE_5_SKILLS, "wage": ARTICLE_5_WAGE},
            # R412 (rules.vacancy.unsafe_link): both patterns read alike in JavaScript.
            "markdownLink": MARKDOWN_LINK.pattern,
            "bareScheme": BARE_SCHEME.pattern,
            # The text rules come from cek-lowongan/aturan.json; what that file leaves out:
            # the validator's hint for each code, the record conditions it marks validator-only,
            # and W532's pattern (a domestic vacancy written about working abroad).
            "textHints": {rule.code: rule.hint for rule in TEXT_RULES},
            "textConditions": TEXT_CONDITIONS,
            "leaving": _leaving().pattern,
        },
        "provinces": [{"code": p.code, "name": p.name, "slug": p.slug} for p in ref.provinces.values()],
        "regencies": [
            {"code": r.code, "province": r.province_code, "name": r.name, "short": r.short_name}
            for r in ref.regencies.values()
        ],
        "offices": [
            {"id": o.id, "name": o.name, "province": o.data["province"]}
            | ({"national": True} if o.data.get("type") in NATIONAL_OFFICES else {})
            for o in offices
        ],
    }


def outputs(site, ctx: OutputContext) -> Iterable[Page | File]:
    root = ctx.root
    repository = ctx.settings.get("REPOSITORY_URL") or os.environ.get("ANTARKERJA_REPOSITORY_URL", "")
    spec = form_spec(load_reference(root), site.offices, repository, ctx.siteurl)
    yield File(url("submit_spec"), dump(spec))
    yield Page(
        save_as("submit"),
        "form/submit",
        {
            "page_url": url("submit"),
            "spec_url": url("submit_spec"),
            "rules_url": url("check_rules"),
            "has_repository": bool(spec["repository"]),
        },
    )
