"""One rule decides what is published, applied to exactly the files Sphinx reads.

Pure tests of ``frontmatter.publish``, then real builds: a post turned into a draft is
removed (its words leave the search index) without every document being read again; a link
that leads out of the site is never followed."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sphinx.util.matching import compile_matchers

from extensions.frontmatter.publish import (
    Scanned,
    directive_date,
    glob_literal,
    rest_fields,
    scan_source,
    verdict,
)

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-shims"
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
LISBON = ZoneInfo("Europe/Lisbon")


def scan(docname: str, text: str, kind: str = "markdown", matched=frozenset()) -> Scanned:
    return scan_source(docname, text, kind, posts_folder="posts", matched=matched)


@pytest.mark.parametrize(
    ("docname", "text", "kind", "is_post", "reason"),
    [
        ("posts/a", "---\ntitle: A\ndate: 2024-01-01\n---\nx", "markdown", True, None),
        ("posts/a", "---\ndate: 2024-01-01\ndraft: true\n---\nx", "markdown", True, "draft"),
        ("posts/a", "---\ndate: 2099-01-01\n---\nx", "markdown", True, "future"),
        ("posts/a", "---\ndate: June 6, 2099\n---\nx", "markdown", True, "future"),
        ("about", "---\ndate: 2099-01-01\n---\nx", "markdown", False, None),  # a page
        ("notes/a", "---\nblogpost: true\ndate: 2099-01-01\n---\nx", "markdown", True, "future"),
        ("notes/a", "# A\n\n```{post} 2099-01-01\n```\n", "markdown", True, "future"),
        ("notes/a", "A\n=\n\n.. post:: 2099-01-01\n", "rst", True, "future"),
        ("notes/a", ":blogpost: true\n:date: 2099-01-01\n\nA\n=\n", "rst", True, "future"),
        ("notes/a", ":blogpost: true\n:draft: yes\n\nA\n=\n", "rst", True, "draft"),
        (
            "notes/a",
            '{"metadata": {"blogpost": true, "date": "2099-01-01"}}',
            "notebook",
            True,
            "future",
        ),
        ("posts/a", "---\ndraft: true\n---\n", "markdown", True, "draft"),
    ],
)
def test_what_is_a_post_and_whether_it_is_published(docname, text, kind, is_post, reason):
    scanned = scan(docname, text, kind)
    assert scanned.is_post == is_post
    assert verdict(scanned, NOW, LISBON) == reason


def test_blog_post_pattern_matches_make_posts():
    assert scan("notes/a", "# A\n", matched=frozenset({"notes/a"})).is_post


def test_a_post_directive_date_is_read():
    assert directive_date("```{post} 2024-05-01\n:tags: a\n```", markdown=True) == "2024-05-01"
    assert directive_date(".. post:: Jan 8th, 2024\n", markdown=False) == "Jan 8th, 2024"
    assert directive_date("no directive", markdown=True) is None


def test_rest_docinfo_fields_are_the_leading_field_list():
    assert rest_fields("\n:blogpost: true\n:date: 2024-01-01\n\nTitle\n=====\n:x: no\n") == {
        "blogpost": "true",
        "date": "2024-01-01",
    }


def test_scanned_records_round_trip_through_json():
    scanned = scan("posts/a", "---\ndate: 2024-01-01 10:00\ndraft: true\n---\nx")
    assert Scanned.from_json(scanned.as_json()) == scanned


@pytest.mark.parametrize("name", ["posts/a[b].md", "posts/x*y?.md", "posts/plain.md"])
def test_exclude_patterns_match_the_file_and_not_its_neighbours(name):
    match = compile_matchers([glob_literal(name)])[0]
    assert match(name)
    assert not match("posts/ab.md") and not match("posts/xzy?.md")


# -- real builds ---------------------------------------------------------------------------


@pytest.fixture
def site(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    return src


def build(make_app, src: Path):
    app = make_app("html", srcdir=src, builddir=src / "_build")
    app.build()
    app.cleanup()
    return app


def test_a_post_turned_draft_leaves_the_search_index_without_a_full_reread(make_app, site):
    post = site / "posts/2024/post-2.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nZanzibarword.\n", encoding="utf-8")
    first = build(make_app, site)
    index = Path(first.outdir) / "searchindex.js"
    assert "zanzibarword" in index.read_text(encoding="utf-8")
    post.write_text(post.read_text(encoding="utf-8").replace("date:", "draft: true\ndate:"))
    second = build(make_app, site)
    status = second.status.getvalue()
    assert "0 added, 0 changed, 1 removed" in status  # nothing else is read again
    assert "zanzibarword" not in index.read_text(encoding="utf-8")
    assert not (Path(second.outdir) / "posts/2024/post-2.html").exists()


def test_hidden_files_and_folders_are_never_read(make_app, site):
    hidden = site / "posts/.drafts"
    hidden.mkdir()
    (hidden / "secret.md").write_text("---\ntitle: Hidden\ndate: 2024-01-01\n---\n\nSecret.\n")
    (site / "posts/2024/.dotfile.md").write_text("---\ntitle: Dot\ndate: 2024-01-01\n---\n\nX.\n")
    app = build(make_app, site)
    assert not any(".drafts" in d or ".dotfile" in d for d in app.env.found_docs)
    assert "Secret." not in (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")


def test_carriage_return_line_endings_are_read_as_sphinx_reads_them(make_app, site):
    (site / "posts/2024/cr.md").write_bytes(
        b"---\rtitle: CR post\rdate: 2024-01-01\rdraft: true\r---\r\rHidden words.\r"
    )
    app = build(make_app, site)
    assert "posts/2024/cr" not in app.env.found_docs


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_out_of_the_site_is_not_followed(make_app, site, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: Outside\ndate: 2024-01-01\n---\n\nOut.\n")
    (site / "posts/elsewhere").symlink_to(outside, target_is_directory=True)
    (site / "posts/2024/linked.md").symlink_to(outside / "secret.md")
    app = build(make_app, site)
    assert not any("elsewhere" in d or "linked" in d for d in app.env.found_docs)
    warnings = app.warning.getvalue()
    assert "posts/elsewhere is a link that leads out of the site" in warnings
    assert "[frontmatter.outside]" in warnings


def test_words_no_published_document_holds_leave_the_search_index():
    from extensions.frontmatter.publish import without_orphan_words

    index = 'Search.setIndex({"terms":{"kept":0,"gone":[],"both":[0,1]},"titleterms":{"x":[]}})'
    pruned = without_orphan_words(index)
    assert pruned is not None and '"gone"' not in pruned and '"x"' not in pruned
    assert '"kept":0' in pruned and '"both":[0,1]' in pruned
    assert without_orphan_words(pruned) is None  # nothing more to take out
    assert without_orphan_words("not an index") is None


def test_a_parallel_first_build_scans_in_worker_processes_with_the_same_verdicts(
    make_app, site, monkeypatch
):
    from extensions.frontmatter import sphinx_publish

    draft = site / "posts/2024/post-2.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("date:", "draft: true\ndate:"))
    verdicts = {}
    for parallel in (1, 2):
        monkeypatch.setattr(sphinx_publish, "PARALLEL_SCAN", 1)
        scanned_here: list[str] = []
        real = sphinx_publish.scan_file

        def spy(app, docname, *rest, seen=scanned_here, real=real):
            seen.append(docname)
            return real(app, docname, *rest)

        monkeypatch.setattr(sphinx_publish, "scan_file", spy)
        src = site.parent / f"copy-{parallel}"
        shutil.copytree(site, src)
        app = make_app("html", srcdir=src, builddir=src / "_build", parallel=parallel)
        app.build()
        app.cleanup()
        assert bool(scanned_here) == (parallel == 1)  # in forked processes when parallel
        publication = app.env.get_domain("blog")
        verdicts[parallel] = (publication.published, dict(publication.unpublished))
        assert "posts/2024/post-2" in publication.unpublished
        assert not (Path(app.outdir) / "posts/2024/post-2.html").exists()
    assert verdicts[1] == verdicts[2]
