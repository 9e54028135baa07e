"""Text edits that remember where things came from.

A conversion rewrites parts of a post's body (a Liquid tag becomes a code fence, a link gets a
new address). Problems found later must still name the line of the *original* file, so every
rewrite is an :class:`Edit` and :func:`apply` returns, with the new text, an :class:`Origin`
that maps a position in the new text back to the original. Pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str


Span = tuple[int, int, int, int]


@dataclass(frozen=True)
class Origin:
    """Maps positions of an edited text back to the text it was first made from.

    Each layer is one round of edits: ``(new_start, new_end, old_start, old_end)`` per edit, in
    order. A position inside a replacement maps to the start of what it replaced.
    """

    layers: tuple[tuple[Span, ...], ...] = ()

    def old(self, position: int) -> int:
        """The position in the original text that ``position`` (in the newest text) came from."""
        for spans in reversed(self.layers):
            position = _back(spans, position)
        return position

    def then(self, later: Origin) -> Origin:
        """The origin of a text edited first as ``self`` says, then as ``later`` says."""
        return Origin(self.layers + later.layers)


def _back(spans: tuple[Span, ...], position: int) -> int:
    delta = 0
    for new_start, new_end, old_start, old_end in spans:
        if position < new_start:
            break
        if position < new_end:
            return old_start
        delta = old_end - new_end
    return position + delta


def apply(text: str, edits: Iterable[Edit]) -> tuple[str, Origin]:
    """The text with every edit made (edits must not overlap), and where its parts came from."""
    ordered = sorted(edits, key=lambda edit: (edit.start, edit.end))
    parts: list[str] = []
    spans: list[Span] = []
    cursor = 0
    length = 0
    for edit in ordered:
        if edit.start < cursor:
            raise ValueError(f"overlapping edits at {edit.start}")
        parts.append(text[cursor : edit.start])
        length += edit.start - cursor
        parts.append(edit.replacement)
        spans.append((length, length + len(edit.replacement), edit.start, edit.end))
        length += len(edit.replacement)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts), Origin((tuple(spans),))


def line_of(text: str, position: int, first_line: int = 1) -> int:
    """The 1-based line of ``position`` in ``text`` whose first line is ``first_line``."""
    return first_line + text.count("\n", 0, max(0, position))
