"""Reasoned suppressions of text-rule findings in a record file.

An officer who disagrees with a text-rule finding on a record writes, anywhere in its file::

    # antarkerja: abaikan R401 — biaya pelatihan ditanggung perusahaan

The finding is then left out of the verdict, and the reason is shown in the pull request's
summary (:mod:`antarkerja.records.report`) and on the office's data-quality page
(:mod:`antarkerja.site.outputs.quality`). A marker without a reason, or naming a code that is no
text rule, is itself an error (Y116). The validator calls :func:`apply_suppressions` for a file
whose source holds the word "abaikan" (see ``validate.RepositoryValidator._check_one``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

SUPPRESS_CODE = "Y116"
MIN_REASON = 10  # characters: a reason, not "ok"
_SEPARATORS = "—–-:;,. \t"


@dataclass(frozen=True)
class Suppression:
    path: Path
    line: int  # of the marker
    code: str
    reason: str
    field: str = ""  # of the finding it left out
    message: str = ""


def suppression_markers(text: str) -> list[tuple[int, str, str]]:
    """``(line, code, reason)`` of every ``# antarkerja: abaikan CODE — reason`` comment.
    Plain string steps, no regular expression: the file is untrusted text."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        body = line.strip()
        if not body.startswith("#"):
            continue
        body = body[1:].strip()
        if not body.lower().startswith("antarkerja:"):
            continue
        rest = body[len("antarkerja:") :].strip()
        if not rest.lower().startswith("abaikan"):
            continue
        parts = rest[len("abaikan") :].strip().split(None, 1)
        code = parts[0].upper().strip(_SEPARATORS) if parts else ""
        reason = parts[1].strip(_SEPARATORS) if len(parts) > 1 else ""
        found.append((number, code, reason))
    return found


@cache
def suppressible_codes() -> frozenset:
    from antarkerja.records.rules.scams import TEXT_RULES

    return frozenset(rule.code for rule in TEXT_RULES)


def apply_suppressions(path: Path, text: str, found: list) -> tuple[list, list[Suppression]]:
    """``found`` (diagnostics of one file) without the findings its markers leave out, plus a
    Y116 error for each marker without a reason or for a code no text rule has; and the
    suppressions applied."""
    from antarkerja.records.diagnostics import Diagnostic

    markers = suppression_markers(text)
    if not markers:
        return found, []
    allowed = suppressible_codes()
    reasons, problems = {}, []
    for line, code, reason in markers:
        if code not in allowed:
            problems.append(
                Diagnostic(
                    path, line, 1, SUPPRESS_CODE, "(komentar)",
                    f"“abaikan {code or '?'}”: hanya temuan aturan teks (R401–R463, W530–W536) yang bisa diabaikan",
                    "tulis kode aturan teks yang muncul di pesan pemeriksa, lalu alasannya",
                )
            )  # fmt: skip
        elif len(reason) < MIN_REASON:
            problems.append(
                Diagnostic(
                    path, line, 1, SUPPRESS_CODE, "(komentar)",
                    f"“abaikan {code}” tanpa alasan",
                    f"tulis alasannya, misalnya: # antarkerja: abaikan {code} — biaya pelatihan ditanggung perusahaan",
                )
            )  # fmt: skip
        else:
            reasons.setdefault(code, (line, reason))
    kept, applied = [], []
    for d in found:
        if d.code in reasons:
            line, reason = reasons[d.code]
            applied.append(Suppression(path, line, d.code, reason, d.field, d.message))
        else:
            kept.append(d)
    return kept + problems, applied
