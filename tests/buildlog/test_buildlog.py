"""What the build says: one closing line when quiet, and warnings that stay until fixed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from conftest import SPHINX_HTML

from extensions.buildlog.summary import summary_line
from extensions.buildlog.warned import dump, load, location_path

ROOTS = Path(__file__).resolve().parents[1] / "roots"


def test_the_closing_line():
    assert (
        summary_line(posts=1, pages=12, feeds=3, warnings=0, seconds=1.234, failed=False)
        == "Built 1 post, 12 pages and 3 feeds in 1.2 s, no warnings."
    )
    assert summary_line(posts=2, pages=1, feeds=1, warnings=1, seconds=0, failed=True).startswith(
        "Build failed after 2 posts, 1 page and 1 feed"
    )


def test_the_record_of_warned_documents_round_trips():
    assert load(dump(["b", "a", "a"])) == {"a", "b"}
    assert load("not json") == set() and load('{"warned": 3}') == set()
    assert location_path("/site/posts/a.md:12") == "/site/posts/a.md"
    assert location_path("/site/posts/a.md") == "/site/posts/a.md"


def quiet_build(src: Path) -> subprocess.CompletedProcess[str]:
    command = [*SPHINX_HTML]
    command += ["-D", "blog_quiet=1", str(src), str(src / "_build/html")]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_a_quiet_build_prints_one_line_and_nothing_else(tmp_path):
    src = tmp_path / "site"
    shutil.copytree(ROOTS / "test-shims", src)
    result = quiet_build(src)
    assert result.returncode == 0 and result.stderr == ""
    assert re.fullmatch(
        r"Built 3 posts, \d+ pages and 0 feeds in \d+\.\d s, no warnings\.\n", result.stdout
    ), result.stdout


def test_warnings_stay_loud_and_are_counted(tmp_path):
    src = tmp_path / "site"
    shutil.copytree(ROOTS / "test-shims", src)
    (src / "posts/2024/bad.md").write_text("---\ntitle: Bad\ndate: someday\n---\n\nText.\n")
    result = quiet_build(src)
    assert result.returncode == 1
    assert "bad.md:3: WARNING: cannot read date 'someday'" in result.stderr
    assert result.stdout.startswith("Build failed after 3 posts")  # the bad one is not listed
    assert result.stdout.rstrip().endswith("1 warning.")
    again = quiet_build(src)  # nothing changed: it fails again, with the same warning
    assert again.returncode == 1 and "cannot read date 'someday'" in again.stderr
