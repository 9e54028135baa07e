"""Boundary: the one line a quiet build ends with.

``make html`` runs ``sphinx-build -q`` (warnings only) with ``blog_quiet`` on: this module
then writes one closing line to standard output, the build's own report to the person
running it (posts, pages, feeds, warnings, seconds; ``summary.summary_line``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .sphinx_warned import WarnedDocuments
from .summary import summary_line


class ClosingLine:
    """One per application: when the build started, and how it went."""

    def __init__(self, warned: WarnedDocuments) -> None:
        self.warned = warned
        self.started = time.monotonic()

    def start(self, app: Sphinx, config: Config) -> None:
        """config-inited: the clock starts (reading conf.py and loading Sphinx came first)."""
        self.started = time.monotonic()

    def finish(self, app: Sphinx, exception: BaseException | None) -> None:
        """build-finished: posts, pages, feeds, warnings, seconds."""
        if not app.config.blog_quiet:
            return
        outdir = Path(app.outdir)
        pages = sum(1 for _ in outdir.rglob("*.html")) if outdir.is_dir() else 0
        feeds_dir = outdir / "feeds"
        feeds = (
            sum(1 for p in feeds_dir.rglob("*") if p.suffix in (".xml", ".json"))
            if feeds_dir.is_dir()
            else 0
        )
        posts: Any = getattr(app.env.domains.get("blog"), "posts", {})
        listed = sum(1 for post in posts.values() if getattr(post, "date", None) is not None)
        # -W: Sphinx fails the build after this event when anything warned
        fails_on_warnings = bool(getattr(app, "_fail_on_warnings", False))
        line = summary_line(
            posts=listed,
            pages=pages,
            feeds=feeds,
            warnings=self.warned.count,
            seconds=time.monotonic() - self.started,
            failed=exception is not None or (self.warned.count > 0 and fails_on_warnings),
        )
        sys.stdout.write(line + "\n")  # the build's report to whoever ran `make html`
        sys.stdout.flush()
