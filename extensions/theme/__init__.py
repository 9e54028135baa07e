"""The blog's look: its own HTML theme ("blog", in ``blog/``) and the reader features that go
with it: light and dark schemes with a toggle, a phone layout, code colours that pass WCAG AA
in both schemes, a favicon, tables of contents, lazy images with their size, snippet previews.

``contrast``, ``styles``, ``code_colours``, ``toc``, ``page``, ``previews`` and ``settings`` are
the pure core; ``sphinx_theme`` is the boundary.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .model import THEME
from .settings import SETTINGS
from .sphinx_theme import (
    THEME_DIR,
    Theme,
    depart_nothing,
    post_toc,
    visit_post_toc,
)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_html_theme(THEME, str(THEME_DIR))
    for name, (_, default, _) in SETTINGS.items():
        app.add_config_value(name, default, "html", types=[type(default)])
    app.add_node(post_toc, html=(visit_post_toc, depart_nothing))
    theme = Theme()  # one per application
    app.connect("config-inited", theme.configure)
    app.connect("builder-inited", theme.start)
    app.connect("env-updated", theme.derive, priority=700)
    app.connect("doctree-resolved", theme.resolve, priority=600)
    app.connect("html-page-context", theme.page_context, priority=500)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
