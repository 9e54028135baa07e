"""Sphinx builds of tests/roots/test-highlight: highlighted output, one warning per language,
on clean, incremental and parallel builds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from extensions.highlight.model import Block, Reason
from extensions.highlight.sphinx_domain import blocks_to_fix, listing

ROOTS = Path(__file__).resolve().parents[1] / "roots"
UNKNOWN = re.compile(
    r"unknown\.md:5: WARNING: unknown code language 'nosuchlang': 2 code blocks in 1 document "
    r"shown as plain text \(the first is here\) \[highlight\.unknown\]$"
)


class Build:
    """One build of ``src`` (reusing its environment): what it read, warned and wrote."""

    def __init__(self, src: Path, **kwargs) -> None:
        self.read: set[str] = set()
        app = SphinxTestApp("html", srcdir=src, **kwargs)
        app.connect("env-before-read-docs", lambda _a, _e, docnames: self.read.update(docnames))
        try:
            app.build()
        finally:
            app.cleanup()
        self.app = app
        text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
        self.warnings = [line for line in text.splitlines() if "WARNING" in line]

    def page(self, name: str) -> BeautifulSoup:
        html = (self.app.outdir / f"{name}.html").read_text(encoding="utf-8")
        return BeautifulSoup(html, "html.parser")


def copy_root(dest: Path) -> Path:
    shutil.copytree(ROOTS / "test-highlight", dest)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    return copy_root(tmp_path / "site")


@pytest.fixture
def build(site) -> Build:
    return Build(site)


def test_one_warning_for_the_unknown_language_and_none_for_the_rest(build):
    assert len(build.warnings) == 1, build.warnings
    assert UNKNOWN.search(build.warnings[0]), build.warnings[0]


def test_sphinx_never_tries_the_bad_lexer(build):
    log = build.app.warning.getvalue() + build.app.status.getvalue()
    assert "Pygments lexer name" not in log
    assert "Lexing literal_block" not in log


@pytest.mark.parametrize(
    ("page", "language", "blocks"),
    [
        ("templates", "heex", 1),
        ("templates", "eex", 1),
        ("templates", "leex", 1),
        ("templates", "surface", 1),
        ("templates", "elixir", 2),
        ("sessions", "iex", 1),
        ("sessions", "vimscript", 1),
        ("sessions", "console", 1),
        ("sessions", "shell-session", 1),
        ("sessions", "elixir", 1),  # :force: allows errors
    ],
)
def test_known_languages_are_highlighted(build, page, language, blocks):
    found = build.page(page).select(f"div.highlight-{language} pre")
    assert len(found) == blocks
    assert all(len(pre.select("span[class]")) > 2 for pre in found)


def test_heex_is_highlighted_as_html_with_elixir_inside(build):
    pre = build.page("templates").select_one("div.highlight-heex pre")
    spans = {(span["class"][0], span.get_text()) for span in pre.select("span[class]")}
    assert {("nt", ".header"), ("nt", "MyAppWeb.CoreComponents.icon"), ("na", ":for")} <= spans
    assert {("cp", "{"), ("na", "@can_edit"), ("cp", "}")} <= spans  # Elixir in :if={...}


def test_a_template_fenced_as_elixir_is_highlighted_as_a_template(build):
    first = build.page("templates").select("div.highlight-elixir pre")[0]
    spans = {(span["class"][0], span.get_text()) for span in first.select("span[class]")}
    assert {("nt", "h1"), ("cp", "<%="), ("k", "for"), ("na", "@posts")} <= spans
    assert not first.select(".err")


def test_unknown_blocks_are_shown_exactly_as_written(build):
    blocks = build.page("unknown").select("div.highlight-text pre")
    assert [pre.get_text() for pre in blocks] == ["this is not a language\n", "neither is this\n"]
    assert all(pre.select("span[class]") == [] for pre in blocks)


def test_the_warning_can_be_suppressed_by_its_type(site):
    quiet = Build(site, confoverrides={"suppress_warnings": ["highlight.unknown"]})
    assert quiet.warnings == []
    assert len(quiet.page("unknown").select("div.highlight-text pre")) == 2


def test_blocks_without_a_language_are_left_alone(build):
    assert build.page("sessions").select("div.highlight-default")


def test_the_public_listing(build):
    env = build.app.env
    assert listing(env) == [
        "unknown.md:5: nosuchlang (unknown)",
        "unknown.md:11: nosuchlang (unknown)",
    ]
    assert blocks_to_fix(env) == [
        Block("unknown", 5, "nosuchlang", Reason.UNKNOWN),
        Block("unknown", 11, "nosuchlang", Reason.UNKNOWN),
    ]


# -- incremental ----------------------------------------------------------------------------


def test_a_rebuild_that_reads_nothing_still_warns(site, build):
    again = Build(site)
    assert again.read == set()
    assert len(again.warnings) == 1
    assert UNKNOWN.search(again.warnings[0]), again.warnings


def test_editing_another_post_still_warns_then_fixing_the_blocks_stops_it(site, build):
    edit(site / "sessions.md", "# Sessions and tools", "# Sessions, tools")
    again = Build(site)
    assert again.read == {"sessions"}
    assert [bool(UNKNOWN.search(w)) for w in again.warnings] == [True]

    edit(site / "unknown.md", "```nosuchlang\nthis", "```text\nthis")
    fixed_one = Build(site)
    assert fixed_one.read == {"unknown"}
    assert [w.split(": WARNING")[0].rsplit("/", 1)[-1] for w in fixed_one.warnings] == [
        "unknown.md:11"
    ]
    assert "1 code block in 1 document" in fixed_one.warnings[0]

    edit(site / "unknown.md", "```nosuchlang", "```text")
    fixed = Build(site)
    assert (fixed.read, fixed.warnings) == ({"unknown"}, [])
    assert listing(fixed.app.env) == []


def test_deleting_the_post_removes_its_warning(site, build):
    (site / "unknown.md").unlink()
    edit(site / "index.md", "unknown\n", "")
    again = Build(site)
    assert again.warnings == []


# -- parallel -------------------------------------------------------------------------------

EXTRA_POST = """# Post {n}

```nosuchlang
block {n}
```

```elixir
x = {{:ok, "#{n}"}}
```

```otherlang{m}
other {n}
```
"""


def many_posts(dest: Path, count: int = 12) -> Path:
    src = copy_root(dest)
    names = [f"post{n:02d}" for n in range(count)]
    for n, name in enumerate(names):
        (src / f"{name}.md").write_text(EXTRA_POST.format(n=n, m=n % 3), encoding="utf-8")
    edit(src / "index.md", "```{toctree}\n", "```{toctree}\n" + "".join(f"{n}\n" for n in names))
    return src


def test_parallel_build_equals_serial_build(tmp_path):
    serial_src = many_posts(tmp_path / "serial")
    parallel_src = many_posts(tmp_path / "parallel")
    serial = Build(serial_src)
    parallel = Build(parallel_src, parallel=2)
    assert " .. " in parallel.app.status.getvalue()  # documents were read in chunks
    relative = [w.replace(str(tmp_path / "serial"), "") for w in serial.warnings]
    assert relative == [w.replace(str(tmp_path / "parallel"), "") for w in parallel.warnings]
    assert len(relative) == 4  # nosuchlang, otherlang0, otherlang1, otherlang2
    assert "'nosuchlang': 14 code blocks in 13 documents" in relative[0]
    assert listing(serial.app.env) == listing(parallel.app.env)
    for name in ("post03", "unknown", "templates"):
        assert (serial_src / "_build/html" / f"{name}.html").read_bytes() == (
            parallel_src / "_build/html" / f"{name}.html"
        ).read_bytes()


# -- with the snippets extension ------------------------------------------------------------


def test_a_snippet_in_an_unknown_language_warns_once_and_embeds_plain(tmp_path):
    src = tmp_path / "snippets"
    src.mkdir()
    (src / "conf.py").write_text('exclude_patterns = ["_build"]\n', encoding="utf-8")
    (src / "index.md").write_text(
        "# Index\n\n```{toctree}\ndefines\nembeds\n```\n", encoding="utf-8"
    )
    (src / "defines.md").write_text(
        "# Defines\n\n```{snippet} odd\n:language: nosuchlang\n\nsome code\n```\n",
        encoding="utf-8",
    )
    (src / "embeds.md").write_text("# Embeds\n\n```{snippet-embed} odd\n```\n", encoding="utf-8")
    extensions = "myst_parser,extensions.highlight,extensions.snippets"
    build = Build(src, confoverrides={"extensions": extensions})
    assert len(build.warnings) == 1
    assert "defines.md:3: WARNING: unknown code language 'nosuchlang'" in build.warnings[0]
    embedded = build.page("embeds").select_one("div.highlight-text pre")
    assert embedded.get_text() == "some code\n"
