from __future__ import annotations

from antarkerja.assets import asset_version


def test_asset_version_changes_with_the_file(tmp_path):
    (tmp_path / "css").mkdir()
    css = tmp_path / "css" / "site.css"
    css.write_text("a{}")
    first = asset_version(("css/site.css",), tmp_path)
    css.write_text("b{}")
    asset_version.cache_clear()
    second = asset_version(("css/site.css",), tmp_path)
    assert first != second and len(first) == 10
