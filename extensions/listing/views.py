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

from .derive import display
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
            "pager": {
                "number": page.pager.number,
                "total": page.pager.total,
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


def post_nav(view: PostView | None) -> dict[str, Any]:
    """A post's older and newer neighbours, as the ``blog_post`` template variable."""
    if view is None:
        return {"previous": None, "next": None}
    return {
        "previous": {"docname": view.previous.docname, "title": view.previous.title}
        if view.previous
        else None,
        "next": {"docname": view.next.docname, "title": view.next.title} if view.next else None,
    }


def digest(*parts: Any) -> str:
    """A stable hash of JSON-able values (what a page shows, and what it depends on)."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
