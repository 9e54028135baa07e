"""Cut a piece out of some code: ``:lines:``, ``:start-after:`` and ``:end-before:``.

Pure functions on strings. Problems come back as data (``Cut.error``) for the boundary to
report with a location; nothing here raises for bad input or touches the file system.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import PurePosixPath

_RANGE = re.compile(r"^\s*(\d*)\s*(-?)\s*(\d*)\s*$")


@dataclass(frozen=True)
class Cut:
    """The code that was kept, or why nothing could be kept."""

    text: str = ""
    error: str = ""


def parse_line_spec(spec: str, total: int) -> tuple[int, ...] | str:
    """Turn ``"1-3,5,8-"`` into 1-based line numbers, or return an error message.

    ``N`` is one line, ``A-B`` a range, ``A-`` runs to the last line and ``-B`` starts at
    the first. Every line asked for must exist among ``total`` lines.
    """
    numbers: list[int] = []
    for part in spec.split(","):
        match = _RANGE.match(part)
        if not match or not (match[1] or match[3]) or (not match[2] and not match[1]):
            return f"invalid line spec {spec!r}: expected numbers like 1-3,5,8-"
        first = int(match[1]) if match[1] else 1
        last = (int(match[3]) if match[3] else total) if match[2] else first
        if first < 1 or last < first:
            return f"invalid line range {part.strip()!r} in {spec!r}"
        if last > total:
            return f"lines {spec!r} are outside the code, which has {total} line(s)"
        numbers.extend(range(first, last + 1))
    return tuple(numbers)


def take_lines(code: str, spec: str) -> Cut:
    """Keep only the lines ``spec`` names (all of them when ``spec`` is empty)."""
    if not spec.strip():
        return Cut(code)
    lines = code.splitlines()
    numbers = parse_line_spec(spec, len(lines))
    if isinstance(numbers, str):
        return Cut(error=numbers)
    return Cut("\n".join(lines[n - 1] for n in numbers))


def cut_between(code: str, start_after: str = "", end_before: str = "") -> Cut:
    """Keep the lines after the first line containing ``start_after`` and before the next
    line containing ``end_before`` (either marker may be empty: no cut on that side)."""
    lines = code.splitlines()
    if start_after:
        found = [i for i, line in enumerate(lines) if start_after in line]
        if not found:
            return Cut(error=f"start-after text {start_after!r} not found")
        lines = lines[found[0] + 1 :]
    if end_before:
        found = [i for i, line in enumerate(lines) if end_before in line]
        if not found:
            return Cut(error=f"end-before text {end_before!r} not found")
        lines = lines[: found[0]]
    return Cut("\n".join(lines))


def tidy(code: str) -> str:
    """Drop blank lines at either end and the indentation every line shares.

    A function cut out of a module reads as it would at the top level.
    """
    lines = code.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return textwrap.dedent("\n".join(lines))


def excerpt(code: str, lines: str = "", start_after: str = "", end_before: str = "") -> Cut:
    """Apply the markers first, then ``lines`` (counted within what the markers kept),
    then ``tidy`` the result."""
    between = cut_between(code, start_after, end_before)
    if between.error:
        return between
    kept = take_lines(between.text, lines)
    return Cut(tidy(kept.text)) if not kept.error else kept


def snippet_path(path: str) -> PurePosixPath | str:
    """Check a ``:file:`` path is relative and stays inside the snippets folder.

    Returns the normalised relative path, or an error message.
    """
    text = path.strip().replace("\\", "/")
    if any(ord(char) < 32 or ord(char) == 127 for char in text):
        return f"file {path!r} holds control characters"
    candidate = PurePosixPath(text)
    if not text or candidate.is_absolute() or re.match(r"^[A-Za-z]:", text):
        return f"file {path!r} must be a relative path inside the snippets/ folder"
    if ".." in candidate.parts:
        return f"file {path!r} escapes the snippets/ folder"
    return candidate
