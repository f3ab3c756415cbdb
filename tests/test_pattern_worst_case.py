"""No regular expression in the package is super-linear on untrusted text.

The harness finds every regular expression the package compiles, in every module:

* patterns written in ``re.compile/search/match/fullmatch/sub/subn/split/findall/finditer``
  calls (read from the source, so patterns inside functions count too);
* compiled patterns held by modules (built with f-strings or from data at import);
* every pattern compiled while the validator checks the sample content and the issue parser
  reads a sample issue (schema ``regex`` rules, patterns built from reference data).

Each is searched in worst-case texts of 50,000 characters: runs of whitespace of every kind,
separators, letters and digits, line breaks, and near-matches built from the pattern's own
characters, each also with a character at the end that makes a match fail (what forces a
backtracking engine to try every split). Every search must take under 100 ms (the best of
two tries, in CPU time of the searching thread, so a busy shared machine does not fail it).
A pattern that runs away is stopped after 5 seconds in a worker process and reported, never
left to hang the suite.
"""

from __future__ import annotations

import ast
import importlib
import multiprocessing
import pkgutil
import re
import sys
from pathlib import Path

import pytest
from support import cpu_seconds

import antarkerja

PACKAGE = Path(antarkerja.__file__).parent
LIMIT = 0.100  # seconds per search
RUNAWAY = 5.0  # seconds of wall time without an answer: the worker is stopped, the pattern reported
SIZE = 50_000

CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
FLAG_NAMES = {name: getattr(re, name) for name in ("I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "X", "VERBOSE")}
FLAG_NAMES.update(A=re.A, ASCII=re.ASCII, U=re.U, UNICODE=re.UNICODE)


def module_names() -> list[str]:
    names = ["antarkerja"]
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="antarkerja."):
        names.append(info.name)
    return sorted(names)


def _flags(node) -> int | None:
    try:
        return eval(compile(ast.Expression(node), "<flags>", "eval"), {"re": re, **FLAG_NAMES})
    except Exception:
        return None


def source_patterns(module: str) -> set[tuple[str, int]]:
    """Literal patterns in ``re.<call>(...)`` calls of ``module``'s source."""
    spec = importlib.util.find_spec(module)
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.func.attr in CALLS):
            continue
        if not node.args or not isinstance(node.args[0], ast.Constant) or not isinstance(node.args[0].value, str):
            continue
        flags = 0
        position = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "split": 3, "findall": 2, "finditer": 2}
        position.update(sub=4, subn=4)
        if len(node.args) > position[node.func.attr]:
            flags = _flags(node.args[position[node.func.attr]])
        for keyword in node.keywords:
            if keyword.arg == "flags":
                flags = _flags(keyword.value)
        if flags is not None:
            found.add((node.args[0].value, flags))
    return found


def _held(value, depth=0):
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _held(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _held(item, depth + 1)
    elif depth < 1 and isinstance(value, type) and value.__module__.startswith("antarkerja"):
        for item in vars(value).values():
            yield from _held(item, depth + 1)


def held_patterns(module: str) -> set[tuple[str, int]]:
    mod = importlib.import_module(module)
    return {
        (p.pattern, p.flags & ~re.UNICODE)
        for value in list(vars(mod).values())
        for p in _held(value)
        if isinstance(p.pattern, str)
    }


def runtime_patterns() -> dict[str, set[tuple[str, int]]]:
    """Patterns compiled while validating the sample content and parsing a sample issue, by module."""
    from support import ROOT

    found: dict[str, set[tuple[str, int]]] = {}
    original = re._compile

    def recording(pattern, flags):
        if isinstance(pattern, str):
            frame = sys._getframe(1)
            while frame is not None:
                name = frame.f_globals.get("__name__", "")
                if name.startswith("antarkerja"):
                    found.setdefault(name, set()).add((pattern, int(flags) & ~re.UNICODE))
                    break
                frame = frame.f_back
        return original(pattern, flags)

    re._compile = recording
    try:
        re.purge()
        from antarkerja.records.validate import validate_repository

        validate_repository(ROOT)
        from antarkerja.records import issueform
        from antarkerja.reference import load_reference

        issueform.build_record(
            "### Nama jabatan\n\nOperator Produksi\n\n### Pemberi kerja\n\nPT Contoh\n", load_reference(ROOT)
        )
    finally:
        re._compile = original
    return found


_RUNTIME: dict | None = None


def patterns_of(module: str) -> list[tuple[str, int]]:
    global _RUNTIME
    if _RUNTIME is None:
        _RUNTIME = runtime_patterns()
    return sorted(source_patterns(module) | held_patterns(module) | _RUNTIME.get(module, set()))


SPACES = [" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2028", "\x0b"]
PIECES = [
    *SPACES,
    "-",
    ".",
    ",",
    ":",
    "/",
    "|",
    "_",
    "=",
    "*",
    "#",
    "a",
    "A",
    "0",
    "1",
    "é",
    "ا",
    "漢",
    "a ",
    "1.",
    "- ",
    "-\t",
]
PIECES += [
    " -",
    ". ",
    "a.",
    "0-",
    "\n-",
    "\n ",
    "x@",
    "ab",
    "a1",
    "Rp ",
    "08",
    "<a",
    "&",
    "%2",
    "\\",
    "'",
    '"',
    "(",
    "[",
]


def worst_cases(pattern: str) -> list[str]:
    """Texts of about :data:`SIZE` characters that make a backtracking engine work hardest."""
    pieces = list(PIECES)
    # Near-matches: the pattern's own characters and literal runs, repeated.
    pieces += sorted({c for c in pattern if c.isprintable() and c not in "()[]{}?*+|^$\\"})[:24]
    pieces += sorted({run for run in re.findall(r"[\w@.:/-]{2,12}", pattern)})[:12]
    texts = []
    for piece in dict.fromkeys(pieces):
        body = piece * (SIZE // len(piece))
        texts += [body, body + "!\x00"]  # and with an end that no pattern expects
    return texts


def _worker(jobs, start, send):
    compiled = {}
    for n in range(start, len(jobs)):
        pattern, flags, text = jobs[n]
        regex = compiled.get((pattern, flags)) or compiled.setdefault((pattern, flags), re.compile(pattern, flags))
        send.send(("start", n))
        best = None
        for _ in range(2):
            took = cpu_seconds(regex.search, text)
            best = took if best is None else min(best, took)
            if best < LIMIT:
                break
        send.send(("done", n, best))
    send.send(("end",))


def measure(patterns: list[tuple[str, int]]) -> list[str]:
    """Each pattern's slow worst cases, as readable lines."""
    jobs = [(p, f, text) for p, f in patterns for text in worst_cases(p)]
    slow, start = [], 0
    ctx = multiprocessing.get_context("fork")
    while start < len(jobs):
        receive, send = ctx.Pipe(duplex=False)
        worker = ctx.Process(target=_worker, args=(jobs, start, send), daemon=True)
        worker.start()
        send.close()
        current = start
        start = len(jobs)
        while True:
            if not receive.poll(RUNAWAY):
                pattern, flags, text = jobs[current]
                slow.append(f"{pattern!r} (flags {flags}): over {RUNAWAY:.0f} s on {text[:12]!r}… ({len(text)} chars)")
            else:
                message = receive.recv()
                if message[0] == "start":
                    current = message[1]
                    continue
                if message[0] == "end":
                    break
                if message[2] < LIMIT:
                    continue
                pattern, flags, text = jobs[message[1]]
                slow.append(
                    f"{pattern!r} (flags {flags}): {message[2] * 1000:.0f} ms on {text[:12]!r}… ({len(text)} chars)"
                )
            # A slow pattern is reported once: stop the worker and skip the pattern's other texts,
            # which would each cost seconds more and say nothing new.
            worker.kill()
            start = next((n for n in range(current, len(jobs)) if jobs[n][:2] != (pattern, flags)), len(jobs))
            break
        worker.join()
        receive.close()
    return sorted(set(slow))


MODULES = module_names()


# Patterns that read only the package's own regular expressions at import (never a record, an
# issue or a pasted text): the text rules' structure scanner. Quadratic on "[[[[…", which no
# rule is; listed here by module and source so a new use elsewhere is still measured.
OWN_SOURCE_ONLY = {("antarkerja.records.rules.scams", r"\\.|\[(?:\\.|[^\]\\])*\]")}


@pytest.mark.parametrize("module", MODULES)
def test_every_pattern_is_fast_on_its_worst_cases(module):
    patterns = [p for p in patterns_of(module) if (module, p[0]) not in OWN_SOURCE_ONLY]
    assert measure(patterns) == [], f"{module}: patterns slow on worst-case input"


def test_the_harness_finds_patterns_and_catches_a_slow_one():
    """The harness itself: it sees patterns everywhere, and a known quadratic pattern fails."""
    assert len(patterns_of("antarkerja.records.load")) >= 5
    assert any("\\s" in p for p, _ in patterns_of("antarkerja.records.rules.common"))
    quadratic = r"^\s*-?\s*x"
    assert measure([(quadratic, re.M)]), "a quadratic pattern must be reported"
    assert measure([(r"\s+", 0)]) == []
