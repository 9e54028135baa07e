"""Pure functions: turn front-matter values, as users write them, into clean Python values.

Values reach us either as YAML gave them (the pre-build scan) or as MyST stored them in the
document (strings; lists, maps and numbers JSON-encoded). Both go through ``decode``.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, tzinfo
from typing import Any

from .model import Problem

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
        if item and item not in seen:
            seen[item] = None
    return tuple(seen), problems


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
)


def as_datetime(value: Any, key: str = "date") -> tuple[datetime | None, list[Problem]]:
    """``YYYY-MM-DD``, ``YYYY-MM-DD HH:MM`` or ISO 8601, with or without a timezone.

    Returns an aware datetime when the text carries a timezone, else a naive one.
    """
    value = decode(value)
    if value is None or value == "":
        return None, []
    if isinstance(value, datetime):
        return value, []
    if isinstance(value, date):
        return datetime.combine(value, time()), []
    text = str(value).strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt), []
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(text), []
    except ValueError:
        pass
    return None, [
        Problem(
            key,
            f"cannot read {key} {str(value)!r}: write YYYY-MM-DD, YYYY-MM-DD HH:MM "
            "or ISO 8601 (2024-05-01T09:30:00+01:00)",
        )
    ]


def as_text(value: Any, key: str) -> tuple[str, list[Problem]]:
    """A single line of text (title, description, image)."""
    value = decode(value)
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
