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


def days_left_text(days_left: int, closing: date) -> str:
    """How long a vacancy stays open, as cards and search results say it."""
    if days_left == 0:
        return f"{DEADLINE} hari ini, {tanggal(closing)}"
    if days_left == 1:
        return f"{DEADLINE} besok, {tanggal(closing)}"
    return f"{DEADLINE} {tanggal(closing)} ({days_left} hari lagi)"


def posted_ago_text(days: int) -> str:
    """How long ago a vacancy was posted."""
    if days <= 0:
        return "Tayang hari ini"
    if days == 1:
        return "Tayang kemarin"
    return f"Tayang {days} hari lalu"


def closed_text(reason: str, closing: date) -> str:
    """Why a vacancy no longer takes applications, as one sentence (no repeated label)."""
    return {
        "filled": "Posisi ini sudah terisi.",
        "closed": "Pemberi kerja menutup lowongan ini sebelum batas lamaran.",
        "expired": f"Batas lamarannya sudah lewat ({tanggal(closing)}).",
    }[reason]
