"""What a reader sees: the home page's greeting and list, and each post's header."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_pages import add_post_header, page_context


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("extensions.frontmatter")
    app.setup_extension("extensions.identity")  # blog_owner, blog_tagline
    app.setup_extension("extensions.listing")
    app.connect("doctree-resolved", add_post_header)
    app.connect("html-page-context", page_context)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
