"""Pure functions: what a post page shows under its title."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from extensions.frontmatter.model import Post
from extensions.frontmatter.values import local_naive


@dataclass(frozen=True)
class Header:
    """``YYYY/MM/DD - Category``, then the authors and the tags."""

    date: str  # "" when the post has no date
    categories: tuple[str, ...]
    authors: tuple[str, ...]
    tags: tuple[str, ...]


def post_header(post: Post, zone: tzinfo, date_format: str = "%Y/%m/%d") -> Header:
    date = local_naive(post.date, zone).strftime(date_format) if post.date else ""
    return Header(date, post.categories, post.authors, post.tags)
