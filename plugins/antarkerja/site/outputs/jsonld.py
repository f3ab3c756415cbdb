"""schema.org structured data: JobPosting for open vacancies, GovernmentOffice for offices.

Not a family of its own: the pages family embeds what these functions return.

Pure functions from model objects to dicts, and :func:`script_json` to put a dict inside
``<script type="application/ld+json">`` safely.

JobPosting follows Google's job-posting documentation: the required properties (title,
description, datePosted, hiringOrganization, jobLocation with addressCountry) always, the
recommended ones when the record has them. Closed and expired vacancies get no JobPosting at
all (Google asks to remove the markup of expired postings).
"""

from __future__ import annotations

import html
import json
import re

from antarkerja.present import strip_bidi
from antarkerja.salary import Salary
from antarkerja.site.outputs.common import absolute_url

# validThrough ends at midnight local time: WIB (UTC+7) unless the province is in WITA/WIT.
WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}

# Indonesian day names → schema.org DayOfWeek, for opening hours like "Senin–Kamis".
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
DAY_URIS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DAY_ALIASES = {"jum'at": "jumat", "jum’at": "jumat", "ahad": "minggu"}

# Characters JSON may hold but HTML must not see raw inside <script>: every "<" (so no
# "</script" and no "<!--") and the JS line separators. ">" and "&" are harmless in a script
# element's raw text and stay as they are (a description in HTML has many of them).
# Bidi controls are dropped, as on the HTML page.
_SCRIPT_UNSAFE = re.compile("[<\u2028\u2029]")


def script_json(data: dict) -> str:
    """JSON for a ``<script>`` element: ``<`` (and the JS line separators) as ``\\uXXXX``.

    The result parses back to ``data`` (minus bidi controls) and can never contain ``</script`` or
    ``<!--``, whatever the record text says.
    """
    text = strip_bidi(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return _SCRIPT_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def utc_offset(province_code: str) -> str:
    return "+09:00" if province_code in WIT else "+08:00" if province_code in WITA else "+07:00"


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def job_description_html(v) -> str:
    """The sanitized description plus the three lists, as HTML (Google shows it as such)."""
    parts = [v.description_html]
    for key, heading in (
        ("responsibilities", "Tugas dan tanggung jawab"),
        ("qualifications", "Kualifikasi"),
        ("benefits", "Fasilitas"),
    ):
        items = v.data.get(key) or []
        if items:
            parts.append(f"<h3>{heading}</h3><ul>" + "".join(f"<li>{_escape(i)}</li>" for i in items) + "</ul>")
    return "".join(parts)


def job_location(v) -> dict:
    loc = v.location
    address = {"@type": "PostalAddress"}
    if loc.get("address"):
        address["streetAddress"] = loc["address"]
    if v.is_abroad:
        if loc.get("city"):
            address["addressLocality"] = loc["city"]
    else:
        address["addressLocality"] = v.regency.name
        address["addressRegion"] = v.province.name
    address["addressCountry"] = loc["country"]
    return {"@type": "Place", "address": address}


def base_salary(v) -> dict | None:
    info = Salary.from_record(v.salary)  # range, single or undisclosed: Salary decides
    if info.kind == "undisclosed":
        return None
    value = {"@type": "QuantitativeValue", "unitText": info.unit}
    if info.kind == "range":
        value["minValue"] = info.minimum
        value["maxValue"] = info.maximum
    else:
        value["value"] = info.minimum
    return {"@type": "MonetaryAmount", "currency": v.salary_currency, "value": value}


def job_posting(v, siteurl: str = "", sitename: str = "Antar Kerja") -> dict:
    """JobPosting for an open vacancy."""
    employer = v.employer
    organization = {"@type": "Organization", "name": employer["name"]}
    if employer.get("website"):
        organization["sameAs"] = employer["website"]
    url = absolute_url(siteurl, v.url)
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": v.title,
        "description": job_description_html(v),
        "identifier": {"@type": "PropertyValue", "name": sitename, "value": v.id},
        "datePosted": v.date_posted.isoformat(),
        "validThrough": f"{v.valid_through.isoformat()}T23:59:59{utc_offset(v.location['province'])}",
        "employmentType": v.schema_org_employment_types,
        "hiringOrganization": organization,
        "jobLocation": job_location(v),
        "directApply": False,  # people apply with the employer or at the office, not on this site
        "totalJobOpenings": v.data["openings"],
        "occupationalCategory": {
            "@type": "CategoryCode",
            "codeValue": v.data["kbji"],
            "name": v.kbji_group["name"],
            "inCodeSet": "KBJI 2014",
        },
        "industry": v.kbli["name"],
        "url": url,
    }
    if v.location["work_mode"] == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {
            "@type": "Country",
            "name": "Indonesia" if not v.is_abroad else v.country_name,
        }
    salary = base_salary(v)
    if salary:
        data["baseSalary"] = salary
    category = v.education.get("schema_org")
    if category:
        data["educationRequirements"] = {"@type": "EducationalOccupationalCredential", "credentialCategory": category}
    elif v.data["education"]["minimum"] == "tidak_ada":
        data["educationRequirements"] = "no requirements"
    months = v.data["experience_months"]
    if months:
        data["experienceRequirements"] = {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": months}
    else:
        data["experienceRequirements"] = "no requirements"
    if v.majors:
        data["qualifications"] = "Jurusan: " + ", ".join(v.majors)
    if v.data.get("benefits"):
        data["jobBenefits"] = "; ".join(v.data["benefits"])
    return data


def opening_hours(hours: list[dict]) -> list[dict]:
    """OpeningHoursSpecification for entries whose days we can read ("Senin–Kamis", "Jumat")."""
    specs = []
    for entry in hours:
        days = parse_days(entry["days"])
        if days:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": days,
                    "opens": entry["open"],
                    "closes": entry["close"],
                }
            )
    return specs


def parse_days(text: str) -> list[str]:
    """'Senin–Kamis' → Monday…Thursday; 'Senin, Rabu' → Monday, Wednesday; unknown → []."""
    # Split on the separator alone and strip the pieces: "\s*…\s*" around it rescans every
    # run of spaces from each of its positions (quadratic on a long run).
    pieces = (w.strip() for w in re.split(r",|\bdan\b", text.lower()))
    words = [_DAY_ALIASES.get(w, w) for w in pieces if w]
    index = [d.lower() for d in DAYS]
    found: list[str] = []
    for word in words:
        ends = re.split(r"[–—-]|(?<!\S)(?:s\.?d\.?|sampai)(?!\S)", word)
        ends = [_DAY_ALIASES.get(e.strip(), e.strip()) for e in ends]
        if not all(e in index for e in ends) or len(ends) > 2:
            return []
        start, stop = index.index(ends[0]), index.index(ends[-1])
        if stop < start:
            return []
        found += [f"https://schema.org/{DAY_URIS[i]}" for i in range(start, stop + 1)]
    return found


def government_office(o, siteurl: str = "") -> dict:
    address = {"@type": "PostalAddress", "streetAddress": o.data["address"]}
    if o.regency:
        address["addressLocality"] = o.regency.name
    address["addressRegion"] = o.province.name
    if o.data.get("postal_code"):
        address["postalCode"] = o.data["postal_code"]
    address["addressCountry"] = "ID"
    data = {
        "@context": "https://schema.org/",
        "@type": "GovernmentOffice",
        "name": o.name,
        "url": absolute_url(siteurl, o.url),
        "address": address,
        "areaServed": {"@type": "AdministrativeArea", "name": o.regency.name if o.regency else o.province.name},
    }
    if o.data.get("phones"):
        data["telephone"] = o.data["phones"][0]
    if o.data.get("email"):
        data["email"] = o.data["email"]
    if o.data.get("website"):
        data["sameAs"] = o.data["website"]
    geo = o.data.get("geo")
    if geo:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": geo["lat"], "longitude": geo["lon"]}
    hours = opening_hours(o.data.get("hours") or [])
    if hours:
        data["openingHoursSpecification"] = hours
    if o.parent:
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": o.parent.name,
            "url": absolute_url(siteurl, o.parent.url),
        }
    return data


def website(siteurl: str, sitename: str, search_path: str) -> dict:
    """WebSite with a SearchAction: lets search engines offer a search box for the site."""
    return {
        "@context": "https://schema.org/",
        "@type": "WebSite",
        "name": sitename,
        "url": absolute_url(siteurl, ""),
        "inLanguage": "id",
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(siteurl, search_path) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
