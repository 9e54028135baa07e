"""ABlog, configured: every touch of its internals is in ``sphinx_ablog``, named and tested."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from extensions.listing.urls import slugify

from . import sphinx_ablog as touch


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("ablog")
    touch.declare_parallel_safe(app)
    touch.use_our_slugs(slugify)
    app.connect("config-inited", touch.take_over_post_pattern, priority=900)
    app.connect("builder-inited", touch.reset_blog_state, priority=100)
    app.connect("builder-inited", touch.drop_ablog_pages)
    app.connect("env-merge-info", touch.merge_parallel_reads)
    app.connect("env-purge-doc", touch.purge_postlist)
    app.connect("doctree-read", touch.note_postlists)
    app.connect("doctree-read", touch.drop_doctree_copies, priority=900)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
