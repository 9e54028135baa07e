"""Data: the feeds' configuration, a feed, its entries, and the problems found in them.

Nothing here imports Sphinx or docutils; every value is small, frozen and picklable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from extensions.listing.urls import FEED_FILES

#: The formats we can write, and the file each one is written to inside a feed folder (the
#: blog's URL scheme names them, so a post's link to a feed resolves).
FORMAT_FILES: dict[str, str] = FEED_FILES

#: The media type of each format (used in <link rel="alternate"> and Atom self links).
FORMAT_TYPES: dict[str, str] = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "json": "application/feed+json",
}

#: How each format is named to a reader (in link titles).
FORMAT_LABELS: dict[str, str] = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}

#: The kinds of index ABlog makes pages for, and that can have their own feeds.
INDEX_KINDS: tuple[str, ...] = ("tag", "category", "author", "year")


@dataclass(frozen=True)
class FeedConfig:
    """Everything the core needs to know about the site, as one validated value."""

    base_url: str  # absolute, ends with "/"; "" when none is configured
    title: str
    description: str = ""
    language: str = "en"
    formats: tuple[str, ...] = ("atom", "rss", "json")
    indexes: tuple[str, ...] = INDEX_KINDS
    limit: int | None = 20  # entries in the main feeds; None for all
    index_limit: int | None = None  # entries in each tag/category/author feed; None for all
    content: str = "full"  # "full" or "summary"
    timezone: str = "UTC"  # IANA name, gives naive post dates a timezone
    id_authority: str = ""  # the tag: URI authority of entry ids; "" = host of base_url
    blog_path: str = "blog"  # ABlog's blog_path: index pages live under it
    author: str = ""  # the feed-level author when a post names none
    authors: tuple[tuple[str, str, str], ...] = ()  # (key, full name, url) from blog_authors
    link_suffix: str = ".html"  # how page URIs end: ".html", or "/" for the dirhtml builder
    output_dir: str = "feeds"  # folder inside the output for every feed
    summary_length: int = 300  # characters of text in a generated summary


@dataclass(frozen=True)
class Author:
    name: str
    url: str = ""


@dataclass(frozen=True)
class Entry:
    """One post as every feed format sees it."""

    docname: str
    id: str
    title: str
    url: str
    published: datetime  # aware
    updated: datetime  # aware, never before published
    authors: tuple[Author, ...]
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    summary: str  # plain text
    content_html: str  # "" when the config asks for summaries only
    image: str = ""  # absolute URL or ""


@dataclass(frozen=True)
class Feed:
    """One feed: the main one, or one tag's, category's or author's."""

    path: str  # folder inside the output, e.g. "feeds" or "feeds/tag/python"
    title: str
    description: str
    home_url: str  # the HTML page this feed mirrors
    base_url: str  # the site's base URL (for feed urls)
    language: str
    updated: datetime  # the newest entry's updated date (aware)
    authors: tuple[Author, ...]  # feed-level authors (always at least one)
    entries: tuple[Entry, ...]
    kind: str = ""  # "" for the main feed, else one of INDEX_KINDS
    name: str = ""  # the tag, category or author the feed is about

    def file(self, fmt: str) -> str:
        """The output-relative path of this feed in one format, e.g. "feeds/atom.xml"."""
        return f"{self.path}/{FORMAT_FILES[fmt]}"

    def url(self, fmt: str) -> str:
        return self.base_url + quote(self.file(fmt), safe="/%:@!$&()*+,;=-._~")


@dataclass(frozen=True)
class FeedLink:
    """A feed a page points at: in <head> and in visible links."""

    title: str
    href: str
    type: str
    format: str


@dataclass(frozen=True)
class Problem:
    """Something wrong with a feed or a setting; the boundary turns it into a warning."""

    code: str  # warning subtype: "atom", "rss", "json", "feedparser", "config", ...
    message: str
    feed: str = ""  # output-relative file, e.g. "feeds/atom.xml"
    docname: str = ""  # the post the problem is about, when known

    def describe(self) -> str:
        where = self.feed or "feeds"
        if self.docname:
            where += f", entry {self.docname!r}"
        return f"{where}: {self.message}"
