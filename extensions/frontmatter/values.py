"""Pure functions: turn front-matter values, as users write them, into clean Python values.

Values reach us either as YAML gave them (the pre-build scan) or as MyST stored them in the
document (strings; lists, maps and numbers JSON-encoded). Both go through ``decode``.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

from dateutil.parser import parse as parse_date

from .model import Problem

#: Characters in a tag, category or author name (each becomes a page and feed file name).
MAX_NAME = 100

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0", ""}


def decode(value: Any) -> Any:
    """Undo MyST's JSON encoding of non-string front-matter values; leave text as it is."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if (
        text[:1] in "[{"
        or text in ("true", "false", "null")
        or re.fullmatch(r"-?\d+(\.\d+)?", text)
    ):
        try:
            return json.loads(text)
        except ValueError:
            return value
    return value


def as_bool(value: Any, key: str) -> tuple[bool, list[Problem]]:
    """``draft: true``, ``draft: "yes"`` and friends."""
    value = decode(value)
    if isinstance(value, bool):
        return value, []
    if value is None:
        return False, []
    text = str(value).strip().lower()
    if text in _TRUE:
        return True, []
    if text in _FALSE:
        return False, []
    return False, [Problem(key, f"{key!r} should be true or false, not {value!r}; taken as false")]


def as_names(value: Any, key: str) -> tuple[tuple[str, ...], list[Problem]]:
    """A string, a comma-separated string or a list: a tuple of trimmed names, in order.

    Non-string items in a list are reported; numbers are kept as their text, anything
    else (a map, a nested list) is dropped. Duplicates are dropped, the first kept.
    """
    value = decode(value)
    problems: list[Problem] = []
    items: list[str] = []
    if value is None:
        return (), []
    if isinstance(value, str):
        items = [part.strip() for part in value.split(",")]
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                items.append(item.strip())
            elif isinstance(item, bool) or item is None or isinstance(item, (dict, list)):
                problems.append(
                    Problem(key, f"{key!r} holds {item!r}, which is not a name; it is left out")
                )
            else:  # a number: keep its text, but say so
                problems.append(
                    Problem(key, f"{key!r} holds {item!r}, which is not a string; quote it")
                )
                items.append(str(item))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        problems.append(Problem(key, f"{key!r} is {value!r}, not a string; quote it"))
        items = [str(value)]
    else:
        problems.append(Problem(key, f"{key!r} should be a name or a list of names, not {value!r}"))
    seen: dict[str, None] = {}
    for item in items:
        if len(item) > MAX_NAME:
            problems.append(
                Problem(
                    key,
                    f"{key!r} holds a name of {len(item):,} characters (limit {MAX_NAME}); "
                    "it is left out",
                )
            )
        elif item and item not in seen:
            seen[item] = None
    return tuple(seen), problems


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
)

#: Longest date text worth trying to read (anything longer is not a date).
_MAX_DATE_CHARS = 64
#: Two different "missing parts" for dateutil: a date read the same with both named its
#: own year, month and day (so nothing came from the clock or a default).
_PROBES = (datetime(2000, 1, 1), datetime(2001, 2, 2, 1, 1, 1))


def _free_text_date(text: str) -> datetime | None:
    """What ABlog (dateutil) reads: ``June 6, 2025``, ``Jan 8th, 2024``, ``06/06/2025 9:30``.

    Only a text that names the year, the month and the day is a date: dateutil would fill
    missing parts from today (``next tuesday``), which no build may depend on.
    """
    try:
        first, second = (parse_date(text, default=probe) for probe in _PROBES)
    except (ValueError, OverflowError):
        return None
    if first.date() != second.date():
        return None  # some part of the date came from the default, not from the text
    # a part of the time the text did not give differs between the probes: it is zero
    hour, minute, second_ = (
        getattr(first, part) if getattr(first, part) == getattr(second, part) else 0
        for part in ("hour", "minute", "second")
    )
    return first.replace(hour=hour, minute=minute, second=second_, microsecond=0)


def as_datetime(
    value: Any, key: str = "date", zone: tzinfo | None = None, formats: tuple[str, ...] = ()
) -> tuple[datetime | None, list[Problem]]:
    """``YYYY-MM-DD``, ``YYYY-MM-DD HH:MM``, ISO 8601 with or without a timezone, or the free
    text ABlog accepts (``June 6, 2025``).

    ``formats`` (ABlog's ``post_date_format``) are tried first, as ABlog tries them.
    Returns an aware datetime when the text carries a timezone, else a naive one. With
    ``zone`` (the blog's timezone), a date that cannot be placed in both UTC and that zone
    (``0001-01-01T00:00:00+05:00``) is refused: nothing downstream could show or order it.
    """
    value = decode(value)
    if value is None or value == "":
        return None, []
    if isinstance(value, datetime):
        moment: datetime | None = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    else:
        moment = _read_date_text(str(value).strip(), formats)
    if moment is None:
        shown = str(value) if len(str(value)) <= _MAX_DATE_CHARS else str(value)[:60] + "..."
        return None, [
            Problem(
                key,
                f"cannot read {key} {shown!r}: write YYYY-MM-DD, YYYY-MM-DD HH:MM "
                "or ISO 8601 (2024-05-01T09:30:00+01:00)",
            )
        ]
    if zone is not None and not placeable(moment, zone):
        return None, [
            Problem(
                key,
                f"{key} {moment.isoformat()} is out of range: it cannot be shown in the blog's "
                "timezone and UTC (years 1 to 9999)",
            )
        ]
    return moment, []


def _read_date_text(text: str, formats: tuple[str, ...] = ()) -> datetime | None:
    if not text or len(text) > _MAX_DATE_CHARS:
        return None
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    for fmt in (*formats, *_DATE_FORMATS):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    return _free_text_date(text)


def placeable(moment: datetime, zone: tzinfo) -> bool:
    """Can the moment be given the blog's timezone and converted to UTC and back?"""
    try:
        placed = aware(moment, zone)
        placed.astimezone(UTC)
        placed.astimezone(zone)
    except (OverflowError, ValueError):
        return False
    return True


def as_text(value: Any, key: str) -> tuple[str, list[Problem]]:
    """A single line of text (title, description, image). Text is taken as it is: a title
    that reads "null", "true" or "42.50" is that text (only a non-text value is JSON)."""
    if value is None:
        return "", []
    if isinstance(value, str):
        return " ".join(value.split()), []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value), []
    return "", [Problem(key, f"{key!r} should be text, not {value!r}; it is left out")]


def local_naive(moment: datetime, zone: tzinfo) -> datetime:
    """The wall-clock time in the blog's timezone, without tzinfo (what ABlog can compare)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(zone).replace(tzinfo=None)


def aware(moment: datetime, zone: tzinfo) -> datetime:
    """Give a naive (blog-local) datetime the blog's timezone; keep an aware one as it is."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment
