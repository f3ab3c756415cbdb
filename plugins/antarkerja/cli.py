"""The ``antarkerja`` command.

Usage::

    antarkerja validate [PATH ...]        check the whole repository (or only report on PATHs)
                 [--changed-since REF] [--summary FILE]   (pull requests: changed files, Markdown summary)
    antarkerja new vacancy [options]      write a new, valid, commented vacancy file
    antarkerja fmt [--check] [PATH ...]   put record files in canonical form
    antarkerja schema [--check]           regenerate the editor JSON Schemas, field tables, issue form, CODEOWNERS
    antarkerja issue EVENT.json           turn a vacancy issue form into a checked vacancy file
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

from antarkerja.paths import find_root
from antarkerja.records.diagnostics import safe
from antarkerja.today import InvalidToday


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
    from antarkerja.records.diagnostics import summary
    from antarkerja.records.validate import validate_repository

    root = _root(args)
    only = [Path(p) for p in args.paths] if args.paths else None
    if args.changed_since:
        from antarkerja.records.report import changed_records

        changed = changed_records(root, args.changed_since)
        if changed is None:
            print(
                safe(f"antarkerja validate: git tidak bisa membandingkan dengan `{args.changed_since}`"),
                file=sys.stderr,
            )
            return 2
        # No record changed (a schema or rule change): then every record is reported.
        only = (only or []) + changed or None
    result = validate_repository(root, only)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for d in result.diagnostics:
        print(d.format())
        if github:
            print(d.github_annotation())
    print(summary(result.diagnostics, result.files))
    if args.summary:
        from antarkerja.records.discover import discover
        from antarkerja.records.report import markdown_summary
        from antarkerja.reference import load_reference

        found_vacancies, found_offices, _ = discover(root)  # the files the validator reads
        reported = only or found_vacancies + found_offices
        text = markdown_summary(root, result.diagnostics, reported, load_reference(root), result.suppressed)
        with open(args.summary, "a", encoding="utf-8") as f:
            f.write(text)
    return 1 if result.errors else 0


def _first_difference(old: str, new: str) -> int:
    """The 1-based line where ``old`` first differs from ``new``."""
    for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), start=1):
        if a != b:
            return number
    return min(len(old.splitlines()), len(new.splitlines())) + 1


def cmd_fmt(args) -> int:
    from antarkerja.records.diagnostics import annotation
    from antarkerja.records.discover import discover
    from antarkerja.records.fmt import CannotFormat, format_text, read_record_text
    from antarkerja.records.schema import office, vacancy
    from antarkerja.reference import load_reference

    root = _root(args)
    ref = load_reference(root)
    schemas = {"vacancies": vacancy.schema(ref), "offices": office.schema(ref)}
    if args.paths:
        paths = [Path(p) for p in args.paths]
    else:
        found_vacancies, found_offices, _ = discover(root)
        paths = found_vacancies + found_offices
    changed = failed = 0
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for path in paths:
        kind = "offices" if "offices" in path.resolve().parts else "vacancies"
        try:
            text = read_record_text(path)
            new = format_text(text, schemas[kind], path)
        except CannotFormat as exc:
            print(safe(f"{path}: tidak diformat: {exc}"))
            if github:
                print(annotation("error", path, 1, "Format baku", f"tidak diformat: {exc}"))
            failed += 1
            continue
        if new != text:
            changed += 1
            if args.check:
                line = _first_difference(text, new)
                fix = f"jalankan `antarkerja fmt {path}` lalu commit hasilnya"
                print(safe(f"{path}:{line}: belum berformat baku mulai baris ini ({fix})"))
                if github:
                    print(
                        annotation("error", path, line, "Format baku", f"belum berformat baku mulai baris ini ({fix})")
                    )
            else:
                path.write_text(new, encoding="utf-8")
                print(safe(f"{path}: diformat"))
    verb = "perlu diformat" if args.check else "diformat"
    print(f"{changed} dari {len(paths)} berkas {verb}, {failed} tidak bisa diformat")
    return 1 if failed or (args.check and changed) else 0


def cmd_new(args) -> int:
    from antarkerja.records.scaffold import ScaffoldError, write_vacancy

    try:
        path, unfilled = write_vacancy(_root(args), args)
    except ScaffoldError as exc:
        print(safe(f"antarkerja new vacancy: {exc}"), file=sys.stderr)
        return 1
    print(safe(f"Berkas dibuat: {path}"))
    if unfilled:
        print(f"Belum lengkap: isi kolom {', '.join(unfilled)} (bertanda ISI:); sampai itu, pemeriksa menolaknya.")
    print(safe(f"Periksa isinya, lalu jalankan: antarkerja validate {path}"))
    return 0


def cmd_schema(args) -> int:
    from antarkerja.records.codeowners import ReviewersError
    from antarkerja.records.schema.export import write_all

    try:
        stale = write_all(_root(args), check=args.check)
    except ReviewersError as exc:
        print(f"antarkerja schema: {exc}", file=sys.stderr)
        return 1
    for path in stale:
        print(f"{path}: {'usang, jalankan `antarkerja schema`' if args.check else 'diperbarui'}")
    return 1 if args.check and stale else 0


def _plain(exc: Exception) -> str:
    """What went wrong with a file, in words (JSON and text errors name line and column)."""
    import json

    if isinstance(exc, json.JSONDecodeError):
        return f"bukan JSON yang sah, baris {exc.lineno} kolom {exc.colno}"
    if isinstance(exc, UnicodeDecodeError):
        return "bukan teks UTF-8"
    if isinstance(exc, FileNotFoundError):
        return "berkas tidak ada"
    if isinstance(exc, OSError):
        return exc.strerror or "tidak bisa dibuka"
    return "isinya tidak dikenali"


def cmd_issue(args) -> int:
    import json

    from antarkerja.records.issueform import Conversion, comment, convert_issue, pr_title
    from antarkerja.today import resolve as resolve_today

    if not (args.event or args.body):
        print("antarkerja issue: sebutkan berkas event GitHub atau --body FILE", file=sys.stderr)
        return 2
    root = _root(args)
    unreadable = "Isi issue tidak bisa dibaca; mohon laporkan ke pengelola."
    conversion = Conversion(problems=[unreadable])
    try:
        try:
            if args.body:
                body, number = Path(args.body).read_text(encoding="utf-8"), args.number
            else:
                event = json.loads(Path(args.event).read_text(encoding="utf-8"))
                issue = event.get("issue") if isinstance(event, dict) else None
                issue = issue if isinstance(issue, dict) else {}
                body, number = issue.get("body") or "", issue.get("number")
            number = int(number) if isinstance(number, int | str) and str(number).isdigit() else None
        except (OSError, ValueError) as exc:  # a malformed or unreadable event file: a plain message
            source = args.body or args.event
            print(f"antarkerja issue: berkas {source} tidak bisa dibaca sebagai issue ({_plain(exc)})", file=sys.stderr)
            return 1
        today = resolve_today(args.today)
        conversion = convert_issue(root, body if isinstance(body, str) else "", today, number)
    finally:  # the officer always gets an answer on the issue
        text = comment(conversion, root)
        if args.comment:
            Path(args.comment).write_text(text, encoding="utf-8")
        else:
            print(text)
    if conversion.ok and args.github_output:
        with open(args.github_output, "a", encoding="utf-8") as f:
            f.write(f"path={conversion.path.relative_to(root).as_posix()}\n")
            f.write(f"title={pr_title(conversion)}\n")
    for problem in conversion.problems:
        print(f"antarkerja issue: {problem}", file=sys.stderr)
    return 0 if conversion.ok else 1


def cmd_build(args) -> int:
    from antarkerja.errors import BuildFailed
    from antarkerja.site import build as build_module
    from antarkerja.site.build import BuildInterrupted, build_site

    cache = None if args.no_cache else (args.cache or "default")
    try:
        if args.shard:
            shard = build_module.parse_shard(args.shard)
            folder = build_module.build_shard(
                _root(args), shard, args.output or f"shard-{shard[0]}", today=args.today, siteurl=args.siteurl
            )
            print(safe(f"Shard {shard[0]}/{shard[1]} dibangun di {folder}"))
            return 0
        if args.merge:
            output = build_module.build_merged(
                _root(args), args.merge, output=args.output, today=args.today, siteurl=args.siteurl
            )
            print(safe(f"Situs digabung dari {len(args.merge)} shard di {output}"))
            return 0
        output = build_site(
            _root(args),
            output=args.output,
            today=args.today,
            siteurl=args.siteurl,
            search=not args.no_search,
            cache=cache,
        )
    except BuildFailed as exc:
        _print_build_notes(build_module.LAST)
        print("\n".join(safe(line) for line in str(exc).split("\n")), file=sys.stderr)
        return 1
    except BuildInterrupted as exc:  # SIGTERM/SIGHUP: one line, no traceback; the output is untouched
        if build_module.LAST.get("publish_unfinished"):  # in place, cut short: its journal is kept
            print(
                f"antarkerja build: {exc} saat memindahkan berkas ke folder hasil; "
                "jalankan `antarkerja build` lagi untuk menyelesaikannya sebelum deploy.",
                file=sys.stderr,
            )
        else:
            print(f"antarkerja build: {exc}; folder hasil tidak diubah.", file=sys.stderr)
        return 128 + exc.signum
    _print_build_notes(build_module.LAST)
    print(safe(f"Situs dibangun di {output}"))
    files = build_module.LAST.get("files")
    if files:
        print(f"{files['changed']} berkas baru atau berubah, {files['unchanged']} tetap, {files['removed']} dihapus")
    return 0


def _print_build_notes(last: dict) -> None:
    """One line for a publish cut short that this build finished, and one per cache problem
    (a damaged or foreign cache is ignored, never trusted)."""
    if last.get("finished_interrupted"):
        print(
            "antarkerja build: publikasi sebelumnya terhenti di tengah; diselesaikan dulu dari jurnalnya",
            file=sys.stderr,
        )
    build_cache = last.get("cache")
    for note in build_cache.notes if build_cache is not None else ():
        print(safe(f"antarkerja build: {note}"), file=sys.stderr)


def cmd_serve(args) -> int:
    from antarkerja.site.serve import serve

    return serve(_root(args), port=args.port, today=args.today)


DEFAULT_BENCH_STEPS = "validate,build,search,floor"


def cmd_bench(args) -> int:
    from antarkerja.tools.bench import run_bench

    root, compare = _root(args), None
    if args.compare:
        from antarkerja.tools.bench_compare import CompareError, resolve_revision

        try:  # before any data is generated
            compare = resolve_revision(root, args.compare)
        except CompareError as exc:
            raise UsageError(str(exc)) from None
        if args.rounds < 1:
            raise UsageError("--rounds: isi angka 1 atau lebih")
    # With --compare and no --steps, only the comparison runs (the default steps take long).
    steps = args.steps or ("" if compare else DEFAULT_BENCH_STEPS)
    return run_bench(
        root,
        sizes=[int(s) for s in args.sizes.split(",")],
        steps=[s for s in steps.split(",") if s],
        compare=compare,
        rounds=args.rounds,
    )


def cmd_trust(args) -> int:
    from antarkerja.tools.trust import print_categories

    return 0 if print_categories(_root(args)) else 1


def cmd_smk(args) -> int:
    from antarkerja.site.smk_match import report

    print(report(_root(args), args.today))
    return 0


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
    v.add_argument(
        "--changed-since",
        metavar="REF",
        help="laporkan hanya berkas data yang berubah sejak revisi git REF (semua bila tidak ada yang berubah)",
    )
    v.add_argument(
        "--summary",
        metavar="FILE",
        help="tambahkan ringkasan Markdown (kode, pesan, pratinjau lowongan) ke FILE, misalnya $GITHUB_STEP_SUMMARY",
    )

    n = add("new", cmd_new, "Buat berkas baru yang sudah valid dan berkomentar.")
    n.add_argument("kind", choices=["vacancy"], help="jenis data (saat ini: vacancy)")
    n.add_argument("--title", help='nama jabatan, misalnya "Operator Produksi"')
    n.add_argument("--employer", help="nama pemberi kerja")
    n.add_argument("--legal-form", help="bentuk badan usaha (bawaan: dari awal nama, misalnya PT → pt)")
    n.add_argument("--regency", help="kode atau nama lengkap kabupaten/kota, misalnya 32.16")
    n.add_argument("--office", help="id kantor pemverifikasi di content/offices/")
    # No default below: what is not answered is written as `ISI: …`, which the validator rejects.
    n.add_argument("--type", dest="employment_type", help="jenis hubungan kerja, misalnya pkwt")
    n.add_argument("--contract-months", type=int, help="lama kontrak PKWT dalam bulan")
    n.add_argument("--education", help="pendidikan minimal, misalnya sma")
    n.add_argument("--experience", type=int, help="pengalaman minimal dalam bulan (0: lulusan baru diterima)")
    n.add_argument("--kbji", help="kode jabatan KBJI 2014, misalnya 8 (kosong: ditanyakan atau ditandai ISI:)")
    n.add_argument("--kbli", help="kategori KBLI 2020, satu huruf, misalnya C")
    n.add_argument("--description", help="deskripsi: tugas utama, tempat dan jadwal kerja (paling sedikit 30 karakter)")
    n.add_argument(
        "--qualifications", help="keterampilan atau kompetensi yang dibutuhkan, dipisah titik koma (Perpres 57/2023)"
    )
    n.add_argument("--openings", type=int, help="jumlah orang yang dicari")
    n.add_argument("--salary-min", type=int, help="upah terendah per bulan dalam rupiah")
    n.add_argument("--salary-max", type=int, help="upah tertinggi per bulan dalam rupiah")
    n.add_argument("--salary-undisclosed", metavar="ALASAN", help="upah tidak dicantumkan, dengan alasannya")
    n.add_argument("--valid-through", help="batas lamaran TTTT-BB-HH (paling lama 90 hari setelah tayang)")
    n.add_argument("--days", type=int, help="atau: batas lamaran sekian hari setelah tayang (1–90)")
    n.add_argument("--apply-url", help="tautan lamaran")
    n.add_argument("--apply-email", help="email lamaran")
    n.add_argument("--apply-phone", help="telepon untuk melamar")
    n.add_argument("--apply-whatsapp", help="WhatsApp untuk melamar")
    n.add_argument("--walk-in", action="store_true", help="pelamar datang langsung ke kantor pemverifikasi")
    n.add_argument("--instructions", help="petunjuk melamar, misalnya dokumen yang dibawa")
    n.add_argument("--today", help="tanggal tayang TTTT-BB-HH (bawaan: hari ini)")
    n.add_argument("--id", help="id berkas (bawaan: dari jabatan, pemberi kerja dan kabupaten/kota)")
    n.add_argument("--example", action="store_true", help="tandai sebagai data contoh")
    n.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")

    f = add("fmt", cmd_fmt, "Rapikan urutan kunci dan tanda kutip berkas data.")
    f.add_argument("--check", action="store_true", help="jangan ubah berkas; gagal bila ada yang belum rapi")
    f.add_argument("paths", nargs="*", metavar="PATH")

    s = add("schema", cmd_schema, "Perbarui JSON Schema untuk editor dan tabel kolom di CONTRIBUTING.md.")
    s.add_argument("--check", action="store_true", help="jangan ubah; gagal bila salinan turunan sudah usang")

    i = add("issue", cmd_issue, "Ubah isi issue formulir lowongan menjadi berkas lowongan yang sudah diperiksa.")
    i.add_argument("event", nargs="?", help="berkas event GitHub (JSON), misalnya $GITHUB_EVENT_PATH")
    i.add_argument("--body", help="baca isi issue (Markdown) dari berkas ini, bukan dari event")
    i.add_argument("--number", type=int, help="nomor issue (dengan --body)")
    i.add_argument("--today", help="tanggal tayang TTTT-BB-HH (bawaan: hari ini di Asia/Jakarta)")
    i.add_argument("--comment", metavar="FILE", help="tulis komentar untuk issue ke FILE (bawaan: cetak)")
    i.add_argument("--github-output", metavar="FILE", help="tulis path= dan title= ke FILE ($GITHUB_OUTPUT)")

    b = add("build", cmd_build, "Bangun situs statis (dengan indeks pencarian).")
    b.add_argument("--output", help="folder hasil (bawaan: output/)")
    b.add_argument(
        "--today",
        help="tanggal 'hari ini' TTTT-BB-HH untuk kedaluwarsa (bawaan: variabel lingkungan ANTARKERJA_TODAY, atau hari ini)",
    )
    b.add_argument("--siteurl", help="alamat situs yang diterbitkan, misalnya https://antarkerja.example.id")
    b.add_argument("--no-search", action="store_true", help="lewati pembuatan indeks pencarian")
    b.add_argument(
        "--cache",
        metavar="FOLDER",
        help="folder cache pembangunan (bawaan: variabel lingkungan ANTARKERJA_BUILD_CACHE, atau .cache/antarkerja/)",
    )
    b.add_argument("--no-cache", action="store_true", help="bangun penuh tanpa membaca atau menulis cache")
    parts = b.add_mutually_exclusive_group()
    parts.add_argument(
        "--shard",
        metavar="K/N",
        help="bangun bagian K dari N (indeks pencarian provinsi bagian ini) ke folder --output (bawaan: shard-K)",
    )
    parts.add_argument(
        "--merge",
        nargs="+",
        metavar="FOLDER",
        help="gabungkan folder hasil --shard 1..N menjadi situs utuh di --output",
    )

    sv = add("serve", cmd_serve, "Bangun lalu sajikan situs di 127.0.0.1, bangun ulang bila berkas berubah.")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--today", help="tanggal 'hari ini' TTTT-BB-HH")

    add(
        "trust",
        cmd_trust,
        "Ukur aturan teks pada korpus uji (tests/trust/): recall dan alarm palsu per kategori, validator dan Cek lowongan.",
    )
    bn = add("bench", cmd_bench, "Ukur kecepatan validasi, pembangunan situs dan indeks pencarian pada data buatan.")
    bn.add_argument("--sizes", default="1000,10000,100000", help="jumlah lowongan, dipisah koma")
    bn.add_argument("--steps", help=f"langkah yang diukur, dipisah koma (bawaan: {DEFAULT_BENCH_STEPS})")
    bn.add_argument(
        "--compare",
        metavar="REVISI",
        help="bandingkan kecepatan validasi pohon kerja ini dengan revisi Git ini, bergantian dalam satu kali jalan",
    )
    bn.add_argument("--rounds", type=int, default=5, help="putaran per versi untuk --compare (bawaan: 5)")
    sk = add("smk", cmd_smk, "Lowongan untuk lulusan SMK per jurusan, dan jurusan yang belum terpetakan.")
    sk.add_argument("--today", help="tanggal 'hari ini' TTTT-BB-HH")

    # Sample data: `antarkerja contoh hapus` removes every `example: true` record (antarkerja.records.samples).
    def cmd_samples(args) -> int:
        from antarkerja.records.samples import remove

        root = _root(args)
        found, removed = remove(root)
        for path, problem in found.unreadable:
            print(f"{path.relative_to(root)}: tidak bisa dibaca ({safe(problem)}); perbaiki dulu", file=sys.stderr)
        for path, office in found.kept_users:
            print(
                f"{path.relative_to(root)}: lowongan sungguhan ini diverifikasi kantor contoh `{office}`; "
                "ganti `verification.office` dengan kantor sungguhan dulu",
                file=sys.stderr,
            )
        if not removed:
            print("antarkerja contoh hapus: tidak ada berkas yang dihapus.", file=sys.stderr)
            return 1
        print(f"Dihapus: {len(found.vacancies)} lowongan contoh dan {len(found.offices)} kantor contoh.")
        print('Situs tetap bisa dibangun; halaman lowongan menampilkan "belum ada lowongan" sampai data baru masuk.')
        return 0

    c = add(
        "contoh", cmd_samples, "Data contoh (example: true): `antarkerja contoh hapus` menghapus semuanya sekaligus."
    )
    c.add_argument("action", choices=["hapus"], metavar="hapus", help="hapus semua lowongan dan kantor contoh")

    # Publishing to an S3-compatible object store (see antarkerja.site.deploy and the README's hosting section).
    def cmd_deploy(args) -> int:
        from antarkerja.site.deploy import DeployFailed, deploy

        try:
            deploy(
                args.output or _root(args) / "output",
                args.target,
                use_gzip=not args.no_gzip,
                dry_run=args.dry_run,
                refresh=args.refresh,
            )
        except DeployFailed as exc:
            print(f"antarkerja deploy: {exc}", file=sys.stderr)
            return 1
        return 0

    d = add(
        "deploy", cmd_deploy, "Unggah situs hasil bangun ke penyimpanan objek S3 (hanya yang berubah, tanpa menghapus)."
    )
    d.add_argument("--output", help="folder situs hasil bangun (bawaan: output/)")
    d.add_argument("--target", help="remote rclone REMOTE:BUCKET[/PREFIX] (bawaan: env ANTARKERJA_DEPLOY_TARGET)")
    d.add_argument("--no-gzip", action="store_true", help="simpan teks apa adanya (untuk CDN yang memampatkan sendiri)")
    d.add_argument("--dry-run", action="store_true", help="tampilkan yang akan diunggah tanpa mengirim apa pun")
    d.add_argument("--refresh", action="store_true", help="unggah ulang semua berkas (setelah aturan header berubah)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except (UsageError, InvalidToday) as exc:
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
