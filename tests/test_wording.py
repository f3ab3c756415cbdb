from __future__ import annotations

from datetime import date

from antarkerja.wording import country_name, days_left_text, rupiah, tanggal


def test_indonesian_dates_and_rupiah():
    assert tanggal(date(2026, 11, 25)) == "25 November 2026"
    assert rupiah(4_500_000) == "4.500.000"
    assert rupiah(999.6) == "1.000"


def test_days_left_is_never_read_as_already_closed():
    closing = date(2026, 12, 5)
    assert days_left_text(0, closing) == "Hari terakhir melamar"
    assert days_left_text(1, closing) == "Ditutup besok"
    assert days_left_text(10, closing) == "Ditutup 5 Desember 2026 (10 hari lagi)"


def test_country_names_fall_back_to_the_code():
    assert country_name("JP") == "Jepang"
    assert country_name("XX") == "XX"
