"""Front matter as people write it: normalised before ABlog reads it.

See ``sphinx_reader`` for what is fixed and ``post``/``values`` for the pure rules.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_domain import BlogDomain, report_duplicates
from .sphinx_reader import (
    SOURCE_EVENT,
    NormalisePost,
    exclude_unpublished,
    mark_orphan,
    on_source_read,
)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("ablog")
    app.add_config_value("blog_posts_folder", "posts", "env", types=[str])
    app.add_config_value("blog_timezone", "UTC", "env", types=[str])
    app.add_config_value("blog_now", None, "env")
    app.add_event(SOURCE_EVENT)
    app.add_domain(BlogDomain)
    app.add_transform(NormalisePost)
    app.connect("config-inited", exclude_unpublished, priority=800)
    app.connect("source-read", on_source_read, priority=400)
    app.connect("doctree-read", mark_orphan)
    app.connect("env-updated", report_duplicates)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
