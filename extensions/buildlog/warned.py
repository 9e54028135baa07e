"""Pure: which documents warned, so the next build reads them again.

Sphinx reports a document's problems only when it reads (or writes) that document: after a
failed ``make html`` nothing changed on disk, so a second ``make html`` read nothing, said
nothing and passed. Here the documents that warned are remembered beside the doctrees and
read again by the next build, which then reports the same problems: a build that failed
fails the same way until the problem is fixed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

_LINE = re.compile(r"^(?P<path>.*?)(?::(?P<line>\d+))?$")


def location_path(location: str) -> str:
    """The file of a Sphinx location string (``/site/posts/a.md:12`` -> ``/site/posts/a.md``)."""
    match = _LINE.match(location.strip())
    return match.group("path") if match else location


def dump(docnames: Iterable[str]) -> str:
    return json.dumps({"warned": sorted(set(docnames))}, indent=0)


def load(text: str) -> set[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return set()
    found = data.get("warned") if isinstance(data, dict) else None
    return {str(name) for name in found} if isinstance(found, list) else set()
