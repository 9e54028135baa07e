"""What a build says about the blocks it showed as plain text: one report per language.

Every function here takes the per-document records (docname -> the ``Block`` values read
from that document) and derives its answer from all of them, so an incremental build that
re-reads nothing reports the same as a clean one.

``listing`` is the whole list, one ``file:line: language (reason)`` line per block, for a
command such as a future ``make check``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from .model import Block, LanguageReport


def all_blocks(records: Mapping[str, Iterable[Block]]) -> list[Block]:
    """Every block, by document then line."""
    return sorted(block for blocks in records.values() for block in blocks)


def reports(records: Mapping[str, Iterable[Block]]) -> list[LanguageReport]:
    """One report per language (and reason), located at its first block; ordered by that
    block's place, as blocks are grouped in order."""
    by_language: dict[tuple[str, str], list[Block]] = {}
    for block in all_blocks(records):
        by_language.setdefault((block.language, block.reason), []).append(block)
    return [
        LanguageReport(blocks[0], len(blocks), len({block.docname for block in blocks}))
        for blocks in by_language.values()
    ]


def listing(records: Mapping[str, Iterable[Block]], path: Callable[[str], str]) -> list[str]:
    """Every block as ``posts/2025/x.md:12: nosuchlang (unknown)``; ``path`` spells a
    docname as a file."""
    return [
        f"{path(block.docname)}:{block.line}: {block.language} ({block.reason})"
        for block in all_blocks(records)
    ]
