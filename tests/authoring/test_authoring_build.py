"""A new post, as ``make post`` writes it, is not published by a normal build (it is a
draft); the same file with its ``draft`` line deleted, as the file tells the writer to do,
is. Built with -W, like ``make html``: the new file gives no warning either way."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOTS, build_site

from extensions.authoring.cli import create

TITLE = 'Zanzibar notes: "quoted", #1 & {{ x }}'


def site_with_a_new_post(folder: Path) -> tuple[Path, Path]:
    src = folder / "src"
    shutil.copytree(ROOTS / "test-empty-blog", src)

    def clock(zone: tzinfo) -> datetime:  # before the test root's blog_now
        return datetime(2026, 1, 5, 10, 0, tzinfo=UTC).astimezone(zone)

    relative = create(src, title=TITLE, category="Travel", tags="zanzibar, notes", clock=clock)
    return src, src / relative


def output_mentioning(out: Path, word: str) -> list[str]:
    return sorted(
        path.relative_to(out).as_posix()
        for path in out.rglob("*")
        if path.is_file() and word.encode() in path.read_bytes()
    )


def test_a_new_post_is_a_draft_until_its_draft_line_goes(tmp_path):
    src, post = site_with_a_new_post(tmp_path)
    assert post.relative_to(src).as_posix() == "posts/2026/zanzibar-notes-quoted-sharp-1-x.md"

    draft_out = tmp_path / "draft-html"
    result = build_site(src, draft_out)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    assert not (draft_out / "posts").exists()
    assert output_mentioning(draft_out, "Zanzibar") == []
    assert output_mentioning(draft_out, "zanzibar") == []

    text = post.read_text("utf-8")
    lines = [line for line in text.split("\n") if not line.startswith("draft:")]
    assert len(lines) == text.count("\n")  # exactly one line went
    post.write_text("\n".join(lines), "utf-8")
    published_out = tmp_path / "published-html"
    result = build_site(src, published_out)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    page = published_out / "posts/2026/zanzibar-notes-quoted-sharp-1-x.html"
    heading = BeautifulSoup(page.read_text("utf-8"), "html.parser").find("h1")
    assert heading is not None
    for link in heading.select("a.headerlink"):
        link.decompose()
    assert heading.get_text() == TITLE
    assert "index.html" in output_mentioning(published_out, "Zanzibar")
