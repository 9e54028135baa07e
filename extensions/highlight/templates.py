"""Pygments lexers for Elixir's HTML templates: EEx (and LEEx), HEEx and Surface.

Each template is lexed in two passes, the way Pygments' own template lexers (ERB, Django)
work. A scanner finds the Elixir in the template (``<% %>``/``<%= %>`` tags, ``{...}``
expressions, Surface's ``{#if ...}`` blocks) and the comments (``<%# %>``, ``<%!-- --%>``,
``{!-- --}``), and the Elixir lexer (``elixir.py``: Pygments' own, with a fix) lexes that
code; everything else is lexed as HTML by Pygments' ``HtmlLexer``, and the two token streams
are woven back together.

Two things keep ordinary templates free of ``Error`` tokens:

* where Elixir stands for an attribute's value (``class={@class}``), the HTML lexer is
  shown an empty string there (``class=""``), so it still reads a well-formed tag;
* the text around the Elixir is not necessarily HTML (EEx renders any text: emails,
  Elixir source, a stray ``&``), so whatever the HTML lexer cannot read is plain ``Text``.

What remains an ``Error`` is a broken template: a ``<%`` tag that is never closed, or code
in it that Elixir's lexer rejects. The lexers never raise, and the tokens always add up to
the input text, character for character.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pygments.lexer import Lexer
from pygments.lexers import HtmlLexer
from pygments.token import Comment, Error, Keyword, Name, String, Text

from .elixir import ElixirLexer, Token

#: A token without its offset.
Piece = tuple[Any, str]

#: Where an expression stands for an attribute's value: after ``=`` inside a tag.
_ATTRIBUTE_VALUE = re.compile(r"=\s*\Z")
_EEX_MARKER = re.compile(r"<%(?:=|/|\|)?")
_SURFACE_BLOCK = re.compile(r"\{#(\w+)")
_SURFACE_END = re.compile(r"\{/(\w+)\}")
_RAW_TEXT_END = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style")}


@dataclass(frozen=True)
class Hole:
    """Template syntax cut out of the HTML: ``tokens`` go at ``at`` in the HTML text,
    where ``placeholder`` characters (shown to the HTML lexer only) are dropped."""

    at: int
    placeholder: int
    tokens: tuple[Piece, ...]


@dataclass(frozen=True)
class Syntax:
    """Which template syntax a scanner recognises."""

    eex_tags: bool = False  # <% %>, <%= %>, <%# %>, <%!-- --%>, <%% (escaped)
    curly: bool = False  # {expression} in attributes and bodies (HEEx, Surface)
    surface: bool = False  # {#if}/{#for}/{/if} blocks, {!-- --} comments, <#slot> tags

    def start_pattern(self) -> re.Pattern[str]:
        """Where something other than plain template text may begin."""
        starts = []
        if self.eex_tags:
            starts.append(r"<%")
        if self.curly:
            starts += [r"\{", r"<!--", r"<(?:script|style)\b"]
        if self.surface:
            starts.append(r"</?#(?=\w)")
        return re.compile("|".join(starts), re.I)


EEX = Syntax(eex_tags=True)
HEEX = Syntax(eex_tags=True, curly=True)
SURFACE = Syntax(curly=True, surface=True)


class _Scanner:
    """Splits one template into the HTML it leaves and the holes cut out of it."""

    def __init__(self, syntax: Syntax, elixir: Lexer) -> None:
        self.syntax = syntax
        self.elixir = elixir
        self.start = syntax.start_pattern()
        self.html: list[str] = []
        self.length = 0  # of the HTML so far
        self.holes: list[Hole] = []

    def keep(self, chunk: str) -> None:
        """Leave ``chunk`` to the HTML lexer."""
        self.html.append(chunk)
        self.length += len(chunk)

    def hole(self, pieces: Iterable[Piece], value: bool = False) -> None:
        """Cut template syntax out; ``value``: an expression that may be an attribute's
        value, for which the HTML lexer is shown ``""``."""
        placeholder = '""' if value and self.after_equals() else ""
        self.holes.append(Hole(self.length, len(placeholder), tuple(p for p in pieces if p[1])))
        self.keep(placeholder)

    def after_equals(self) -> bool:
        for chunk in reversed(self.html):
            if chunk.strip():
                return chunk.rstrip().endswith("=")
        return False

    def elixir_pieces(self, code: str) -> list[Piece]:
        return [(ttype, value) for _, ttype, value in self.elixir.get_tokens_unprocessed(code)]

    def closing_brace(self, text: str, start: int) -> int | None:
        """The index of the ``}`` that closes the Elixir expression starting at ``start``.

        Elixir's lexer reads ahead lazily, so braces in strings, charlists, sigils, comments
        and ``#{}`` interpolation are not counted; it stops at the first unmatched ``}``."""
        depth = 0
        for index, ttype, value in self.elixir.get_tokens_unprocessed(text[start:]):
            if ttype in String or ttype in Comment:
                continue
            for offset, char in enumerate(value):
                if char == "{":
                    depth += 1
                elif char == "}":
                    if depth == 0:
                        return start + index + offset
                    depth -= 1
        return None

    def scan(self, text: str) -> tuple[str, list[Hole]]:
        """The HTML the template leaves once its own syntax is cut out, and the holes."""
        raw_until = 0  # inside <script>/<style>: no {interpolation} before this index
        pos = 0
        while (found := self.start.search(text, pos)) is not None:
            at, opener = found.start(), found.group()
            self.keep(text[pos:at])
            if opener.startswith("<%"):
                pos = self.eex_tag(text, at)
            elif opener == "<!--":  # HTML comments hold no {interpolation}
                end = text.find("-->", at + 4)
                pos = len(text) if end < 0 else end + 3
                self.keep(text[at:pos])
            elif opener.lower() in ("<script", "<style"):
                end_tag = _RAW_TEXT_END[opener[1:].lower()].search(text, at)
                raw_until = len(text) if end_tag is None else end_tag.end()
                pos = found.end()
                self.keep(opener)
            elif opener.endswith("#"):  # Surface's <#slot>, </#Raw>: the HTML reads <slot>
                self.keep(opener[:-1])
                self.hole([(Name.Tag, "#")])
                pos = found.end()
            elif at < raw_until:
                self.keep("{")
                pos = at + 1
            else:
                pos = self.curly(text, at)
        self.keep(text[pos:])
        return "".join(self.html), self.holes

    def eex_tag(self, text: str, at: int) -> int:
        """Cut out the EEx tag at ``at``; return where the template goes on.

        A tag that is never closed is an ``Error`` (EEx refuses to compile it)."""
        if text.startswith("<%!--", at):
            end = text.find("--%>", at + 5)
            if end < 0:
                self.hole([(Error, "<%!--")])
                return at + 5
            self.hole([(Comment.Multiline, text[at : end + 4])])
            return end + 4
        if text.startswith("<%%", at):  # escaped: renders "<%" and what follows as text
            self.hole([(String.Escape, "<%%")])
            return at + 3
        comment = text.startswith("<%#", at)
        marker = "<%#" if comment else _marker(text, at)
        end = text.find("%>", at + len(marker))
        if end < 0:
            self.hole([(Error, marker)])
            return at + len(marker)
        inner = text[at + len(marker) : end]
        if comment:
            self.hole([(Comment.Preproc, marker), (Comment, inner), (Comment.Preproc, "%>")])
        else:
            code = self.elixir_pieces(inner)
            self.hole([(Comment.Preproc, marker), *code, (Comment.Preproc, "%>")], value=True)
        return end + 2

    def curly(self, text: str, at: int) -> int:
        """Cut out the ``{...}`` at ``at`` (HEEx, Surface); return where the template goes
        on. A brace that closes nothing is left to the HTML, as text."""
        if self.syntax.surface:
            if text.startswith("{!--", at) and (stop := text.find("--}", at + 4)) >= 0:
                self.hole([(Comment.Multiline, text[at : stop + 3])])
                return stop + 3
            if closing := _SURFACE_END.match(text, at):
                name = closing.group(1)
                self.hole([(Comment.Preproc, "{/"), (Keyword, name), (Comment.Preproc, "}")])
                return closing.end()
            block = _SURFACE_BLOCK.match(text, at)
            if block and (close := self.closing_brace(text, block.end())) is not None:
                opener = [(Comment.Preproc, "{#"), (Keyword, block.group(1))]
                code = self.elixir_pieces(text[block.end() : close])
                self.hole([*opener, *code, (Comment.Preproc, "}")])
                return close + 1
        end = self.closing_brace(text, at + 1)
        if end is None:
            self.keep("{")
            return at + 1
        code = self.elixir_pieces(text[at + 1 : end])
        self.hole([(Comment.Preproc, "{"), *code, (Comment.Preproc, "}")], value=True)
        return end + 1


def _marker(text: str, at: int) -> str:
    found = _EEX_MARKER.match(text, at)
    return found.group() if found else "<%"


def weave(html_tokens: Iterable[Token], holes: Iterable[Hole]) -> Iterator[Token]:
    """The HTML tokens with each hole's tokens put in and its placeholder taken out.

    HTML the lexer could not read (``Error``) becomes ``Text``: template text need not be
    HTML. Offsets are renumbered to count in the template."""
    pending = deque(holes)
    out = 0
    skip_until = 0  # end of the placeholder being dropped

    def emit(ttype: Any, value: str) -> Iterator[Token]:
        nonlocal out
        if value:
            yield out, ttype, value
            out += len(value)

    for index, ttype, value in html_tokens:
        ttype = Text if ttype is Error else ttype
        stop = index + len(value)
        pos = max(index, skip_until)
        while pending and pending[0].at < stop:
            nxt = pending.popleft()
            yield from emit(ttype, value[pos - index : max(pos, nxt.at) - index])
            for piece_type, piece in nxt.tokens:
                yield from emit(piece_type, piece)
            skip_until = nxt.at + nxt.placeholder
            pos = max(pos, min(skip_until, stop))
        if pos < stop:
            yield from emit(ttype, value[pos - index :])
    for rest in pending:  # holes at the very end
        for piece_type, piece in rest.tokens:
            yield from emit(piece_type, piece)


class TemplateLexer(Lexer):
    """HTML with Elixir in it, as ``syntax`` says where."""

    syntax = EEX

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.elixir = ElixirLexer(**options)
        self.html = HtmlLexer(**options)

    def get_tokens_unprocessed(self, text: str) -> Iterator[Token]:
        html, holes = _Scanner(self.syntax, self.elixir).scan(text)
        yield from weave(self.html.get_tokens_unprocessed(html), holes)


class EExLexer(TemplateLexer):
    """EEx templates (``.eex``, and LiveView's older ``.leex``): text, usually HTML, with
    ``<% %>``, ``<%= %>``, ``<%# comment %>``, ``<%!-- comment --%>`` and ``<%%`` (a
    literal ``<%``)."""

    name = "EEx"
    aliases = ["eex", "leex", "html+eex"]
    filenames = ["*.eex", "*.leex"]
    syntax = EEX


class HEExLexer(TemplateLexer):
    """HEEx templates (Phoenix LiveView ``~H`` and ``.heex``): HTML with EEx tags and
    ``{...}`` in attributes and bodies, ``<.component>``/``<Module.component>``/``<:slot>``
    tags and ``:if``/``:for``/``:let`` attributes. No interpolation in ``<script>``,
    ``<style>`` and HTML comments."""

    name = "HEEx"
    aliases = ["heex"]
    filenames = ["*.heex"]
    syntax = HEEX


class SurfaceLexer(TemplateLexer):
    """Surface templates (``~F`` and ``.sface``): HTML with ``{...}``, ``{#if}``/
    ``{#for}``/``{#case}`` blocks closed by ``{/if}``..., ``{!-- comments --}`` and
    ``<#slot>``-style tags."""

    name = "Surface"
    aliases = ["surface", "sface"]
    filenames = ["*.sface"]
    syntax = SURFACE


def lexes_as_error(tokens: Iterable[Token | Piece]) -> bool:
    """Whether any token is an ``Error`` (what Sphinx's strict highlighting rejects)."""
    return any(token[-2] is Error for token in tokens)
