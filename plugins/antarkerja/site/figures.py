"""Labour-market figures ("Informasi Pasar Kerja") computed once from the loaded model.

Every statistics page, chart, JSON and CSV file reads a :class:`Stats` made here, so the
numbers a person reads on a page and those a program downloads are the same numbers. Pure
Python over :class:`antarkerja.site.model.Site`; nothing here knows about HTML or files.

What is counted (say it on every page, see ``NOTES``):

* **Open vacancies** (``site.open_vacancies``: status open, closing date not passed on the
  build's "today") and their **openings** (people wanted, the records' ``openings``).
  A region's vacancies are those whose work is there (:func:`antarkerja.site.model.counts_in_region`):
  overseas vacancies count in the "Luar negeri" scope, and a province's page lists those it
  recruits for apart (tables "lingkup" and "negara").
* **Salary**: the monthly midpoint of a disclosed rupiah range, ``(min + max) / 2`` (``min``
  alone when there is no max), converted to a month as PP 36/2021 counts it
  (:attr:`antarkerja.salary.Salary.monthly_mid`); domestic vacancies only; undisclosed and foreign
  currency salaries are left out. Quartiles are inclusive (like a spreadsheet's
  ``QUARTILE.INC``); one salary is its own median and quartiles.
* **Outcomes** (Perpres 57/2023 Art. 6): every record still in the repository by how it stands
  on "today": open, filled (``status: filled``), expired (open but past ``valid_through``) or
  withdrawn (``status: closed``); per province on the national page, per verifying office on
  a province's page. **Days to fill** = ``filled_date - date_posted`` of filled records; the
  median is :func:`statistics.median` (the mean of the two middle values for an even count).
* **Trend**: vacancies by the month of ``date_posted``, over every record still in the
  repository (open, closed, filled or expired), for the :data:`TREND_MONTHS` months up to
  today. A record deleted from the repository is no longer counted.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date

from antarkerja.site.model import counts_in_region
from antarkerja.urls import url
from antarkerja.wording import COUNTRIES, MONTHS

TREND_MONTHS = 12


@dataclass
class Row:
    code: str
    label: str
    vacancies: int = 0
    openings: int = 0
    url: str = ""  # a page with more about this group (a province's statistics, a regency page)


@dataclass
class Table:
    """Open vacancies and openings broken down by one dimension."""

    key: str  # stable machine name, also the HTML id and the CSV "tabel" column
    title: str
    rows: list[Row]
    note: str = ""
    label_heading: str = "Kelompok"
    caption: str = ""  # the table's caption; by default "Tabel: lowongan dibuka <title>"

    def __post_init__(self):
        if not self.caption:
            self.caption = f"Tabel: lowongan dibuka {lower_first(self.title)}"


@dataclass
class SalaryRow:
    code: str  # province (or regency) code
    label: str
    count: int  # vacancies with a disclosed monthly rupiah salary
    q1: int | None = None
    median: int | None = None
    q3: int | None = None
    ump: int | None = None
    ump_year: int | None = None
    ump_verified: bool = False
    below_ump: int = 0  # vacancies whose midpoint is under the UMP


# How a vacancy stands today, in the order the page shows (antarkerja.site.model.Vacancy.closed_reason).
OUTCOMES = {"open": "Dibuka", "filled": "Terisi", "expired": "Kedaluwarsa", "closed": "Ditarik/ditutup"}


@dataclass
class OutcomeRow:
    """How a group's vacancies end (Perpres 57/2023 Art. 6): counts and days to fill."""

    code: str
    label: str
    url: str = ""
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    days_to_fill: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def median_days_to_fill(self) -> float | None:
        return statistics.median(self.days_to_fill) if self.days_to_fill else None


def outcome(v) -> str:
    """``open``, ``filled``, ``expired`` or ``closed`` (withdrawn) on the model's today."""
    return v.closed_reason or "open"


def days_to_fill(v) -> int | None:
    filled = v.data.get("filled_date")
    return (filled - v.date_posted).days if v.status == "filled" and filled else None


def outcome_rows(records, key, label, link=lambda code: "") -> tuple[list[OutcomeRow], OutcomeRow]:
    """One row per group (``key(v)`` → code, ``label(v)`` → name), by most records, and the total."""
    rows: dict[str, OutcomeRow] = {}
    total = OutcomeRow("jumlah", "Jumlah")
    for v in records:
        code = key(v)
        row = rows.get(code)
        if row is None:
            row = rows[code] = OutcomeRow(code, label(v), link(code))
        state = outcome(v)
        days = days_to_fill(v)
        for r in (row, total):
            r.counts[state] += 1
            if days is not None:
                r.days_to_fill.append(days)
    ordered = sorted(rows.values(), key=lambda r: (-r.total, r.label))
    return ordered, total


@dataclass
class Stats:
    scope: str  # "Indonesia" or a province name
    today: date
    vacancies: int
    openings: int
    tables: list[Table] = field(default_factory=list)
    salary: list[SalaryRow] = field(default_factory=list)
    trend: Table | None = None
    disability_vacancies: int = 0
    disability_openings: int = 0
    outcomes: list[OutcomeRow] = field(default_factory=list)  # per province, or per office in a province
    outcome_total: OutcomeRow | None = None
    outcome_heading: str = "Provinsi"

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    @property
    def disability_share(self) -> float:
        """Share of open vacancies marked disability-friendly, 0–100 (one decimal)."""
        return round(100 * self.disability_vacancies / self.vacancies, 1) if self.vacancies else 0.0

    @property
    def disability_openings_share(self) -> float:
        return round(100 * self.disability_openings / self.openings, 1) if self.openings else 0.0


NOTES = {
    "scope": (
        "Angka dihitung dari lowongan yang dibuka (belum ditutup, belum terisi, dan belum lewat batas "
        "lamaran) pada tanggal data. Lowongan sebuah provinsi adalah lowongan yang tempat kerjanya di "
        "provinsi itu; lowongan luar negeri dihitung terpisah, dan di halaman provinsi hanya pada tabel "
        "luar negeri (menurut daerah rekrutmennya)."
    ),
    "salary": (
        "Upah bulanan = nilai tengah rentang upah yang dicantumkan (minimum dan maksimum dibagi dua), "
        "diubah ke per bulan (25 hari kerja atau 173 jam sebulan). Hanya lowongan dalam negeri dengan "
        "upah dalam rupiah; lowongan tanpa upah tercantum tidak dihitung. Kuartil dihitung inklusif."
    ),
    "ump": (
        "Angka UMP dicatat dari pengumuman pemerintah provinsi atau pemberitaan, masing-masing dengan "
        "sumbernya; yang bertanda belum diverifikasi belum dicocokkan dengan keputusan gubernur atau "
        "pengumuman resmi provinsi. Jangan dipakai sebagai acuan resmi; cek keputusan gubernur setempat. "
        "UMK kabupaten/kota sering lebih tinggi dan tidak dicatat di sini."
    ),
    "outcomes": (
        "Semua lowongan yang masih tercatat di situs menurut keadaannya pada tanggal data: dibuka, terisi "
        "(dilaporkan terisi oleh pemberi kerja, Perpres 57/2023 Pasal 6), kedaluwarsa (lewat batas lamaran "
        "tanpa laporan terisi) atau ditarik/ditutup. Lama terisi = hari dari tanggal tayang sampai tanggal "
        "terisi; nilai tengah (median) dari lowongan yang terisi."
    ),
    "trend": (
        "Jumlah lowongan menurut bulan tanggal tayangnya, dari semua lowongan yang masih tercatat di situs "
        "(dibuka maupun sudah ditutup). Lowongan yang dihapus dari data tidak terhitung, dan bulan berjalan "
        "belum lengkap. Angka ini bukan jumlah seluruh lowongan di Indonesia: hanya yang diverifikasi dan "
        "dimuat di situs ini."
    ),
}


def lower_first(text: str) -> str:
    """ "Menurut sektor usaha (KBLI 2020)" → "menurut sektor usaha (KBLI 2020)": only the first
    letter, so codes and names inside keep their capitals."""
    return text[:1].lower() + text[1:]


def midpoint_monthly(v) -> int | None:
    """A domestic rupiah salary's monthly midpoint, or None when it is not comparable."""
    if v.is_abroad:
        return None
    return v.salary_info.monthly_mid or None


def quartiles(values: list[int]) -> tuple[int, int, int]:
    """Inclusive first quartile, median and third quartile, rounded to whole rupiah."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return int(round(q1)), int(round(q2)), int(round(q3))


def _count(vacancies, key, label, order: list[str] | None = None) -> list[Row]:
    rows: dict[str, Row] = {}
    for v in vacancies:
        code = key(v)
        row = rows.get(code)
        if row is None:
            row = rows[code] = Row(code, label(v))
        row.vacancies += 1
        row.openings += v.data["openings"]
    if order is not None:
        return [rows[c] for c in order if c in rows]
    return sorted(rows.values(), key=lambda r: (-r.vacancies, -r.openings, r.label))


def salary_row(code: str, label: str, vacancies, ref, year: int, province_code: str | None) -> SalaryRow:
    values = sorted(m for m in (midpoint_monthly(v) for v in vacancies) if m is not None)
    row = SalaryRow(code, label, len(values))
    if values:
        row.q1, row.median, row.q3 = quartiles(values)
    found = ref.ump_for(province_code, year) if province_code else None
    if found:
        row.ump_year, entry = found
        row.ump = int(entry["amount"])
        row.ump_verified = bool(entry.get("verified"))
        row.below_ump = sum(1 for m in values if m < row.ump)
    return row


def month_key(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def month_label(key: str) -> str:
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def trend(records, today: date, months: int = TREND_MONTHS) -> Table:
    keys = []
    y, m = today.year, today.month
    for _ in range(months):
        keys.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    keys.reverse()
    rows = {k: Row(k, month_label(k)) for k in keys}
    for v in records:
        row = rows.get(month_key(v.date_posted))
        if row is not None:
            row.vacancies += 1
            row.openings += v.data["openings"]
    return Table(
        "tren",
        "Lowongan tayang per bulan",
        list(rows.values()),
        NOTES["trend"],
        "Bulan",
        caption="Tabel: lowongan tayang per bulan (dibuka maupun sudah ditutup)",
    )


def records_by_province(site) -> dict[str, list]:
    """Every record (open or not) by province code, for :func:`compute`'s trend."""
    found: dict[str, list] = {}
    for v in site.vacancies:
        found.setdefault(v.location["province"], []).append(v)
    return found


def compute(site, province=None, records: list | None = None) -> Stats:
    """Figures for the whole site, or for one province (a :class:`antarkerja.site.model.Region`).

    ``records`` (a province's records, open or not) saves a pass over the whole site per
    province; see :func:`records_by_province`.
    """
    if province is None:
        open_vacancies = site.open_vacancies
        records = site.vacancies
        scope = "Indonesia"
    else:
        open_vacancies = province.vacancies  # work in the province (model.counts_in_region)
        if records is None:
            records = [v for v in site.vacancies if v.location["province"] == province.code]
        scope = province.name
    ref = site.ref or (site.vacancies[0].ref if site.vacancies else None)
    stats = Stats(scope, site.today, len(open_vacancies), sum(v.data["openings"] for v in open_vacancies))

    if province is None:
        region = Table(
            "wilayah",
            "Menurut provinsi",
            _count(
                [v for v in open_vacancies if counts_in_region(v)], lambda v: v.province.code, lambda v: v.province.name
            ),
            label_heading="Provinsi",
        )
    else:
        region = Table(
            "wilayah",
            "Menurut kabupaten/kota",
            _count(open_vacancies, lambda v: v.regency.code, lambda v: v.regency.name),
            label_heading="Kabupaten/kota",
        )
    for row in region.rows:
        if province is None:
            row.url = url("province_stats", slug=ref.provinces[row.code].slug)
        else:
            row.url = url("regency", slug=ref.regencies[row.code].slug)
    stats.tables.append(region)
    stats.tables.append(
        Table(
            "sektor",
            "Menurut sektor usaha (KBLI 2020)",
            _count(open_vacancies, lambda v: v.data["kbli"], lambda v: f"{v.data['kbli']} {v.kbli['short_name']}"),
            label_heading="Kategori KBLI",
        )
    )
    stats.tables.append(
        Table(
            "jabatan",
            "Menurut golongan jabatan (KBJI 2014)",
            _count(
                open_vacancies, lambda v: v.data["kbji"][0], lambda v: f"{v.data['kbji'][0]} {v.kbji_group['name']}"
            ),
            label_heading="Golongan pokok KBJI",
        )
    )
    education_order = list(ref.education) if ref else None
    stats.tables.append(
        Table(
            "pendidikan",
            "Menurut pendidikan minimal",
            _count(
                open_vacancies, lambda v: v.data["education"]["minimum"], lambda v: v.education["name"], education_order
            ),
            note="SMK/MAK dihitung terpisah dari SMA/MA.",
            label_heading="Pendidikan minimal",
        )
    )
    type_order = list(ref.employment_types) if ref else None
    stats.tables.append(
        Table(
            "jenis",
            "Menurut jenis hubungan kerja",
            _count(open_vacancies, lambda v: v.data["employment_type"], lambda v: v.employment_type_label, type_order),
            label_heading="Jenis hubungan kerja",
        )
    )
    # Overseas vacancies a province recruits for are not its vacancies, but belong on its page.
    abroad = [v for v in open_vacancies if v.is_abroad] if province is None else province.recruiting_abroad
    scope_rows = _count(
        [*open_vacancies, *([] if province is None else abroad)],
        lambda v: "luar" if v.is_abroad else "dalam",
        lambda v: "Luar negeri" if v.is_abroad else "Dalam negeri",
        ["dalam", "luar"],
    )
    stats.tables.append(
        Table(
            "lingkup",
            "Dalam negeri dan luar negeri",
            scope_rows,
            note="" if province is None else "Luar negeri: lowongan dengan daerah rekrutmen di provinsi ini.",
            label_heading="Lingkup",
        )
    )
    stats.tables.append(
        Table(
            "negara",
            "Lowongan luar negeri menurut negara tujuan",
            _count(
                abroad,
                lambda v: v.location["country"],
                lambda v: COUNTRIES.get(v.location["country"], v.location["country"]),
            ),
            label_heading="Negara tujuan",
        )
    )
    friendly = [v for v in open_vacancies if v.is_disability_friendly]
    stats.disability_vacancies = len(friendly)
    stats.disability_openings = sum(v.data["openings"] for v in friendly)

    if ref is not None:
        year = site.today.year
        if province is None:
            by_province: dict[str, list] = {}
            for v in open_vacancies:
                if not counts_in_region(v):
                    continue
                by_province.setdefault(v.province.code, []).append(v)
            stats.salary = [
                salary_row(code, ref.provinces[code].name, by_province[code], ref, year, code)
                for code in sorted(by_province)
            ]
        else:
            stats.salary = [salary_row(province.code, province.name, open_vacancies, ref, year, province.code)]
    stats.trend = trend(records, site.today)
    if province is None:
        stats.outcomes, stats.outcome_total = outcome_rows(
            records,
            lambda v: v.location["province"],
            lambda v: v.province.name,
            lambda code: url("province_stats", slug=ref.provinces[code].slug),
        )
    else:
        stats.outcome_heading = "Kantor pemverifikasi"
        stats.outcomes, stats.outcome_total = outcome_rows(
            records,
            lambda v: v.data["verification"]["office"],
            lambda v: v.verifier.name if v.verifier else v.data["verification"]["office"],
            lambda code: url("office", id=code),
        )
    return stats
