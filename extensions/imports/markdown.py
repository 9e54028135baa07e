"""Just enough Markdown: where code and raw HTML are, how to write a fence or a code span,
and where the links are.

Block structure comes from markdown-it-py (the parser MyST itself uses), so a fence or an
indented code block is found exactly where MyST will find it; code spans and inline HTML
tags are found line by line in the text between blocks. Pure functions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

Range = tuple[int, int]
_AFTER_ALL = 1 << 62  # sorts after any end offset


@dataclass(frozen=True)
class Regions:
    """Where a text holds code (fenced and indented blocks, code spans) and raw HTML (HTML
    blocks, inline tags). Nothing in either is Markdown: MyST shows it as it is, and
    substitutions (``{{ x }}``) are not looked for there."""

    code: tuple[Range, ...] = ()
    html: tuple[Range, ...] = ()
    html_blocks: tuple[Range, ...] = ()

    def in_code(self, position: int) -> bool:
        return _inside(self.code, position)

    def in_html(self, position: int) -> bool:
        return _inside(self.html, position)

    def in_html_block(self, position: int) -> bool:
        return _inside(self.html_blocks, position)

    def html_block_at(self, position: int) -> Range | None:
        """The HTML block ``position`` is in, if any."""
        index = bisect.bisect_right(self.html_blocks, (position, _AFTER_ALL)) - 1
        if index >= 0 and self.html_blocks[index][0] <= position < self.html_blocks[index][1]:
            return self.html_blocks[index]
        return None

    def literal(self, position: int) -> bool:
        """True inside code or raw HTML: text there is never Markdown."""
        return self.in_code(position) or self.in_html(position)


def _inside(ranges: tuple[Range, ...], position: int) -> bool:
    index = bisect.bisect_right(ranges, (position, _AFTER_ALL)) - 1
    return index >= 0 and ranges[index][0] <= position < ranges[index][1]


#: Block structure only (no inline parsing: code spans are found below). A configured parser
#: is a constant, like a compiled pattern: ``parse`` keeps its state in the call, not here.
_BLOCKS = MarkdownIt("commonmark").enable("table").disable("inline")


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts (plus ``len(text)`` as a last entry)."""
    starts = [0]
    starts += [match.end() for match in re.finditer("\n", text)]
    if starts[-1] != len(text):
        starts.append(len(text))
    return starts


_TICKS = re.compile(r"`+")
_INLINE_TAG = re.compile(
    r"<!--.*?-->|<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|</[A-Za-z][A-Za-z0-9-]*\s*>", re.S
)


def regions(text: str) -> Regions:
    """Where the code and the raw HTML of a Markdown text are (character ranges)."""
    starts = line_starts(text)

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else len(text)

    code: list[Range] = []
    blocks: list[Range] = []
    taken = [False] * (len(starts) + 1)
    for token in _BLOCKS.parse(text):
        if token.map is None or token.type not in ("fence", "code_block", "html_block"):
            continue
        first, last = token.map
        (blocks if token.type == "html_block" else code).append((offset(first), offset(last)))
        for line in range(first, min(last, len(taken))):
            taken[line] = True
    html: list[Range] = list(blocks)
    for start, end in _chunks(text, starts, taken):
        spans = code_spans(text, start, end)
        code += spans
        for match in _INLINE_TAG.finditer(text, start, end):
            if not any(s <= match.start() < e for s, e in spans):
                html.append(match.span())
    return Regions(tuple(sorted(code)), tuple(sorted(html)), tuple(sorted(blocks)))


def _chunks(text: str, starts: list[int], taken: list[bool]) -> list[Range]:
    """Runs of consecutive non-blank lines outside code and HTML blocks (roughly: paragraphs)."""
    chunks: list[Range] = []
    begin: int | None = None
    for line in range(len(starts)):
        start = starts[line]
        end = starts[line + 1] if line + 1 < len(starts) else len(text)
        if start >= len(text):
            break
        blank = not text[start:end].strip()
        if taken[line] or blank:
            if begin is not None:
                chunks.append((begin, start))
                begin = None
        elif begin is None:
            begin = start
    if begin is not None:
        chunks.append((begin, len(text)))
    return chunks


def code_spans(text: str, start: int = 0, end: int | None = None) -> list[Range]:
    """Code spans (backtick strings and what they enclose) in ``text[start:end]``."""
    end = len(text) if end is None else end
    spans: list[Range] = []
    position = start
    while True:
        opening = _TICKS.search(text, position, end)
        if opening is None:
            return spans
        begin, run = opening.start(), len(opening.group())
        if _escaped(text, begin, start):  # \` is a literal backtick
            begin, run = begin + 1, run - 1
            if not run:
                position = opening.end()
                continue
        closing = re.compile(rf"(?<!`)`{{{run}}}(?!`)").search(text, opening.end(), end)
        if closing is None:
            position = opening.end()
            continue
        spans.append((begin, closing.end()))
        position = closing.end()


_BRACES = re.compile(r"\{\{")


def escape_braces(text: str) -> str:
    """``{{`` outside code and raw HTML written ``\\{\\{``: MyST's ``substitution`` extension
    would read it as a substitution, and shows it as written once escaped."""
    found = [m.start() for m in _BRACES.finditer(text)]
    if not found:
        return text
    where = regions(text)
    out: list[str] = []
    cursor = 0
    for position in found:
        if where.literal(position) or _escaped(text, position):
            continue
        out.append(text[cursor:position])
        out.append("\\{\\{")
        cursor = position + 2
    out.append(text[cursor:])
    return "".join(out)


def _escaped(text: str, position: int, floor: int = 0) -> bool:
    """Is the character at ``position`` escaped by an odd run of backslashes before it?"""
    count = 0
    while position - count - 1 >= floor and text[position - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def fence(code: str, info: str, options: tuple[tuple[str, str], ...] = ()) -> str:
    """A fenced block holding ``code`` exactly, with a fence longer than any backtick run in it.

    ``options`` become MyST directive options (``:linenos:``), for ``{code-block}`` and
    ``{figure}`` fences. No trailing newline.
    """
    longest = max((len(m.group()) for m in re.finditer(r"`+", code)), default=0)
    marks = "`" * max(3, longest + 1)
    lines = [marks + info]
    lines += [f":{name}: {value}".rstrip() for name, value in options]
    body = code[:-1] if code.endswith("\n") else code
    if options and body:
        lines.append("")
    if body:
        lines.append(body)
    lines.append(marks)
    return "\n".join(lines)


def inline_code(text: str) -> str:
    """A code span showing ``text`` exactly (on one line)."""
    flat = " ".join(text.split("\n"))
    longest = max((len(m.group()) for m in re.finditer(r"`+", flat)), default=0)
    marks = "`" * (longest + 1)
    pad = flat.startswith("`") or flat.endswith("`") or (flat[:1] == " " and flat[-1:] == " ")
    return f"{marks} {flat} {marks}" if pad else f"{marks}{flat}{marks}"


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>])")


def text_literal(text: str) -> str:
    """Text for a Markdown link text or image alt: brackets and emphasis marks escaped."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S*$")


def in_link_destination(text: str, position: int) -> bool:
    """Is ``position`` inside a Markdown link destination (``[x](HERE)``, ``[x]: HERE``)?"""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    opening = before.rfind("](")
    if opening >= 0 and not re.search(r"[\s)]", before[opening + 2 :]):
        return True
    return bool(_DEFINITION.match(before))


def kept_form(construct: str, text: str, position: int, where: Regions) -> str:
    """How a construct we cannot convert (``{% include x %}``, ``{{< tweet >}}``) is kept.

    As written inside code, raw HTML and link destinations (where MyST neither evaluates
    nor reformats it; a link around one is dealt with by the link pass); elsewhere as a code
    span, so it shows exactly as written and can never become a substitution.
    """
    if where.literal(position) or in_link_destination(text, position):
        return construct
    if re.search(r"\n[ \t]*\n", construct):  # a code span cannot hold a blank line
        return construct.replace("{{", "\\{\\{")
    return inline_code(construct)
