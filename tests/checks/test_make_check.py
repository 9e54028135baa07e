"""`make check` (``python -m extensions.checks``) on a small blog: clean, it says so in one
line and exits 0; each problem is one line naming the file and line, what and how to fix,
and the check exits 1. Drafts and scheduled posts are notes: listed, never a failure."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-check"
REPO = Path(__file__).resolve().parents[2]


def check(src: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "extensions.checks", "--root", str(src)]
    command += ["--out", str(src.parent / "check-out")]
    env = {**os.environ, "CI": "true", "FORCE_COLOR": "1"}  # as CI runs it: colours asked for
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO, env=env)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    return src


def write(src: Path, name: str, text: str) -> None:
    path = src / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def post(title: str, date: str, body: str, extra: str = "description: Fine.\n") -> str:
    return f"---\ntitle: {title}\ndate: {date}\ncategory: Code\n{extra}---\n\n{body}\n"


def test_a_clean_site_passes_in_one_line(site):
    result = check(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "make check: no problems (checked 2 posts, 16 pages and 21 feeds)"
    ]
    assert not (site / "_build").exists()  # its own folder: the site's build is untouched


def test_a_link_to_a_page_that_does_not_exist_fails_naming_the_file(site):
    write(site, "posts/2025/third.md", post("Third", "2025-05-01", "See [it](gone.md)."))
    result = check(site)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("posts/2025/third.md:8: 'myst' cross-reference target not found")
    assert "Fix: " in lines[0]
    assert lines[-1].startswith("make check: 1 problem in 1 file (checked 3 posts")


BROKEN = """Raw HTML: <a href="nowhere.html">a lost page</a>,
<a href="first.html#no-such-section">a lost anchor</a>,
<a href="/elsewhere/x.html">a page of another site</a>,
<img src="dot.png" alt="a picture raw HTML does not publish">.

![A missing picture](missing.png)

```nosuchlang
one
```

```nosuchlang
two
```
"""

EXPECTED = [  # (file:line, the start of what is said)
    ("posts/2024/first.md:2", "no description"),
    ("posts/2025/first.md:1", "post slug 'first' is also used by posts/2024/first.md"),
    ("posts/2025/broken.md:2", "the title 'The first post' is also the title of"),
    ("posts/2025/broken.md:8", "link to 'nowhere.html': the site has no posts/2025/nowhere.html"),
    ("posts/2025/broken.md:9", "link to 'first.html#no-such-section': posts/2025/first.html"),
    ("posts/2025/broken.md:10", "link to '/elsewhere/x.html' leads out of the site"),
    ("posts/2025/broken.md:11", "image to 'dot.png': the site has no posts/2025/dot.png"),
    ("posts/2025/broken.md:13", "image file not readable: posts/2025/missing.png"),
    ("posts/2025/broken.md:15", "code block in 'nosuchlang'"),
    ("posts/2025/broken.md:19", "code block in 'nosuchlang'"),
    ("posts/2025/typo.md:1", "author 'Ana Lmia' looks like a misspelling of 'Ana Lima'"),
    ("posts/2025/typo.md:2", "no description"),
    ("posts/2025/nimble.md:1", "NimblePublisher header: invalid ~D[2025-13-45]"),
]
NOTES = [
    ("posts/2025/draft.md:5", "note: a draft: not published"),
    ("posts/2099/later.md:3", "note: scheduled for 2099/01/01"),
]


def test_every_kind_of_problem_is_one_located_line(site):
    write(site, "posts/2025/broken.md", post("The first post", "2025-06-01", BROKEN))
    write(site, "posts/2024/first.md", "---\ntitle: Older\ndate: 2024-01-01\n---\n\nOld.\n")
    write(site, "posts/2025/typo.md", post("Typo", "2025-07-01", "Hi.", "author: Ana Lmia\n"))
    write(site, "posts/2025/nimble.md", '%{title: "N", date: ~D[2025-13-45]}\n---\nBody\n')
    write(site, "posts/2025/draft.md", post("Draft", "2025-08-01", "Soon.", "draft: true\n"))
    write(site, "posts/2099/later.md", post("Later", "2099-01-01", "Later."))
    result = check(site)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    said = lines[:-1]
    for where, what in EXPECTED + NOTES:
        matching = [line for line in said if line.startswith(f"{where}: {what}")]
        assert matching, f"{where}: {what}\n" + "\n".join(said)
        assert all(". Fix: " in line or ": note: " in line for line in matching)
    assert len(said) == len(EXPECTED) + len(NOTES), "\n".join(said)
    assert said == sorted(said, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))
    assert re.fullmatch(
        r"make check: 13 problems in 5 files \(checked \d+ posts, \d+ pages and \d+ feeds; "
        r"2 notes\); fix them before publishing",
        lines[-1],
    ), lines[-1]


def test_drafts_and_scheduled_posts_alone_do_not_fail(site):
    write(site, "posts/2025/draft.md", post("Draft", "2025-08-01", "Soon.", "draft: true\n"))
    write(site, "posts/2099/later.md", post("Later", "2099-01-01", "Later."))
    result = check(site)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].endswith("; 2 notes)")


def test_an_invalid_feed_fails_the_check(site):
    # the feeds are ours, so they are valid; a conf.py that spoils the Atom serialiser stands
    # in for a bug, to show the full validators run and what they find is reported
    conf = site / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + "\nimport extensions.feeds.sphinx_feeds as _feeds\n"
        "_serialise = _feeds.serialise\n"
        "def _spoilt(feed, fmt):\n"
        "    data = _serialise(feed, fmt)\n"
        "    return data.replace(b'<updated>', b'<modified>', 1) if fmt == 'atom' else data\n"
        "_feeds.serialise = _spoilt\n",
        encoding="utf-8",
    )
    result = check(site)
    assert result.returncode == 1
    assert "atom.xml" in result.stdout, result.stdout


def test_a_site_that_cannot_build_is_said_so(site):
    (site / "conf.py").write_text("extensions = ['no_such_extension']\n", encoding="utf-8")
    result = check(site)
    assert result.returncode == 2
    assert "the build stopped before it could check anything" in result.stderr
