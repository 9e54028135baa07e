"""Boundary: a post page's header, and what the templates need to draw the blog.

The header is inserted into the resolved doctree right after the post's title, so it sits
where a reader expects it and is plain HTML (``div.post-meta``) that feeds can strip.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from extensions.listing.urls import Scheme

from .header import Header, post_header


def add_post_header(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: ``YYYY/MM/DD - Category``, authors and tags under the title."""
    domain = app.env.get_domain("blog")
    post = domain.posts.get(docname)  # type: ignore[attr-defined]
    if post is None or not hasattr(app.builder, "get_relative_uri"):
        return
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is None:
        return
    names = {
        str(key): str(about[0]) if isinstance(about, list | tuple) and about else str(key)
        for key, about in (app.config.blog_authors or {}).items()
    }
    header = post_header(
        post,
        domain.zone,  # type: ignore[attr-defined]
        app.config.post_date_format,
        int(app.config.blog_words_per_minute or 0),
        names,
    )
    title.parent.insert(title.parent.index(title) + 1, _render(app, docname, header))


def _render(app: Sphinx, docname: str, header: Header) -> nodes.container:
    scheme = Scheme(root_doc=app.config.root_doc, blog_path=str(app.config.blog_path).strip("/"))

    def link(catalog: str, name: str, shown: str = "") -> nodes.reference:
        uri = app.builder.get_relative_uri(docname, scheme.index(catalog, name))
        text = shown or name
        return nodes.reference(text, text, refuri=uri, internal=True, classes=[f"post-{catalog}"])

    def joined(catalog: str, names: tuple[tuple[str, str], ...], label: str) -> nodes.paragraph:
        para = nodes.paragraph(classes=[f"post-{catalog}s"])
        para += nodes.inline(label, label, classes=["post-label"])
        for index, (name, shown) in enumerate(names):
            if index:
                para += nodes.Text(", ")
            para += link(catalog, name, shown)
        return para

    box = nodes.container(classes=["post-meta"])
    line = nodes.paragraph(classes=["post-date"])
    line += nodes.inline(header.date, header.date, classes=["post-date-value"])
    if header.categories:
        line += nodes.Text(" - ")
        for index, name in enumerate(header.categories):
            if index:
                line += nodes.Text(", ")
            line += link("category", name)
    if header.minutes:
        line += nodes.Text(" · ")
        read = f"{header.minutes} min read"
        line += nodes.inline(read, read, classes=["post-reading-time"])
    box += line
    if header.authors:
        box += joined("author", header.authors, "By ")
    if header.tags:
        box += joined("tag", tuple((tag, tag) for tag in header.tags), "Tags: ")
    return box


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """html-page-context: the greeting (what is listed comes from extensions.listing)."""
    context["blog_owner"] = app.config.blog_owner
    context["blog_tagline"] = app.config.blog_tagline
