"""The Jinja environment's loader: templates are indented for people, pages are not.

djhtml indents the theme's templates (``pyproject.toml``); :class:`DedentLoader` strips the
leading whitespace of every template line again before Jinja compiles it, so pages stay as
small as when the templates were written flat. Whitespace that readers see comes from the
records (inserted as values), never from template indentation, so nothing visible changes.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import KeysView

from jinja2 import BaseLoader, BytecodeCache
from jinja2.bccache import Bucket

from antarkerja import urls, wording
from antarkerja.site.assets import asset_url, inline_css

LEADING_SPACE = re.compile(r"^[ \t]+", re.M)


class DedentLoader(BaseLoader):
    """Wraps another loader and removes every line's indentation from the source."""

    def __init__(self, inner: BaseLoader):
        self.inner = inner

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        return LEADING_SPACE.sub("", source), filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()


class ProcessBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process.

    A process that builds more than once (``antarkerja serve`` after each change, the test
    suite hundreds of times) compiled the theme's 50 templates for every build: about half
    of a small site's build. Jinja checks a kept template against its source's checksum, so
    an edited template is compiled again; the key also holds the environment's syntax and
    code-generation options, so an environment set up otherwise never gets another's code.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment, name: str, filename: str | None, source: str) -> Bucket:
        return super().get_bucket(environment, f"{name}\0{compile_options(environment)}", filename, source)

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def compile_options(env) -> str:
    """What, besides the source, decides the code Jinja compiles a template to."""
    return repr(
        (
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            env.autoescape,
            env.finalize,
            sorted(env.extensions),
            type(env.loader).__qualname__,
        )
    )


TEMPLATE_CODE = ProcessBytecodeCache()


class _GlobalNames(KeysView):
    """A template's global names, answering Jinja's question on every ``{% import %}``.

    Each import asks which global names of the importing template the imported one lacks
    (``set - template.globals.keys()``). On Jinja's ChainMap that falls back to
    ``collections.abc``'s generic difference: one Python-level lookup per name (about 45) per
    import, three imports per vacancy page, about 5 % of a full build (a sampling profile at
    10,000 vacancies). The same set, made by C set operations.
    """

    def __rsub__(self, other):
        return set(other).difference(*self._mapping.maps)


class TemplateGlobals(ChainMap):
    """Jinja's template globals (a template's own over the environment's, live, as Jinja
    makes them) whose :meth:`keys` subtract fast (:class:`_GlobalNames`)."""

    def keys(self):
        return _GlobalNames(self)


def use_fast_globals(env) -> None:
    """Templates ``env`` loads from now on get :class:`TemplateGlobals`. Jinja's own
    ``Environment.make_globals``, replaced on this one environment: Pelican makes it."""

    def make_globals(d=None):
        return TemplateGlobals({} if d is None else d, env.globals)

    env.make_globals = make_globals


def base_globals() -> dict:
    """Template globals that need no model: paths and Indonesian wording."""
    return {
        "url": urls.url,
        "asset_url": asset_url,
        "inline_css": inline_css,
        "tanggal": wording.tanggal,
        "rupiah": wording.rupiah,
        "days_left_text": wording.days_left_text,
        "posted_ago_text": wording.posted_ago_text,
        "DEADLINE": wording.DEADLINE,
        "SALARY_UNDISCLOSED": wording.SALARY_UNDISCLOSED,
        "DAY_WORDS": wording.DAY_WORDS,
    }
