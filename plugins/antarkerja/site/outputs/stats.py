"""Labour-market information pages ("Informasi Pasar Kerja") with their JSON and CSV.

Writes (paths from :mod:`antarkerja.urls`):

=======================================  ==================================================
``statistik/``                           national page: charts and tables (``stats.html``)
``statistik/data.json``, ``data.csv``    the same figures for programs and spreadsheets
``provinsi/<slug>/statistik/``           every province's page (linked from the province page)
``provinsi/<slug>/statistik/data.*``     its JSON and CSV
=======================================  ==================================================

Numbers come from :func:`antarkerja.site.figures.compute` only; this module turns them into chart
geometry (coordinates in a 340-unit-wide viewBox, about one unit per CSS pixel on a 360 px
phone) and files. SVG markup lives in ``theme/templates/charts/``: the charts are drawn at
build time, no script runs in the browser.

CSV cells are neutralised against formula injection (OWASP "CSV Injection"): a text cell
that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from antarkerja.site import figures
from antarkerja.site.outputs import File, OutputContext, Page
from antarkerja.site.outputs.common import dump
from antarkerja.site.outputs.downloads import neutralise
from antarkerja.urls import save_as, url
from antarkerja.wording import rupiah

WIDTH = 340
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


def days_text(days: float | None) -> str:
    """A median number of days as read in Indonesian ("12", "12,5"), "–" when none."""
    if days is None:
        return "–"
    return f"{days:g}".replace(".", ",")


# Chart geometry ---------------------------------------------------------------------------
def short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(table: figures.Table, chart_id: str) -> dict | None:
    """Horizontal bars of open vacancies, one row per group: label above, bar below."""
    rows = [r for r in table.rows if r.vacancies]
    if not rows:
        return None
    row_h, top = 36, 4
    biggest = max(r.vacancies for r in rows)
    bars = []
    for i, r in enumerate(rows):
        y = top + i * row_h
        bars.append(
            {
                "label": short(r.label),
                "value": r.vacancies,
                "label_y": y + 14,
                "bar_y": y + 19,
                "bar_w": max(2.0, round(r.vacancies / biggest * WIDTH, 1)),
            }
        )
    listed = "; ".join(f"{r.label}: {r.vacancies} lowongan, {r.openings} orang" for r in rows[:12])
    more = f"; dan {len(rows) - 12} kelompok lain (lihat tabel)" if len(rows) > 12 else ""
    return {
        "id": chart_id,
        "title": f"Lowongan dibuka {figures.lower_first(table.title)}",
        "desc": f"Diagram batang mendatar, panjang batang = jumlah lowongan dibuka. {listed}{more}.",
        "width": WIDTH,
        "height": top + len(rows) * row_h + 4,
        "bar_h": 12,
        "bars": bars,
    }


def salary_chart(rows: list[figures.SalaryRow], chart_id: str) -> dict | None:
    """Quartile boxes (hatched) with the median (thick line) and the UMP (dashed line)."""
    rows = [r for r in rows if r.count]
    if not rows:
        return None
    top, row_h = 62, 44
    scale_max = max(max(r.q3 for r in rows), max((r.ump or 0) for r in rows)) * 1.05
    step = next(s for s in (1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000) if scale_max / s <= 5)
    ticks = []
    for i in range(0, int(scale_max // step) + 1):
        amount = i * step
        ticks.append(
            {"x": round(amount / scale_max * WIDTH, 1), "label": f"{amount / 1_000_000:g} jt".replace(".", ",")}
        )

    def x(amount: int) -> float:
        return round(amount / scale_max * WIDTH, 1)

    items = []
    for i, r in enumerate(rows):
        y = top + i * row_h
        items.append(
            {
                "label": short(f"{r.label}: {r.count} lowongan"),
                "label_y": y + 13,
                "box_y": y + 18,
                "box_x": x(r.q1),
                "box_w": max(2.0, round(x(r.q3) - x(r.q1), 1)),
                "median_x": x(r.median),
                "ump_x": x(r.ump) if r.ump else None,
            }
        )
    parts = []
    for r in rows[:12]:
        text = f"{r.label}: median Rp {rupiah(r.median)}, kuartil Rp {rupiah(r.q1)} sampai Rp {rupiah(r.q3)}"
        if r.ump:
            text += f", UMP {r.ump_year} Rp {rupiah(r.ump)}" + ("" if r.ump_verified else " (belum diverifikasi)")
        parts.append(text)
    return {
        "id": chart_id,
        "title": "Sebaran upah bulanan lowongan dibuka dibanding UMP",
        "desc": "Kotak arsir = kuartil pertama sampai ketiga, garis tebal = median, garis putus-putus = UMP. "
        + "; ".join(parts)
        + ".",
        "width": WIDTH,
        "height": top + len(rows) * row_h,
        "box_h": 16,
        "boxes": items,
        "ticks": ticks,
        "tick_y": top - 8,
    }


def trend_chart(table: figures.Table, chart_id: str) -> dict | None:
    """Columns of vacancies posted per month; value above, month below."""
    rows = table.rows
    if not any(r.vacancies for r in rows):
        return None
    plot_top, plot_h = 18, 130
    step = WIDTH / len(rows)
    biggest = max(r.vacancies for r in rows)
    columns = []
    for i, r in enumerate(rows):
        h = round(r.vacancies / biggest * plot_h, 1)
        year, month = r.code.split("-")
        cx = round(i * step + step / 2, 1)
        columns.append(
            {
                "x": round(cx - 9, 1),
                "cx": cx,
                "y": round(plot_top + plot_h - h, 1),
                "h": h,
                "value": r.vacancies,
                "value_y": round(plot_top + plot_h - h - 4, 1),
                "month": MONTH_ABBR[int(month) - 1],
                "year": year[2:] if i == 0 or month == "01" else "",
            }
        )
    listed = "; ".join(f"{r.label}: {r.vacancies}" for r in rows)
    return {
        "id": chart_id,
        "title": "Lowongan tayang per bulan, 12 bulan terakhir",
        "desc": f"Diagram kolom, tinggi kolom = jumlah lowongan yang tayang pada bulan itu. {listed}.",
        "width": WIDTH,
        "height": plot_top + plot_h + 34,
        "base_y": plot_top + plot_h,
        "month_y": plot_top + plot_h + 14,
        "year_y": plot_top + plot_h + 28,
        "columns": columns,
    }


def charts(s: figures.Stats) -> dict:
    found = {t.key: bar_chart(t, f"grafik-{t.key}") for t in s.tables}
    found["upah"] = salary_chart(s.salary, "grafik-upah")
    found["tren"] = trend_chart(s.trend, "grafik-tren") if s.trend else None
    return found


# JSON and CSV --------------------------------------------------------------------------
def as_json(s: figures.Stats) -> dict:
    return {
        "version": 1,
        "scope": s.scope,
        "date": s.today.isoformat(),
        "notes": figures.NOTES,
        "vacancies": s.vacancies,
        "openings": s.openings,
        "disabilityFriendly": {
            "vacancies": s.disability_vacancies,
            "openings": s.disability_openings,
            "vacancyPercent": s.disability_share,
        },
        "tables": {
            t.key: {
                "title": t.title,
                "rows": [
                    {"code": r.code, "label": r.label, "vacancies": r.vacancies, "openings": r.openings} for r in t.rows
                ],
            }
            for t in (*s.tables, *([s.trend] if s.trend else []))
        },
        "outcomes": {
            "groupedBy": "province" if s.outcome_heading == "Provinsi" else "office",
            "rows": [outcome_json(r) for r in s.outcomes],
            "total": outcome_json(s.outcome_total) if s.outcome_total else None,
        },
        "salary": [
            {
                "code": r.code,
                "label": r.label,
                "count": r.count,
                "q1": r.q1,
                "median": r.median,
                "q3": r.q3,
                "ump": r.ump,
                "umpYear": r.ump_year,
                "umpVerified": r.ump_verified,
                "belowUmp": r.below_ump,
            }
            for r in s.salary
        ],
    }


def outcome_json(r: figures.OutcomeRow) -> dict:
    return {
        "code": r.code,
        "label": r.label,
        **{key: r.counts[key] for key in figures.OUTCOMES},
        "medianDaysToFill": r.median_days_to_fill,
        "filledWithDate": len(r.days_to_fill),
    }


CSV_HEADER = ["cakupan", "tanggal_data", "tabel", "kode", "label", "ukuran", "nilai"]


def csv_rows(s: figures.Stats) -> Iterable[list]:
    """Long format: one figure per line, so every table fits the same seven columns."""
    head = [s.scope, s.today.isoformat()]
    yield [*head, "ringkasan", "", "Semua lowongan dibuka", "lowongan", s.vacancies]
    yield [*head, "ringkasan", "", "Semua lowongan dibuka", "orang", s.openings]
    yield [*head, "disabilitas", "", "Ramah disabilitas", "lowongan", s.disability_vacancies]
    yield [*head, "disabilitas", "", "Ramah disabilitas", "orang", s.disability_openings]
    yield [*head, "disabilitas", "", "Ramah disabilitas", "persen_lowongan", s.disability_share]
    for t in (*s.tables, *([s.trend] if s.trend else [])):
        for r in t.rows:
            yield [*head, t.key, r.code, r.label, "lowongan", r.vacancies]
            yield [*head, t.key, r.code, r.label, "orang", r.openings]
    outcome_rows = [*s.outcomes, *([s.outcome_total] if s.outcome_total else [])]
    for r in outcome_rows:
        for key in figures.OUTCOMES:
            yield [*head, "hasil", r.code, r.label, key, r.counts[key]]
        if r.median_days_to_fill is not None:
            yield [*head, "hasil", r.code, r.label, "median_hari_terisi", r.median_days_to_fill]
    for r in s.salary:
        for measure in ("count", "q1", "median", "q3", "ump", "below_ump"):
            value = getattr(r, measure)
            if value is not None:
                name = {"count": "jumlah_upah", "ump": f"ump_{r.ump_year}_belum_diverifikasi"}.get(measure, measure)
                yield [*head, "upah", r.code, r.label, name, value]


def as_csv(s: figures.Stats) -> str:
    """UTF-8 with a byte-order mark, so spreadsheet programs read "–" and names correctly."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in csv_rows(s):
        writer.writerow([neutralise(c) for c in row])
    return out.getvalue()


# Family -----------------------------------------------------------------------------------
def page(s: figures.Stats, page_url: str, json_url: str, csv_url: str, region=None) -> Page:
    return Page(
        save_as("stats" if region is None else "province_stats", **({} if region is None else {"slug": region.slug})),
        "stats",
        {
            "stats": s,
            "charts": charts(s),
            "notes": figures.NOTES,
            "outcome_labels": figures.OUTCOMES,
            "days_text": days_text,
            "region": region,
            "page_url": page_url,
            "json_url": json_url,
            "csv_url": csv_url,
        },
    )


def outputs(site, ctx: OutputContext) -> Iterable[Page | File]:
    national = figures.compute(site)
    yield page(national, url("stats"), url("stats_json"), url("stats_csv"))
    yield File(save_as("stats_json"), dump(as_json(national)))
    yield File(save_as("stats_csv"), as_csv(national))
    records = figures.records_by_province(site)
    for region in site.provinces:
        s = figures.compute(site, region, records.get(region.code, []))
        json_url, csv_url = url("province_stats_json", slug=region.slug), url("province_stats_csv", slug=region.slug)
        yield page(s, url("province_stats", slug=region.slug), json_url, csv_url, region)
        yield File(json_url, dump(as_json(s)))
        yield File(csv_url, as_csv(s))
