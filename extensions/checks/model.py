"""Data: what ``make check`` finds, and the links it follows.

Nothing here imports Sphinx or docutils; every value is small, frozen and picklable.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Finding:
    """One problem to fix before publishing: where, what, and how to fix it."""

    file: str  # the source file, relative to the site ("" when no file is to blame)
    line: int | None
    what: str
    fix: str
    kind: str  # "link", "anchor", "description", "title", "future", "highlight", or the
    # type of a build warning ("myst", "image", "feeds"...)
    target: str = field(default="", compare=False)  # a link's target, to find its line


@dataclass(frozen=True)
class Link:
    """A link (or an image's source) a document writes by hand: raw HTML, a reST target, a
    full URL of the site itself. MyST checks its own Markdown links while building."""

    docname: str
    line: int | None
    target: str
    kind: str = "link"  # "link" (an href) or "image" (a src)


@dataclass(frozen=True)
class SitePath:
    """Where a link leads inside the built site: a file path from the site's root (a page
    is its ``.html`` file) and the anchor after ``#``."""

    path: str
    fragment: str = ""


@dataclass(frozen=True)
class Outside:
    """A link meant for the site that leads out of it; ``why`` says how."""

    why: str
