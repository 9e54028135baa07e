"""Boundary: what every page's <head> says about feeds and sharing.

* ``<link rel="alternate">`` to the main feeds on every page, and to an index page's own
  feeds on ABlog's tag, category and author pages; the same links as ``blog_feeds`` and
  ``blog_page_feeds`` in the template context (dicts: title, label, href, type, format).
* For a post: ``og:type=article``, its description and image for sphinxext-opengraph (which
  runs after us and writes the og: tags), and Twitter card tags.
"""

from __future__ import annotations

from dataclasses import asdict
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .discovery import index_links, link_tags, main_links
from .model import FORMAT_LABELS, FeedLink
from .sphinx_feeds import HTML_BUILDERS, link_suffix, post_image_url, settings


def _as_dicts(links: list[FeedLink]) -> list[dict[str, str]]:
    return [dict(asdict(link), label=FORMAT_LABELS[link.format]) for link in links]


def _posts(app: Sphinx) -> dict[str, Any]:
    return app.env.get_domain("blog").posts  # type: ignore[attr-defined]


def _first_paragraph(doctree: Any, limit: int = 200) -> str:
    """The text of a post's first paragraph outside its header, cut at a word near ``limit``."""
    if doctree is None:
        return ""
    for paragraph in doctree.findall(nodes.paragraph):
        if any(
            isinstance(parent, nodes.container) and "post-meta" in parent["classes"]
            for parent in _ancestors(paragraph)
        ):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) > limit:
            text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "\u2026"
        return text
    return ""


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def _meta(name: str, content: str) -> str:
    return f'<meta name="{escape(name)}" content="{escape(content)}" />\n'


def page_feeds(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """html-page-context: feed discovery links and the social meta of posts."""
    if app.builder.name not in HTML_BUILDERS:
        return
    config, _ = settings(app.config, link_suffix(app))
    context["blog_feeds"], context["blog_page_feeds"] = [], []
    if not config.base_url:
        return
    main = main_links(config)
    own = index_links(pagename, _posts(app).values(), config) if "/" in pagename else []
    context["blog_feeds"], context["blog_page_feeds"] = _as_dicts(main), _as_dicts(own)
    tags = link_tags(main + own)
    post = _posts(app).get(pagename)
    if post is not None:
        image = post_image_url(app, pagename, post.image, config.base_url)
        meta = dict(context.get("meta") or {})
        meta["og:type"] = "article"
        # The description, else the post's first paragraph (what lists show), never the
        # post header that sphinxext-opengraph would otherwise start from.
        description = post.description or _first_paragraph(doctree)
        # sphinxext-opengraph escapes only '"' in what it reads from "meta": escape the rest.
        if description:
            meta["og:description"] = escape(description, quote=False)
            tags += _meta("description", description)
        if image:
            meta["og:image"] = escape(image, quote=False)
            meta.setdefault("og:image:alt", escape(post.title, quote=False))
        context["meta"] = meta
        tags += _meta("twitter:card", "summary_large_image" if image else "summary")
        tags += _meta("twitter:title", post.title)
        if description:
            tags += _meta("twitter:description", description)
        if image:
            tags += _meta("twitter:image", image)
    else:
        tags += _meta("twitter:card", "summary")
    context["metatags"] = context.get("metatags", "") + tags
