"""One message format for every problem the validator finds.

``path:line:col: CODE field: message (how to fix)``, e.g.::

    content/vacancies/jawa-barat/operator-x.yml:14:3: R401 description: meminta uang dari pelamar ("biaya pendaftaran") (hapus permintaan biaya; pelamar tidak boleh dipungut biaya)

Codes are stable (CONTRIBUTING.md lists them): Y = YAML and file, S = schema, X = across
files, R = domain rule (error), W = domain rule (warning), P = content page.

Every message goes through :func:`safe` when printed: values quoted from records can hold
newlines, ANSI escapes or ``::`` and must not act on a terminal or a CI log.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from antarkerja.characters import BIDI_CHARS, LINE_BREAKS, char_class

ERROR = "error"
WARNING = "warning"

# Codes outside the named rules (those carry their own summary in antarkerja.records.rules).
# Stable: a code never changes meaning; CONTRIBUTING.md lists them all.
CODES = {
    "Y100": "Berkas tidak dapat dibaca",
    "Y101": "Berkas bukan UTF-8",
    "Y102": "Ada karakter tab",
    "Y103": "Berkas lebih dari 256 KB",
    "Y104": "YAML tidak valid",
    "Y105": "Kunci ditulis dua kali",
    "Y106": "Anchor atau alias YAML",
    "Y107": "Nilai tanpa tanda kutip yang dibaca YAML secara lain (angka, true/false, tanggal, oktal)",
    "Y108": "Isi berkas bukan pasangan kunci: nilai",
    "Y109": "Berkas kosong",
    "Y110": "Karakter kendali atau karakter tak sah di dalam teks (\\0, \\e, \\uFFFF…)",
    "Y111": "Angka tak terhingga atau bukan angka (.inf, .nan)",
    "Y112": "Tautan simbolik (symlink) atau bukan berkas biasa",
    "Y113": "Terlalu banyak kesalahan dalam satu berkas; sisanya tidak ditampilkan",
    "Y114": "Kelompok atau daftar bersarang terlalu dalam",
    "Y115": "Pemisah baris tak terlihat (U+0085, U+2028, U+2029)",
    "Y116": "Penanda `# antarkerja: abaikan KODE — alasan` tanpa alasan, atau untuk kode yang tidak bisa diabaikan",
    "S200": "Nilai tidak valid",
    "S201": "Kolom wajib belum diisi",
    "S202": "Kolom tidak dikenal",
    "S203": "Jenis nilai salah",
    "S204": "Nilai di luar daftar pilihan",
    "S205": "Format tidak sesuai",
    "S206": "Angka di luar batas",
    "S207": "Teks atau daftar terlalu pendek",
    "S208": "Teks atau daftar terlalu panjang",
    "S209": "Nilai kosong",
    "X301": "ID dipakai dua kali",
    "X302": "ID berbeda dengan nama berkas",
    "X303": "Kantor tidak ditemukan",
    "X304": "Kode wilayah tidak dikenal",
    "X305": "Kabupaten/kota tidak berada di provinsi itu",
    "X306": "Lowongan di folder provinsi lain",
    "X307": "Lowongan yang sama ditayangkan dua kali",
    "X308": "Berkas di tempat yang salah atau berekstensi selain .yml (.yaml, .YML, .yml.txt)",
    "X309": "Kantor pemverifikasi di provinsi lain",
    "X310": "Kantor menjadi induknya sendiri",
    "X311": "ID sama dengan alamat buatan situs (misalnya kantor layanan): halamannya saling menimpa",
    "R400": "Kesalahan internal pemeriksa: aturan gagal membaca nilai ini (laporkan sebagai issue)",
    "W520": "Berkas cadangan atau berkas sementara editor (tidak dibaca)",
    # Content pages (content/pages/*.md), see antarkerja.records.contentpages
    "P601": "Metadata halaman tidak lengkap atau salah (Title, Date, Slug)",
    "P602": "Slug halaman sama dengan alamat buatan situs (lowongan, cari…)",
    "P603": "Pengaturan Template, Save_as, URL atau Status di halaman",
    "P604": "HTML, skrip atau tautan tidak aman di halaman",
    # Warnings outside the named rules
    "W601": "Upah, syarat atau cara melamar diubah setelah tanggal verifikasi (riwayat Git): minta verifikasi ulang",
}

# What a message may not carry raw to a terminal or a CI log: control characters (newlines,
# ANSI escapes), Unicode line separators, bidi controls and `::` (GitHub workflow commands).
_UNSAFE = re.compile("[\\x00-\\x1f\\x7f-\\x9f]|" + char_class(LINE_BREAKS + BIDI_CHARS) + "|::")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "::": ":\\:"}


def _shown(match: re.Match) -> str:
    char = match.group(0)
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def safe(text: str) -> str:
    """``text`` with every character that could act on a terminal or a CI log written as an escape.

    Values quoted in messages come from the records (and file names from the repository):
    a newline followed by ``::error …::`` would otherwise become a GitHub workflow command,
    and ``\\x1b[…`` would drive the terminal.
    """
    return _UNSAFE.sub(_shown, text) if _UNSAFE.search(text) else text


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
        return safe(f"{self.display_path()}:{self.line}:{self.col}: {self.code} {self.field}: {self.message}{hint}")

    def github_annotation(self) -> str:
        """A GitHub Actions workflow command, so the message shows on the pull request's diff."""
        hint = f" ({self.hint})" if self.hint else ""
        return (
            f"::{self.severity} file={_escape_property(self.display_path())},line={self.line},col={self.col},"
            f"title={_escape_property(self.code + ' ' + self.field)}::{_escape(self.message + hint)}"
        )


def annotation(severity: str, path: str, line: int, title: str, message: str) -> str:
    """A GitHub Actions annotation for problems that are not validator diagnostics (``fmt --check``)."""
    d = Diagnostic(Path(path), line, 1, "", "", message)
    return f"::{severity} file={_escape_property(d.display_path())},line={line},title={_escape_property(title)}::{_escape(message)}"


def _escape(text: str) -> str:
    """Workflow-command data: record text made printable (:func:`safe`), then GitHub's escapes."""
    return safe(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def sort_key(d: Diagnostic):
    return (str(d.path), d.line, d.col, d.code)


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    errors = sum(d.severity == ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    english = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} in {files} file{'s' * (files != 1)}"
    return f"{english} ({errors} kesalahan, {warnings} peringatan, {files} berkas)"
