"""Checks before publishing: ``make check`` builds the site with ``blog_check`` on and lists
every problem, one line each (file:line, what, how to fix), with the build's own warnings.

``extensions.frontmatter`` sets it up, so every site built with our extensions can be
checked. With ``blog_check`` off (every other build) it does nothing.

``links`` and ``posts`` are the pure checks, ``report`` reads the build's warnings back and
words the report, ``sphinx_checks`` is the boundary, and ``cli`` runs the checking build
(``python -m extensions.checks``).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .sphinx_checks import ChecksDomain, note_links, report_findings


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("blog_check", False, "env", types=[bool])
    app.add_domain(ChecksDomain)
    app.connect("doctree-read", note_links)
    app.connect("build-finished", report_findings, priority=700)  # after the feeds are written
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
