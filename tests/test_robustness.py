"""Hostile and careless input: the robustness corpus in tests/robustness/.

Every file in ``tests/robustness/cases/`` is one class of bad input (or a hostile-looking
but valid record, ``accepted-*``). ``tests/robustness/expectations.csv`` says exactly what
the validator reports for it: each diagnostic as ``CODE@line:col``, or ``accepted``. The
accepted cases are then built together into one site, which must carry no executable
script or handler from content. Cases that are about the tools rather than a file (output
folder guard, ``new vacancy``, ``fmt``, interrupted builds, CI logs, file discovery) follow
as tests of their own.
"""

from __future__ import annotations

import csv
import os
import re
import signal
from pathlib import Path

import pytest
from support import GOOD_VACANCY, TODAY, make_repo, parse_html, vacancy

from antarkerja import cli
from antarkerja.records.contentpages import sanitize_html
from antarkerja.records.diagnostics import safe
from antarkerja.records.validate import MAX_PER_FILE, validate_repository
from antarkerja.site.build import BuildFailed, BuildInterrupted, build_site, terminate_as_exception

CORPUS = Path(__file__).resolve().parent / "robustness"
CASES = CORPUS / "cases"


def expectations() -> list[dict]:
    with open(CORPUS / "expectations.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


EXPECTED = expectations()


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Rules about the future compare with today: make it the tests' today."""
    monkeypatch.setenv("ANTARKERJA_TODAY", TODAY.isoformat())


def place(root: Path, case: str) -> Path:
    """Copy one case file to where its kind lives in a repository; return its path there."""
    kind, name = case.split("/")
    raw = (CASES / case).read_bytes()
    if kind == "vacancies":
        target = root / "content/vacancies/jawa-barat" / name
    elif kind == "offices":
        target = root / "content/offices" / name
    else:
        target = root / "content/pages" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)
    return target


def outcome(diagnostics) -> str:
    return " ".join(f"{d.code}@{d.line}:{d.col}" for d in diagnostics) or "accepted"


def test_every_case_file_has_one_expectation():
    files = sorted(p.relative_to(CASES).as_posix() for p in CASES.rglob("*") if p.is_file())
    assert files == sorted(row["case"] for row in EXPECTED)


@pytest.mark.parametrize("row", EXPECTED, ids=[row["case"] for row in EXPECTED])
def test_case_gives_exactly_the_expected_outcome(tmp_path, row):
    root = make_repo(tmp_path)
    place(root, row["case"])
    result = validate_repository(root)
    assert outcome(result.diagnostics) == row["outcome"], "\n".join(d.format() for d in result.diagnostics)
    assert all(d.path.name == Path(row["case"]).name for d in result.diagnostics)
    assert not any(d.code == "R400" for d in result.diagnostics)


ACCEPTED = [row["case"] for row in EXPECTED if row["outcome"] == "accepted"]


@pytest.fixture(scope="module")
def accepted_site(tmp_path_factory) -> Path:
    """Every accepted case in one repository, validated together and built once."""
    tmp = tmp_path_factory.mktemp("robust")
    root = make_repo(tmp / "root")
    for case in ACCEPTED:
        place(root, case)
    os.environ["ANTARKERJA_TODAY"] = TODAY.isoformat()
    try:
        assert validate_repository(root).diagnostics == []
        # With the search index: accepted text in any script must get through Pagefind too.
        return build_site(root, output=tmp / "out", today=TODAY.isoformat(), search=True)
    finally:
        del os.environ["ANTARKERJA_TODAY"]


def executable_content(site: Path) -> list[str]:
    """Scripts, handlers and script URLs on any page, except the theme's own scripts."""
    problems = []
    for path in sorted(site.rglob("*.html")):
        page = parse_html(path.read_text(encoding="utf-8"))
        name = path.relative_to(site).as_posix()
        for node in page.iter():
            for attr, value in node.attrs.items():
                if attr.startswith("on"):
                    problems.append(f"{name}: <{node.tag} {attr}>")
                if attr in ("href", "src", "action") and re.match(r"\s*(javascript|vbscript|data:text)", value, re.I):
                    problems.append(f"{name}: {attr}={value[:40]}")
            # The theme's own charts and QR codes are SVG; anything else embedded is not ours.
            ours_svg = node.tag == "svg" and node.attrs.get("class") in ("chart", "qr")
            if node.tag in ("iframe", "object", "embed", "img", "svg", "base", "foreignobject") and not ours_svg:
                problems.append(f"{name}: <{node.tag}>")
            if node.tag == "script":
                ours = node.attrs.get("type") in ("application/ld+json", "application/json") or re.match(
                    r"^/theme/js/[a-z]+\.js(\?v=\w+)?$", node.attrs.get("src", "")
                )
                if not ours:
                    problems.append(f"{name}: script {node.attrs}")
    return problems


def test_accepted_cases_build_together_and_nothing_executes(accepted_site, read_page):
    assert executable_content(accepted_site) == []
    assert any((accepted_site / "pagefind").rglob("*.pf_index"))  # "Barista Café" once stopped the index
    title = read_page(accepted_site, "lowongan/accepted-script-title/").find("h1").text
    assert title == "<script>alert(1)</script> Operator <img src=x onerror=alert(2)>"
    page = read_page(accepted_site, "accepted-page/")
    assert page.find("table") is not None
    assert "<script>ini contoh kode, bukan skrip</script>" in page.find("pre").text
    links = [a.attrs["href"] for a in page.find("article").find_all("a")]
    assert links == ["../cara-melamar/", "https://contoh.go.id", "mailto:layanan@contoh.go.id"]


def test_page_sanitizer_removes_what_the_validator_would_refuse():
    dirty = (
        '<p>a<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'
        '<a href="https://contoh.go.id" onclick="alert(4)">y</a>\u202e</p>'
    )
    clean = sanitize_html(dirty)
    assert "<script" not in clean and "onerror" not in clean and "javascript" not in clean
    assert "onclick" not in clean and "\u202e" not in clean
    assert '<a href="https://contoh.go.id" rel="noopener">y</a>' in clean


def test_kbji_code_missing_from_a_finer_reference_list_is_refused():
    from types import SimpleNamespace

    from antarkerja.records.rules.common import kbji_in_reference

    ref = SimpleNamespace(kbji={"8": {}, "8160": {}})
    ctx = SimpleNamespace(ref=ref)
    assert list(kbji_in_reference({"kbji": "8160"}, ctx)) == []
    assert [f[0] for f in kbji_in_reference({"kbji": "8999"}, ctx)] == [("kbji",)]
    assert [f[0] for f in kbji_in_reference({"kbji": "1"}, ctx)] == [("kbji",)]


# Silently ignored files ---------------------------------------------------------------------


def test_every_file_where_records_live_is_read_or_reported(tmp_path):
    good = vacancy(("id: good-vacancy", "id: x"))
    root = make_repo(
        tmp_path,
        {
            "jawa-barat/a.YML": good,
            "jawa-barat/b.yml~": good,
            "jawa-barat/c.yml.txt": good,
            "jawa-barat/.d.yml.swp": good,
            "jawa-barat/e.yaml": good,
        },
    )
    (root / "content/stray.yaml").write_text(good, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "jawa-barat").mkdir(parents=True)
    (elsewhere / "jawa-barat/f.yml").write_text(good, encoding="utf-8")
    os.symlink(elsewhere, root / "content/vacancies/banten")
    os.symlink(elsewhere / "jawa-barat/f.yml", root / "content/vacancies/jawa-barat/f.yml")
    found = {(d.path.name, d.code) for d in validate_repository(root).diagnostics}
    assert found == {
        ("a.YML", "X308"),
        ("b.yml~", "W520"),
        ("c.yml.txt", "X308"),
        (".d.yml.swp", "W520"),
        ("e.yaml", "X308"),
        ("stray.yaml", "X308"),
        ("banten", "Y112"),
        ("f.yml", "Y112"),
    }


def test_symlink_to_dev_zero_is_refused_without_reading_it(tmp_path):
    root = make_repo(tmp_path)
    os.symlink("/dev/zero", root / "content/offices/nol.yml")
    result = validate_repository(root)
    assert outcome(result.diagnostics) == "Y112@1:1"


# No false "all clear" --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given, code",
    [("content/vacancies/tidak-ada.yml", "Y100"), ("content/reference", "X308"), ("README.md", "X308")],
)
def test_validate_never_says_all_clear_about_nothing(tmp_path, capsys, given, code):
    root = make_repo(tmp_path)
    (root / "README.md").write_text("# repo\n", encoding="utf-8")
    status = cli.main(["validate", "--root", str(root), str(root / given)])
    out = capsys.readouterr().out
    assert status == 1 and f" {code} " in out, out


def test_validate_on_a_folder_checks_the_records_in_it(tmp_path, capsys):
    bad = vacancy(("openings: 20", "openings: 0"))
    root = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": bad})
    status = cli.main(["validate", "--root", str(root), str(root / "content/vacancies")])
    assert status == 1 and " S206 " in capsys.readouterr().out


def test_mistyped_root_is_refused(tmp_path, capsys):
    assert cli.main(["validate", "--root", str(tmp_path / "tidak-ada")]) == 2
    assert "content/" in capsys.readouterr().err


# Scale of bad input -------------------------------------------------------------------------------


def test_thousands_of_wrong_items_give_a_bounded_report(tmp_path):
    text = GOOD_VACANCY + "benefits:\n" + "- 1\n" * 8000 + "".join(f"extra_{i}: x\n" for i in range(2000))
    root = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": text})
    result = validate_repository(root)
    codes = [d.code for d in result.diagnostics]
    assert len(codes) == MAX_PER_FILE + 1 and codes[-1] == "Y113"
    assert "S208" in codes  # the list is still reported as too long, with its real length
    assert any("8000 karakter/butir" in d.message for d in result.diagnostics)


# CI logs and terminals ----------------------------------------------------------------------------


def test_values_cannot_become_workflow_commands_or_terminal_escapes(tmp_path, capsys, monkeypatch):
    root = make_repo(tmp_path)
    place(root, "vacancies/vacancy-workflow-command.yml")
    place(root, "vacancies/vacancy-ansi-escape.yml")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert cli.main(["validate", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 2 and all(line.startswith("::error file=") for line in commands)
    assert not any("::stop-commands::" in line or "\x1b" in line for line in lines)
    assert "open\\n:\\:error" in out  # shown, escaped, so the officer still sees the value


def test_safe_escapes_controls_separators_bidi_and_double_colons():
    assert safe("a\nb\r\x1b[31m\u2028\u202e::c") == "a\\nb\\r\\x1b[31m\\u2028\\u202e:\\:c"
    assert safe("biasa: teks") == "biasa: teks"


# Data loss through the tools -------------------------------------------------------------------


def test_build_refuses_an_output_folder_that_holds_other_files(tmp_path):
    root = make_repo(tmp_path / "repo")
    for output in (root / "content", root, root / "content/vacancies", tmp_path):
        with pytest.raises(BuildFailed):
            build_site(root, output=output, today=TODAY.isoformat(), search=False)
    precious = tmp_path / "dokumen"
    precious.mkdir()
    (precious / "surat.txt").write_text("penting", encoding="utf-8")
    with pytest.raises(BuildFailed, match="bukan hasil"):
        build_site(root, output=precious, today=TODAY.isoformat(), search=False)
    assert (precious / "surat.txt").read_text(encoding="utf-8") == "penting"
    assert (root / "content/offices/test-office.yml").is_file()


def test_build_replaces_an_earlier_output(tmp_path):
    root = make_repo(tmp_path / "repo")
    out = tmp_path / "out"
    build_site(root, output=out, today=TODAY.isoformat(), search=False)
    (out / "sisa.txt").write_text("dari pembangunan lama", encoding="utf-8")
    build_site(root, output=out, today=TODAY.isoformat(), search=False)
    assert not (out / "sisa.txt").exists() and (out / "index.html").is_file()


def test_sigterm_during_a_build_leaves_no_staging_folder(tmp_path, monkeypatch):
    root = make_repo(tmp_path / "repo")

    def killed(settings):
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr("antarkerja.site.build.run_pelican", killed)
    with pytest.raises(BuildInterrupted):
        build_site(root, output=tmp_path / "out", today=TODAY.isoformat(), search=False)
    assert [p.name for p in tmp_path.iterdir()] == ["repo"]
    assert signal.getsignal(signal.SIGTERM) is not None
    with pytest.raises(BuildInterrupted), terminate_as_exception():
        os.kill(os.getpid(), signal.SIGHUP)


def test_stale_staging_folder_of_a_killed_build_is_removed(tmp_path):
    root = make_repo(tmp_path / "repo")
    stale = tmp_path / ".out.building-999999999"
    stale.mkdir()
    build_site(root, output=tmp_path / "out", today=TODAY.isoformat(), search=False)
    assert not stale.exists()


def new_vacancy(root: Path, *extra: str, today: str = TODAY.isoformat()) -> list[str]:
    return [
        "new",
        "vacancy",
        "--root",
        str(root),
        "--title",
        "Operator Produksi",
        "--employer",
        "PT Contoh Baru",
        "--regency",
        "32.16",
        "--office",
        "test-office",
        "--today",
        today,
        *extra,
    ]


def test_new_vacancy_force_keeps_the_old_file_when_the_new_one_fails(tmp_path, capsys):
    old = vacancy(("id: good-vacancy", "id: lama"))
    root = make_repo(tmp_path, {"jawa-barat/lama.yml": old})
    # --days 90 from a far-future --today fails R431: the new record cannot be saved.
    status = cli.main(new_vacancy(root, "--id", "lama", "--force", today="2099-01-01"))
    assert status == 1
    assert "berkas lama tetap seperti semula" in capsys.readouterr().err
    assert (root / "content/vacancies/jawa-barat/lama.yml").read_text(encoding="utf-8") == old


@pytest.mark.parametrize("bad_id", ["../..", "../../../luar", "a/b", "Huruf-Besar"])
def test_new_vacancy_refuses_ids_that_are_not_file_names(tmp_path, capsys, bad_id):
    root = make_repo(tmp_path)
    before = sorted(p for p in tmp_path.rglob("*") if not p.is_symlink())
    assert cli.main(new_vacancy(root, "--id", bad_id)) == 1
    assert "--id" in capsys.readouterr().err
    assert sorted(p for p in tmp_path.rglob("*") if not p.is_symlink()) == before


def test_fmt_refuses_bytes_that_are_not_utf8(tmp_path, capsys):
    raw = GOOD_VACANCY.replace("Cikarang", "Cik\xe4rang").encode("latin-1")
    root = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": raw})
    path = root / "content/vacancies/jawa-barat/good-vacancy.yml"
    assert cli.main(["fmt", "--root", str(root), str(path)]) == 1
    assert "bukan UTF-8" in capsys.readouterr().out
    assert path.read_bytes() == raw


def test_a_rule_that_raises_on_a_valid_record_is_reported_not_skipped(tmp_path, monkeypatch):
    from antarkerja.records.rules import Rule
    from antarkerja.records.validate import RepositoryValidator

    def broken(v, ctx):
        raise OverflowError("date value out of range")

    root = make_repo(tmp_path, {"jawa-barat/good-vacancy.yml": GOOD_VACANCY})
    validator = RepositoryValidator(root)
    validator.vacancy_rules = [*validator.vacancy_rules, Rule("R499", "vacancy", broken, "uji", "")]
    result = validator.run()
    assert outcome(result.diagnostics) == "R400@1:1"
    assert "R499" in result.diagnostics[0].message and "OverflowError" in result.diagnostics[0].message


def test_sigterm_during_a_build_ends_with_one_indonesian_line(tmp_path):
    """`antarkerja build` killed by SIGTERM once printed a Python traceback."""
    import subprocess
    import sys

    root = make_repo(tmp_path / "repo")
    script = (
        "import os, signal, sys\n"
        "import antarkerja.site.build\n"
        "antarkerja.site.build.run_pelican = lambda settings: os.kill(os.getpid(), signal.SIGTERM)\n"
        "from antarkerja.cli import main\n"
        f"sys.exit(main(['build', '--root', {str(root)!r}, '--output', {str(tmp_path / 'out')!r}, '--no-search']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=dict(os.environ))
    assert proc.returncode == 128 + signal.SIGTERM
    assert proc.stderr.splitlines() == ["antarkerja build: dihentikan oleh sinyal SIGTERM; folder hasil tidak diubah."]
    assert "Traceback" not in proc.stderr + proc.stdout
    assert not (tmp_path / "out").exists()
