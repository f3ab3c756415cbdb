"""Errors shared across modules, so no module imports another only for its exception."""

from __future__ import annotations


class BuildFailed(Exception):
    """The site cannot be built; the message says why (validator lines, one per problem)."""


class SearchIndexFailed(BuildFailed):
    """Pagefind could not build the index; the message is meant for the person building."""
