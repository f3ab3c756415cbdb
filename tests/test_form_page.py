"""The web form's page and the JSON it is built from, as written by the build."""

from __future__ import annotations

import json

from antarkerja.records.issueform import FIELDS


def test_form_spec_carries_schema_regions_and_offices(fixture_site):
    spec = json.loads((fixture_site / "kirim-lowongan/formulir.json").read_text(encoding="utf-8"))
    assert [f["key"] for f in spec["fields"]] == [f.key for f in FIELDS]
    fields = {f["key"]: f for f in spec["fields"]}
    assert fields["title"]["required"] and fields["title"]["maxlength"] == 120
    assert {"value": "smk", "label": "SMK/MAK"} in fields["education"]["options"]
    assert fields["apply_email"]["pattern"].startswith("^") and "alamat email" in fields["apply_email"]["format"]
    assert fields["valid_through"]["widget"] == "date" and fields["openings"]["min"] == 1
    assert len(spec["provinces"]) == 38 and len(spec["regencies"]) == 514
    assert {"id": "disnaker-kabupaten-bekasi", "name": "Dinas Tenaga Kerja Kabupaten Bekasi", "province": "32"} in (
        spec["offices"]
    )
    assert fields["office"]["link"] == {"href": "/kantor/", "text": "Daftar kantor dan ID-nya"}
    assert "Kode atau nama lengkap" not in fields["regency"]["help"]
    assert list(spec["order"])[:3] == ["id", "example", "title"] and "regency" in spec["order"]["location"]
    assert spec["repository"] == ""  # REPOSITORY_URL is empty in pelicanconf.py


def test_form_page_explains_itself_without_javascript_and_is_linked(fixture_site):
    html = (fixture_site / "kirim-lowongan/index.html").read_text(encoding="utf-8")
    assert "<noscript>" in html and "formulir issue atau editor web GitHub" in html
    assert 'data-spec="/kirim-lowongan/formulir.json"' in html
    assert 'id="kirim-github" hidden' in html  # no repository configured: copy and download only
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert 'href="/kirim-lowongan/">Kirim lowongan (untuk petugas)</a>' in home


def test_repository_url_comes_from_settings_or_the_deploy_environment(root, monkeypatch):
    from types import SimpleNamespace

    from antarkerja.site.outputs import File, OutputContext
    from antarkerja.site.outputs.form import outputs

    site = SimpleNamespace(offices=[])
    settings = {"ANTARKERJA_ROOT": str(root), "PATH": str(root / "content")}

    def spec(extra):
        ctx = OutputContext(siteurl="", sitename="Antar Kerja", settings={**settings, **extra})
        [data] = [item.data for item in outputs(site, ctx) if isinstance(item, File)]
        return json.loads(data)["repository"]

    monkeypatch.setenv("ANTARKERJA_REPOSITORY_URL", "https://github.com/contoh/antarkerja")
    assert spec({}) == "https://github.com/contoh/antarkerja"
    assert spec({"REPOSITORY_URL": "https://github.com/lain/repo/"}) == "https://github.com/lain/repo"


def test_national_offices_are_marked_for_every_province(root):
    from types import SimpleNamespace

    from antarkerja.reference import load_reference
    from antarkerja.site.outputs.form import form_spec

    offices = [
        SimpleNamespace(id="kemnaker", name="Kementerian Ketenagakerjaan", data={"province": "31", "type": "kemnaker"}),
        SimpleNamespace(
            id="disnaker-kota-batam", name="Disnaker Batam", data={"province": "21", "type": "disnaker_kabkota"}
        ),
    ]
    spec = form_spec(load_reference(root), offices, "", "https://contoh.id")
    assert spec["offices"] == [
        {"id": "kemnaker", "name": "Kementerian Ketenagakerjaan", "province": "31", "national": True},
        {"id": "disnaker-kota-batam", "name": "Disnaker Batam", "province": "21"},
    ]
    office = next(f for f in spec["fields"] if f["key"] == "office")
    assert office["link"]["href"] == "https://contoh.id/kantor/"


def test_only_the_form_page_loads_the_text_rules_engine_and_the_spec_adds_what_the_rules_file_lacks(fixture_site):
    from antarkerja.records.rules.scams import TEXT_RULES

    html = (fixture_site / "kirim-lowongan/index.html").read_text(encoding="utf-8")
    assert 'data-rules="/cek-lowongan/aturan.json"' in html
    assert html.index("js/checkengine.js") < html.index("js/form.js")  # the engine is there first
    for other in ("index.html", "kantor/index.html"):
        assert "checkengine.js" not in (fixture_site / other).read_text(encoding="utf-8"), other
    rules = json.loads((fixture_site / "kirim-lowongan/formulir.json").read_text(encoding="utf-8"))["rules"]
    published = json.loads((fixture_site / "cek-lowongan/aturan.json").read_text(encoding="utf-8"))
    assert [r["code"] for r in published["rules"]] == [r.code for r in TEXT_RULES]
    assert rules["textHints"]["R401"].startswith("hapus permintaan biaya")
    assert set(rules["textHints"]) == {r.code for r in TEXT_RULES}
    # Every record condition the rules file marks validator-only is one the form applies.
    marked = {r["code"] for r in published["rules"] if r["validatorOnlyCondition"]}
    assert marked == set(rules["textConditions"])
