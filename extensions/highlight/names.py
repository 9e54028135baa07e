"""Fence names: the lexers this extension registers with Sphinx, by the name they take.

Pygments already knows most names people fence code with (``console``, ``shell-session``,
``erb``, ``html+erb``, ...). This table adds only:

* Elixir's templates, which Pygments lacks: ``eex``, ``leex`` and ``html+eex`` (GitHub's
  name for them), ``heex``, ``surface`` and ``sface`` (its file extension);
* Pygments' Elixir names, for its Elixir lexer without the bug that reads ``"#"`` or a
  ``## Examples`` heading in a ``@moduledoc`` as an error (``elixir.py``): ``ex``, ``exs``,
  ``iex``, and ``elixir``, which also falls back to EEx/HEEx for templates fenced as Elixir
  (``fenced_elixir.py``);
* names other tools use for languages Pygments has under another name: ``vimscript`` and
  ``viml`` (GitHub's names for Vim script), ``sh-session`` (GitHub's name for a shell
  session; Pygments has ``console`` and ``shell-session``), ``plaintext`` and ``txt``
  (highlight.js's and editors' name for plain text; Pygments has ``text``).
"""

from __future__ import annotations

from pygments.lexer import Lexer
from pygments.lexers.shell import BashSessionLexer
from pygments.lexers.special import TextLexer
from pygments.lexers.textedit import VimLexer

from .elixir import ElixirLexer, IExLexer
from .fenced_elixir import FencedElixirLexer
from .templates import EExLexer, HEExLexer, SurfaceLexer

LEXERS: dict[str, type[Lexer]] = {
    "eex": EExLexer,
    "leex": EExLexer,
    "html+eex": EExLexer,
    "heex": HEExLexer,
    "surface": SurfaceLexer,
    "sface": SurfaceLexer,
    "elixir": FencedElixirLexer,
    "ex": ElixirLexer,
    "exs": ElixirLexer,
    "iex": IExLexer,
    "vimscript": VimLexer,
    "viml": VimLexer,
    "sh-session": BashSessionLexer,
    "plaintext": TextLexer,
    "txt": TextLexer,
}
