"""A vacancy's public history ("Riwayat") from a scripted Git history.

A copy of the fixture site becomes a Git repository whose commits have fixed dates: the
vacancy is published, its salary changed after the verification date, its deadline
extended, then it is marked filled. The built page must show those four entries (newest
first, each with its date and what changed), mark the post-verification salary change, name
the verifying office and no person; the validator must warn (W601) until the office
re-verifies. A copy without ``.git`` still builds and says the history is unavailable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from support import SITE_FIXTURE, TODAY, parse_html

from antarkerja.records.validate import validate_repository
from antarkerja.site.build import build_site

VACANCY = "content/vacancies/jawa-barat/staf-akuntansi-bekasi.yml"  # verified 2026-10-27
AUTHOR = "Petugas Rahasia Sekali"
EMAIL = "rahasia.sekali@example.invalid"


def git(repo: Path, *args: str, when: str | None = None) -> None:
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    identity = ["-c", f"user.name={AUTHOR}", "-c", f"user.email={EMAIL}", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=repo, env=env, check=True, capture_output=True)


def edit(repo: Path, old: str, new: str, path: str = VACANCY) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("history") / "repo"
    shutil.copytree(SITE_FIXTURE, repo, symlinks=False)  # reference data copied, not linked
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Publish", when="2026-10-28T09:00:00+07:00")
    edit(repo, "min: 5000000", "min: 5200000")
    git(repo, "commit", "-q", "-am", "Salary", when="2026-11-02T10:00:00+07:00")
    edit(repo, "valid_through: 2026-12-31", "valid_through: 2027-01-20")
    git(repo, "commit", "-q", "-am", "Extend", when="2026-11-10T10:00:00+07:00")
    edit(repo, "status: open", "status: filled\nfilled_date: 2026-11-20")
    git(repo, "commit", "-q", "-am", "Filled", when="2026-11-20T10:00:00+07:00")
    return repo


@pytest.fixture(scope="module")
def built(repo, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("history-site") / "output"
    build_site(repo, output=out, today=TODAY.isoformat(), search=False)
    return out


def history_items(site: Path, vacancy_id: str) -> list:
    page = parse_html((site / "lowongan" / vacancy_id / "index.html").read_text(encoding="utf-8"))
    section = page.find("section", aria_labelledby="riwayat")
    assert section is not None, "no Riwayat section"
    return section.find_all("li")


def test_riwayat_lists_publish_changes_and_close_newest_first(built):
    items = [li.get_text() for li in history_items(built, "staf-akuntansi-bekasi")]
    assert len(items) == 4, items
    assert items[0].startswith("20 November 2026: Lowongan ditutup (sudah terisi)")
    assert items[1].startswith("10 November 2026: Diubah: Batas lamaran.")
    assert "Batas lamaran 20 Januari 2027" in items[1]
    assert items[2].startswith("2 November 2026: Diubah: Upah.")
    assert items[3] == "28 Oktober 2026: Ditayangkan, diverifikasi oleh Dinas Tenaga Kerja Kabupaten Bekasi."


def test_salary_change_after_verification_is_flagged(built):
    items = history_items(built, "staf-akuntansi-bekasi")
    flagged = [li for li in items if "flag" in li.attrs.get("class", "")]
    assert len(flagged) == 1
    text = flagged[0].get_text()
    assert text.startswith("2 November 2026")
    assert "Diubah setelah verifikasi: upah berubah sesudah tanggal verifikasi (27 Oktober 2026)" in text
    assert "Belum diperiksa ulang" in text


def test_an_unchanged_vacancy_shows_only_its_publication(built):
    items = [li.get_text() for li in history_items(built, "barista-bekasi")]
    # The record says it went up on 21 November (date_posted); the file reached Git on 28 October.
    assert items == [
        "28 Oktober 2026: Ditayangkan, diverifikasi oleh Dinas Tenaga Kerja Kabupaten Bekasi. Tanggal ini adalah hari "
        "data masuk ke situs; tanggal tayang yang dicatat petugas: 21 November 2026."
    ]


def test_history_names_no_person(built):
    for page in (built / "lowongan").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        assert AUTHOR not in html and EMAIL not in html and "rahasia" not in html.lower()


def test_validator_warns_until_the_office_reverifies(repo, monkeypatch):
    monkeypatch.setenv("ANTARKERJA_TODAY", TODAY.isoformat())
    result = validate_repository(repo)
    w601 = [d for d in result.diagnostics if d.code == "W601"]
    assert [(d.path.name, d.field) for d in w601] == [("staf-akuntansi-bekasi.yml", "verification.date")]
    assert "upah diubah pada 2026-11-02, setelah tanggal verifikasi 2026-10-27" in w601[0].message
    assert w601[0].line == (repo / VACANCY).read_text().splitlines().index("  date: 2026-10-27") + 1
    assert not result.errors
    # The office checks again and writes the date: the warning goes (even before committing).
    edit(repo, "  date: 2026-10-27", "  date: 2026-10-27\n  reverified: 2026-11-21")
    try:
        assert not [d for d in validate_repository(repo).diagnostics if d.code == "W601"]
    finally:
        edit(repo, "  date: 2026-10-27\n  reverified: 2026-11-21", "  date: 2026-10-27")


def test_a_check_for_an_earlier_day_weighs_no_later_change(repo):
    """As the page's Riwayat does: the salary change of 2 November is not yet made on 1 November,
    so a check (or a build) for that day has nothing to re-verify, whatever the clock says."""
    from antarkerja.records.validate import RepositoryValidator

    def w601(day):
        return [d for d in RepositoryValidator(repo, today=day).run().diagnostics if d.code == "W601"]

    assert w601(date(2026, 11, 1)) == []
    assert [d.path.name for d in w601(date(2026, 11, 2))] == ["staf-akuntansi-bekasi.yml"]


def test_an_uncommitted_salary_change_warns_today(repo, monkeypatch):
    monkeypatch.setenv("ANTARKERJA_TODAY", TODAY.isoformat())
    other = "content/vacancies/jawa-barat/barista-bekasi.yml"
    text = (repo / other).read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("  min: "))
    edit(repo, old, "  min: 9000000", other)
    try:
        w601 = [d for d in validate_repository(repo).diagnostics if d.code == "W601"]
        assert sorted(d.path.name for d in w601) == ["barista-bekasi.yml", "staf-akuntansi-bekasi.yml"]
        assert (
            f"upah diubah pada {TODAY.isoformat()}"
            in next(d for d in w601 if d.path.name == "barista-bekasi.yml").message
        )
    finally:
        edit(repo, "  min: 9000000", old, other)


def test_a_copy_without_git_builds_and_says_history_is_unavailable(repo, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns(".git"))
    out = build_site(copy, output=tmp_path / "out", today=TODAY.isoformat(), search=False)
    items = history_items(out, "staf-akuntansi-bekasi")
    assert items == []
    page = parse_html((out / "lowongan/staf-akuntansi-bekasi/index.html").read_text(encoding="utf-8"))
    assert "Riwayat perubahan tidak tersedia" in page.find("section", aria_labelledby="riwayat").get_text()
    assert not [d for d in validate_repository(copy).diagnostics if d.code == "W601"]


def test_a_merged_branch_counts_once_dated_when_merged(tmp_path):
    from datetime import date

    from antarkerja.records.history import load

    folder = tmp_path / "content" / "vacancies" / "jawa-barat"
    folder.mkdir(parents=True)
    record = "id: x\nstatus: open\nsalary:\n  min: 1000\nverification:\n  office: a\n  date: 2026-10-01\n"
    (folder / "x.yml").write_text(record, encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Publish", when="2026-10-01T09:00:00+07:00")
    git(tmp_path, "checkout", "-q", "-b", "usulan")
    (folder / "x.yml").write_text(record.replace("min: 1000", "min: 2000"), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Salary", when="2026-10-05T09:00:00+07:00")
    git(tmp_path, "checkout", "-q", "main")
    git(tmp_path, "merge", "-q", "--no-ff", "-m", "Merge", "usulan", when="2026-10-09T09:00:00+07:00")
    entries = load(tmp_path).entries["x"]
    assert [(e.day, e.kind, e.groups) for e in entries] == [
        (date(2026, 10, 1), "published", ()),
        (date(2026, 10, 9), "changed", ("salary",)),
    ]
    assert entries[1].after_verification


def test_a_flagged_change_says_when_the_office_checked_it_again():
    from datetime import date
    from types import SimpleNamespace

    from antarkerja.records.history import History, entries_for, parse

    v1 = b"id: x\nstatus: open\nsalary:\n  min: 1000\nverification:\n  office: a\n  date: 2026-10-01\n"
    v2 = v1.replace(b"min: 1000", b"min: 2000")
    v3 = v2 + b"  reverified: 2026-10-12\n"
    entries = entries_for(
        [(date(2026, 10, 1), parse(v1)), (date(2026, 10, 9), parse(v2)), (date(2026, 10, 12), parse(v3))]
    )
    assert [(e.kind, e.groups, e.after_verification) for e in entries] == [
        ("published", (), False),
        ("changed", ("salary",), True),
        ("changed", ("verification",), False),
    ]
    vacancy = SimpleNamespace(id="x", today=date(2026, 11, 1), closed_reason=None, data={})
    shown = History(True, entries={"x": entries}).for_vacancy(vacancy)
    assert [e.day.day for e in shown] == [12, 9, 1]
    assert shown[1].rechecked_on == date(2026, 10, 12)
    # A build for an earlier day shows neither the re-check nor anything after that day.
    vacancy.today = date(2026, 10, 10)
    shown = History(True, entries={"x": entries}).for_vacancy(vacancy)
    assert [e.day.day for e in shown] == [9, 1] and shown[0].rechecked_on is None


# A vacancy moved to another province folder keeps its history (and its W601) --------------

MOVES = ["one-commit", "with-a-change", "copy-then-delete", "delete-then-add"]


def _moved_repo(base: Path, target: str, how: str) -> Path:
    """Published, salary changed after verification, then moved to ``target``'s folder."""
    repo = base / "repo"
    shutil.copytree(SITE_FIXTURE, repo, symlinks=False)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Publish", when="2026-10-28T09:00:00+07:00")
    edit(repo, "min: 5000000", "min: 5200000")
    git(repo, "commit", "-q", "-am", "Salary", when="2026-11-02T10:00:00+07:00")
    new = f"content/vacancies/{target}/staf-akuntansi-bekasi.yml"
    (repo / new).parent.mkdir(parents=True, exist_ok=True)
    if how in ("one-commit", "with-a-change"):
        git(repo, "mv", VACANCY, new)
        if how == "with-a-change":
            edit(repo, "openings: 5", "openings: 7", path=new)
        git(repo, "commit", "-q", "-am", "Move", when="2026-11-10T10:00:00+07:00")
    elif how == "copy-then-delete":
        shutil.copy(repo / VACANCY, repo / new)
        git(repo, "add", new)
        git(repo, "commit", "-q", "-m", "Copy", when="2026-11-10T10:00:00+07:00")
        git(repo, "rm", "-q", VACANCY)
        git(repo, "commit", "-q", "-m", "Remove old", when="2026-11-12T10:00:00+07:00")
    else:
        data = (repo / VACANCY).read_bytes()
        git(repo, "rm", "-q", VACANCY)
        git(repo, "commit", "-q", "-m", "Remove", when="2026-11-10T10:00:00+07:00")
        (repo / new).write_bytes(data)
        git(repo, "add", new)
        git(repo, "commit", "-q", "-m", "Add elsewhere", when="2026-11-12T10:00:00+07:00")
    return repo


@pytest.mark.parametrize("how", MOVES)
@pytest.mark.parametrize("target", ["banten", "jawa-timur"])  # sorts before and after jawa-barat
def test_history_follows_a_vacancy_moved_to_another_province_folder(tmp_path, monkeypatch, target, how):
    """After a move "Riwayat" once showed only the move date (or nothing) and W601 vanished."""
    from datetime import date

    from antarkerja.records import history

    repo = _moved_repo(tmp_path, target, how)
    entries = history.load(repo).entries["staf-akuntansi-bekasi"]
    summary = [(e.day, e.kind, e.groups, e.after_verification) for e in entries]
    expected = [
        (date(2026, 10, 28), "published", (), False),
        (date(2026, 11, 2), "changed", ("salary",), True),
    ]
    if how == "with-a-change":
        expected.append((date(2026, 11, 10), "changed", ("openings",), False))
    assert summary == expected
    monkeypatch.setenv("ANTARKERJA_TODAY", TODAY.isoformat())
    warned = [d for d in validate_repository(repo).diagnostics if d.code == "W601"]
    assert [d.path.parent.name for d in warned] == [target]


def test_a_file_deleted_and_added_again_at_the_same_path_starts_a_new_life():
    from datetime import date

    from antarkerja.records.history import Version, follow_moves

    day = date(2026, 11, 1)
    a, b = "content/vacancies/jawa-barat/x.yml", "content/vacancies/banten/x.yml"
    published_again = [Version("c1", day, a, "1"), Version("c2", day, a, ""), Version("c3", day, a, "2")]
    assert [v.blob for v in follow_moves(published_again)] == ["1", "", "2"]
    # Listed in path order within a commit: the addition before the deletion is still a move.
    moved = [Version("c1", day, a, "1"), Version("c2", day, b, "1"), Version("c2", day, a, "")]
    assert [(v.path, v.blob) for v in follow_moves(moved)] == [(a, "1"), (b, "1")]
