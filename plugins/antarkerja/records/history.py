"""Each vacancy's public history ("Riwayat"), read from the repository's Git history.

What a job seeker sees on a vacancy page: when it was published, each later change they
would care about (salary, dates, openings, requirements, how to apply, status, the verifying
office or date) with its date and the fields that changed, and when it closed. No author,
committer or e-mail is ever read: entries name only the verifying office.

Dates are commit dates along the first-parent line (the branch the site is built from): a
change made on a pull-request branch counts once, on the day it was merged.

Cost: one ``git log`` over ``content/vacancies`` (``--raw -z``: every commit's date and the
blob id of every file version) and one ``git cat-file --batch`` for the versions that need
reading; never one Git call per file. A vacancy with a single version (published, never
changed) needs no blob at all: whether the working copy differs from it is decided by
hashing the file the way Git does. ``History.cost`` holds the figures ``antarkerja bench``
prints.

Without Git (a copy without ``.git``, a tarball, Git not installed) or with a shallow clone
(``actions/checkout`` fetches one commit unless told ``fetch-depth: 0``) the history is
*unavailable*: the build still works and the page says so.

Post-verification changes: a change to salary, requirements or how to apply whose commit
date is later than the verification date written in the changed version is flagged on the
page; the validator warns (:data:`REVERIFY_CODE`) while the current verification date is
earlier than the latest such change, committed or not yet committed, asking the office to
re-verify: check again, then write the date in ``verification.reverified``
(``verification.date`` stays the check before posting, which rule R413 keeps before
``date_posted``).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import time
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import yaml

from antarkerja.paths import vacancies_dir
from antarkerja.reference import Loader
from antarkerja.wording import DEADLINE

REVERIFY_CODE = "W601"

# Field groups a job seeker cares about: (key, Indonesian label, top-level fields, sensitive).
# "Sensitive" groups changed after the verification date ask for re-verification.
FIELD_GROUPS: list[tuple[str, str, tuple[str, ...], bool]] = [
    ("title", "Nama jabatan", ("title",), False),
    ("employer", "Pemberi kerja", ("employer",), False),
    ("location", "Lokasi kerja", ("location", "scope"), False),
    ("employment", "Jenis hubungan kerja", ("employment_type", "contract_months", "probation_months"), False),
    ("salary", "Upah", ("salary",), True),
    ("openings", "Jumlah lowongan", ("openings",), False),
    (
        "requirements",
        "Syarat",
        ("education", "experience_months", "age", "gender", "qualifications", "disability"),
        True,
    ),
    ("apply", "Cara melamar", ("apply",), True),
    ("date_posted", "Tanggal tayang", ("date_posted",), False),
    ("valid_through", DEADLINE, ("valid_through",), False),
    ("status", "Status", ("status",), False),
    ("verification", "Verifikasi", ("verification",), False),
    ("overseas", "Penempatan luar negeri", ("overseas",), False),
]
GROUP_LABELS = {key: label for key, label, _, _ in FIELD_GROUPS}
SENSITIVE = frozenset(key for key, _, _, sensitive in FIELD_GROUPS if sensitive)


# Reading Git ---------------------------------------------------------------------------


def _git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    env = dict(os.environ, LC_ALL="C", GIT_TERMINAL_PROMPT="0")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)  # a hook's environment must not point us at another repository
    proc = subprocess.run(
        ["git", "-C", str(root), *args], input=data, capture_output=True, env=env, check=False, timeout=600
    )
    if proc.returncode != 0:
        raise _NoHistory(proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["git gagal"])
    return proc.stdout


class _NoHistory(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Version:
    """One committed version of a vacancy file."""

    commit: str
    day: date  # the commit date, in the committer's time zone
    path: str  # repository-relative path
    blob: str  # "" when the commit deleted the file


def read_log(root: Path) -> tuple[str, dict[str, list[Version]], int]:
    """The repository prefix of ``root`` and every version of every vacancy file, oldest
    first, keyed by file name (the vacancy id: a file moved to another province folder keeps
    its history); and the number of commits read."""
    inside = _git(root, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix")
    lines = inside.decode().splitlines()
    if lines[:1] != ["true"]:
        raise _NoHistory(["bukan repositori Git"])
    if lines[1:2] == ["true"]:
        raise _NoHistory(["riwayat Git tidak lengkap (clone dangkal; gunakan fetch-depth: 0)"])
    prefix = lines[2] if len(lines) > 2 else ""
    folder = vacancies_dir(root).resolve().relative_to(Path(root).resolve()).as_posix()
    raw = _git(
        root,
        "log",
        "-z",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        # The published line only: a merged branch's changes count once, dated when merged.
        "--first-parent",
        "--diff-merges=first-parent",
        "--topo-order",  # parents after children whatever the commit dates say
        "--format=%x1e%H%x1f%cI",
        "--",
        folder,
    )
    versions: dict[str, list[Version]] = {}
    commit, day, commits = "", date.min, 0
    tokens = raw.split(b"\0")
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        i += 1
        if token.startswith(b"\x1e"):
            sha, _, stamp = token[1:].decode().partition("\x1f")
            commit, day, commits = sha, date.fromisoformat(stamp[:10]), commits + 1
        elif token.startswith(b":") and i < len(tokens):
            meta, path = token.decode().split(), tokens[i].decode("utf-8", "surrogateescape")
            i += 1
            if not path.endswith(".yml"):
                continue
            new_blob = "" if meta[4].startswith("D") else meta[3]
            versions.setdefault(path.rsplit("/", 1)[-1][:-4], []).append(Version(commit, day, path, new_blob))
    for vid, items in versions.items():
        items.reverse()  # git log is newest first
        versions[vid] = follow_moves(items)
    return prefix, versions, commits


def follow_moves(items: list[Version]) -> list[Version]:
    """One version per commit for one vacancy id, following the file across folders.

    Git lists a move as a deletion and an addition (``--no-renames``), in path order, and a
    move may be split over two commits (copy, then delete; or delete, then add elsewhere).
    Per commit, deletions apply before additions, and the vacancy lives while any of its
    paths does: a deletion ends its life (``blob`` "") only when no path is left, and a
    deletion followed by an addition in another folder continues it. Re-adding the same path
    after a deletion starts a new life (a vacancy published again).
    """
    out: list[Version] = []
    live: dict[str, str] = {}  # path -> blob, the most recently written last
    ended: Version | None = None  # the deletion that emptied ``live``, until the next addition
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j].commit == items[i].commit:
            j += 1
        group, i = items[i:j], j
        for v in group:
            if not v.blob:
                live.pop(v.path, None)
        written = None
        for v in sorted((v for v in group if v.blob), key=lambda v: v.path):
            live.pop(v.path, None)
            live[v.path], written = v.blob, v
        if not live:
            ended = replace(group[0], blob="")
            continue
        if ended is not None:
            if written is not None and written.path == ended.path:
                out.append(ended)  # the same file published again: a new life
            ended = None
        path = written.path if written else next(reversed(live))
        out.append(Version(group[0].commit, group[0].day, path, live[path]))
    if ended is not None:
        out.append(ended)
    return out


def read_blobs(root: Path, blobs: list[str]) -> dict[str, bytes]:
    """Contents of ``blobs`` with one ``git cat-file --batch``."""
    if not blobs:
        return {}
    out = _git(root, "cat-file", "--batch", data=("\n".join(blobs) + "\n").encode())
    found, pos = {}, 0
    while pos < len(out):
        end = out.index(b"\n", pos)
        sha, kind, *size = out[pos:end].decode().split()
        pos = end + 1
        if kind == "missing":
            continue
        length = int(size[0])
        found[sha] = out[pos : pos + length]
        pos += length + 1
    return found


def blob_id(data: bytes) -> str:
    """The id Git gives a file's contents (SHA-1 of ``blob <size>\\0`` + bytes)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|$)")


class Doc:
    """One committed version, read lazily: its text is split into top-level ``key:`` blocks
    and only the blocks that differ between two versions (or that an entry shows: status,
    deadline, openings, verification) are parsed. Parsing whole files was the cost of
    history at 10,000 vacancies; most versions differ in one or two small blocks."""

    __slots__ = ("blocks", "_values")

    def __init__(self, blocks: dict[str, str]):
        self.blocks = blocks
        self._values: dict[str, object] = {}

    def get(self, key: str, default=None):
        if key not in self.blocks:
            return default
        if key not in self._values:
            self._values[key] = _block_value(key, self.blocks[key])
        return self._values[key]

    def same(self, other, key: str) -> bool:
        if isinstance(other, Doc) and self.blocks.get(key) == other.blocks.get(key):
            return True  # same text, same value (the common case: no parsing)
        return self.get(key) == other.get(key)


_BLOCK_VALUES: dict[str, object] = {}  # block text → value: `status: open` is parsed once


def _block_value(key: str, text: str):
    if text not in _BLOCK_VALUES:
        if len(_BLOCK_VALUES) > 100_000:
            _BLOCK_VALUES.clear()
        try:
            loaded = yaml.load(text, Loader=Loader)
            _BLOCK_VALUES[text] = loaded.get(key) if isinstance(loaded, dict) else None
        except yaml.YAMLError:
            _BLOCK_VALUES[text] = None
    return _BLOCK_VALUES[text]


def parse(data: bytes) -> Doc | None:
    """A version's record (lazy), or None when it is not a ``key: value`` document."""
    text = data.decode("utf-8", "replace").replace("\r\n", "\n")
    blocks: dict[str, list[str]] = {}
    current = None
    for line in text.split("\n"):
        if line.startswith(("#", "---", "...")):
            continue  # comments and document markers at the top level
        match = _TOP_KEY.match(line)
        if match:
            current = blocks.setdefault(match.group(1), [])
        elif current is None:
            if line.strip():
                return None  # text before the first key: not a record
            continue
        current.append(line.rstrip())
    if not blocks:
        return None
    return Doc({key: "\n".join(lines).strip() for key, lines in blocks.items()})


# Changes -------------------------------------------------------------------------------


def _as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def changed_groups(before, after) -> list[str]:
    """Field groups whose value differs; ``before`` is a :class:`Doc`, ``after`` a Doc or dict."""
    return [key for key, _, fields, _ in FIELD_GROUPS if not all(before.same(after, f) for f in fields)]


def verification_date(record: dict) -> date | None:
    """The latest verification: ``verification.reverified`` when set, else ``verification.date``.
    (``verification.date`` stays the first check, before posting: rule R413.)"""
    found = [_as_date(v) for k, v in (record.get("verification") or {}).items() if k in ("date", "reverified")]
    found = [d for d in found if d is not None]
    return max(found) if found else None


@dataclass(frozen=True)
class Entry:
    """One line of a vacancy's "Riwayat"."""

    day: date
    kind: str  # "published" | "changed" | "closed" | "reopened" | "expired"
    groups: tuple[str, ...] = ()  # FIELD_GROUPS keys that changed
    after_verification: bool = False  # salary, requirements or how to apply changed after verification
    status: str = ""  # the status after this entry
    valid_through: date | None = None  # when the deadline changed: the new one
    openings: int | None = None  # when the number of openings changed: the new one
    office: str = ""  # when the verification changed: the verifying office id
    verified_on: date | None = None  # the latest verification date written in this version
    rechecked_on: date | None = None  # for a flagged entry: when the office verified again since

    @property
    def labels(self) -> list[str]:
        return [GROUP_LABELS[g] for g in self.groups]

    @property
    def sensitive(self) -> list[str]:
        return [GROUP_LABELS[g] for g in self.groups if g in SENSITIVE]


def entries_for(records: list[tuple[date, dict | None]]) -> list[Entry]:
    """Entries from a file's versions (commit date, parsed record), oldest first."""
    out: list[Entry] = []
    previous: dict | None = None
    for day, record in records:
        if record is None:
            continue  # a broken version: the next readable one is compared with the last good one
        if previous is None:
            out.append(
                Entry(
                    day,
                    "published",
                    status=str(record.get("status", "")),
                    office=str((record.get("verification") or {}).get("office", "")),
                    verified_on=verification_date(record),
                )
            )
            previous = record
            continue
        groups = tuple(changed_groups(previous, record))
        if not groups:
            previous = record
            continue  # layout, comments or fields a job seeker does not need (description…)
        verified = verification_date(record)
        after = bool(SENSITIVE.intersection(groups)) and (verified is None or day > verified)
        status = str(record.get("status", ""))
        kind = "changed"
        if "status" in groups:
            kind = "reopened" if status == "open" else "closed"
        out.append(
            Entry(
                day,
                kind,
                groups,
                after,
                status=status,
                valid_through=_as_date(record.get("valid_through")) if "valid_through" in groups else None,
                openings=record.get("openings") if "openings" in groups else None,
                office=str((record.get("verification") or {}).get("office", "")) if "verification" in groups else "",
                verified_on=verified,
            )
        )
        previous = record
    return out


@dataclass
class History:
    """Every vacancy's entries, or the reason there are none (``available`` False)."""

    available: bool
    reason: str = ""
    entries: dict[str, list[Entry]] = field(default_factory=dict)  # by vacancy id
    last_committed: dict[str, tuple[str, str, dict | None]] = field(default_factory=dict)  # id: (path, blob, data)
    cost: dict = field(default_factory=dict)

    def for_vacancy(self, vacancy) -> list[Entry] | None:
        """Entries for a :class:`~antarkerja.site.model.Vacancy`, newest first, with its expiry
        (from "today") when it ran out while still marked open. None when unavailable."""
        if not self.available:
            return None
        # As of the build's "today" (a build for an earlier day shows no later change).
        found = [e for e in self.entries.get(vacancy.id, []) if e.day <= vacancy.today]
        if len(found) == 1 and not found[0].office:  # never changed: the file is that version
            found[0] = replace(found[0], office=vacancy.data["verification"]["office"])
        for i, entry in enumerate(found):
            if entry.after_verification:
                later = [e.verified_on for e in found[i + 1 :] if e.verified_on and e.verified_on >= entry.day]
                if later:
                    found[i] = replace(entry, rechecked_on=min(later))
        if vacancy.closed_reason == "expired":
            found.append(Entry(vacancy.valid_through + timedelta(days=1), "expired", status="expired"))
        return sorted(found, key=lambda e: e.day)[::-1]

    def flagged(self, vacancy_id: str) -> list[Entry]:
        return [e for e in self.entries.get(vacancy_id, []) if e.after_verification]


def load(root: Path) -> History:
    """Read the history of ``root``'s vacancies (see the module docstring for the cost)."""
    started = time.perf_counter()
    root = Path(root)
    if not vacancies_dir(root).is_dir():
        return History(False, "folder lowongan tidak ada")
    try:
        _prefix, versions, commits = read_log(root)
    except FileNotFoundError:
        return History(False, "Git tidak terpasang")
    except (_NoHistory, subprocess.SubprocessError, OSError) as exc:
        reason = exc.args[0][0] if isinstance(exc, _NoHistory) and exc.args and exc.args[0] else str(exc)
        return History(False, reason)
    # Only files with two or more versions need their contents; the validator fetches the
    # last committed version of a single-version file only when the working copy differs.
    wanted = {v.blob for items in versions.values() if len(items) > 1 for v in items if v.blob}
    last = {vid: items[-1] for vid, items in versions.items() if items[-1].blob}
    blobs = read_blobs(root, sorted(wanted))
    parsed = {sha: parse(data) for sha, data in blobs.items()}
    history = History(True)
    for vid, items in versions.items():
        # A deletion ends a file's life; a later re-add starts a new one (keep the last life).
        start = max((i + 1 for i, v in enumerate(items) if not v.blob), default=0)
        life = items[start:]
        if not life:
            continue
        if len(life) == 1:
            history.entries[vid] = [Entry(life[0].day, "published")]
        else:
            history.entries[vid] = entries_for([(v.day, parsed.get(v.blob)) for v in life])
        if vid in last:
            history.last_committed[vid] = (last[vid].path, last[vid].blob, parsed.get(last[vid].blob))
    history.cost = {
        "commits": commits,
        "versions": sum(len(items) for items in versions.values()),
        "blobs_read": len(blobs),
        "seconds": round(time.perf_counter() - started, 3),
    }
    return history


_CACHE: dict[tuple[str, str], History] = {}


def load_cached(root: Path) -> History:
    """:func:`load`, once per repository state in this process (validate then build)."""
    try:
        head = _git(Path(root), "rev-parse", "-q", "--verify", "HEAD").decode().strip()
    except (_NoHistory, OSError, subprocess.SubprocessError):
        head = ""
    key = (str(Path(root).resolve()), head)
    if not head:
        return load(root)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load(root)
    return _CACHE[key]


# Validator warning ---------------------------------------------------------------------


def reverify_diagnostics(root: Path, loaded_vacancies, today: date | None = None) -> list:
    """:data:`REVERIFY_CODE` warnings for every vacancy whose salary, requirements or how to
    apply changed (committed, or changed in the working copy) later than its current
    verification date. The validator calls this once per run."""
    from antarkerja.records.diagnostics import Diagnostic
    from antarkerja.records.load import field_name

    history = load_cached(root)
    if not history.available:
        return []
    if today is None:
        from antarkerja.today import resolve as resolve_today

        today = resolve_today()
    records = [x for x in loaded_vacancies if isinstance(x.data, dict) and isinstance(x.data.get("id"), str)]
    # Working copies that differ from their last committed version: compare field by field.
    local: dict[str, dict | None] = {}
    for loaded in records:
        committed = history.last_committed.get(loaded.data["id"])
        if committed:
            try:
                if blob_id(Path(loaded.path).read_bytes()) != committed[1]:
                    local[loaded.data["id"]] = committed[2]
            except OSError:
                continue
    missing = sorted({history.last_committed[vid][1] for vid, data in local.items() if data is None})
    for sha, data in read_blobs(root, missing).items() if missing else ():
        for vid in local:
            if history.last_committed[vid][1] == sha:
                local[vid] = parse(data)
    out = []
    for loaded in records:
        vid, data = loaded.data["id"], loaded.data
        verified = verification_date(data)
        if verified is None:
            continue
        latest, groups = None, []
        # As of today, like the page's "Riwayat": a build for an earlier day weighs no later change.
        for entry in (e for e in history.entries.get(vid, []) if e.day <= today):
            touched = [g for g in entry.groups if g in SENSITIVE]
            if touched:
                latest, groups = entry.day, touched
        if local.get(vid) is not None:
            touched = [g for g in changed_groups(local[vid], data) if g in SENSITIVE]
            if touched:
                latest, groups = today, touched
        if latest is None or latest <= verified:
            continue
        path = ("verification", "reverified") if "reverified" in data["verification"] else ("verification", "date")
        mark = loaded.mark_for(path)
        what = ", ".join(GROUP_LABELS[g].lower() for g in groups)
        out.append(
            Diagnostic(
                loaded.path,
                mark.line,
                mark.col,
                REVERIFY_CODE,
                field_name(path),
                f"{what} diubah pada {latest.isoformat()}, setelah tanggal verifikasi {verified.isoformat()}",
                "minta kantor pemverifikasi memeriksa ulang lowongan ini, lalu tulis tanggal pemeriksaan "
                "ulang di `verification.reverified`",
            )
        )
    return out


def template_globals(site, root: Path) -> dict:
    """``vacancy_history(v)`` and ``history_office(id)`` for ``partials/history.html``."""
    history = load_cached(root)
    offices = {o.id: o for o in site.offices}
    return {"vacancy_history": history.for_vacancy, "history_office": offices.get, "HISTORY": history}


def bench_history(repo: Path) -> dict:
    """``antarkerja bench --steps history``: make ``repo`` a Git repository with two commits
    (every vacancy published, then one in ten with a changed salary), then time :func:`load`
    (one ``git log`` and one ``git cat-file --batch``) and the validator's W601 check."""
    from antarkerja.records.load import load_file

    env = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, *env, "commit", "-q", "-m", "publish")
    paths = sorted(vacancies_dir(repo).rglob("*.yml"))
    for path in paths[::10]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("  min: ", "  min: 1", 1), encoding="utf-8")
    _git(repo, *env, "commit", "-q", "-am", "salaries")
    started = time.perf_counter()
    history = load(repo)
    figures = dict(history.cost, load_seconds=round(time.perf_counter() - started, 2))
    loaded = [load_file(p) for p in paths]
    started = time.perf_counter()
    figures["w601"] = len(reverify_diagnostics(repo, loaded))
    figures["w601_seconds"] = round(time.perf_counter() - started, 2)
    return figures
