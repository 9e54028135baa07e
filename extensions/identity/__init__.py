"""Who the blog belongs to: ``blog_owner`` names the person once, everything else follows.

``identity`` (pure) derives the title, ``project``, ``author``, ``copyright``, the default
author and ``blog_authors`` from the owner unless ``conf.py`` sets them, and finds author
names that look like typos; ``sphinx_identity`` applies it at ``config-inited``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_identity import report_typos, settle_identity


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("ablog")  # its settings (blog_title, blog_authors...) are ours to fill
    app.add_config_value("blog_owner", "", "html", types=[str])
    app.add_config_value("blog_tagline", "", "html", types=[str])
    app.connect("config-inited", settle_identity, priority=100)
    app.connect("env-updated", report_typos)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
