"""Where a Markdown body refers to other files: links, images, reference definitions and the
``src``/``href`` of raw HTML tags. Code is skipped. Pure functions.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .markdown import Range, Regions

_HTML_TAG = re.compile(r"<(?P<name>img|a|source|video|audio)\b(?P<attrs>[^<>]*)>", re.I)
_ATTRIBUTE = re.compile(
    r"""(?P<name>[\w:-]+)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+)))?"""
)
_DEFINITION = re.compile(
    r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?:<(?P<angle>[^>\n]*)>|(?P<url>\S+))", re.M
)


@dataclass(frozen=True)
class Reference:
    """One reference to another file or page.

    ``kind`` is ``inline`` (``[text](url)``), ``definition`` (``[label]: url``) or ``html``
    (an attribute of an HTML tag, named ``tag``). ``span`` is where ``url`` is in the text;
    ``whole`` is the whole link (``[text](url "title")``) or tag; ``text`` is the link text or
    image description.
    """

    kind: str
    url: str
    span: Range
    whole: Range
    image: bool = False
    text: str = ""
    tag: str = ""
    attributes: tuple[tuple[str, str], ...] = ()


def attributes(text: str) -> tuple[tuple[str, str], ...]:
    """An HTML tag's attributes (``name``, unescaped value), in order."""
    found = []
    for match in _ATTRIBUTE.finditer(text):
        value = match.group("dq") or match.group("sq") or match.group("bare") or ""
        found.append((match.group("name").lower(), html.unescape(value)))
    return tuple(found)


def find_references(text: str, where: Regions) -> list[Reference]:
    """Every reference outside code, in the order they appear."""
    found: list[Reference] = []
    for match in re.finditer(r"\]\(", text):
        if where.literal(match.start()):
            continue
        reference = _inline(text, match.start(), where)
        if reference is not None:
            found.append(reference)
    for match in _DEFINITION.finditer(text):
        if where.in_code(match.start()) or where.in_html_block(match.start()):
            continue
        group = "angle" if match.group("angle") is not None else "url"
        found.append(
            Reference(
                "definition",
                match.group(group),
                match.span(group),
                match.span(),
                text=match.group("label"),
            )
        )
    for match in _HTML_TAG.finditer(text):
        if where.in_code(match.start()):
            continue
        tag = match.group("name").lower()
        attrs_start = match.start("attrs")
        for attribute in _ATTRIBUTE.finditer(match.group("attrs")):
            name = attribute.group("name").lower()
            if name not in ("src", "href", "poster"):
                continue
            value_group = next(g for g in ("dq", "sq", "bare", "name") if attribute.group(g))
            if value_group == "name":
                continue
            start, end = attribute.span(value_group)
            found.append(
                Reference(
                    "html",
                    html.unescape(attribute.group(value_group)),
                    (attrs_start + start, attrs_start + end),
                    match.span(),
                    image=tag == "img",
                    tag=tag,
                    attributes=attributes(match.group("attrs")),
                )
            )
    return sorted(found, key=lambda reference: reference.span)


def _inline(text: str, bracket: int, where: Regions) -> Reference | None:
    """The inline link or image whose ``](`` is at ``bracket``, or None if it is not one."""
    opening = _opening_bracket(text, bracket, where)
    if opening is None:
        return None
    image = opening > 0 and text[opening - 1] == "!" and not _escaped(text, opening - 1)
    position = bracket + 2
    while position < len(text) and text[position] in " \t":
        position += 1
    if position < len(text) and text[position] == "\n":
        position += 1
        while position < len(text) and text[position] in " \t":
            position += 1
    if position < len(text) and text[position] == "<":
        close = text.find(">", position + 1)
        if close < 0 or "\n" in text[position:close]:
            return None
        span = (position + 1, close)
        position = close + 1
    else:
        start, depth = position, 0
        while position < len(text):
            char = text[position]
            if char == "\\" and position + 1 < len(text):
                position += 2
                continue
            if char.isspace() or ord(char) < 32:
                break
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            position += 1
        span = (start, position)
    title = re.compile(
        r"""[ \t]*(?:\n[ \t]*)?(?:"[^"]*"|'[^']*'|\([^)]*\))?[ \t]*(?:\n[ \t]*)?\)"""
    )
    closing = title.match(text, position)
    if closing is None:
        return None
    begin = opening - 1 if image else opening
    return Reference(
        "inline",
        text[span[0] : span[1]],
        span,
        (begin, closing.end()),
        image=image,
        text=text[opening + 1 : bracket],
    )


def _opening_bracket(text: str, closing: int, where: Regions) -> int | None:
    """The ``[`` matching the ``]`` at ``closing`` (same paragraph, brackets balanced)."""
    depth = 0
    position = closing - 1
    limit = max(0, text.rfind("\n\n", 0, closing))
    while position >= limit:
        char = text[position]
        if char in "[]" and not _escaped(text, position) and not where.in_code(position):
            if char == "]":
                depth += 1
            elif depth == 0:
                return position
            else:
                depth -= 1
        position -= 1
    return None


def _escaped(text: str, position: int) -> bool:
    count = 0
    while position - count - 1 >= 0 and text[position - count - 1] == "\\":
        count += 1
    return count % 2 == 1
