"""Domain rules for one labour office record."""

from __future__ import annotations

from antarkerja.records.rules.registry import office_rule

NEEDS_REGENCY = {"disnaker_kabkota", "bkk"}


@office_rule("R420", "Jam buka tidak sebelum jam tutup", basis="Jam layanan harus bisa dibaca warga")
def opening_hours_in_order(o, ctx):
    """Opening time is not before closing time."""
    for i, hours in enumerate(o.get("hours") or []):
        if hours["open"] >= hours["close"]:
            yield (
                ("hours", i, "open"),
                f"jam buka {hours['open']} tidak sebelum jam tutup {hours['close']}",
                'periksa jam buka dan tutup (format 24 jam, misalnya "08:00" dan "16:00")',
            )


@office_rule(
    "R421",
    "Kantor kabupaten/kota tanpa kode kabupaten/kota",
    basis="Dinas kabupaten/kota dan BKK melayani satu kabupaten/kota",
)
def local_office_has_regency(o, ctx):
    """A regency office or school job centre without its regency."""
    if o["type"] in NEEDS_REGENCY and not o.get("regency"):
        yield ("regency",), "kantor tingkat kabupaten/kota tanpa kode kabupaten/kota", 'isi `regency`, misalnya "32.16"'
