"""The Pelican generator: validates records, builds the model, and writes every output family.

``generate_context`` reads and validates every record once (the validator's loader, so the
site shows exactly what the validator accepted) and builds the model; any error stops the
build with the validator's messages before anything is written. ``generate_output`` asks
each output family (:mod:`antarkerja.site.outputs`) what it writes, renders pages with compiled
Jinja templates and hands the bytes to the writer (:mod:`antarkerja.site.writer`): with thousands
of vacancy pages, Pelican's per-file writer (and its URL rewriting) costs more than rendering.

Speed, for 10,000 or 100,000 vacancies: every template is compiled once; each vacancy's
Markdown, JSON-LD and listing card are made once (the card is reused by every listing it
appears in); files are written by a background thread while the next page renders; and on
big sites (:data:`antarkerja.parallel.PAGES_PARALLEL_FROM` vacancies) forked workers write a
share of the vacancy pages each, on the other CPUs, and one more writes the families of
:data:`antarkerja.site.outputs.families.SIDE_BY_SIDE` beside this process.
"""

from __future__ import annotations

import gc
from functools import cached_property, partial
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from antarkerja.errors import BuildFailed
from antarkerja.parallel import PAGES_PARALLEL_FROM, worker_count
from antarkerja.present import strip_bidi
from antarkerja.records.diagnostics import summary
from antarkerja.records.validate import RepositoryValidator, paused_gc
from antarkerja.reference import load_reference
from antarkerja.site import cache, model, search
from antarkerja.site import writer as site_writer
from antarkerja.site.outputs import OutputContext, Page, pages
from antarkerja.site.outputs.families import SIDE_BY_SIDE, TIMES, families
from antarkerja.site.outputs.quality import warnings_by_vacancy
from antarkerja.site.synonyms import load_synonyms, synonym_words
from antarkerja.site.templating import TEMPLATE_CODE, base_globals, use_fast_globals
from antarkerja.site.writer import ForkedWorker, PageWriter, finish_all
from antarkerja.today import resolve as resolve_today
from antarkerja.urls import save_as

VACANCY_PAGES = "pages (halaman lowongan)"  # the family name of vacancy pages in collision messages

# Template globals whose output is a function of their arguments, the code and the theme
# (all in a page's key): the render cache need not know more of them. Any other global a
# keyed template reads is keyed by its value, or, without a stable value, turns the render
# cache off for that template (cache.template_reads, PageKeys).
PURE_GLOBALS = frozenset(
    {
        "url",
        "asset_url",
        "inline_css",
        "tanggal",
        "rupiah",
        "days_left_text",
        "posted_ago_text",
        "cached_card",
        "service_url",
        "pagefind_filters",
        "pagefind_sorts",
        "pagefind_meta",
        "similar_search_link",
        "range",
        "dict",
        "lipsum",
        "cycler",
        "joiner",
        "namespace",
    }
)


class PageKeys:
    """Keys of one template's pages for the render cache (:class:`antarkerja.site.cache.PageMemo`).

    A key holds the code, the theme (templates and static files, which asset URLs hash), the
    reference data, the templates the page is made of, the value of every template global
    they read, the page's context, and ``reads(context, globals)``: what the page
    reaches through the model beyond its context. :class:`antarkerja.site.cache.Uncacheable`
    when a global the templates read has no stable value and is not declared pure or covered.
    """

    def __init__(self, generator: AntarKerjaGenerator, template: str, covered: frozenset, reads, forms: dict):
        env = generator.env
        self.globals = env.globals
        self.reads = reads
        self.template = template
        self.models = generator.models
        # The stable form of each model object, made once per build and shared by every
        # template's keys (a vacancy's page and its notice read the same record).
        self.forms = forms
        sources, names = cache.template_reads(env, generator.template(template).name)
        values = []
        for name in sorted(names - covered - PURE_GLOBALS):
            if name in env.globals:
                try:
                    values.append((name, cache.stable(env.globals[name], pages.MODELS)))
                except cache.Uncacheable as exc:
                    raise cache.Uncacheable(f"templat {template} membaca `{name}` ({exc})") from None
        theme = Path(generator.settings.get("THEME") or ".")
        # What every page of the template shares, as one digest: written out in each key, its
        # form was most of the text hashed per page (200,000 keys at 100,000 vacancies).
        self.shared = cache.page_key(
            cache.FORMAT,
            cache.code_hash(),
            cache.folder_digest(theme),
            cache.folder_digest(generator.root / "content" / "reference"),
            sorted((n, cache.digest(src.encode())) for n, src in sources.items()),
            values,
        )

    def key(self, page: Page) -> str | None:
        try:
            return cache.page_key(
                self.shared,
                page.path,
                cache.stable(page.context, self.models, self.forms, pages.LASTING),
                cache.stable(self.reads(page.context, self.globals), self.models, self.forms, pages.LASTING),
            )
        except cache.Uncacheable:
            return None  # rendered; a page's own value with no stable form only costs time


def validation_failure(result) -> str:
    lines = ["Situs tidak dibangun: data tidak valid. Perbaiki kesalahan berikut:"]
    lines += [d.format() for d in result.errors]
    lines.append(summary(result.errors, result.files))
    return "\n".join(lines)


class AntarKerjaGenerator(Generator):
    """Validates records, builds :class:`antarkerja.site.model.Site`, writes its pages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.root = Path(self.settings.get("ANTARKERJA_ROOT") or Path(self.path).parent)
        self.siteurl = self.settings.get("SITEURL", "").rstrip("/")
        self.site: model.Site | None = None
        self.content_pages: list = []  # Pelican's pages, set by the plugin once they are read
        self.writer: PageWriter | None = None
        self._cards: dict[str, Markup] = {}
        self.page_memo: cache.PageMemo | None = None
        self.page_keys: dict[str, PageKeys] = {}  # template -> keys of its pages (the render cache)
        self.models = pages.MODELS  # stable forms of model objects in page keys (see generate_context)
        # One build, templates never change during it: skip Jinja's per-lookup mtime check.
        self.env.auto_reload = False
        self.env.bytecode_cache = TEMPLATE_CODE  # compiled once per process (serve, tests)
        use_fast_globals(self.env)  # every {% import %} checks the globals' names

    # Context -------------------------------------------------------------------------
    def generate_context(self):
        today = resolve_today(self.settings.get("ANTARKERJA_TODAY"))
        ref = load_reference(self.root)
        self.synonyms = load_synonyms(self.root)  # a malformed list stops the build with its lines
        build_cache = cache.ACTIVE
        memo = build_cache.record_memo(self.root, today) if build_cache is not None else None
        result = RepositoryValidator(self.root, ref, today, memo=memo).run()
        if build_cache is not None:  # before the model is built from the records (it may annotate them)
            build_cache.save_records(self.root)
        # A vacancy's record in page keys: its file's digest, where the records cache has it.
        self.models = {
            **pages.MODELS,
            model.Vacancy: partial(pages.vacancy_state, sources=memo.sources() if memo else None),
        }
        if result.errors:
            raise BuildFailed(validation_failure(result))
        vacancy_records = [loaded.data for loaded in result.vacancies]
        office_records = [loaded.data for loaded in result.offices]
        warnings = warnings_by_vacancy(result)  # for the data-quality pages
        del result  # line marks of every value: not needed once the records are valid
        with paused_gc():  # long-lived objects only: collections would walk all records each time
            self.site = model.build_site(vacancy_records, office_records, ref, today)
        self.site.warnings = warnings
        self.env.globals.update(self.template_globals())
        self.context["antarkerja_site"] = self.site

    def template_globals(self) -> dict:
        """What every template (ours, Pelican's pages, the search page) can use."""
        s = self.settings
        values = dict(search.JINJA_GLOBALS)
        values.update(
            SITEURL=self.siteurl,
            SITENAME=s.get("SITENAME", "Antar Kerja"),
            SITE_TAGLINE=s.get("SITE_TAGLINE", ""),
            COMPLAINT_PHONE=s.get("COMPLAINT_PHONE", "1500 630"),
            REPORT_ISSUE_URL=s.get("REPORT_ISSUE_URL", ""),
            site=self.site,
            today=self.site.today,
            search_link=partial(search.search_link, self.siteurl),
            cached_card=self.cached_card,
            synonym_words=partial(synonym_words, self.synonyms),
            **base_globals(),
            FILTERS=search.FILTERS,
            FOOTER_PAGES=[],
        )
        return values

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
    def output_context(self) -> OutputContext:
        return OutputContext(
            siteurl=self.siteurl,
            sitename=self.settings.get("SITENAME", "Antar Kerja"),
            settings=self.settings,
            content_pages=self.content_pages,
            synonyms=self.synonyms,
        )

    def generate_output(self, writer):
        ctx = self.output_context()
        # The records and the model live until the end of the build. Frozen, the cyclic
        # collector no longer walks them again and again while pages are rendered, and
        # forked workers (vacancy pages, QR codes) do not touch, and so copy, every inherited
        # object when they collect: both grew with the number of vacancies.
        gc.freeze()
        self.start_render_cache()
        # Workers fork before this process starts its writer thread (fork copies one thread).
        mine, workers = self.share_vacancy_pages(ctx)
        side = self.fork_families(ctx) if workers else None  # a big site on several cores
        forked = [*workers, side] if side else workers
        self.writer = PageWriter(Path(self.output_path), previous=self.previous_output, sparse=self.in_place)
        try:
            # The workers' pages are claimed here too, so a family cannot overwrite one of them.
            for v in self.site.vacancies[len(mine) :] if workers else ():
                self.writer.claim(save_as("vacancy", id=v.id), VACANCY_PAGES)
            self.write_vacancy_pages(mine, ctx)
            for name, family in families():
                if side is None or name not in SIDE_BY_SIDE:
                    self.write_items(family(self.site, ctx), name)
        finally:
            self.writer.close()
            failures = finish_all(forked)
            gc.unfreeze()  # a long-running process (``antarkerja serve``) builds again
        if failures:
            raise BuildFailed("Halaman gagal ditulis:\n" + "\n".join(failures))
        if side is not None:
            self.writer.claim_all(side.claimed)  # one file, one family, across processes
            self.take_side_results(side.result)
        self.finish_render_cache(workers)
        self.log_writes(forked)

    def fork_families(self, ctx: OutputContext) -> ForkedWorker:
        """The families of :data:`SIDE_BY_SIDE`, written by a second process while this one
        writes the others (on a re-run at 100,000 vacancies, 70 s of 137)."""

        def job(writer: PageWriter):
            self.writer = writer
            TIMES.clear()
            for name, family in families():
                if name in SIDE_BY_SIDE:
                    self.write_items(family(self.site, ctx), name)
            texts = cache.ACTIVE.texts if cache.ACTIVE is not None else None
            return (
                self.page_memo.share() if self.page_memo is not None else None,
                texts.share() if texts is not None else None,
                dict(TIMES),
            )

        # Not a daemon: printable notices make missing QR codes in workers of their own.
        return ForkedWorker(
            Path(self.output_path), job, "antarkerja-families", self.previous_output, daemon=False, sparse=self.in_place
        )

    def take_side_results(self, result) -> None:
        """What the families' process found (render cache and derived texts) and how long each
        family took, as if this process had written them."""
        pages_found, texts_found, times = result
        if pages_found and self.page_memo is not None:
            self.page_memo.merge(*pages_found)
        texts = cache.ACTIVE.texts if cache.ACTIVE is not None else None
        if texts_found and texts is not None:
            texts.merge(*texts_found)
        TIMES.update(times)

    def log_writes(self, workers: list) -> None:
        """Tell the build what the writers linked and wrote (:class:`antarkerja.site.writer.WriteLog`),
        so that it does not compare those files again."""
        log = site_writer.LOG
        if log is None or log.output != Path(self.output_path) or log.previous != self.previous_output:
            return
        log.add(self.writer.linked, self.writer.written)
        for worker in workers:
            log.add(*worker.files)

    # Render cache --------------------------------------------------------------------
    def start_render_cache(self) -> None:
        """The render cache of this build (:class:`antarkerja.site.cache.PageMemo`), when the
        build has a cache folder; vacancy pages are keyed by :class:`PageKeys`."""
        build_cache = cache.ACTIVE
        self.page_memo, self.page_keys = None, {}
        if build_cache is None or not build_cache.enabled:
            return
        build_cache.pages_saved = None  # this build's record only (cache.BuildCache.index_digest)
        build_cache.text_memo(self.root)  # the feeds' summaries (feeds.summary_of)
        forms: dict[int, tuple] = {}
        for template, (what, covered, reads) in pages.KEYED.items():
            try:
                self.page_keys[template] = PageKeys(self, template, covered, reads, forms)
            except cache.Uncacheable as exc:
                build_cache.note(f"cache {what} tidak dipakai: {exc}; semua halamannya dirender")
        if self.page_keys:
            self.page_memo = build_cache.page_memo(self.root)

    def finish_render_cache(self, workers: list) -> None:
        build_cache = cache.ACTIVE
        if build_cache is not None:
            build_cache.save_texts(self.root)
        if self.page_memo is None or build_cache is None:
            return
        for worker in workers:
            if worker.result:
                self.page_memo.merge(*worker.result)
        build_cache.save_pages(self.root, self.page_memo)
        build_cache.page_hits, build_cache.page_misses = self.page_memo.hits, self.page_memo.misses

    def write_vacancy_pages(self, vacancies: list, ctx: OutputContext) -> None:
        """Vacancy pages: each one whose key and previous file match the render cache is
        linked from the previous output; the others are rendered."""
        todo = [page for page in pages.vacancy_pages(vacancies, ctx) if not self.kept(page, VACANCY_PAGES)]
        for page in todo:
            pages.prepare_vacancy(page.context["vacancy"])
        for page in todo:
            self.writer.put(page.path, self.render(page), VACANCY_PAGES)

    def kept(self, page: Page, family: str) -> bool:
        """True when the render cache keeps ``page`` (the writer links the previous file)."""
        keys = self.page_keys.get(page.template)
        if keys is None or self.page_memo is None:
            return False
        key = keys.key(page)
        if key is None:
            return False
        if self.page_memo.reusable(page.path, key, self.previous_output):
            self.writer.keep(page.path, family)
            return True
        self.page_memo.expect(page.path, key)
        return False

    def write_items(self, items, family: str = "?") -> None:
        """Render each :class:`Page`, encode each :class:`File`, and queue it for writing.

        No bidirectional override from any record reaches a file (see antarkerja.present).
        """
        for item in items:
            if isinstance(item, Page):
                if self.kept(item, family):
                    continue
                data = self.render(item)
            else:
                data = strip_bidi(item.data).encode("utf-8") if isinstance(item.data, str) else item.data
            self.writer.put(item.path, data, family)

    def render(self, page: Page) -> bytes:
        context = {k: v.value() if isinstance(v, pages.Lazy) else v for k, v in page.context.items()}
        data = strip_bidi(self.template(page.template).render(context)).encode("utf-8")
        if self.page_memo is not None:
            self.page_memo.rendered(page.path, data)  # recorded with its key, when it has one
        return data

    def template(self, name: str):
        """A theme template: ``vacancy`` means vacancy.html; names with an extension
        (``feeds/atom.xml``) are taken as they are."""
        if "." in name.rsplit("/", 1)[-1]:
            return self.env.get_template(name)
        return self.get_template(name)

    def share_vacancy_pages(self, ctx: OutputContext) -> tuple[list, list]:
        """This process's vacancy pages, and the forked workers writing the others.

        Work is counted in pages: this process also writes every listing page, so it takes
        fewer vacancy pages. Page contents do not depend on who writes them.
        """
        vacancies = self.site.vacancies
        jobs = worker_count(len(vacancies), PAGES_PARALLEL_FROM, self.settings.get("ANTARKERJA_JOBS"))
        if jobs == 1:
            return vacancies, []
        listing_pages = pages.listing_page_count(self.site, ctx)
        fair = (len(vacancies) + listing_pages) // jobs
        mine = max(0, min(len(vacancies), fair - listing_pages))
        rest = vacancies[mine:]
        if not rest:
            return vacancies, []
        size = -(-len(rest) // (jobs - 1))
        forked = [self.fork_vacancy_pages(rest[i : i + size], ctx) for i in range(0, len(rest), size)]
        return vacancies[:mine], forked

    def fork_vacancy_pages(self, vacancies: list, ctx: OutputContext) -> ForkedWorker:
        def job(writer: PageWriter):
            self.writer = writer
            self.write_vacancy_pages(vacancies, ctx)
            memo = self.page_memo  # this process's copy: its entries go back to the parent
            return memo.share() if memo is not None else None

        return ForkedWorker(Path(self.output_path), job, previous=self.previous_output, sparse=self.in_place)

    @cached_property
    def previous_output(self) -> Path | None:
        """The site this build replaces (``antarkerja build`` sets it), whose unchanged files
        the writer links instead of writing again. Looked up once: the render cache asks for
        it for every page."""
        previous = self.settings.get("ANTARKERJA_PREVIOUS_OUTPUT")
        return Path(previous) if previous and Path(previous).is_dir() else None

    @property
    def in_place(self) -> bool:
        """The build publishes into the previous output (antarkerja.site.publish): the writers
        write only new and changed files, and leave every unchanged one where it is."""
        return bool(self.settings.get("ANTARKERJA_IN_PLACE")) and self.previous_output is not None
