"""A blog written by a careless or hostile author (tests/roots/test-hostile): the build
finishes quickly and within a memory bound, reports every problem at its file and line,
publishes no live markup, no file from outside the site and no draft, and a second build
fails exactly like the first."""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SPHINX_HTML

from extensions.feeds.schemas import load_schemas
from extensions.feeds.validate import Target, format_of, validate

from .output_checks import site_problems

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-hostile"
REPO = Path(__file__).resolve().parents[2]
#: A hostile build must finish within this (it takes a few seconds) ...
TIME_LIMIT = 120
#: ... and this much memory (an alias bomb would take gigabytes).
MEMORY_LIMIT = 2 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def build(src: Path) -> subprocess.CompletedProcess[str]:
    """``sphinx-build`` as ``make html`` runs it (``-W --keep-going -n``), bounded."""
    environ = {k: v for k, v in os.environ.items() if k not in ("BLOG_BASEURL",)}
    environ.pop("READTHEDOCS_CANONICAL_URL", None)
    command = [*SPHINX_HTML]
    command += ["-d", str(src / "_build/doctrees"), str(src), str(src / "_build/html")]
    return subprocess.run(
        command,
        cwd=src,
        env=environ,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limit_memory,
        check=False,
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    src = tmp_path_factory.mktemp("hostile") / "site"
    shutil.copytree(ROOT, src)
    # The site is drawn by the blog's theme (conf.py: html_theme = "blog"), with the user's
    # override folders of the repository as they are.
    for folder in ("_templates", "_static"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, src / folder, dirs_exist_ok=True)
    first = build(src)
    second = build(src)  # nothing changed: an incremental build
    return src, first, second


def warnings(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if "WARNING" in line]


def test_the_build_finishes_without_a_traceback_and_fails_under_w(hostile):
    _, first, _ = hostile
    assert "Traceback" not in first.stderr and "Exception occurred" not in first.stderr
    assert "RecursionError" not in first.stderr and "MemoryError" not in first.stderr
    assert first.returncode == 1, first.stderr[-2000:]  # -W: the warnings fail the build


@pytest.mark.parametrize(
    ("file", "line", "subtype"),
    [
        ("deep.md", 2, "frontmatter.limit"),
        ("very-deep.md", 2, "frontmatter.limit"),
        ("bomb.md", None, "frontmatter.limit"),
        ("big-number.md", 4, "frontmatter.limit"),
        ("long-tag.md", 4, "frontmatter.tags"),
        ("long-tag.md", 5, "frontmatter.category"),
        ("date-overflow.md", 3, "frontmatter.date"),
        ("nimble-bignum.md", 3, "nimble.limit"),
        ("nimble-hex.md", 3, "nimble.limit"),
        ("traversal.md", 4, "safety.path"),
        ("traversal.md", 7, "safety.path"),
        ("traversal.md", 11, "safety.path"),
        ("traversal.md", 13, "safety.path"),
        ("pickle-cover.md", 4, "safety.path"),
        ("bad-urls.md", 4, "frontmatter.image"),
        ("protocol-relative.md", 4, "frontmatter.image"),
        ("hostile-names.md", 8, "frontmatter.image"),
        ("raw-html.md", 6, "safety.html"),
        ("raw-html.md", 8, "safety.html"),
        ("raw-html.md", 10, "safety.html"),
        ("substitutions.md", 11, "myst.substitution"),
        ("substitutions.md", 13, "myst.substitution"),
    ],
)
def test_each_problem_is_a_warning_at_its_file_and_line(hostile, file, line, subtype):
    _, first, _ = hostile
    where = re.escape(f"posts/2024/{file}") + (f":{line}:" if line else r"(:\d+)?:")
    pattern = re.compile(where + r" WARNING: .*\[" + re.escape(subtype) + r"\]")
    assert any(pattern.search(w) for w in warnings(first)), "\n".join(warnings(first))


def test_a_limit_warning_names_the_limit(hostile):
    _, first, _ = hostile
    said = "\n".join(warnings(first))
    assert "nested more than 32 levels deep" in said
    assert "aliases expand to more than 10,000 values" in said
    assert "a number of 5,000 characters (limit 40)" in said
    assert "a name of 260 characters (limit 100)" in said


def test_no_live_markup_in_any_output_file(hostile):
    src, _, _ = hostile
    assert site_problems(src / "_build/html") == {}


def test_hostile_values_are_shown_as_text(hostile):
    src, _, _ = hostile
    page = (src / "_build/html/posts/2024/hostile-names.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;PWN-post-title&quot;)&lt;/script&gt;" in page
    categories = (src / "_build/html/blog/category.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;PWN-category&lt;/script&gt;" in categories


def test_no_code_from_a_substitution_ran(hostile):
    src, _, _ = hostile
    assert not list(src.rglob("PWNED*")) and not list(REPO.rglob("PWNED*"))
    page = (src / "_build/html/posts/2024/substitutions.html").read_text(encoding="utf-8")
    assert "HELLO FROM CONF.PY" in page and "Local value" in page  # allowed ones work
    assert "{{env.app.config.project}}" in page  # a refused one is shown as written
    assert "&lt;class" not in page and "<class" not in page


def test_no_file_from_outside_the_site_is_published(hostile):
    src, _, _ = hostile
    out = src / "_build/html"
    published = [p.name for p in out.rglob("*") if p.is_file()]
    assert "passwd" not in published and "hosts" not in published
    assert "environment.pickle" not in published
    for name in ("traversal", "pickle-cover", "bad-urls", "protocol-relative", "hostile-names"):
        page = (out / f"posts/2024/{name}.html").read_text(encoding="utf-8")
        assert 'property="og:image"' not in page, name


def test_no_draft_hidden_file_or_future_post_is_published(hostile):
    src, _, _ = hostile
    out = src / "_build/html"
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            for secret in ("SECRET-DOTFOLDER", "SECRET-DOTFILE", "SECRET-CR", "SECRET-FUTURE"):
                assert secret not in text, f"{secret} in {path.relative_to(out)}"


def test_feeds_stay_valid(hostile):
    src, _, _ = hostile
    out = src / "_build/html"
    schemas = load_schemas()
    feeds = sorted(p for p in (out / "feeds").rglob("*") if p.suffix in (".xml", ".json"))
    assert len(feeds) > 5
    for path in feeds:
        file = path.relative_to(out).as_posix()
        assert validate(format_of(file), path.read_bytes(), Target(file), schemas) == [], file
    atom = (out / "feeds/atom.xml").read_text(encoding="utf-8")
    assert "1899-05-01T" in atom  # the post before 1912 is in, with a whole-minute offset
    assert "-00:36:45" not in atom


def test_urls_in_the_sitemap_are_percent_encoded(hostile):
    src, _, _ = hostile
    sitemap = (src / "_build/html/sitemap.xml").read_text(encoding="utf-8")
    assert "posts/2024/caf%C3%A9%20au%20lait.html" in sitemap
    assert "café" not in sitemap and " au " not in sitemap
    assert '"' not in sitemap.split("<urlset", 1)[1].split(">", 1)[1]


def test_posts_of_the_same_moment_are_in_one_order_on_the_site_and_in_feeds(hostile):
    src, _, _ = hostile
    home = (src / "_build/html/index.html").read_text(encoding="utf-8")
    atom = (src / "_build/html/feeds/atom.xml").read_text(encoding="utf-8")
    for text in (home, atom):
        assert text.index("Same moment B") < text.index("Same moment A")


def test_the_summary_is_never_a_warnings_text(hostile):
    src, _, _ = hostile
    home = (src / "_build/html/index.html").read_text(encoding="utf-8")
    assert "The real first paragraph." in home
    assert "Unknown directive type" not in home


def test_a_second_build_fails_exactly_like_the_first(hostile):
    _, first, second = hostile
    assert second.returncode == first.returncode == 1
    assert sorted(warnings(second)) == sorted(warnings(first))


def test_an_image_url_is_shown_under_the_header_and_shared(hostile):
    src, _, _ = hostile
    page = (src / "_build/html/posts/2024/remote-cover.html").read_text(encoding="utf-8")
    assert (
        '<img alt="A remote cover" class="post-cover" src="https://images.example.org/cover.png"'
        in page
    )
    assert '<meta property="og:image" content="https://images.example.org/cover.png" />' in page


def test_the_blogs_theme_draws_the_hostile_site_and_escapes_it(hostile):
    src, _, _ = hostile
    out = src / "_build/html"
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<header class="site-header">' in home and '<main id="blog-main"' in home
    assert home.count("O&#39;Brien &lt;i onmouseover=&#34;PWN-owner&#34;&gt;") >= 2
    # a generated page gets a description, escaped: its title and the tagline
    categories = (out / "blog/category.html").read_text(encoding="utf-8")
    assert (
        '<meta name="description" content="Categories \u2014 ]]&gt; &lt;img src=x '
        'onerror=PWN-tagline&gt; javascript:PWN-tagline" />' in categories
    )
