"""Boundary: what every page's <head> says about feeds and sharing.

* ``<link rel="alternate">`` to the main feeds on every page, and to an index page's own
  feeds on ABlog's tag, category and author pages; the same links as ``blog_feeds`` and
  ``blog_page_feeds`` in the template context (dicts: title, label, href, type, format).
* Link-preview meta for every page (Open Graph, Twitter card, ``description``): a post's
  title, description (else its first paragraph) and image; escaped by ``social``.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from html import unescape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from extensions.frontmatter.sphinx_summary import paragraph_text

from .discovery import feed_links, link_tags, main_links
from .links import absolute_url
from .model import FORMAT_LABELS, FeedConfig, FeedLink
from .social import PageFacts, meta_tags, shorten
from .sphinx_feeds import HTML_BUILDERS, link_suffix, post_image_url, settings


def _as_dicts(links: list[FeedLink]) -> list[dict[str, str]]:
    return [dict(asdict(link), label=FORMAT_LABELS[link.format]) for link in links]


def _posts(app: Sphinx) -> dict[str, Any]:
    return app.env.get_domain("blog").posts  # type: ignore[attr-defined]


def _first_paragraph(doctree: Any) -> str:
    """The text of a page's first paragraph outside a post's header."""
    if doctree is None:
        return ""
    for paragraph in doctree.findall(nodes.paragraph):
        if any(
            isinstance(parent, nodes.container) and "post-meta" in parent["classes"]
            for parent in _ancestors(paragraph)
        ) or any(isinstance(parent, nodes.system_message) for parent in _ancestors(paragraph)):
            continue
        return paragraph_text(paragraph)
    return ""


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def _plain_title(html_title: str) -> str:
    """The page title as text (Sphinx gives it as HTML: ``&lt;chips&gt;``, ``<em>``...)."""
    return unescape(re.sub(r"<[^>]*>", "", html_title or ""))


class PageMeta:
    """One per application: what every page's head says, with the per-site parts (settings,
    the main feeds' links) worked out once per build, not once per page."""

    def __init__(self) -> None:
        self.config: FeedConfig | None = None
        self.main: list[FeedLink] = []
        self.main_dicts: list[dict[str, str]] = []
        self.main_tags = ""

    def start(self, app: Sphinx) -> None:
        """builder-inited: the settings and the main feeds' links."""
        if app.builder.name not in HTML_BUILDERS:
            return
        self.config, _ = settings(app.config, link_suffix(app))
        self.main = main_links(self.config) if self.config.base_url else []
        self.main_dicts = _as_dicts(self.main)
        self.main_tags = link_tags(self.main)

    def page_feeds(
        self, app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
    ) -> None:
        """html-page-context: feed discovery links and every page's link-preview meta."""
        config = self.config
        if config is None:
            return
        context["blog_feeds"], context["blog_page_feeds"] = [], []
        tags = ""
        if config.base_url:
            page = context.get("blog_page") or {}
            own: list[FeedLink] = []
            if page.get("feed") and page.get("feed") != config.output_dir:  # a tag's, a year's
                own = feed_links(f"{config.title}: {page['title']}", page["feed"], config)
            context["blog_feeds"], context["blog_page_feeds"] = self.main_dicts, _as_dicts(own)
            tags = self.main_tags + link_tags(own)
        post = _posts(app).get(pagename)
        uri = app.builder.get_target_uri(pagename)
        url = absolute_url(config.base_url, uri) if config.base_url else ""
        if post is not None:
            # The description, else the post's first paragraph (what lists show), never the
            # post header.
            facts = PageFacts(
                title=post.title,
                url=url,
                site_name=config.title,
                description=shorten(post.description or _first_paragraph(doctree)),
                image=post_image_url(app, pagename, post.image, config.base_url),
                image_alt=post.title,
                article=True,
            )
        else:
            facts = PageFacts(
                title=_plain_title(str(context.get("title") or "")) or config.title,
                url=url,
                site_name=config.title,
                description=shorten(_first_paragraph(doctree)),
            )
        context["metatags"] = context.get("metatags", "") + tags + meta_tags(facts)
