"""The lexer for code fenced as ``elixir``: Elixir, unless the code is really a template.

People fence EEx and HEEx templates as ``elixir``. Pygments' Elixir lexer reads
``<%= @title %>`` as ``Error`` tokens (Sphinx then warns, once per block) and
``<div class={@class}>`` as a row of operators. So this lexer picks:

* the HEEx or EEx lexer when the code starts with an HTML tag or ``<%`` (Elixir code never
  does: ``<<`` opens a binary);
* else the Elixir lexer (``elixir.py``); if that yields an ``Error`` token and the code
  looks like a template (``<% %>`` tags, or HTML tags with ``{@x}``, ``attr={...}``,
  ``<.component>``, ``<:slot>``), the template's lexer, provided it reads the code without
  errors.

Ordinary Elixir pays for one list of its tokens and a scan of it for ``Error``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .elixir import ElixirLexer, Token
from .templates import EExLexer, HEExLexer, TemplateLexer, lexes_as_error

_EEX_TAG = re.compile(r"<%.*?%>", re.S)
_HTML_TAG = re.compile(r"<[A-Za-z.:][\w.:-]*[\s/>]")
#: HEEx's own syntax: {@assign}, attr={...}, <.function_component>, <:slot>.
_HEEX_MARKS = re.compile(r"\{@|=\{|<\.[a-z_]|<:[a-z_]")
#: An HTML tag, comment, doctype or EEx tag at the very start.
_STARTS_AS_TEMPLATE = re.compile(r"\s*<(?:[A-Za-z.:!]|%)")


def template_lexer_for(code: str) -> type[TemplateLexer] | None:
    """The template lexer ``code`` looks written for, or None when it looks like Elixir."""
    if _HTML_TAG.search(code) and _HEEX_MARKS.search(code):
        return HEExLexer
    if _EEX_TAG.search(code) or _STARTS_AS_TEMPLATE.match(code):
        return EExLexer
    return None


class FencedElixirLexer(ElixirLexer):
    """Elixir, or the EEx/HEEx template that was fenced as Elixir."""

    name = "Elixir (or an EEx/HEEx template)"
    aliases = ["elixir"]

    def get_tokens_unprocessed(self, text: str) -> Iterator[Token]:
        template = template_lexer_for(text)
        if template is not None and _STARTS_AS_TEMPLATE.match(text):
            yield from template(**self.options).get_tokens_unprocessed(text)
            return
        tokens: list[Token] = list(super().get_tokens_unprocessed(text))
        if template is None or not lexes_as_error(tokens):
            yield from tokens
            return
        fallback: list[Token] = list(template(**self.options).get_tokens_unprocessed(text))
        yield from tokens if lexes_as_error(fallback) else fallback
