"""Antar Kerja: vacancies and labour offices as YAML, validated and built into a static site.

This package is both the command-line tool (``antarkerja``) and the Pelican plugin that
``pelicanconf.py`` loads: :func:`register` connects the site generator to Pelican.
"""

__version__ = "0.1.0"


def register():
    """Pelican entry point; imported lazily so the validator never needs Pelican."""
    from antarkerja.site.pelican_plugin import register as _register

    _register()
