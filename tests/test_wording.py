from __future__ import annotations

from datetime import date

from antarkerja.wording import closed_text, country_name, days_left_text, posted_ago_text, rupiah, tanggal


def test_indonesian_dates_and_rupiah():
    assert tanggal(date(2026, 11, 25)) == "25 November 2026"
    assert rupiah(4_500_000) == "4.500.000"
    assert rupiah(999.6) == "1.000"


def test_days_left_is_never_read_as_already_closed():
    closing = date(2026, 12, 5)
    assert days_left_text(0, closing) == "Batas lamaran hari ini, 5 Desember 2026"
    assert days_left_text(1, closing) == "Batas lamaran besok, 5 Desember 2026"
    assert days_left_text(10, closing) == "Batas lamaran 5 Desember 2026 (10 hari lagi)"


def test_closed_reason_is_one_sentence_without_the_label():
    assert closed_text("filled", date(2026, 12, 5)) == "Posisi ini sudah terisi."
    assert closed_text("expired", date(2026, 12, 5)) == "Batas lamarannya sudah lewat (5 Desember 2026)."
    assert posted_ago_text(0) == "Tayang hari ini" and posted_ago_text(3) == "Tayang 3 hari lalu"


def test_country_names_fall_back_to_the_code():
    assert country_name("JP") == "Jepang"
    assert country_name("XX") == "XX"


# One home for the words the public reads on every card ------------------------------------
# Scripts read them from the page's data (check.js) or from the settings the build gives them
# (sematan.js): antarkerja.wording.for_scripts, tests/test_js_wording.py.
SCRIPTS_PENDING: set[str] = set()


def test_card_wording_and_month_names_have_one_home():
    from support import ROOT

    literals = ["Batas lamaran", "Upah tidak dicantumkan", '"Januari"', "'Januari'"]
    places = [*(ROOT / "plugins").rglob("*.py"), *(ROOT / "theme").rglob("*.html"), *(ROOT / "theme").rglob("*.js")]
    found = []
    for path in places:
        if path.name == "wording.py" or path.name in SCRIPTS_PENDING:
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(ROOT)}: {lit}" for lit in literals if lit in text]
    assert not found, "use antarkerja.wording (DEADLINE, SALARY_UNDISCLOSED, MONTHS):\n" + "\n".join(found)
