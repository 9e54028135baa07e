"""Pure: which feeds a page points at (``<link rel="alternate">`` in its head, visible links)."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from extensions.frontmatter.model import Post
from extensions.listing.urls import slugify

from .build import INDEX_TITLES, author_of, index_names, scheme_of
from .links import absolute_url
from .model import FORMAT_FILES, FORMAT_LABELS, FORMAT_TYPES, FeedConfig, FeedLink


def feed_links(title: str, path: str, config: FeedConfig) -> list[FeedLink]:
    """The links to one feed folder, one per configured format."""
    return [
        FeedLink(
            title=f"{title} ({FORMAT_LABELS[fmt]})",
            href=absolute_url(config.base_url, f"{path}/{FORMAT_FILES[fmt]}"),
            type=FORMAT_TYPES[fmt],
            format=fmt,
        )
        for fmt in config.formats
    ]


def main_links(config: FeedConfig) -> list[FeedLink]:
    return feed_links(config.title, config.output_dir, config)


def index_of_page(pagename: str, config: FeedConfig) -> tuple[str, str] | None:
    """(kind, slug) when ``pagename`` is ABlog's page for a tag, category, author or year."""
    prefix = f"{config.blog_path}/" if config.blog_path else ""
    if not pagename.startswith(prefix):
        return None
    parts = pagename[len(prefix) :].split("/")
    if len(parts) == 1 and parts[0].isdigit() and "year" in config.indexes:
        return "year", parts[0]
    if len(parts) != 2 or parts[0] not in config.indexes or not parts[1]:
        return None
    return parts[0], parts[1]


def index_links(pagename: str, posts: Iterable[Post], config: FeedConfig) -> list[FeedLink]:
    """The feeds of the index page ``pagename`` (empty for any other page)."""
    found = index_of_page(pagename, config)
    if found is None:
        return []
    kind, slug = found
    for post in posts:
        if post.date is None:
            continue
        for name in index_names(post, kind, config.timezone):
            if slugify(name) == slug:
                display = author_of(name, config).name if kind == "author" else name
                title = f"{config.title}: {INDEX_TITLES[kind].format(display)}"
                return feed_links(title, scheme_of(config).feed_folder(kind, name), config)
    return []


def link_tags(links: Iterable[FeedLink]) -> str:
    """``<link rel="alternate">`` tags for a page's ``<head>``, one a line."""
    return "".join(
        f'<link rel="alternate" type="{escape(link.type)}" title="{escape(link.title)}" '
        f'href="{escape(link.href)}" />\n'
        for link in links
    )
