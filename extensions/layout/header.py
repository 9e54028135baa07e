"""Pure functions: what a post page shows under its title."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import tzinfo

from extensions.frontmatter.model import Post
from extensions.frontmatter.values import local_naive


@dataclass(frozen=True)
class Header:
    """``YYYY/MM/DD - Category``, the reading time, then the authors and the tags."""

    date: str  # "" when the post has no date
    categories: tuple[str, ...]
    authors: tuple[tuple[str, str], ...]  # (name as written, name as shown)
    tags: tuple[str, ...]
    minutes: int = 0  # reading time; 0: not shown


def post_header(
    post: Post,
    zone: tzinfo,
    date_format: str = "%Y/%m/%d",
    words_per_minute: int = 0,
    author_names: Mapping[str, str] | None = None,
) -> Header:
    date = local_naive(post.date, zone).strftime(date_format) if post.date else ""
    names = author_names or {}
    minutes = max(1, math.ceil(post.words / words_per_minute)) if words_per_minute > 0 else 0
    authors = tuple((name, names.get(name, name)) for name in post.authors)
    return Header(date, post.categories, authors, post.tags, minutes)
