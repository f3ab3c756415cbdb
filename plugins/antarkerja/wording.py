"""Indonesian wording shared by pages, feeds, messages and statistics: one home each.

Dates ("25 November 2026"), rupiah amounts ("4.500.000"), days left before a deadline and
country names. Templates get these as globals (``tanggal``, ``rupiah``, ``days_left_text``).
"""

from __future__ import annotations

from datetime import date

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]

COUNTRIES = {
    "ID": "Indonesia",
    "JP": "Jepang",
    "KR": "Korea Selatan",
    "TW": "Taiwan",
    "HK": "Hong Kong",
    "MY": "Malaysia",
    "SG": "Singapura",
    "SA": "Arab Saudi",
    "AE": "Uni Emirat Arab",
    "QA": "Qatar",
    "DE": "Jerman",
    "NL": "Belanda",
    "GB": "Inggris",
    "AU": "Australia",
    "NZ": "Selandia Baru",
    "BN": "Brunei Darussalam",
    "TR": "Turki",
    "PL": "Polandia",
    "US": "Amerika Serikat",
    "CN": "Tiongkok",
    "KW": "Kuwait",
    "OM": "Oman",
    "BH": "Bahrain",
    "IT": "Italia",
    "FR": "Prancis",
    "CA": "Kanada",
}


def tanggal(d: date) -> str:
    """Indonesian long date: 25 November 2026."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def rupiah(amount: int | float) -> str:
    """Thousands with dots, no currency: 4500000 → 4.500.000."""
    return f"{int(round(amount)):,}".replace(",", ".")


def country_name(code: str) -> str:
    return COUNTRIES.get(code, code)


DEADLINE = "Batas lamaran"  # the one name of valid_through, on cards, pages and search
SALARY_UNDISCLOSED = "Upah tidak dicantumkan"  # a card's salary line when no wage is given


def for_scripts() -> dict:
    """The words the site's scripts show, for the page's data (a script spells none of them:
    tests/test_js_wording.py): month names, the deadline's name, the undisclosed wage."""
    return {"months": MONTHS, "deadline": DEADLINE, "salaryUndisclosed": SALARY_UNDISCLOSED}


# Day counts, as Python writes them at build time and js/hari.js on the reader's device (it gets
# these templates through its script tag's data-kata: one home for both). {label} is the text
# before the date (DEADLINE on cards), {date} a date as tanggal() writes it, {n} a count of days.
DAY_WORDS = {
    "postedToday": "Tayang hari ini",
    "postedYesterday": "Tayang kemarin",
    "postedAgo": "Tayang {n} hari lalu",
    "closesToday": "{label} hari ini, {date}",
    "closesTomorrow": "{label} besok, {date}",
    "closesIn": "{label} {date} ({n} hari lagi)",
    "closesPast": "{label} sudah lewat ({date})",
    "leftIn": "({n} hari lagi)",
    "leftLast": "(hari terakhir)",
    "leftPast": "(sudah lewat)",
    "printed": "Dicetak {date}. ",
}


def days_left_text(days_left: int, closing: date) -> str:
    """How long a vacancy stays open, as cards and search results say it."""
    key = "closesToday" if days_left == 0 else "closesTomorrow" if days_left == 1 else "closesIn"
    return DAY_WORDS[key].format(label=DEADLINE, date=tanggal(closing), n=days_left)


def posted_ago_text(days: int) -> str:
    """How long ago a vacancy was posted."""
    key = "postedToday" if days <= 0 else "postedYesterday" if days == 1 else "postedAgo"
    return DAY_WORDS[key].format(n=days)


def closed_text(reason: str, closing: date) -> str:
    """Why a vacancy no longer takes applications, as one sentence (no repeated label)."""
    return {
        "filled": "Posisi ini sudah terisi.",
        "closed": "Pemberi kerja menutup lowongan ini sebelum batas lamaran.",
        "expired": f"Batas lamarannya sudah lewat ({tanggal(closing)}).",
    }[reason]


# What the search page understood from the typed words (antarkerja.site.query; search.js shows
# each as a removable chip). {amount} is written as rupiah() writes it, {level} an education
# label, {value} a filter's own label, {chip} one of these texts.
QUERY_WORDS = {
    "salaryAround": "Gaji sekitar Rp{amount} {per}",
    "salaryMin": "Gaji minimal Rp{amount} {per}",
    "salaryMax": "Gaji paling banyak Rp{amount} {per}",
    "per": {"HOUR": "per jam", "DAY": "per hari", "WEEK": "per minggu", "MONTH": "sebulan"},
    "units": {"HOUR": "Upah per jam", "DAY": "Upah harian", "WEEK": "Upah mingguan", "MONTH": "Gaji bulanan"},
    "education": "Pendidikan yang diminta: {level}",
    "filter": "{value}",
    "understood": "Dari kata yang Anda ketik:",
    "remove": "Hapus saringan: {chip}",
    "weaker": "Ada {n} lowongan lain yang hanya menyebut kata ini di isi lowongannya.",
}
