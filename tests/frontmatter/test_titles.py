"""The title is the post's title: its page's <h1> and <title>, the same text in lists and
feeds (as written: no smart quotes, no en dash for `--`), with the body's headings as
sections below it, setext headings included."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-listing"


def test_titles_read_the_same_everywhere_and_head_their_pages(tmp_path, make_app):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text().replace(
            '"extensions.listing",', '"extensions.listing", "extensions.nimble",'
        )
    )
    (src / "posts/2024/flags.md").write_text(
        '---\ntitle: Using iex --interactive, "quoted" and it\'s\ndate: 2024-07-01\n---\n\n'
        "# Setting up\n\nText.\n\nDetails\n=======\n\nMore.\n"
    )
    (src / "posts/2024/07-02-nimble.md").write_text(
        '%{title: "A -- dash", description: "D"}\n---\nIntro\n=====\n\nBody.\n'
    )
    app = make_app("html", srcdir=src)
    app.build()
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    for name, title in (
        ("posts/2024/flags", 'Using iex --interactive, "quoted" and it\'s'),
        ("posts/2024/07-02-nimble", "A -- dash"),
    ):
        page = BeautifulSoup((out / f"{name}.html").read_text("utf-8"), "html.parser")
        assert page.select_one("h1").get_text().rstrip("¶") == title
        assert page.title.get_text().startswith(title)
        assert len(page.select("h1")) == 1  # the body's headings are sections below it
        home = (out / "blog.html").read_text("utf-8")  # all posts, newest first
        listed = BeautifulSoup(home, "html.parser").select(".post-card-title a")
        assert title in [a.get_text() for a in listed]
    flags = BeautifulSoup((out / "posts/2024/flags.html").read_text("utf-8"), "html.parser")
    assert [h.get_text().rstrip("¶") for h in flags.select("h2")] == ["Setting up", "Details"]
    nimble = BeautifulSoup((out / "posts/2024/07-02-nimble.html").read_text("utf-8"), "html.parser")
    assert [h.get_text().rstrip("¶") for h in nimble.select("h2")] == ["Intro"]
