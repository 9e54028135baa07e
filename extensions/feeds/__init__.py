"""Feeds for the blog (Atom, RSS 2.0, JSON Feed 1.1) and the files a published site needs.

``model`` holds the data, ``build``/``atom``/``rss``/``jsonfeed``/``validate``/``links``/
``discovery``/``settings``/``publish`` the pure functions; ``sphinx_feeds`` (build-finished)
and ``sphinx_meta`` (html-page-context) are the only modules that talk to Sphinx.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_feeds import check_settings, write_feeds
from .sphinx_meta import PageMeta


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("extensions.frontmatter")
    app.add_config_value("feeds_formats", ["atom", "rss", "json"], "html", types=[list, tuple])
    app.add_config_value(
        "feeds_indexes", ["tag", "category", "author", "year"], "html", types=[list, tuple]
    )
    app.add_config_value("feeds_limit", 20, "", types=[int, type(None)])
    app.add_config_value("feeds_index_limit", 20, "", types=[int, type(None)])
    app.add_config_value("feeds_content", "full", "", types=[str])
    app.add_config_value("feeds_title", "", "html", types=[str])
    app.add_config_value("feeds_description", "", "", types=[str])
    app.add_config_value("feeds_author", "", "", types=[str])
    app.add_config_value("feeds_id_authority", "", "", types=[str])
    app.add_config_value("feeds_validate", False, "", types=[bool])
    app.add_config_value("publish_robots_txt", True, "", types=[bool])
    app.add_config_value("publish_sitemap", True, "", types=[bool])
    app.add_config_value(
        "publish_sitemap_excludes", ["404.html", "search.html", "genindex.html"], "", types=[list]
    )
    app.add_config_value("publish_404", "404", "", types=[str])
    app.connect("config-inited", check_settings)
    meta = PageMeta()  # one per application
    app.connect("builder-inited", meta.start)
    app.connect("html-page-context", meta.page_feeds, priority=400)
    # After extensions.ablog_shims has deleted the output of removed pages (the sitemap
    # lists what is in the output).
    app.connect("build-finished", write_feeds, priority=600)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
