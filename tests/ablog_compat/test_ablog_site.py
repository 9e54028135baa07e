"""An existing ABlog site that adds our extensions keeps every post (whatever way ABlog
recognised it), gains no warning, and gets feeds for every post it had; our extensions load
in any order next to MyST-NB, nbsphinx and sphinx-design."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SPHINX_HTML

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-ablog-site"
POSTS = {
    "articles/pattern": "Found by blog_post_pattern",
    "blog/flagged": "Flagged with blogpost",
    "notes/directive": "Given by a post directive",
    "essays/rest": "A reStructuredText post",
    "nb/notebook": "A notebook post",
}
ORDERS = {
    "myst-nb first": [
        "myst_nb",
        "ablog",
        "sphinx_design",
        "extensions.listing",
        "extensions.feeds",
    ],
    "ours first": ["extensions.feeds", "extensions.listing", "sphinx_design", "myst_nb", "ablog"],
    "ours between": ["ablog", "extensions.listing", "myst_nb", "extensions.feeds", "sphinx_design"],
}


def build(src: Path) -> subprocess.CompletedProcess[str]:
    command = [*SPHINX_HTML]
    command += [str(src), str(src / "_build/html")]
    repo = Path(__file__).resolve().parents[2]  # where `extensions` is importable from
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=repo)


def site(tmp_path: Path, extensions: list[str], keep_notebook: bool = True) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    conf = src / "conf.py"
    pattern = re.compile(r"^extensions = \[[^\]]*\]", re.M)
    text = pattern.sub(f"extensions = {extensions}", conf.read_text())
    conf.write_text(text)
    if not keep_notebook:
        shutil.rmtree(src / "nb")
    return src


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_every_post_builds_listed_and_in_the_feeds_with_no_warning(tmp_path, order):
    src = site(tmp_path, ORDERS[order])
    result = build(src)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    out = src / "_build/html"
    atom = (out / "feeds/atom.xml").read_text(encoding="utf-8")
    titles = re.findall(r'<title type="text">([^<]*)</title>', atom)[1:]  # [0]: the feed's
    assert sorted(titles) == sorted(POSTS.values())
    archive = (out / "blog/archive.html").read_text(encoding="utf-8")
    for docname, title in POSTS.items():
        assert title in archive, title
        assert (out / f"{docname}.html").is_file()
    postlist = (out / "index.html").read_text(encoding="utf-8")
    assert all(title in postlist for title in POSTS.values())  # ABlog's postlist still works


def test_dates_tags_and_substitutions_as_abLog_reads_them(tmp_path):
    src = site(tmp_path, ORDERS["myst-nb first"])
    assert build(src).returncode == 0
    out = src / "_build/html"
    feed = json.loads((out / "feeds/feed.json").read_text(encoding="utf-8"))
    published = {item["title"]: item["date_published"][:10] for item in feed["items"]}
    assert published == {
        "Found by blog_post_pattern": "2025-06-06",  # June 6, 2025
        "Flagged with blogpost": "2024-01-08",  # Jan 8th, 2024
        "Given by a post directive": "2023-03-05",  # the directive's, in post_date_format
        "A reStructuredText post": "2022-02-02",
        "A notebook post": "2021-01-01",
    }
    assert (out / "blog/tag/testing.html").is_file()  # "python, testing": two tags
    assert "Hello, readers." in (out / "blog/flagged.html").read_text(encoding="utf-8")


def test_our_extensions_load_next_to_nbsphinx_and_sphinx_design(tmp_path):
    order = ["extensions.listing", "nbsphinx", "myst_parser", "ablog", "sphinx_design"]
    order.append("extensions.feeds")
    src = site(tmp_path, order, keep_notebook=False)
    result = build(src)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
