"""A pull request's validation in one page: the Markdown job summary of ``antarkerja validate``.

``antarkerja validate --changed-since REF --summary FILE`` reports only the record files a
pull request changed (every file when it changed none, e.g. a schema change) and writes a
Markdown summary: errors and warnings counted by code, each problem with its line, and a
short preview of each changed vacancy (title, employer, place, salary, closing date,
verifying office) so a reviewer sees what will be published without opening the YAML.
Under GitHub Actions the workflow points ``FILE`` at ``$GITHUB_STEP_SUMMARY``.

Every value shown comes from an untrusted pull request, so it is escaped for Markdown and
HTML and shortened; nothing in a record can add links, images, mentions or markup.
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

from antarkerja.paths import offices_dir, vacancies_dir
from antarkerja.records.diagnostics import CODES, ERROR, Diagnostic
from antarkerja.records.load import load_file
from antarkerja.records.rules import rules_for
from antarkerja.reference import Reference
from antarkerja.salary import UNIT_WORDS
from antarkerja.wording import DEADLINE, rupiah, tanggal

RECORD_SUFFIXES = (".yml", ".yaml")


def resolve_revision(root: Path, rev: str) -> str | None:
    """The commit id ``rev`` names in the repository at ``root``, or None.

    ``rev`` comes from a workflow input or a command line: it is only ever a value. Git reads
    it after ``--end-of-options`` (so ``--output=FILE`` is a name, not an option), and only the
    full commit id it resolves to reaches any other git command.
    """
    if not rev or "\0" in rev:
        return None
    try:
        proc = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
            cwd=root,
            capture_output=True,
            text=True,
        )
    except OSError:
        return None
    sha = proc.stdout.strip()
    return sha if proc.returncode == 0 and len(sha) in (40, 64) and all(c in "0123456789abcdef" for c in sha) else None


def changed_records(root: Path, base: str) -> list[Path] | None:
    """Record files added or modified since ``base`` (a git revision); None if git cannot tell."""
    sha = resolve_revision(root, base)
    if sha is None:
        return None
    try:
        proc = subprocess.run(
            ["git", "diff", "--name-only", "-z", "--diff-filter=d", sha, "--", "content/vacancies", "content/offices"],
            cwd=root,
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    names = [n for n in proc.stdout.decode("utf-8", "replace").split("\0") if n]
    return [root / n for n in names if n.endswith(RECORD_SUFFIXES) and (root / n).is_file()]


def escape(value, limit: int = 120) -> str:
    """Inert Markdown table text: no HTML, links, mentions, pipes or line breaks."""
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    for char in "\\`*_[]()#!~":
        text = text.replace(char, "\\" + char)
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "&#124;"), ("@", "&#64;")):
        text = text.replace(char, entity)
    return text


def _titles() -> dict[str, str]:
    titles = dict(CODES)
    titles.update({r.code: r.title for r in rules_for("vacancy") + rules_for("office")})
    return titles


def _date(value) -> str:
    if isinstance(value, date):
        return tanggal(value)
    return escape(value) if value else "—"


def _salary(salary) -> str:
    if not isinstance(salary, dict):
        return "—"
    if salary.get("disclosed") is False:
        return "Tidak dicantumkan"
    low, high = salary.get("min"), salary.get("max")
    if not isinstance(low, int):
        return "—"
    currency = salary.get("currency") or "IDR"
    amount = ("Rp " if currency == "IDR" else f"{escape(currency, 5)} ") + rupiah(low)
    if isinstance(high, int) and high != low:
        amount += " – " + rupiah(high)
    return f"{amount} {UNIT_WORDS.get(salary.get('unit'), '')}".strip()


def _place(location, ref: Reference) -> str:
    if not isinstance(location, dict):
        return "—"
    regency = ref.regencies.get(str(location.get("regency")))
    province = ref.provinces.get(str(location.get("province")))
    parts = [regency.name if regency else location.get("regency"), province.name if province else None]
    place = ", ".join(escape(p) for p in parts if p)
    country = location.get("country")
    if country and country != "ID":
        city = location.get("city")
        place = f"{escape(city) + ', ' if city else ''}{escape(country, 3)} (rekrutmen: {place})"
    return place or "—"


def _office(root: Path, office_id) -> str:
    if not isinstance(office_id, str):
        return "—"
    path = offices_dir(root) / f"{office_id}.yml"
    data = load_file(path).data if path.is_file() and "/" not in office_id else None
    name = data.get("name") if isinstance(data, dict) else None
    return f"{escape(name)} ({escape(office_id, 80)})" if name else f"{escape(office_id, 80)} (tidak ditemukan)"


def vacancy_preview(root: Path, path: Path, ref: Reference) -> list[str]:
    data = load_file(path).data
    rel = os.path.relpath(path, root)
    if not isinstance(data, dict):
        return [f"#### {escape(rel, 200)}", "", "Berkas belum bisa dibaca; lihat kesalahannya di atas.", ""]
    employer = data.get("employer") if isinstance(data.get("employer"), dict) else {}
    verification = data.get("verification") if isinstance(data.get("verification"), dict) else {}
    rows = [
        ("Jabatan", escape(data.get("title", "—"))),
        ("Pemberi kerja", escape(employer.get("name", "—"))),
        ("Tempat", _place(data.get("location"), ref)),
        ("Upah", _salary(data.get("salary"))),
        (DEADLINE, _date(data.get("valid_through"))),
        ("Kantor pemverifikasi", _office(root, verification.get("office"))),
    ]
    return [
        f"#### {escape(rel, 200)}",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in rows),
        "",
    ]


def markdown_summary(
    root: Path, diagnostics: list[Diagnostic], paths: list[Path], ref: Reference, suppressed: list = ()
) -> str:
    """The job summary: verdict, counts by code, every problem, then previews of vacancies."""
    errors = [d for d in diagnostics if d.severity == ERROR]
    warnings = [d for d in diagnostics if d.severity != ERROR]
    verdict = (
        f"❌ {len(errors)} kesalahan harus diperbaiki sebelum digabung"
        if errors
        else "✅ Semua berkas yang diubah lolos pemeriksaan"
    )
    out = [
        "## Hasil pemeriksaan data",
        "",
        f"{verdict}; {len(warnings)} peringatan; {len(paths)} berkas diperiksa.",
        "",
    ]
    if diagnostics:
        titles = _titles()
        counts = Counter(d.code for d in diagnostics)
        out += ["| Kode | Tingkat | Arti | Jumlah |", "|---|---|---|---|"]
        for code in sorted(counts):
            level = "peringatan" if code.startswith("W") else "kesalahan"
            out.append(f"| `{code}` | {level} | {escape(titles.get(code, ''), 200)} | {counts[code]} |")
        out += ["", "| Berkas | Baris | Kode | Kolom | Pesan |", "|---|---|---|---|---|"]
        for d in diagnostics:
            message = d.message + (f" ({d.hint})" if d.hint else "")
            rel = os.path.relpath(d.path, root)
            out.append(
                f"| {escape(rel, 200)} | {d.line} | `{d.code}` | {escape(d.field, 80)} | {escape(message, 400)} |"
            )
        out.append("")
        out.append("Cara memperbaiki setiap kode: CONTRIBUTING.md, bagian *Kode pesan pemeriksa*.")
        out.append("")
    if suppressed:
        # Reasoned "# antarkerja: abaikan CODE — reason" markers: reviewers judge the reason.
        out += [
            f"### Temuan yang diabaikan petugas ({len(suppressed)})",
            "",
            "| Berkas | Baris | Kode | Alasan | Temuan |",
            "|---|---|---|---|---|",
        ]
        for s in suppressed:
            rel = os.path.relpath(s.path, root)
            out.append(
                f"| {escape(rel, 200)} | {s.line} | `{s.code}` | {escape(s.reason, 300)} | "
                f"{escape(s.field, 80)}: {escape(s.message, 300)} |"
            )
        out.append("")
    vacancies = vacancies_dir(root).resolve()
    previews = [p for p in paths if vacancies in Path(p).resolve().parents]
    if previews:
        out += ["### Pratinjau lowongan yang diubah", ""]
        for path in previews:
            out += vacancy_preview(root, Path(path), ref)
    return "\n".join(out) + "\n"
