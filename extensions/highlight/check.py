"""Can a code block be highlighted? Decided as Sphinx's highlighter would, before it tries.

Sphinx highlights a block when it writes the page: an unknown language name, or code its
lexer reads as an ``Error`` token, costs one warning per block, every build. Checking here,
while the document is read, lets the build show such a block as plain text and report it
once per language (see ``summary.py``).

``lexer`` finds a lexer by name the way the build does (Sphinx's registered lexers first,
then Pygments'); it returns None for a name nobody knows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pygments.lexer import Lexer

from .model import Reason
from .templates import lexes_as_error

LexerLookup = Callable[[str], Lexer | None]

#: Sphinx never warns about these: ``default`` (its default language: Python, falling back
#: to plain text in silence) and ``guess`` (whatever Pygments guesses).
NEVER_WARNS = frozenset({"default", "guess"})
#: Names Sphinx reads as Python, or as a Python session when the code starts with ``>>>``.
PYTHON = frozenset({"py", "python", "py3", "python3"})


@dataclass(frozen=True)
class CodeBlock:
    """A literal block as written: its code, the language it was fenced in, and whether
    errors are allowed (``:force:``)."""

    code: str
    language: str
    force: bool = False


def lexer_name(language: str, code: str) -> str:
    """The name of the lexer Sphinx uses for ``code`` fenced as ``language``."""
    if language in PYTHON:
        return "pycon" if code.startswith(">>>") else "python"
    return "pycon" if language == "pycon3" else language


def problem(block: CodeBlock, lexer: LexerLookup) -> Reason | None:
    """Why ``block`` cannot be highlighted, or None when it can."""
    if block.language in NEVER_WARNS:
        return None
    found = lexer(lexer_name(block.language, block.code))
    if found is None:
        return Reason.UNKNOWN
    if not block.force and lexes_as_error(found.get_tokens(block.code)):
        return Reason.LEXING
    return None
