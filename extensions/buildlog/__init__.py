"""What the build says: warnings that stay until fixed, and nothing else but one line.

``warned`` (pure) and ``sphinx_warned`` (a log handler and two event handlers): every
document that warned is read again by the next build, so its warnings are reported again.
``summary`` and ``sphinx_quiet``: with ``blog_quiet`` (``make html`` sets it, and runs
Sphinx with ``-q``), the build ends with one line: posts, pages, feeds, warnings, seconds.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_quiet import ClosingLine
from .sphinx_warned import WarnedDocuments


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("blog_quiet", False, "", types=[bool])
    warned = WarnedDocuments(app)  # one per application
    closing = ClosingLine(warned)
    app.connect("config-inited", closing.start, priority=0)
    app.connect("build-finished", closing.finish, priority=1000)
    app.connect("builder-inited", warned.start, priority=100)
    app.connect("env-get-outdated", warned.read_again)
    app.connect("build-finished", warned.finish, priority=900)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
