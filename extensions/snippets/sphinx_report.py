"""Problems (data) become located, typed warnings: ``snippets.<code>``."""

from __future__ import annotations

from sphinx.util import logging

from .model import Problem

logger = logging.getLogger(__name__)


def report(problem: Problem) -> None:
    logger.warning(
        problem.message,
        type="snippets",
        subtype=problem.code,
        location=(problem.docname, problem.line),
    )
