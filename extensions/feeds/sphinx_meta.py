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

from sphinx.application import Sphinx

from .discovery import index_links, link_tags, main_links
from .model import FORMAT_LABELS, FeedLink
from .sphinx_feeds import HTML_BUILDERS, link_suffix, post_image_url, settings


def _as_dicts(links: list[FeedLink]) -> list[dict[str, str]]:
    return [dict(asdict(link), label=FORMAT_LABELS[link.format]) for link in links]


def _posts(app: Sphinx) -> dict[str, Any]:
    return app.env.get_domain("blog").posts  # type: ignore[attr-defined]


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
        # sphinxext-opengraph escapes only '"' in what it reads from "meta": escape the rest.
        if post.description:
            meta["og:description"] = escape(post.description, quote=False)
            tags += _meta("description", post.description)
        if image:
            meta["og:image"] = escape(image, quote=False)
            meta.setdefault("og:image:alt", escape(post.title, quote=False))
        context["meta"] = meta
        tags += _meta("twitter:card", "summary_large_image" if image else "summary")
        tags += _meta("twitter:title", post.title)
        if post.description:
            tags += _meta("twitter:description", post.description)
        if image:
            tags += _meta("twitter:image", image)
    else:
        tags += _meta("twitter:card", "summary")
    context["metatags"] = context.get("metatags", "") + tags
