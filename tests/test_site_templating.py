from __future__ import annotations

import jinja2

from antarkerja.site.templating import DedentLoader


def test_template_indentation_never_reaches_the_page():
    loader = DedentLoader(jinja2.DictLoader({"t.html": "<ul>\n    <li>{{ x }}</li>\n\t<li>b</li>\n</ul>\n"}))
    env = jinja2.Environment(loader=loader, autoescape=True)
    assert env.get_template("t.html").render(x="  a  ") == "<ul>\n<li>  a  </li>\n<li>b</li>\n</ul>"
    assert loader.list_templates() == ["t.html"]
