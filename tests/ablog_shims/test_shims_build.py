"""Real builds: ABlog with our shims stays correct across processes, parallel reads and
incremental rebuilds."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-shims"


@pytest.fixture
def site(tmp_path):
    """A fresh copy of the shims root, and a function to build it."""
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)

    def build(make_app, outname="html", **kwargs):
        app = make_app("html", srcdir=src, builddir=tmp_path / outname, **kwargs)
        app.merges = []
        app.connect(
            "env-merge-info", lambda _app, _env, docnames, _other: app.merges.append(docnames)
        )
        app.build()
        app.cleanup()  # unregister its nodes and directives before the next app starts
        return app

    return src, build


def page(app, name: str) -> str:
    return (Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8")


def write_post(src: Path, name: str, date: str, tags: str) -> None:
    (src / f"posts/2024/{name}.md").write_text(
        f"---\ntitle: {name.replace('-', ' ').title()}\ndate: {date}\nauthor: Ana Lima\n"
        f"category: Code\ntags: [{tags}]\n---\n\nText of {name}.\n",
        encoding="utf-8",
    )


def test_two_builds_in_one_process_do_not_share_posts(make_app, tmp_path, rootdir):
    first = tmp_path / "first"
    second = tmp_path / "second"
    shutil.copytree(ROOT, first)
    shutil.copytree(ROOT, second)
    (second / "posts/2024/post-3.md").unlink()
    app = make_app("html", srcdir=first)
    app.build()
    app.cleanup()
    app = make_app("html", srcdir=second)
    app.build()
    home = page(app, "index")
    assert "Post number 2" in home and "Post number 3" not in home


def test_parallel_reading_gives_the_same_site_as_serial(site, make_app):
    src, build = site
    serial = build(make_app, "serial")
    parallel = build(make_app, "parallel", parallel=2)
    assert parallel.parallel == 2 and parallel.extensions["ablog"].parallel_read_safe
    assert len(parallel.merges) == 2 and not serial.merges  # it really read in two workers
    assert serial.warning.getvalue() == "" and parallel.warning.getvalue() == ""
    names = sorted(p.relative_to(serial.outdir) for p in Path(serial.outdir).rglob("*.html"))
    assert names == sorted(
        p.relative_to(parallel.outdir) for p in Path(parallel.outdir).rglob("*.html")
    )
    assert len(names) > 10
    for name in names:
        assert (Path(serial.outdir) / name).read_bytes() == (
            Path(parallel.outdir) / name
        ).read_bytes(), name


def test_a_new_post_updates_the_home_page_and_its_neighbour(site, make_app):
    src, build = site
    first = build(make_app)
    assert "Post number 3" in page(first, "index")
    write_post(src, "brand-new", "2024-06-01", "common")
    second = build(make_app)
    home = page(second, "index")
    assert "Brand New" in home
    assert home.index("Brand New") < home.index("Post number 3")  # newest first
    # post-3 was not edited, but its "next" link now points at the new post
    assert "Brand New" in page(second, "posts/2024/post-3")
    assert "Brand New" in page(second, "blog/tag/common")


def test_removing_a_post_deletes_its_page_and_emptied_index_pages(site, make_app):
    src, build = site
    first = build(make_app)
    out = Path(first.outdir)
    assert (out / "blog/tag/only-2.html").is_file() and (out / "posts/2024/post-2.html").is_file()
    (src / "posts/2024/post-2.md").unlink()
    second = build(make_app)
    assert not (out / "posts/2024/post-2.html").exists()
    assert not (out / "blog/tag/only-2.html").exists()
    assert (out / "blog/tag/only-1.html").is_file()
    assert "Post number 2" not in page(second, "index")
    assert "Post number 2" not in page(second, "posts/2024/post-3")  # no stale neighbour link
    for name in ("post-1", "post-3"):
        (src / f"posts/2024/{name}.md").unlink()
    third = build(make_app)
    assert not (Path(third.outdir) / "posts/2024").exists()  # no empty folders left behind


def test_retagging_moves_the_post_between_tag_pages(site, make_app):
    src, build = site
    build(make_app)
    text = (src / "posts/2024/post-1.md").read_text(encoding="utf-8")
    (src / "posts/2024/post-1.md").write_text(text.replace("only-1", "renamed"), encoding="utf-8")
    second = build(make_app)
    out = Path(second.outdir)
    assert not (out / "blog/tag/only-1.html").exists()
    assert "Post number 1" in page(second, "blog/tag/renamed")


def test_a_no_change_rebuild_rewrites_nothing_it_need_not(site, make_app):
    src, build = site
    build(make_app)
    second = build(make_app)
    assert (
        "0 source files that are out of date" in second.status.getvalue()
        or "no targets are out of date" in second.status.getvalue()
    )


def test_ablog_keeps_no_doctree_copies_in_the_environment(site, make_app):
    src, build = site
    app = build(make_app)
    records = [r for rs in app.env.ablog_posts.values() for r in rs]
    assert len(records) == 3
    assert all(record["doctree"] is None for record in records)
    assert all(record["excerpt"] for record in records)  # what lists need is kept
    # a summary pickles as itself, not with the document it was copied from
    assert all(len(pickle.dumps(record["excerpt"])) < 2000 for record in records)


def test_turning_a_post_into_a_draft_unpublishes_it_everywhere(site, make_app):
    src, build = site
    first = build(make_app)
    out = Path(first.outdir)
    post = src / "posts/2024/post-2.md"
    post.write_text(post.read_text(encoding="utf-8").replace("---\n\n", "draft: true\n---\n\n"))
    second = build(make_app)
    assert not (out / "posts/2024/post-2.html").exists()
    assert not (out / "blog/tag/only-2.html").exists()
    for page_name in ("index", "blog", "blog/tag/common", "posts/2024/post-3"):
        assert "Post number 2" not in page(second, page_name), page_name


def test_a_summary_with_a_link_works_on_pages_at_every_depth(site, make_app):
    src, build = site
    (src / "posts/2024/linking.md").write_text(
        "---\ntitle: Linking\ndate: 2024-07-01\nauthor: Ana Lima\ncategory: Code\n"
        "tags: [common]\n---\n\nSee [the first post](post-1.md) before this one.\n",
        encoding="utf-8",
    )
    app = build(make_app)
    out = Path(app.outdir)
    for name in ("index", "blog", "blog/2024", "blog/tag/common", "blog/category/code"):
        html = page(app, name)
        start = html.index("See <a")
        href = html[start:].split('href="', 1)[1].split('"', 1)[0]
        target = (out / name).parent / href.split("#")[0]
        assert target.resolve() == (out / "posts/2024/post-1.html").resolve(), (name, href)
    # summaries without links are rendered once and shown the same everywhere
    assert page(app, "index").count("Text of post 1.") == 1
    assert "Text of post 1." in page(app, "blog/tag/common")


def test_c_cplusplus_and_csharp_get_pages_of_their_own(site, make_app):
    src, build = site
    (src / "posts/2024/languages.md").write_text(
        "---\ntitle: Languages\ndate: 2024-08-01\nauthor: Ana Lima\ncategory: Code\n"
        "tags: [C, C++, 'C#', Node.js, nodejs]\n---\n\nThree languages.\n",
        encoding="utf-8",
    )
    app = build(make_app)
    out = Path(app.outdir)
    for slug in ("c", "c-plus-plus", "c-sharp"):
        assert "Languages" in page(app, f"blog/tag/{slug}"), slug
    links = {a for a in page(app, "posts/2024/languages").split('href="') if "blog/tag/" in a}
    assert len({link.split('"')[0] for link in links}) == 4  # c, c-plus-plus, c-sharp, nodejs
    assert (out / "blog/tag/nodejs.html").is_file()
    assert "tag 'nodejs' shares the page blog/tag/nodejs.html with 'Node.js'" in (
        app.warning.getvalue()
    )
