"""The Pelican plugin: adds the Antar Kerja generator and prepares every template environment.

``pelicanconf.py`` lists ``PLUGINS = ["antarkerja"]``; Pelican imports the package and calls
``antarkerja.register()``, which calls :func:`register` here. Vacancies, offices and regions
never go through Pelican's article pipeline (too slow for 100,000 records and blind to our
validator); :class:`~antarkerja.site.generator.AntarKerjaGenerator` reads them and writes their
pages. Pelican still renders ``content/pages/*.md`` with the theme's ``page.html`` and copies
``theme/static/`` to ``theme/`` in the output, where :func:`minify_scripts` then minifies the
theme's scripts.

Pelican keeps signal receivers as weak references, so they are module-level functions.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.contents import Page
from pelican.generators import PagesGenerator

from antarkerja.present import FILTERS
from antarkerja.records.contentpages import sanitize_page
from antarkerja.site.generator import AntarKerjaGenerator
from antarkerja.site.templating import DedentLoader


def prepare_environment(generator) -> None:
    """Every template escapes what it prints (whatever the settings say) and has our filters."""
    env = generator.env
    env.autoescape = True  # templates compile lazily, after this
    env.loader = DedentLoader(env.loader)
    env.filters.update(FILTERS)


def add_generator(pelican):
    return AntarKerjaGenerator


def share_globals(generators) -> None:
    """After every generator has read its content: our globals to all, their pages to us."""
    ours = next((g for g in generators if isinstance(g, AntarKerjaGenerator)), None)
    if ours is None or ours.site is None:
        return
    pages = next((g.pages for g in generators if isinstance(g, PagesGenerator)), [])
    ours.set_content_pages(pages)
    for g in generators:
        if g is not ours:
            g.env.globals.update(ours.env.globals)


def add_feature_globals(generators) -> None:
    """Globals of the JKP, SMK and vacancy-history features (issue #15) for our templates."""
    from antarkerja.site import features

    ours = next((g for g in generators if isinstance(g, AntarKerjaGenerator)), None)
    if ours is not None and ours.site is not None:
        ours.env.globals.update(features.template_globals(ours.site, ours.root))


def sanitize_content_page(content) -> None:
    """Pages come through pull requests too: same sanitizing and bidi stripping as descriptions."""
    if isinstance(content, Page):
        sanitize_page(content)


def minify_scripts(pelican) -> None:
    """After Pelican copied the theme's static files: the scripts as phones download them."""
    from antarkerja.site.assets import minify_theme_scripts

    minify_theme_scripts(Path(pelican.output_path))


def register():
    # generator_init: sent as each generator creates its Jinja environment, before any
    # template is compiled, so autoescaping applies to Pelican's pages as well.
    signals.generator_init.connect(prepare_environment)
    # get_generators: the only way to add a generator; it runs after Pelican's article and
    # page generators (their pages exist when ours renders) and before static files.
    signals.get_generators.connect(add_generator)
    # all_generators_finalized: every generate_context has run (the model exists, Pelican's
    # pages are read) and no output is written yet: the moment to share template globals.
    signals.all_generators_finalized.connect(share_globals)
    signals.all_generators_finalized.connect(add_feature_globals)
    # content_object_init: sent as each page is read, before any template sees it.
    signals.content_object_init.connect(sanitize_content_page)
    # finalized: sent when Pelican has written everything, static files last.
    signals.finalized.connect(minify_scripts)
