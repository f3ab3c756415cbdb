"""Hostile text in records: it shows as text or the validator refuses it; it never runs.

A site is built from a copy of the fixture site plus one vacancy and one office whose every
text field tries something (script tags, ``</script>`` inside a description, attribute
breakouts, entity tricks, template syntax, RTL override, a 10,000-character description, a
120-character word as title). Every page is then parsed with ``html.parser`` and searched
for anything executable; JSON-LD and meta tags must still say exactly what the record says.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from support import SITE_FIXTURE, TODAY, parse_html

from antarkerja.errors import BuildFailed
from antarkerja.markup import render_markdown
from antarkerja.site.build import build_site

RLO = "\u202e"
TITLE = '<script>alert(1)</script> Operator "onmouseover="alert(1)'
EMPLOYER = "PT \"'><img src=x onerror=alert(2)> {{ 7*7 }} Jaya"
DESCRIPTION_START = (
    "</script><script>alert(3)</script> <!-- komentar --> <img src=x onerror=alert(4)>\n\n"
    '[tautan](https://contoh.example/" onmouseover="alert(5)) dan <a href="https://contoh.example" onclick="alert(6)">a</a>\n\n'
    "Nama berkas gpj.exe dan &lt;script&gt; serta &#60;b&#62;.\n\n"
)
LONG_WORD = "Operator" + "A" * 112


def hostile_vacancy(**changes) -> dict:
    filler = " ".join(["Mengoperasikan mesin produksi dengan teliti dan aman."] * 400)
    description = (DESCRIPTION_START + filler)[:9990] + " AKHIR."
    data = {
        "id": "lowongan-jahat",
        "title": TITLE,
        "status": "open",
        "employer": {"name": EMPLOYER, "legal_form": "pt", "website": "https://contoh.example/?a=1&b=2"},
        "location": {
            "country": "ID",
            "province": "32",
            "regency": "32.16",
            "address": '" onmouseover="alert(7)',
            "work_mode": "onsite",
        },
        "employment_type": "pkwtt",
        "openings": 3,
        "salary": {"disclosed": True, "min": 5000000, "unit": "MONTH", "currency": "IDR"},
        "education": {"minimum": "sma", "majors": ["</li><script>alert(8)</script>"]},
        "experience_months": 0,
        "kbji": "8",
        "kbli": "C",
        "description": description,
        "responsibilities": ["<b onclick=alert(9)>tebal</b>", "kebalik"],
        "qualifications": ["{% raw %}{{ config }}{% endraw %}"],
        "benefits": ["&amp; &lt;script&gt;"],
        "apply": {"email": "hrd@contoh.example", "instructions": "</script><!-- lamar -->", "walk_in": True},
        "date_posted": "2026-11-20",
        "valid_through": "2026-12-20",
        "verification": {"office": "kantor-jahat", "date": "2026-11-19"},
    }
    data.update(changes)
    return data


def hostile_office() -> dict:
    return {
        "id": "kantor-jahat",
        "name": "Disnaker </script><script>alert(10)</script>",
        "type": "disnaker_kabkota",
        "province": "32",
        "regency": "32.16",
        "address": '"><svg onload=alert(11)>',
        "phones": ["021-5550123"],
        "email": "a@contoh.example",
        "hours": [{"days": 'Senin"><script>', "open": "08:00", "close": "16:00"}],
        "notes": "<iframe src=javascript:alert(12)>",
    }


def make_root(tmp_path: Path, vacancy: dict) -> Path:
    root = tmp_path / "root"
    shutil.copytree(SITE_FIXTURE, root)  # follows the reference/pages links
    (root / "content/offices/kantor-jahat.yml").write_text(
        yaml.safe_dump(hostile_office(), allow_unicode=True), encoding="utf-8"
    )
    (root / f"content/vacancies/jawa-barat/{vacancy['id']}.yml").write_text(
        yaml.safe_dump(vacancy, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    return build_site(make_root(tmp, hostile_vacancy()), output=tmp / "out", today=TODAY.isoformat(), search=False)


def pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, parse_html(path.read_text(encoding="utf-8"))


def test_no_executable_injection_anywhere(hostile_site):
    problems = []
    for path, page in pages(hostile_site):
        name = path.relative_to(hostile_site).as_posix()
        for node in page.iter():
            for attr, value in node.attrs.items():
                if attr.startswith("on"):
                    problems.append(f"{name}: <{node.tag} {attr}>")
                empty_icon = (
                    node.tag == "link" and node.attrs.get("rel") == "icon" and value == "data:,"
                )  # ours: no favicon request
                if (
                    attr in ("href", "src", "action", "formaction", "xlink:href")
                    and re.match(r"\s*(javascript|data|vbscript):", value, re.I)
                    and not empty_icon
                ):
                    problems.append(f"{name}: {attr}={value[:40]}")
            # Our own inline SVG (statistics charts, QR codes) is drawn from theme templates;
            # whatever it holds must still pass the attribute and script checks here.
            ours_svg = node.tag == "svg" and node.attrs.get("class") in ("chart", "qr")
            if node.tag in ("iframe", "object", "embed", "svg", "img", "base", "foreignobject") and not ours_svg:
                problems.append(f"{name}: <{node.tag}>")
            if node.tag == "script":
                ours = node.attrs.get("type") in ("application/ld+json", "application/json") or re.match(
                    r"^/theme/js/[a-z]+\.js(\?v=\w+)?$", node.attrs.get("src", "")
                )
                if not ours:
                    problems.append(f"{name}: script {node.attrs}")
                if "src" in node.attrs and node.text.strip():
                    problems.append(f"{name}: script with src and body")
        forms = [f.attrs.get("action") for f in page.find_all("form")]
        if any(a not in ("/cari/", "/kirim-lowongan/") for a in forms):  # search; the officers' form
            problems.append(f"{name}: form action {forms}")
    assert not problems


def test_hostile_text_is_shown_as_text(hostile_site, read_page):
    page = read_page(hostile_site, "lowongan/lowongan-jahat/")
    assert page.find("h1").text == TITLE  # the tags are characters on the screen
    assert page.find("p", class_="emp").text == EMPLOYER
    desc = page.find("div", class_="desc")
    assert "</script><script>alert(3)</script>" in desc.text
    assert "<img src=x onerror=alert(4)>" in desc.text
    assert desc.text.rstrip().endswith("AKHIR.")  # all 10,000 characters are there
    assert "&lt;script&gt;" in desc.text  # an entity in the record stays literal text
    text = page.text
    assert "{{ 7*7 }}" in text and "49" not in page.find("p", class_="emp").text
    assert "<b onclick=alert(9)>tebal</b>" in text
    assert "</li><script>alert(8)</script>" in text
    # The Markdown link survives only as an https link with no attribute of its own.
    links = desc.find_all("a")
    assert links and all(a.attrs["href"].startswith("https://contoh.example/") for a in links)
    assert all(set(a.attrs) == {"href", "rel"} for a in links)


def test_rtl_override_never_reaches_the_page(hostile_site):
    # The validator refuses direction controls in every field of vacancies and offices (R414);
    # the page writer and JSON-LD drop them as well (tests/robustness covers both sides).
    for path in hostile_site.rglob("*.html"):
        assert RLO not in path.read_text(encoding="utf-8"), path


def test_meta_tags_say_exactly_the_record(hostile_site, read_page):
    page = read_page(hostile_site, "lowongan/lowongan-jahat/")
    assert page.find("meta", property="og:title").attrs["content"] == f"{TITLE} – {EMPLOYER}"
    assert page.find("title").text == f"{TITLE} – {EMPLOYER} – Antar Kerja"
    description = page.find("meta", name="description").attrs["content"]
    assert description.startswith("Kabupaten Bekasi, Jawa Barat · Rp 5.000.000 per bulan")
    assert "</script><script>alert(3)</script>" in description
    office = read_page(hostile_site, "kantor/kantor-jahat/")
    assert office.find("h1").text == "Disnaker </script><script>alert(10)</script>"


def test_json_ld_round_trips_hostile_text(hostile_site):
    raw = (hostile_site / "lowongan/lowongan-jahat/index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
    assert len(blocks) == 1
    assert "<" not in blocks[0] and "</script" not in blocks[0].lower()
    job = json.loads(blocks[0])
    assert job["title"] == TITLE
    assert job["hiringOrganization"]["name"] == EMPLOYER
    assert job["jobLocation"]["address"]["streetAddress"] == '" onmouseover="alert(7)'
    assert "&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in job["description"]
    assert "<script" not in job["description"]  # description HTML is the sanitized one
    office = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>',
        (hostile_site / "kantor/kantor-jahat/index.html").read_text(encoding="utf-8"),
        re.S,
    )
    assert json.loads(office[0])["name"] == "Disnaker </script><script>alert(10)</script>"


def test_long_title_stays_in_budget_and_breaks(hostile_site, tmp_path):
    """A 120-character word and a 10,000-character description still make one page."""
    root = make_root(tmp_path, hostile_vacancy(id="judul-panjang", title=LONG_WORD))
    site = build_site(root, output=tmp_path / "out", today=TODAY.isoformat(), search=False)
    page = parse_html((site / "lowongan/judul-panjang/index.html").read_text(encoding="utf-8"))
    assert page.find("h1").text == LONG_WORD
    assert "overflow-wrap:anywhere" in (site / "theme/css/site.css").read_text(encoding="utf-8").replace(" ", "")


@pytest.mark.parametrize(
    "field, value, code",
    [
        ("description", "Lamar di [sini](javascript:alert(1)) sekarang juga, semua lulusan diterima.", "R412"),
        ("description", "Kirim data lewat data:text/html;base64,PHNjcmlwdD4= ke kami untuk diproses.", "R412"),
        ("apply", {"url": "javascript:alert(1)"}, "S205"),
        ("employer", {"name": "PT X", "legal_form": "pt", "website": 'https://x.example/" onmouseover="a'}, "S205"),
        ("title", "T" * 121, "S208"),
        ("description", "x" * 10001, "S208"),
        ("responsibilities", [f"Nama berkas {RLO}gpj.exe"], "R414"),
    ],
    ids=[
        "markdown-javascript-link",
        "bare-data-url",
        "apply-url-javascript",
        "website-attribute-breakout",
        "title-too-long",
        "description-too-long",
        "rtl-override",
    ],
)
def test_validator_refuses_what_cannot_be_shown_safely(tmp_path, field, value, code):
    root = make_root(tmp_path, hostile_vacancy(**{field: value}))
    with pytest.raises(BuildFailed) as failure:
        build_site(root, output=tmp_path / "out", today=TODAY.isoformat(), search=False)
    assert re.search(rf"lowongan-jahat\.yml:\d+:\d+: {code} ", str(failure.value)), str(failure.value)
    assert not (tmp_path / "out").exists()


def test_sanitizer_drops_script_links_even_if_the_validator_missed_them():
    html = render_markdown("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) <script>x</script>")
    assert "javascript" not in html.lower() and "<script" not in html
