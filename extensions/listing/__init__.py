"""Our own lists: every list, catalog, archive and neighbour link the blog shows, derived
from the posts' records once per build, and written only when what it shows changed.

``urls`` is the one URL scheme (pages, feeds, templates and the sitemap use it); ``model``
and ``derive`` the pure core; ``views`` what templates get and the digests; and
``sphinx_listing`` the boundary (env-updated, html-page-context, html-collect-pages).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_listing import Listing, ListingDomain, add_templates


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("extensions.frontmatter")
    app.add_config_value("blog_page_size", 10, "html", types=[int, type(None)])
    app.add_config_value("blog_related_posts", 3, "html", types=[int])
    app.add_config_value("blog_words_per_minute", 200, "html", types=[int])
    app.add_domain(ListingDomain)
    app.connect("config-inited", add_templates)
    listing = Listing()  # one per application, never shared between builds
    app.connect("env-get-outdated", listing.note_removed)
    app.connect("env-before-read-docs", listing.note_reading)
    app.connect("env-updated", listing.derive, priority=600)
    app.connect("html-page-context", listing.page_context, priority=300)
    app.connect("html-collect-pages", listing.collect_pages)
    app.connect("build-finished", listing.finish, priority=500)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
