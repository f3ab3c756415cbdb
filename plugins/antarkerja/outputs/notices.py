"""Printable notices: one A4 notice per open vacancy and "papan lowongan" boards, with QR codes.

Writes (paths from :mod:`antarkerja.urls`; templates in ``theme/templates/print/``):

===============================  ==========================================================
``lowongan/<id>/cetak/``         one open vacancy on one A4 page (``print/vacancy.html``)
``kantor/<id>/cetak/``           an office's board: its open vacancies (``print/board.html``)
``provinsi/<slug>/cetak/``       a province's board
===============================  ==========================================================

Every notice says when its data was taken (the build's "today"), warns "cek status terbaru
lewat kode QR", and carries a QR code of the vacancy's page, so anyone holding the paper can
check that the vacancy is real and still open. A separate print page (not print CSS on the
vacancy page) keeps the QR code's 2–3 KB of SVG out of every phone's page view.

QR codes are made at build time with segno (ISO/IEC 18004, error correction level M, which
survives a torn or dirty corner) and drawn as one SVG path per code from
``print/qr.svg``. Cost: segno's automatic mask choice scores all eight masks in pure
Python, about 10 ms a code, so 100,000 vacancies would add some 17 minutes; a fixed mask
(:data:`QR_MASK`, any of the eight is valid for every decoder) takes about 2 ms, and big
sites spread the codes over forked processes (:data:`PARALLEL_FROM`). ``antarkerja bench``
prints the figure.

Boards list at most :data:`BOARD_LIMIT` vacancies (newest first), about four A4 sheets: a
notice board or a job-fair stand is no place for a 200-page printout; the board says how many
more there are and gives a QR code of the full list online.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterable

import segno

from antarkerja.outputs import OutputContext, Page
from antarkerja.urls import save_as

QR_ERROR = "m"
QR_MASK = 0  # fixed: automatic choice costs ~5x (see module docstring)
QR_BORDER = 4  # quiet zone in modules, as the standard asks
BOARD_LIMIT = 48
PARALLEL_FROM = 2000
RUNS = re.compile(rb"\x01+")

# What a one-page notice prints at most; the rest is one QR scan away.
MAX_QUALIFICATIONS = 6
MAX_ITEM = 160
MAX_MAJORS = 5
MAX_INSTRUCTIONS = 400


def qr(target: str) -> dict:
    """A QR code of ``target`` as SVG geometry: ``size`` (modules with quiet zone) and ``d``."""
    code = segno.make(target, error=QR_ERROR, mask=QR_MASK, micro=False, boost_error=False)
    parts = []
    for y, row in enumerate(code.matrix):
        for run in RUNS.finditer(bytes(row)):
            n = run.end() - run.start()
            parts.append(f"M{run.start() + QR_BORDER} {y + QR_BORDER}h{n}v1h-{n}z")
    return {"size": len(code.matrix) + 2 * QR_BORDER, "d": "".join(parts), "url": target, "version": code.version}


def qr_codes(targets: list[str]) -> Iterable[dict]:
    """:func:`qr` for every target, in order; forked workers for big sites."""
    if len(targets) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(qr, targets)
        return
    workers = max(1, min(os.cpu_count() or 1, int(os.environ.get("ANTARKERJA_JOBS") or 64)))
    if workers == 1:
        yield from map(qr, targets)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(qr, targets, chunksize=200)


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
    on_boards = {v.id for _, _, items, _ in boards for v in items[:BOARD_LIMIT]}
    local = not ctx.siteurl
    kept: dict[str, dict] = {}

    vacancies = site.open_vacancies
    for v, code in zip(vacancies, qr_codes([absolute(ctx, v.url) for v in vacancies]), strict=True):
        if v.id in on_boards:
            kept[v.id] = code
        yield Page(
            save_as("vacancy_print", id=v.id),
            "print/vacancy",
            {"vacancy": v, "qr": code, "notice": notice(v), "local_preview": local, "noindex": True},
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
                "list_qr": qr(absolute(ctx, owner.url)),
                "local_preview": local,
                "noindex": True,
            },
        )
