"""The pure core, without Sphinx: the alias table, the check, and what a build reports."""

from __future__ import annotations

import pickle

import pytest
from pygments.lexer import Lexer
from pygments.lexers import find_lexer_class_by_name, get_lexer_by_name
from pygments.lexers.shell import BashSessionLexer
from pygments.lexers.special import TextLexer
from pygments.lexers.textedit import VimLexer
from pygments.token import Error
from pygments.util import ClassNotFound

from extensions.highlight.check import CodeBlock, lexer_name, problem
from extensions.highlight.elixir import ElixirLexer, IExLexer
from extensions.highlight.fenced_elixir import FencedElixirLexer
from extensions.highlight.model import Block, LanguageReport, Reason
from extensions.highlight.names import LEXERS
from extensions.highlight.summary import all_blocks, listing, reports
from extensions.highlight.templates import EExLexer, HEExLexer, SurfaceLexer


def lookup(name: str) -> Lexer | None:
    """As the build finds a lexer: ours first, then Pygments'."""
    if name in LEXERS:
        return LEXERS[name]()
    try:
        return get_lexer_by_name(name)
    except ClassNotFound:
        return None


def pygments_knows(name: str) -> bool:
    try:
        find_lexer_class_by_name(name)
    except ClassNotFound:
        return False
    return True


# -- the alias table ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "lexer"),
    [
        ("eex", EExLexer),
        ("leex", EExLexer),
        ("html+eex", EExLexer),
        ("heex", HEExLexer),
        ("surface", SurfaceLexer),
        ("sface", SurfaceLexer),
        ("elixir", FencedElixirLexer),
        ("ex", ElixirLexer),
        ("exs", ElixirLexer),
        ("iex", IExLexer),
        ("vimscript", VimLexer),
        ("viml", VimLexer),
        ("sh-session", BashSessionLexer),
        ("plaintext", TextLexer),
        ("txt", TextLexer),
    ],
)
def test_the_alias_table(name, lexer):
    assert LEXERS[name] is lexer


def test_every_alias_is_needed():
    """Only the Elixir names Pygments has (with its bugs) are replaced; every other entry is a
    name Pygments does not know."""
    assert {name for name in LEXERS if pygments_knows(name)} == {"elixir", "ex", "exs", "iex"}


#: The fence names the writing guide promises, and a snippet of each.
FENCES = {
    "console": "$ mix phx.new blog --live\n* creating blog/config/config.exs\n$ cd blog\n",
    "shell-session": "$ iex -S mix\nErlang/OTP 27 [erts-15.0]\n",
    "sh-session": "$ mix test\n..\nFinished in 0.1 seconds\n",
    "vimscript": '" format on save\nautocmd BufWritePre *.ex lua vim.lsp.buf.format()\n',
    "viml": "let g:mix_format_on_save = 1\n",
    "plaintext": "just text { with } <odd> & characters\n",
    "txt": "more text\n",
    "exs": 'Mix.install([{:req, "~> 0.5"}])\nReq.get!("https://example.com/#top")\n',
    "html+eex": "<p><%= @x %></p>\n",
    "erb": "<p><%= @x %></p>\n",
    "bash": 'for f in *.ex; do mix format "$f"; done\n',
}


@pytest.mark.parametrize("name", sorted(FENCES))
def test_fence_names_work(name):
    assert problem(CodeBlock(FENCES[name], name), lookup) is None


def test_console_names_are_pygments_own_session_lexer():
    assert type(lookup("console")) is BashSessionLexer
    assert type(lookup("shell-session")) is BashSessionLexer


def test_the_shell_session_lexer_reads_prompts_and_output():
    found = list(BashSessionLexer().get_tokens(FENCES["console"]))
    assert [value for ttype, value in found if "Prompt" in str(ttype)] == ["$ ", "$ "]
    assert [token for token in found if token[0] is Error] == []


# -- the check ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "reason"),
    [
        (CodeBlock("whatever", "nosuchlang"), Reason.UNKNOWN),
        (CodeBlock("x = 1 }", "elixir"), Reason.LEXING),
        (CodeBlock("x = 1 }", "elixir", force=True), None),  # :force: allows errors
        (CodeBlock("x = 1 }", "nosuchlang", force=True), Reason.UNKNOWN),  # but needs a lexer
        (CodeBlock("<p><%= @x %></p>", "elixir"), None),  # a template fenced as Elixir
        (CodeBlock("<p><%= @x %></p>", "heex"), None),
        (CodeBlock("$ ok", "default"), None),  # Sphinx falls back in silence
        (CodeBlock("anything", "guess"), None),
        (CodeBlock("def f(:\n", "python"), None),
        (CodeBlock("x = $", "python"), Reason.LEXING),
    ],
)
def test_problem(block, reason):
    assert problem(block, lookup) == reason


@pytest.mark.parametrize(
    ("language", "code", "name"),
    [
        ("python", "x = 1", "python"),
        ("py3", ">>> x = 1", "pycon"),
        ("pycon3", ">>> 1", "pycon"),
        ("default", ">>> 1", "default"),
        ("elixir", ">>> 1", "elixir"),
    ],
)
def test_lexer_name_follows_sphinx(language, code, name):
    assert lexer_name(language, code) == name


# -- what a build reports -------------------------------------------------------------------

RECORDS = {
    "posts/b": (
        Block("posts/b", 3, "nosuchlang", Reason.UNKNOWN),
        Block("posts/b", 9, "nosuchlang", Reason.UNKNOWN),
    ),
    "posts/a": (
        Block("posts/a", 20, "nosuchlang", Reason.UNKNOWN),
        Block("posts/a", 7, "elixir", Reason.LEXING),
    ),
    "about": (Block("about", 1, "mermaid", Reason.UNKNOWN),),
}


def test_one_report_per_language_at_its_first_block():
    assert reports(RECORDS) == [
        LanguageReport(Block("about", 1, "mermaid", Reason.UNKNOWN), blocks=1, documents=1),
        LanguageReport(Block("posts/a", 7, "elixir", Reason.LEXING), blocks=1, documents=1),
        LanguageReport(Block("posts/a", 20, "nosuchlang", Reason.UNKNOWN), blocks=3, documents=2),
    ]


def test_report_messages():
    by_language = {report.first.language: report.message for report in reports(RECORDS)}
    assert by_language == {
        "mermaid": "unknown code language 'mermaid': 1 code block in 1 document shown as plain "
        "text",
        "elixir": "code in 'elixir' that its lexer reads as an error: 1 code block in 1 document "
        "shown as plain text",
        "nosuchlang": "unknown code language 'nosuchlang': 3 code blocks in 2 documents shown as "
        "plain text (the first is here)",
    }


def test_no_records_no_reports():
    assert reports({}) == []
    assert reports({"a": ()}) == []


def test_listing_every_block_by_file_and_line():
    assert listing(RECORDS, path=lambda docname: f"{docname}.md") == [
        "about.md:1: mermaid (unknown)",
        "posts/a.md:7: elixir (lexing)",
        "posts/a.md:20: nosuchlang (unknown)",
        "posts/b.md:3: nosuchlang (unknown)",
        "posts/b.md:9: nosuchlang (unknown)",
    ]
    assert [block.line for block in all_blocks(RECORDS)] == [1, 7, 20, 3, 9]


def test_records_survive_pickle():
    assert pickle.loads(pickle.dumps(RECORDS)) == RECORDS
    assert len(pickle.dumps(RECORDS["about"])) < 200
