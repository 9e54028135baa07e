"""Data: the old addresses one document asks for, and the pages that serve them.

Nothing here imports Sphinx or docutils; every value is small, frozen and picklable.
Problems are :class:`extensions.frontmatter.model.Problem` (code, message, line).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..frontmatter.model import Problem

__all__ = ["Claim", "Page", "Problem", "Redirects"]

#: Front-matter keys that list a document's old addresses: jekyll-redirect-from's and Hugo's.
KEYS = ("redirect_from", "aliases")


@dataclass(frozen=True)
class Redirects:
    """One document's old addresses, as written, with the line of the key that lists them."""

    docname: str
    values: tuple[object, ...]
    key: str = "redirect_from"
    line: int | None = None


@dataclass(frozen=True)
class Claim:
    """An old address of ``docname`` (``path``, site-relative) and the file serving it."""

    docname: str
    path: str
    file: str  # inside the output folder, "/"-separated
    line: int | None = None
    secondary: bool = False  # old/slug.html beside old/slug/index.html: dropped on a clash


@dataclass(frozen=True)
class Page:
    """A redirect page to write: ``file`` (inside the output) sends readers to ``docname``."""

    file: str
    docname: str
    path: str
