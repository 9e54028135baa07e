"""Pure functions: what ABlog's pages show, so we can tell which outputs went stale.

ABlog regenerates its index pages on every build but never tells Sphinx that the home page
list, ``postlist`` pages or a post's previous/next links changed, and never deletes the page
of a tag that lost its last post. These functions compute the views that those pages show;
the boundary compares them with the previous build's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Listed:
    """What a list of posts shows of one post."""

    docname: str
    title: str
    date: str  # ISO, blog-local
    categories: tuple[str, ...]
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    summary: str


_SPOKEN = {"+": " plus ", "#": " sharp "}


def slugify(name: str) -> str:
    """The slug of a tag, category or author page (ABlog is made to use this one).

    ABlog's own slugify drops every symbol, so C, C++ and C# would share one tag page; here
    ``+`` and ``#`` are spelled out first (``c-plus-plus``, ``c-sharp``). Otherwise it is
    ABlog's rule: accents decomposed, other symbols dropped, words joined with ``-``.
    """
    text = unicodedata.normalize("NFKD", str(name))
    text = re.sub(r"[+#]", lambda match: _SPOKEN[match.group(0)], text)
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def shared_pages(
    names_by_post: Iterable[tuple[str, Iterable[str]]],
) -> list[tuple[str, str, str, str]]:
    """Names spelled differently that would share one index page.

    Takes (docname, names) pairs in docname order; returns (slug, first name, other name,
    docname of the other) for each spelling after the first. Names that differ only in case
    or in spaces, ``-`` and ``_`` are one name written two ways, and are not reported.
    """
    first: dict[str, str] = {}
    found: list[tuple[str, str, str, str]] = []
    reported: set[tuple[str, str]] = set()
    for docname, names in names_by_post:
        for name in names:
            slug = slugify(name)
            known = first.setdefault(slug, name)
            if _same_name(known, name) or (slug, name) in reported:
                continue
            reported.add((slug, name))
            found.append((slug, known, name, docname))
    return found


def _same_name(one: str, other: str) -> bool:
    def plain(text: str) -> str:
        return re.sub(r"[\s_-]+", "", text.casefold())

    return plain(one) == plain(other)


def neighbours(newest_first: Sequence[Listed]) -> dict[str, tuple[str, str, str, str]]:
    """For each post: (previous docname, its title, next docname, its title); '' at the ends.

    "Previous" is the older post, "next" the newer one.
    """
    view: dict[str, tuple[str, str, str, str]] = {}
    for index, post in enumerate(newest_first):
        older = newest_first[index + 1] if index + 1 < len(newest_first) else None
        newer = newest_first[index - 1] if index > 0 else None
        view[post.docname] = (
            older.docname if older else "",
            older.title if older else "",
            newer.docname if newer else "",
            newer.title if newer else "",
        )
    return view


def changed_neighbours(
    old: Mapping[str, tuple[str, str, str, str]], new: Mapping[str, tuple[str, str, str, str]]
) -> set[str]:
    """Posts (still present) whose previous/next links read differently now."""
    return {docname for docname, view in new.items() if old.get(docname) != view}


def index_pages(posts: Iterable[Listed], blog_path: str = "blog") -> set[str]:
    """Every page ABlog generates for these posts: catalogs, collections and years."""
    posts = list(posts)
    if not posts:
        return set()
    pages = {blog_path, f"{blog_path}/archive"}
    for catalog, attr in (("tag", "tags"), ("category", "categories"), ("author", "authors")):
        names = {name for post in posts for name in getattr(post, attr)}
        if names:
            pages.add(f"{blog_path}/{catalog}")
            pages.update(f"{blog_path}/{catalog}/{slugify(name)}" for name in names)
    pages.update(f"{blog_path}/{post.date[:4]}" for post in posts if post.date)
    return pages


_EXCERPT_WRAPPER = re.compile(r'\A\s*<p class="ablog-post-excerpt">(?P<inner>.*)</p>\s*\Z', re.S)


def unwrap_excerpt(html: str) -> str:
    """ABlog wraps a summary's paragraphs in one more ``<p>``: a paragraph inside a paragraph,
    which browsers split into empty paragraphs. Keep only what is inside."""
    match = _EXCERPT_WRAPPER.match(html)
    return match.group("inner").strip() if match else html
