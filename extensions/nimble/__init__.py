"""NimblePublisher posts: read them as they are, and convert them to MyST.

A post whose first non-blank line starts with ``%{`` is a NimblePublisher post: an Elixir
map literal (parsed, never evaluated), a ``---`` line, then Markdown. ``extensions.frontmatter``
asks us (``blog-source`` event) to translate each post before it reads the front matter.
Converting them for good is ``extensions.imports`` (``make import SRC=...``), which uses the
same :func:`~extensions.nimble.translate.translate`.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_reader import on_blog_source


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("extensions.frontmatter")  # defines the blog-source event
    app.connect("blog-source", on_blog_source)
    # The handler keeps no state and stores nothing in the environment: a pure function of
    # (docname, text). (ABlog itself is not parallel-read safe, so Sphinx reads serially.)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
