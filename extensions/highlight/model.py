"""Data: the code blocks that cannot be highlighted, and what one build reports about them.

Nothing here imports Sphinx or docutils; every value is small, frozen and picklable, so a
document's record (a tuple of ``Block``) can live in the build environment and cross
process borders.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Reason(StrEnum):
    """Why a block is shown as plain text; the value is the warning's subtype
    (``highlight.unknown``, ``highlight.lexing``)."""

    UNKNOWN = "unknown"  # no lexer has this name
    LEXING = "lexing"  # the lexer read the code as an error


@dataclass(frozen=True, order=True)
class Block:
    """A code block shown as plain text: where it is, and the language it was fenced in."""

    docname: str
    line: int
    language: str
    reason: Reason


@dataclass(frozen=True)
class LanguageReport:
    """One warning per language and build: the first block, and how many there are."""

    first: Block
    blocks: int
    documents: int

    @property
    def message(self) -> str:
        language, reason = self.first.language, self.first.reason
        if reason is Reason.UNKNOWN:
            what = f"unknown code language {language!r}"
        else:
            what = f"code in {language!r} that its lexer reads as an error"
        count = "1 code block" if self.blocks == 1 else f"{self.blocks} code blocks"
        where = "1 document" if self.documents == 1 else f"{self.documents} documents"
        first = "" if self.blocks == 1 else " (the first is here)"
        return f"{what}: {count} in {where} shown as plain text{first}"
