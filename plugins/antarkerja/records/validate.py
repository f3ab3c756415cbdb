"""Validate the repository: YAML hazards, schema, named rules, cross-file checks.

Every file is read (:mod:`antarkerja.records.load`), checked against its schema (Cerberus, no
normalization: it is 80 % of Cerberus's time and we set no defaults), then against the named
rules (:mod:`antarkerja.records.rules`), then all records together (:mod:`antarkerja.records.rules.crossfile`).
Every problem is collected; nothing stops at the first one.
"""

from __future__ import annotations

import calendar
import difflib
import gc
import itertools
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cerberus import TypeDefinition, Validator
from cerberus import errors as cerr

from antarkerja.parallel import VALIDATE_PARALLEL_FROM, fork_pool, worker_count
from antarkerja.paths import pages_dir, vacancies_dir
from antarkerja.records import history
from antarkerja.records import schema as schema_tools
from antarkerja.records.contentpages import check_pages
from antarkerja.records.diagnostics import ERROR, Diagnostic, sort_key
from antarkerja.records.discover import discover
from antarkerja.records.load import Loaded, field_name, load_file, read_limited
from antarkerja.records.rules import crossfile, rules_for
from antarkerja.records.schema import office as office_schema
from antarkerja.records.schema import vacancy as vacancy_schema
from antarkerja.records.schema.fastcheck import compile_mapping
from antarkerja.records.suppressions import apply_suppressions
from antarkerja.reference import Reference, load_reference
from antarkerja.today import resolve as resolve_today
from antarkerja.wording import MONTHS

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

TYPE_NAMES = {
    "string": "teks",
    "integer": "bilangan bulat tanpa titik atau koma",
    "number": "angka",
    "boolean": "true atau false",
    "date": "tanggal TTTT-BB-HH",
    "dict": "kelompok kolom `kunci: nilai`",
    "list": "daftar (setiap baris diawali `- `)",
}
YAML_KINDS = {
    "tag:yaml.org,2002:int": "angka",
    "tag:yaml.org,2002:float": "angka",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:null": "kosong (null)",
    "tag:yaml.org,2002:timestamp": "tanggal",
}


class _StrictValidator(Validator):
    """Cerberus counts True as an integer (bool subclasses int); job counts are not booleans."""

    types_mapping = Validator.types_mapping.copy()
    types_mapping["integer"] = TypeDefinition("integer", (int,), (bool,))
    # A timestamp with a time or zone is a datetime (a date subclass); the rules compare dates.
    types_mapping["date"] = TypeDefinition("date", (date,), (datetime,))


@dataclass
class Kind:
    name: str  # "vacancy" | "office"
    schema: dict
    validator: Validator
    date_paths: list[tuple]
    is_valid: Callable[[object], bool]  # compiled yes/no check; Cerberus explains a "no"


def make_kinds(ref: Reference) -> dict[str, Kind]:
    kinds = {}
    for name, module in (("vacancy", vacancy_schema), ("office", office_schema)):
        sch = module.schema(ref)
        date_paths = [p for p, rules in schema_tools.walk(sch) if rules.get("type") == "date" and "[]" not in p]
        kinds[name] = Kind(name, sch, _StrictValidator(sch, allow_unknown=False), date_paths, compile_mapping(sch))
    return kinds


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    vacancies: list[Loaded] = field(default_factory=list)  # records with no error
    offices: list[Loaded] = field(default_factory=list)
    suppressed: list = field(default_factory=list)  # suppressions.Suppression: findings left out, with their reasons

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]


def _coerce_dates(data: dict, date_paths: list[tuple]) -> None:
    """A quoted "2026-05-01" is as clear as an unquoted one; accept both as dates."""
    for path in date_paths:
        parent = data
        for key in path[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if isinstance(parent, dict) and isinstance(parent.get(path[-1]), str) and ISO_DATE.match(parent[path[-1]]):
            try:
                parent[path[-1]] = date.fromisoformat(parent[path[-1]])
            except ValueError:
                pass  # left as a string: the schema reports it as not a date


def _leaf_errors(errors):
    for error in errors:
        if error.is_group_error:
            yield from _leaf_errors(error.child_errors)
        else:
            yield error


def _example(rules: dict | None) -> str:
    meta = (rules or {}).get("meta", {})
    if "example" not in meta:
        return ""
    value = meta["example"]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and rules.get("type") == "string":
        return f'"{value}"'
    return str(value)


def _capped(value, rules: dict | None):
    """``value`` with lists cut just past their ``maxlength`` and mappings past their known keys.

    Cerberus's time grows with the square of a list's length (8,000 wrong items took minutes);
    the cut keeps one item too many, so "too long" is still reported, and the items kept
    still show what is wrong with them. Returns ``value`` itself when nothing is cut.
    """
    kind = (rules or {}).get("type")
    if isinstance(value, list) and kind == "list":
        limit = rules.get("maxlength", MAX_ITEMS) + 1
        items = value[:limit]
        item_rules = rules.get("schema")
        capped = [_capped(v, item_rules) for v in items]
        same = len(items) == len(value) and all(a is b for a, b in zip(capped, value, strict=False))
        return value if same else capped
    if isinstance(value, dict) and kind == "dict":
        fields = rules.get("schema") or {}
        keys = list(value)
        if len(keys) > len(fields) + MAX_UNKNOWN_KEYS:
            keys = [k for k in keys if k in fields] + [k for k in keys if k not in fields][:MAX_UNKNOWN_KEYS]
        capped = {k: _capped(value[k], fields.get(k)) for k in keys}
        same = len(keys) == len(value) and all(capped[k] is value[k] for k in keys)
        return value if same else capped
    return value


MAX_ITEMS = 100  # a list without a maxlength is cut here for Cerberus
MAX_UNKNOWN_KEYS = 20
MAX_PER_FILE = 50  # diagnostics shown per file; the rest is counted (Y113)
TASK_FILES = 500  # files a forked worker checks per task (see RepositoryValidator._check_files)


def schema_diagnostics(loaded: Loaded, kind: Kind, data=None) -> list[Diagnostic]:
    """Translate Cerberus's errors into our messages, each at the value's own line."""
    out = []
    for error in _leaf_errors(kind.validator._errors):
        path = tuple(error.document_path)
        rules = schema_tools.rules_at(kind.schema, path)
        meta = (rules or {}).get("meta", {})
        label = meta.get("label", "")
        name = field_name(path)
        mark = loaded.mark_for(path)
        code, message, hint = _describe(error, path, rules, meta, label, mark, kind, _original(data, path))
        if code == "S201":
            mark = loaded.mark_for(path[:-1])
        out.append(Diagnostic(loaded.path, mark.line, mark.col, code, name, message, hint))
    return _typos_first(out)


def _typos_first(found: list[Diagnostic]) -> list[Diagnostic]:
    """A misspelled key (`titel`) explains the missing field (`title`): say it once, as a typo."""
    meant = {}  # the field a typo was meant to be → the typo's diagnostic
    for d in found:
        m = re.fullmatch(r"maksud Anda `(.+)`\?", d.hint) if d.code == "S202" else None
        if m:
            parent = d.field.rpartition(".")[0]
            meant[f"{parent}.{m.group(1)}" if parent else m.group(1)] = d
    typos = {id(d) for field_, d in meant.items() if any(x.code == "S201" and x.field == field_ for x in found)}
    out = []
    for d in found:
        if d.code == "S201" and d.field in meant and id(meant[d.field]) in typos:
            continue  # reported with the typo
        if id(d) in typos:
            d = Diagnostic(d.path, d.line, d.col, d.code, d.field, d.message, d.hint + " (kolom itu wajib)")
        out.append(d)
    return out


def _original(data, path):
    """The value at ``path`` in the record as read (before :func:`_capped` cut it)."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _describe(error, path, rules, meta, label, mark, kind, original=None):
    value = error.value
    if isinstance(original, (list, dict)) and isinstance(value, type(original)):
        value = original  # counts say how long the list really is
    example = _example(rules)
    try_example = f"contoh: `{path[-1]}: {example}`" if example else ""
    if error.code == cerr.REQUIRED_FIELD.code:
        return (
            "S201",
            f"wajib diisi ({label})" if label else "wajib diisi",
            f"tambahkan `{path[-1]}: …`" + (f"; {try_example}" if example else ""),
        )
    if error.code == cerr.UNKNOWN_FIELD.code:
        parent = schema_tools.rules_at(kind.schema, path[:-1]) if len(path) > 1 else {"schema": kind.schema}
        known = list((parent or {}).get("schema", {}) or {})
        close = difflib.get_close_matches(str(path[-1])[:60], known, n=1)
        hint = (
            f"maksud Anda `{close[0]}`?"
            if close
            else "hapus kolom ini atau periksa ejaannya; daftar kolom ada di CONTRIBUTING.md"
        )
        return "S202", f"kolom `{path[-1]}` tidak dikenal", hint
    if error.code == cerr.BAD_TYPE.code:
        expected = error.constraint if isinstance(error.constraint, str) else error.constraint[0]
        if mark.plain and expected == "string" and mark.tag in YAML_KINDS:
            return (
                "Y107",
                f"YAML membaca `{mark.raw}` sebagai {YAML_KINDS[mark.tag]}, bukan teks",
                f'beri tanda kutip: "{mark.raw}"',
            )
        if expected == "date" and isinstance(value, str) and ISO_DATE.match(value):
            return "S205", f"tanggal `{value}` tidak ada di kalender", _date_advice(value)
        if value is None:
            return (
                "S209",
                "tidak boleh kosong",
                "isi nilainya atau hapus kolom ini" + (f"; {try_example}" if example else ""),
            )
        return "S203", f"harus berupa {TYPE_NAMES.get(expected, expected)}", try_example
    if error.code in (cerr.EMPTY_NOT_ALLOWED.code, cerr.NOT_NULLABLE.code):
        return (
            "S209",
            "tidak boleh kosong",
            "isi nilainya atau hapus kolom ini" + (f"; {try_example}" if example else ""),
        )
    if error.code in (cerr.UNALLOWED_VALUE.code, cerr.UNALLOWED_VALUES.code):
        allowed = list(rules.get("allowed", [])) if rules else []
        shown = str(value)[:60]
        by_lower = {str(a).lower(): a for a in allowed}
        close = [by_lower[shown.lower()]] if shown.lower() in by_lower else []
        close = close or [by_lower[c] for c in difflib.get_close_matches(shown.lower(), list(by_lower), n=1)]
        choices = ", ".join(allowed) if len(allowed) <= 12 else ", ".join(allowed[:12]) + ", …"
        hint = (f"maksud Anda `{close[0]}`? " if close else "") + f"pilih salah satu: {choices}"
        return "S204", f"nilai `{shown}` tidak dikenal" + (f" untuk {label}" if label else ""), hint
    if error.code == cerr.REGEX_MISMATCH.code:
        return (
            "S205",
            f"`{str(value)[:60]}` tidak sesuai format",
            f"tulis sebagai {meta.get('format', 'format yang benar')}",
        )
    if error.code in (cerr.MIN_VALUE.code, cerr.MAX_VALUE.code):
        word = "minimal" if error.code == cerr.MIN_VALUE.code else "maksimal"
        return (
            "S206",
            f"nilai {value} di luar batas ({word} {error.constraint})",
            f"isi angka {word} {error.constraint}",
        )
    if error.code == cerr.MIN_LENGTH.code:
        return "S207", f"terlalu pendek ({len(value)} karakter/butir, minimal {error.constraint})", "lengkapi isinya"
    if error.code == cerr.MAX_LENGTH.code:
        return (
            "S208",
            f"terlalu panjang ({len(value)} karakter/butir, maksimal {error.constraint})",
            "persingkat isinya",
        )
    return "S200", f"tidak valid ({error.rule})", try_example


def _date_advice(text: str) -> str:
    year, month, day = (int(x) for x in text.split("-"))
    if not 1 <= month <= 12:
        return f"bulan `{month:02d}` tidak ada; tulis TTTT-BB-HH dengan bulan 01–12, misalnya {year}-01-31"
    last = calendar.monthrange(year, month)[1]
    return f"{MONTHS[month - 1]} {year} hanya sampai tanggal {last}; periksa hari dan bulannya (TTTT-BB-HH)"


@contextmanager
def paused_gc():
    """Pause the cyclic garbage collector during bulk reading.

    Records are trees of dicts and lists without cycles, so reference counting frees them;
    meanwhile the collector would rescan every live record again and again (a third of the
    validator's time at 10,000 files). It is switched back on afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class RepositoryValidator:
    """Validates records; keep one per run so schemas and validators are built once."""

    def __init__(self, root: Path, ref: Reference | None = None, today: date | None = None, memo=None):
        self.root = Path(root)
        self.ref = ref or load_reference(self.root)
        self.today = today  # None: antarkerja.today decides; a build passes its own day
        # Checked records of an earlier run (the build's cache, antarkerja.site.cache.RecordMemo):
        # ``get(path, bytes)`` -> (loaded, diagnostics) or None, ``put(path, bytes, loaded, found)``.
        self.memo = memo
        self.kinds = make_kinds(self.ref)
        self.vacancy_rules = rules_for("vacancy")
        self.office_rules = rules_for("office")

    def check_record(self, loaded: Loaded, kind: Kind, ctx) -> list[Diagnostic]:
        if loaded.data is None:
            return []
        _coerce_dates(loaded.data, kind.date_paths)
        out = []
        schema_ok = kind.is_valid(loaded.data)
        if not schema_ok:
            capped = _capped(loaded.data, {"type": "dict", "schema": kind.schema})
            if not kind.validator.validate(capped, normalize=False):
                out += schema_diagnostics(loaded, kind, loaded.data)
        for rule in self.vacancy_rules if kind.name == "vacancy" else self.office_rules:
            try:
                # Each finding is located in the source; past the per-file cap nobody reads them.
                findings = list(itertools.islice(rule.check(loaded.data, ctx), MAX_PER_FILE + 1))
            except Exception as exc:
                if schema_ok:
                    # A value the schema accepts broke a rule: our bug, never a quiet skip.
                    out.append(internal_error(loaded, rule.code, exc))
                # Otherwise the rule met a field the schema already reported as missing or
                # malformed; the other rules still run, so one pass shows every problem.
                continue
            for path, message, hint, *offset in findings:
                line, col = loaded.position(path, offset[0] if offset else None)
                out.append(Diagnostic(loaded.path, line, col, rule.code, field_name(path), message, hint))
        return out

    def _check_one(self, name: str, path: Path, ctx) -> tuple[Loaded, list[Diagnostic]]:
        # Read, check and drop the node tree file by file: holding 100,000 trees at once
        # would not fit the memory budget.
        loaded = load_file(path)
        found = loaded.problems + self._without_repeats(loaded, self.check_record(loaded, self.kinds[name], ctx))
        if loaded.text is not None and "abaikan" in loaded.text:  # a substring test: most files have no marker
            found, loaded.suppressed = apply_suppressions(loaded.path, loaded.text, found)
        loaded.release()
        return loaded, capped_per_file(found)

    def _check_files(self, name: str, paths: list[Path], ctx) -> list[tuple[Loaded, list[Diagnostic]]]:
        """Check files, reusing the memo's results for files whose bytes it has checked."""
        if self.memo is None:
            return self._check_all(name, paths, ctx)
        results: list = [None] * len(paths)
        missing: list[tuple[int, bytes | None]] = []
        for i, path in enumerate(paths):
            try:
                data = read_limited(path)
            except Exception:  # not a regular file, too big, unreadable: load_file says why
                data = None
            results[i] = self.memo.get(path, data) if data is not None else None
            if results[i] is None:
                missing.append((i, data))
        checked = self._check_all(name, [paths[i] for i, _ in missing], ctx)
        for (i, data), result in zip(missing, checked, strict=True):
            results[i] = result
            if data is not None:
                self.memo.put(paths[i], data, *result)
        return results

    def _check_all(self, name: str, paths: list[Path], ctx) -> list[tuple[Loaded, list[Diagnostic]]]:
        """Check files, split over forked worker processes when there are many."""
        jobs = worker_count(len(paths), VALIDATE_PARALLEL_FROM)
        if jobs == 1:
            return [self._check_one(name, p, ctx) for p in paths]
        chunks = [paths[i::jobs] for i in range(jobs)]
        # The workers' shares go out in tasks of TASK_FILES, so results come back (and are
        # unpickled by the pool's result thread) while the parent checks its own share: one
        # pickle of 50,000 records at the end cost half again as much a record (pickle's memo
        # grows with it) and left the parent waiting.
        tasks = [
            (w, share[i : i + TASK_FILES])
            for w, share in enumerate(chunks)
            if w
            for i in range(0, len(share), TASK_FILES)
        ]
        global _FORKED
        _FORKED = (self, name, ctx)  # workers inherit it when forked: validators don't pickle
        try:
            with fork_pool(jobs - 1) as pool:
                pending = pool.imap(_check_chunk, [task for _, task in tasks])
                merged = [[self._check_one(name, p, ctx) for p in chunks[0]]]  # the parent's share
                merged += [[] for _ in chunks[1:]]
                for (w, _), done in zip(tasks, pending, strict=True):
                    merged[w] += done
                pool.close()  # workers leave when the queue is empty, not by a signal
                pool.join()
        finally:
            _FORKED = None
        # Put results back in file order (chunks were dealt round-robin).
        return [merged[i % jobs][i // jobs] for i in range(len(paths))]

    @staticmethod
    def _without_repeats(loaded: Loaded, found: list[Diagnostic]) -> list[Diagnostic]:
        """The loader and the schema may both explain one YAML trap; say it once.

        A value the loader already reported (``.inf``, an escape, a number trap) gets no
        second, vaguer schema message on the same line.
        """
        seen = {(d.line, d.code) for d in loaded.problems}
        values = {(d.line, d.field) for d in loaded.problems}
        return [
            d
            for d in found
            if (d.line, d.code) not in seen and not (d.code.startswith("S") and (d.line, d.field) in values)
        ]

    def discover(self) -> tuple[list[Path], list[Path], list[Diagnostic]]:
        return discover(self.root)

    def run(self, only: list[Path] | None = None) -> Result:
        with paused_gc():
            return self._run(only)

    def _run(self, only: list[Path] | None) -> Result:
        vacancy_paths, office_paths, diagnostics = self.discover()
        diagnostics += check_pages(self.root)
        ctx = _Context(self.ref) if self.today is None else _Context(self.ref, self.today)
        result = Result(diagnostics=list(diagnostics))
        result.files = len(office_paths) + len(vacancy_paths)
        groups = {}
        for name, paths in (("office", office_paths), ("vacancy", vacancy_paths)):
            groups[name] = []
            for loaded, found in self._check_files(name, paths, ctx):
                result.diagnostics += found
                result.suppressed += loaded.suppressed
                groups[name].append(loaded)
        offices, vacancies = groups["office"], groups["vacancy"]
        result.diagnostics += self._cross_file(vacancies, offices, {d.path for d in result.errors})
        result.diagnostics += history.reverify_diagnostics(self.root, vacancies, ctx.today)  # W601, from Git history
        failed = {d.path for d in result.errors}
        result.vacancies = [v for v in vacancies if v.data is not None and v.path not in failed]
        result.offices = [o for o in offices if o.data is not None and o.path not in failed]
        if only is not None:
            wanted, problems = self._selected(only, vacancy_paths + office_paths + [d.path for d in diagnostics])
            result.diagnostics = [d for d in result.diagnostics if d.path.resolve() in wanted] + problems
            result.suppressed = [s for s in result.suppressed if s.path.resolve() in wanted]
            result.files = len(wanted)
        result.diagnostics.sort(key=sort_key)
        return result

    def _selected(self, only: list[Path], known: list[Path]) -> tuple[set[Path], list[Diagnostic]]:
        """The files ``only`` names (a folder: every file in it), and a problem for each that
        names nothing to check, so a typo never looks like "0 errors"."""
        known_resolved = {p.resolve(): p for p in known}
        pages = pages_dir(self.root).resolve()
        wanted: set[Path] = set()
        problems = []
        for given in only:
            path = Path(given)
            target = path.resolve()
            if not path.exists() and not path.is_symlink():
                problems.append(
                    Diagnostic(path, 1, 1, "Y100", "(berkas)", "berkas tidak ada", "periksa nama dan folder berkas")
                )
            elif path.is_dir():
                inside = {p for p in known_resolved if p.is_relative_to(target)}
                if not inside:
                    problems.append(
                        Diagnostic(
                            path,
                            1,
                            1,
                            "X308",
                            "(berkas)",
                            "tidak ada berkas data di folder ini",
                            "sebut berkas .yml di content/vacancies/ atau content/offices/",
                        )
                    )
                wanted |= inside
            elif target in known_resolved or target.parent == pages:
                wanted.add(target)
            else:
                problems.append(
                    Diagnostic(
                        path,
                        1,
                        1,
                        "X308",
                        "(berkas)",
                        "berkas ini bukan data lowongan, kantor atau halaman repositori ini, jadi tidak diperiksa",
                        "sebut berkas di content/vacancies/, content/offices/ atau content/pages/ (atau periksa --root)",
                    )
                )
        return wanted, problems

    def _cross_file(self, vacancies, offices, failed: set[Path]) -> list[Diagnostic]:
        readable_v = [v for v in vacancies if isinstance(v.data, dict)]
        readable_o = [o for o in offices if isinstance(o.data, dict)]
        # Only text ids: a list or mapping where an id belongs (reported by the schema) is not
        # hashable and names nothing.
        offices_by_id = {o.data["id"]: o for o in readable_o if isinstance(o.data.get("id"), str)}
        findings = []
        findings += crossfile.check_ids(readable_o, "kantor")
        findings += crossfile.check_ids(readable_v, "lowongan")
        findings += crossfile.check_office_parents(readable_o, offices_by_id)
        findings += crossfile.check_offices_referenced(readable_v, offices_by_id)
        findings += crossfile.check_verifier_province(readable_v, offices_by_id)
        for rec in readable_o:
            findings += crossfile.check_region(rec, self.ref)
        for rec in readable_v:
            findings += crossfile.check_region(rec, self.ref, ("location",))
            findings += crossfile.check_vacancy_folder(rec, self.ref, vacancies_dir(self.root))
        findings += crossfile.check_duplicate_postings([v for v in readable_v if v.path not in failed])
        out = []
        for rec, path, code, message, hint in findings:
            mark = rec.mark_for(path)
            out.append(Diagnostic(rec.path, mark.line, mark.col, code, field_name(path), message, hint))
        return out


_FORKED = None


def _check_chunk(paths):
    validator, name, ctx = _FORKED
    with paused_gc():
        return [validator._check_one(name, p, ctx) for p in paths]


def today_for_rules() -> date:
    """Today for rules about the future (:mod:`antarkerja.today`; a bad value is refused)."""
    return resolve_today()


@dataclass
class _Context:
    ref: Reference
    today: date = field(default_factory=today_for_rules)


def internal_error(loaded: Loaded, code: str, exc: Exception) -> Diagnostic:
    """A rule raised on a record the schema accepts: reported, never skipped quietly."""
    return Diagnostic(
        loaded.path,
        1,
        1,
        "R400",
        "(berkas)",
        f"aturan {code} gagal memeriksa berkas ini ({type(exc).__name__}: {str(exc)[:120]})",
        "ini kesalahan program pemeriksa, bukan kesalahan Anda: laporkan sebagai issue dengan berkas ini",
    )


def capped_per_file(found: list[Diagnostic]) -> list[Diagnostic]:
    """At most :data:`MAX_PER_FILE` diagnostics for one file, then one line counting the rest."""
    if len(found) <= MAX_PER_FILE:
        return found
    found = sorted(found, key=sort_key)
    shown, rest = found[:MAX_PER_FILE], found[MAX_PER_FILE:]
    last = shown[-1]
    shown.append(
        Diagnostic(
            last.path,
            last.line,
            last.col,
            "Y113",
            "(berkas)",
            f"{len(rest)} kesalahan lain di berkas ini tidak ditampilkan",
            "perbaiki yang di atas dulu, lalu periksa lagi",
        )
    )
    return shown


def validate_repository(root: Path, only: list[Path] | None = None) -> Result:
    return RepositoryValidator(root).run(only)
