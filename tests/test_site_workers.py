"""Service workers: plain scripts in theme/workers/ with one generated settings line."""

from __future__ import annotations

import subprocess

import pytest
from support import node

from antarkerja.site.workers import worker_script, worker_settings, workers_dir

HOSTILE = {"files": ["/a?x=1&y=2", "</script><b>", "satu\u2028dua"], "version": "v'1\""}


def test_the_settings_read_back_the_same_in_python_and_in_node(tmp_path):
    (tmp_path / "w.js").write_text("// a worker\n'use strict';\nconsole.log(JSON.stringify(SETTINGS));\n")
    script = worker_script("w.js", HOSTILE, folder=tmp_path)
    assert worker_settings(script) == HOSTILE
    assert script.startswith("// a worker\n'use strict';\nconst SETTINGS = ")  # the directive stays first
    assert "</" not in script and "&" not in script.split("\n")[2] and "\u2028" not in script
    out = subprocess.run([node(), "-e", script], capture_output=True, text=True, check=True).stdout
    import json

    assert json.loads(out) == HOSTILE


def test_a_worker_without_its_directive_is_refused(tmp_path):
    (tmp_path / "w.js").write_text("self.x = SETTINGS;\n")
    with pytest.raises(ValueError, match="use strict"):
        worker_script("w.js", {}, folder=tmp_path)
    with pytest.raises(ValueError, match="SETTINGS"):
        worker_settings("self.x = 1;\n")


@pytest.mark.parametrize("name", ["sw.js", "check-sw.js"])
def test_the_theme_workers_are_plain_scripts_with_no_template_syntax(name):
    text = (workers_dir() / name).read_text(encoding="utf-8")
    assert "{{" not in text and "{%" not in text and "SETTINGS." in text


def test_the_built_workers_carry_their_settings(fixture_site):
    site = worker_settings((fixture_site / "sw.js").read_text(encoding="utf-8"))
    assert set(site) == {"precache", "version", "offline", "vacancies"} and "/" in site["precache"]
    check = worker_settings((fixture_site / "cek-lowongan" / "sw.js").read_text(encoding="utf-8"))
    assert set(check) == {"version", "files"} and "/cek-lowongan/aturan.json" in check["files"]
