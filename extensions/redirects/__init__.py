"""Redirects: old addresses keep working.

A document whose front matter lists old addresses (``redirect_from``, jekyll-redirect-from's
name, or ``aliases``, Hugo's) gets a small HTML page at each of them in the HTML output,
sending readers to its new address (``paths`` and ``plan`` are the pure rules;
``sphinx_redirects`` reads the front matter and writes the pages). ``make import`` records
these addresses for every imported post.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_redirects import RedirectsDomain, RedirectWriter, collect, note_key_lines


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_domain(RedirectsDomain)
    # Before extensions.frontmatter (400) rewrites a post's front matter: lines as written.
    app.connect("source-read", note_key_lines, priority=300)
    app.connect("doctree-read", collect)
    writer = RedirectWriter()  # one per application, never shared between builds
    app.connect("builder-inited", writer.reset)
    app.connect("html-page-context", writer.note_page)
    # After extensions.ablog_shims (500) deleted the pages of removed documents.
    app.connect("build-finished", writer.write, priority=550)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,  # tests/redirects: a -j 2 build equals a serial one
        "parallel_write_safe": True,
    }
