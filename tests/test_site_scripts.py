"""Scripts the build completes (antarkerja.site.scripts): plain files in theme/scripts/ with one
generated settings line: the two service workers and the embeddable widget."""

from __future__ import annotations

import json
import subprocess

import pytest
from support import node

from antarkerja import wording
from antarkerja.site.scripts import built_script, script_settings, scripts_dir

HOSTILE = {"files": ["/a?x=1&y=2", "</script><b>", "satu\u2028dua"], "version": "v'1\""}


def test_the_settings_read_back_the_same_in_python_and_in_node(tmp_path):
    (tmp_path / "w.js").write_text("// a note\n'use strict';\nconsole.log(JSON.stringify(SETTINGS));\n")
    script = built_script("w.js", HOSTILE, folder=tmp_path)
    assert script_settings(script) == HOSTILE
    assert script.startswith("'use strict';\nconst SETTINGS = ")  # the directive stays first, the note stays home
    assert "</" not in script and "&" not in script.split("\n")[1] and "\u2028" not in script
    out = subprocess.run([node(), "-e", script], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == HOSTILE


def test_inside_a_function_the_settings_stay_out_of_the_host_pages_globals(tmp_path):
    source = "/* usage */\n(() => {\n  'use strict';\n  globalThis.seen = SETTINGS.a;\n})();\n"
    (tmp_path / "w.js").write_text(source)
    script = built_script("w.js", {"a": 1}, folder=tmp_path)
    assert script.startswith("/* usage */\n(() => {\n  'use strict';\n  const SETTINGS = {\"a\": 1};\n")
    check = "const SETTINGS = 'the host page owns this name';\n" + script + "console.log(seen, SETTINGS);"
    out = subprocess.run([node(), "-e", check], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "1 the host page owns this name"


def test_a_script_without_its_directive_is_refused(tmp_path):
    (tmp_path / "w.js").write_text("self.x = SETTINGS;\n")
    with pytest.raises(ValueError, match="use strict"):
        built_script("w.js", {}, folder=tmp_path)
    with pytest.raises(ValueError, match="SETTINGS"):
        script_settings("self.x = 1;\n")


@pytest.mark.parametrize("name", ["sw.js", "check-sw.js", "sematan.js"])
def test_the_theme_scripts_are_plain_scripts_with_no_template_syntax(name):
    text = (scripts_dir() / name).read_text(encoding="utf-8")
    assert "{{" not in text and "{%" not in text and "SETTINGS" in text


def test_the_built_scripts_carry_their_settings(fixture_site, read_page):
    site = script_settings((fixture_site / "sw.js").read_text(encoding="utf-8"))
    assert set(site) == {"precache", "version", "offline", "vacancies"} and "/" in site["precache"]
    check = script_settings((fixture_site / "cek-lowongan" / "sw.js").read_text(encoding="utf-8"))
    assert set(check) == {"version", "files"} and "/cek-lowongan/aturan.json" in check["files"]
    widget = (fixture_site / "theme" / "js" / "sematan.js").read_text(encoding="utf-8")
    assert script_settings(widget) == wording.for_scripts()
    # The builder page loads the same file, stamped with its own version.
    src = [s.attrs["src"] for s in read_page(fixture_site, "pasang/").find_all("script") if "sematan" in s.attrs["src"]]
    assert src and src[0].startswith("/theme/js/sematan.js?v=") and not src[0].endswith("?v=e3b0c44298")
