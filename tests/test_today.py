"""One "today" for every command: a given date wins, then ANTARKERJA_TODAY, then the date in
WIB; a value that is not a date is refused with one plain message, never replaced."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from support import GOOD_VACANCY, make_repo

from antarkerja.today import ENV, InvalidToday, resolve


def test_a_given_date_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv(ENV, "2026-01-02")
    assert resolve("2026-03-04") == date(2026, 3, 4)
    assert resolve(date(2025, 5, 6)) == date(2025, 5, 6)


def test_the_environment_wins_over_the_clock(monkeypatch):
    monkeypatch.setenv(ENV, " 2026-01-02 ")
    assert resolve() == date(2026, 1, 2)


def test_without_either_today_is_the_date_in_jakarta(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setenv("TZ", "America/Los_Angeles")  # a runner far from Indonesia
    assert resolve() in {datetime.now(ZoneInfo("Asia/Jakarta")).date()}


@pytest.mark.parametrize("bad", ["garbage", "2026-13-01", "25-11-2026", "2026/11/25"])
def test_a_bad_value_is_refused_naming_where_it_came_from(monkeypatch, bad):
    monkeypatch.setenv(ENV, bad)
    with pytest.raises(InvalidToday, match=f"`{bad}` \\(ANTARKERJA_TODAY\\).*TTTT-BB-HH"):
        resolve()
    with pytest.raises(InvalidToday, match="--today"):
        resolve(bad)


@pytest.mark.parametrize("command, status", [(["validate"], 2), (["build", "--no-search"], 1)])
def test_commands_refuse_a_bad_today_without_an_internal_error(tmp_path, command, status):
    root = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": GOOD_VACANCY})
    run = subprocess.run(
        [sys.executable, "-m", "antarkerja.cli", *command, "--root", str(root)],
        capture_output=True,
        text=True,
        env={**os.environ, ENV: "besok"},
        timeout=120,
    )
    assert run.returncode == status
    assert "tanggal hari ini `besok` (ANTARKERJA_TODAY) tidak valid" in run.stderr
    assert "kesalahan internal" not in run.stderr and "Traceback" not in run.stderr
