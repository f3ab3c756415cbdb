from __future__ import annotations

import jinja2
import pytest

from antarkerja.site.templating import DedentLoader


def test_template_indentation_never_reaches_the_page():
    loader = DedentLoader(jinja2.DictLoader({"t.html": "<ul>\n    <li>{{ x }}</li>\n\t<li>b</li>\n</ul>\n"}))
    env = jinja2.Environment(loader=loader, autoescape=True)
    assert env.get_template("t.html").render(x="  a  ") == "<ul>\n<li>  a  </li>\n<li>b</li>\n</ul>"
    assert loader.list_templates() == ["t.html"]


def test_templates_compiled_once_per_process_follow_edits_and_options():
    """The process's compiled templates (serve and the tests build many times): a second
    environment takes the kept code instead of compiling, an edited template is compiled
    again, and an environment with other syntax options never gets another's code."""
    from antarkerja.site.templating import ProcessBytecodeCache

    kept = ProcessBytecodeCache()
    sources = {"t.html": "{% if x %}\n  {{ x }}\n{% endif %}\n"}
    compiled = []

    def env(**options):
        e = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=kept, **options)
        real = e.compile
        e.compile = lambda *a, **k: compiled.append(a[1]) or real(*a, **k)
        return e

    assert env(trim_blocks=True).get_template("t.html").render(x="a") == "  a\n"
    assert env(trim_blocks=True).get_template("t.html").render(x="a") == "  a\n"
    assert compiled == ["t.html"]  # the second environment took the kept code
    assert env().get_template("t.html").render(x="a") == "\n  a\n"  # other options: its own code
    sources["t.html"] = "{% if x %}\n  <b>{{ x }}</b>\n{% endif %}\n"
    assert env(trim_blocks=True).get_template("t.html").render(x="a") == "  <b>a</b>\n"
    assert compiled == ["t.html"] * 3


def test_imported_macros_see_the_globals_jinja_gives_them():
    """The build's environment answers Jinja's per-import question about global names with
    set operations (:class:`TemplateGlobals`). An imported macro must still see a global
    only its importer has (the new module Jinja makes then), and a global added to the
    environment after the templates were loaded (the build adds some once the model exists)."""
    from collections import ChainMap

    from antarkerja.site.templating import TemplateGlobals, use_fast_globals

    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {
                "m.html": "{% macro hi() %}{{ greeting }} {{ only_page|default('-') }}{% endmacro %}",
                "p.html": '{% import "m.html" as m %}{{ m.hi() }}',
            }
        )
    )
    use_fast_globals(env)
    page = env.get_template("p.html", globals={"only_page": "halaman"})
    assert isinstance(page.globals, TemplateGlobals)
    env.globals["greeting"] = "halo"  # after loading
    assert page.render() == "halo halaman"
    assert env.get_template("m.html").module.hi() == "halo -"

    names = {"a", "b", "c", "range", "zzz"}
    own, shared = {"a": 1}, {"b": 2, "range": range}
    assert names - TemplateGlobals(own, shared).keys() == names - ChainMap(own, shared).keys() == {"c", "zzz"}


def test_what_a_template_reads_is_kept_per_source_and_follows_edits():
    """The render cache's keys name every template and global a page reads. That analysis is
    kept per template source (a parse cost 1.2 s of every cached build), so an edited
    template, or one under other syntax options, must be read again."""
    from antarkerja.site.cache import Uncacheable, template_reads

    sources = {
        "page.html": "{% extends 'base.html' %}{% block b %}{{ title }}{% endblock %}",
        "base.html": "{% block b %}{% endblock %}{{ site }}",
    }

    def env(**options):
        return jinja2.Environment(loader=jinja2.DictLoader(sources), **options)

    read, names = template_reads(env(), "page.html")
    assert set(read) == {"page.html", "base.html"} and names == {"title", "site"}
    assert template_reads(env(), "page.html")[1] == {"title", "site"}  # kept: the same answer
    sources["base.html"] = "{% block b %}{% endblock %}{{ site }}{{ today }}"
    assert template_reads(env(), "page.html")[1] == {"title", "site", "today"}
    # The same text under other delimiters reads nothing: "{{ title }}" is plain text there.
    assert template_reads(env(variable_start_string="[[", variable_end_string="]]"), "base.html")[1] == set()
    sources["page.html"] = "{% include name %}"
    with pytest.raises(Uncacheable):  # a template named by an expression is never cached
        template_reads(env(), "page.html")
