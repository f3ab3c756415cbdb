from __future__ import annotations

from antarkerja.parallel import worker_count


def test_small_jobs_stay_in_one_process(monkeypatch):
    monkeypatch.delenv("ANTARKERJA_JOBS", raising=False)
    assert worker_count(10, 2000) == 1


def test_big_jobs_use_every_core(monkeypatch):
    monkeypatch.delenv("ANTARKERJA_JOBS", raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert worker_count(5000, 2000) == 4


def test_environment_overrides_and_never_exceeds_the_items(monkeypatch):
    monkeypatch.setenv("ANTARKERJA_JOBS", "8")
    assert worker_count(3, 2000) == 3
    monkeypatch.setenv("ANTARKERJA_JOBS", "1")
    assert worker_count(100_000, 2000) == 1
