"""Printable notices: one A4 notice per open vacancy and "papan lowongan" boards, with QR codes.

Writes (paths from :mod:`antarkerja.urls`; templates in ``theme/templates/print/``):

===============================  ==========================================================
``lowongan/<id>/cetak/``         one open vacancy on one A4 page (``print/vacancy.html``)
``kantor/<id>/cetak/``           an office's board: its open vacancies (``print/board.html``)
``provinsi/<slug>/cetak/``       a province's board
===============================  ==========================================================

Every notice says when it was checked (a board: the build's "today"; a vacancy's notice: its
verification date, and the day it is printed as written by the printing device, so the page
is not rewritten every day), warns "cek status terbaru lewat kode QR", and carries a QR code of the vacancy's page, so anyone holding the paper can
check that the vacancy is real and still open. A separate print page (not print CSS on the
vacancy page) keeps the QR code's 2–3 KB of SVG out of every phone's page view.

QR codes are made at build time with segno (ISO/IEC 18004, error correction level M, which
survives a torn or dirty corner) and drawn as one SVG path per code from ``print/qr.svg``.
Cost per code on the 2-core development machine: segno's automatic mask choice scores all
eight masks in pure Python, about 10 ms; with a fixed mask (:data:`QR_MASK`; all eight are
valid and every decoder reads them) about 2.2 ms, plus about 0.8 ms for the SVG path. So:

* codes are kept between builds in a small SQLite file (:class:`QrCache`): a code depends
  only on its URL, so a rebuild only encodes new vacancies;
* codes still to make are spread over forked processes on big sites (:data:`PARALLEL_FROM`).
* a notice page holds its code's key, not the code (:class:`QrCodes`): the code is read only
  when the page is rendered, so a notice the render cache keeps reads none.

``antarkerja bench`` prints this family's share of the build (``notices_s``).

Boards list at most :data:`BOARD_LIMIT` vacancies (newest first), about four A4 sheets: a
notice board or a job-fair stand is no place for a 200-page printout; the board says how many
more there are and gives a QR code of the full list online.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path

import segno

from antarkerja.parallel import fork_pool
from antarkerja.site.outputs import OutputContext, Page
from antarkerja.site.outputs.pages import Lazy
from antarkerja.urls import save_as

QR_ERROR = "m"
QR_MASK = 0  # fixed: automatic choice costs ~5x (see module docstring)
QR_BORDER = 4  # quiet zone in modules, as the standard asks
QR_FORMAT = f"segno-{segno.__version__}-{QR_ERROR}-{QR_MASK}-{QR_BORDER}-stroke-z"  # cache key prefix
CACHE_DAYS = 30
BOARD_LIMIT = 48
PARALLEL_FROM = 2000
RUNS = re.compile(rb"\x01+")

# What a one-page notice prints at most; the rest is one QR scan away.
MAX_QUALIFICATIONS = 6
MAX_ITEM = 160
MAX_MAJORS = 5
MAX_INSTRUCTIONS = 400


def qr(target: str) -> dict:
    """A QR code of ``target`` as SVG geometry: ``size`` (modules with quiet zone) and ``d``.

    ``d`` strokes each row's runs of dark modules as 1-unit-wide horizontal lines (absolute
    move to a row's first run, relative moves along it): half the bytes of filled squares.
    """
    code = segno.make(target, error=QR_ERROR, mask=QR_MASK, micro=False, boost_error=False)
    parts = []
    for y, row in enumerate(code.matrix):
        end = None
        for run in RUNS.finditer(bytes(row)):
            start, stop = run.span()
            if end is None:
                parts.append(f"M{start + QR_BORDER} {y + QR_BORDER}.5h{stop - start}")
            else:
                parts.append(f"m{start - end} 0h{stop - start}")
            end = stop
    return {"size": len(code.matrix) + 2 * QR_BORDER, "d": "".join(parts), "url": target}


def cache_file(settings: dict) -> Path | None:
    """Where codes are kept between builds: ``ANTARKERJA_CACHE_DIR`` (environment or setting),
    else the user's cache folder; ``off`` keeps none."""
    folder = os.environ.get("ANTARKERJA_CACHE_DIR") or settings.get("ANTARKERJA_CACHE_DIR")
    if folder == "off":
        return None
    if not folder:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "antarkerja"
    return Path(folder) / "qr-codes.sqlite3"


def qr_key(target: str) -> str:
    """A code's key in :class:`QrCache`: it depends only on its URL and :data:`QR_FORMAT`."""
    return f"{QR_FORMAT}|{target}"


class QrCache:
    """QR geometry by target URL in SQLite, so a rebuild only encodes new or changed URLs.

    Paths are stored zlib-compressed: about 1 KB a code on disk (100 MB for 100,000).

    A code depends only on its URL and :data:`QR_FORMAT`; rows unused for
    :data:`CACHE_DAYS` days are dropped. Any problem with the file (read-only disk, a
    corrupt or locked file) only means no cache: codes are then kept in memory for this
    build, and made afresh by the next one.
    """

    def __init__(self, path: Path | None):
        self.db = None
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.db = self._open(str(path))
            except (OSError, sqlite3.Error):
                self.db = None
        if self.db is None:
            self.db = self._open(":memory:")

    @staticmethod
    def _open(where: str):
        db = sqlite3.connect(where, timeout=5)
        db.execute("CREATE TABLE IF NOT EXISTS qr (key TEXT PRIMARY KEY, size INTEGER, d BLOB, used TEXT)")
        return db

    def keys(self) -> set[str]:
        try:
            return {k for (k,) in self.db.execute("SELECT key FROM qr")} if self.db else set()
        except sqlite3.Error:
            self.db = None
            return set()

    def get(self, key: str) -> tuple[int, str] | None:
        try:
            row = self.db.execute("SELECT size, d FROM qr WHERE key = ?", (key,)).fetchone() if self.db else None
            return (row[0], zlib.decompress(row[1]).decode("ascii")) if row else None
        except (sqlite3.Error, zlib.error, UnicodeDecodeError, TypeError):
            return None

    def store(self, rows: list[tuple], today: str) -> None:
        """Save ``(key, size, d)`` rows (new codes) as used today."""
        if not self.db or not rows:
            return
        try:
            self.db.executemany(
                "INSERT INTO qr VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET used = excluded.used,"
                " size = excluded.size, d = excluded.d",
                [(key, size, zlib.compress(d.encode("ascii")), today) for key, size, d in rows],
            )
        except sqlite3.Error:
            self.db = None

    def mark_used(self, keys: list[str], today: str) -> None:
        """Known codes this build uses: kept another :data:`CACHE_DAYS` days."""
        if not self.db or not keys:
            return
        try:
            self.db.executemany("UPDATE qr SET used = ? WHERE key = ? AND used < ?", [(today, k, today) for k in keys])
        except sqlite3.Error:
            self.db = None

    def close(self, today: str) -> None:
        """Commit, and drop codes no build used for :data:`CACHE_DAYS` days."""
        if not self.db:
            return
        try:
            self.db.execute("DELETE FROM qr WHERE used < date(?, ?)", (today, f"-{CACHE_DAYS} days"))
            self.db.commit()
            self.db.close()
        except sqlite3.Error:
            pass
        self.db = None


class QrCodes:
    """The codes of one build's targets, by :func:`qr_key`.

    Codes the cache lacks are made up front, in forked workers when there are many, and
    stored. The others are read only when a page is rendered (:meth:`code`): a notice page
    carries ``Lazy(codes.code, (key,))``, which the render cache keys by the code's key, so
    a notice it keeps reads no code at all (100,000 reads on every re-run before).
    """

    def __init__(self, targets: list[str], cache: QrCache | None = None, today: str = ""):
        self.cache = cache or QrCache(None)
        self.today = today
        known = self.cache.keys()
        keys = {qr_key(t): t for t in targets}
        missing = [t for key, t in keys.items() if key not in known]
        self.cache.mark_used([key for key in keys if key in known], today)
        workers = max(1, min(os.cpu_count() or 1, int(os.environ.get("ANTARKERJA_JOBS") or 64)))
        parallel = len(missing) >= PARALLEL_FROM and workers > 1 and "fork" in multiprocessing.get_all_start_methods()
        pool = fork_pool(workers) if parallel else None
        try:
            made = pool.imap(qr, missing, chunksize=200) if pool else map(qr, missing)
            pending = []
            for code in made:
                pending.append((qr_key(code["url"]), code["size"], code["d"]))
                if len(pending) >= 1000:
                    self.cache.store(pending, today)
                    pending = []
            self.cache.store(pending, today)
        finally:
            if pool:
                pool.terminate()

    def code(self, key: str) -> dict:
        """The code of key ``qr_key(target)``: from the cache, or made here if it cannot be read."""
        target = key.split("|", 1)[1]
        found = self.cache.get(key)
        if found is None:
            return qr(target)
        return {"size": found[0], "d": found[1], "url": target}

    def close(self) -> None:
        self.cache.close(self.today)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def notice(v) -> dict:
    """What the one-page notice prints, cut to fit one A4 sheet whatever the record holds."""
    d = v.data
    quals = d.get("qualifications") or []
    majors = v.majors
    instructions = (d["apply"].get("instructions") or "").strip()
    return {
        "qualifications": [clip(q, MAX_ITEM) for q in quals[:MAX_QUALIFICATIONS]],
        "more_qualifications": max(0, len(quals) - MAX_QUALIFICATIONS),
        "majors": ", ".join(majors[:MAX_MAJORS])
        + (f" dan {len(majors) - MAX_MAJORS} lainnya" if len(majors) > MAX_MAJORS else ""),
        "instructions": clip(instructions, MAX_INSTRUCTIONS),
        "address": clip(v.location.get("address") or "", 200),
    }


def absolute(ctx: OutputContext, path: str) -> str:
    """The QR target. A local preview build has no site URL: the code then holds a path."""
    return f"{ctx.siteurl}/{path}"


def outputs(site, ctx: OutputContext) -> Iterable[Page]:
    boards = []
    for region in site.provinces:
        if region.vacancies:
            boards.append(("province", region, region.vacancies, save_as("province_board", slug=region.slug)))
    for office in site.offices:
        if office.open_vacancies:
            boards.append(("office", office, office.open_vacancies, save_as("office_board", id=office.id)))
    vacancies = site.open_vacancies
    targets = [absolute(ctx, x.url) for x in (*vacancies, *(owner for _, owner, _, _ in boards))]
    codes = QrCodes(targets, QrCache(cache_file(ctx.settings)), site.today.isoformat())
    try:
        yield from _pages(vacancies, boards, codes, ctx)
    finally:  # the last page is rendered before the family asks for the next item
        codes.close()


def _pages(vacancies: list, boards: list, codes: QrCodes, ctx: OutputContext) -> Iterable[Page]:
    on_boards = {v.id for _, _, items, _ in boards for v in items[:BOARD_LIMIT]}
    local = not ctx.siteurl
    kept: dict[str, dict] = {}
    for v in vacancies:
        key = qr_key(absolute(ctx, v.url))
        if v.id in on_boards:
            kept[v.id] = codes.code(key)
        yield Page(
            save_as("vacancy_print", id=v.id),
            "print/vacancy",
            {
                "vacancy": v,
                "qr": Lazy(codes.code, (key,)),
                "notice": notice(v),
                "local_preview": local,
                "noindex": True,
            },
        )
    for kind, owner, items, path in boards:
        shown = items[:BOARD_LIMIT]
        yield Page(
            path,
            "print/board",
            {
                "kind": kind,
                "owner": owner,
                "items": [(v, kept[v.id]) for v in shown],
                "more": len(items) - len(shown),
                "total": len(items),
                "list_qr": codes.code(qr_key(absolute(ctx, owner.url))),
                "local_preview": local,
                "noindex": True,
            },
        )
