"""Search: what each open vacancy tells Pagefind, and the links into the search page.

The search page reads its state from the URL (``/cari/?q=operator&provinsi=Jawa+Barat``),
so a search can be shared, bookmarked and linked from region pages. ``FILTERS`` maps each
URL parameter to the Pagefind filter it sets; values are the Indonesian labels people see.
"""

from __future__ import annotations

from urllib.parse import urlencode

# URL parameter → (Pagefind filter name, label shown above its options)
FILTERS = {
    "provinsi": ("provinsi", "Provinsi"),
    "kabkota": ("kabkota", "Kabupaten/kota"),
    "sektor": ("sektor", "Sektor (KBLI)"),
    "jabatan": ("jabatan", "Golongan jabatan (KBJI)"),
    "pendidikan": ("pendidikan", "Pendidikan minimal"),
    "jenis": ("jenis", "Jenis hubungan kerja"),
    "cara_kerja": ("cara_kerja", "Cara kerja"),
    "lingkup": ("lingkup", "Dalam/luar negeri"),
    "disabilitas": ("disabilitas", "Ramah disabilitas"),
    "upah": ("upah", "Upah per bulan"),
    "tayang": ("tayang", "Tayang dalam"),
}
SEARCH_PATH = "cari/"


def pagefind_filters(v) -> list[tuple[str, str]]:
    """(filter, value) pairs for one open vacancy; a filter may repeat (``tayang``)."""
    pairs = [
        ("provinsi", v.province.name),
        ("kabkota", v.regency.name),
        ("sektor", v.kbli["short_name"]),
        ("jabatan", v.kbji_group["short_name"]),
        ("pendidikan", v.education["name"]),
        ("jenis", v.employment_type_label),
        ("cara_kerja", v.work_mode_label),
        ("lingkup", "Luar negeri" if v.is_abroad else "Dalam negeri"),
        ("upah", v.salary_band),
    ]
    if v.is_disability_friendly:
        pairs.append(("disabilitas", "Ramah disabilitas"))
    if v.posted_days_ago <= 7:
        pairs.append(("tayang", "7 hari terakhir"))
    if v.posted_days_ago <= 30:
        pairs.append(("tayang", "30 hari terakhir"))
    return pairs


def pagefind_sorts(v) -> dict[str, str]:
    """Sort keys as zero-padded strings so Pagefind's string sort orders them right."""
    return {
        "terbaru": v.date_posted.isoformat(),
        "tutup": v.valid_through.isoformat(),
        "upah": f"{v.salary_monthly:012d}",
    }


def search_link(siteurl: str = "", **params: str) -> str:
    """URL of the search page with ``params`` (e.g. ``provinsi="Jawa Barat"``) preset."""
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{siteurl}/{SEARCH_PATH}" + (f"?{query}" if query else "")
