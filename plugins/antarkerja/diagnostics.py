"""One message format for every problem the validator finds.

``path:line:col: CODE field: message (how to fix)``, e.g.::

    content/vacancies/jawa-barat/operator-x.yml:14:3: R401 description: meminta uang dari pelamar ("biaya pendaftaran") (hapus permintaan biaya; pelamar tidak boleh dipungut biaya)

Codes are stable (CONTRIBUTING.md lists them): Y = YAML and file, S = schema, X = across
files, R = domain rule (error), W = domain rule (warning).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: Path
    line: int
    col: int
    code: str
    field: str
    message: str
    hint: str = ""

    @property
    def severity(self) -> str:
        return WARNING if self.code.startswith("W") else ERROR

    def display_path(self) -> str:
        try:
            return os.path.relpath(self.path)
        except ValueError:  # another drive on Windows
            return str(self.path)

    def format(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.display_path()}:{self.line}:{self.col}: {self.code} {self.field}: {self.message}{hint}"

    def github_annotation(self) -> str:
        """A GitHub Actions workflow command, so the message shows on the pull request's diff."""
        def escape(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def escape_property(text: str) -> str:
            return escape(text).replace(":", "%3A").replace(",", "%2C")

        hint = f" ({self.hint})" if self.hint else ""
        return (
            f"::{self.severity} file={escape_property(self.display_path())},line={self.line},col={self.col},"
            f"title={escape_property(self.code + ' ' + self.field)}::{escape(self.message + hint)}"
        )


def sort_key(d: Diagnostic):
    return (str(d.path), d.line, d.col, d.code)


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    errors = sum(d.severity == ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    english = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} in {files} file{'s' * (files != 1)}"
    return f"{english} ({errors} kesalahan, {warnings} peringatan, {files} berkas)"
