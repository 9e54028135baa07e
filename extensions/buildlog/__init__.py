"""What the build says: warnings that stay until fixed.

``warned`` (pure) and ``sphinx_warned`` (a log handler and two event handlers): every
document that warned is read again by the next build, so its warnings are reported again.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_warned import WarnedDocuments


def setup(app: Sphinx) -> dict[str, Any]:
    warned = WarnedDocuments(app)  # one per application
    app.connect("builder-inited", warned.start, priority=100)
    app.connect("env-get-outdated", warned.read_again)
    app.connect("build-finished", warned.finish, priority=900)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
