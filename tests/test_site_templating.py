from __future__ import annotations

import jinja2

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
