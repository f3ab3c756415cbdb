"""``antarkerja new vacancy``: write a new vacancy file, commented and canonical.

Answers come from flags; a missing one is asked for when a person is at the terminal, and is
an error otherwise (so scripts never hang); each answer is checked as it is given. What only
the officer knows (salary or why it is undisclosed, openings, education, experience, employment
type, closing date, how to apply, KBJI and KBLI codes, the description, the skills asked for) is never guessed: left
unanswered, it is written visibly unfilled (``ISI: …``) and the validator rejects the file (``R415``) until it
is replaced. The file is written in canonical form (:mod:`antarkerja.records.fmt`) with the schema's
Indonesian help as a comment above each field, then validated; a file with any other problem
is not left behind. The record itself is assembled by :mod:`antarkerja.records.build_record`,
as the issue and web forms' records are.
"""

from __future__ import annotations

import difflib
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from antarkerja.paths import vacancies_dir
from antarkerja.records.build_record import new_vacancy
from antarkerja.records.fmt import dump, ordered
from antarkerja.records.schema import ID_PATTERN
from antarkerja.records.schema import vacancy as vacancy_schema
from antarkerja.reference import load_reference
from antarkerja.today import resolve as resolve_today
from antarkerja.urls import vacancy_id
from antarkerja.wording import DEADLINE, SALARY_UNDISCLOSED

QUESTIONS = {
    "title": "Nama jabatan (misalnya Operator Produksi)",
    "employer": "Nama pemberi kerja (misalnya PT Contoh Manufaktur)",
    "regency": "Kabupaten/kota tempat kerja: kode atau nama lengkap (misalnya 32.16 atau Kabupaten Bekasi)",
    "office": "ID kantor pemverifikasi (tertulis di halaman kantornya; nama berkas di content/offices/ tanpa .yml)",
    "employment_type": "Jenis hubungan kerja: {types} (kosongkan untuk diisi nanti)",
    "contract_months": "Lama kontrak PKWT dalam bulan, paling lama 60 (kosongkan untuk diisi nanti)",
    "openings": "Jumlah orang yang dicari (kosongkan untuk diisi nanti)",
    "salary": "Upah per bulan dalam rupiah: terendah-tertinggi (misalnya 4500000-5200000), "
    "atau `tidak` bila pemberi kerja tidak mencantumkannya (kosongkan untuk diisi nanti)",
    "salary_undisclosed": "Mengapa upah tidak dicantumkan? (misalnya: dibicarakan saat wawancara)",
    "education": "Pendidikan minimal: {education} (kosongkan untuk diisi nanti)",
    "experience": "Pengalaman minimal dalam bulan, 0 bila lulusan baru diterima (kosongkan untuk diisi nanti)",
    "valid_through": f"{DEADLINE} TTTT-BB-HH, paling lama 90 hari setelah tayang (kosongkan untuk diisi nanti)",
    "apply": "Cara melamar: tautan, email, nomor telepon, atau `datang` (ke kantor pemverifikasi) "
    "(kosongkan untuk diisi nanti)",
    "kbji": "Kode jabatan KBJI 2014, 1–4 angka (misalnya 8 = operator mesin; kosongkan untuk diisi nanti)",
    "kbli": "Kategori lapangan usaha KBLI 2020, satu huruf A–U (misalnya C = industri; kosongkan untuk diisi nanti)",
    "description": "Deskripsi: tugas utama, tempat dan jadwal kerja (kosongkan untuk diisi nanti)",
    "qualifications": "Keterampilan atau kompetensi yang dibutuhkan, pisahkan dengan titik koma "
    "(misalnya: Bisa mengoperasikan forklift; Memiliki SIM B1; kosongkan untuk diisi nanti)",
}
# What only the officer knows is never guessed: left visibly unfilled, the validator rejects
# it (R415, and the field's own type or format) until it is replaced. Perpres 57/2023 Art. 5
# lists wage, number of workers, education, skills or competence, experience and validity among
# what a vacancy report carries: none of them gets a default. Keys are the fields' record paths.
UNFILLED = {
    "employment_type": "ISI: jenis hubungan kerja, misalnya pkwt",
    "contract_months": "ISI: lama kontrak dalam bulan, misalnya 12",
    "openings": "ISI: jumlah orang yang dicari, misalnya 3",
    "salary.disclosed": "ISI: true dengan upah min dan max per bulan, atau false bila tidak dicantumkan",
    "education.minimum": "ISI: pendidikan minimal, misalnya sma",
    "experience_months": "ISI: pengalaman minimal dalam bulan, 0 bila lulusan baru diterima",
    "valid_through": "ISI: batas lamaran TTTT-BB-HH, paling lama 90 hari setelah tayang",
    "apply.instructions": "ISI: cara melamar (tautan, email, telepon atau datang langsung ke kantor)",
    "kbji": "ISI: kode KBJI 2014, misalnya 8",
    "kbli": "ISI: huruf KBLI 2020, misalnya C",
    "description": "ISI: tuliskan tugas utama, tempat dan jadwal kerja dalam beberapa kalimat. "
    "Pelamar tidak dipungut biaya apa pun.\n",
    "qualifications": ["ISI: keterampilan atau kompetensi yang dibutuhkan, satu per butir"],
}
OPTIONAL = (
    "employment_type",
    "contract_months",
    "openings",
    "salary",
    "salary_undisclosed",
    "education",
    "experience",
    "valid_through",
    "apply",
    "kbji",
    "kbli",
    "description",
    "qualifications",
)
MAX_DAYS = 90


class ScaffoldError(Exception):
    pass


def _plain_text(name: str, text: str) -> str:
    """An answer with every line break YAML knows (U+0085, U+2028, U+2029) as ``\\n``, never raw;
    one-line answers (all but the description) with their whitespace collapsed."""
    from antarkerja.records.issueform import normalize_breaks

    text = normalize_breaks(text)
    return text.strip() if name == "description" else " ".join(text.split())


def _ask(args, name: str, check=None, prompt: str | None = None) -> str | None:
    """The answer from the flag, else asked at a terminal; each answer is checked as given.

    ``check(answer)`` returns ``(value, problem)``. A bad flag is an error at once; a bad typed
    answer is explained and asked again. An optional question left empty gives None.
    """
    check = check or (lambda answer: (answer, None))
    prompt = prompt or QUESTIONS[name]
    value = getattr(args, name, None)
    flag = "--" + name.replace("_", "-")
    if value not in (None, ""):
        value, problem = check(_plain_text(name, str(value)))
        if problem:
            raise ScaffoldError(f"{flag}: {problem}")
        return value
    if not sys.stdin.isatty():
        if name in OPTIONAL:
            return None
        raise ScaffoldError(f"{flag} wajib diisi ({prompt})")
    for _ in range(5):
        answer = _plain_text(name, input(f"{prompt}: "))
        if not answer:
            if name in OPTIONAL:
                return None
            print(f"  {prompt.split(' (')[0]} wajib diisi.", file=sys.stderr)
            continue
        value, problem = check(answer)
        if not problem:
            return value
        print(f"  {problem}; coba lagi.", file=sys.stderr)
    raise ScaffoldError(f"{prompt}: belum ada jawaban yang bisa dipakai")


def _checks(root: Path, ref, province_of):
    """Each answer's check: ``answer → (value, problem)``. ``province_of()`` is the chosen
    regency's province (None before one is chosen): office suggestions come from it."""
    from antarkerja.records.issueform import (
        _full_regency_name,
        find_office,
        known_offices,
        office_suggestions,
        regency_suggestions,
    )

    def regency(answer):
        if answer in ref.regencies:
            return answer, None
        if re.fullmatch(r"\d{4}", answer) and f"{answer[:2]}.{answer[2:]}" in ref.regencies:
            return f"{answer[:2]}.{answer[2:]}", None
        full = _full_regency_name(answer)
        exact = [r.code for r in ref.regencies.values() if r.name.lower() == full]
        if len(exact) == 1:
            return exact[0], None
        found = regency_suggestions(answer[:100], ref) or [
            ref.regencies[c] for c in difflib.get_close_matches(answer, list(ref.regencies), n=2)
        ]
        more = f" (maksud Anda {', '.join(f'`{r.code}` {r.name}' for r in found)}?)" if found else ""
        return None, f"kabupaten/kota `{answer}` tidak dikenal{more}; lihat content/reference/regencies.csv"

    def office(answer):
        offices = known_offices(root)
        found = find_office(answer, offices)
        if found:
            return found, None
        near = office_suggestions(answer[:100], offices, province_of(), limit=3)
        more = f" (maksud Anda {', '.join(f'`{o}`' for o in near)}?)" if near else ""
        return None, f"kantor `{answer}` tidak ada di content/offices/{more}; kantor baru didaftarkan dulu"

    def vocabulary(name, vocab):
        def check(answer):
            code = answer.strip().lower().replace(" ", "_")
            if code in vocab:
                return code, None
            near = difflib.get_close_matches(code, list(vocab), n=1)
            more = f" (maksud Anda `{near[0]}`?)" if near else ""
            return None, f"{name} `{answer}` tidak dikenal{more}; pilih salah satu: {', '.join(vocab)}"

        return check

    def whole(low, high, what):
        def check(answer):
            if re.fullmatch(r"\d{1,9}", str(answer)) and low <= int(answer) <= high:
                return int(answer), None
            return None, f"{what} `{answer}` harus bilangan bulat {low}–{high}"

        return check

    def salary(answer):
        text = str(answer).strip().lower()
        if text in ("tidak", "tidak dicantumkan", "-"):
            return "undisclosed", None
        # Split on the dash, then trim: `\s*[-–]\s*` is quadratic on a long run of spaces.
        numbers = [n.strip().replace(".", "") for n in re.split("[-–]", text, maxsplit=1)]
        if all(re.fullmatch(r"\d{1,12}", n) for n in numbers):
            low, high = int(numbers[0]), int(numbers[-1])
            if low <= high:
                return (low, high), None
        return None, f"upah `{answer}` tidak terbaca; tulis misalnya 4500000-5200000, atau `tidak`"

    def valid_through(answer):
        try:
            return date.fromisoformat(str(answer).strip()), None
        except ValueError:
            return None, f"`{answer}` bukan tanggal TTTT-BB-HH, misalnya 2027-01-31"

    def apply(answer):
        text = str(answer).strip()
        if text.lower() in ("datang", "datang langsung"):
            return {"walk_in": True}, None
        if text.startswith(("https://", "http://")):
            return {"url": text}, None
        # Anchored, and the last label has no dot: linear even when searched, not only matched.
        if re.fullmatch(r"\A[^@\s]+@[^@\s]+\.[^@\s.]+\Z", text):
            return {"email": text}, None
        if re.fullmatch(r"\+?[0-9][0-9 ()-]{5,20}", text):
            return {"phone": text}, None
        return None, f"`{text}` bukan tautan, email, nomor telepon atau `datang`"

    def kbji(answer):
        if re.fullmatch(r"[0-9]{1,4}", answer) and answer[:1] in ref.kbji:
            return answer, None
        return None, f"`{answer}` bukan kode KBJI 2014 (1–4 angka, golongan pokok 0–9)"

    def kbli(answer):
        if answer.upper() in ref.kbli:
            return answer.upper(), None
        return None, f"`{answer}` bukan kategori KBLI 2020; pilih satu huruf: {', '.join(ref.kbli)}"

    def qualifications(answer):
        items = [item.strip() for item in answer.split(";")]
        items = [item for item in items if item]
        if not items:
            return None, "tulis paling sedikit satu keterampilan atau kompetensi"
        if any(len(item) > 300 for item in items):
            return None, "satu butir paling panjang 300 karakter; pisahkan butir dengan titik koma"
        return items, None

    def description(answer):
        if len(answer) < 30:
            return None, "deskripsi terlalu pendek (paling sedikit 30 karakter)"
        return answer.rstrip() + "\n", None

    return {
        "regency": regency,
        "office": office,
        "employment_type": vocabulary("jenis hubungan kerja", ref.employment_types),
        "contract_months": whole(1, 60, "lama kontrak"),
        "openings": whole(1, 100000, "jumlah lowongan"),
        "salary": salary,
        "education": vocabulary("pendidikan", ref.education),
        "experience": whole(0, 600, "pengalaman"),
        "valid_through": valid_through,
        "apply": apply,
        "kbji": kbji,
        "kbli": kbli,
        "description": description,
        "qualifications": qualifications,
    }


def _salary_from_flags(args):
    """``--salary-min/--salary-max`` or ``--salary-undisclosed`` as one answer for the salary check."""
    if args.salary_min is not None:
        return f"{args.salary_min}-{args.salary_max or args.salary_min}"
    if args.salary_undisclosed:
        return "tidak"
    return None


def build_record(root: Path, args) -> dict:
    ref = load_reference(root)
    chosen: dict = {}
    checks = _checks(root, ref, lambda: chosen.get("province"))
    prompts = {
        name: text.format(types=", ".join(ref.employment_types), education=", ".join(ref.education))
        for name, text in QUESTIONS.items()
    }
    args.salary = _salary_from_flags(args)
    if args.regency:  # office suggestions come from the flag's province even before asking
        code, _ = checks["regency"](str(args.regency).strip())
        chosen["province"] = ref.regencies[code].province_code if code else None
    for name, check in checks.items():  # a wrong flag fails before anything is asked
        if getattr(args, name, None) not in (None, ""):
            _ask(args, name, check)
    if args.legal_form and args.legal_form not in vacancy_schema.LEGAL_FORMS:
        raise ScaffoldError(
            f"--legal-form `{args.legal_form}` tidak dikenal; pilih salah satu: {', '.join(vacancy_schema.LEGAL_FORMS)}"
        )
    title, employer = _ask(args, "title"), _ask(args, "employer")
    regency_code = _ask(args, "regency", checks["regency"], prompts["regency"])
    regency = ref.regencies[regency_code]
    chosen["province"] = regency.province_code
    office = _ask(args, "office", checks["office"], prompts["office"])
    record_id = args.id or vacancy_id(title, employer, regency.short_name)
    if not re.fullmatch(ID_PATTERN, record_id):
        # The id becomes the file name: `../..` or `a/b` would write outside the province folder.
        raise ScaffoldError(
            f"--id `{record_id}` tidak valid: pakai huruf kecil, angka dan tanda hubung (3–81 karakter)"
        )
    path = vacancies_dir(root) / ref.provinces[regency.province_code].slug / f"{record_id}.yml"
    if path.exists() and not args.force:  # say so before asking anything more
        raise ScaffoldError(f"{path} sudah ada; pakai --id lain atau --force")
    posted = resolve_today(args.today)
    if args.days is not None:
        if not 1 <= args.days <= MAX_DAYS:
            raise ScaffoldError(f"--days harus antara 1 dan {MAX_DAYS}")
        args.valid_through = (posted + timedelta(days=args.days)).isoformat()

    def ask(name):
        return _ask(args, name, checks[name], prompts[name])

    employment_type = ask("employment_type")
    contract = ask("contract_months") if employment_type == "pkwt" else None
    openings = ask("openings")
    salary_answer = ask("salary")
    reason = None
    if salary_answer == "undisclosed":
        reason = " ".join(str(_ask(args, "salary_undisclosed", prompt=prompts["salary_undisclosed"]) or "").split())
    education, experience = ask("education"), ask("experience")
    valid_through = ask("valid_through")
    channel = _apply_from_flags(args) or ask("apply") or {}
    asked = {name: ask(name) for name in ("kbji", "kbli", "description", "qualifications")}
    if not args.legal_form:
        prefix = employer.split()[0].lower().strip(".") if employer.split() else ""
        args.legal_form = prefix if prefix in ("pt", "cv", "koperasi", "yayasan", "firma") else "lainnya"
    apply = dict(channel)
    if args.instructions:
        apply["instructions"] = " ".join(args.instructions.split())
    elif not channel:
        apply["instructions"] = UNFILLED["apply.instructions"]
    low, high = salary_answer if isinstance(salary_answer, tuple) else (None, None)
    unstated = {"undisclosed": False, None: UNFILLED["salary.disclosed"]}
    answers = {
        "id": record_id,
        "example": bool(args.example) or None,
        "title": title,
        "employer.name": employer,
        "employer.legal_form": args.legal_form,
        "location.regency": regency.code,
        "location.work_mode": "onsite",
        "employment_type": employment_type or UNFILLED["employment_type"],
        "contract_months": (contract or UNFILLED["contract_months"]) if employment_type == "pkwt" else None,
        "openings": openings or UNFILLED["openings"],
        "salary.min": low,
        "salary.max": high,
        "salary.disclosed": None if low is not None else unstated[salary_answer],
        "education.minimum": education or UNFILLED["education.minimum"],
        "experience_months": experience if experience is not None else UNFILLED["experience_months"],
        "kbji": asked["kbji"] or UNFILLED["kbji"],
        "kbli": asked["kbli"] or UNFILLED["kbli"],
        "description": asked["description"] or UNFILLED["description"],
        "qualifications": asked["qualifications"] or UNFILLED["qualifications"],
        "apply": apply,
        "valid_through": valid_through or UNFILLED["valid_through"],
        "verification.office": office,
        "verification.date": posted,
    }
    record = new_vacancy(answers, ref, posted)
    if reason:
        record["_salary_reason"] = reason
    return record


def _apply_from_flags(args) -> dict:
    found = {}
    for name in ("url", "email", "phone", "whatsapp"):
        value = getattr(args, f"apply_{name}", None)
        if value:
            found[name] = str(value).strip()
    if getattr(args, "walk_in", False):
        found["walk_in"] = True
    return found


def unfilled_fields(record: dict) -> list[str]:
    """The record paths still holding an ``ISI:`` placeholder."""
    out = []
    for dotted, text in UNFILLED.items():
        value = record
        for key in dotted.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        if value == text:
            out.append(dotted)
    return out


def render(record: dict, fields: dict, path_hint: str) -> str:
    lines = [
        "# Lowongan baru dari `antarkerja new vacancy`. Periksa setiap kolom dan ganti semua isian",
        "# bertanda ISI:, lalu periksa dengan: antarkerja validate " + path_hint,
        "# Panduan semua kolom: CONTRIBUTING.md",
        "",
    ]
    record = dict(record)
    reason = record.pop("_salary_reason", None)
    for key, value in ordered(record, {"type": "dict", "schema": fields}).items():
        meta = fields.get(key, {}).get("meta", {})
        note = meta.get("label", key) + (f". {meta['help']}" if meta.get("help") else "")
        lines.append(f"# {note}")
        if key == "salary" and reason:
            lines.append(f"# {SALARY_UNDISCLOSED} karena: {reason}")
        lines.append(dump({key: value}).rstrip("\n"))
    return "\n".join(lines) + "\n"


def write_vacancy(root: Path, args) -> tuple[Path, list[str]]:
    """Write the file; return it and the fields still to fill in (marked ``ISI:``).

    A file is kept only when its sole problems are those unfilled fields, so a file that passes
    validation never holds template text, and nothing else broken is left behind.
    """
    from antarkerja.records.validate import validate_repository

    ref = load_reference(root)
    record = build_record(root, args)
    province = ref.provinces[record["location"]["province"]]
    folder = vacancies_dir(root) / province.slug
    path = folder / f"{record['id']}.yml"
    if path.parent.resolve() != folder.resolve():
        raise ScaffoldError(f"--id `{record['id']}` menunjuk ke luar {folder}")
    if (path.exists() or path.is_symlink()) and not args.force:
        raise ScaffoldError(f"{path} sudah ada; pakai --id lain atau --force")
    unfilled = unfilled_fields(record)
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
    # An unfilled part also leaves its group incomplete (R410 on `apply`, R409 on `salary`).
    waived = set(unfilled) | {dotted.split(".")[0] for dotted in unfilled}
    others = [d for d in result.errors if re.sub(r"\[\d+\]$", "", d.field) not in waived]  # a list's item too
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
