"""Domain rules for one vacancy: fakes, illegal fees, discrimination, incomplete data.

Text rules on fees, scams and discrimination (R401, R402, R43x, W53x and the text parts of
R403/R404) live in :mod:`antarkerja.records.rules.scams`, matched on normalised text.
"""

from __future__ import annotations

import re
from datetime import timedelta

from antarkerja.placement import HOME_COUNTRY, is_overseas
from antarkerja.records.rules.common import _hidden_direction_controls, joined_texts
from antarkerja.records.rules.registry import vacancy_rule
from antarkerja.records.rules.scams import AGE_TEXT, GENDER_TEXT, run_rule
from antarkerja.salary import Salary, minimum_wage, ump_date
from antarkerja.wording import rupiah

MAX_VALIDITY_DAYS = 90
MAX_PKWT_MONTHS = 60
LINK_SHORTENERS = (
    "bit.ly",
    "s.id",
    "tinyurl.com",
    "t.co",
    "goo.gl",
    "cutt.ly",
    "rebrand.ly",
    "shorturl.at",
    "ow.ly",
    "is.gd",
    "linktr.ee",
    "rb.gy",
    "tiny.cc",
    "lnkd.in",
    "v.gd",
)
SHORTENER = re.compile(
    r"(?:https?://|\b)(?:www\.)?(" + "|".join(re.escape(s) for s in LINK_SHORTENERS) + r")/\S", re.IGNORECASE
)
FREE_MAIL = {
    "gmail.com",
    "yahoo.com",
    "yahoo.co.id",
    "ymail.com",
    "rocketmail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "icloud.com",
    "aol.com",
    "mail.com",
    "proton.me",
    "protonmail.com",
}
COMPANY_FORMS = {"pt", "pt_perorangan", "cv", "firma", "bumn", "bumd", "koperasi", "yayasan", "asing"}
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
# Dangerous schemes written as text; `data:`/`file:` only in their URL shape, since prose
# like "mengolah data: Excel" is common.
BARE_SCHEME = re.compile(r"\b(javascript|vbscript)\s*:|\bdata:[a-z]+/[a-z0-9.+-]+[;,]|\bfile://", re.IGNORECASE)
LINK_OR_SCHEME = re.compile(MARKDOWN_LINK.pattern + "|" + BARE_SCHEME.pattern, re.IGNORECASE)
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")
LOW_EDUCATION = {"tidak_ada", "sd", "smp", "sma", "smk"}
TOO_GOOD_FACTOR = 3


def texts(v: dict):
    """``(path, text)`` for every field a job seeker reads as prose."""
    yield ("title",), v["title"]
    yield ("description",), v["description"]
    for name in ("responsibilities", "qualifications", "benefits"):
        for i, item in enumerate(v.get(name) or []):
            yield (name, i), item
    if v["apply"].get("instructions"):
        yield ("apply", "instructions"), v["apply"]["instructions"]


# Words without which a pattern cannot match: a substring test is far cheaper than a regex
# with alternatives, and almost every record is clean.
KEYWORDS = {
    LINK_OR_SCHEME: ("](", "script", "data:", "file:"),
}


def texts_matching(v: dict, pattern: re.Pattern):
    """The ``texts`` worth a closer look: none unless ``pattern`` occurs somewhere.

    One keyword test and at most one search over the whole record first; only a record
    that may match is searched field by field (to report the exact field and line).
    """
    fields = list(texts(v))
    joined = "\n".join(text for _, text in fields)
    lowered = joined.lower()
    if not any(word in lowered for word in KEYWORDS[pattern]) or not pattern.search(joined):
        return []
    return fields


@vacancy_rule(
    "R403",
    "Batas usia tanpa alasan tertulis",
    basis="SE Menaker M/6/HK.04/V/2025: batas usia hanya bila pekerjaan memang membutuhkan",
)
def age_limit_without_reason(v, ctx):
    """Age limit without a written justification."""
    age = v.get("age") or {}
    if (age.get("min") is not None or age.get("max") is not None) and not age.get("justification"):
        yield (
            ("age",),
            "batas usia tanpa alasan",
            "isi `age.justification` dengan alasan pekerjaan membutuhkan batas usia itu, atau hapus `age`",
        )
    if age.get("min") is not None and age.get("max") is not None and age["min"] > age["max"]:
        yield (
            ("age", "min"),
            f"usia minimal {age['min']} lebih besar dari usia maksimal {age['max']}",
            "tukar kedua nilai",
        )
    yield from run_rule(AGE_TEXT, v)


@vacancy_rule(
    "R404", "Syarat jenis kelamin tanpa alasan tertulis", basis="UU 13/2003 Pasal 5; SE Menaker M/6/HK.04/V/2025"
)
def gender_restriction_without_reason(v, ctx):
    """Gender restriction without a written justification."""
    gender = v.get("gender")
    if gender and not gender.get("justification"):
        yield (
            ("gender",),
            "syarat jenis kelamin tanpa alasan",
            "isi `gender.justification` dengan alasan pekerjaan membutuhkannya, atau hapus `gender`",
        )
    yield from run_rule(GENDER_TEXT, v)


@vacancy_rule(
    "R405",
    "Lowongan luar negeri tanpa skema, P3MI, SIP3MI atau job order",
    basis="UU 18/2017 Pasal 49–51: penempatan hanya oleh BP2MI, P3MI ber-SIP3MI, atau perusahaan untuk kepentingan sendiri, dengan perjanjian kerja/job order",
)
def overseas_without_licence(v, ctx):
    """Overseas vacancy without scheme, P3MI, SIP3MI licence or job order."""
    abroad = is_overseas(v)
    overseas = v.get("overseas")
    if abroad and not overseas:
        yield (
            ("location", "country"),
            "lowongan luar negeri tanpa data penempatan",
            "tambahkan kelompok `overseas` dengan `scheme`, `job_order`, `visa` dan (untuk P3MI) `p3mi_name` serta `sip3mi_number`",
        )
    elif overseas and not abroad:
        yield (
            ("overseas",),
            "data penempatan luar negeri pada lowongan dalam negeri",
            "hapus `overseas`, atau isi `location.country` dengan kode negara tujuan",
        )
    elif overseas and overseas["scheme"] == "p3mi":
        for key, label in (("p3mi_name", "nama P3MI"), ("sip3mi_number", "nomor SIP3MI")):
            if not overseas.get(key):
                yield (
                    ("overseas",),
                    f"skema P3MI tanpa {label}",
                    f"isi `overseas.{key}` sesuai izin dari Kemnaker/KP2MI; P3MI tanpa SIP3MI adalah penempatan ilegal",
                )


@vacancy_rule(
    "R406", "Tanggal berlaku sebelum tanggal tayang", basis="Perpres 57/2023: masa berlaku lowongan wajib dilaporkan"
)
def valid_through_before_posting(v, ctx):
    """Valid-through date before the posting date."""
    if v["valid_through"] < v["date_posted"]:
        yield (
            ("valid_through",),
            f"berlaku sampai {v['valid_through']} sebelum tanggal tayang {v['date_posted']}",
            "perbaiki salah satu tanggal",
        )


@vacancy_rule(
    "R407",
    "Masa tayang lebih dari 90 hari",
    basis="Kebijakan situs ini (bukan peraturan): lowongan diverifikasi ulang paling lama setiap 90 hari",
)
def validity_too_long(v, ctx):
    """Vacancy valid for more than 90 days."""
    try:
        limit = v["date_posted"] + timedelta(days=MAX_VALIDITY_DAYS)
    except OverflowError:  # 9999-12-31: R431 reports the date itself
        return
    if v["valid_through"] > limit:
        yield (
            ("valid_through",),
            f"masa tayang lebih dari {MAX_VALIDITY_DAYS} hari setelah {v['date_posted']}",
            f"isi paling lambat {limit}; bila masih dibuka, perpanjang setelah diverifikasi ulang",
        )


@vacancy_rule("R408", "PKWT lebih dari 60 bulan", basis="PP 35/2021 Pasal 8: PKWT paling lama 5 tahun")
def pkwt_too_long(v, ctx):
    """PKWT contract longer than 60 months."""
    months = v.get("contract_months")
    if v["employment_type"] == "pkwt" and months and months > MAX_PKWT_MONTHS:
        yield (
            ("contract_months",),
            f"kontrak PKWT {months} bulan melebihi {MAX_PKWT_MONTHS} bulan",
            "PKWT paling lama 5 tahun termasuk perpanjangan; perpendek kontrak atau jadikan PKWTT",
        )


@vacancy_rule("R409", "Data upah saling bertentangan", basis="Perpres 57/2023: upah termasuk informasi lowongan")
def salary_consistent(v, ctx):
    """Salary fields contradict each other."""
    s = v["salary"]
    if s["disclosed"]:
        if s.get("min") is None or not s.get("unit"):
            yield (
                ("salary",),
                "upah dicantumkan tetapi `min` atau `unit` kosong",
                "isi `salary.min` (rupiah) dan `salary.unit` (MONTH, DAY…), atau tulis `disclosed: false`",
            )
        elif s.get("max") is not None and s["max"] < s["min"]:
            yield (
                ("salary", "max"),
                f"upah tertinggi {s['max']} lebih kecil dari upah terendah {s['min']}",
                "tukar kedua nilai",
            )
    elif any(s.get(k) is not None for k in ("min", "max")):
        yield (
            ("salary", "disclosed"),
            "`disclosed: false` tetapi ada angka upah",
            "hapus angkanya, atau ubah menjadi `disclosed: true`",
        )


@vacancy_rule("R410", "Tidak ada cara melamar", basis="Pelamar harus tahu cara melamar")
def no_way_to_apply(v, ctx):
    """No way to apply."""
    a = v["apply"]
    if not (a.get("url") or a.get("email") or a.get("phone") or a.get("whatsapp") or a.get("walk_in")):
        yield (
            ("apply",),
            "tidak ada cara melamar",
            "isi minimal satu: `url`, `email`, `phone`, `whatsapp` atau `walk_in: true`",
        )


@vacancy_rule("R411", "Lingkup AKL/AKAD/AKAN tidak cocok dengan negara", basis="Permenaker 39/2016: AKL, AKAD, AKAN")
def scope_matches_country(v, ctx):
    """Placement scope disagrees with the country."""
    scope = v.get("scope")
    abroad = is_overseas(v)
    if scope and (scope == "AKAN") != abroad:
        yield (
            ("scope",),
            f"lingkup {scope} tidak cocok dengan negara {v['location']['country']}",
            "AKAN hanya untuk luar negeri; hapus `scope` agar dihitung otomatis",
        )


@vacancy_rule(
    "R412",
    "Tautan selain http(s), mailto dan tel",
    basis="Keamanan: hanya tautan http(s), mailto dan tel yang diizinkan",
)
def unsafe_link(v, ctx):
    """Link with a scheme other than http(s), mailto or tel."""
    for path, text in texts_matching(v, LINK_OR_SCHEME):
        targets = MARKDOWN_LINK.findall(text)
        bad = [t for t in targets if ":" in t.split("/")[0] and not t.lower().startswith(SAFE_SCHEMES)]
        match = BARE_SCHEME.search(text)
        if bad or match:
            shown = bad[0] if bad else match.group(0)
            yield (
                path,
                f'tautan tidak aman ("{shown[:60]}")',
                "pakai hanya tautan https://, mailto: atau tel:",
                text.find(shown),
            )


@vacancy_rule(
    "R413",
    "Tanggal verifikasi sesudah tanggal tayang",
    basis="Lowongan ditayangkan setelah diverifikasi Pengantar Kerja",
)
def verified_before_posting(v, ctx):
    """Verification date after the posting date."""
    if v["verification"]["date"] > v["date_posted"]:
        yield (
            ("verification", "date"),
            f"diverifikasi {v['verification']['date']}, sesudah tanggal tayang {v['date_posted']}",
            "lowongan baru boleh tayang setelah diverifikasi; perbaiki tanggalnya",
        )


@vacancy_rule(
    "R414",
    "Karakter pengendali arah teks (RTL/LTR) tersembunyi",
    basis="Keamanan: karakter tak terlihat dapat membalik tampilan teks (mis. menyamarkan nomor rekening atau tautan)",
)
def hidden_direction_controls(v, ctx):
    """Invisible bidirectional control characters, in any field."""
    return _hidden_direction_controls(v)


# Leftover template text: the scaffold's `ISI:` marks, "Tuliskan … di sini" and filler text.
PLACEHOLDER = re.compile(
    r"(?m:^[ \t]*ISI:)|(?i:\btuliskan\b[^.\n]{0,120}\bdi\s+sini\b|\blorem\s+ipsum\b|\[(isi|diisi)\b[^\]\n]*\])"
)
# Literals without which PLACEHOLDER cannot match ASCII text (lower case: its (?i) part).
PLACEHOLDER_WORDS = ("tuliskan", "lorem", "[isi", "[diisi")


def _maybe_placeholder(record) -> bool:
    """Whether PLACEHOLDER may match a text of ``record``: substring tests on every text at once."""
    joined = joined_texts(record)
    # Case-insensitive matching also knows non-ASCII forms of i, k and s: then look closer.
    if type(record) is not dict or not joined.isascii():
        return True
    lowered = joined.lower()
    return "ISI:" in joined or any(word in lowered for word in PLACEHOLDER_WORDS)


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


@vacancy_rule(
    "R415",
    'Masih ada teks contoh yang belum diganti (ISI:, "Tuliskan … di sini")',
    basis="Lowongan yang tayang harus berisi informasi sebenarnya (Perpres 57/2023)",
)
def leftover_template_text(v, ctx):
    """Template text from `antarkerja new vacancy` or a copied example that was never filled in."""
    if not _maybe_placeholder(v):
        return
    for path, text in _strings(v):
        match = PLACEHOLDER.search(text)
        if match:
            yield (
                path,
                f"masih berisi teks contoh ({match.group(0).strip()[:40]!r})",
                "ganti dengan isi sebenarnya dari pemberi kerja, lalu periksa lagi",
                match.start(),
            )


@vacancy_rule(
    "W501", "Upah bulanan di bawah UMP provinsi", basis="PP 36/2021 jo. PP 51/2023 dan PP 49/2025: upah minimum"
)
def salary_below_minimum_wage(v, ctx):
    """Monthly full-time salary below the province's UMP."""
    salary = Salary.from_record(v["salary"])
    found = minimum_wage(v, ctx.ref)
    if found and salary.below_minimum(found[1]["amount"]):
        year, entry = found
        # The UMP in force on the posting date (salary.ump_date; each year's applies from 1 January).
        in_force = ump_date(v).year
        checked = "" if entry.get("verified") else ", angka belum diverifikasi"
        per_month = "" if salary.unit == "MONTH" else f" (setara Rp{rupiah(salary.monthly_low)} per bulan)"
        unset = ctx.ref.ump.get(in_force, {}).get(v["location"]["province"])
        why = "belum ditetapkan" if unset else "belum tercatat di content/reference/ump.yml"
        missing = (
            f"; UMP {in_force} provinsi ini {why}, jadi dibandingkan dengan UMP {year}" if year != in_force else ""
        )
        yield (
            ("salary", "min"),
            f"upah {salary.text}{per_month} di bawah UMP {year} provinsi ini (Rp{rupiah(entry['amount'])}{checked})"
            + missing,
            "pastikan upah tidak di bawah upah minimum; periksa juga UMK kabupaten/kota"
            + (f" dan UMP {in_force} yang berlaku" if year != in_force else ""),
        )


@vacancy_rule(
    "W502",
    "Perusahaan hanya bisa dihubungi lewat WhatsApp pribadi atau email gratis",
    basis="Pencegahan lowongan palsu",
)
def personal_contact_only(v, ctx):
    """A company that can only be reached by a personal WhatsApp or a free-mail address."""
    if v["employer"]["legal_form"] not in COMPANY_FORMS:
        return
    a = v["apply"]
    if a.get("url") or a.get("walk_in") or a.get("phone"):
        return
    email = a.get("email")
    domain = (email or "").rpartition("@")[2].lower()
    if (email and domain in FREE_MAIL) or (not email and a.get("whatsapp")):
        yield (
            ("apply",),
            "perusahaan hanya bisa dihubungi lewat WhatsApp pribadi atau email gratis",
            "minta alamat email berdomain perusahaan, situs resmi, atau jadikan `walk_in: true` di kantor pemverifikasi",
        )


@vacancy_rule(
    "W503",
    "Tautan pendek (bit.ly dan sejenisnya)",
    basis="Pencegahan lowongan palsu: tautan pendek menyembunyikan tujuannya",
)
def link_shortener(v, ctx):
    """Link shortener hides where a link goes."""
    candidates = list(texts(v)) + [
        (("apply", "url"), v["apply"].get("url") or ""),
        (("employer", "website"), v["employer"].get("website") or ""),
    ]
    lowered = "\n".join(text for _, text in candidates).lower()
    if not any(domain in lowered for domain in LINK_SHORTENERS):
        return
    for path, text in candidates:
        match = SHORTENER.search(text)
        if match:
            yield (
                path,
                f"tautan pendek ({match.group(1)})",
                "tulis alamat lengkapnya agar pelamar tahu tujuannya",
                match.start(),
            )


@vacancy_rule(
    "W504", "Masa percobaan pada PKWT", basis="PP 35/2021 Pasal 12: PKWT tidak boleh mensyaratkan masa percobaan"
)
def probation_on_pkwt(v, ctx):
    """Probation on a fixed-term (PKWT) contract."""
    if v["employment_type"] == "pkwt" and (v.get("probation_months") or 0) > 0:
        yield (
            ("probation_months",),
            "masa percobaan pada PKWT",
            "hapus `probation_months`; masa percobaan pada PKWT batal demi hukum",
        )


@vacancy_rule("W505", "Upah terlalu tinggi untuk tanpa pengalaman", basis="Pencegahan lowongan palsu")
def too_good_to_be_true(v, ctx):
    """High pay for no experience and basic schooling."""
    if v["experience_months"] > 0 or v["education"]["minimum"] not in LOW_EDUCATION or is_overseas(v):
        return
    top = Salary.from_record(v["salary"]).monthly_high
    found = ctx.ref.ump_for(v["location"]["province"], v["date_posted"].year)
    if found and top >= TOO_GOOD_FACTOR * found[1]["amount"]:
        yield (
            ("salary",),
            f"upah hingga Rp{rupiah(top)} per bulan tanpa pengalaman, lebih dari {TOO_GOOD_FACTOR}× UMP",
            "pastikan pemberi kerja nyata dan upahnya benar sebelum ditayangkan",
        )


@vacancy_rule(
    "W506",
    "Bekerja di luar negeri dengan visa kunjungan",
    basis="UU 18/2017 Pasal 5: pekerja migran wajib memiliki visa kerja",
)
def tourist_visa_overseas(v, ctx):
    """Overseas work on a visit/tourist visa."""
    if (v.get("overseas") or {}).get("visa") == "kunjungan":
        yield (
            ("overseas", "visa"),
            "bekerja di luar negeri dengan visa kunjungan",
            "visa kunjungan tidak boleh untuk bekerja; pastikan visa kerja, atau jangan tayangkan",
        )


@vacancy_rule(
    "R470",
    "Tanggal terisi tidak ada atau tidak cocok dengan status",
    basis="Perpres 57/2023 Pasal 6: pemberi kerja wajib melaporkan lowongan yang telah terisi",
)
def filled_date_matches_status(v, ctx):
    """``status: filled`` needs the date the vacancy was filled; other statuses have none."""
    filled = v.get("filled_date")
    if v["status"] == "filled" and filled is None:
        yield (
            ("status",),
            "lowongan terisi tanpa tanggal terisi",
            "tambahkan `filled_date: TTTT-BB-HH`, tanggal pemberi kerja melaporkan lowongan ini terisi",
        )
    elif filled is not None and v["status"] != "filled":
        yield (
            ("filled_date",),
            f"ada tanggal terisi, tetapi status lowongan `{v['status']}`",
            "ubah status menjadi `filled`, atau hapus `filled_date`",
        )
    elif filled is not None and filled < v["date_posted"]:
        yield (
            ("filled_date",),
            f"terisi {filled}, sebelum tanggal tayang {v['date_posted']}",
            "perbaiki tanggalnya: lowongan terisi sesudah ditayangkan",
        )


# Perpres 57/2023 Pasal 5 ayat (1): a vacancy report holds (a) the employer's identity, (b) the
# job title and the number of workers needed, (c) the validity period and (d) job information:
# age, sex, education, skills or competence, work experience, wage, work location and other
# information the job needs. The schema requires (a) name and legal form, (b) title and
# openings, (c) valid_through, and education, experience and location; age and sex limits are
# allowed only with a reason (R403/R404), so their absence states "no limit". What a record may
# still lack is checked here: skills or competence (the `qualifications` list: a description
# may mention skills, but no rule can read that reliably, so the list is what counts), the wage
# and, abroad, the work city. docs/accuracy.md maps every item to its field.
PERPRES_ARTICLE_5 = "Perpres 57/2023 Pasal 5 ayat (1)"
# Employment relations paid a wage by time. A partnership (bagi hasil), piece work agreed per
# job ("lainnya") and an apprenticeship's allowance have no wage to state in the same way.
WAGED = {"pkwtt", "pkwt", "harian_lepas", "paruh_waktu"}
# The findings' words, one home: the web form's checker shows the same (site.outputs.form).
ARTICLE_5_SKILLS = (
    f"keterampilan atau kompetensi yang dibutuhkan tidak disebut ({PERPRES_ARTICLE_5} huruf d: "
    "keterampilan atau kompetensi)",
    "tuliskan di Kualifikasi (`qualifications`) keterampilan atau kompetensi yang diminta pemberi kerja, "
    "satu per butir, misalnya `- Mampu mengoperasikan forklift`",
)
ARTICLE_5_WAGE = (
    f"upah tidak dicantumkan ({PERPRES_ARTICLE_5} huruf d: upah atau gaji)",
    "minta pemberi kerja mencantumkan upah (`salary.min`, `salary.unit`)",
)


def states_skills(v) -> bool:
    """The record names at least one skill or competence (a non-blank `qualifications` item)."""
    items = v.get("qualifications")
    return isinstance(items, list) and any(isinstance(item, str) and item.strip() for item in items)


def hides_wage(v) -> bool:
    """Work paid by time whose wage is not stated (``salary.disclosed: false``)."""
    salary, kind = v.get("salary"), v.get("employment_type")
    return isinstance(salary, dict) and salary.get("disclosed") is False and isinstance(kind, str) and kind in WAGED


@vacancy_rule(
    "W570",
    "Laporan lowongan tanpa unsur wajib Perpres 57/2023 Pasal 5",
    basis=f"{PERPRES_ARTICLE_5}: identitas pemberi kerja, jabatan dan jumlah, masa berlaku, informasi jabatan",
)
def perpres_article_5_items(v, ctx):
    """An item of the vacancy report that Perpres 57/2023 Art. 5 asks for is missing.

    Each item is checked on its own, so a record the schema rejects elsewhere still hears
    about every missing item (the web form's checker gives the same verdict).
    """
    if not states_skills(v):
        # Absent: located at the record's first line; an empty list: at its key.
        yield (("qualifications",), *ARTICLE_5_SKILLS)
    if hides_wage(v):
        yield (("salary", "disclosed"), *ARTICLE_5_WAGE)
    location = v.get("location")
    if isinstance(location, dict) and location.get("country") not in (None, HOME_COUNTRY) and not location.get("city"):
        yield (
            ("location",),
            f"kota tempat bekerja di luar negeri tidak disebut ({PERPRES_ARTICLE_5} huruf d: domisili wilayah kerja)",
            "isi `location.city`, misalnya `city: Osaka`",
        )
