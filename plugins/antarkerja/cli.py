"""The ``antarkerja`` command.

Usage::

    antarkerja validate [PATH ...]        check the whole repository (or only report on PATHs)
    antarkerja new vacancy [options]      write a new, valid, commented vacancy file
    antarkerja fmt [--check] [PATH ...]   put record files in canonical form
    antarkerja schema [--check]           regenerate the editor JSON Schemas and field tables
    antarkerja build [--output DIR] [--today YYYY-MM-DD] [--siteurl URL]
    antarkerja serve [--port N]           build, serve at 127.0.0.1 and rebuild on change
    antarkerja bench [--sizes N,N]        measure validation, build and search indexing

Every subcommand takes ``--root DIR`` (default: the repository around the working
directory) and ``--help``. Exit status: 0 fine, 1 problems found, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from antarkerja.diagnostics import safe
from antarkerja.paths import find_root


class UsageError(Exception):
    """Wrong usage: the message says what to do; exit status 2."""


def _root(args) -> Path:
    if args.root:
        # An explicit --root is taken as written: a typo must not fall back to another
        # repository (the package's own) and report "0 errors" about the wrong content.
        root = Path(args.root).resolve()
        if not (root / "content").is_dir():
            raise UsageError(f"--root {args.root}: folder ini tidak berisi content/; periksa ejaan foldernya")
        return root
    return find_root(args.root)


def cmd_validate(args) -> int:
    from antarkerja.diagnostics import summary
    from antarkerja.validate import validate_repository

    root = _root(args)
    only = [Path(p) for p in args.paths] if args.paths else None
    result = validate_repository(root, only)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for d in result.diagnostics:
        print(d.format())
        if github:
            print(d.github_annotation())
    print(summary(result.diagnostics, result.files))
    return 1 if result.errors else 0


def cmd_fmt(args) -> int:
    from antarkerja.discover import discover
    from antarkerja.fmt import CannotFormat, format_text, read_record_text
    from antarkerja.reference import load_reference
    from antarkerja.schema import office, vacancy

    root = _root(args)
    ref = load_reference(root)
    schemas = {"vacancies": vacancy.schema(ref), "offices": office.schema(ref)}
    if args.paths:
        paths = [Path(p) for p in args.paths]
    else:
        found_vacancies, found_offices, _ = discover(root)
        paths = found_vacancies + found_offices
    changed = failed = 0
    for path in paths:
        kind = "offices" if "offices" in path.resolve().parts else "vacancies"
        try:
            text = read_record_text(path)
            new = format_text(text, schemas[kind], path)
        except CannotFormat as exc:
            print(safe(f"{path}: tidak diformat: {exc}"))
            failed += 1
            continue
        if new != text:
            changed += 1
            if args.check:
                print(safe(f"{path}: belum berformat baku (jalankan `antarkerja fmt {path}`)"))
            else:
                path.write_text(new, encoding="utf-8")
                print(safe(f"{path}: diformat"))
    verb = "perlu diformat" if args.check else "diformat"
    print(f"{changed} dari {len(paths)} berkas {verb}, {failed} tidak bisa diformat")
    return 1 if failed or (args.check and changed) else 0


def cmd_new(args) -> int:
    from antarkerja.scaffold import ScaffoldError, write_vacancy

    try:
        path = write_vacancy(_root(args), args)
    except ScaffoldError as exc:
        print(safe(f"antarkerja new vacancy: {exc}"), file=sys.stderr)
        return 1
    print(safe(f"Berkas dibuat: {path}"))
    print(safe(f"Lengkapi isinya, lalu periksa dengan: antarkerja validate {path}"))
    return 0


def cmd_schema(args) -> int:
    from antarkerja.schema.export import write_all

    stale = write_all(_root(args), check=args.check)
    for path in stale:
        print(f"{path}: {'usang, jalankan `antarkerja schema`' if args.check else 'diperbarui'}")
    return 1 if args.check and stale else 0


def cmd_build(args) -> int:
    from antarkerja.build import BuildFailed, build_site

    try:
        output = build_site(
            _root(args), output=args.output, today=args.today, siteurl=args.siteurl, search=not args.no_search
        )
    except BuildFailed as exc:
        print("\n".join(safe(line) for line in str(exc).split("\n")), file=sys.stderr)
        return 1
    print(safe(f"Situs dibangun di {output}"))
    return 0


def cmd_serve(args) -> int:
    from antarkerja.serve import serve

    return serve(_root(args), port=args.port, today=args.today)


def cmd_bench(args) -> int:
    from antarkerja.bench import run_bench

    return run_bench(_root(args), sizes=[int(s) for s in args.sizes.split(",")], steps=args.steps.split(","))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="antarkerja", description="Antar Kerja: periksa data lowongan dan bangun situsnya."
    )
    p.add_argument("--version", action="version", version="%(prog)s 0.1.0")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name, func, help):
        sp = sub.add_parser(name, help=help, description=help)
        sp.add_argument("--root", help="folder repositori (bawaan: dicari dari folder kerja)")
        sp.set_defaults(func=func)
        return sp

    v = add("validate", cmd_validate, "Periksa semua lowongan dan kantor (atau hanya laporkan berkas yang disebut).")
    v.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="berkas yang dilaporkan; pemeriksaan lintas berkas tetap memakai seluruh repositori",
    )

    n = add("new", cmd_new, "Buat berkas baru yang sudah valid dan berkomentar.")
    n.add_argument("kind", choices=["vacancy"], help="jenis data (saat ini: vacancy)")
    n.add_argument("--title", help='nama jabatan, misalnya "Operator Produksi"')
    n.add_argument("--employer", help="nama pemberi kerja")
    n.add_argument("--legal-form", help="bentuk badan usaha (bawaan: dari awal nama, misalnya PT → pt)")
    n.add_argument("--regency", help="kode kabupaten/kota, misalnya 32.16")
    n.add_argument("--office", help="id kantor pemverifikasi di content/offices/")
    n.add_argument("--type", dest="employment_type", default="pkwt", help="jenis hubungan kerja (bawaan: pkwt)")
    n.add_argument("--education", default="sma", help="pendidikan minimal (bawaan: sma)")
    n.add_argument("--openings", type=int, default=1, help="jumlah lowongan (bawaan: 1)")
    n.add_argument(
        "--salary-min", type=int, help="upah terendah per bulan dalam rupiah; kosongkan bila tidak dicantumkan"
    )
    n.add_argument("--salary-max", type=int, help="upah tertinggi per bulan dalam rupiah")
    n.add_argument("--days", type=int, default=30, help="lama tayang dalam hari (bawaan: 30, paling lama 90)")
    n.add_argument("--today", help="tanggal tayang TTTT-BB-HH (bawaan: hari ini)")
    n.add_argument("--id", help="id berkas (bawaan: dari jabatan, pemberi kerja dan kabupaten/kota)")
    n.add_argument("--example", action="store_true", help="tandai sebagai data contoh")
    n.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")

    f = add("fmt", cmd_fmt, "Rapikan urutan kunci dan tanda kutip berkas data.")
    f.add_argument("--check", action="store_true", help="jangan ubah berkas; gagal bila ada yang belum rapi")
    f.add_argument("paths", nargs="*", metavar="PATH")

    s = add("schema", cmd_schema, "Perbarui JSON Schema untuk editor dan tabel kolom di CONTRIBUTING.md.")
    s.add_argument("--check", action="store_true", help="jangan ubah; gagal bila salinan turunan sudah usang")

    b = add("build", cmd_build, "Bangun situs statis (dengan indeks pencarian).")
    b.add_argument("--output", help="folder hasil (bawaan: output/)")
    b.add_argument(
        "--today", help="tanggal 'hari ini' TTTT-BB-HH untuk kedaluwarsa (bawaan: env ANTARKERJA_TODAY atau hari ini)"
    )
    b.add_argument("--siteurl", help="URL situs terbit, misalnya https://antarkerja.example.id")
    b.add_argument("--no-search", action="store_true", help="lewati pembuatan indeks pencarian")

    sv = add("serve", cmd_serve, "Bangun lalu sajikan situs di 127.0.0.1, bangun ulang bila berkas berubah.")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--today", help="tanggal 'hari ini' TTTT-BB-HH")

    bn = add("bench", cmd_bench, "Ukur kecepatan validasi, pembangunan situs dan indeks pencarian pada data buatan.")
    bn.add_argument("--sizes", default="1000,10000,100000", help="jumlah lowongan, dipisah koma")
    bn.add_argument("--steps", default="validate,build,search", help="langkah yang diukur, dipisah koma")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except UsageError as exc:
        print(f"antarkerja: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug of ours: say so plainly instead of a traceback
        if os.environ.get("ANTARKERJA_DEBUG"):
            raise
        print(
            f"antarkerja: kesalahan internal ({type(exc).__name__}: {safe(str(exc))}). Jalankan lagi dengan ANTARKERJA_DEBUG=1 untuk rinciannya dan laporkan sebagai issue.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
