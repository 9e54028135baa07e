"""The build's side: find unhighlightable blocks as documents are read, report them once.

``PlainWhenUnhighlightable`` runs while each document is read: a literal block whose
language no lexer knows, or whose code its lexer reads as an error, is recorded in the
``highlight`` domain and set to ``text``, so Sphinx never tries the bad lexer (and never
warns once per block). It runs before the domains collect their data (``SphinxDomains``,
priority 850), so the snippets index, for one, sees the language the block is shown in.

``report_blocks`` (``env-updated``) turns all records into one located warning per
language, on every build, incremental ones included.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.highlighting import lexer_classes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .check import CodeBlock, LexerLookup, problem
from .model import Block
from .sphinx_domain import domain_of
from .summary import reports

logger = logging.getLogger(__name__)


def lexer_lookup(options: dict[str, dict[str, Any]]) -> LexerLookup:
    """Find a lexer by name as Sphinx's highlighter does: registered lexers (ours among
    them) first, then Pygments'; with the ``highlight_options`` for that name."""

    def lookup(name: str) -> Lexer | None:
        opts = options.get(name, {})
        if name in lexer_classes:
            return lexer_classes[name](**opts)
        try:
            return get_lexer_by_name(name, **opts)
        except ClassNotFound:
            return None

    return lookup


class PlainWhenUnhighlightable(SphinxTransform):
    """Record the blocks that cannot be highlighted and show them as plain text."""

    default_priority = 840

    def apply(self, **kwargs: Any) -> None:
        docname = self.env.current_document.docname
        lookup = lexer_lookup(self.config.highlight_options)
        found = []
        for node in self.document.findall(nodes.literal_block):
            if "language" not in node or node.rawsource != node.astext():
                continue  # the document's default language, or a parsed literal
            block = CodeBlock(node.rawsource, node["language"], bool(node.get("force")))
            reason = problem(block, lookup)
            if reason is not None:
                found.append(Block(docname, node.line or 0, block.language, reason))
                node["language"] = "text"
        domain_of(self.env).note(docname, tuple(found))


def report_blocks(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: one warning per language, at its first block."""
    for report in reports(domain_of(env).records):
        first = report.first
        logger.warning(
            report.message,
            type="highlight",
            subtype=first.reason.value,
            location=(first.docname, first.line),
        )
    return []
