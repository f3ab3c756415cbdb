""" "Today": the one date that decides what is open, expired or due, for every command.

``--today`` (a date or TTTT-BB-HH), else the environment variable ``ANTARKERJA_TODAY``, else
the current date in Indonesia's western time zone (WIB, Asia/Jakarta): the date an officer
in Jakarta sees, whatever time zone the machine or the CI runner is set to. A value that is
not a date is refused with one Indonesian message, never replaced quietly by the real date:
a nightly build with a typo must not publish as if it were another day.

The validator, the build, the scaffold, the issue path and the history all ask :func:`resolve`.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

ENV = "ANTARKERJA_TODAY"
ZONE = ZoneInfo("Asia/Jakarta")


class InvalidToday(ValueError):
    """The given "today" is not a date; the message says what to write."""


def resolve(value: str | date | None = None) -> date:
    """``value``, else ``ANTARKERJA_TODAY``, else today's date in WIB."""
    if isinstance(value, date):
        return value
    text = (value or os.environ.get(ENV) or "").strip()
    if not text:
        return datetime.now(ZONE).date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        source = "--today" if value else ENV
        raise InvalidToday(
            f"tanggal hari ini `{text}` ({source}) tidak valid: tulis TTTT-BB-HH, misalnya 2026-11-25"
        ) from None
