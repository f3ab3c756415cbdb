"""Structured data: JobPosting on open vacancies, GovernmentOffice on offices, read back from
the built pages the way a search engine parses them."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from antarkerja.site.outputs import jsonld

HOSTILE = [
    "</script><script>alert(1)</script>",
    "</SCRIPT >",
    "<!-- <script>",
    "a & b <b>tebal</b> \u2028 \u2029",
    "\u202egpj.exe",
    'kutip " dan \\ garis miring',
]


def ld(read_page, site, url) -> list[dict]:
    page = read_page(site, url)
    return [json.loads(s.text) for s in page.find_all("script", type="application/ld+json")]


def job_posting(read_page, site, url) -> dict:
    found = [d for d in ld(read_page, site, url) if d.get("@type") == "JobPosting"]
    assert len(found) == 1
    return found[0]


def test_job_posting_has_required_and_recommended_properties(fixture_site, read_page):
    job = job_posting(read_page, fixture_site, "lowongan/operator-produksi-bekasi/")
    assert job["@context"] == "https://schema.org/"
    # Google's required properties.
    assert job["title"] == "Operator Produksi"
    assert (
        "<em>injection moulding</em>" in job["description"]
        and "<li>Uang makan dan transport</li>" in job["description"]
    )
    assert job["datePosted"] == "2026-11-18"
    assert job["hiringOrganization"] == {
        "@type": "Organization",
        "name": "PT Uji Manufaktur Nusantara",
        "sameAs": "https://uji-manufaktur.example.id",
    }
    address = job["jobLocation"]["address"]
    assert job["jobLocation"]["@type"] == "Place" and address["@type"] == "PostalAddress"
    assert address == {
        "@type": "PostalAddress",
        "streetAddress": "Kawasan Industri Uji Blok C2, Cikarang",
        "addressLocality": "Kabupaten Bekasi",
        "addressRegion": "Jawa Barat",
        "addressCountry": "ID",
    }
    # Recommended ones.
    assert job["validThrough"] == "2027-01-15T23:59:59+07:00"
    assert job["employmentType"] == ["FULL_TIME", "TEMPORARY"]
    assert job["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "IDR",
        "value": {"@type": "QuantitativeValue", "unitText": "MONTH", "minValue": 4500000, "maxValue": 5200000},
    }
    assert job["identifier"] == {"@type": "PropertyValue", "name": "Antar Kerja", "value": "operator-produksi-bekasi"}
    assert job["directApply"] is False
    assert job["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "high school",
    }
    assert job["experienceRequirements"] == {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 12}
    assert job["occupationalCategory"]["codeValue"] == "8" and job["occupationalCategory"]["inCodeSet"] == "KBJI 2014"
    assert job["totalJobOpenings"] == 15 and isinstance(job["totalJobOpenings"], int)
    assert job["url"] == "/lowongan/operator-produksi-bekasi/"
    assert "jobLocationType" not in job


def test_remote_undisclosed_job_posting(fixture_site, read_page):
    job = job_posting(read_page, fixture_site, "lowongan/penulis-konten-jarak-jauh/")
    assert job["jobLocationType"] == "TELECOMMUTE"
    assert job["applicantLocationRequirements"] == {"@type": "Country", "name": "Indonesia"}
    assert "baseSalary" not in job  # not disclosed: no made-up figure
    assert job["educationRequirements"]["credentialCategory"] == "bachelor degree"
    assert job["employmentType"] == ["PART_TIME"]


def test_overseas_and_daily_pay(fixture_site, read_page):
    job = job_posting(read_page, fixture_site, "lowongan/perawat-lansia-jepang/")
    assert job["jobLocation"]["address"]["addressCountry"] == "JP"
    assert job["jobLocation"]["address"]["addressLocality"] == "Osaka"
    assert job["baseSalary"]["currency"] == "JPY"
    assert job["experienceRequirements"] == "no requirements"


def test_closed_pages_have_no_job_posting(fixture_site, read_page):
    for vid in ("kasir-terisi-bekasi", "staf-gudang-ditutup-bekasi", "teknisi-kedaluwarsa-bandung"):
        assert ld(read_page, fixture_site, f"lowongan/{vid}/") == []


def test_office_page_is_a_government_office(fixture_site, read_page):
    (office,) = ld(read_page, fixture_site, "kantor/disnaker-kabupaten-bekasi/")
    assert office["@type"] == "GovernmentOffice"
    assert office["name"] == "Dinas Tenaga Kerja Kabupaten Bekasi"
    assert office["address"]["postalCode"] == "17530" and office["address"]["addressCountry"] == "ID"
    assert office["telephone"] == "021-5550123"
    assert office["geo"] == {"@type": "GeoCoordinates", "latitude": -6.3, "longitude": 107.17}
    days = [spec["dayOfWeek"] for spec in office["openingHoursSpecification"]]
    assert days == [
        [
            "https://schema.org/Monday",
            "https://schema.org/Tuesday",
            "https://schema.org/Wednesday",
            "https://schema.org/Thursday",
        ],
        ["https://schema.org/Friday"],
    ]
    assert office["parentOrganization"]["url"] == "/kantor/disnaker-provinsi-jawa-barat/"


def test_home_declares_the_site_search(fixture_site_published, read_page):
    (site,) = ld(read_page, fixture_site_published, "")
    assert site["@type"] == "WebSite"
    assert site["potentialAction"]["target"]["urlTemplate"] == "https://contoh.example/cari/?q={search_term_string}"


def test_published_job_posting_url_is_absolute(fixture_site_published, read_page):
    job = job_posting(read_page, fixture_site_published, "lowongan/operator-produksi-bekasi/")
    assert job["url"] == "https://contoh.example/lowongan/operator-produksi-bekasi/"


@pytest.mark.parametrize("text", HOSTILE)
def test_script_json_round_trips_and_cannot_close_the_script(text):
    data = {"title": text, "nested": {"list": [text, text.upper()]}}
    out = jsonld.script_json(data)
    # Bidi controls are dropped (as on the HTML page); everything else round-trips.
    assert json.loads(out) == json.loads(json.dumps(data).replace("\\u202e", ""))
    lowered = out.lower()
    assert "</script" not in lowered and "<!--" not in lowered
    # "<" is what could end the script or open a comment; ">" and "&" are inert in a script
    # element's raw text and stay readable (an HTML description has many of them).
    assert not set(out) & {"<", "\u2028", "\u2029", "\u202e"}


@pytest.mark.parametrize(
    "text, days",
    [
        ("Senin–Kamis", ["Monday", "Tuesday", "Wednesday", "Thursday"]),
        ("Senin - Jumat", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        ("Senin s.d. Rabu", ["Monday", "Tuesday", "Wednesday"]),
        ("Sabtu", ["Saturday"]),
        ("Senin, Rabu dan Jum'at", ["Monday", "Wednesday", "Friday"]),
        ("Setiap hari kerja", []),
        ("Jumat–Senin", []),
    ],
)
def test_opening_days_are_read_or_left_out(text, days):
    assert jsonld.parse_days(text) == [f"https://schema.org/{d}" for d in days]


@pytest.mark.parametrize("province, offset", [("32", "+07:00"), ("51", "+08:00"), ("73", "+08:00"), ("94", "+09:00")])
def test_valid_through_ends_at_local_midnight(province, offset):
    assert jsonld.utc_offset(province) == offset


def test_salary_with_a_single_amount():
    v = SimpleNamespace(salary={"disclosed": True, "min": 150000, "unit": "DAY"}, salary_currency="IDR")
    assert jsonld.base_salary(v) == {
        "@type": "MonetaryAmount",
        "currency": "IDR",
        "value": {"@type": "QuantitativeValue", "unitText": "DAY", "value": 150000},
    }
