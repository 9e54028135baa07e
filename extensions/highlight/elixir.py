"""Elixir and IEx lexers: Pygments' own, without two bugs that fail ordinary Elixir.

Pygments' Elixir lexer (2.21) reads two common things as ``Error`` tokens, and Sphinx then
warns about the block:

* a ``#`` that does not open ``#{...}`` inside a string, charlist, quoted atom, heredoc or
  sigil: ``"#"``, ``~r/#\\d+/``, every ``@moduledoc`` with a ``## Examples`` heading;
* the ``%`` of a struct named by anything but an alias: ``%__MODULE__{}``, ``%struct{}``,
  ``%_{}``.

``ElixirLexer`` adds a rule for each (the ``#`` as part of its string, the ``%`` as
punctuation) and is otherwise Pygments' lexer.

``IExLexer`` reads an IEx session (``iex(1)>`` and ``...(1)>`` prompts, output,
``** (RuntimeError)`` errors with their stack lines) and lexes the code with it; Pygments'
own ``iex`` lexer reads them as well, but with its Elixir lexer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pygments.lexer import Lexer, do_insertions, inherit
from pygments.lexers import ElixirLexer as PygmentsElixirLexer
from pygments.token import Generic, Punctuation, String

#: A token as ``get_tokens_unprocessed`` yields it: (offset, token type, text).
Token = tuple[int, Any, str]

#: The states of Pygments' lexer that read ``#{...}`` interpolation, and their token type.
_INTERPOLATING = {
    "string_double": String.Double,
    "string_single": String.Single,
    "string_double_atom": String.Symbol,
    "string_single_atom": String.Symbol,
    "heredoc_interpol": String.Heredoc,  # heredocs, and ~s"""...""" sigils
    **{f"{name}-intp": String.Other for name in ("cb", "sb", "pa", "ab", "slas", "pipe")},
    **{f"{name}-intp": String.Other for name in ("quot", "apos")},
}


class ElixirLexer(PygmentsElixirLexer):
    """Pygments' Elixir lexer, reading a lone ``#`` in a string as part of the string."""

    name = "Elixir"
    aliases = ["elixir", "ex", "exs"]
    tokens = {
        "root": [inherit, (r"%(?=[a-z_]\w*\{)", Punctuation)],
        **{state: [inherit, (r"#", token)] for state, token in _INTERPOLATING.items()},
    }


class IExLexer(Lexer):
    """An IEx session: prompts (``iex>``, ``iex(1)>``, ``iex(node@host)1>``, ``...(1)>``),
    the code after them (Elixir), what it printed, and errors (``** (KeyError) ...`` and
    the lines indented under them)."""

    name = "IEx session"
    aliases = ["iex"]

    _prompt = re.compile(r"(?:iex|\.\.\.)(?:\([^)\s]*\))?\d*> ?")

    def get_tokens_unprocessed(self, text: str) -> Iterator[Token]:
        elixir = ElixirLexer(**self.options)
        start, code = 0, ""  # one input: where it starts, its code (and its prompts)
        prompts: list[tuple[int, list[Token]]] = []
        offset, in_error = 0, False

        def lexed() -> Iterator[Token]:
            for pos, ttype, value in do_insertions(prompts, elixir.get_tokens_unprocessed(code)):
                yield start + pos, ttype, value

        for line in text.splitlines(keepends=True):
            prompt = self._prompt.match(line)
            if prompt:
                if not code:
                    start = offset
                prompts.append((len(code), [(0, Generic.Prompt, prompt.group())]))
                code += line[prompt.end() :]
                in_error = False
            else:
                if code:
                    yield from lexed()
                    code, prompts = "", []
                in_error = line.startswith("** ") or (in_error and line[:1].isspace())
                yield offset, Generic.Error if in_error else Generic.Output, line
            offset += len(line)
        if code:
            yield from lexed()
