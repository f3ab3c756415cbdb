"""What output families share: absolute URLs for local and published builds, JSON that
cannot become markup when inlined, and one open-data licence."""

from __future__ import annotations

import json

from antarkerja.site.outputs import OutputContext
from antarkerja.site.outputs.common import DEFAULT_LICENSE, absolute, absolute_url, dump


def test_urls_are_absolute_when_the_site_has_an_address_and_root_relative_locally():
    published = OutputContext(siteurl="https://lowongan.contoh.id", sitename="x", settings={})
    local = OutputContext(siteurl="", sitename="x", settings={})
    assert absolute(published, "lowongan/kasir/") == "https://lowongan.contoh.id/lowongan/kasir/"
    assert absolute(local, "lowongan/kasir/") == "/lowongan/kasir/"
    assert absolute_url("https://a.id/sub", "") == "https://a.id/sub/"


def test_json_is_compact_and_escapes_what_could_end_a_script():
    text = dump({"judul": "<script>alert(1)</script> & Co", "n": 1})
    assert "<" not in text and ">" not in text and "&" not in text and ": " not in text
    assert json.loads(text) == {"judul": "<script>alert(1)</script> & Co", "n": 1}


def test_the_open_data_licence_names_itself_and_links_its_text():
    assert DEFAULT_LICENSE["name"] == "CC BY 4.0" and DEFAULT_LICENSE["url"].startswith("https://creativecommons.org/")
