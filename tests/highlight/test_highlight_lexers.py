"""The lexers, without Sphinx: realistic snippets lex without errors, and key tokens are right."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pygments.lexer import Lexer
from pygments.lexers import ElixirLexer as PygmentsElixirLexer
from pygments.token import (
    Comment,
    Error,
    Generic,
    Keyword,
    Name,
    Operator,
    Punctuation,
    String,
)

from extensions.highlight import templates
from extensions.highlight.elixir import ElixirLexer, IExLexer
from extensions.highlight.fenced_elixir import FencedElixirLexer, template_lexer_for
from extensions.highlight.templates import EExLexer, HEExLexer, SurfaceLexer

HEEX = """\
<.header>
  Listing posts
  <:actions>
    <.link navigate={~p"/posts/new"}>New post</.link>
  </:actions>
</.header>

<ul id="posts" phx-update="stream">
  <li :for={{dom_id, post} <- @streams.posts} id={dom_id} class={["post", post.draft && "x"]}>
    {post.title}
    <MyAppWeb.CoreComponents.icon name="hero-pencil" :if={@can_edit} />
  </li>
</ul>
<.form :let={f} for={@form} phx-submit="save">
  <.input field={f[:email]} label="Email" {@rest} />
</.form>
<%!-- the footer --%>
<footer>{length(@posts)} posts <%= if @admin, do: "(admin)" %></footer>
<script>window.config = {debug: true};</script>
<style>.card { color: red; }</style>
<!-- an HTML comment with {braces} -->
"""

EEX = """\
<!DOCTYPE html>
<html lang="en">
  <head><title><%= @page_title %> &middot; My blog</title></head>
  <body>
    <%# rendered by the layout %>
    <%= for post <- @posts do %>
      <article id="post-<%= post.id %>" class=<%= post.kind %>><%= raw post.body %></article>
    <% end %>
    <p>Write <%% tags %> to print them, & more.</p>
    <%!-- a multi-line
         comment --%>
  </body>
</html>
"""

EEX_NOT_HTML = """\
defmodule <%= @module %> do
  use Ecto.Schema

  schema "<%= @table %>" do
<%= for {name, type} <- @fields do %>    field :<%= name %>, <%= inspect(type) %>
<% end %>  end
end
"""

LEEX = """\
<%= f = form_for @changeset, "#", phx_change: "validate", phx_submit: "save" %>
  <%= label f, :title %>
  <%= text_input f, :title, class: "input" %>
  <%= error_tag f, :title %>
  <%= submit "Save", phx_disable_with: "Saving..." %>
</form>
"""

SURFACE = """\
<div class={"card", selected: @selected}>
  {#if @user}
    <h2>Hello, {@user.name}!</h2>
  {#elseif @guest}
    <p>Welcome back.</p>
  {#else}
    <p>Please sign in.</p>
  {/if}
  {#for item <- @items}
    <Card title={item.title} :on-click="select" />
  {/for}
  {#case @status}
    {#match :ok}
      Fine
    {#match _}
      Not fine
  {/case}
  {!-- only for admins --}
  <#slot {@footer} />
  <#Raw><b>raw</b></#Raw>
</div>
"""

IEX = """\
iex(1)> Enum.map([1, 2, 3], &(&1 * 2))
[2, 4, 6]
iex(2)> defmodule Greeter do
...(2)>   def hello(name), do: "Hello, #{name}!"
...(2)> end
{:module, Greeter, <<70, 79, 82, 49, ...>>, {:hello, 1}}
iex(3)> String.split("a#b", "#")
["a", "b"]
iex(4)> raise "boom"
** (RuntimeError) boom
    iex:4: (file)
iex(my_app@127.0.0.1)5> Node.self()
:"my_app@127.0.0.1"
iex>
"""

ELIXIR = '''\
defmodule Blog.Post do
  @moduledoc """
  A post.

  ## Examples

      iex> Blog.Post.slug(%Blog.Post{title: "Hello #1"})
      "hello-#1"
  """
  @enforce_keys [:title]
  defstruct [:title, tags: []]

  @type t :: %__MODULE__{title: String.t(), tags: [String.t()]}

  def slug(%__MODULE__{title: title}), do: title |> String.downcase() |> String.replace(" ", "-")
  def anchor(%_{} = any), do: "#" <> slug(any)
  def matches?(title), do: title =~ ~r/#\\d+/
end
'''


def tokens(lexer: Lexer, text: str) -> list[tuple[Any, str]]:
    return list(lexer.get_tokens(text))


def errors(lexer: Lexer, text: str) -> list[tuple[Any, str]]:
    return [(ttype, value) for ttype, value in tokens(lexer, text) if ttype is Error]


def between(found: list[tuple[Any, str]], opener: str, closer: str) -> list[tuple[Any, str]]:
    """The tokens after the first ``opener`` token, up to the next ``closer`` token."""
    start = next(i for i, (_, value) in enumerate(found) if value == opener)
    stop = next(i for i in range(start + 1, len(found)) if found[i][1] == closer)
    return found[start + 1 : stop]


CASES = [
    # lexer, text, tokens that must be there
    (
        EExLexer,
        EEX,
        [
            (Comment.Preproc, "<%="),
            (Name.Attribute, "@page_title"),
            (Keyword, "for"),
            (Operator, "<-"),
            (Comment, " rendered by the layout "),
            (String.Escape, "<%%"),
            (Comment.Multiline, "<%!-- a multi-line\n         comment --%>"),
            (Name.Tag, "article"),
            (Name.Attribute, "class"),
        ],
    ),
    (EExLexer, EEX_NOT_HTML, [(Name.Attribute, "@fields"), (Name, "inspect")]),
    (EExLexer, LEEX, [(Name, "form_for"), (String.Symbol, "phx_change"), (Name.Tag, "form")]),
    (
        HEExLexer,
        HEEX,
        [
            (Name.Tag, ".header"),
            (Name.Tag, ":actions"),
            (Name.Tag, "MyAppWeb.CoreComponents.icon"),
            (Name.Attribute, ":for"),
            (Name.Attribute, ":if"),
            (Name.Attribute, ":let"),
            (Name.Attribute, "@can_edit"),
            (Name.Attribute, "@streams"),
            (String.Other, '~p"'),
            (Comment.Multiline, "<%!-- the footer --%>"),
            (Comment.Preproc, "<%="),
            (Keyword, "if"),
            (Comment.Multiline, "<!-- an HTML comment with {braces} -->"),
        ],
    ),
    (
        SurfaceLexer,
        SURFACE,
        [
            (Comment.Preproc, "{#"),
            (Keyword, "if"),
            (Keyword, "elseif"),
            (Keyword, "else"),
            (Comment.Preproc, "{/"),
            (Keyword, "for"),
            (Keyword, "match"),
            (Comment.Multiline, "{!-- only for admins --}"),
            (Name.Tag, "#"),
            (Name.Tag, "slot"),
            (Name.Attribute, "@selected"),
            (String.Symbol, "selected"),
        ],
    ),
    (
        IExLexer,
        IEX,
        [
            (Generic.Prompt, "iex(1)> "),
            (Generic.Prompt, "...(2)> "),
            (Generic.Prompt, "iex(my_app@127.0.0.1)5> "),
            (Generic.Prompt, "iex>"),
            (Generic.Output, "[2, 4, 6]\n"),
            (Generic.Error, "** (RuntimeError) boom\n"),
            (Generic.Error, "    iex:4: (file)\n"),
            (Keyword.Declaration, "defmodule"),
            (String.Double, "#"),
        ],
    ),
    (
        ElixirLexer,
        ELIXIR,
        [
            (Name.Builtin.Pseudo, "__MODULE__"),
            (String.Heredoc, "#"),
            (String.Double, "#"),
            (String.Other, "#"),
            (Punctuation, "%"),
        ],
    ),
    (FencedElixirLexer, ELIXIR, [(Keyword.Declaration, "defmodule"), (Punctuation, "%")]),
    (FencedElixirLexer, EEX, [(Comment.Preproc, "<%="), (Name.Attribute, "@posts")]),
    (FencedElixirLexer, HEEX, [(Name.Tag, ".header"), (Name.Attribute, ":for")]),
]


@pytest.mark.parametrize(
    ("lexer", "text", "expected"),
    CASES,
    ids=[f"{case[0].__name__}-{n}" for n, case in enumerate(CASES)],
)
def test_realistic_snippets_lex_without_errors(lexer, text, expected):
    found = tokens(lexer(), text)
    assert [token for token in found if token[0] is Error] == []
    assert "".join(value for _, value in found) == text
    offsets = list(lexer().get_tokens_unprocessed(text))
    assert all(text[index : index + len(value)] == value for index, _, value in offsets)
    missing = [token for token in expected if token not in found]
    assert missing == []


@pytest.mark.parametrize(
    ("lexer", "text", "opener", "closer", "elixir"),
    [
        (EExLexer, EEX, "<%=", "%>", [(Name.Attribute, "@page_title")]),
        (EExLexer, 'a <%= x.("}") %> b', "<%=", "%>", [(Name, "x"), (String.Double, "}")]),
        (HEExLexer, HEEX, "{", "}", [(String.Other, '~p"')]),
        (
            HEExLexer,
            '<p id={"a-#{@id}"} class={%{a: {1, 2}}}>{"}"}</p>',
            "{",
            "}",
            [(String.Double, '"'), (String.Double, "a-"), (String.Interpol, "#{")],
        ),
        (SurfaceLexer, "{#for x <- @xs}{x}{/for}", "for", "}", [(Name, "x"), (Operator, "<-")]),
    ],
)
def test_the_code_inside_template_tags_is_lexed_as_elixir(lexer, text, opener, closer, elixir):
    inside = [token for token in between(tokens(lexer(), text), opener, closer)]
    assert [token for token in elixir if token not in inside] == []


def after(found: list[tuple[Any, str]], token: tuple[Any, str]) -> tuple[Any, str]:
    """The token that follows the last ``token``."""
    return found[len(found) - found[::-1].index(token)]


def test_braces_in_strings_sigils_and_maps_do_not_close_an_expression():
    found = tokens(HEExLexer(), '<p class={%{"}" => {1, 2}}[~s(})]}>x</p>')
    assert [value for ttype, value in found if ttype is Comment.Preproc] == ["{", "}"]
    assert after(found, (Comment.Preproc, "}")) == (Punctuation, ">")
    assert (String.Double, "}") in found
    assert (String.Other, "}") in found


@pytest.mark.parametrize(
    "text", ["<div class={@class}>x</div>", "<div class=<%= @class %>>x</div>", "<a b= {c}>d</a>"]
)
def test_an_expression_as_an_attribute_value_keeps_the_tag_whole(text):
    found = tokens(HEExLexer(), text)
    closer = "%>" if "%>" in text else "}"
    assert after(found, (Comment.Preproc, closer)) == (Punctuation, ">")


def test_no_interpolation_in_script_style_and_comments():
    text = "<script>let a = {b: 1};</script><style>p { x: y }</style><!-- {c} -->{d}"
    found = tokens(HEExLexer(), text)
    assert [value for ttype, value in found if ttype is Comment.Preproc] == ["{", "}"]  # {d}


@pytest.mark.parametrize(
    ("lexer", "text"),
    [
        (EExLexer, "<p><%= @title </p>"),  # a tag that is never closed
        (EExLexer, "<p><%= } %></p>"),  # code Elixir rejects
        (HEExLexer, "<p>{@x}</p><%!-- never closed"),
    ],
)
def test_broken_templates_are_errors(lexer, text):
    assert errors(lexer(), text) != []


@pytest.mark.parametrize(
    "text", ["{", "}", "<p>{</p>", "a < b & c", "<div class=>x</div>", "<.x {@y}"]
)
@pytest.mark.parametrize("lexer", [HEExLexer, SurfaceLexer])
def test_loose_text_is_not_an_error(lexer, text):
    assert errors(lexer(), text) == []


# -- never raise, lose nothing --------------------------------------------------------------

TEMPLATE_TEXT = st.text(alphabet="<%=#!-/{}@.:\"' \nabc>&()[]|", max_size=60)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=TEMPLATE_TEXT)
@pytest.mark.parametrize(
    "lexer", [EExLexer, HEExLexer, SurfaceLexer, FencedElixirLexer, ElixirLexer, IExLexer]
)
def test_lexers_never_raise_and_keep_every_character(lexer, text):
    found = list(lexer().get_tokens_unprocessed(text))
    assert "".join(value for _, _, value in found) == text
    assert all(text[index : index + len(value)] == value for index, _, value in found)


def test_weave_puts_holes_in_and_takes_placeholders_out():
    html = [(0, Name.Tag, "<a href="), (8, String, '""'), (10, Name.Tag, ">")]
    holes = [templates.Hole(8, 2, ((Comment.Preproc, "{"), (Name, "x"), (Comment.Preproc, "}")))]
    woven = list(templates.weave(html, holes))
    assert woven == [
        (0, Name.Tag, "<a href="),
        (8, Comment.Preproc, "{"),
        (9, Name, "x"),
        (10, Comment.Preproc, "}"),
        (11, Name.Tag, ">"),
    ]


# -- Elixir, and templates fenced as Elixir -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'x = "#"',
        '@moduledoc """\n## Examples\n"""',
        "~r/#\\d+/",
        ':"#"',
        "def f(%__MODULE__{a: a}), do: a",
        "def f(%struct{} = s), do: s",
    ],
)
def test_pygments_own_elixir_lexer_fails_these_and_ours_does_not(text):
    # The reason we register ex, exs, iex and elixir: when Pygments fixes this, drop the rules
    assert errors(PygmentsElixirLexer(), text) != []
    assert errors(ElixirLexer(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ELIXIR, None),
        ('def render(assigns) do\n  ~H"""\n  <p>{@x}</p>\n  """\nend\n', templates.HEExLexer),
        ("Hello <%= @name %>!\n", templates.EExLexer),
        ("<h1>Title</h1>\n<p>Text</p>\n", templates.EExLexer),
        ("<.button>Go</.button>", templates.HEExLexer),
        ("x = {@attr, 1}", None),  # a tuple with a module attribute: Elixir
        ("<<1, 2>> <> rest", None),
    ],
)
def test_template_lexer_for(text, expected):
    assert template_lexer_for(text) is expected


def test_a_heex_sigil_in_valid_elixir_stays_elixir():
    found = tokens(
        FencedElixirLexer(), 'def render(assigns) do\n  ~H"""\n  <p>{@x}</p>\n  """\nend'
    )
    assert (Keyword.Declaration, "def") in found
    assert (String.Other, "~H") in found


def test_ordinary_elixir_is_lexed_once(monkeypatch):
    """The fallback costs ordinary Elixir nothing but a scan of its tokens."""
    calls: list[str] = []
    original = templates.TemplateLexer.get_tokens_unprocessed

    def counting(self, text):
        calls.append(text)
        return original(self, text)

    monkeypatch.setattr(templates.TemplateLexer, "get_tokens_unprocessed", counting)
    assert errors(FencedElixirLexer(), ELIXIR) == []
    assert calls == []
    assert errors(FencedElixirLexer(), EEX) == []
    assert calls == [EEX]


def test_erroring_elixir_that_is_no_template_keeps_its_errors():
    assert errors(FencedElixirLexer(), "x = 1 }") == [(Error, "}")]
