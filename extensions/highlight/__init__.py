"""Code highlighting for an Elixir blog: the fence names Elixir developers use, and one
warning per language (not one per block) for code that cannot be highlighted.

Registers Pygments lexers for ``eex``/``leex``/``html+eex``, ``heex``, ``surface``/``sface``
(``templates.py``), an ``elixir`` lexer that falls back to EEx/HEEx for templates fenced as
Elixir (``elixir.py``), and a few aliases Pygments lacks (``names.py``).

A block whose language is unknown, or whose lexer reads it as an error, is shown as plain
text, exactly as written; each build warns once per language at its first block:
``[highlight.unknown]`` or ``[highlight.lexing]``.

Public API, to list every such block (e.g. for a ``make check`` command):

* ``extensions.highlight.sphinx_domain.listing(env)``: after a build, ``["posts/2025/x.md:12:
  nosuchlang (unknown)", ...]``; ``blocks_to_fix(env)`` gives the same as ``Block`` values.
* ``extensions.highlight.summary.listing(records, path)``: the pure function behind it,
  over the per-document records (docname -> ``Block`` tuple).
* ``extensions.highlight.check.problem(CodeBlock(code, language), lookup)``: one block,
  without a build.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .names import LEXERS
from .sphinx_domain import HighlightDomain
from .sphinx_events import PlainWhenUnhighlightable, report_blocks


def setup(app: Sphinx) -> ExtensionMetadata:
    for name, lexer in LEXERS.items():
        app.add_lexer(name, lexer)
    app.add_domain(HighlightDomain)
    app.add_transform(PlainWhenUnhighlightable)
    app.connect("env-updated", report_blocks)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
