"""Front matter as Jekyll and Hugo write it: cut it off, parse it, and make its values plain.

YAML (``---``) is read with PyYAML's safe loader, TOML (``+++``) with the standard library's
``tomllib``; neither can run code. Pure functions: text in, values or a located
:class:`~extensions.nimble.model.Problem` out.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from ..nimble.model import Problem


@dataclass(frozen=True)
class Cut:
    """A file cut into front matter and body. ``body_line`` is the body's first line."""

    block: str
    body: str
    first_line: int  # the front matter's first line (after the opening fence)
    body_line: int
    newline: str
    fence: str


def cut(text: str, fence: str = "---") -> Cut | None:
    """Split ``text`` at its front matter fenced by ``fence`` lines; None when it has none.

    YAML front matter may also end with ``...`` (as Jekyll allows).
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r").rstrip() != fence:
        return None
    closers = (fence, "...") if fence == "---" else (fence,)
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r").rstrip() in closers:
            newline = "\r\n" if lines[0].endswith("\r") else "\n"
            block = "\n".join(line.rstrip("\r") for line in lines[1:index])
            return Cut(block, "\n".join(lines[index + 1 :]), 2, index + 2, newline, fence)
    return None


def starts_with_fence(text: str, fence: str) -> bool:
    first = text.split("\n", 1)[0].rstrip("\r").rstrip()
    return first == fence


def load_yaml(block: str, first_line: int) -> dict[str, Any] | Problem:
    """The YAML mapping, or the problem located at its line."""
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        column = mark.column + 1 if mark is not None else None
        reason = getattr(error, "problem", None) or str(error)
        return Problem("yaml", f"front matter is not valid YAML: {reason}", line, column)
    if data is None:
        return {}
    if not isinstance(data, dict):
        return Problem("yaml", "front matter must be a mapping of keys to values", first_line)
    return {str(key): value for key, value in data.items()}


def load_toml(block: str, first_line: int) -> dict[str, Any] | Problem:
    """The TOML table, or the problem located at its line."""
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+), column (\d+)", str(error))
        line = first_line + int(found.group(1)) - 1 if found else first_line
        column = int(found.group(2)) if found else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        return Problem("toml", f"front matter is not valid TOML: {reason}", line, column)


def key_line(block: str, key: str, first_line: int) -> int:
    """The line of a top-level ``key`` in a YAML or TOML block (its first line if not found)."""
    found = re.search(r"^" + re.escape(key) + r"\s*[:=]", block, re.MULTILINE)
    return first_line + block.count("\n", 0, found.start()) if found else first_line


_DATE_TEXT = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?"
    r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?$"
)


def read_date(value: Any) -> dt.date | dt.datetime | None:
    """A date as YAML or TOML gave it, or as Jekyll's Ruby reads text such as
    ``2010-07-21 10:00:00 +0200``; None when it cannot be read."""
    if isinstance(value, dt.datetime | dt.date):
        return value
    if not isinstance(value, str):
        return None
    found = _DATE_TEXT.match(value.strip())
    if not found:
        return None
    year, month, day = (int(part) for part in found.group("date").split("-"))
    try:
        if not found.group("time"):
            return dt.date(year, month, day)
        text = f"{year:04d}-{month:02d}-{day:02d}T" + _padded(found.group("time"))
        zone = found.group("zone")
        if zone:
            text += "+00:00" if zone == "Z" else zone[:3] + ":" + zone[-2:]
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _padded(time: str) -> str:
    hours, rest = time.split(":", 1)
    return f"{int(hours):02d}:{rest}"


def plain(value: Any) -> Any:
    """A value YAML can write and read back: times as ``HH:MM:SS`` text, tuples as lists."""
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


def names(value: Any, *, split_text: bool) -> list[str]:
    """A list of names from a list or text (split on whitespace when ``split_text``, as Jekyll
    does for plural keys); numbers become their text; other values are left out."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.split() if split_text else ([value.strip()] if value.strip() else [])
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value if isinstance(item, str | int | float)]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    return []


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))
