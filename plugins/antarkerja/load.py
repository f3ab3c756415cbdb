"""Read one YAML record safely, keeping the line of every value.

The validator and the site build both read records through :func:`load_file`, so what the
validator accepted is exactly what the site shows.

Why not ``yaml.safe_load``: it is ten times slower than the C loader, it silently keeps the
last of two duplicate keys, it expands aliases (a few lines can become gigabytes), and it
forgets where each value came from. Here we compose the node tree with the C loader (line
marks only, cheap), then build Python values ourselves:

* duplicate keys, anchors and aliases, tabs, non-UTF-8 bytes and oversized files are
  problems with a line number, never silent;
* every value's position can be found by its path (``Loaded.mark_for``), e.g.
  ``("salary", "min")`` or ``("benefits", 2)``; the root mapping is ``()``;
* plain (unquoted) scalars keep their raw text and YAML tag, so later checks can say "YAML
  read 0812… as a number: put it in quotes" instead of reporting a puzzling type error;
* YAML 1.1 number traps that change a value whatever the field (``010`` is octal 8,
  ``12:30`` is 750) are reported here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from antarkerja.diagnostics import ERROR, Diagnostic

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_BaseLoader):
    """The C loader with a memo for implicit tags.

    Even the C loader asks Python to resolve the tag of every plain scalar (regex matches
    per value); keys and short values repeat across thousands of records, so remembering
    the answer saves a tenth of the reading time.
    """

    _tags: dict = {}

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and len(value) < 40:
            key = (value, implicit)
            tag = self._tags.get(key)
            if tag is None:
                if len(self._tags) > 50_000:
                    self._tags.clear()
                tag = self._tags[key] = super().resolve(kind, value, implicit)
            return tag
        return super().resolve(kind, value, implicit)


MAX_BYTES = 256 * 1024

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"

# Plain integers YAML 1.1 does not read as written: octal (010), base 60 (12:30), 1_000.
# `&name` or `*name` where YAML allows a node to start: after `: `, `- `, `[`, `,` or `{`.
_MAYBE_ANCHOR = re.compile(r"(?:^|[:\-\[,{])[ \t]*[&*][^\s,\[\]{}*]", re.M)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Fields that hold counts or amounts: there a leading zero is a typo, not part of the value.
COUNT_FIELDS = {"openings", "contract_months", "probation_months", "experience_months", "min", "max"}
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

_CHANGED_NUMBER = re.compile(r"^[-+]?(0[0-9_]+|[0-9][0-9_]*(:[0-5]?[0-9])+|[0-9]+_[0-9_]*)$")


@dataclass(frozen=True, slots=True)
class Mark:
    line: int  # 1-based
    col: int  # 1-based
    plain: bool = False  # an unquoted scalar
    block: bool = False  # a `|` or `>` block: its text starts on the next line
    tag: str = ""
    raw: str = ""


@dataclass
class Loaded:
    path: Path
    data: Any = None
    problems: list[Diagnostic] = field(default_factory=list)
    node: Any = field(default=None, repr=False)  # the composed tree, for line marks

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(p.severity == ERROR for p in self.problems)

    def position(self, path: tuple, offset: int | None = None) -> tuple[int, int]:
        """Line and column of ``path``; with ``offset``, of that character in its text value."""
        mark = self.mark_for(path)
        if offset is None or not mark.raw:
            return mark.line, mark.col
        before = mark.raw[:offset]
        lines = before.count("\n")
        if mark.block:
            return mark.line + 1 + lines, 1 + len(before) - (before.rfind("\n") + 1)
        return mark.line + lines, (mark.col if not lines else 1) + len(before) - (before.rfind("\n") + 1)

    def mark_for(self, path: tuple) -> Mark:
        """Where ``path`` is written, else its nearest existing parent (a missing key).

        Marks are looked up in the node tree only when a message needs one: most records
        have no problem, and keeping a mark per value would cost more than reading them.
        A scalar is found by its value (exact column); a group or list by its key.
        """
        root = self.node if self.node is not None else self._recompose()
        if root is None:
            return Mark(1, 1)
        node, mark_node = root, root
        for part in path:
            child = key_node = None
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == part:
                        key_node, child = k, v
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                child = key_node = node.value[part]
            if child is None:
                break
            node, mark_node = child, (child if isinstance(child, yaml.ScalarNode) else key_node)
        m = mark_node.start_mark
        if isinstance(mark_node, yaml.ScalarNode):
            # The C loader marks plain scalars with style "" and the Python one with None.
            return Mark(
                m.line + 1,
                m.column + 1,
                not mark_node.style,
                mark_node.style in ("|", ">"),
                mark_node.tag,
                mark_node.value,
            )
        return Mark(m.line + 1, m.column + 1)

    def release(self) -> None:
        """Drop the node tree to save memory; :meth:`mark_for` reads the file again if needed."""
        self.node = None

    def _recompose(self):
        try:
            return yaml.compose(self.path.read_text(encoding="utf-8"), Loader=Loader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return None


def field_name(path: tuple) -> str:
    """``("benefits", 2)`` → ``benefits[2]``; ``("salary", "min")`` → ``salary.min``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(berkas)"


class _Builder:
    """Turns a composed node tree into Python values, recording problems."""

    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.constructor = SafeConstructor()
        self.seen: set[int] = set()

    def problem(self, node, code, path, message, hint=""):
        mark = node.start_mark
        self.loaded.problems.append(
            Diagnostic(self.loaded.path, mark.line + 1, mark.column + 1, code, field_name(path), message, hint)
        )

    def build(self, node, path: tuple):
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == STR_TAG else self.scalar(node, path)
        if id(node) in self.seen:
            # An alias: the same node reached twice. Stop here so alias bombs cost nothing;
            # the anchor check in load_text reports it.
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        result = {}
        first_line = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(
                    key_node,
                    "Y108",
                    path,
                    "kunci harus berupa teks biasa",
                    "tulis kunci sebagai kata, misalnya `title:`",
                )
                continue
            key = key_node.value
            if key in result:
                self.problem(
                    key_node,
                    "Y105",
                    path + (key,),
                    f"kunci `{key}` ditulis dua kali (pertama di baris {first_line[key]})",
                    "hapus salah satu; YAML diam-diam hanya memakai yang terakhir",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,))
        return result

    def scalar(self, node, path):
        if node.tag == STR_TAG:
            return node.value
        if not node.style and node.tag == INT_TAG and _CHANGED_NUMBER.match(node.value):
            self.problem(
                node,
                "Y107",
                path,
                f"YAML membaca `{node.value}` bukan sebagai yang tertulis (angka oktal/basis 60)",
                # Only a count may lose its leading zero; a phone number, code or time keeps it.
                f"tulis angka tanpa nol di depan ({node.value.lstrip('0') or '0'})"
                if path and path[-1] in COUNT_FIELDS and ":" not in node.value
                else f'beri tanda kutip: "{node.value}"',
            )
        if node.tag == TIMESTAMP_TAG and _ISO_DATE.match(node.value):
            try:
                return date.fromisoformat(node.value)  # PyYAML's own route is 20× slower
            except ValueError:
                return node.value  # e.g. 2026-02-30: kept as text; the validator explains the date
        try:
            return self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            self.problem(
                node,
                "Y104",
                path,
                f"nilai `{node.value}` tidak dapat dibaca ({exc})",
                "beri tanda kutip pada nilai ini",
            )
            return node.value


def load_text(text: str, path: Path, loaded: Loaded | None = None) -> Loaded:
    loaded = loaded or Loaded(Path(path))

    def problem(line, col, code, message, hint, fld="(berkas)"):
        loaded.problems.append(Diagnostic(loaded.path, line, col, code, fld, message, hint))

    if "\t" in text:
        for number, line in enumerate(text.splitlines(), 1):
            if "\t" in line:
                problem(
                    number,
                    line.index("\t") + 1,
                    "Y102",
                    "ada karakter tab",
                    "ganti tab dengan spasi (YAML memakai spasi untuk indentasi)",
                )
        return loaded
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = ""
        if (
            exc.context_mark is not None
            and exc.problem_mark is not None
            and exc.context_mark.line != exc.problem_mark.line
        ):
            where = f" (bermula di baris {exc.context_mark.line + 1})"
        problem(
            mark.line + 1 if mark else 1,
            mark.column + 1 if mark else 1,
            "Y104",
            f"YAML tidak valid: {exc.problem or exc.context}{where}",
            "periksa indentasi dan tanda titik dua; teks yang memuat `: ` atau `#` perlu tanda kutip",
        )
        return loaded
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        problem(1, 1, "Y104", f"YAML tidak valid: {exc}", "periksa isi berkas")
        return loaded
    if node is None:
        problem(1, 1, "Y109", "berkas kosong", "isi berkas dengan data, atau hapus berkas ini")
        return loaded
    if ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text):
        # Only then pay for the event stream: anchors hide where a value comes from and
        # aliases can expand without bound ("billion laughs"). The pattern is loose (a
        # Markdown "- *italic*" matches too); the event stream decides.
        for event in yaml.parse(text, Loader=Loader):
            if getattr(event, "anchor", None):
                kind = "alias `*" if isinstance(event, yaml.AliasEvent) else "anchor `&"
                problem(
                    event.start_mark.line + 1,
                    event.start_mark.column + 1,
                    "Y106",
                    f"{kind}{event.anchor}` tidak diizinkan",
                    "tulis nilainya langsung; setiap lowongan berdiri sendiri",
                )
    if not isinstance(node, yaml.MappingNode):
        problem(
            node.start_mark.line + 1,
            1,
            "Y108",
            "isi berkas harus berupa pasangan `kunci: nilai`",
            "mulai berkas dengan `id: ...`",
        )
        return loaded
    loaded.node = node
    loaded.data = _Builder(loaded).build(node, ())
    return loaded


def load_file(path: str | Path) -> Loaded:
    path = Path(path)
    loaded = Loaded(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        loaded.problems.append(
            Diagnostic(
                path,
                1,
                1,
                "Y100",
                "(berkas)",
                f"berkas tidak dapat dibaca: {exc.strerror}",
                "periksa nama dan izin berkas",
            )
        )
        return loaded
    if len(raw) > MAX_BYTES:
        loaded.problems.append(
            Diagnostic(
                path,
                1,
                1,
                "Y103",
                "(berkas)",
                f"berkas terlalu besar ({len(raw) // 1024} KB, batas {MAX_BYTES // 1024} KB)",
                "perpendek deskripsi; satu lowongan tidak perlu sepanjang itu",
            )
        )
        return loaded
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        loaded.problems.append(
            Diagnostic(
                path, line, col, "Y101", "(berkas)", "berkas bukan UTF-8", "simpan ulang berkas dengan pengodean UTF-8"
            )
        )
        return loaded
    return load_text(text, path, loaded)
