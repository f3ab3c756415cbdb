from __future__ import annotations

import pytest

from antarkerja.site.assets import INLINE_MAX, asset_version, inline_css


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
