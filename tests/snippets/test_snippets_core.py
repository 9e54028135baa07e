"""The pure core of the snippets extension, without Sphinx."""

from __future__ import annotations

import pickle

import pytest

from extensions.snippets.backlinks import used_in
from extensions.snippets.checks import use_problems
from extensions.snippets.excerpt import (
    cut_between,
    excerpt,
    parse_line_spec,
    snippet_path,
    take_lines,
)
from extensions.snippets.index import (
    build_catalogue,
    choose_definitions,
    group_by_language,
    name_problem,
)
from extensions.snippets.model import Catalogue, DocRecord, DocView, Problem, Snippet, Use
from extensions.snippets.page import index_page_body
from extensions.snippets.views import doc_views, stale_docnames


def snip(
    name: str,
    docname: str,
    line: int = 1,
    language: str = "elixir",
    caption: str = "",
    code: str = "a\nb\nc",
) -> Snippet:
    return Snippet(name, docname, line, language, caption, code)


RECORDS = {
    "posts/a": DocRecord(
        snippets=(snip("counter", "posts/a", 3, caption="A counter"), snip("helper", "posts/a", 9)),
    ),
    "posts/b": DocRecord(
        snippets=(snip("shell", "posts/b", 2, language="bash"),),
        uses=(Use("counter", "posts/b", 5), Use("counter", "posts/b", 7, "embed", "1-2")),
    ),
    "posts/c": DocRecord(
        uses=(
            Use("counter", "posts/c", 1),
            Use("shell", "posts/c", 2),
            Use("helper", "posts/c", 3),
        ),
    ),
}


# -- back-links ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uses", "expected"),
    [
        ([], {}),
        ([Use("counter", "posts/b", 1)], {"counter": ("posts/b",)}),
        # several uses from one post count once; posts sorted
        (
            [
                Use("counter", "posts/c", 1),
                Use("counter", "posts/b", 1),
                Use("counter", "posts/b", 9, "embed"),
            ],
            {"counter": ("posts/b", "posts/c")},
        ),
        # the defining post is not its own back-link
        ([Use("counter", "posts/a", 20)], {}),
        # unknown names are not back-links
        ([Use("nope", "posts/b", 1)], {}),
    ],
)
def test_used_in(uses, expected):
    snippets = {"counter": snip("counter", "posts/a")}
    assert used_in(snippets, uses) == expected


# -- duplicates ------------------------------------------------------------------------


def test_first_definition_by_docname_wins_whatever_the_read_order():
    records = {
        "posts/z": DocRecord(snippets=(snip("x", "posts/z", 1, code="z"),)),
        "posts/a": DocRecord(snippets=(snip("x", "posts/a", 40, code="a"),)),
    }
    reversed_records = dict(reversed(list(records.items())))
    for recs in (records, reversed_records):
        winners, problems = choose_definitions(recs)
        assert winners["x"].docname == "posts/a"
        assert [(p.code, p.docname, p.line) for p in problems] == [("duplicate", "posts/z", 1)]
        assert "posts/a, line 40" in problems[0].message  # names both locations


def test_duplicate_in_the_same_post_first_line_wins():
    record = DocRecord(snippets=(snip("x", "p", 10, code="late"), snip("x", "p", 2, code="early")))
    winners, problems = choose_definitions({"p": record})
    assert winners["x"].code == "early"
    assert problems == (Problem("duplicate", problems[0].message, "p", 10, other=("p", 2)),)


def test_no_duplicates_no_problems():
    winners, problems = choose_definitions(RECORDS)
    assert list(winners) == ["counter", "helper", "shell"]
    assert problems == ()


# -- uses ------------------------------------------------------------------------------


def test_unknown_names_and_bad_embed_lines_are_problems():
    snippets = {"counter": snip("counter", "a", code="1\n2\n3")}
    uses = [
        Use("counter", "b", 1),
        Use("missing", "b", 2),
        Use("missing", "c", 3, "embed"),
        Use("counter", "c", 4, "embed", "2-3"),
        Use("counter", "c", 5, "embed", "2-9"),
        Use("counter", "c", 6, "embed", "x"),
    ]
    problems = use_problems(snippets, uses)
    assert [(p.code, p.docname, p.line) for p in problems] == [
        ("unknown", "b", 2),
        ("unknown", "c", 3),
        ("lines", "c", 5),
        ("lines", "c", 6),
    ]
    assert "'missing'" in problems[0].message and "linked" in problems[0].message
    assert "embedded" in problems[1].message


# -- the catalogue and the index page ---------------------------------------------------


def test_catalogue():
    catalogue = build_catalogue(RECORDS)
    assert list(catalogue.snippets) == ["counter", "helper", "shell"]
    assert catalogue.used_in == {
        "counter": ("posts/b", "posts/c"),
        "helper": ("posts/c",),
        "shell": ("posts/c",),
    }
    assert catalogue.problems == ()


def test_catalogue_does_not_depend_on_record_order():
    forward = build_catalogue(RECORDS)
    backward = build_catalogue(dict(reversed(list(RECORDS.items()))))
    assert forward == backward


def test_problems_are_sorted_by_location():
    records = {
        "b": DocRecord(uses=(Use("zz", "b", 9), Use("aa", "b", 2))),
        "a": DocRecord(snippets=(snip("d", "a", 5), snip("d", "a", 1))),
    }
    problems = build_catalogue(records).problems
    assert [(p.docname, p.line, p.code) for p in problems] == [
        ("a", 5, "duplicate"),
        ("b", 2, "unknown"),
        ("b", 9, "unknown"),
    ]


def test_group_by_language():
    groups = group_by_language(build_catalogue(RECORDS))
    assert [(lang, [s.name for s in snippets]) for lang, snippets in groups] == [
        ("bash", ["shell"]),
        ("elixir", ["counter", "helper"]),
    ]


def test_index_page_body_links_definitions_and_users():
    titles = {"posts/a": "Post <A>", "posts/b": "Post B", "posts/c": "Post C"}
    body = index_page_body(
        build_catalogue(RECORDS), titles, lambda doc, anchor: f"{doc}.html#{anchor}"
    )
    assert body.index("<h2>bash</h2>") < body.index("<h2>elixir</h2>")
    assert 'href="posts/a.html#snippet-counter"><code>counter</code></a> A counter' in body
    assert "Post &lt;A&gt;" in body  # escaped
    assert 'Used in: <a class="reference internal" href="posts/b.html#">Post B</a>' in body


def test_index_page_body_when_empty():
    assert "No snippets yet." in index_page_body(Catalogue(), {}, lambda d, a: d)


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("counter", True),
        ("Counter.init_2", True),
        ("a:b+c-d", True),
        ("", False),
        ("has space", False),
        ("-lead", False),
        ('q"uote', False),
    ],
)
def test_names(name, ok):
    assert (name_problem(name) == "") is ok


# -- views and staleness ---------------------------------------------------------------


TITLES = {"posts/a": "A", "posts/b": "B", "posts/c": "C"}


def views_of(records, titles=TITLES):
    return doc_views(records, build_catalogue(records), titles)


def test_views_describe_what_comes_from_other_posts():
    views = views_of(RECORDS)
    assert views["posts/a"].backlinks == (
        ("counter", (("posts/b", "B"), ("posts/c", "C"))),
        ("helper", (("posts/c", "C"),)),
    )
    link = dict(views["posts/c"].links)["counter"]
    assert (link.docname, link.label) == ("posts/a", "A counter")
    embed = dict(views["posts/b"].embeds)["counter"]
    assert (embed.snippet.code, embed.title) == ("a\nb\nc", "A")


def test_nothing_changed_nothing_stale():
    assert stale_docnames(views_of(RECORDS), views_of(RECORDS)) == set()


def test_adding_a_use_makes_the_defining_post_stale():
    after = dict(RECORDS, **{"posts/d": DocRecord(uses=(Use("shell", "posts/d", 1),))})
    assert stale_docnames(views_of(RECORDS), views_of(after)) == {"posts/b", "posts/d"}


def test_removing_a_use_makes_the_defining_post_stale():
    after = dict(RECORDS, **{"posts/c": DocRecord(uses=(Use("counter", "posts/c", 1),))})
    assert stale_docnames(views_of(RECORDS), views_of(after)) == {"posts/a", "posts/b", "posts/c"}


def test_renaming_a_snippet_makes_every_referrer_stale():
    renamed = snip("tally", "posts/a", 3, caption="A counter")
    after = dict(
        RECORDS, **{"posts/a": DocRecord(snippets=(renamed, snip("helper", "posts/a", 9)))}
    )
    assert stale_docnames(views_of(RECORDS), views_of(after)) == {"posts/a", "posts/b", "posts/c"}


def test_changing_code_makes_embedders_stale_but_not_linkers():
    changed = snip("counter", "posts/a", 3, caption="A counter", code="new")
    after = dict(
        RECORDS, **{"posts/a": DocRecord(snippets=(changed, snip("helper", "posts/a", 9)))}
    )
    assert stale_docnames(views_of(RECORDS), views_of(after)) == {"posts/b"}


def test_a_new_title_makes_posts_that_show_it_stale():
    retitled = dict(TITLES, **{"posts/c": "C, renamed"})
    assert stale_docnames(views_of(RECORDS), views_of(RECORDS, retitled)) == {"posts/a", "posts/b"}


def test_deleting_the_defining_post():
    after = {k: v for k, v in RECORDS.items() if k != "posts/a"}
    assert stale_docnames(views_of(RECORDS), views_of(after)) == {"posts/a", "posts/b", "posts/c"}


def test_stale_from_nothing():
    assert stale_docnames({}, {"x": DocView()}) == set()


# -- excerpts --------------------------------------------------------------------------

CODE = "one\ntwo\nthree\nfour\nfive"


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("1", (1,)),
        ("2-3", (2, 3)),
        ("4-", (4, 5)),
        ("-2", (1, 2)),
        ("1,3-4", (1, 3, 4)),
        (" 5 ", (5,)),
    ],
)
def test_parse_line_spec(spec, expected):
    assert parse_line_spec(spec, 5) == expected


@pytest.mark.parametrize("spec", ["0", "6", "2-9", "3-1", "a", "-", "1,,2", "1-2-3"])
def test_parse_line_spec_errors(spec):
    assert isinstance(parse_line_spec(spec, 5), str)


def test_take_lines():
    assert take_lines(CODE, "").text == CODE
    assert take_lines(CODE, "2,4").text == "two\nfour"
    assert "outside" in take_lines(CODE, "9").error


def test_cut_between():
    assert cut_between(CODE, "one", "four").text == "two\nthree"
    assert cut_between(CODE, "", "three").text == "one\ntwo"
    assert cut_between(CODE, "four").text == "five"
    assert "not found" in cut_between(CODE, "six").error
    assert "not found" in cut_between(CODE, "", "six").error


def test_excerpt_counts_lines_within_the_markers():
    assert excerpt(CODE, lines="2", start_after="one").text == "three"
    assert excerpt(CODE, lines="9", start_after="one").error


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        ("counter.ex", True),
        ("elixir/counter.ex", True),
        ("./a.ex", True),
        ("../secret", False),
        ("a/../../b", False),
        ("/etc/passwd", False),
        ("C:/x", False),
        ("", False),
    ],
)
def test_snippet_path(path, ok):
    assert (not isinstance(snippet_path(path), str)) is ok


# -- records survive pickling (they live in the environment) ------------------------------


def test_records_and_derived_state_pickle():
    catalogue = build_catalogue(RECORDS)
    views = views_of(RECORDS)
    for value in (RECORDS, catalogue, views):
        assert pickle.loads(pickle.dumps(value)) == value


def test_excerpts_are_tidied():
    module = "defmodule M do\n\n  def a, do: 1\n\n  def b, do: 2\nend\n"
    assert excerpt(module, lines="2-5").text == "def a, do: 1\n\ndef b, do: 2"
    assert excerpt(module, start_after="defmodule", end_before="def b").text == "def a, do: 1"
    assert excerpt("  x\n    y\n").text == "x\n  y"  # shared indentation only
