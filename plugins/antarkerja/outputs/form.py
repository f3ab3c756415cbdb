"""The web form ``/kirim-lowongan/``: officers fill in a vacancy, GitHub's editor opens prefilled.

Writes (paths from :mod:`antarkerja.urls`):

==================================  =========================================================
``kirim-lowongan/index.html``       the page (``theme/templates/form/submit.html``)
``kirim-lowongan/formulir.json``    what the form is built from: fields, labels, help, required
                                    marks, choices with Indonesian labels, patterns and limits
                                    (all from the schema, the same field list as the issue form,
                                    :data:`antarkerja.issueform.FIELDS`), the schema's key order
                                    for the YAML, regions, offices and the repository URL
==================================  =========================================================

The page's script (``theme/static/js/form.js``) builds the fields from that file, shows a
live YAML preview in the canonical layout of :mod:`antarkerja.fmt`, keeps a draft in
``localStorage`` and, on submit, opens GitHub's "new file" page at
``content/vacancies/<province>/`` with the file name and text filled in (``REPOSITORY_URL``
in ``pelicanconf.py``, else the environment variable ``ANTARKERJA_REPOSITORY_URL``, which the
deploy workflow sets to the repository it runs in); copying and downloading the file are the fallbacks. The result is an
ordinary pull request, checked like any other.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from antarkerja.issueform import FIELDS, _options, _rules, format_of, help_of, label_of
from antarkerja.outputs import File, OutputContext, Page
from antarkerja.outputs.api import dump
from antarkerja.reference import load_reference
from antarkerja.schema import ecmascript_pattern
from antarkerja.schema import vacancy as vacancy_schema
from antarkerja.urls import save_as, url

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
        fields.append(item)
    return {
        "version": 1,
        "repository": repository_url.rstrip("/"),
        "branch": "main",
        "folder": "content/vacancies",
        "fields": fields,
        "order": _key_order(schema),
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
        {"page_url": url("submit"), "spec_url": url("submit_spec"), "has_repository": bool(spec["repository"])},
    )
