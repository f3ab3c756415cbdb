from __future__ import annotations

import subprocess

import pytest
from support import node

from antarkerja.paths import theme_static_dir
from antarkerja.site.assets import INLINE_MAX, asset_version, inline_css, minify_theme_scripts


def test_asset_version_changes_with_the_file(tmp_path):
    (tmp_path / "css").mkdir()
    css = tmp_path / "css" / "site.css"
    css.write_text("a{}")
    first = asset_version(("css/site.css",), tmp_path)
    css.write_text("b{}")
    asset_version.cache_clear()
    second = asset_version(("css/site.css",), tmp_path)
    assert first != second and len(first) == 10


def test_inline_css_keeps_the_rules_and_drops_comments(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "a.css").write_text("/* about */\n.a{color:red}\n/* more */ .b{margin:0}\n")
    assert str(inline_css("css/a.css", tmp_path)) == ".a{color:red}\n .b{margin:0}"


@pytest.mark.parametrize(
    "text, message",
    [("a{}" + " " * INLINE_MAX, "over"), ('a::after{content:"</style><script>"}', "</"), ("<!-- a{}", "<!--")],
)
def test_inline_css_refuses_a_large_file_or_text_that_ends_the_style_element(tmp_path, text, message):
    (tmp_path / "big.css").write_text(text.replace(" " * INLINE_MAX, "b{}" * INLINE_MAX))
    with pytest.raises(ValueError, match=message):
        inline_css("big.css", tmp_path)


def test_the_search_page_stylesheet_is_small_enough_to_inline():
    assert ".cari-hasil" in inline_css("css/search.css")


def test_theme_scripts_reach_the_site_minified_and_still_parse(fixture_site):
    """What a phone downloads: each theme script smaller, valid JavaScript, its strings intact;
    the source stays readable and the scripts the build writes itself keep their settings."""
    source = theme_static_dir() / "js"
    for script in sorted(source.glob("*.js")):
        built = (fixture_site / "theme" / "js" / script.name).read_text(encoding="utf-8")
        text = script.read_text(encoding="utf-8")
        assert len(built) < len(text) * 0.9, script.name
        assert "\n  " in text and "\n  " not in built.split("`")[0], script.name  # indentation gone
        module = script.name == "search.js"  # an ES module (type="module" on its page)
        check = subprocess.run(
            [node(), "--input-type=module" if module else "--input-type=commonjs", "--check"],
            input=built,
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, (script.name, check.stderr)
    search = (fixture_site / "theme" / "js" / "search.js").read_text(encoding="utf-8")
    assert "Pilih provinsi" in search or "provinsi" in search  # wording survives
    widget = (fixture_site / "theme" / "js" / "sematan.js").read_text(encoding="utf-8")
    assert "\nconst SETTINGS = " in widget or "  const SETTINGS = " in widget  # built scripts untouched


def test_minifying_keeps_template_literals_and_regular_expressions(tmp_path):
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "a.js").write_text(
        "// note\nconst a = `line one\n   two // not a comment ${x + 1}`;\nconst r = /a\\/\\/b/g; // c\n"
    )
    out = tmp_path / "site"
    (out / "theme" / "js").mkdir(parents=True)
    (out / "theme" / "js" / "a.js").write_text("copied by Pelican")
    assert minify_theme_scripts(out, static=tmp_path) == 1
    assert (out / "theme" / "js" / "a.js").read_text() == (
        "const a=`line one\n   two // not a comment ${x + 1}`;const r=/a\\/\\/b/g;\n"
    )
    assert (tmp_path / "js" / "a.js").read_text().startswith("// note")  # the source is not touched
