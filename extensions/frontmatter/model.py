"""Data: a post's normalised metadata and the problems found while reading it.

Nothing here imports Sphinx or docutils; every value is small, frozen and picklable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Problem:
    """Something wrong with a post's input: reported as a located warning by the boundary."""

    code: str  # warning subtype, e.g. "date", "tag", "yaml", "empty", "duplicate"
    message: str
    line: int | None = None  # 1-based line in the source file, when known


@dataclass(frozen=True)
class Post:
    """One published-or-not post, as the rest of the blog sees it.

    ``date`` keeps the timezone the author wrote (aware), or is naive when none was
    given (then it is the blog's local time, see ``blog_timezone`` in conf.py).
    """

    docname: str
    title: str
    date: datetime | None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    description: str = ""
    draft: bool = False
    image: str = ""
    extra: tuple[tuple[str, str], ...] = field(default=())  # other front-matter keys, as text
    summary: str = ""  # HTML: what lists show (the description, else the first paragraph)
    words: int = 0  # words of prose (code left out), for the reading time

    @property
    def slug(self) -> str:
        """The file name without folders: what ABlog uses as the post's label."""
        return self.docname.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Unpublished:
    """A post this build leaves out of the published site: a draft (``draft: true``) or a
    post dated after the build (``reason`` "future"). A preview build shows it, marked."""

    docname: str
    path: str  # the source file, relative to the site
    reason: str  # "draft" or "future"
    date: datetime | None = None  # aware, in the blog's timezone, when the post has one


@dataclass(frozen=True)
class Translated:
    """A post in another format (NimblePublisher), as MyST text, from the ``blog-source``
    event. ``body_line`` is the line of the original file its body starts on: the MyST text
    read by Sphinx keeps every body line at its line in the file."""

    text: str
    body_line: int | None = None
