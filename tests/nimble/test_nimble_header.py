"""Splitting NimblePublisher files, mapping headers to post metadata, and the MyST translation."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extensions.nimble.elixir import to_elixir
from extensions.nimble.header import (
    Split,
    decode,
    front_matter,
    looks_like_myst,
    looks_like_nimble,
    path_info,
    read_header,
    split,
    yaml_value,
)
from extensions.nimble.model import Atom, EList, EMap, ETuple, Problem
from extensions.nimble.translate import render, translate

SHARED = Path(__file__).resolve().parent / "cases"  # NimblePublisher cases kept with the tests
GOOD_FILES = sorted((SHARED / "posts").rglob("*.md"))
BAD_FILES = sorted((SHARED / "bad").rglob("*.md"))


def yaml_of(myst: str) -> dict:
    lines = myst.replace("\r\n", "\n").split("\n")
    assert lines[0] == "---"
    return yaml.safe_load("\n".join(lines[1 : lines.index("---", 1)]))


def relative(path: Path) -> str:
    return path.relative_to(SHARED).as_posix()


def mapped(source: str, path: str = "posts/2021/03-04-slug.md") -> dict:
    cut = split(source)
    assert isinstance(cut, Split), cut
    header = read_header(cut)
    assert not isinstance(header, Problem), header
    result = front_matter(header, path, cut.header)
    assert not isinstance(result, Problem), result
    return dict(result[0])


# -- detection and splitting --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "nimble"),
    [
        ('%{title: "x"}\n---\n', True),
        ('\n\n  %{title: "x"}\n---\n', True),
        ('\ufeff%{title: "x"}\n---\n', True),
        ("---\ntitle: x\n---\n", False),
        ("# Heading\n", False),
        ('[title: "A keyword list"]\n---\nBody\n', True),
        ('%Post{title: "A struct"}\n---\nBody\n', True),
        ("[link]: https://example.org\n---\n", False),
        ("[title: no separator]\n", False),
        ("", False),
    ],
)
def test_detection(text, nimble):
    assert looks_like_nimble(text) is nimble


def test_myst_detection():
    assert looks_like_myst("---\ntitle: x\n---\n")
    assert looks_like_myst("\ufeff---\r\ntitle: x\r\n---\r\n")
    assert not looks_like_myst('%{title: "x"}\n---\n')


@pytest.mark.parametrize(
    ("text", "header", "body", "line", "newline"),
    [
        ("%{}\n---\nbody\n", "%{}\n", "body\n", 2, "\n"),
        ("%{}\r\n---\r\nbody\r\n", "%{}\r\n", "body\r\n", 2, "\r\n"),
        ("%{}\n---\nA\n---\nB\n", "%{}\n", "A\n---\nB\n", 2, "\n"),
        ("%{\n}\n---", "%{\n}\n", "", 3, ""),
        ("%{}\n--- \n---\nx", "%{}\n--- \n", "x", 3, "\n"),  # only an exact line separates
        ("%{}\n----\n---\nx", "%{}\n----\n", "x", 3, "\n"),
    ],
)
def test_split_on_the_first_exact_separator_line(text, header, body, line, newline):
    assert split(text) == Split(header, body, line, newline)


def test_split_problems():
    assert split("").code == "empty"
    assert split("  \n\n").code == "empty"
    problem = split('%{title: "x"}\nno separator\n')
    assert isinstance(problem, Problem) and problem.code == "separator" and problem.line == 1


def test_decode_accepts_a_bom_and_rejects_bad_bytes_with_a_location():
    assert decode("\ufeff%{}".encode()) == "%{}"
    problem = decode(b'%{\n  title: "caf\xe9"\n}\n---\n')
    assert isinstance(problem, Problem)
    assert (problem.code, problem.line, problem.column) == ("encoding", 2, 14)


def test_header_that_is_not_a_map():
    problem = read_header(split('\n[title: "A list"]\n---\nBody\n'))
    assert isinstance(problem, Problem)
    assert (problem.code, problem.line) == ("not-a-map", 2)
    assert "keyword list" in problem.message


def test_header_errors_are_located_in_the_file():
    problem = read_header(split('%{\n  title: "ok",\n  author: @me\n}\n---\n'))
    assert (problem.code, problem.line, problem.column) == ("unsupported", 3, 11)


# -- the path --------------------------------------------------


@pytest.mark.parametrize(
    ("path", "date", "slug"),
    [
        ("posts/2019/03-14-first-steps.md", dt.date(2019, 3, 14), "first-steps"),
        ("posts/2019/03-14-first-steps", dt.date(2019, 3, 14), "first-steps"),
        ("2019-03-14-first-steps.md", dt.date(2019, 3, 14), "first-steps"),
        ("blog/20190314-first-steps.markdown", dt.date(2019, 3, 14), "first-steps"),
        ("C:\\blog\\2019\\03-14-win.md", dt.date(2019, 3, 14), "win"),
        ("posts/2019/no-date.md", None, "no-date"),
    ],
)
def test_path_info(path, date, slug):
    info = path_info(path)
    assert (info.date, info.slug, info.problem) == (date, slug, None)


def test_invalid_path_date_is_a_problem():
    info = path_info("posts/2021/02-30-nope.md")
    assert info.date is None and info.problem.code == "date"


# -- mapping a header to post metadata --------------------------------------------------


def test_the_usual_header():
    fields = mapped(
        '%{\n  title: "Rebuilding a pipeline",\n  author: "Jane Doe",\n'
        "  tags: ~w(elixir broadway data-engineering),\n"
        '  description: "How we replaced a consumer"\n}\n---\nBody\n'
    )
    assert fields == {
        "title": "Rebuilding a pipeline",
        "date": dt.date(2021, 3, 4),
        "author": "Jane Doe",
        "tags": ["elixir", "broadway", "data-engineering"],
        "description": "How we replaced a consumer",
    }
    assert list(fields) == ["title", "date", "author", "tags", "description"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("published: false", {"draft": True}),
        ("published: true", {"draft": False}),
        ("draft: true", {"draft": True}),
        ("draft: false, published: false", {"draft": True}),
        ('authors: ["A", "B"]', {"author": ["A", "B"]}),
        ('author: "A", authors: ["B"]', {"author": "A", "authors": ["B"]}),
        ('excerpt: "S"', {"description": "S"}),
        ('description: "D", excerpt: "S"', {"description": "D", "excerpt": "S"}),
        ('category: "Code"', {"category": "Code"}),
        ("categories: ~w(Code Travel)", {"category": ["Code", "Travel"]}),
        ("tags: ~w(a b)a", {"tags": ["a", "b"]}),
        ('tags: "a, b"', {"tags": "a, b"}),
        ("date: ~D[2020-02-29]", {"date": dt.date(2020, 2, 29)}),
        ("date: ~N[2020-02-29 10:00:00]", {"date": dt.datetime(2020, 2, 29, 10)}),
        ("date: ~U[2020-02-29 10:00:00Z]", {"date": dt.datetime(2020, 2, 29, 10, tzinfo=dt.UTC)}),
        ('date: "2020-02-29"', {"date": dt.date(2020, 2, 29)}),
        (
            'date: "2020-02-29T10:00:00+01:00"',
            {"date": dt.datetime(2020, 2, 29, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))},
        ),
        (
            'cover: "/a.jpg", reading: [minutes: 4, level: :beginner]',
            {"cover": "/a.jpg", "reading": {"minutes": 4, "level": "beginner"}},
        ),
        ('pos: {1, :two, "three"}', {"pos": [1, "two", "three"]}),
        (
            'meta: %{"k" => %{deep: [~D[2020-01-01], ~T[10:00:00], nil]}}',
            {"meta": {"k": {"deep": [dt.date(2020, 1, 1), "10:00:00", None]}}},
        ),
        ('"string_key" => 1', {"string_key": 1}),
    ],
)
def test_mapping(header, expected):
    fields = mapped(f'%{{{header}, title: "T"}}\n---\n')
    fields.pop("title")
    if "date" not in expected:
        assert fields.pop("date") == dt.date(2021, 3, 4)
    assert fields == expected


@pytest.mark.parametrize(
    ("header", "code", "line"),
    [
        ("title: 1", "type", 2),
        ('title: "T", draft: "yes"', "type", 2),
        ('title: "T", tags: [%{a: 1}]', "type", 2),
        ('title: "T", date: ~T[10:00:00]', "date", 2),
        ('title: "T", date: "not a date"', "date", 2),
        ('title: "T", date: "2021-02-30"', "date", 2),
        ('title: "T", "title" => "again"', "syntax", 2),
        ('"title" => "T", "title" => "again"', "key", 2),
        ('"title" => "T", title: "again"', "key", 2),
        ('1 => "T"', "key", 1),
    ],
)
def test_mapping_problems(header, code, line):
    cut = split(f"%{{\n  {header}\n}}\n---\n")
    parsed = read_header(cut)
    result = parsed if isinstance(parsed, Problem) else front_matter(parsed, "x.md", cut.header)
    assert isinstance(result, Problem), result
    assert (result.code, result.line) == (code, line), result


def test_header_date_disagreeing_with_the_path_wins_with_a_note():
    cut = split('%{\n  title: "T",\n  date: ~D[2020-01-02]\n}\n---\n')
    pairs, notes = front_matter(read_header(cut), "posts/2020/01-01-t.md", cut.header)
    assert dict(pairs)["date"] == dt.date(2020, 1, 2)
    assert [(n.code, n.line) for n in notes] == [("date-mismatch", 3)]
    assert "header wins" in notes[0].message
    _, agree = front_matter(read_header(cut), "posts/2020/01-02-t.md", cut.header)
    assert agree == ()


def test_no_date_anywhere_leaves_it_out():
    assert "date" not in mapped('%{title: "T"}\n---\n', "posts/undated.md")


# -- the translation to MyST --------------------------------------------------


def body_lines_align(original: str, translated: str) -> bool:
    lines = original.splitlines()
    separator = next(i for i, line in enumerate(lines) if line == "---")
    return translated.splitlines()[separator + 1 :] == lines[separator + 1 :]


@pytest.mark.parametrize("path", GOOD_FILES, ids=relative)
def test_shared_posts_translate_with_the_body_on_the_same_lines(path):
    text = path.read_bytes().decode("utf-8")
    translation = translate(text, relative(path))
    assert translation.error is None
    assert translation.myst.endswith(split(text).body)
    assert body_lines_align(text.replace("\r\n", "\n"), translation.myst.replace("\r\n", "\n"))
    fields = yaml_of(translation.myst)
    assert fields == dict(translation.front_matter)
    assert fields["title"] and fields["date"]


@pytest.mark.parametrize("path", BAD_FILES, ids=relative)
def test_shared_bad_files_become_drafts_with_a_located_error(path):
    text = path.read_bytes().decode("utf-8")
    translation = translate(text, relative(path))
    assert translation.error is not None and translation.error.line is not None
    fields = yaml_of(translation.myst)
    assert fields["draft"] is True
    assert relative(path) + f":{translation.error.line}" in translation.myst


def test_shared_cases_carry_what_the_readme_says():
    by_name = {
        p.name: dict(translate(p.read_text("utf-8"), relative(p)).front_matter) for p in GOOD_FILES
    }
    banff = by_name["02-29-leap-day-in-banff.md"]
    assert banff["date"] == dt.date(2020, 2, 29) and banff["category"] == "Travel"
    assert banff["cover_image"] == "/images/banff.jpg" and banff["draft"] is False
    assert banff["description"].startswith("Minus twenty-two at the trailhead,\nand the coffee")
    assert by_name["07-04-string-keys-and-drafts.md"]["draft"] is True
    assert by_name["07-04-string-keys-and-drafts.md"]["tags"] == ["elixir", "maps"]
    escapes = by_name["08-15-escapes.md"]
    assert escapes["title"] == 'Quoting "escapes" and unicode: café ☕'
    assert escapes["description"] == "Tabs\tand backslashes \\ survive"
    assert escapes["reading"] == {"minutes": 4, "level": "beginner"}
    assert escapes["tags"] == ["elixir", "strings"]


@pytest.mark.parametrize("lines_of_header", [1, 2, 3, 5, 8, 30])
def test_padding_keeps_the_body_line(lines_of_header):
    keys = [f"k{i}: {i}," for i in range(max(lines_of_header - 2, 0))]
    if lines_of_header == 1:
        header = '%{title: "T"}'
    else:
        header = "%{\n" + "\n".join(['title: "T",', *keys][: lines_of_header - 2]) + "\n}"
        header = header if lines_of_header > 2 else '%{title: "T",\n}'
    text = header + "\n---\nbody line\n"
    myst = translate(text, "posts/2020/01-01-x").myst
    expected = text.count("\n", 0, text.index("body line"))
    if lines_of_header >= 3:
        assert myst.count("\n", 0, myst.index("body line")) == expected
    assert myst.endswith("body line\n")
    assert yaml_of(myst)["title"] == "T"


def test_render_without_padding_is_what_the_converter_writes():
    pairs = (("title", "T"), ("date", dt.date(2020, 1, 1)), ("tags", ["a", "b"]))
    assert render(pairs, "Body\r\n", newline="\r\n") == (
        "---\r\ntitle: T\r\ndate: 2020-01-01\r\ntags: [a, b]\r\n---\r\nBody\r\n"
    )


def test_translation_survives_pickle():
    translation = translate(GOOD_FILES[0].read_text("utf-8"), relative(GOOD_FILES[0]))
    assert pickle.loads(pickle.dumps(translation)) == translation


def test_yaml_keeps_values_through_a_round_trip():
    source = (
        '%{title: "Ünïcode: \\"q\\"", when: ~U[2020-01-01 10:00:00Z], at: ~N[2020-01-01 10:00:00],'
        ' multi: """\n  a\n    b\n  """, n: 1.5, big: 10_000_000_000_000, yes: true, no: nil,'
        ' list: [[1], {2}], num_str: "007", looks_bool: "yes", colon: "a: b"}\n---\n'
    )
    translation = translate(source, "posts/2020/01-01-x")
    assert yaml_of(translation.myst) == dict(translation.front_matter)


# -- property: whatever the header holds, the YAML front matter gives it back ----------

_texts = st.text(max_size=15)
_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    _texts,
    _texts.filter(lambda t: t not in ("true", "false", "nil")).map(Atom),
    st.dates(min_value=dt.date(1000, 1, 1)),
    st.datetimes(min_value=dt.datetime(1000, 1, 1)),
    st.datetimes(
        min_value=dt.datetime(1000, 1, 2),
        max_value=dt.datetime(9999, 12, 30),
        timezones=st.just(dt.UTC),
    ),
    st.times(),
)
_values = st.recursive(
    _leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=3).map(lambda items: EList(tuple(items))),
        st.lists(children, max_size=3).map(lambda items: ETuple(tuple(items))),
        st.dictionaries(_texts, children, max_size=3).map(
            lambda d: EMap(tuple((k, v) for k, v in d.items()))
        ),
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.from_regex(r"x_[a-z_]{1,6}", fullmatch=True), _values, max_size=5))
def test_front_matter_yaml_gives_every_value_back(extra):
    header = EMap(((Atom("title"), "T"), *((Atom(k), v) for k, v in extra.items())))
    translation = translate(to_elixir(header) + "\n---\nBody\n", "posts/2020/01-02-x")
    assert translation.error is None, translation.error
    fields = yaml_of(translation.myst)
    assert fields == dict(translation.front_matter)
    for key, value in extra.items():
        assert fields[key] == yaml_value(value)
