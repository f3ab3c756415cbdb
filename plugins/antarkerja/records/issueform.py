"""Vacancies proposed through a GitHub issue form, turned into a vacancy file.

Two halves that share one field list (:data:`FIELDS`), so they cannot drift apart:

* :func:`issue_form` builds ``.github/ISSUE_TEMPLATE/lowongan.yml`` from the schema (labels,
  help texts, required marks, dropdowns with the Indonesian labels of each code). It is a
  derived copy: ``antarkerja schema`` writes it and ``antarkerja schema --check`` fails when
  it is stale.
* :func:`convert_issue` reads an issue body as GitHub renders a submitted form
  (``### Label`` then the answer, ``_No response_`` for an empty one), builds the record
  (:mod:`antarkerja.records.build_record`, as ``antarkerja new`` and the web form do),
  writes it in canonical form to ``content/vacancies/<province-slug>/<id>.yml`` and validates
  it. The result carries an Indonesian comment for the issue.

The issue body is untrusted text. Nothing from it reaches a shell or a path: the province
folder comes from the reference data (looked up by the regency code), the file name is a
slug checked against the id pattern, and the final path is checked to lie inside
``content/vacancies``. Short answers with characters no job title or name needs (``$``,
backticks, braces, ``<``, ``>``, backslash, ``../``) are refused with a message.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from antarkerja import wording
from antarkerja.paths import offices_dir, vacancies_dir
from antarkerja.records.build_record import new_vacancy
from antarkerja.records.fmt import format_text
from antarkerja.records.schema import ID_PATTERN, rules_at
from antarkerja.records.schema import vacancy as vacancy_schema
from antarkerja.reference import Reference, load_reference
from antarkerja.urls import slugify, url, vacancy_id

NO_RESPONSE = "_No response_"
FORM_LABEL = "usulan-lowongan"


@dataclass(frozen=True)
class Field:
    key: str  # the form element's id
    path: tuple  # where the answer goes in the record
    widget: str  # input | textarea | dropdown | list | checkbox
    required: bool = False
    label: str = ""  # overrides the schema label
    help: str = ""  # added to the schema help
    placeholder: str = ""
    schema_help: bool = True  # False: the schema's help speaks of YAML, ``help`` replaces it


def help_of(f: Field, meta: dict) -> str:
    """The help text a form shows: the schema's (unless replaced) and the field's own."""
    return " ".join(p.strip() for p in (meta.get("help", "") if f.schema_help else "", f.help) if p and p.strip())


def format_of(meta: dict) -> str:
    """The schema's format note without YAML's quoting advice (a form needs no quotes)."""
    return (meta.get("format") or "").replace(" dalam tanda kutip", "")


FIELDS = [
    Field("title", ("title",), "input", True, placeholder="Operator Produksi"),
    Field("employer", ("employer", "name"), "input", True, placeholder="PT Contoh Manufaktur Indonesia"),
    Field("legal_form", ("employer", "legal_form"), "dropdown", True),
    Field(
        "regency",
        ("location", "regency"),
        "input",
        True,
        help="Kode atau nama lengkap, misalnya 32.16 atau Kabupaten Bekasi. Provinsi dan folder berkas "
        "ditentukan dari sini.",
        placeholder="32.16",
    ),
    Field("address", ("location", "address"), "input"),
    Field("work_mode", ("location", "work_mode"), "dropdown", True),
    Field("employment_type", ("employment_type",), "dropdown", True),
    Field("contract_months", ("contract_months",), "input", placeholder="12"),
    Field("openings", ("openings",), "input", True, placeholder="5"),
    Field(
        "salary_min",
        ("salary", "min"),
        "input",
        label="Upah terendah per bulan (rupiah)",
        help="Angka saja, misalnya 5500000. Kosongkan bila pemberi kerja tidak mencantumkan upah.",
        placeholder="5500000",
        schema_help=False,
    ),
    Field("salary_max", ("salary", "max"), "input", label="Upah tertinggi per bulan (rupiah)", placeholder="6000000"),
    Field("education", ("education", "minimum"), "dropdown", True),
    Field("majors", ("education", "majors"), "list"),
    Field("experience_months", ("experience_months",), "input", True, placeholder="0"),
    Field(
        "kbji",
        ("kbji",),
        "input",
        True,
        help="Daftar kode ada di content/reference/kbji.yml; bila ragu, tulis golongan pokoknya (1 angka).",
        placeholder="8",
    ),
    Field("kbli", ("kbli",), "dropdown", True),
    Field("description", ("description",), "textarea", True),
    Field("responsibilities", ("responsibilities",), "list"),
    Field(
        "qualifications",
        ("qualifications",),
        "list",
        placeholder="Mampu mengoperasikan mesin jahit industri\nTeliti dan terbiasa bekerja dengan target",
    ),
    Field("benefits", ("benefits",), "list"),
    Field("apply_url", ("apply", "url"), "input"),
    Field("apply_email", ("apply", "email"), "input"),
    Field("apply_phone", ("apply", "phone"), "input"),
    Field("apply_whatsapp", ("apply", "whatsapp"), "input"),
    Field("apply_walk_in", ("apply", "walk_in"), "checkbox"),
    Field("apply_instructions", ("apply", "instructions"), "textarea"),
    Field("valid_through", ("valid_through",), "input", True, placeholder="2027-01-31"),
    Field(
        "office",
        ("verification", "office"),
        "input",
        True,
        help=f"ID kantor tertulis di halaman setiap kantor di situs (daftar semua kantor: /{url('offices')}), "
        "misalnya disnaker-kabupaten-bekasi.",
        placeholder="disnaker-kabupaten-bekasi",
    ),
    Field("verification_date", ("verification", "date"), "input", True, placeholder="2026-11-24"),
]

INTRO = (
    "Formulir ini untuk **Pengantar Kerja dan Petugas Antar Kerja** yang sudah memverifikasi lowongan. "
    "Setelah dikirim, pengelola memeriksa isinya lalu memberi label `lowongan-disetujui`; saat itu juga "
    "sistem membuat berkas lowongan, memeriksanya dan membuka *pull request*. Hasil pemeriksaan muncul "
    "sebagai komentar di issue ini. Jangan menulis data pribadi pelamar. Pelamar tidak boleh dipungut "
    "biaya apa pun. Lowongan luar negeri (AKAN) diajukan lewat berkas, lihat CONTRIBUTING.md."
)
UNUSUAL = re.compile(r"[`${}<>\\]|\.\./|\.\.\\|[\x00-\x08\x0b-\x1f\x7f]")
SHORT_WIDGETS = ("input", "dropdown")
DATE_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})$"),
)
MONEY = re.compile(r"^(?:rp\.?\s*)?(?P<n>\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,0{1,2})?$", re.I)


def _rules(schema: dict, f: Field) -> dict:
    return rules_at(schema, f.path) or {}


def label_of(f: Field, schema: dict) -> str:
    return f.label or _rules(schema, f).get("meta", {}).get("label", f.key)


def _options(rules: dict) -> dict[str, str]:
    """Dropdown text → code. Labels are shown; the code is added where labels repeat."""
    labels = rules.get("meta", {}).get("labels", {})
    out = {}
    for code in rules.get("allowed", []):
        text = labels.get(code, code)
        out[f"{text} ({code})" if text in out else text] = code
    return out


def issue_form(ref: Reference) -> dict:
    """The GitHub issue form (as data) for proposing a vacancy."""
    schema = vacancy_schema.schema(ref)
    body: list[dict] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    for f in FIELDS:
        rules = _rules(schema, f)
        meta = rules.get("meta", {})
        help_parts = [help_of(f, meta)]
        if meta.get("format") and f.widget != "dropdown" and f.key not in ("regency",):
            help_parts.append(f"Format: {format_of(meta)}.")
        if f.widget == "list":
            help_parts.append("Satu butir per baris.")
        description = " ".join(p.strip() for p in help_parts if p and p.strip())
        attributes: dict = {"label": label_of(f, schema)}
        if description:
            attributes["description"] = description
        if f.widget == "dropdown":
            attributes["options"] = list(_options(rules))
            element = {"type": "dropdown", "id": f.key, "attributes": attributes}
        elif f.widget == "checkbox":
            attributes["options"] = [{"label": "Ya", "required": False}]
            element = {"type": "checkboxes", "id": f.key, "attributes": attributes}
        else:
            if f.placeholder:
                attributes["placeholder"] = f.placeholder
            element = {"type": "input" if f.widget == "input" else "textarea", "id": f.key, "attributes": attributes}
        if f.widget != "checkbox":
            element["validations"] = {"required": f.required}
        body.append(element)
    return {
        "name": "Usulan lowongan",
        "description": "Ajukan lowongan yang sudah diverifikasi tanpa memakai Git.",
        "title": "[Lowongan] ",
        "labels": [FORM_LABEL],
        "body": body,
    }


# Reading a submitted issue ------------------------------------------------------------------


@dataclass
class Conversion:
    path: Path | None = None  # the written file (None when refused)
    record: dict | None = None
    problems: list[str] = field(default_factory=list)  # Indonesian, one per problem
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.path is not None and not self.problems


# Headings of earlier versions of the form → today's label, so issues opened before a label
# changed still convert ("Berlaku sampai" became wording.DEADLINE).
OLD_LABELS = {"Berlaku sampai": wording.DEADLINE}


# Every character YAML or JavaScript reads as a line break. A raw U+2028 inside a YAML block
# would end it there and let the rest of the line become a key of its own, so the issue path
# reads each of them as the line break it is (U+2029 separates paragraphs: a blank line).
LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}


def normalize_breaks(text: str) -> str:
    for old, new in LINE_BREAKS.items():
        text = text.replace(old, new)
    return text


def heading_text(line: str) -> str | None:
    """The text of a Markdown ``### Heading`` line (closing ``#`` removed), else None.

    String operations only: the regular expression this replaces was cubic in trailing
    spaces (one issue line could hold a workflow for minutes).
    """
    rest = line.lstrip(" ")
    if len(line) - len(rest) > 3 or not rest.startswith("###"):
        return None
    rest = rest[3:]
    if not rest[:1].isspace():
        return None
    text = rest.strip().rstrip("#").strip()
    return text or None


def split_sections(body: str, labels: list[str]) -> tuple[dict[str, str], list[str]]:
    """``### Label`` sections of an issue body; only known labels (or their old names) start a section."""
    known = {old.lower(): new for old, new in OLD_LABELS.items() if new in labels}
    known.update({lab.strip().lower(): lab for lab in labels})
    sections: dict[str, list[str]] = {}
    problems, current = [], None
    for line in normalize_breaks(body).split("\n"):
        heading = heading_text(line)
        label = known.get(heading.lower()) if heading else None
        if label:
            if label in sections:
                problems.append(f"Bagian **{label}** muncul dua kali; hapus salah satunya.")
            sections[label] = []
            current = label
        elif current:
            sections[current].append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}, problems


def _clean(text: str) -> str | None:
    text = text.strip()
    if not text or text == NO_RESPONSE:
        return None
    return text


def _parse_date(text: str) -> date | str:
    for pattern in DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                return f"tanggal `{text}` tidak ada di kalender; periksa hari dan bulannya"
    return f"`{text}` bukan tanggal; tulis TTTT-BB-HH, misalnya 2027-01-31"


def _value(f: Field, text: str, rules: dict, ref: Reference):
    """The record value for one answer, or an Indonesian problem (a ``str`` prefixed with '!')."""
    if f.widget == "checkbox":
        return any(_checked(line) for line in text.split("\n"))
    if f.widget == "list":
        items = [_unbulleted(line) for line in text.split("\n")]
        return [i for i in items if i]
    if f.widget in SHORT_WIDGETS:
        text = " ".join(text.split())
        if UNUSUAL.search(text):
            return "!berisi karakter yang tidak lazim (tanda dolar, petik terbalik, kurung kurawal, kurung sudut, garis miring terbalik atau `../`); tulis teks biasa"
    if f.widget == "dropdown":
        options = {k.lower(): v for k, v in _options(rules).items()}
        options.update({code.lower(): code for code in rules.get("allowed", [])})
        code = options.get(text.lower())
        if code is not None:
            return code
        near = difflib.get_close_matches(text.lower(), list(options), n=1, cutoff=0.5)
        shown = {v: k for k, v in _options(rules).items()}
        hint = f"; maksudnya `{shown.get(options[near[0]], options[near[0]])}`?" if near else ""
        return f"!pilihan `{text}` tidak dikenal{hint} Pilih dari daftar di formulir"
    kind = rules.get("type")
    if f.key in ("salary_min", "salary_max"):
        m = MONEY.match(text)
        if not m:
            return f"!`{text}` bukan jumlah rupiah; tulis angka saja, misalnya 5500000"
        return int(re.sub(r"\D", "", m["n"]))
    if kind == "integer":
        if not re.fullmatch(r"\d{1,9}", text):
            return f"!`{text}` bukan bilangan bulat; tulis angka saja, misalnya 3"
        return int(text)
    if kind == "date":
        parsed = _parse_date(text)
        return parsed if isinstance(parsed, date) else "!" + parsed
    if f.key == "regency":
        if text in ref.regencies:
            return text
        if re.fullmatch(r"\d{4}", text) and f"{text[:2]}.{text[2:]}" in ref.regencies:
            return f"{text[:2]}.{text[2:]}"
        full = _full_regency_name(text)
        by_name = [r.code for r in ref.regencies.values() if r.name.lower() == full]
        if len(by_name) == 1:
            return by_name[0]
        found = regency_suggestions(text, ref) if len(text) <= NAME_MAX else []
        if found:
            listed = ", ".join(f"{r.name} ({r.code})" for r in found)
            return f"!kabupaten/kota `{text}` belum pasti; tulis salah satu kode atau nama lengkap ini: {listed}"
        return f"!kabupaten/kota `{text}` tidak dikenal; tulis kodenya (misalnya 32.16) dari content/reference/regencies.csv"
    if f.widget == "textarea":
        return text.strip() + ("\n" if f.key == "description" else "")
    return text


def _checked(line: str) -> bool:
    """A ticked Markdown task line, ``- [x]``."""
    rest = line.strip()
    return rest.startswith("-") and rest[1:].lstrip()[:3] in ("[x]", "[X]")


BULLET = re.compile(r"(?:[-*•]|\d{1,9}[.)])\s")  # matched at one position only, bounded digits


def _unbulleted(line: str) -> str:
    """A list line without its bullet or number."""
    line = line.lstrip()
    bullet = BULLET.match(line)
    return (line[bullet.end() :] if bullet else line).strip()


NAME_MAX = 100  # no regency or office name is longer; longer answers get no spelling suggestions
REGENCY_PREFIXES = {"kab": "kabupaten", "kab.": "kabupaten", "kabupaten": "kabupaten", "kota": "kota", "kot.": "kota"}


def _full_regency_name(text: str) -> str:
    """``Kab. Bogor`` → ``kabupaten bogor`` (lower case, the reference's own words)."""
    words = text.lower().split()
    if words and words[0] in REGENCY_PREFIXES:
        words[0] = REGENCY_PREFIXES[words[0]]
    return " ".join(words)


def regency_suggestions(text: str, ref: Reference, limit: int = 6) -> list:
    """Every regency whose short or full name is ``text`` (``Bogor``: the Kabupaten and the Kota),
    else those containing it, else the closest spellings."""
    wanted = _full_regency_name(text)
    regencies = sorted(ref.regencies.values(), key=lambda r: r.code)
    same = [r for r in regencies if wanted in (r.short_name.lower(), r.name.lower())]
    if same:
        return same
    if len(wanted) >= 4:
        inside = [r for r in regencies if wanted in r.name.lower()]
        if inside:
            return inside[:limit]
    names = {r.name.lower(): r for r in regencies} | {r.short_name.lower(): r for r in regencies}
    near = difflib.get_close_matches(wanted, list(names), n=limit, cutoff=0.75)
    return list(dict.fromkeys(names[n] for n in near))


def known_offices(root: Path) -> dict[str, dict]:
    """Office id → its record's ``province`` and ``name`` (a file that does not parse counts by id only).
    Read by the validator's loader: size-limited, symlinks refused, like every record."""
    from antarkerja.records.load import load_file

    found = {}
    for path in sorted(offices_dir(root).glob("*.yml")):
        data = load_file(path).data
        data = data if isinstance(data, dict) else {}
        found[path.stem] = {"province": str(data.get("province") or ""), "name": str(data.get("name") or "")}
    return found


def office_suggestions(text: str, offices: dict[str, dict], province: str | None, limit: int = 3) -> list[str]:
    """The offices closest to ``text`` (an id or a name): those in ``province`` first."""
    wanted = _slug(text)

    def closeness(office_id: str) -> float:
        info = offices[office_id]
        score = max(
            difflib.SequenceMatcher(None, wanted, office_id).ratio(),
            difflib.SequenceMatcher(None, wanted, _slug(info["name"])).ratio(),
        )
        return score

    ranked = sorted(offices, key=lambda o: (offices[o]["province"] != province, -closeness(o), o))
    return ranked[:limit]


def find_office(text: str, offices: dict[str, dict]) -> str | None:
    """The office id that ``text`` names: the id itself, or the office's full name. Never a path."""
    if text in offices:
        return text
    slug = _slug(text)
    by_name = [o for o, info in offices.items() if slug and slug in (o, _slug(info["name"]))]
    return by_name[0] if len(by_name) == 1 else None


def _slug(text: str) -> str:
    return slugify(text, empty="")


def read_answers(body: str, ref: Reference) -> tuple[dict, list[str], set[str]]:
    """The record from every answer that reads, every problem, and the record paths they concern.

    Nothing stops at the first problem: the officer gets them all in one comment.
    """
    schema = vacancy_schema.schema(ref)
    labels = [label_of(f, schema) for f in FIELDS]
    sections, problems = split_sections(body or "", labels)
    answers: dict = {}
    reported: set[str] = set()
    for f, label in zip(FIELDS, labels, strict=True):
        where = ".".join(f.path)
        if label not in sections:
            if f.required:
                reported.add(where)
                problems.append(
                    f"Bagian **{label}** tidak ditemukan. Jangan mengubah atau menghapus judul bagian (`### {label}`)."
                )
            continue
        text = _clean(sections[label])
        if text is None:
            if f.required:
                reported.add(where)
                problems.append(f"**{label}** wajib diisi.")
            continue
        value = _value(f, text, _rules(schema, f), ref)
        if isinstance(value, str) and value.startswith("!"):
            reported.add(where)
            problems.append(f"**{label}**: {value[1:]}.")
            continue
        if value == [] or value is False:
            continue
        answers[where] = value
    if "salary.max" in answers and "salary.min" not in answers and "salary.min" not in reported:
        reported.add("salary.min")
        problems.append("**Upah terendah per bulan (rupiah)** wajib diisi bila upah tertinggi diisi.")
    record = new_vacancy(answers, ref)
    record.pop("id", None)  # target_path chooses the id: one free in the province folder
    if reported & {"salary.min", "salary.max"}:
        record.pop("salary")  # a figure that did not read is reported, not taken as undisclosed
    if record.get("location", {}).get("regency") not in ref.regencies:
        reported.update({"location.province", "location.regency"})
    return record, problems, reported


def build_record(body: str, ref: Reference) -> tuple[dict | None, list[str]]:
    """The record of an issue body, or None and every problem found in its answers."""
    record, problems, _ = read_answers(body, ref)
    return (None, problems) if problems else (record, [])


def target_path(root: Path, record: dict, ref: Reference, issue_number: int | None) -> Path | str:
    """``content/vacancies/<province-slug>/<id>.yml`` for a new record, or a problem."""
    province = ref.provinces[record["location"]["province"]]
    regency = ref.regencies[record["location"]["regency"]]
    employer = (record.get("employer") or {}).get("name", "")
    base = vacancy_id(record.get("title", ""), employer, regency.short_name)
    candidates = [base] if len(base) >= 3 else []
    if issue_number is not None:
        candidates.append(f"{base}-{issue_number}".strip("-") if base else f"lowongan-{issue_number}")
    elif not candidates:
        candidates.append("usulan-lowongan")
    folder = (vacancies_dir(root) / province.slug).resolve()
    for candidate in candidates:
        path = (folder / f"{candidate}.yml").resolve()
        if not re.fullmatch(ID_PATTERN, candidate) or path.parent != folder:
            continue
        if vacancies_dir(root).resolve() not in path.parents:
            continue
        if not path.exists():
            record["id"] = candidate
            return path
    return "Nama berkas untuk lowongan ini sudah dipakai; ubah nama jabatan atau pemberi kerja, atau ubah berkasnya lewat pull request."


def _field_labels(ref: Reference) -> dict[str, str]:
    schema = vacancy_schema.schema(ref)
    return {".".join(f.path): label_of(f, schema) for f in FIELDS}


def convert_issue(
    root: Path, body: str, today: date, issue_number: int | None = None, ref: Reference | None = None
) -> Conversion:
    """Write the vacancy of an issue body into the repository at ``root`` and validate it.

    Every problem is reported at once: the answers that do not read, an unknown office (with
    the closest ones), and what the validator says about everything else. A record with any
    problem is removed again; the problems are in the result.
    """
    from antarkerja.records.validate import validate_repository

    ref = ref or load_reference(root)
    body = normalize_breaks(body or "")
    record, problems, reported = read_answers(body, ref)
    record["date_posted"] = today
    province = record.get("location", {}).get("province")
    if "location.regency" in reported:
        province = _stand_in_location(record, body, ref)
    office_problem = _check_office(root, record, province)
    if office_problem:
        reported.add("verification.office")
        problems.append(office_problem)
    path = target_path(root, record, ref, issue_number)
    if isinstance(path, str):
        return Conversion(problems=[*problems, path])
    header = "# Diajukan lewat issue" + (f" #{issue_number}" if issue_number is not None else "") + ".\n"
    from antarkerja.records.fmt import dump, ordered

    schema = vacancy_schema.schema(ref)
    text = "".join(dump({k: v}) for k, v in ordered(record, {"type": "dict", "schema": schema}).items())
    text = format_text(header + text, schema, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        result = validate_repository(root, [path])
    except BaseException:
        path.unlink()
        raise
    labels = _field_labels(ref)

    def field_of(d) -> str:
        return re.sub(r"\[\d+\]$", "", d.field)

    def say(d) -> str:
        name = field_of(d)
        where = f"**{labels[name]}**" if name in labels else f"kolom `{d.field}`"
        return f"{where} ({d.code}): {d.message}" + (f" ({d.hint})" if d.hint else "")

    def already_said(d) -> bool:
        name = field_of(d)
        return any(name == r or name.startswith(r + ".") or r.startswith(name + ".") for r in reported)

    conversion = Conversion(path=path, record=record)
    conversion.warnings = [say(d) for d in result.diagnostics if d.severity != "error" and not already_said(d)]
    conversion.problems = problems + [say(d) for d in result.errors if not already_said(d)]
    if conversion.problems:
        path.unlink()
        conversion.path = None
    return conversion


def _stand_in_location(record: dict, body: str, ref: Reference) -> str | None:
    """A location for checking the rest of a record whose regency did not read.

    The validator still judges every other answer (the officer hears everything at once); the
    checked file is removed again, as the regency problem is already reported. When every
    regency the answer could mean lies in one province (``Bogor``), that province also ranks
    the office suggestions (returned; None when the province is unknown).
    """
    schema = vacancy_schema.schema(ref)
    regency_field = next(f for f in FIELDS if f.key == "regency")
    sections, _ = split_sections(body, [label_of(f, schema) for f in FIELDS])
    answer = _clean(sections.get(label_of(regency_field, schema), "")) or ""
    answer = " ".join(answer.split())
    found = regency_suggestions(answer, ref) if answer and len(answer) <= NAME_MAX else []
    provinces = {r.province_code for r in found}
    stand_in = found[0] if len(provinces) == 1 else min(ref.regencies.values(), key=lambda r: r.code)
    location = record.get("location") or {}
    record["location"] = {**location, "country": "ID", "province": stand_in.province_code, "regency": stand_in.code}
    return stand_in.province_code if len(provinces) == 1 else None


def _check_office(root: Path, record: dict, province: str | None) -> str | None:
    """A problem with the verifying office, with the closest known offices, or None.

    The answer is looked up among the office files' names only, never joined into a path,
    so an absolute or odd value gets the same answer whatever exists on the machine.
    """
    verification = record.get("verification") or {}
    text = verification.get("office")
    if text is None:
        return None
    offices = known_offices(root)
    found = find_office(text, offices)
    if found:
        verification["office"] = found
        return None
    near = ", ".join(f"`{o}`" for o in office_suggestions(text[:NAME_MAX], offices, province))
    shown = text if len(text) <= 80 else text[:80] + "…"
    return (
        f"**Kantor pemverifikasi**: kantor `{shown}` tidak ada di content/offices/; tulis ID kantor "
        f"(tertulis di halaman kantornya, daftar di /{url('offices')}). Yang paling mirip: {near}. "
        "Kantor baru didaftarkan dulu, lihat CONTRIBUTING.md."
    )


def _inert(text: str) -> str:
    """Comment text that cannot mention people or add HTML (GitHub shows code spans as typed)."""
    text = " ".join(text.split())
    return text.replace("<", "‹").replace(">", "›").replace("@", "@\u200b")


def comment(conversion: Conversion, root: Path) -> str:
    """The Indonesian comment posted on the issue."""
    if conversion.ok:
        rel = conversion.path.relative_to(root).as_posix()
        lines = [
            "✅ **Lowongan lolos pemeriksaan otomatis.**",
            "",
            f"Berkas `{rel}` dibuat; *pull request* dibuka untuk ditinjau pengelola provinsi.",
        ]
        if conversion.warnings:
            lines += ["", "Peringatan (tidak menggagalkan, tetapi mohon diperiksa):", ""]
            lines += [f"- {_inert(w)}" for w in conversion.warnings]
    else:
        lines = [
            "❌ **Lowongan belum bisa dibuat.** Perbaiki hal berikut dengan menyunting issue ini, lalu minta "
            "pengelola memasang lagi label `lowongan-disetujui` (label itu sudah dilepas otomatis):",
            "",
            *(f"- {_inert(p)}" for p in conversion.problems),
        ]
    lines += ["", "Panduan setiap kolom dan kode pesan: CONTRIBUTING.md."]
    return "\n".join(lines) + "\n"


def pr_title(conversion: Conversion) -> str:
    r = conversion.record or {}
    text = f"Lowongan baru: {r.get('title', '')} – {r.get('employer', {}).get('name', '')}"
    return " ".join(text.split())[:200]
