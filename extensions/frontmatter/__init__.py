"""Front matter as people write it: normalised before ABlog reads it.

See ``sphinx_reader`` for what is fixed and ``post``/``values`` for the pure rules.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_domain import BlogDomain, report_duplicates
from .sphinx_publish import Publication, prune_search_index
from .sphinx_reader import (
    SOURCE_EVENT,
    NormalisePost,
    TitleAsWritten,
    after_read,
    on_source_read,
    quiet_heading_levels,
)


def setup(app: Sphinx) -> dict[str, Any]:
    if "myst_nb" not in app.extensions:  # MyST-NB sets MyST-Parser up itself
        app.setup_extension("myst_parser")
    app.setup_extension("extensions.ablog_compat")
    app.setup_extension("extensions.safety")
    app.setup_extension("extensions.buildlog")
    app.setup_extension("extensions.identity")  # the default author, before posts are read
    app.setup_extension("extensions.checks")  # make check's (idle unless blog_check is on)
    app.add_config_value("blog_posts_folder", "posts", "env", types=[str])
    app.add_config_value("blog_timezone", "UTC", "env", types=[str])
    app.add_config_value("blog_now", None, "env")
    # make livehtml: drafts and future posts are built too, each marked (never `make html`)
    app.add_config_value("blog_preview", False, "env", types=[bool])
    app.add_event(SOURCE_EVENT)
    app.add_domain(BlogDomain)
    app.add_config_value("blog_heading_warnings", False, "env", types=[bool])
    app.add_transform(TitleAsWritten)
    app.add_transform(NormalisePost)
    app.connect("config-inited", quiet_heading_levels)
    publication = Publication()  # one per application, never shared between builds

    def scan(app: Sphinx) -> None:
        publication.scan(app)
        domain: Any = app.env.get_domain("blog")
        domain.published = publication.posts
        domain.unpublished = publication.unpublished

    app.connect("builder-inited", scan, priority=300)
    app.connect("env-updated", publication.restore, priority=1000)
    app.connect("build-finished", publication.reapply)
    app.connect("build-finished", prune_search_index)
    app.connect("source-read", on_source_read, priority=400)
    app.connect("doctree-read", after_read)
    app.connect("env-updated", report_duplicates)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
