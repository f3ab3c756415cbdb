"""``antarkerja new vacancy``: write a new vacancy file that already passes validation.

Answers come from flags; a missing one is asked for when a person is at the terminal, and is
an error otherwise (so scripts never hang); each answer is checked as it is given. What only
the officer knows (KBJI and KBLI codes, the description) is never guessed: left unanswered, it
is written visibly unfilled (``ISI: …``) and the validator rejects the file (``R415``) until it
is replaced. The file is written in canonical form (:mod:`antarkerja.fmt`) with the schema's
Indonesian help as a comment above each field, then validated; a file with any other problem
is not left behind.
"""

from __future__ import annotations

import difflib
import re
import sys
from datetime import timedelta
from pathlib import Path

from antarkerja.fmt import dump, ordered
from antarkerja.paths import offices_dir, vacancies_dir
from antarkerja.reference import load_reference
from antarkerja.schema import ID_PATTERN
from antarkerja.schema import vacancy as vacancy_schema
from antarkerja.today import resolve as resolve_today
from antarkerja.urls import slugify

QUESTIONS = {
    "title": "Nama jabatan (misalnya Operator Produksi)",
    "employer": "Nama pemberi kerja (misalnya PT Contoh Manufaktur)",
    "regency": "Kode kabupaten/kota tempat kerja (misalnya 32.16)",
    "office": "ID kantor pemverifikasi (nama berkas di content/offices/ tanpa .yml)",
    "kbji": "Kode jabatan KBJI 2014, 1–4 angka (misalnya 8 = operator mesin; kosongkan untuk diisi nanti)",
    "kbli": "Kategori lapangan usaha KBLI 2020, satu huruf A–U (misalnya C = industri; kosongkan untuk diisi nanti)",
    "description": "Deskripsi: tugas utama, tempat dan jadwal kerja (kosongkan untuk diisi nanti)",
}
# What only the officer knows is never guessed: left visibly unfilled, the validator rejects
# it (R415, and the field's own format) until it is replaced.
UNFILLED = {
    "kbji": "ISI: kode KBJI 2014, misalnya 8",
    "kbli": "ISI: huruf KBLI 2020, misalnya C",
    "description": "ISI: tuliskan tugas utama, tempat dan jadwal kerja dalam beberapa kalimat. "
    "Pelamar tidak dipungut biaya apa pun.\n",
}
OPTIONAL = ("kbji", "kbli", "description")


class ScaffoldError(Exception):
    pass


def _ask(args, name: str, check=None) -> str | None:
    """The answer from the flag, else asked at a terminal; each answer is checked as given.

    ``check(answer)`` returns ``(value, problem)``. A bad flag is an error at once; a bad typed
    answer is explained and asked again. An optional question left empty gives None.
    """
    check = check or (lambda answer: (answer, None))
    value = getattr(args, name, None)
    flag = "--" + name.replace("_", "-")
    if value not in (None, ""):
        value, problem = check(str(value).strip())
        if problem:
            raise ScaffoldError(f"{flag}: {problem}")
        return value
    if not sys.stdin.isatty():
        if name in OPTIONAL:
            return None
        raise ScaffoldError(f"{flag} wajib diisi ({QUESTIONS[name]})")
    for _ in range(5):
        answer = input(f"{QUESTIONS[name]}: ").strip()
        if not answer:
            if name in OPTIONAL:
                return None
            print(f"  {QUESTIONS[name].split(' (')[0]} wajib diisi.", file=sys.stderr)
            continue
        value, problem = check(answer)
        if not problem:
            return value
        print(f"  {problem}; coba lagi.", file=sys.stderr)
    raise ScaffoldError(f"{QUESTIONS[name]}: belum ada jawaban yang bisa dipakai")


def _checks(root: Path, ref):
    def regency(answer):
        if answer in ref.regencies:
            return answer, None
        near = difflib.get_close_matches(answer, list(ref.regencies), n=1)
        more = f" (maksud Anda `{near[0]}` {ref.regencies[near[0]].name}?)" if near else ""
        return None, f"kode kabupaten/kota `{answer}` tidak dikenal{more}; lihat content/reference/regencies.csv"

    def office(answer):
        known = sorted(p.stem for p in offices_dir(root).glob("*.yml"))
        if answer in known:
            return answer, None
        near = difflib.get_close_matches(answer, known, n=1)
        more = f" (maksud Anda `{near[0]}`?)" if near else ""
        return None, f"kantor `{answer}` tidak ada di content/offices/{more}; kantor baru didaftarkan dulu"

    def kbji(answer):
        if re.fullmatch(r"[0-9]{1,4}", answer) and answer[:1] in ref.kbji:
            return answer, None
        return None, f"`{answer}` bukan kode KBJI 2014 (1–4 angka, golongan pokok 0–9)"

    def kbli(answer):
        if answer.upper() in ref.kbli:
            return answer.upper(), None
        return None, f"`{answer}` bukan kategori KBLI 2020; pilih satu huruf: {', '.join(ref.kbli)}"

    def description(answer):
        if len(answer) < 30:
            return None, "deskripsi terlalu pendek (paling sedikit 30 karakter)"
        return answer.rstrip() + "\n", None

    return {"regency": regency, "office": office, "kbji": kbji, "kbli": kbli, "description": description}


def build_record(root: Path, args) -> dict:
    ref = load_reference(root)
    checks = _checks(root, ref)
    for name, check in checks.items():  # a wrong flag fails before anything is asked
        if getattr(args, name, None):
            _ask(args, name, check)
    title, employer = _ask(args, "title"), _ask(args, "employer")
    regency_code = _ask(args, "regency", checks["regency"])
    office = _ask(args, "office", checks["office"])
    for value, vocab, flag in (
        (args.employment_type, ref.employment_types, "--type"),
        (args.education, ref.education, "--education"),
        (args.legal_form or "lainnya", vacancy_schema.LEGAL_FORMS, "--legal-form"),
    ):
        if value not in vocab:
            raise ScaffoldError(f"{flag} `{value}` tidak dikenal; pilih salah satu: {', '.join(vocab)}")
    if not 1 <= args.days <= 90:
        raise ScaffoldError("--days harus antara 1 dan 90")
    regency = ref.regencies[regency_code]
    record_id = args.id or slugify(f"{title} {employer} {regency.short_name}", empty="")[:80].strip("-")
    path = vacancies_dir(root) / ref.provinces[regency.province_code].slug / f"{record_id}.yml"
    if path.exists() and not args.force:  # say so before asking anything more
        raise ScaffoldError(f"{path} sudah ada; pakai --id lain atau --force")
    answers = {name: _ask(args, name, checks[name]) for name in OPTIONAL}
    if not args.legal_form:
        prefix = employer.split()[0].lower().strip(".") if employer.split() else ""
        args.legal_form = prefix if prefix in ("pt", "cv", "koperasi", "yayasan", "firma") else "lainnya"
    posted = resolve_today(args.today)
    if not re.fullmatch(ID_PATTERN, record_id):
        # The id becomes the file name: `../..` or `a/b` would write outside the province folder.
        raise ScaffoldError(
            f"--id `{record_id}` tidak valid: pakai huruf kecil, angka dan tanda hubung (3–81 karakter)"
        )
    if args.salary_min is not None:
        salary = {
            "disclosed": True,
            "min": args.salary_min,
            "max": args.salary_max or args.salary_min,
            "unit": "MONTH",
            "currency": "IDR",
        }
    else:
        salary = {"disclosed": False}
    record = {
        "id": record_id,
        "example": bool(args.example) or None,
        "title": title,
        "status": "open",
        "employer": {"name": employer, "legal_form": args.legal_form},
        "location": {
            "country": "ID",
            "province": regency.province_code,
            "regency": regency.code,
            "work_mode": "onsite",
        },
        "employment_type": args.employment_type,
        "contract_months": 12 if args.employment_type == "pkwt" else None,
        "openings": args.openings,
        "salary": salary,
        "education": {"minimum": args.education},
        "experience_months": 0,
        "kbji": answers["kbji"] or UNFILLED["kbji"],
        "kbli": answers["kbli"] or UNFILLED["kbli"],
        "description": answers["description"] or UNFILLED["description"],
        "apply": {
            "walk_in": True,
            "instructions": "Datang ke kantor pemverifikasi dengan membawa kartu AK/1, KTP dan ijazah.",
        },
        "date_posted": posted,
        "valid_through": posted + timedelta(days=args.days),
        "verification": {"office": office, "date": posted},
    }
    return {k: v for k, v in record.items() if v is not None}


def render(record: dict, fields: dict, path_hint: str) -> str:
    lines = [
        "# Lowongan baru dari `antarkerja new vacancy`. Periksa setiap kolom dan ganti semua isian",
        "# bertanda ISI:, lalu periksa dengan: antarkerja validate " + path_hint,
        "# Panduan semua kolom: CONTRIBUTING.md",
        "",
    ]
    for key, value in ordered(record, {"type": "dict", "schema": fields}).items():
        meta = fields.get(key, {}).get("meta", {})
        note = meta.get("label", key) + (f". {meta['help']}" if meta.get("help") else "")
        lines.append(f"# {note}")
        lines.append(dump({key: value}).rstrip("\n"))
    return "\n".join(lines) + "\n"


def write_vacancy(root: Path, args) -> tuple[Path, list[str]]:
    """Write the file; return it and the fields still to fill in (marked ``ISI:``).

    A file is kept only when its sole problems are those unfilled fields, so a file that passes
    validation never holds template text, and nothing else broken is left behind.
    """
    from antarkerja.validate import validate_repository

    ref = load_reference(root)
    record = build_record(root, args)
    province = ref.provinces[record["location"]["province"]]
    folder = vacancies_dir(root) / province.slug
    path = folder / f"{record['id']}.yml"
    if path.parent.resolve() != folder.resolve():
        raise ScaffoldError(f"--id `{record['id']}` menunjuk ke luar {folder}")
    if (path.exists() or path.is_symlink()) and not args.force:
        raise ScaffoldError(f"{path} sudah ada; pakai --id lain atau --force")
    unfilled = [k for k in OPTIONAL if record[k] == UNFILLED[k]]
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise ScaffoldError(f"{path} bukan berkas biasa; tidak ditimpa")
    path.parent.mkdir(parents=True, exist_ok=True)
    # Keep what --force would replace until the new record has passed: a record that fails
    # must leave the old file exactly as it was.
    previous = path.read_bytes() if path.exists() else None
    path.write_text(render(record, vacancy_schema.schema(ref), str(path.relative_to(root))), encoding="utf-8")
    try:
        result = validate_repository(root, [path])
    except BaseException:
        _restore(path, previous)
        raise
    others = [d for d in result.errors if d.field not in unfilled]
    if others:
        _restore(path, previous)
        kept = "berkas lama tetap seperti semula" if previous is not None else "berkas tidak disimpan"
        raise ScaffoldError(f"berkas tidak lolos pemeriksaan; {kept}:\n" + "\n".join(d.format() for d in others))
    return path, unfilled


def _restore(path: Path, previous: bytes | None) -> None:
    if previous is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(previous)
