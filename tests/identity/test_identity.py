"""Who the blog belongs to: the pure rules, then builds of a newcomer's conf.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extensions.identity.identity import author_typos, derive, edit_distance, looks_like

ALL_UNSET = {"blog_title", "project", "author", "copyright", "html_title", "blog_default_author"}


def test_everything_that_names_a_person_follows_the_owner():
    changes, problems = derive({"blog_owner": "Rosa Parra", "blog_authors": {}}, ALL_UNSET)
    assert problems == []
    assert changes["blog_title"] == changes["project"] == changes["html_title"] == "Rosa Parra"
    assert changes["author"] == changes["copyright"] == "Rosa Parra"
    assert changes["blog_default_author"] == "Rosa Parra"
    assert changes["blog_authors"] == {"Rosa Parra": ("Rosa Parra", None)}


def test_what_conf_py_sets_is_kept():
    values = {"blog_owner": "Rosa", "blog_title": "Road notes", "copyright": "2020, R."}
    changes, _ = derive(values, ALL_UNSET - {"blog_title", "copyright"})
    assert changes["project"] == changes["html_title"] == "Road notes"
    assert "copyright" not in changes and "blog_title" not in changes


def test_a_default_author_missing_from_blog_authors_is_added_not_a_crash():
    values = {
        "blog_owner": "New Owner",
        "blog_authors": {"Old Owner": ("Old Owner", None)},
        "blog_default_author": "Old Owner",
    }
    changes, problems = derive(values, ALL_UNSET - {"blog_default_author"})
    assert problems == []
    assert set(changes["blog_authors"]) == {"Old Owner"}
    values["blog_default_author"] = "Someone Else"
    changes, _ = derive(values, ALL_UNSET - {"blog_default_author"})
    assert "Someone Else" in changes["blog_authors"]  # ABlog would have raised a KeyError


@pytest.mark.parametrize(
    ("authors", "expected", "setting"),
    [
        ({"Sam": "Sam Okafor"}, {"Sam": ("Sam Okafor", None)}, None),
        (["Sam", "Lee"], {"Sam": ("Sam", None), "Lee": ("Lee", None)}, None),
        ({"Sam": ("Sam O.", 42)}, {"Sam": ("Sam O.", None)}, "blog_authors"),
        ({"Sam": 7}, {"Sam": ("Sam", None)}, "blog_authors"),
        ("Sam", {}, "blog_authors"),
    ],
)
def test_blog_authors_in_any_shape_is_repaired_and_reported(authors, expected, setting):
    changes, problems = derive({"blog_owner": "", "blog_authors": authors}, ALL_UNSET)
    assert changes["blog_authors"] == expected
    assert [p.setting for p in problems] == ([setting] if setting else [])


def test_an_existing_site_without_blog_owner_takes_its_author():
    changes, problems = derive({"blog_owner": "", "author": "Jo Bloggs"}, ALL_UNSET - {"author"})
    assert changes["blog_owner"] == "Jo Bloggs" and problems == []


@pytest.mark.parametrize(
    ("name", "known", "typo"),
    [
        ("Ana lima", "Ana Lima", True),  # case
        ("Ana Lma", "Ana Lima", True),  # one letter
        ("Sam Okafro", "Sam Okafor", True),  # two letters in a long name
        ("Ana Li", "Ana Lima", False),  # three letters: another person
        ("Bo", "Al", False),
        ("Jon", "Jan", True),
        ("Ana Lima", "Ana Lima", False),
    ],
)
def test_what_looks_like_a_typo(name, known, typo):
    assert looks_like(name, known) == typo


def test_typos_are_found_against_known_authors_and_commoner_names():
    uses = [
        ("posts/a", ("Ana Lima",)),
        ("posts/b", ("Ana lima",)),
        ("posts/c", ("Sam Okafor",)),
        ("posts/d", ("Sam Okafor",)),
        ("posts/e", ("Sam Okafr",)),
    ]
    typos = author_typos(uses, {"Ana Lima"})
    assert [(t.name, t.known, t.docname) for t in typos] == [
        ("Ana lima", "Ana Lima", "posts/b"),
        ("Sam Okafr", "Sam Okafor", "posts/e"),
    ]


def test_edit_distance():
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("a" * 50, "b" * 50, limit=2) == 3  # stops early


# -- builds ------------------------------------------------------------------------------

NEWCOMER_CONF = """
extensions = ["myst_parser", "ablog", "extensions.frontmatter", "extensions.listing",
              "extensions.layout", "extensions.feeds"]
blog_owner = "Rosa Parra"
blog_tagline = "Trains, tests and tapas."
html_baseurl = "https://rosa.example.org/"
blog_timezone = "Europe/Madrid"
exclude_patterns = ["_build"]
html_theme = "alabaster"
{extra}
"""


def newcomer(tmp_path: Path, extra: str = "", posts: dict[str, str] | None = None) -> Path:
    src = tmp_path / "src"
    (src / "posts/2025").mkdir(parents=True)
    (src / "conf.py").write_text(NEWCOMER_CONF.format(extra=extra), encoding="utf-8")
    (src / "index.md").write_text("---\norphan: true\n---\n\n# Home\n\nHi.\n", encoding="utf-8")
    for name, text in (
        posts or {"first": "---\ntitle: First\ndate: 2025-01-02\n---\n\nHi.\n"}
    ).items():
        (src / f"posts/2025/{name}.md").write_text(text, encoding="utf-8")
    return src


def test_a_newcomer_conf_builds_cleanly_and_names_the_owner(make_app, tmp_path):
    src = newcomer(
        tmp_path,
        posts={
            "first": "---\ntitle: First\ndate: 2025-01-02\n---\n\nHi.\n",
            "guest": "---\ntitle: Guest\ndate: 2025-01-03\nauthor: Lee Guest\n---\n\nHello.\n",
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    assert (out / "blog/author/rosa-parra.html").is_file()
    assert (out / "blog/author/lee-guest.html").is_file()  # not in blog_authors: still a page
    page = (out / "posts/2025/first.html").read_text(encoding="utf-8")
    assert "<title>First &#8212; Rosa Parra</title>" in page and "Rosa Parra" in page
    assert " documentation<" not in page and "Project name not set" not in page


def test_a_wrong_setting_is_a_warning_at_its_line_in_conf_py(make_app, tmp_path):
    src = newcomer(tmp_path, extra='blog_authors = {"Sam": 7}\nblog_default_author = "Nobody"')
    app = make_app("html", srcdir=src)
    app.build()
    warnings = app.warning.getvalue()
    line = NEWCOMER_CONF.format(extra="").count("\n")
    assert re.search(rf"conf\.py:{line}: WARNING: blog_authors\['Sam'\] must be", warnings)
    assert "[identity.config]" in warnings and "Traceback" not in warnings


def test_a_likely_misspelt_author_is_a_warning_naming_both(make_app, tmp_path):
    src = newcomer(
        tmp_path,
        posts={
            "one": "---\ntitle: One\ndate: 2025-01-02\nauthor: Rosa Parra\n---\n\nA.\n",
            "two": "---\ntitle: Two\ndate: 2025-01-03\nauthor: Rosa Para\n---\n\nB.\n",
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    warnings = app.warning.getvalue()
    assert (
        "posts/2025/two.md:1: WARNING: author 'Rosa Para' looks like a misspelling of 'Rosa Parra'"
        in warnings
    )


def test_the_base_url_comes_from_the_environment_when_set(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("BLOG_BASEURL", "https://pages.example.io/rosa/")
    app = make_app("html", srcdir=newcomer(tmp_path))
    app.build()
    assert "https://pages.example.io/rosa/feeds/atom.xml" in (
        Path(app.outdir) / "index.html"
    ).read_text(encoding="utf-8")
