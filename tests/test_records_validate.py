"""The validator: every code, on a bad file, at the exact line; the good file passes."""

from __future__ import annotations

import pytest
from support import GOOD_VACANCY, TEST_OFFICE, make_repo, vacancy
from support.cases import OFFICE_CASES, VACANCY_CASES

from antarkerja.records.validate import validate_repository

JABAR = "jawa-barat/good-vacancy.yml"


def run(tmp_path, vacancies=None, offices=None):
    root = make_repo(tmp_path, vacancies if vacancies is not None else {JABAR: GOOD_VACANCY}, offices)
    return validate_repository(root)


def find(result, code):
    return [d for d in result.diagnostics if d.code == code]


def test_good_files_pass_without_any_message(tmp_path):
    result = run(tmp_path)
    assert result.diagnostics == []
    assert len(result.vacancies) == 1 and len(result.offices) == 1


def test_sample_content_has_no_errors_and_no_warnings(root):
    result = validate_repository(root)
    assert [d.format() for d in result.diagnostics] == []
    assert result.files >= 2


@pytest.mark.parametrize(
    "code,replacements,line,field,words", VACANCY_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(VACANCY_CASES)]
)
def test_bad_vacancy_is_reported_at_its_line(tmp_path, code, replacements, line, field, words):
    result = run(tmp_path, {JABAR: vacancy(*replacements)})
    hits = find(result, code)
    assert hits, f"no {code}; got: " + "\n".join(d.format() for d in result.diagnostics)
    hit = hits[0]
    assert (hit.line, hit.field) == (line, field), hit.format()
    assert words in hit.format()
    # Errors fail the run; warnings alone do not.
    assert bool(result.errors) == (not code.startswith("W"))


def test_message_format_is_path_line_col_code_field_message_hint(tmp_path):
    result = run(tmp_path, {JABAR: vacancy(("status: open", "status: buka"))})
    (d,) = result.diagnostics
    text = d.format()
    assert text.endswith(
        "content/vacancies/jawa-barat/good-vacancy.yml:5:9: S204 status: nilai `buka` tidak dikenal untuk Status (pilih salah satu: open, filled, closed)"
    )


def test_every_error_in_one_run(tmp_path):
    bad = vacancy(
        ("status: open", "status: buka"), ("openings: 20", "openings: banyak"), ("tanpa biaya", "dengan biaya")
    )
    result = run(tmp_path, {JABAR: bad, "jawa-barat/second.yml": bad.replace("id: good-vacancy", "id: second")})
    codes = sorted(d.code for d in result.diagnostics)
    assert codes == ["R401", "R401", "S203", "S203", "S204", "S204"]


def test_not_utf8_is_reported_with_line(tmp_path):
    raw = GOOD_VACANCY.encode("utf-8").replace(b"Operator Produksi", b"Operator \xff Produksi")
    (d,) = run(tmp_path, {JABAR: raw}).diagnostics
    assert (d.code, d.line, d.col) == ("Y101", 4, 17)


def test_oversized_file_is_refused(tmp_path):
    big = vacancy(("  Mengoperasikan", "  " + "kata " * 60000 + "\n  Mengoperasikan"))
    (d,) = run(tmp_path, {JABAR: big}).diagnostics
    assert d.code == "Y103" and "batas 256 KB" in d.message


def test_syntax_error_points_at_the_line(tmp_path):
    broken = vacancy(("  legal_form: pt", "  legal_form: [pt"))
    (d,) = run(tmp_path, {JABAR: broken}).diagnostics
    assert d.code == "Y104" and d.line == 9


def test_alias_bomb_costs_nothing_and_is_refused(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    result = run(tmp_path, {"jawa-barat/bomb.yml": bomb})
    assert "Y106" in {d.code for d in result.diagnostics}
    assert result.errors


@pytest.mark.parametrize("text,code", [("", "Y109"), ("- a\n- b\n", "Y108")])
def test_empty_or_non_mapping_file(tmp_path, text, code):
    (d,) = run(tmp_path, {"jawa-barat/odd.yml": text}).diagnostics
    assert (d.code, d.line) == (code, 1)


def test_duplicate_id_across_folders(tmp_path):
    moved = vacancy(
        ('province: "32"', 'province: "33"'),
        ('regency: "32.16"', 'regency: "33.01"'),
        ("Operator Produksi", "Operator Gudang"),
    )
    result = run(tmp_path, {JABAR: GOOD_VACANCY, "jawa-tengah/good-vacancy.yml": moved})
    (d,) = find(result, "X301")
    assert d.line == 2 and "jawa-barat/good-vacancy.yml" in d.message


def test_vacancy_in_another_provinces_folder(tmp_path):
    (d,) = run(tmp_path, {"jawa-tengah/good-vacancy.yml": GOOD_VACANCY}).diagnostics
    assert (d.code, d.line, d.field) == ("X306", 12, "location.province")
    assert "content/vacancies/jawa-barat/" in d.hint


def test_vacancy_outside_a_province_folder_and_yaml_extension(tmp_path):
    result = run(tmp_path, {"good-vacancy.yml": GOOD_VACANCY, "jawa-barat/x.yaml": "id: x\n"})
    assert sorted(d.code for d in result.diagnostics) == ["X308", "X308"]


def test_same_vacancy_posted_twice(tmp_path):
    twin = vacancy(("id: good-vacancy", "id: good-vacancy-2"))
    (d,) = run(tmp_path, {JABAR: GOOD_VACANCY, "jawa-barat/good-vacancy-2.yml": twin}).diagnostics
    # Files are read in name order; the later one is reported and names the earlier one.
    assert (d.code, d.line) == ("X307", 4) and d.path.name == "good-vacancy.yml"
    assert "jawa-barat/good-vacancy-2.yml" in d.message


def test_closed_twin_is_not_a_duplicate(tmp_path):
    twin = vacancy(
        ("id: good-vacancy", "id: good-vacancy-2"), ("status: open", "status: filled\nfilled_date: 2026-11-22")
    )
    assert run(tmp_path, {JABAR: GOOD_VACANCY, "jawa-barat/good-vacancy-2.yml": twin}).diagnostics == []


def test_expired_vacancy_is_not_an_error(tmp_path):
    old = vacancy(
        ("date_posted: 2026-11-20", "date_posted: 2025-01-02"),
        ("valid_through: 2026-12-31", "valid_through: 2025-02-01"),
        ("date: 2026-11-19", "date: 2025-01-01"),
    )
    assert run(tmp_path, {JABAR: old}).diagnostics == []


def test_quoted_dates_are_accepted(tmp_path):
    quoted = vacancy(("date_posted: 2026-11-20", 'date_posted: "2026-11-20"'))
    assert run(tmp_path, {JABAR: quoted}).diagnostics == []


def test_negated_fee_phrase_is_fine(tmp_path):
    text = vacancy(
        (
            "tanpa biaya pendaftaran.",
            "tanpa biaya pendaftaran. Tidak dipungut biaya apa pun, jangan transfer ke rekening siapa pun.",
        )
    )
    assert run(tmp_path, {JABAR: text}).diagnostics == []


def test_spare_parts_are_not_ethnicity(tmp_path):
    text = vacancy(("  - Bersedia bekerja dalam sistem sif", "  - Memahami suku cadang sepeda motor"))
    assert run(tmp_path, {JABAR: text}).diagnostics == []


def test_justified_age_limit_passes(tmp_path):
    text = vacancy(
        (
            "kbli: C\n",
            "kbli: C\nage:\n  min: 21\n  justification: Syarat usia minimal pengemudi alat berat menurut SIO.\n",
        )
    )
    assert run(tmp_path, {JABAR: text}).diagnostics == []


OVERSEAS = vacancy(
    ("country: ID", 'country: "JP"\n  city: Osaka'),
    (
        "verification:\n",
        "overseas:\n  scheme: p3mi\n  p3mi_name: PT Contoh Penempatan\n  sip3mi_number: SIP3MI contoh 001/2026\n  job_order: JO-001\n  visa: kerja\nverification:\n",
    ),
)


def test_overseas_vacancy_with_licence_passes(tmp_path):
    assert run(tmp_path, {JABAR: OVERSEAS}).diagnostics == []


def test_p3mi_without_licence_number(tmp_path):
    result = run(tmp_path, {JABAR: vacancy(("  sip3mi_number: SIP3MI contoh 001/2026\n", ""), text=OVERSEAS)})
    (d,) = result.diagnostics
    assert (d.code, d.field) == ("R405", "overseas") and "nomor SIP3MI" in d.message


def test_overseas_on_tourist_visa_warns(tmp_path):
    (d,) = run(tmp_path, {JABAR: vacancy(("visa: kerja", "visa: kunjungan"), text=OVERSEAS)}).diagnostics
    assert (d.code, d.field) == ("W506", "overseas.visa")


@pytest.mark.parametrize("code,replacements,line,field,words", OFFICE_CASES, ids=[c[0] for c in OFFICE_CASES])
def test_bad_office_is_reported_at_its_line(tmp_path, code, replacements, line, field, words):
    text = vacancy(*replacements, text=TEST_OFFICE)
    result = run(tmp_path, {JABAR: GOOD_VACANCY}, {"test-office.yml": text})
    hits = find(result, code)
    assert hits, "\n".join(d.format() for d in result.diagnostics)
    assert (hits[0].line, hits[0].field) == (line, field), hits[0].format()
    assert words in hits[0].format()


def test_a_trap_is_reported_once(tmp_path):
    text = vacancy(('close: "16:00"', "close: 16:00"), text=TEST_OFFICE)
    result = run(tmp_path, {JABAR: GOOD_VACANCY}, {"test-office.yml": text})
    assert [d.code for d in result.diagnostics] == ["Y107"]


def test_only_given_paths_are_reported_but_cross_checks_see_all(tmp_path):
    twin = vacancy(("id: good-vacancy", "id: good-vacancy-2"))
    root = make_repo(tmp_path, {JABAR: GOOD_VACANCY, "jawa-barat/good-vacancy-2.yml": twin})
    first = validate_repository(root, [root / "content/vacancies" / JABAR])
    second = validate_repository(root, [root / "content/vacancies/jawa-barat/good-vacancy-2.yml"])
    assert [d.code for d in first.diagnostics] == ["X307"] and second.diagnostics == []


@pytest.mark.parametrize(
    "line",
    [
        "  - Biaya pelatihan ditanggung perusahaan",
        "  - Kami tidak meminta biaya apa pun, termasuk biaya seragam",
        '  - "Mampu mengolah data: Excel, SQL"',
        '  - "Unggah file: CV dan ijazah"',
        "  - Merawat lansia berusia 80-an dengan sabar",
        "  - Meracik kopi single origin",
        "  - Terbuka untuk pekerja lajang maupun berkeluarga",
    ],
)
def test_ordinary_wording_is_not_flagged(tmp_path, line):
    text = vacancy(("  - Bersedia bekerja dalam sistem sif", line))
    assert [d.format() for d in run(tmp_path, {JABAR: text}).diagnostics] == []


@pytest.mark.parametrize(
    "line,code",
    [
        ("  - Usia 18-35 tahun", "R403"),
        ("  - Berusia 30 tahun ke bawah", "R403"),
        ("  - Berstatus lajang", "R402"),
        ("  - Bayar biaya seragam Rp200.000 saat tanda tangan kontrak", "R401"),
        ("  - Kirim CV ke data:text/html;base64,PHNjcmlwdD4=", "R412"),
    ],
)
def test_real_limits_and_fees_still_caught(tmp_path, line, code):
    text = vacancy(("  - Bersedia bekerja dalam sistem sif", line))
    assert code in {d.code for d in run(tmp_path, {JABAR: text}).diagnostics}


def test_company_email_with_whatsapp_is_fine(tmp_path):
    apply = '  email: rekrutmen@uji-manufaktur.contoh.co.id\n  whatsapp: "0812-0000-1111"\n'
    text = vacancy(("  url: https://karier.uji-manufaktur.contoh.co.id/lamar\n  walk_in: true\n", apply))
    assert run(tmp_path, {JABAR: text}).diagnostics == []


def test_parallel_reading_gives_the_same_messages_in_the_same_order(tmp_path, monkeypatch):
    files = {
        f"jawa-barat/vac-{i}.yml": vacancy(
            ("id: good-vacancy", f"id: vac-{i}"),
            ("Operator Produksi", f"Operator {i}"),
            *([("status: open", "status: buka")] if i % 3 == 0 else []),
        )
        for i in range(7)
    }
    root = make_repo(tmp_path, files)
    monkeypatch.setenv("ANTARKERJA_JOBS", "1")
    serial = validate_repository(root)
    monkeypatch.setenv("ANTARKERJA_JOBS", "3")
    parallel = validate_repository(root)
    assert [d.format() for d in parallel.diagnostics] == [d.format() for d in serial.diagnostics]
    assert sorted({d.code for d in serial.errors}) == ["S204"] and len(serial.errors) == 3, [
        d.format() for d in serial.errors
    ]
    assert [v.path for v in parallel.vacancies] == [v.path for v in serial.vacancies]
