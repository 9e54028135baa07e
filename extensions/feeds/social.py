"""Pure: what a page tells link previews (Open Graph, Twitter cards, ``description``).

Every value comes from a post or from ``conf.py`` and is escaped here, once, for the
attribute it lands in: a title with ``"><script>`` stays text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class PageFacts:
    """What a page is, as link previews show it."""

    title: str  # plain text
    url: str  # absolute, or "" without a base URL
    site_name: str
    description: str = ""  # plain text
    image: str = ""  # absolute URL, or ""
    image_alt: str = ""
    article: bool = False  # a post


def meta_tags(page: PageFacts) -> str:
    """The ``<meta>`` tags for one page, one a line, every value escaped."""
    tags: list[tuple[str, str, str]] = [
        ("property", "og:title", page.title),
        ("property", "og:type", "article" if page.article else "website"),
    ]
    if page.url:
        tags.append(("property", "og:url", page.url))
    if page.site_name:
        tags.append(("property", "og:site_name", page.site_name))
    if page.description:
        tags += [
            ("property", "og:description", page.description),
            ("name", "description", page.description),
        ]
    if page.image:
        tags += [
            ("property", "og:image", page.image),
            ("property", "og:image:alt", page.image_alt or page.title),
        ]
    tags += [
        ("name", "twitter:card", "summary_large_image" if page.image else "summary"),
        ("name", "twitter:title", page.title),
    ]
    if page.description:
        tags.append(("name", "twitter:description", page.description))
    if page.image:
        tags.append(("name", "twitter:image", page.image))
    return "".join(
        f'<meta {kind}="{escape(name)}" content="{escape(content)}" />\n'
        for kind, name, content in tags
        if content
    )


def shorten(text: str, limit: int = 200) -> str:
    """One line of text, cut at a word near ``limit`` with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "\u2026"
