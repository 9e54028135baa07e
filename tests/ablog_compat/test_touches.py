"""Every touch of ABlog's internals (extensions/ablog_compat/sphinx_ablog.py), checked: an
ABlog upgrade that breaks one fails here, not in a reader's browser."""

from __future__ import annotations

import inspect
import pickle
import shutil
from pathlib import Path

import ablog
import ablog.blog
import ablog.post
import pytest

from extensions.ablog_compat import sphinx_ablog as touch
from extensions.listing.urls import slugify

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-listing"


def test_the_pinned_ablog_is_the_one_these_touches_were_written_for():
    assert ablog.__version__.startswith("0.11."), "re-check every touch in sphinx_ablog.py"


def test_post_node_is_ablogs_node_with_the_keys_it_reads():
    node = touch.post_node(
        date="2024-01-01T00:00:00",
        title="T",
        tags=["a"],
        authors=["A"],
        categories=["C"],
        summary=[],
    )
    assert isinstance(node, ablog.post.PostNode) and touch.is_post_node(node)
    source = inspect.getsource(ablog.post.process_posts)
    for key in ("date", "tags", "author", "category", "title", "excerpt", "exclude", "image"):
        assert f'node["{key}"]' in source, key


def test_ablog_names_collections_with_a_module_level_slugify_we_can_replace():
    assert callable(ablog.blog.slugify) and callable(ablog.post.slugify)
    touch.use_our_slugs(slugify)
    assert ablog.blog.slugify is slugify and ablog.post.slugify is slugify


def test_ablog_keeps_its_state_in_a_class_level_dict():
    assert isinstance(ablog.blog.Blog._dict, dict)


def test_ablog_writes_pages_and_feeds_from_these_listeners():
    for name in touch.ABLOG_PAGE_WRITERS:
        assert callable(getattr(ablog.post, name)), name
    assert "html-collect-pages" in inspect.getsource(ablog.setup)


def test_ablog_records_live_where_we_merge_and_trim_them():
    source = inspect.getsource(ablog.post.process_posts)
    assert f"env.{touch.RECORDS}" in source
    assert '"doctree": section_copy' in source and '"excerpt": excerpt' in source
    assert ablog.setup.__code__  # parallel_read_safe is False in ABlog's own metadata
    assert "parallel_read_safe" in inspect.getsource(ablog.setup)


@pytest.fixture
def built(tmp_path, make_app):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    app = make_app("html", srcdir=src)
    app.build()
    yield app
    app.cleanup()


def test_in_a_build_ablog_writes_none_of_our_pages_and_keeps_no_doctree_copies(built):
    out = Path(built.outdir)
    assert not (out / "blog/drafts.html").exists()  # ABlog's drafts page
    assert not (out / "blog/atom.xml").exists()  # ABlog's feed
    records = getattr(built.env, touch.RECORDS)
    assert set(records) == {
        "posts/2024/five",
        "posts/2024/four",
        "posts/2024/three",
        "posts/2023/two",
        "posts/2023/one",
    }  # ABlog still recognises every post (its postlist needs them)
    for posts in records.values():
        assert all(post["doctree"] is None for post in posts)
    assert len(pickle.dumps(records)) < 20_000
    assert "Recent" in (out / "recent.html").read_text(encoding="utf-8")
    assert "Five" in (out / "recent.html").read_text(encoding="utf-8")  # postlist works
    assert touch.postlist_documents(built.env) == {"recent"}
    assert built.extensions["ablog"].parallel_read_safe


def test_a_tag_link_in_a_postlist_goes_to_our_tag_page(tmp_path, make_app):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    (src / "recent.md").write_text(
        "---\norphan: true\n---\n\n# Recent\n\n```{postlist} 5\n:format: '{title} {tags}'\n```\n"
    )
    (src / "posts/2024/five.md").write_text(
        "---\ntitle: Five\ndate: 2024-05-01\ntags: [C++]\n---\n\nFive.\n"
    )
    app = make_app("html", srcdir=src)
    app.build()
    page = (Path(app.outdir) / "recent.html").read_text(encoding="utf-8")
    assert (
        "blog/tag/c-plus-plus.html" in page
        and (Path(app.outdir) / "blog/tag/c-plus-plus.html").is_file()
    )
