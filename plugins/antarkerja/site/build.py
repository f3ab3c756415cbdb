"""``antarkerja build``: validate, render the whole site with Pelican, index it, publish it.

The site is written into a staging folder next to the output folder and only moved into
place when everything succeeded, so a failed build (invalid content, a template error)
leaves the previous output untouched and never a half site. Over an earlier build, staging
holds only new and changed files, published in place (:mod:`antarkerja.site.publish`).

Settings come from ``pelicanconf.py`` (or ``publishconf.py`` when a site URL is given) in the
repository that holds this package, unless the content root has its own; the theme and the
plugins always come from that repository, so any folder with ``content/`` builds with the
real theme (the test fixtures do).

Today, which decides what has expired, comes from :mod:`antarkerja.today` (``--today``, else
``ANTARKERJA_TODAY``, else the date in WIB). Same content and same today give byte-identical output.
"""

from __future__ import annotations

import json
import locale
import logging
import os
import re
import shutil
import signal
import threading
import time
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

from antarkerja.errors import BuildFailed
from antarkerja.paths import REPO, site_kit, use_theme
from antarkerja.site import cache as site_cache
from antarkerja.site import publish
from antarkerja.site import writer as site_writer
from antarkerja.site.cache import BuildCache
from antarkerja.site.search import BUNDLES_MANIFEST, index_site
from antarkerja.site.writer import WriteLog, keep_unchanged, link_or_copy
from antarkerja.today import InvalidToday
from antarkerja.today import resolve as resolve_today


def normalize_siteurl(siteurl: str | None) -> str | None:
    if siteurl is None:
        return None
    siteurl = siteurl.strip().rstrip("/")
    if (siteurl and not siteurl.startswith(("https://", "http://"))) or any(c in siteurl for c in "\"'<> \\"):
        raise BuildFailed(f"URL situs `{siteurl}` tidak valid (tulis seperti https://antarkerja.example.id)")
    return siteurl


def settings_file(root: Path, published: bool) -> Path:
    name = "publishconf.py" if published else "pelicanconf.py"
    for folder in (root, site_kit(root)):
        if folder is not None and (folder / name).is_file():
            return folder / name
    raise BuildFailed(
        f"{name} dan folder `theme` tidak ditemukan di {root}; bangun dari salinan lengkap repositori "
        "(git clone), misalnya `antarkerja build --root FOLDER-REPOSITORI`"
    )


def load_settings(
    root: Path, output: Path, today: date, siteurl: str | None, previous: Path | None = None, in_place: bool = False
):
    from pelican.settings import read_settings

    override = {
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(output),
        "ANTARKERJA_ROOT": str(root),
        "ANTARKERJA_TODAY": today.isoformat(),
        "DELETE_OUTPUT_DIRECTORY": False,  # the staging folder is new and empty
        # The site being replaced: the writer links its files whose bytes do not change.
        "ANTARKERJA_PREVIOUS_OUTPUT": str(previous) if previous is not None else "",
        # ... and the output holds only new and changed files: published in place (site.publish).
        "ANTARKERJA_IN_PLACE": in_place and previous is not None,
    }
    if siteurl is not None:
        override["SITEURL"] = siteurl
    settings = read_settings(str(settings_file(root, siteurl is not None)), override=override)
    use_theme(Path(settings["THEME"]))  # the theme the settings chose, wherever the package lives
    return settings


class _ErrorLog(logging.Handler):
    """Pelican only logs some failures (a broken page, a missing template); we fail on them."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def run_pelican(settings) -> None:
    from pelican import Pelican
    from pelican.log import console

    errors = _ErrorLog()
    logger = logging.getLogger("pelican")
    logger.addHandler(errors)
    quiet, console.quiet = console.quiet, True  # no "Done: Processed 0 articles" chatter
    saved_locale = locale.setlocale(locale.LC_ALL)  # Pelican sets LOCALE process-wide
    try:
        Pelican(settings).run()
    finally:
        locale.setlocale(locale.LC_ALL, saved_locale)
        console.quiet = quiet
        logger.removeHandler(errors)
    if errors.messages:
        raise BuildFailed("Pelican melaporkan kesalahan:\n" + "\n".join(errors.messages))


LAST: dict = {}  # what the last build in this process did: file counts, cache use (printed by the CLI)


def build_site(root, output=None, today=None, siteurl=None, search=True, cache=None, shard=None) -> Path:
    """Build the site of ``root`` into ``output`` (default ``root/output``); return the path.

    Raises :class:`BuildFailed` with the validator's messages when content is invalid; then
    nothing at all is written to ``output``.

    ``cache`` is the build cache folder (:mod:`antarkerja.site.cache`), ``"default"`` for
    ``<root>/.cache/antarkerja`` (or ``$ANTARKERJA_BUILD_CACHE``), or None for none. With or
    without it the output is the same bytes; files whose bytes did not change keep their
    inode and modification time (published in place, :mod:`antarkerja.site.publish`, or
    linked into a new tree, :func:`antarkerja.site.writer.keep_unchanged`).
    """
    global LAST
    root = Path(root).resolve()
    if not (root / "content").is_dir():
        raise BuildFailed(f"{root} tidak berisi folder content/")
    output = Path(output).resolve() if output else root / "output"
    check_output_folder(root, output)
    try:
        day = resolve_today(today)
    except InvalidToday as exc:
        raise BuildFailed(str(exc)) from None
    siteurl = normalize_siteurl(siteurl)
    output.parent.mkdir(parents=True, exist_ok=True)
    build_cache = cache if isinstance(cache, BuildCache) else None
    if cache is not None and build_cache is None:
        build_cache = BuildCache.for_root(root, None if cache == "default" else cache)
    LAST = {"cache": build_cache}
    with ExitStack() as held:
        # In place when this build alone holds an earlier output (site.publish); a publish
        # cut short is finished first, so the output read below is a whole site.
        previous = output if output.is_dir() and not output.is_symlink() else None
        in_place = False
        if previous is not None:
            in_place = held.enter_context(publish.output_lock(output, wait=False))
            if in_place and publish.finish_interrupted(output):
                LAST["finished_interrupted"] = True
        remove_stale_staging(output)
        staging = output.with_name(f".{output.name}.building-{os.getpid()}")
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir()
        try:
            with terminate_as_exception():
                site_cache.ACTIVE = build_cache
                # filled by the generator's writers
                log = site_writer.LOG = WriteLog(staging, previous, sparse=in_place)
                try:
                    run_pelican(load_settings(root, staging, day, siteurl, previous, in_place=log.sparse))
                    if search:
                        if shard is not None and (staging / BUNDLES_MANIFEST).is_file():  # the merge indexes from it
                            LAST["bundles_manifest"] = (staging / BUNDLES_MANIFEST).read_bytes()
                        LAST["index"] = index_site(staging, cache=build_cache, shard=shard)
                finally:
                    site_cache.ACTIVE = None
                    site_writer.LOG = None
                _finish(staging, output, log)
                if build_cache is not None:
                    build_cache.stamp_pages(output)
                    build_cache.stamp_bundles(output)
        except BaseException:
            if publish.journal_staging(output) == staging.name:  # the next build finishes the publish
                LAST["publish_unfinished"] = True
            else:
                shutil.rmtree(staging, ignore_errors=True)
            raise
    if build_cache is not None:
        build_cache.prune()
    return output


def _finish(staging: Path, output: Path, log: WriteLog | None = None) -> None:
    """Mark the finished site, keep the files whose bytes did not change, and publish it."""
    marker = staging / OUTPUT_MARKER
    marker.unlink(missing_ok=True)  # in a merge, a link to shard 1's marker: never write through it
    marker.write_text(MARKER_TEXT, encoding="utf-8")
    started = time.perf_counter()
    in_place = log is not None and log.sparse
    if in_place:
        LAST["files"] = publish.publish_in_place(staging, output, log)
    else:
        LAST["files"] = keep_unchanged(staging, output, log)
    LAST["keep_seconds"] = round(time.perf_counter() - started, 3)
    if not in_place:
        publish.swap_tree(staging, output)


# Shards and merge ------------------------------------------------------------------------

SHARD_MANIFEST = "manifest.json"
SHARD_FAILED = "gagal.json"
SHARD_SITE = "situs"  # shard 1 only: the rendered site, without its search index
SHARD_BUNDLES = "bundel.json"  # shard 1 only: which pages each Pagefind bundle indexes


def parse_shard(text: str) -> tuple[int, int]:
    """``K/N`` (1 <= K <= N) → (K, N); :class:`BuildFailed` otherwise."""
    match = re.fullmatch(r"([0-9]{1,3})/([0-9]{1,3})", text.strip())
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise BuildFailed(f"--shard `{text}` tidak valid: tulis K/N dengan 1 <= K <= N, misalnya 2/4")
    return int(match[1]), int(match[2])


def build_shard(root, shard: tuple[int, int], folder, today=None, siteurl=None) -> Path:
    """Shard K of N of a full rebuild: render the site and index only this shard's Pagefind
    bundles (:func:`antarkerja.site.search.shard_bundles`), into ``folder``: ``cache/`` (the
    bundles, in the build cache's form) and ``manifest.json``. On failure ``folder`` holds
    ``gagal.json`` with the messages, which the merge repeats."""
    k, n = shard
    folder = Path(folder).resolve()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    try:
        day = resolve_today(today)
    except InvalidToday as exc:
        raise BuildFailed(str(exc)) from None
    shard_cache = BuildCache(folder / "cache")
    site = folder / SHARD_SITE
    try:
        build_site(root, output=site, today=day, siteurl=siteurl, cache=shard_cache, shard=shard)
    except BuildFailed as exc:
        shutil.rmtree(site, ignore_errors=True)
        failed = {"shard": k, "of": n, "messages": str(exc).split("\n")}
        (folder / SHARD_FAILED).write_text(json.dumps(failed, ensure_ascii=False, indent=1), encoding="utf-8")
        raise
    except BaseException:
        shutil.rmtree(site, ignore_errors=True)
        raise
    if k == 1:  # the merge publishes this shard's pages with every shard's bundles
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        (folder / SHARD_BUNDLES).write_bytes(LAST.get("bundles_manifest") or b'{"bundles": {}}')
    else:
        shutil.rmtree(site, ignore_errors=True)
    manifest = {
        "shard": k,
        "of": n,
        "code": site_cache.code_hash(),
        "today": day.isoformat(),
        "siteurl": normalize_siteurl(siteurl) or "",
        "bundles": sorted(shard_cache.used_bundles),
    }
    (folder / SHARD_MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return folder


def build_merged(root, shards, output=None, today=None, siteurl=None) -> Path:
    """The whole site from the shards' results: the pages shard 1 rendered (every page,
    national ones, feeds, API and sitemap included: the same bytes on every machine) and each
    Pagefind bundle from the shard that indexed it; nothing is validated, rendered or indexed
    again. Equal, byte for byte, to :func:`build_site` on one machine. A shard that failed,
    is missing, or was built from other code, another today or another site URL stops the
    merge with its messages."""
    try:
        day = resolve_today(today)
    except InvalidToday as exc:
        raise BuildFailed(str(exc)) from None
    manifests = []
    for folder in map(Path, shards):
        if (folder / SHARD_FAILED).is_file():
            failed = json.loads((folder / SHARD_FAILED).read_text(encoding="utf-8"))
            raise BuildFailed(
                f"Shard {failed['shard']}/{failed['of']} gagal; situs tidak digabung:\n" + "\n".join(failed["messages"])
            )
        try:
            manifest = json.loads((folder / SHARD_MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise BuildFailed(
                f"{folder} bukan hasil `antarkerja build --shard` yang selesai (tidak ada {SHARD_MANIFEST})"
            ) from None
        expected = {
            "code": site_cache.code_hash(),
            "today": day.isoformat(),
            "siteurl": normalize_siteurl(siteurl) or "",
        }
        for field, value in expected.items():
            if manifest.get(field) != value:
                raise BuildFailed(
                    f"Shard {manifest.get('shard')}/{manifest.get('of')} di {folder} dibangun dengan {field} "
                    f"`{manifest.get(field)}`, penggabungan dengan `{value}`: bangun ulang shard itu"
                )
        manifests.append((folder, manifest))
    counts = {m["of"] for _, m in manifests}
    numbers = sorted(m["shard"] for _, m in manifests)
    if len(counts) != 1 or numbers != list(range(1, next(iter(counts), 0) + 1)):
        raise BuildFailed(f"shard yang digabung harus 1..N tepat sekali; didapat {numbers} dari N={sorted(counts)}")
    first = next(folder for folder, m in manifests if m["shard"] == 1)
    if not (first / SHARD_SITE).is_dir() or not (first / SHARD_BUNDLES).is_file():
        raise BuildFailed(
            f"shard 1 di {first} tidak berisi situsnya ({SHARD_SITE}/, {SHARD_BUNDLES}): bangun ulang shard 1"
        )
    root = Path(root).resolve()
    output = Path(output).resolve() if output else root / "output"
    check_output_folder(root, output)
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(output)
    staging = output.with_name(f".{output.name}.building-{os.getpid()}")
    merged_cache = output.parent / f".{output.name}.merge-{os.getpid()}"
    for folder in (staging, merged_cache):
        shutil.rmtree(folder, ignore_errors=True)
    global LAST
    try:
        with terminate_as_exception():
            for folder, manifest in manifests:
                for key in manifest["bundles"]:
                    src = folder / "cache" / "pagefind" / key
                    if src.is_dir():
                        shutil.copytree(src, merged_cache / "pagefind" / key, dirs_exist_ok=True)
            build_cache = BuildCache(merged_cache)
            build_cache.require_hits = True  # a bundle no shard indexed stops the merge
            LAST = {"cache": build_cache}
            # Shard 1 rendered every page (pages are the same bytes on every machine).
            shutil.copytree(first / SHARD_SITE, staging, symlinks=True, copy_function=link_or_copy)
            (staging / BUNDLES_MANIFEST).write_bytes((first / SHARD_BUNDLES).read_bytes())
            LAST["index"] = index_site(staging, cache=build_cache)
            _finish(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(merged_cache, ignore_errors=True)
    return output


# Output folder guard and interrupt cleanup ---------------------------------------------------

OUTPUT_MARKER = ".antarkerja-site"
MARKER_TEXT = "Folder ini dibuat oleh `antarkerja build` dan diganti utuh pada setiap pembangunan.\n"


def _looks_like_old_build(folder: Path) -> bool:
    """A site built before the marker existed: our home page, theme folder and sitemap."""
    return all((folder / name).exists() for name in ("index.html", "theme", "sitemap.xml"))


def check_output_folder(root: Path, output: Path) -> None:
    """Refuse an output folder whose replacement would destroy anything but an earlier site.

    The build replaces the output folder whole. Allowed: a folder that does not exist, an
    empty one, or an earlier build output (marked with :data:`OUTPUT_MARKER`). Refused: the
    repository, its ``content/`` or anything holding or inside them, and any other folder
    with files in it (``--output content`` once deleted every record).
    """
    protected = {root, root / "content", REPO, REPO / "content"}
    for folder in protected:
        if output == folder or output in folder.parents:
            raise BuildFailed(
                f"folder hasil {output} berisi repositori atau content/; pilih folder lain, misalnya output/"
            )
    for folder in (root / "content", REPO / "content", REPO / "plugins", REPO / "theme"):
        if folder in output.parents:
            raise BuildFailed(f"folder hasil {output} berada di dalam {folder}; pilih folder lain, misalnya output/")
    if output.is_symlink() or (output.exists() and not output.is_dir()):
        raise BuildFailed(f"{output} bukan folder biasa; pilih folder lain untuk hasil pembangunan")
    if output.is_dir() and any(output.iterdir()):
        if not ((output / OUTPUT_MARKER).is_file() or _looks_like_old_build(output)):
            raise BuildFailed(
                f"folder hasil {output} berisi berkas yang bukan hasil `antarkerja build`; "
                "pilih folder kosong atau folder hasil sebelumnya (isinya akan diganti seluruhnya)"
            )


_STAGING = re.compile(r"^\.(?P<name>.+)\.building-(?P<pid>[0-9]+)$")


def remove_stale_staging(output: Path) -> None:
    """Delete staging folders of this output left by builds that were killed outright (not
    one a publish journal still needs: site.publish)."""
    journaled = publish.journal_staging(output)
    for path in output.parent.glob(f".{output.name}.building-*"):
        match = _STAGING.match(path.name)
        if path.name == journaled:
            continue
        if match and match["name"] == output.name and path.is_dir() and not path.is_symlink():
            if int(match["pid"]) != os.getpid() and not site_cache.process_alive(int(match["pid"])):
                shutil.rmtree(path, ignore_errors=True)


class BuildInterrupted(BaseException):
    """SIGTERM (or SIGHUP) during a build: unwinds like Ctrl+C so the staging folder goes."""

    def __init__(self, message: str, signum: int = signal.SIGTERM):
        super().__init__(message)
        self.signum = int(signum)


@contextmanager
def terminate_as_exception():
    """While building, SIGTERM and SIGHUP raise :class:`BuildInterrupted` (SIGINT already
    raises KeyboardInterrupt), so the ``except BaseException`` cleanup runs. Only the main
    thread can own signal handlers; elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupted(signum, frame):
        raise BuildInterrupted(f"dihentikan oleh sinyal {signal.Signals(signum).name}", signum)

    wanted = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {sig: signal.signal(sig, interrupted) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
