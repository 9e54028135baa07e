"""Jekyll's Liquid in a post's body, converted to MyST where it has a MyST equivalent.

=================================================  ===========================================
Liquid                                             MyST
=================================================  ===========================================
``{% highlight ruby %}...{% endhighlight %}``      a fenced code block (``{code-block}`` with
                                                   ``:linenos:`` / ``:emphasize-lines:`` for
                                                   ``linenos`` / ``mark_lines="2 3"``)
``{% raw %}...{% endraw %}``                       the content, literally (``{{`` escaped where
                                                   MyST would read a substitution)
``{% post_url 2010-07-21-name %}``                 a link to the converted post
``{% link _posts/2010-07-21-name.md %}``           the same (or the copied file it names)
``{{ site.url }}``, ``{{ site.baseurl }}``         nothing: the link becomes site-relative
``{{ "/x.png" | relative_url }}`` (absolute_url)   ``/x.png``
``{% comment %}...{% endcomment %}``               nothing (a note says so)
=================================================  ===========================================

Anything else (``{% include %}``, ``{{ page.title }}``, other tags and filters) is kept as
written, neutralised (:func:`~.markdown.kept_form`) and reported. Links and files named by
``post_url``/``link`` are left as markers (:class:`~.model.Pending`) for the whole import to
resolve. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..nimble.model import Problem
from .edits import Edit, Origin, apply, line_of
from .markdown import Regions, fence, kept_form, regions
from .model import Kept, Pending

_TOKEN = re.compile(
    r"\{%-?\s*(?P<tag>[A-Za-z_]\w*)?(?P<args>.*?)-?%\}|\{\{-?(?P<expr>.*?)-?\}\}", re.S
)
_SITE_URL = re.compile(r"^\s*site\.(?:url|baseurl)\s*$")
_URL_FILTER = re.compile(
    r"""^\s*(['"])(?P<path>[^'"]*)\1\s*\|\s*(?:relative_url|absolute_url)\s*$"""
)
_WORD = re.compile(r"""(?:"[^"]*"|'[^']*'|\S)+""")


def end_tag(name: str) -> re.Pattern[str]:
    return re.compile(r"\{%-?\s*" + name + r"\s*-?%\}")


_END = {name: end_tag("end" + name) for name in ("raw", "highlight", "comment")}
_RAW_TAGS = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")


@dataclass(frozen=True)
class Converted:
    """A body after conversion, with where its text came from and what was left over."""

    body: str
    origin: Origin
    pending: tuple[Pending, ...] = ()
    kept: tuple[Kept, ...] = ()
    notes: tuple[Problem, ...] = ()


class Keeper:
    """What a converter keeps as written: each construct with its line (``kept``), and the
    edit that shows it safely (``edits``, :func:`~.markdown.kept_form`)."""

    def __init__(
        self, body: str, first_line: int, where: Regions, edits: list[Edit], kept: list[Kept]
    ) -> None:
        self.body, self.first_line, self.where = body, first_line, where
        self.edits, self.kept = edits, kept

    def line(self, position: int) -> int:
        return line_of(self.body, position, self.first_line)

    def keep(self, start: int, end: int, why: str = "") -> None:
        text = self.body[start:end]
        self.kept.append(Kept(self.line(start), text + (f" ({why})" if why else "")))
        form = kept_form(text, self.body, start, self.where)
        if form != text:
            self.edits.append(Edit(start, end, form))


def marker(index: int) -> str:
    """The placeholder for the ``index``-th pending reference (private-use characters)."""
    return f"\ue000{index}\ue001"


def convert_liquid(body: str, first_line: int = 1, where: Regions | None = None) -> Converted:
    """Convert the Liquid in ``body`` (whose first line is line ``first_line`` of its file);
    ``where`` is :func:`~.markdown.regions` of ``body`` when the caller has it already."""
    where = regions(body) if where is None else where
    edits: list[Edit] = []
    pending: list[Pending] = []
    kept: list[Kept] = []
    notes: list[Problem] = []

    keeper = Keeper(body, first_line, where, edits, kept)
    line, keep = keeper.line, keeper.keep

    position = 0
    while True:
        match = _TOKEN.search(body, position)
        if match is None:
            break
        start, end = match.span()
        position = end
        tag, args, expr = match.group("tag"), match.group("args") or "", match.group("expr")
        if expr is not None:
            replacement = _output(expr)
            if replacement is None:
                keep(start, end)
            else:
                edits.append(Edit(start, end, replacement))
            continue
        if tag in _END:
            closing = _END[tag].search(body, end)
            if closing is None:
                keep(start, end, f"no {{% end{tag} %}}")
                continue
            position = closing.end()
            if tag == "raw":
                edits.append(Edit(start, end, ""))
                edits += _literal(body, end, closing.start(), where)
                edits.append(Edit(closing.start(), closing.end(), ""))
            elif tag == "highlight":
                edits.append(
                    Edit(start, closing.end(), _highlight(body, match, closing, kept, line))
                )
            else:
                edits.append(Edit(start, closing.end(), ""))
                notes.append(Problem("comment", "a Liquid comment was left out", line(start)))
        elif tag in ("post_url", "link") and args.strip():
            key = args.strip()
            kind = "post" if tag == "post_url" else "link"
            pending.append(Pending(marker(len(pending)), kind, key, match.group(), line(start)))
            edits.append(Edit(start, end, pending[-1].marker))
        else:
            keep(start, end)
    text, origin = apply(body, edits)
    return Converted(text, origin, tuple(pending), tuple(kept), tuple(notes))


def _output(expr: str) -> str | None:
    """What an output tag ``{{ expr }}`` becomes, or None when it cannot be converted."""
    if _SITE_URL.match(expr):
        return ""
    filtered = _URL_FILTER.match(expr)
    if filtered:
        return filtered.group("path")
    return None


def _literal(body: str, start: int, end: int, where: Regions) -> list[Edit]:
    """Edits that keep ``body[start:end]`` literal in MyST: ``{{`` escaped outside code."""
    edits = []
    for found in re.finditer(r"\{\{", body[start:end]):
        at = start + found.start()
        if not where.literal(at):
            edits.append(Edit(at, at + 2, "\\{\\{"))
    return edits


def _highlight(
    body: str,
    opening: re.Match[str],
    closing: re.Match[str],
    kept: list[Kept],
    line: Callable[[int], int],
) -> str:
    """A ``{% highlight %}`` block as a fenced code block. Inside it, ``{% raw %}`` content
    is kept literally, ``site.url``/``site.baseurl`` go, other Liquid is kept and reported."""
    words = _WORD.findall(opening.group("args") or "")
    language = words[0] if words else "text"
    options: list[tuple[str, str]] = []
    for word in words[1:]:
        name, _, value = word.partition("=")
        value = value.strip("\"'")
        if name == "linenos":
            options.append(("linenos", ""))
        elif name in ("mark_lines", "hl_lines") and value:
            options.append(("emphasize-lines", line_ranges(value)))
    pieces: list[str] = []
    cursor = position = opening.end()
    while True:
        token = _TOKEN.search(body, position, closing.start())
        if token is None:
            break
        position = token.end()
        pieces.append(body[cursor : token.start()])
        cursor = token.end()
        if token.group("tag") == "raw":
            raw_end = _END["raw"].search(body, token.end(), closing.start())
            if raw_end is not None:
                pieces.append(body[token.end() : raw_end.start()])
                cursor = position = raw_end.end()
                continue
        converted = _output(token.group("expr")) if token.group("expr") is not None else None
        if converted is None:
            kept.append(Kept(line(token.start()), token.group()))
            converted = token.group()
        pieces.append(converted)
    pieces.append(body[cursor : closing.start()])
    code = "".join(pieces)
    code = code[2:] if code.startswith("\r\n") else code[1:] if code.startswith("\n") else code
    info = f"{{code-block}} {language}" if options else language
    block = fence(code, info, tuple(options))
    line_start = body.rfind("\n", 0, opening.start()) + 1
    if body[line_start : opening.start()].strip():
        block = "\n" + block
    line_end = body.find("\n", closing.end())
    if body[closing.end() : len(body) if line_end < 0 else line_end].strip():
        block += "\n"
    return block


def line_ranges(text: str) -> str:
    """``"1 3-5"`` / ``[1, "3-5"]`` / ``1,3-5`` as Sphinx's ``1,3-5``."""
    parts = re.findall(r"\d+(?:-\d+)?", text)
    return ",".join(parts)
