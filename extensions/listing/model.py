"""Data: the blog as its lists show it, derived once per build from the posts' records.

Nothing here imports Sphinx; every value is small, frozen and picklable, and compares by
value: two builds that show the same thing give equal values, which is how a page that did
not change is known and left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class Listed:
    """What a list shows of one post."""

    docname: str
    title: str
    order: str  # UTC, ISO 8601: sorts newest first as text
    moment: str  # ISO 8601 in the blog's timezone (for <time datetime>)
    date: str  # as shown: "2025/06/18"
    year: str
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    summary: str = ""  # HTML: the description, or the first paragraph
    minutes: int = 0  # reading time (0: not shown)
    series: str = ""  # the series the post is a part of ("" for none)
    status: str = ""  # "draft" or "scheduled" in a preview build ("" when published)


class Link(NamedTuple):
    """Another post, as a post's page links to it (a tuple: made by the thousand)."""

    docname: str
    title: str


@dataclass(frozen=True)
class Pager:
    """Where a page sits in its list. ``number`` is 1 for a list's first page (its newest
    posts); the older pages are numbered from the oldest (2 is the oldest), so each keeps
    the same posts, and its address, while new posts arrive."""

    number: int = 1
    previous: str = ""  # docname of the page of newer posts ("" on the first page)
    next: str = ""  # docname of the page of older posts ("" on the last)


@dataclass(frozen=True)
class ListPage:
    """A page of posts: the home page, all posts, a year, a tag, a category, an author."""

    docname: str
    kind: str  # "home", "all", "year", "tag", "category", "author"
    name: str  # the year, tag, category or author ("" for home and all)
    title: str
    posts: tuple[str, ...]  # docnames, newest first
    pager: Pager = field(default_factory=Pager)
    feed: str = ""  # the folder of this list's feeds, "" when it has none


@dataclass(frozen=True)
class Entry:
    """One name in a catalog: a tag and how many posts carry it."""

    name: str
    docname: str
    count: int


@dataclass(frozen=True)
class CatalogPage:
    """Every tag (category, author), with its post count."""

    docname: str
    kind: str
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class YearGroup:
    year: str
    docname: str
    posts: tuple[str, ...]


@dataclass(frozen=True)
class ArchivePage:
    """Every post's title, grouped by year, newest first."""

    docname: str
    title: str
    years: tuple[YearGroup, ...]


Page = ListPage | CatalogPage | ArchivePage


@dataclass(frozen=True)
class Series:
    """A post's place in its series: part ``number`` of ``total``, and every part."""

    name: str
    number: int
    total: int
    parts: tuple[Link, ...]


@dataclass(frozen=True)
class PostView:
    """What a post's page shows of other posts: the older and the newer one, related posts
    and its series. Two builds write a post again when its view changed."""

    docname: str
    previous: Link | None = None  # the older post
    next: Link | None = None  # the newer post
    related: tuple[Link, ...] = ()
    series: Series | None = None
    status: str = ""  # the post's own: "draft" or "scheduled" in a preview build


@dataclass(frozen=True)
class Blog:
    """Everything the lists show, derived from every post's record."""

    posts: tuple[Listed, ...] = ()  # newest first
    pages: tuple[Page, ...] = ()
    views: tuple[PostView, ...] = ()

    def post(self, docname: str) -> Listed | None:
        return next((post for post in self.posts if post.docname == docname), None)
