"""Pure: what templates get, as plain dicts, and the digest of what a page shows.

A template never sees a record or a node: a list page gets its page and its posts' cards as
dicts of strings; ``digest`` hashes exactly that (with whatever else the page depends on),
so a page whose digest did not change need not be rendered again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from .derive import display, shown_posts
from .model import ArchivePage, CatalogPage, Listed, ListPage, Page, PostView
from .urls import Scheme

TEMPLATES = {
    ListPage: "blog/list.html",
    CatalogPage: "blog/catalog.html",
    ArchivePage: "blog/archive.html",
}


def card(post: Listed, scheme: Scheme, author_names: Mapping[str, str]) -> dict[str, Any]:
    """One post as a list shows it (every URL is a docname: templates call ``pathto``)."""
    return {
        "docname": post.docname,
        "title": post.title,
        "moment": post.moment,
        "date": post.date,
        "categories": [
            {"name": name, "docname": scheme.index("category", name)} for name in post.categories
        ],
        "tags": [{"name": name, "docname": scheme.index("tag", name)} for name in post.tags],
        "authors": [
            {"name": author_names.get(name, name), "docname": scheme.index("author", name)}
            for name in post.authors
        ],
        "summary": post.summary,
        "reading_minutes": post.minutes,
        "status": post.status,  # "draft", "scheduled" (preview builds only) or ""
    }


def page_view(
    page: Page,
    posts: Mapping[str, Listed],
    scheme: Scheme,
    author_names: Mapping[str, str],
) -> dict[str, Any]:
    """Everything a generated page shows, as the ``blog_page`` template variable."""
    if isinstance(page, ListPage):
        return {
            "kind": page.kind,
            "name": display(page.kind, page.name, author_names),
            "title": page.title,
            "docname": page.docname,
            "feed": page.feed,
            "cards": [card(posts[d], scheme, author_names) for d in page.posts if d in posts],
            # no page count: it changes with every new post, and would rewrite every page
            "pager": {
                "number": page.pager.number,
                "previous": page.pager.previous,
                "next": page.pager.next,
            },
        }
    if isinstance(page, CatalogPage):
        return {
            "kind": page.kind,
            "title": page.title,
            "docname": page.docname,
            "entries": [
                {"name": e.name, "docname": e.docname, "count": e.count} for e in page.entries
            ],
        }
    return {
        "kind": "archive",
        "title": page.title,
        "docname": page.docname,
        "years": [
            {
                "year": group.year,
                "docname": group.docname,
                "posts": [
                    {
                        "docname": d,
                        "title": posts[d].title,
                        "date": posts[d].date,
                        "moment": posts[d].moment,
                    }
                    for d in group.posts
                    if d in posts
                ],
            }
            for group in page.years
        ],
    }


def post_nav(view: PostView | None, posts: Mapping[str, Listed]) -> dict[str, Any]:
    """What a post's page shows of other posts, as the ``blog_post`` template variable:
    its older and newer neighbours, related posts, its series, its reading time."""
    if view is None:
        return {"previous": None, "next": None, "related": [], "series": None, "status": ""}

    def link(docname: str, title: str) -> dict[str, str]:
        post = posts.get(docname)
        return {"docname": docname, "title": title, "date": post.date if post else ""}

    series = view.series
    this = posts.get(view.docname)
    return {
        "previous": link(view.previous.docname, view.previous.title) if view.previous else None,
        "next": link(view.next.docname, view.next.title) if view.next else None,
        "related": [link(r.docname, r.title) for r in view.related],
        "series": {
            "name": series.name,
            "number": series.number,
            "total": series.total,
            "parts": [
                {"docname": p.docname, "title": p.title, "current": p.docname == view.docname}
                for p in series.parts
            ],
        }
        if series
        else None,
        "reading_minutes": this.minutes if this else 0,
        "status": view.status,  # "draft", "scheduled" (preview builds only) or ""
        "date": this.date if this else "",
    }


def page_digest(
    page: Page,
    posts: Mapping[str, Listed],
    scheme: Scheme,
    author_names: Mapping[str, str],
    *more: Any,
    cards: dict[str, str] | None = None,
) -> str:
    """The digest of exactly what :func:`page_view` draws a page from (the page, what it
    shows of each post, the URL scheme, the authors' names) and ``more``: equal inputs,
    equal page, without drawing it. Every value is a string, a number or a frozen
    dataclass, whose ``repr`` is stable. ``cards`` keeps what a card shows of each post
    (its ``repr``) from one page to the next, when many pages' digests are worked out."""
    memo: dict[str, str] = {} if cards is None else cards
    shown: list[str | None] = []
    for docname in shown_posts(page):
        post = posts.get(docname)
        if post is None:
            shown.append(None)
        elif isinstance(page, ArchivePage):
            shown.append(repr((post.title, post.date, post.moment)))
        else:
            card = memo.get(docname)
            if card is None:
                card = memo[docname] = repr(card_fields(post))
            shown.append(card)
    names = tuple(sorted(author_names.items()))
    text = repr((page, tuple(shown), scheme, names, more))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def card_fields(post: Listed) -> tuple[Any, ...]:
    """What :func:`card` reads of a post."""
    return (
        post.title,
        post.moment,
        post.date,
        post.categories,
        post.tags,
        post.authors,
        post.summary,
        post.minutes,
        post.status,
    )


def short_digest(value: Any) -> str:
    """A short digest of a value made of frozen dataclasses, strings and numbers (its
    ``repr`` is stable): what a build keeps to tell, next time, whether it changed."""
    return hashlib.sha1(repr(value).encode("utf-8")).hexdigest()[:20]


def digest(*parts: Any) -> str:
    """A stable hash of JSON-able values (what a page shows, and what it depends on)."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
