"""CODEOWNERS routes each province folder to that province's reviewers and never goes stale."""

from __future__ import annotations

import shutil

import pytest

from antarkerja.cli import main
from antarkerja.records.codeowners import ReviewersError, codeowners
from antarkerja.records.schema.export import write_all
from antarkerja.reference import load_reference


def _lines(text: str) -> dict[str, list[str]]:
    rows = [line.split() for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: row[1:] for row in rows}


def test_every_province_folder_has_its_reviewers(root):
    lines = _lines((root / ".github/CODEOWNERS").read_text(encoding="utf-8"))
    ref = load_reference(root)
    slugs = {p.slug for p in ref.provinces.values()}
    assert len(slugs) == 38
    folders = {p.name for p in (root / "content/vacancies").iterdir() if p.is_dir()}
    assert folders <= slugs
    for slug in slugs:
        assert lines[f"/content/vacancies/{slug}/"] == [f"@ORG/disnaker-{slug}"]
    assert lines["*"] == lines["/content/offices/"] == ["@ORG/pengelola-antarkerja"]
    # The last matching line wins on GitHub: the catch-all must come first.
    assert next(iter(lines)) == "*"


def test_filled_in_reviewers_replace_placeholders_and_schema_check_notices(tmp_path, root, capsys):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/reference").symlink_to(root / "content/reference")
    for name in ("CONTRIBUTING.md", "content/schema", ".github"):
        src, dst = root / name, tmp_path / name
        shutil.copytree(src, dst) if src.is_dir() else shutil.copy(src, dst)
    (tmp_path / ".github/reviewers.yml").write_text(
        "org: kemnaker-ri\nprovinces:\n  jawa-barat: ['@kemnaker-ri/disnaker-jabar', '@petugas-contoh']\n",
        encoding="utf-8",
    )
    assert main(["schema", "--check", "--root", str(tmp_path)]) == 1
    assert "CODEOWNERS: usang" in capsys.readouterr().out
    assert main(["schema", "--root", str(tmp_path)]) == 0
    lines = _lines((tmp_path / ".github/CODEOWNERS").read_text(encoding="utf-8"))
    assert lines["/content/vacancies/jawa-barat/"] == ["@kemnaker-ri/disnaker-jabar", "@petugas-contoh"]
    assert lines["/content/vacancies/bali/"] == ["@kemnaker-ri/disnaker-bali"]
    assert write_all(tmp_path, check=True) == []


@pytest.mark.parametrize(
    "config, says",
    [
        ({"provinces": {"jawa-barta": ["@x/y"]}}, "provinsi tidak dikenal: jawa-barta"),
        ({"provinces": {"bali": ["tim bali"]}}, "provinces.bali harus berisi daftar akun"),
        ({"maintainers": "@a/b c"}, "maintainers harus berisi"),
    ],
)
def test_bad_reviewer_settings_are_explained(root, config, says):
    with pytest.raises(ReviewersError, match=says):
        codeowners(load_reference(root), config)


def test_office_template_in_contributing_is_a_valid_office(tmp_path, root):
    import re

    from support import TEST_OFFICE, make_repo

    from antarkerja.records.validate import validate_repository

    text = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Mendaftarkan kantor")[1]
    template = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    parent = TEST_OFFICE.replace("id: test-office", "id: disnaker-provinsi-jawa-barat").replace(
        "type: disnaker_kabkota", "type: disnaker_provinsi"
    )
    parent = parent.replace('regency: "32.16"\n', "")
    repo = make_repo(
        tmp_path,
        offices={"disnaker-kabupaten-contoh.yml": template, "disnaker-provinsi-jawa-barat.yml": parent},
    )
    assert validate_repository(repo).diagnostics == []


def test_pull_request_template_is_an_indonesian_checklist(root):
    text = (root / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 6 and "Tidak ada permintaan uang dari pelamar" in text
    assert "CONTRIBUTING.md" in (root / "README.md").read_text(encoding="utf-8")
