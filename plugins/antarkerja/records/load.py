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
  ``12:30`` is 750, ``0x14`` is 20) are reported here, and so are ``.nan``/``.inf`` and
  control characters written as escapes in quoted text (``"\\0"``, ``"\\e[31m"``);
* only regular files are read, never more than :data:`MAX_BYTES` (a symlink to
  ``/dev/zero`` is refused, not read whole).
"""

from __future__ import annotations

import math
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from antarkerja.characters import LINE_BREAKS, LINE_SEPARATORS, char_class
from antarkerja.records.diagnostics import ERROR, Diagnostic

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

_CHANGED_NUMBER = re.compile(r"^[-+]?(0[0-9_]+|0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])+|[0-9]+_[0-9_]*)$")
LINE_BREAK = re.compile("\r\n|" + char_class(LINE_BREAKS))  # what YAML counts as a new line
# Characters no record text needs, which YAML lets in through escapes in double-quoted text:
# C0 controls but tab and newline, DEL, C1 controls, lone surrogates, noncharacters.
_NONCHARACTERS = "".join(chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
BAD_CHARS = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufdd0-\\ufdef{_NONCHARACTERS}]")
# Line breaks to YAML and (before ES2019) to JavaScript, invisible or shown as a space in most
# editors and web forms: a pasted U+2029 inside a `|` block starts a new YAML line, so text
# after it can become a key of its own. The loader refuses them (Y115); `fmt` replaces them.
SEPARATORS = LINE_SEPARATORS
_SEPARATOR = re.compile(char_class(SEPARATORS))
_SEPARATOR_NAMES = {"\x85": "NEL", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


@dataclass(frozen=True, slots=True)
class Mark:
    line: int  # 1-based
    col: int  # 1-based
    plain: bool = False  # an unquoted scalar
    block: bool = False  # a `|` or `>` block: its text starts on the next line
    tag: str = ""
    raw: str = ""
    start: int = -1  # character index of the value in the source, end: just after it
    end: int = -1


@dataclass
class Loaded:
    path: Path
    data: Any = None
    problems: list[Diagnostic] = field(default_factory=list)
    node: Any = field(default=None, repr=False)  # the composed tree, for line marks
    text: str | None = field(default=None, repr=False)  # the source, while the tree is kept
    suppressed: list = field(default_factory=list)  # reasoned "# antarkerja: abaikan" markers applied (suppressions.py)

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(p.severity == ERROR for p in self.problems)

    def position(self, path: tuple, offset: int | None = None) -> tuple[int, int]:
        """Line and column of ``path``; with ``offset``, of that character in its text value."""
        mark = self.mark_for(path)
        if offset is None or not mark.raw:
            return mark.line, mark.col
        if mark.plain and "\n" not in mark.raw and mark.end - mark.start == len(mark.raw):
            return mark.line, mark.col + min(offset, len(mark.raw))  # written exactly as read
        return self._source_position(mark, offset)

    def _source_position(self, mark: Mark, offset: int) -> tuple[int, int]:
        """Where character ``offset`` of a folded, quoted or block value is written.

        Such a value differs from its source (folding joins lines, blocks drop indentation,
        quotes hold escapes), so the word at ``offset`` is looked up in the source text of
        the value, at the same occurrence; failing that, the value's own start is reported.
        """
        source = self.text if self.text is not None else self._read_source()
        if source is None or mark.start < 0:
            return mark.line, mark.col
        segment = source[mark.start : mark.end]
        word = re.match(r"\S{1,40}", mark.raw[offset:])
        at = -1
        if word:
            token = word.group(0)
            while token and at < 0:
                seen = mark.raw.count(token, 0, offset)
                at = -1
                for _ in range(seen + 1):
                    at = segment.find(token, at + 1)
                    if at < 0:
                        break
                token = token[:-1] if at < 0 else token
        if at < 0:
            return mark.line, mark.col
        before = source[: mark.start + at]
        return before.count("\n") + 1, mark.start + at - (before.rfind("\n") + 1) + 1

    def _read_source(self) -> str | None:
        try:
            return read_limited(self.path).decode("utf-8")
        except (OSError, UnicodeDecodeError, _TooBig):
            return None

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
        line, col = m.line + 1, m.column + 1
        if isinstance(mark_node, yaml.ScalarNode) and not mark_node.value:
            line, col = self.clamped(line, col, m.index)  # an empty value may sit at the end
        if isinstance(mark_node, yaml.ScalarNode):
            # The C loader marks plain scalars with style "" and the Python one with None.
            return Mark(
                line,
                col,
                not mark_node.style,
                mark_node.style in ("|", ">"),
                mark_node.tag,
                mark_node.value,
                m.index,
                mark_node.end_mark.index,
            )
        return Mark(line, col)

    def clamped(self, line: int, col: int, index: int) -> tuple[int, int]:
        """A mark past the last character (an empty value at the end of the file) → that character."""
        source = self.text if self.text is not None else self._read_source()
        if source is None or index < len(source):
            return line, col
        lines = LINE_BREAK.split(source)
        if line <= len(lines):
            return line, col
        return len(lines), len(lines[-1]) + 1

    def release(self) -> None:
        """Drop the node tree to save memory; :meth:`mark_for` reads the file again if needed."""
        self.node = None
        self.text = None

    def _recompose(self):
        source = self._read_source()
        try:
            return None if source is None else yaml.compose(source, Loader=Loader)
        except yaml.YAMLError:
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
        line, col = self.loaded.clamped(mark.line + 1, mark.column + 1, mark.index)
        self.loaded.problems.append(Diagnostic(self.loaded.path, line, col, code, field_name(path), message, hint))

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
            key = sys.intern(key_node.value)  # one string per key name, not one per record
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

    def check_escapes(self, root) -> None:
        """Control characters that double-quoted escapes put into keys and values."""
        stack, seen = [(root, ())], set()
        while stack:
            node, path = stack.pop()
            if isinstance(node, yaml.ScalarNode):
                if node.style == '"':
                    self.check_chars(node, path)
            elif id(node) not in seen:
                seen.add(id(node))
                if isinstance(node, yaml.SequenceNode):
                    stack.extend((child, path + (i,)) for i, child in enumerate(node.value))
                else:
                    for key, value in node.value:
                        key_path = path + (key.value if isinstance(key, yaml.ScalarNode) else "?",)
                        stack += [(key, key_path), (value, key_path)]

    def check_chars(self, node, path):
        separator = _SEPARATOR.search(node.value)
        if separator:
            char = separator.group(0)
            self.problem(
                node,
                "Y115",
                path,
                f"ada pemisah baris U+{ord(char):04X} ({_SEPARATOR_NAMES[char]}) di dalam teks",
                "ganti dengan baris baru biasa (\\n) atau spasi",
            )
            return
        bad = BAD_CHARS.search(node.value)
        if bad:
            self.problem(
                node,
                "Y110",
                path,
                f"ada karakter kendali atau karakter tak sah U+{ord(bad.group(0)):04X} di dalam teks",
                "hapus kode seperti \\0, \\e, \\x.. atau \\uFFFF dari teks dalam tanda kutip",
            )

    def scalar(self, node, path):
        if node.tag == STR_TAG:
            return node.value
        if not node.style and node.tag == INT_TAG and _CHANGED_NUMBER.match(node.value):
            self.problem(
                node,
                "Y107",
                path,
                f"YAML membaca `{node.value}` bukan sebagai yang tertulis (angka oktal, heksadesimal atau basis 60)",
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
            value = self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            self.problem(
                node,
                "Y104",
                path,
                f"nilai `{node.value}` tidak dapat dibaca ({exc})",
                "beri tanda kutip pada nilai ini",
            )
            return node.value
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(
                node,
                "Y111",
                path,
                f"`{node.value}` bukan angka yang bisa dipakai (tak terhingga atau NaN)",
                "tulis angka biasa, misalnya -6.2; hapus kolom ini bila nilainya tidak diketahui",
            )
        return value


def load_text(text: str, path: Path, loaded: Loaded | None = None) -> Loaded:
    loaded = loaded or Loaded(Path(path))

    def problem(line, col, code, message, hint, fld="(berkas)"):
        loaded.problems.append(Diagnostic(loaded.path, line, col, code, fld, message, hint))

    if "\t" in text:
        for number, line in enumerate(LINE_BREAK.split(text), 1):
            if "\t" in line:
                problem(
                    number,
                    line.index("\t") + 1,
                    "Y102",
                    "ada karakter tab",
                    "ganti tab dengan spasi (YAML memakai spasi untuk indentasi)",
                )
        return loaded
    if _SEPARATOR.search(text):
        # Located as an editor shows the file: lines end at \n only (YAML would count these too).
        for number, line in enumerate(text.split("\n"), 1):
            for found in _SEPARATOR.finditer(line):
                char = found.group(0)
                problem(
                    number,
                    found.start() + 1,
                    "Y115",
                    f"ada pemisah baris U+{ord(char):04X} ({_SEPARATOR_NAMES[char]}) yang tak terlihat; "
                    "YAML membacanya sebagai baris baru, sehingga teks sesudahnya bisa menjadi kunci baru",
                    "hapus karakter itu atau ganti dengan Enter biasa; `antarkerja fmt` menggantinya dengan spasi",
                )
        return loaded
    if _maybe_deep(text) and _too_deep(text, problem):
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
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        lines = LINE_BREAK.split(text)
        if line > len(lines):  # the end of a file without a final newline: its last character
            line, col = len(lines), len(lines[-1]) + 1
        problem(
            line,
            col,
            "Y104",
            f"YAML tidak valid: {exc.problem or exc.context}{where}",
            "periksa indentasi dan tanda titik dua; teks yang memuat `: ` atau `#` perlu tanda kutip",
        )
        return loaded
    except yaml.reader.ReaderError as exc:  # a control character: no mark, but its position
        before = text[: exc.position]
        problem(
            before.count("\n") + 1,
            exc.position - (before.rfind("\n") + 1) + 1,
            "Y110",
            f"ada karakter kendali U+{exc.character:04X} yang tidak boleh ada di berkas YAML"
            if isinstance(exc.character, int)
            else f"YAML tidak valid: {exc.reason}",
            "hapus karakter itu (sering terbawa saat menyalin dari PDF atau aplikasi lain)",
        )
        return loaded
    except yaml.YAMLError as exc:
        problem(1, 1, "Y104", f"YAML tidak valid: {exc}", "periksa isi berkas")
        return loaded
    if node is None:
        problem(1, 1, "Y109", "berkas kosong", "isi berkas dengan data, atau hapus berkas ini")
        return loaded
    if ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text):
        # Only then pay for the event stream: anchors hide where a value comes from and
        # aliases can expand without bound ("billion laughs"). The pattern is loose (a
        # Markdown "- *italic*" matches too); the event stream decides. The fast loader is
        # safe here: the text has composed with it already (only _too_deep needs the pure one).
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
    loaded.text = text
    builder = _Builder(loaded)
    loaded.data = builder.build(node, ())
    if "\\" in text:  # only escapes in double quotes bring controls in (raw NEL is refused above)
        builder.check_escapes(node)
    return loaded


MAX_DEPTH = 24  # a record nests four levels; composing thousands would overflow the stack
_INDENT = " " * 20
MAX_COMPACT = 400


def _maybe_deep(text: str) -> bool:
    """A cheap test for nesting that could reach :data:`MAX_DEPTH`: many brackets, deep
    indentation, or many `-`/`?` (compact nesting, `- - - x`). Below :data:`MAX_COMPACT` of those,
    a file that still nests deeper stays far from the stack's limits and fails the schema.
    A false alarm only costs reading the event stream."""
    return (
        text.count("[") + text.count("{") > 8
        or text.startswith(_INDENT)
        or "\n" + _INDENT in text
        or text.count("-") + text.count("?") > MAX_COMPACT
    )


def _too_deep(text: str, problem) -> bool:
    """Report nesting deeper than :data:`MAX_DEPTH` from the event stream (which has no
    depth limit of its own, unlike composing: `[[[[…` 50,000 deep would crash the process)."""
    depth = 0
    try:
        # The pure-Python parser: recent libyaml stops at its own nesting limit (1,000) with
        # an error of its own, before this check could say where the nesting went too deep.
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    problem(
                        mark.line + 1,
                        mark.column + 1,
                        "Y114",
                        f"kelompok atau daftar bersarang lebih dari {MAX_DEPTH} tingkat",
                        "tulis data seperti contoh di CONTRIBUTING.md; satu lowongan hanya beberapa tingkat",
                    )
                    return True
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return False  # composing reports the error itself, with its place
    return False


class _TooBig(Exception):
    pass


class NotRegularFile(OSError):
    pass


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, read without following a symlink.

    Raises :class:`NotRegularFile` for a symlink, folder, device or pipe (``/dev/zero`` would
    never end) and ``_TooBig`` past the limit; only ``limit + 1`` bytes are ever read.
    """
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(f"{path} is not a regular file")
    if info.st_size > limit:
        raise _TooBig(info.st_size)
    with open(path, "rb") as handle:
        data = handle.read(info.st_size + 1)  # one byte more tells whether it grew meanwhile
        if len(data) > info.st_size:
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:
        raise _TooBig(max(info.st_size, len(data)))
    return data


def load_file(path: str | Path) -> Loaded:
    path = Path(path)
    loaded = Loaded(path)
    try:
        raw = read_limited(path)
    except NotRegularFile:
        kind = "tautan simbolik (symlink)" if path.is_symlink() else "bukan berkas biasa"
        loaded.problems.append(
            Diagnostic(
                path,
                1,
                1,
                "Y112",
                "(berkas)",
                f"{kind}: tidak dibaca",
                "simpan data sebagai berkas biasa di dalam repositori",
            )
        )
        return loaded
    except _TooBig as exc:
        loaded.problems.append(
            Diagnostic(
                path,
                1,
                1,
                "Y103",
                "(berkas)",
                f"berkas terlalu besar ({exc.args[0] // 1024} KB, batas {MAX_BYTES // 1024} KB)",
                "perpendek deskripsi; satu lowongan tidak perlu sepanjang itu",
            )
        )
        return loaded
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
