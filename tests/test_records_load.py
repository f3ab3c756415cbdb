"""The one loader: values keep their line, and YAML's silent traps become located problems
(duplicate keys, aliases, octal and base-60 numbers, non-UTF-8 bytes, oversized files)."""

from __future__ import annotations

import pytest

from antarkerja.records.load import MAX_BYTES, load_file, load_text


def codes_and_lines(loaded) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in loaded.problems]


def test_every_value_keeps_its_line_and_column(tmp_path):
    text = "id: contoh\nsalary:\n  min: 5000000\nbenefits:\n  - BPJS\n  - Makan siang\n"
    loaded = load_text(text, tmp_path / "contoh.yml")
    assert loaded.ok and loaded.data["benefits"] == ["BPJS", "Makan siang"]
    assert loaded.position(("salary", "min")) == (3, 8)
    assert loaded.position(("benefits", 1)) == (6, 5)
    assert loaded.position(()) == (1, 1)


def test_a_duplicate_key_is_reported_at_its_second_line_not_silently_kept(tmp_path):
    loaded = load_text("title: Kasir\nstatus: open\ntitle: ''\n", tmp_path / "x.yml")
    assert not loaded.ok
    assert [line for _, line in codes_and_lines(loaded)] == [3]
    assert "title" in loaded.problems[0].message


@pytest.mark.parametrize(
    "text, line",
    [
        ("id: x\nopenings: 010\n", 2),  # YAML 1.1 reads 8
        ("id: x\njam: 12:30\n", 2),  # base 60: 750
        ("id: x\nbase: &a [1, 2]\ncopy: *a\n", 2),  # aliases can multiply a file
    ],
)
def test_yaml_traps_are_located_problems(tmp_path, text, line):
    loaded = load_text(text, tmp_path / "x.yml")
    assert loaded.problems, "a trap must never pass silently"
    assert line in [p.line for p in loaded.problems]


def test_bytes_that_are_not_utf8_are_refused_with_a_problem(tmp_path):
    path = tmp_path / "latin1.yml"
    path.write_bytes("title: Caf\xe9\n".encode("latin-1"))
    loaded = load_file(path)
    assert not loaded.ok and loaded.problems


def test_an_oversized_file_is_not_read_whole(tmp_path):
    path = tmp_path / "big.yml"
    path.write_text("x: " + "a" * (MAX_BYTES + 10) + "\n", encoding="utf-8")
    loaded = load_file(path)
    assert not loaded.ok and loaded.problems
