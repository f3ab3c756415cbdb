"""``antarkerja new vacancy``: write a new vacancy file that already passes validation.

Answers come from flags; a missing one is asked for when a person is at the terminal, and is
an error otherwise (so scripts never hang). The file is written in canonical form
(:mod:`antarkerja.fmt`) with the schema's Indonesian help as a comment above each field, then
validated; a file that would not pass is not left behind.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

from antarkerja.fmt import dump, ordered
from antarkerja.paths import offices_dir, vacancies_dir
from antarkerja.reference import load_reference
from antarkerja.schema import ID_PATTERN
from antarkerja.schema import vacancy as vacancy_schema

QUESTIONS = {
    "title": "Nama jabatan (misalnya Operator Produksi)",
    "employer": "Nama pemberi kerja (misalnya PT Contoh Manufaktur)",
    "regency": "Kode kabupaten/kota tempat kerja (misalnya 32.16)",
    "office": "ID kantor pemverifikasi (nama berkas di content/offices/ tanpa .yml)",
}
PLACEHOLDER_DESCRIPTION = (
    "Tuliskan tugas utama, tempat dan jadwal kerja di sini dalam beberapa kalimat. "
    "Pelamar tidak dipungut biaya apa pun.\n"
)


class ScaffoldError(Exception):
    pass


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _ask(args, name: str) -> str:
    value = getattr(args, name, None)
    if value:
        return str(value).strip()
    if not sys.stdin.isatty():
        raise ScaffoldError(f"--{name} wajib diisi ({QUESTIONS[name]})")
    answer = input(f"{QUESTIONS[name]}: ").strip()
    if not answer:
        raise ScaffoldError(f"{QUESTIONS[name]} wajib diisi")
    return answer


def build_record(root: Path, args) -> dict:
    ref = load_reference(root)
    title, employer = _ask(args, "title"), _ask(args, "employer")
    regency_code, office = _ask(args, "regency"), _ask(args, "office")
    if regency_code not in ref.regencies:
        raise ScaffoldError(
            f"kode kabupaten/kota `{regency_code}` tidak dikenal; lihat content/reference/regencies.csv"
        )
    if not (offices_dir(root) / f"{office}.yml").is_file():
        raise ScaffoldError(f"kantor `{office}` tidak ada di content/offices/")
    for value, vocab, flag in (
        (args.employment_type, ref.employment_types, "--type"),
        (args.education, ref.education, "--education"),
        (args.legal_form or "lainnya", vacancy_schema.LEGAL_FORMS, "--legal-form"),
    ):
        if value not in vocab:
            raise ScaffoldError(f"{flag} `{value}` tidak dikenal; pilih salah satu: {', '.join(vocab)}")
    if not 1 <= args.days <= 90:
        raise ScaffoldError("--days harus antara 1 dan 90")
    if not args.legal_form:
        prefix = employer.split()[0].lower().strip(".") if employer.split() else ""
        args.legal_form = prefix if prefix in ("pt", "cv", "koperasi", "yayasan", "firma") else "lainnya"
    regency = ref.regencies[regency_code]
    posted = date.fromisoformat(args.today) if args.today else date.today()
    record_id = args.id or slugify(f"{title} {employer} {regency.short_name}")[:80].strip("-")
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
        "kbji": "9",
        "kbli": "C",
        "description": PLACEHOLDER_DESCRIPTION,
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
        "# Lowongan baru dari `antarkerja new vacancy`. Lengkapi setiap kolom, terutama kbji, kbli,",
        "# description dan apply, lalu periksa dengan: antarkerja validate " + path_hint,
        "# Panduan semua kolom: CONTRIBUTING.md",
        "",
    ]
    for key, value in ordered(record, {"type": "dict", "schema": fields}).items():
        meta = fields.get(key, {}).get("meta", {})
        note = meta.get("label", key) + (f". {meta['help']}" if meta.get("help") else "")
        lines.append(f"# {note}")
        lines.append(dump({key: value}).rstrip("\n"))
    return "\n".join(lines) + "\n"


def write_vacancy(root: Path, args) -> Path:
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
    if result.errors:
        _restore(path, previous)
        kept = "berkas lama tetap seperti semula" if previous is not None else "berkas tidak disimpan"
        raise ScaffoldError(f"berkas tidak lolos pemeriksaan; {kept}:\n" + "\n".join(d.format() for d in result.errors))
    return path


def _restore(path: Path, previous: bytes | None) -> None:
    if previous is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(previous)
