"""The ``highlight`` domain: which blocks of each document are shown as plain text.

State, in ``env.domaindata['highlight']``: ``records``, docname -> tuple of ``Block``
(only documents that have such blocks). Purge is a pop; a parallel merge copies only the
worker's docnames. Reports are derived from all records on every build (``summary.py``).

``blocks_to_fix(env)`` and ``listing(env)`` are the public API for tools that list every
such block (a future ``make check``).
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any, ClassVar, cast

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from . import summary
from .model import Block


class HighlightDomain(Domain):
    """Code blocks that cannot be highlighted, per document."""

    name = "highlight"
    label = "Code highlighting"
    initial_data: ClassVar = {"records": {}}
    data_version = 1

    @property
    def records(self) -> dict[str, tuple[Block, ...]]:
        return self.data["records"]

    def note(self, docname: str, blocks: tuple[Block, ...]) -> None:
        """Record what a freshly read document holds (nothing, if it has no such block)."""
        if blocks:
            self.records[docname] = blocks
        else:
            self.records.pop(docname, None)

    def clear_doc(self, docname: str) -> None:
        self.records.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["records"]:
                self.records[docname] = otherdata["records"][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []  # no targets (without this, MyST warns on every link it asks about)


def domain_of(env: BuildEnvironment) -> HighlightDomain:
    return cast(HighlightDomain, env.domains["highlight"])


def blocks_to_fix(env: BuildEnvironment) -> list[Block]:
    """Every block the last build showed as plain text, by document then line."""
    return summary.all_blocks(domain_of(env).records)


def listing(env: BuildEnvironment) -> list[str]:
    """The same, as ``posts/2025/x.md:12: nosuchlang (unknown)`` lines."""
    return summary.listing(
        domain_of(env).records, path=lambda docname: env.doc2path(docname, base=False).as_posix()
    )
