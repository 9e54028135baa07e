"""Boundary: remember the documents that warned; have the next build read them again."""

from __future__ import annotations

import logging as stdlib_logging
from collections.abc import Set
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.logging import NAMESPACE, get_node_location, is_suppressed_warning

from .warned import dump, load, location_path

RECORD = "blog-warned.json"


class WarnedDocuments(stdlib_logging.Handler):
    """A log handler (one per application) noting the document of every warning."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(level=stdlib_logging.WARNING)
        self.app = app
        self.docnames: set[str] = set()
        self.paths: set[str] = set()
        self.count = 0  # warnings of this build (each record once)
        self._seen: set[int] = set()

    def emit(self, record: stdlib_logging.LogRecord) -> None:
        try:
            suppressed = self.app.config.suppress_warnings
        except AttributeError:
            suppressed = []
        if is_suppressed_warning(
            getattr(record, "type", ""), getattr(record, "subtype", ""), suppressed
        ):
            return
        if id(record) not in self._seen:  # a postponed warning is handled twice
            self._seen.add(id(record))
            self.count += 1
        location: Any = getattr(record, "location", None)
        if isinstance(location, tuple) and location and location[0]:
            self.docnames.add(str(location[0]))
        elif isinstance(location, nodes.Node):
            found = get_node_location(location)
            if found:
                self.paths.add(location_path(found))
        elif isinstance(location, str) and location:
            self.paths.add(location_path(location))

    def start(self, app: Sphinx) -> None:
        """builder-inited: listen to every warning of this build."""
        stdlib_logging.getLogger(NAMESPACE).addHandler(self)

    def read_again(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        added: Set[str],
        changed: Set[str],
        removed: Set[str],
    ) -> list[str]:
        """env-get-outdated: the documents that warned last time are read again."""
        try:
            warned = load((Path(app.doctreedir) / RECORD).read_text(encoding="utf-8"))
        except OSError:
            return []
        return sorted(warned & env.found_docs)

    def finish(self, app: Sphinx, exception: BaseException | None) -> None:
        """build-finished: save which documents warned; stop listening."""
        stdlib_logging.getLogger(NAMESPACE).removeHandler(self)
        docnames = set(self.docnames)
        for path in self.paths:
            docname = app.env.path2doc(path) if Path(path).is_absolute() else None
            if docname:
                docnames.add(docname)
        try:
            Path(app.doctreedir).mkdir(parents=True, exist_ok=True)
            (Path(app.doctreedir) / RECORD).write_text(dump(docnames), encoding="utf-8")
        except OSError as error:
            logging.getLogger(__name__).info("could not remember warnings: %s", error)
