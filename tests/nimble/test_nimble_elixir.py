"""The Elixir literal reader: table-driven cases, located errors, and round-trip properties."""

from __future__ import annotations

import datetime as dt
import pickle
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extensions.nimble.elixir import LiteralError, parse_literal, to_elixir
from extensions.nimble.model import Atom, Charlist, EList, EMap, ETuple

UTC = dt.UTC


def kw(**pairs):
    return EList(tuple(ETuple((Atom(k), v)) for k, v in pairs.items()))


GOOD = [
    # maps, both key styles, nesting, trailing commas, comments
    ('%{title: "T"}', EMap(((Atom("title"), "T"),))),
    ('%{"title" => "T",}', EMap((("title", "T"),))),
    ('%{"a" => 1, b: 2}', EMap((("a", 1), (Atom("b"), 2)))),
    ("%{}", EMap(())),
    ("%{a: %{b: [1]}}", EMap(((Atom("a"), EMap(((Atom("b"), EList((1,))),))),))),
    ("%{\n  # a comment\n  a: 1, # another\n}", EMap(((Atom("a"), 1),))),
    ("%{draft?: true}", EMap(((Atom("draft?"), True),))),
    ('%{"with space": 1}', EMap(((Atom("with space"), 1),))),
    # scalars
    ("true", True),
    ("false", False),
    ("nil", None),
    ("42", 42),
    ("-7", -7),
    ("1_000_000", 1000000),
    ("0x1F", 31),
    ("0b101", 5),
    ("0o17", 15),
    ("1.5", 1.5),
    ("-2.5e3", -2500.0),
    ("1.0e-3", 0.001),
    (":foo", Atom("foo")),
    (":foo?", Atom("foo?")),
    (":Foo", Atom("Foo")),
    (':"with space"', Atom("with space")),
    (":true", True),
    # strings and escapes
    ('"plain"', "plain"),
    (r'"q \" b \\ n \n t \t"', 'q " b \\ n \n t \t'),
    (r'"\u{1F600} \u00e9 \s \e \0"', "\U0001f600 \u00e9   \x1b \x00"),
    ('"café ☕"', "café ☕"),
    (r'"\#{not interpolated}"', "#{not interpolated}"),
    ('"# not a comment"', "# not a comment"),
    ('"line\\\ncontinued"', "linecontinued"),
    ('"two\nlines"', "two\nlines"),
    ('"crlf\r\nline"', "crlf\nline"),
    ("'chars'", Charlist("chars")),
    # heredocs: the closing line's indentation is stripped
    ('"""\n  one\n    two\n  """', "one\n  two\n"),
    ('"""\n  """', ""),
    ('"""\n  a \\"""\n  """', 'a """\n'),
    ('"""\r\n  crlf\r\n  """', "crlf\n"),
    ('~s"""\n    sig\n    """', "sig\n"),
    ('~S"""\n  raw \\n #{x}\n  """', "raw \\n #{x}\n"),
    # string sigils
    ("~s(paren)", "paren"),
    (r"~s(esc \) \n)", "esc ) \n"),
    (r"~S(raw \n #{x})", r"raw \n #{x}"),
    ("~s[b]", "b"),
    ("~s{c}", "c"),
    ("~s<d>", "d"),
    ("~s|e|", "e"),
    ('~s"f"', "f"),
    ("~s'g'", "g"),
    ("~s/h/", "h"),
    ("~c(ab)", Charlist("ab")),
    # word sigils, every delimiter, modifiers
    ("~w(a b  c)", EList(("a", "b", "c"))),
    ("~w[a b]", EList(("a", "b"))),
    ("~w{a b}", EList(("a", "b"))),
    ("~w<a b>", EList(("a", "b"))),
    ("~w|a b|", EList(("a", "b"))),
    ('~w"a b"', EList(("a", "b"))),
    ("~w'a b'", EList(("a", "b"))),
    ("~w(a b)a", EList((Atom("a"), Atom("b")))),
    ("~w(a b)s", EList(("a", "b"))),
    ("~w(a b)c", EList((Charlist("a"), Charlist("b")))),
    ("~w(\n  multi\n  line\n)", EList(("multi", "line"))),
    ("~W(a\\n b)", EList(("a\\n", "b"))),
    ("~w()", EList(())),
    # lists, keyword lists, tuples
    ("[1, 2, 3,]", EList((1, 2, 3))),
    ("[minutes: 4, level: :beginner]", kw(minutes=4, level=Atom("beginner"))),
    ("[{:a, 1}]", kw(a=1)),
    ("[1, a: 2]", EList((1, ETuple((Atom("a"), 2))))),
    ("{}", ETuple(())),
    ("{:ok, 1}", ETuple((Atom("ok"), 1))),
    ("{1, a: 2}", ETuple((1, kw(a=2)))),
    # dates and times
    ("~D[2020-02-29]", dt.date(2020, 2, 29)),
    ("~N[2020-02-29 10:11:12]", dt.datetime(2020, 2, 29, 10, 11, 12)),
    ("~N[2020-02-29T10:11:12.5]", dt.datetime(2020, 2, 29, 10, 11, 12, 500000)),
    ("~U[2020-02-29 10:11:12Z]", dt.datetime(2020, 2, 29, 10, 11, 12, tzinfo=UTC)),
    ("~U[2020-02-29T10:11:12.123456Z]", dt.datetime(2020, 2, 29, 10, 11, 12, 123456, tzinfo=UTC)),
    ("~T[23:59:59]", dt.time(23, 59, 59)),
    ("~D(2020-01-01)", dt.date(2020, 1, 1)),
]


@pytest.mark.parametrize(("source", "expected"), GOOD, ids=[c[0] for c in GOOD])
def test_literal(source, expected):
    value = parse_literal(source)
    assert value == expected
    assert type(value) is type(expected)


BAD = [
    # (source, code, line, column, words in the message)
    ('"Hello #{System.get_env("USER")}"', "unsupported", 1, 8, "interpolation"),
    ("~s(#{x})", "unsupported", 1, 4, "interpolation"),
    ("~w(a #{b})", "unsupported", 1, 6, "interpolation"),
    ('%{title: String.upcase("x")}', "unsupported", 1, 10, "function call"),
    ("%{title: upcase(1)}", "unsupported", 1, 10, "function call"),
    ("%{title: some_var}", "unsupported", 1, 10, "variables"),
    ("%{title: @attr}", "unsupported", 1, 10, "module attributes"),
    ('%{title: "a" <> "b"}', "unsupported", 1, 14, "operator `<>`"),
    ("%{n: 1 + 2}", "unsupported", 1, 8, "operator `+`"),
    ("%{r: 1..2}", "unsupported", 1, 7, "operator `..`"),
    ("%{map | a: 1}", "unsupported", 1, 3, "variables"),
    ("%URI{}", "unsupported", 1, 1, "structs"),
    ("%{c: ?a}", "unsupported", 1, 6, "character literals"),
    ("%{s: ~r/x/}", "unsupported", 1, 6, "~r"),
    ("%{f: fn -> 1 end}", "unsupported", 1, 6, "code blocks"),
    ('"unterminated', "unterminated", 1, 1, "unterminated string"),
    ('%{a: "b}', "unterminated", 1, 6, "unterminated string"),
    ('%{\n  d: """\n  never closes\n}', "unterminated", 2, 6, "heredoc"),
    ("~s(never", "unterminated", 1, 1, "sigil ~s"),
    ("~w[a b", "unterminated", 1, 1, "sigil ~w"),
    ("%{a: 1", "unterminated", 1, 1, "map"),
    ("[1, 2", "unterminated", 1, 1, "list"),
    ("{1, 2", "unterminated", 1, 1, "tuple"),
    ("~D[2021-02-30]", "date", 1, 1, "day is out of range"),
    ("~D[2021-13-01]", "date", 1, 1, "month"),
    ("~D[21-01-01]", "date", 1, 1, "ISO 8601"),
    ("~N[2021-01-01 25:00:00]", "date", 1, 1, "hour"),
    ("~U[2021-01-01 10:00:00+01:00]", "date", 1, 1, "UTC"),
    ("~T[24:00:00]", "date", 1, 1, "hour"),
    ("%{a: 1} %{b: 2}", "syntax", 1, 9, "end of the header"),
    ("[a:1]", "syntax", 1, 2, "space"),
    ('%{"a" => 1 2}', "syntax", 1, 12, "`,` or `}`"),
    ("%{1}", "syntax", 1, 3, "`=>`"),
    ('%{a: 1, "b" => 2}', "syntax", 1, 13, "before"),
    ("[a: 1, 2]", "syntax", 1, 8, "last"),
    ("[1 => 2]", "syntax", 1, 4, "only allowed in maps"),
    ("~w(a)x", "syntax", 1, 1, "modifiers"),
    ("~s(a)a", "syntax", 1, 1, "no modifiers"),
    ('"\\u{D800}"', "syntax", 1, 2, "scalar"),
    ('"""not alone', "syntax", 1, 1, "must end its line"),
    ("1_", "syntax", 1, 1, "malformed number"),
    ("[" * 5000, "limit", 1, 33, "nested more than 32 levels deep"),
    ("", "empty", 1, 1, "empty"),
    ("  # only a comment\n", "empty", 2, 1, "empty"),
]


@pytest.mark.parametrize(
    ("source", "code", "line", "column", "words"), BAD, ids=[c[0] for c in BAD]
)
def test_rejected_with_a_location(source, code, line, column, words):
    with pytest.raises(LiteralError) as caught:
        parse_literal(source)
    error = caught.value
    assert (error.code, error.line, error.column) == (code, line, column), error
    assert words in error.message
    assert error.problem.line == line and error.problem.column == column


def test_first_line_offsets_locations():
    with pytest.raises(LiteralError) as caught:
        parse_literal("\n%{a: b}", first_line=10)
    assert (caught.value.line, caught.value.column) == (11, 6)


def test_nothing_is_evaluated(tmp_path, monkeypatch):
    """A header full of code is refused; nothing touches the file system or environment."""
    marker = tmp_path / "pwned"
    source = f'%{{title: File.write!("{marker}", "x"), b: System.cmd("touch", ["{marker}"])}}'
    with pytest.raises(LiteralError):
        parse_literal(source)
    assert not marker.exists()


def test_values_are_frozen_hashable_and_picklable():
    value = parse_literal("%{a: [b: {1, :c}], d: ~w(x y)a, e: ~D[2020-01-01], f: 'cl'}")
    assert hash(value) == hash(pickle.loads(pickle.dumps(value)))
    assert pickle.loads(pickle.dumps(value)) == value


# -- properties: generate values, print them as Elixir, read them back ----------

atom_names = st.from_regex(r"[a-z_][A-Za-z0-9_@]{0,8}[?!]?", fullmatch=True).filter(
    lambda name: name not in ("true", "false", "nil")
)
atoms = st.one_of(
    atom_names, st.text(max_size=8).filter(lambda n: n not in ("true", "false", "nil"))
).map(Atom)
texts = st.text(max_size=20)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
    atoms,
    texts.map(Charlist),
    st.dates(min_value=dt.date(1000, 1, 1)),
    st.datetimes(min_value=dt.datetime(1000, 1, 1)),
    st.datetimes(
        min_value=dt.datetime(1000, 1, 2),
        max_value=dt.datetime(9999, 12, 30),
        timezones=st.just(UTC),
    ),
    st.times(),
)


def containers(children):
    return st.one_of(
        st.lists(children, max_size=4).map(lambda items: EList(tuple(items))),
        st.lists(children, max_size=4).map(lambda items: ETuple(tuple(items))),
        st.dictionaries(atom_names.map(Atom), children, max_size=4).map(
            lambda d: EList(tuple(ETuple((k, v)) for k, v in d.items()))
        ),
        st.lists(st.tuples(st.one_of(texts, atoms, st.integers()), children), max_size=4).map(
            lambda pairs: EMap(tuple(pairs))
        ),
    )


values = st.recursive(scalars, containers, max_leaves=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values)
def test_printed_values_read_back(value):
    assert parse_literal(to_elixir(value)) == value


# Hand-written sources in every supported form, with the value they must give.

DELIMITERS = ["()", "[]", "{}", "<>", "||", '""', "''", "//"]


@st.composite
def string_sources(draw, text):
    """Source text for ``text``: a quoted string, a ~s/~S sigil or a heredoc."""
    forms = ["quoted", "sigil"]
    if text.endswith("\n") and "\r" not in text:
        forms.append("heredoc")
    form = draw(st.sampled_from(forms))
    if form == "quoted":
        return to_elixir(text)
    if form == "sigil":
        opening, closing = draw(st.sampled_from(DELIMITERS))
        raw_ok = closing not in text and "\\" not in text and "\r" not in text
        if raw_ok and draw(st.booleans()):
            return f"~S{opening}{text}{closing}"
        body = to_elixir(text)[1:-1].replace('\\"', '"')
        body = body.replace(closing, "\\" + closing) if closing != '"' else body.replace('"', '\\"')
        return f"~s{opening}{body}{closing}"
    indent = " " * draw(st.integers(0, 4))
    lines = text[:-1].split("\n")
    escaped = [to_elixir(line)[1:-1] for line in lines]
    return '"""\n' + "".join(f"{indent}{line}\n" for line in escaped) + indent + '"""'


@st.composite
def word_sources(draw):
    words = draw(
        st.lists(
            st.text(alphabet=string.ascii_letters + "_-.é", min_size=1, max_size=6), max_size=5
        )
    )
    opening, closing = draw(st.sampled_from(DELIMITERS))
    modifier = draw(st.sampled_from(["", "a", "s", "c"]))
    gap = draw(st.sampled_from([" ", "  ", "\n  ", "\t"]))
    source = f"~w{opening}{gap.join(words)}{closing}{modifier}"
    if modifier == "a":
        expected = EList(
            tuple(
                Atom(w)
                if w not in ("true", "false", "nil")
                else {"true": True, "false": False, "nil": None}[w]
                for w in words
            )
        )
    elif modifier == "c":
        expected = EList(tuple(Charlist(w) for w in words))
    else:
        expected = EList(tuple(words))
    return source, expected


@st.composite
def headers(draw):
    """A whole header in a random style: key syntax, spacing, comments, trailing comma."""
    keys = draw(st.lists(atom_names, min_size=1, max_size=5, unique=True))
    string_keys = draw(st.booleans())
    space = draw(st.sampled_from(["\n  ", " ", "\n  # note\n  ", "\r\n  "]))
    parts = []
    expected = []
    for key in keys:
        kind = draw(st.sampled_from(["string", "words", "value"]))
        if kind == "string":
            text = draw(st.text(max_size=12).map(lambda t: t + "\n" if t and t[-1] == "x" else t))
            source, value = draw(string_sources(text)), text
        elif kind == "words":
            source, value = draw(word_sources())
        else:
            value = draw(values)
            source = to_elixir(value)
        if string_keys:
            parts.append(f'"{key}" => {source}')
            expected.append((key, value))
        else:
            parts.append(f"{key}: {source}")
            expected.append((Atom(key), value))
    trailing = "," if draw(st.booleans()) else ""
    return "%{" + space + ("," + space).join(parts) + trailing + "\n}", EMap(tuple(expected))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=30).flatmap(lambda t: st.tuples(st.just(t), string_sources(t))))
def test_every_string_form_reads_back(case):
    text, source = case
    assert parse_literal(source) == text


@settings(max_examples=100, deadline=None)
@given(word_sources())
def test_word_sigils_read_back(case):
    source, expected = case
    assert parse_literal(source) == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headers())
def test_whole_headers_read_back(case):
    source, expected = case
    assert parse_literal(source) == expected
