"""Words people actually type: the search's synonym and spelling list.

``content/reference/search-synonyms.yml`` holds groups of words a job seeker may type for the
same job (``satpam``/``security``/``sekuriti``, ``sopir``/``supir``/``pengemudi``) and common
misspellings of frequent job titles (``oprator``), each group with a note.

**Expanded at index time.** A vacancy whose text holds any word of a group gets the group's
other words in a hidden element inside its ``data-pagefind-body`` (``partials/pagefind.html``:
the groups its title holds at weight 5, below the title's 7 so a page that uses the typed word
itself ranks first, and the groups only its description holds at weight 0.5). A query with any variant
then finds it, in any combination with other words and filters, with no extra download:
the page ships no list and runs no extra searches. Measured on the sample site (63
open vacancies, 52 in a group): Pagefind's index chunks grow by 2.5 % (1,225 B), its
fragments by 1.2 % (697 B), a matching vacancy page by about 65 bytes;
the query-time alternative would send the list (1,460 B, 645 B compressed) to every
search and run one more Pagefind search, with its own index chunk, for every variant typed
(Pagefind requires every word, so variants cannot be OR-ed inside one search). The words are
part of the page's indexed content, so they would show in a Pagefind excerpt; our result
cards show no excerpt.

Matching is on whole words after folding case and accents (``Operator,`` holds ``operator``;
``perawatan`` does not hold ``perawat``), a word may end in the particles -nya, -lah, -kah;
a variant of several words must appear as that phrase.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from antarkerja.errors import BuildFailed
from antarkerja.paths import reference_dir

FILE_NAME = "search-synonyms.yml"
MAX_GROUPS = 100  # every word grows the index: keep the list small
MAX_WORDS = 8
VARIANT = re.compile(r"[a-z0-9]+(?: [a-z0-9]+){0,3}")
PARTICLES = ("nya", "lah", "kah")
TOP_KEYS = ("source", "license", "notes", "groups")
FIELDS = ("title", "description", "responsibilities", "qualifications", "benefits")


class SynonymsError(BuildFailed):
    """The synonym list is malformed; the message lists every problem with its line."""


@dataclass(frozen=True)
class Group:
    words: tuple[str, ...]  # as written, each a word or a phrase
    note: str
    line: int

    @property
    def terms(self) -> list[str]:
        """Every single word of the group, in order, once."""
        return list(dict.fromkeys(t for w in self.words for t in w.split()))


def fold(text: str) -> list[str]:
    """Lower-case words of ``text`` with accents dropped: ``"Sopir, Bús"`` → ``["sopir", "bus"]``."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    return re.findall(r"[a-z0-9]+", text)


# A word ending in a particle, its stem at least three characters (``kerjanya`` → ``kerja``).
_PARTICLE = re.compile(rf"\b([a-z0-9]{{3,}})(?:{'|'.join(PARTICLES)})\b")


@dataclass(frozen=True)
class Synonyms:
    groups: tuple[Group, ...] = ()

    def variants(self) -> dict[str, Group]:
        """Each variant (word or phrase) → its group."""
        return {w: g for g in self.groups for w in g.words}

    def matches(self, text: str) -> list[Group]:
        """Groups with a variant in ``text`` (whole words, or the phrase), in file order."""
        return self._matching(fold(text))

    @cached_property
    def _index(self) -> tuple[dict[str, tuple[int, ...]], tuple[tuple[str, int], ...]]:
        """(single-word variant → numbers of its groups, (padded phrase, group number) pairs).

        Made once per list (not a field: page keys take the groups, never this)."""
        by_word: dict[str, list[int]] = {}
        phrases = []
        for number, group in enumerate(self.groups):
            for w in group.words:
                if " " in w:
                    phrases.append((f" {w} ", number))
                else:
                    by_word.setdefault(w, []).append(number)
        return {w: tuple(n) for w, n in by_word.items()}, tuple(phrases)

    def _matching(self, words: list[str]) -> list[Group]:
        # Runs several times per vacancy page: one pass strips the particles of every word,
        # the text's words are looked up in the variants (testing each group's variants
        # against the text took 7 % of a full build at 10,000 vacancies), and only phrases
        # need a substring test on the padded text.
        joined = " ".join(words)
        bare = _PARTICLE.sub(r"\1", joined)
        tokens = set(words).union(bare.split())
        by_word, phrases = self._index
        found = {n for token in tokens for n in by_word.get(token, ())}
        padded = (f" {joined} ", f" {bare} ")
        for phrase, n in phrases:
            if n not in found and any(phrase in p for p in padded):
                found.add(n)
        return [self.groups[n] for n in sorted(found)]

    def extra_words(self, text: str) -> str:
        """The words to index beside ``text``: every word of each matching group it lacks."""
        words = fold(text)
        present = set(words)
        out = [t for g in self._matching(words) for t in g.terms if t not in present]
        return " ".join(dict.fromkeys(out))


def vacancy_text(v) -> str:
    """The words of a vacancy that decide its groups: title, description, the lists, majors."""
    parts = []
    for key in FIELDS:
        value = v.data.get(key)
        parts += value if isinstance(value, list) else [value or ""]
    parts += list(v.majors or [])
    return "\n".join(str(p) for p in parts)


def synonym_words(synonyms: Synonyms, v, part: str = "all") -> str:
    """What ``partials/pagefind.html`` indexes for vacancy ``v`` besides its text ("" if none).

    ``part="title"``: the words of the groups its title holds (indexed at nearly a title's
    weight, so "supir" finds "Pengemudi" as strongly as the search page ranks a title match);
    ``part="text"``: the other groups' words, from the description and lists (low weight, as
    a word only in the description). ``"all"`` is both."""
    if part == "title":  # the page asks for the title's part and then the text's
        return synonyms.extra_words(v.title)
    every = synonyms.extra_words(vacancy_text(v))
    if part == "all":
        return every
    title = synonyms.extra_words(v.title)
    held = set(title.split()) | set(fold(v.title))
    return " ".join(w for w in every.split() if w not in held)


def _problems(loaded) -> list[str]:
    out = []

    def problem(path: tuple, message: str, hint: str) -> None:
        line, col = loaded.position(path) if loaded.node is not None else (1, 1)
        name = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))
        out.append(f"{loaded.path}:{line}:{col}: {name or '(berkas)'}: {message} ({hint})")

    data = loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        problem((), "berkas harus berisi `groups:` berupa daftar kelompok", "lihat contoh di awal berkas")
        return out
    for key in data:
        if key not in TOP_KEYS:
            problem((key,), f"kunci `{key}` tidak dikenal", f"pakai hanya {', '.join(TOP_KEYS)}")
    groups = data["groups"]
    if len(groups) > MAX_GROUPS:
        problem(
            ("groups",), f"{len(groups)} kelompok, paling banyak {MAX_GROUPS}", "simpan hanya kata yang sering diketik"
        )
    seen: dict[str, int] = {}
    for i, group in enumerate(groups):
        at = ("groups", i)
        if not isinstance(group, dict):
            problem(at, "setiap kelompok harus berisi `words` dan `note`", "tulis misalnya: - words: [sopir, supir]")
            continue
        for key in group:
            if key not in ("words", "note"):
                problem((*at, key), f"kunci `{key}` tidak dikenal", "hanya `words` dan `note`")
        note = group.get("note")
        if not isinstance(note, str) or not note.strip():
            problem(
                at if "note" not in group else (*at, "note"), "`note` wajib diisi", "tulis alasan singkat kelompok ini"
            )
        words = group.get("words")
        if not isinstance(words, list) or len(words) < 2 or len(words) > MAX_WORDS:
            problem(
                at if "words" not in group else (*at, "words"),
                f"`words` harus daftar berisi 2 sampai {MAX_WORDS} kata",
                "tulis misalnya: words: [sopir, supir, pengemudi]",
            )
            continue
        for j, word in enumerate(words):
            where = (*at, "words", j)
            if not isinstance(word, str):
                problem(where, f"`{word}` bukan kata", "tulis sebagai teks, misalnya dalam tanda kutip")
                continue
            if not VARIANT.fullmatch(word):
                fixed = " ".join(fold(word))
                hint = f"tulis `{fixed}`" if fixed and VARIANT.fullmatch(fixed) else "pakai huruf kecil a-z dan angka"
                problem(where, f"`{word}` harus huruf kecil tanpa tanda baca, paling banyak 4 kata", hint)
                continue
            if word in seen:
                problem(
                    where,
                    f"`{word}` sudah ada di kelompok baris {seen[word]}",
                    "satu kata hanya boleh di satu kelompok; gabungkan kelompoknya",
                )
                continue
            seen[word] = loaded.position(at)[0] if loaded.node is not None else 0
    return out


def load_synonyms(root) -> Synonyms:
    """The synonym list of repository ``root`` (empty when the file does not exist).

    Raises :class:`SynonymsError` naming every problem with its line, column and fix.
    """
    path = reference_dir(Path(root)) / FILE_NAME
    return _load(path, path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=4)
def _load(path: Path, mtime: int) -> Synonyms:
    from antarkerja.records.load import load_file

    if not path.exists():
        return Synonyms()
    loaded = load_file(path)
    problems = [p.format() for p in loaded.problems]
    if loaded.data is not None:
        problems += _problems(loaded)
    if problems:
        raise SynonymsError("Daftar sinonim pencarian tidak valid:\n" + "\n".join(problems))
    groups = tuple(
        Group(tuple(g["words"]), g["note"].strip(), loaded.position(("groups", i))[0])
        for i, g in enumerate(loaded.data["groups"])
    )
    return Synonyms(groups)
