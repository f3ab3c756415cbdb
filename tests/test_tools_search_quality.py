"""The judged query set and its scoring (antarkerja.tools.search_quality, `bench --steps quality`)."""

from __future__ import annotations

from collections import Counter

import pytest

from antarkerja.tools.search_quality import (
    Judged,
    JudgmentError,
    QualityReport,
    load_judgments,
    queries_path,
    sample_model,
    score,
    search_results,
)


@pytest.fixture(scope="module")
def open_vacancies(root):
    return sample_model(root).open_vacancies


def test_judged_set_covers_how_people_type(root, open_vacancies):
    judged = load_judgments(queries_path(root), open_vacancies)
    assert len(judged) >= 150
    groups = Counter(j.group for j in judged)
    assert set(groups) == {"judul", "ejaan", "gaul", "inggris", "daerah", "pendidikan", "tempat", "upah"}
    assert min(groups.values()) >= 10
    typed = {j.q for j in judged}
    assert {"admistrasi", "oprator", "loker", "kerja kantoran", "lulusan smk", "gaji 5 juta"} <= typed
    assert len(typed) == len(judged)  # no query judged twice


def test_criteria_resolve_to_the_vacancies_a_reader_would_pick(root, open_vacancies):
    judged = {j.q: j for j in load_judgments(queries_path(root), open_vacancies)}
    assert judged["loker"].relevant == {v.id for v in open_vacancies}
    smk = judged["lulusan smk"].relevant
    assert "operator-produksi-contoh-bekasi" in smk and "satpam-contoh-jasa-pengamanan-cilegon" not in smk  # SMA
    five = judged["gaji 5 juta"].relevant
    assert "operator-forklift-contoh-pergudangan-gresik" in five  # Rp 4.9–5.3 million a month
    assert "programmer-backend-contoh-teknologi-jakarta-selatan" not in five  # Rp 12–18 million
    assert "barista-paruh-waktu-contoh-kopi-nusantara-yogyakarta" not in five  # paid by the hour
    assert judged["gaji per jam"].relevant == {"barista-paruh-waktu-contoh-kopi-nusantara-yogyakarta"}


def test_bad_judgments_are_all_reported_with_their_query(tmp_path, open_vacancies):
    path = tmp_path / "q.yml"
    path.write_text(
        "queries:\n"
        "  - {group: judul, q: satpam, relevant: [tidak-ada]}\n"
        "  - {group: upah, q: gaji, where: {gaji: 5}}\n"
        "  - {group: judul, q: kasir}\n",
        encoding="utf-8",
    )
    with pytest.raises(JudgmentError) as err:
        load_judgments(path, open_vacancies)
    text = str(err.value)
    assert "query 1 ('satpam')" in text and "tidak-ada" in text
    assert "query 2 ('gaji')" in text and "unknown criterion gaji" in text
    assert "query 3 ('kasir')" in text and "either relevant" in text


def test_scores_follow_their_definitions():
    j = Judged("perawat", "judul", frozenset({"a", "b", "c"}))
    assert (score(j, ["a", "x", "b"]).precision, score(j, ["a", "x", "b"]).recall) == (2 / 3, 2 / 3)
    assert score(j, []).precision == 0 and score(j, []).recall == 0
    many = Judged("loker", "gaul", frozenset(str(i) for i in range(40)))
    assert score(many, [str(i) for i in range(20)]).recall == 1.0  # of 20 when more are relevant
    nothing = Judged("ojol", "gaul", frozenset())
    assert score(nothing, []).precision == 1 and score(nothing, ["a"]).precision == 0
    report = QualityReport([score(j, ["a", "b", "c"]), score(nothing, ["a"])])
    assert report.groups()["semua"] == (2, 0.5, 0.5) and not report.meets_targets


@pytest.mark.browser
def test_results_are_read_from_the_real_search_page(sample_site):
    satpam, nothing, loker = search_results(sample_site, ["satpam", "kenek tukang cukur", "operator"])
    assert satpam[0] == "satpam-contoh-jasa-pengamanan-cilegon"
    assert nothing == []
    assert len(loker) > 5 and all(i.startswith(("operator-", "pemagangan-", "penjahit-", "pekerja")) for i in loker[:5])
