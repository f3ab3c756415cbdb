"""The Pelican generator that turns validated vacancies and offices into the public site.

``generate_context`` reads and validates every record once (the validator's loader, so the
site shows exactly what the validator accepted) and builds the model; any error stops the
build with the validator's messages before anything is written. ``generate_output`` renders
each page with a compiled Jinja template and writes the bytes directly: with thousands of
vacancy pages, Pelican's per-file writer (and its URL rewriting) costs more than rendering.

Speed, for 10,000 or 100,000 vacancies: every template is compiled once; each vacancy's
Markdown, JSON-LD and listing card are made once (the card is reused by every listing it
appears in); files are written by a background thread while the next page renders; and on
big sites (``PARALLEL_FROM``, 2,000 vacancies) forked workers write a share of the vacancy
pages each, on the other CPUs. No page's content depends on who wrote it.

Pages written (site-relative paths):

=================================  ======================  ===================================
``index.html``                     ``home.html``           search box, counts, newest, closing
``lowongan/[page/N/]``             ``vacancies.html``      every open vacancy, paginated
``lowongan/<id>/``                 ``vacancy.html``        one vacancy, open or closed
``provinsi/``                      ``provinces.html``      the 38 provinces with counts
``provinsi/<slug>/[page/N/]``      ``region.html``         a province's open vacancies, offices
``kabkota/<slug>/[page/N/]``       ``region.html``         a regency's (vacancies or offices)
``kantor/``                        ``offices.html``        office directory by province
``kantor/<id>/[page/N/]``          ``office.html``         contact, hours, verified vacancies
``cari/``                          ``search.html``         the search page (search engineer)
``404.html``                       ``404.html``            not found
``sitemap.xml``, ``robots.txt``    :mod:`.sitemap`
=================================  ======================  ===================================

Pelican itself renders ``content/pages/*.md`` (``page.html``) and copies ``theme/static/``.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import queue
import threading
from functools import partial
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from antarkerja import jsonld, model, sitemap, urls
from antarkerja.build import BuildFailed, resolve_today
from antarkerja.diagnostics import summary
from antarkerja.outputs import OutputContext, Page, families
from antarkerja.paginate import paginate
from antarkerja.present import strip_bidi
from antarkerja.reference import load_reference
from antarkerja.validate import RepositoryValidator


def _search_module():
    try:
        from antarkerja import search
    except ImportError:  # pragma: no cover - the search module is another engineer's
        return None
    return search


def validation_failure(result) -> str:
    lines = ["Situs tidak dibangun: data tidak valid. Perbaiki kesalahan berikut:"]
    lines += [d.format() for d in result.errors]
    lines.append(summary(result.errors, result.files))
    return "\n".join(lines)


class PageWriter:
    """Writes files on a background thread, so disk waits overlap with rendering.

    The queue is bounded: at most ``backlog`` rendered pages wait in memory, whatever the
    size of the site. The first error stops writing and is raised by :meth:`put`/:meth:`close`.
    """

    def __init__(self, output: Path, backlog: int = 256):
        self.output = Path(output)
        self.queue: queue.Queue = queue.Queue(maxsize=backlog)
        self.error: BaseException | None = None
        self.dirs: set[Path] = set()
        self.thread = threading.Thread(target=self._run, name="antarkerja-writer", daemon=True)
        self.thread.start()

    def _run(self):
        while True:
            item = self.queue.get()
            if item is None:
                return
            if self.error is not None:
                continue
            rel_path, data = item
            try:
                path = self.output / rel_path
                if path.parent not in self.dirs:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    self.dirs.add(path.parent)
                path.write_bytes(data)
            except BaseException as exc:  # re-raised on the rendering thread
                self.error = exc

    def put(self, rel_path: str, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((rel_path, data))

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


class VacancyWorker:
    """A forked process writing some vacancy pages from the parent's model (copy-on-write)."""

    def __init__(self, generator: AntarKerjaGenerator, vacancies: list):
        ctx = multiprocessing.get_context("fork")
        self.receive, send = ctx.Pipe(duplex=False)
        self.process = ctx.Process(
            target=self._run, args=(generator, vacancies, send), name="antarkerja-pages", daemon=True
        )
        self.process.start()
        send.close()

    @staticmethod
    def _run(generator, vacancies, send):
        try:
            generator.writer = PageWriter(Path(generator.output_path))
            try:
                generator.write_vacancy_pages(vacancies)
            finally:
                generator.writer.close()
            send.send(None)
        except BaseException as exc:  # reported by the parent as a build failure
            send.send(f"{type(exc).__name__}: {exc}")

    def finish(self) -> str | None:
        """Wait for the worker; its error message, or None when all its pages are written."""
        try:
            message = self.receive.recv()
        except EOFError:
            message = "proses penulis halaman berhenti tanpa kabar"
        self.process.join()
        if message is None and self.process.exitcode != 0:
            message = f"proses penulis halaman keluar dengan kode {self.process.exitcode}"
        return message


class AntarKerjaGenerator(Generator):
    """Validates records, builds :class:`antarkerja.model.Site`, writes its pages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.root = Path(self.settings.get("ANTARKERJA_ROOT") or Path(self.path).parent)
        self.siteurl = self.settings.get("SITEURL", "").rstrip("/")
        self.site: model.Site | None = None
        self.content_pages: list = []  # Pelican's pages, set by the plugin once they are read
        self.writer: PageWriter | None = None
        self._cards: dict[str, Markup] = {}
        # One build, templates never change during it: skip Jinja's per-lookup mtime check.
        self.env.auto_reload = False

    # Context -------------------------------------------------------------------------
    def generate_context(self):
        today = resolve_today(self.settings.get("ANTARKERJA_TODAY"))
        ref = load_reference(self.root)
        result = RepositoryValidator(self.root, ref).run()
        if result.errors:
            raise BuildFailed(validation_failure(result))
        vacancy_records = [loaded.data for loaded in result.vacancies]
        office_records = [loaded.data for loaded in result.offices]
        del result  # line marks of every value: not needed once the records are valid
        self.site = model.build_site(vacancy_records, office_records, ref, today)
        self.env.globals.update(self.template_globals())
        self.context["antarkerja_site"] = self.site

    def template_globals(self) -> dict:
        """What every template (ours, Pelican's pages, the search page) can use."""
        s = self.settings
        search = _search_module()
        values = dict(getattr(search, "JINJA_GLOBALS", {})) if search else {}
        values.update(
            SITEURL=self.siteurl,
            SITENAME=s.get("SITENAME", "Antar Kerja"),
            SITE_TAGLINE=s.get("SITE_TAGLINE", ""),
            COMPLAINT_PHONE=s.get("COMPLAINT_PHONE", "1500 630"),
            REPORT_ISSUE_URL=s.get("REPORT_ISSUE_URL", ""),
            ASSET_VERSION=self.asset_version(),
            site=self.site,
            today=self.site.today,
            tanggal=model.tanggal,
            rupiah=model.rupiah,
            search_link=partial(search.search_link, self.siteurl) if search else None,
            cached_card=self.cached_card,
            url=urls.url,
            FILTERS=getattr(search, "FILTERS", {}) if search else {},
            FOOTER_PAGES=[],
        )
        return values

    def asset_version(self) -> str:
        """A short hash of the theme's CSS and JS, so browsers may cache them for a long time."""
        digest = hashlib.sha256()
        for name in ("css/site.css", "css/print.css", "js/site.js"):
            path = Path(self.theme) / "static" / name
            if path.is_file():
                digest.update(path.read_bytes())
        return digest.hexdigest()[:10]

    def cached_card(self, v) -> Markup:
        """The ``vacancy_card`` macro, rendered once per vacancy and reused by every listing
        it appears in (home, all vacancies, province, regency, office)."""
        card = self._cards.get(v.id)
        if card is None:
            card = self._cards[v.id] = self.env.get_template("macros.html").module.vacancy_card(v, 3)
        return card

    def set_content_pages(self, pages) -> None:
        """Pelican's Markdown pages, in their ``Order`` (footer links, sitemap)."""
        self.content_pages = [p for p in pages if getattr(p, "status", "published") == "published"]
        self.env.globals["FOOTER_PAGES"] = [(p.title, p.url) for p in self.content_pages]

    # Output --------------------------------------------------------------------------
    def write(self, rel_path: str, text: str) -> None:
        # No bidi override from any record reaches a page (see antarkerja.present).
        self.writer.put(rel_path, strip_bidi(text).encode("utf-8"))

    def render(self, template: str, rel_path: str, **values) -> None:
        self.write(rel_path, self.get_template(template).render(values))

    def render_listing(self, template: str, items: list, base_url: str, **values) -> None:
        per_page = int(self.settings.get("LISTING_PER_PAGE", 20))
        tpl = self.get_template(template)
        for pager in paginate(items, base_url, per_page):
            page_values = dict(values, pager=pager, vacancies=pager.items, page_url=pager.page_url)
            self.write(pager.page_url + "index.html", tpl.render(page_values))

    def generate_output(self, writer):
        # Workers fork before this process starts its writer thread (fork copies one thread).
        mine, workers = self.share_vacancy_pages()
        self.writer = PageWriter(Path(self.output_path))
        try:
            self.write_vacancy_pages(mine)
            self.write_other_pages()
        finally:
            self.writer.close()
            failures = [message for message in (w.finish() for w in workers) if message]
        if failures:
            raise BuildFailed("Halaman lowongan gagal ditulis:\n" + "\n".join(failures))

    # Parallel vacancy pages ----------------------------------------------------------
    def worker_count(self) -> int:
        """Processes for vacancy pages: one per CPU for big sites, else just this one.

        ``ANTARKERJA_JOBS`` (environment or setting) overrides; otherwise sites under
        ``PARALLEL_FROM`` vacancies (2,000) never fork, so ``antarkerja serve`` on sample
        data runs in one process.
        """
        if "fork" not in multiprocessing.get_all_start_methods():
            return 1
        wanted = os.environ.get("ANTARKERJA_JOBS") or self.settings.get("ANTARKERJA_JOBS")
        if wanted:
            return max(1, min(int(wanted), len(self.site.vacancies)))
        if len(self.site.vacancies) < int(self.settings.get("PARALLEL_FROM", 2000)):
            return 1
        return max(1, os.cpu_count() or 1)

    def share_vacancy_pages(self) -> tuple[list, list]:
        """This process's vacancy pages, and the forked workers writing the others.

        Work is counted in pages: this process also writes every listing page, so it takes
        fewer vacancy pages. Page contents do not depend on who writes them.
        """
        vacancies = self.site.vacancies
        workers = self.worker_count()
        if workers == 1:
            return vacancies, []
        per_page = int(self.settings.get("LISTING_PER_PAGE", 20))
        lists = [
            self.site.open_vacancies,
            *(r.vacancies for r in (*self.site.provinces, *self.site.regencies)),
            *(o.open_vacancies for o in self.site.offices),
        ]
        listing_pages = sum(max(1, -(-len(items) // per_page)) for items in lists)
        fair = (len(vacancies) + listing_pages) // workers
        mine = max(0, min(len(vacancies), fair - listing_pages))
        rest = vacancies[mine:]
        if not rest:
            return vacancies, []
        size = -(-len(rest) // (workers - 1))
        forked = [VacancyWorker(self, rest[i : i + size]) for i in range(0, len(rest), size)]
        return vacancies[:mine], forked

    def write_vacancy_pages(self, vacancies) -> None:
        siteurl, sitename = self.siteurl, self.settings.get("SITENAME", "Antar Kerja")
        vacancy_tpl = self.get_template("vacancy")
        for v in vacancies:
            # Sanitize every description before pages flow to the writer thread: nh3 drops
            # the GIL, and with the writer busy each call waited for it (3 s at 10,000).
            v.description_html  # noqa: B018 (cached property)
        for v in vacancies:
            data = jsonld.script_json(jsonld.job_posting(v, siteurl, sitename)) if v.is_open else None
            self.write(v.url + "index.html", vacancy_tpl.render(vacancy=v, page_url=v.url, jsonld=data))

    def write_other_pages(self):
        site = self.site
        s = self.settings
        siteurl, sitename = self.siteurl, s.get("SITENAME", "Antar Kerja")
        soon_days = int(s.get("CLOSING_SOON_DAYS", 14))
        closing = [v for v in site.closing_soon[: int(s.get("HOME_CLOSING_SOON", 5))] if v.days_left <= soon_days]
        self.render(
            "home",
            "index.html",
            page_url="",
            latest=site.open_vacancies[: int(s.get("HOME_LATEST", 10))],
            closing=closing,
            jsonld=jsonld.script_json(jsonld.website(siteurl, sitename)),
        )
        self.render_listing("vacancies", site.open_vacancies, "lowongan/")

        self.render("provinces", "provinsi/index.html", page_url="provinsi/")
        for region in (*site.provinces, *site.regencies):
            self.render_listing("region", region.vacancies, region.url, region=region)

        self.render("offices", "kantor/index.html", page_url="kantor/", groups=self.offices_by_province())
        for office in site.offices:
            data = jsonld.script_json(jsonld.government_office(office, siteurl))
            self.render_listing("office", office.open_vacancies, office.url, office=office, jsonld=data)

        search = _search_module()
        search_path = getattr(search, "SEARCH_PATH", "cari/") if search else "cari/"
        self.render("search", search_path + "index.html", page_url=search_path)
        self.render("404", "404.html", page_url="404.html")
        self.write_families()

        pages = [(p.url, self.page_date(p)) for p in self.content_pages]
        for name, text in sitemap.render(siteurl, sitemap.entries(site, pages, search_path)).items():
            self.write(name, text)
        self.write("robots.txt", sitemap.robots(siteurl))

    def write_families(self) -> None:
        """Every output family's pages and files (see :mod:`antarkerja.outputs`)."""
        ctx = OutputContext(
            siteurl=self.siteurl,
            sitename=self.settings.get("SITENAME", "Antar Kerja"),
            settings=self.settings,
            content_pages=self.content_pages,
        )
        for family in families():
            for item in family(self.site, ctx):
                if isinstance(item, Page):
                    self.render(item.template, item.path, **item.context)
                else:
                    data = item.data.encode("utf-8") if isinstance(item.data, str) else item.data
                    self.writer.put(item.path, data)

    def offices_by_province(self) -> list[tuple]:
        return [(p, p.offices) for p in self.site.provinces if p.offices]

    @staticmethod
    def page_date(page):
        for attr in ("modified", "date"):
            value = getattr(page, attr, None)
            if value is not None and hasattr(value, "date"):
                return value.date()
        return None
