"""Facts for workers who lost their job (JKP), read from ``content/reference/jkp.yml``.

Every fact carries its source (a key of ``sources``: the regulation or BPJS Ketenagakerjaan)
and ``verified`` (checked against the official text or not). :func:`load_facts` refuses a
file where any fact lacks either, with the fact's code and what to write, so the page
"Terkena PHK?" never shows an unsourced claim. The page (``antarkerja.site.outputs.jkp``) prints
each fact with its source and "belum diverifikasi" when ``verified`` is false.

A fact may also list what was read for it while the official text could not be (``checked``:
news reports, summaries) and a ``note`` for maintainers; neither is shown to the public, and
neither makes a fact verified.

A verified fact says what was read and when, so that anyone can read it again: ``read`` holds
the address of the text (``url``, https), the day it was read (``date``, TTTT-BB-HH; the key
is not ``on``, which YAML 1.1 reads as true) and what that text is (``what``: the regulation's
own text on JDIH/BPK, a verbatim copy of the promulgated text, BPJS Ketenagakerjaan's page).
A fact that rests on a regulation is verified only with the article that states it (``where``,
"Pasal 21 ayat (1)"). ``read`` belongs to verified facts only; what was read for an unverified
one goes in ``checked``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from antarkerja.paths import reference_dir
from antarkerja.reference import read_yaml

FILE = "jkp.yml"


class FactsError(ValueError):
    """jkp.yml is incomplete; the message lists every problem."""


@dataclass(frozen=True)
class Source:
    code: str
    title: str
    short: str
    url: str = ""


@dataclass(frozen=True)
class Reading:
    """Where and when the text that verifies a fact was read."""

    url: str
    date: date
    what: str


@dataclass(frozen=True)
class Fact:
    code: str
    text: str
    source: Source
    where: str  # article, e.g. "Pasal 19"; "" when not known
    verified: bool
    checked: tuple[str, ...] = ()  # what was read instead of the official text
    note: str = ""  # for maintainers: discrepancies, what to re-check
    read: Reading | None = None  # set exactly when verified


@dataclass
class Section:
    code: str
    title: str
    facts: list[Fact] = field(default_factory=list)


@dataclass
class Facts:
    sources: list[Source]
    sections: list[Section]

    @property
    def all(self) -> list[Fact]:
        return [f for s in self.sections for f in s.facts]


def load_facts(root: Path) -> Facts:
    path = reference_dir(root) / FILE
    data = read_yaml(path)
    problems = []
    sources = {}
    for s in data.get("sources") or []:
        if not s.get("code") or not s.get("title") or not s.get("short"):
            problems.append(f"sumber {s!r}: wajib ada code, title dan short")
            continue
        url = str(s.get("url") or "")
        if url and not url.startswith("https://"):
            problems.append(f"sumber {s['code']}: url harus diawali https://")
        sources[s["code"]] = Source(s["code"], s["title"], s["short"], url)
    sections = {s["code"]: Section(s["code"], s["title"]) for s in data.get("sections") or []}
    for item in data.get("items") or []:
        code = item.get("code", "?")
        if not str(item.get("text") or "").strip():
            problems.append(f"fakta {code}: `text` kosong")
        if item.get("source") not in sources:
            problems.append(f"fakta {code}: `source` harus salah satu dari {', '.join(sources)} (tulis sumbernya)")
        if not isinstance(item.get("verified"), bool):
            problems.append(f"fakta {code}: `verified` wajib true atau false")
        if item.get("section") not in sections:
            problems.append(f"fakta {code}: `section` harus salah satu dari {', '.join(sections)}")
        checked = item.get("checked") or []
        if not isinstance(checked, list) or not all(isinstance(c, str) and c.strip() for c in checked):
            problems.append(f'fakta {code}: `checked` harus daftar teks (apa yang dibaca), misalnya ["Tirto, 2025"]')
        where = str(item.get("where") or "")
        if item.get("verified") is True and str(item.get("source")).startswith("pp") and not where:
            problems.append(f"fakta {code}: `verified: true` tanpa `where`; tulis pasal yang dicocokkan")
        read = _reading(code, item, problems)
        if problems:
            continue
        fact = Fact(
            code,
            item["text"].strip(),
            sources[item["source"]],
            where,
            item["verified"],
            tuple(checked),
            str(item.get("note") or ""),
            read,
        )
        sections[item["section"]].facts.append(fact)
    if problems:
        raise FactsError(f"{path}: " + "; ".join(problems))
    return Facts(list(sources.values()), [s for s in sections.values() if s.facts])


def _reading(code: str, item: dict, problems: list[str]) -> Reading | None:
    """The ``read`` block of a verified fact, or None; appends what is wrong to ``problems``."""
    read = item.get("read")
    if item.get("verified") is not True:
        if read is not None:
            problems.append(f"fakta {code}: `read` hanya untuk fakta `verified: true`; yang dibaca tulis di `checked`")
        return None
    if not isinstance(read, dict):
        problems.append(
            f"fakta {code}: `verified: true` tanpa `read`; tulis read: {{url: alamat teks yang dibaca, "
            "date: tanggal membaca TTTT-BB-HH, what: teks apa itu}}"
        )
        return None
    found = len(problems)
    url = str(read.get("url") or "")
    if not url.startswith("https://"):
        problems.append(f"fakta {code}: `read.url` harus alamat https:// teks yang dibaca")
    day = read.get("date")
    if isinstance(day, str):
        try:
            day = date.fromisoformat(day)
        except ValueError:
            day = None
    if not isinstance(day, date):
        problems.append(f"fakta {code}: `read.date` harus tanggal membaca, TTTT-BB-HH")
    what = str(read.get("what") or "").strip()
    if not what:
        problems.append(f"fakta {code}: `read.what` kosong; tulis teks apa yang dibaca (naskah resmi, salinan...)")
    return None if len(problems) > found else Reading(url, day, what)
