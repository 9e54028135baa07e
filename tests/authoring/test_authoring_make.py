"""``make post`` itself: what is typed after ``TITLE=`` reaches the file as typed, whatever
quotes, ``$`` or backticks it holds (neither make nor a shell reads it), and no title is a
usage line. Run on a copy of the Makefile in a small site, with this Python as the
environment's (so nothing here touches the real one)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extensions.frontmatter.post import load_front_matter

REPO = Path(__file__).resolve().parents[2]
VARIABLES = ("TITLE", "CATEGORY", "TAGS", "SLUG")

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make here")


@pytest.fixture
def site(tmp_path) -> Path:
    """A site with the Makefile, a conf.py and an environment that is already set up."""
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    (tmp_path / "conf.py").write_text('blog_owner = "Rosa Parra"\nblog_timezone = "UTC"\n')
    for name in ("requirements.lock", "pyproject.toml"):  # what the environment depends on
        (tmp_path / name).touch()
        os.utime(tmp_path / name, (1_000_000_000, 1_000_000_000))
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / f".installed-{version}").touch()
    return tmp_path


def make_post(site: Path, *args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES and k != "MAKEFLAGS"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    env.update(environ)
    return subprocess.run(
        ["make", "-s", "--no-print-directory", "post", *args]
        + [f"PYTHON={sys.executable}", f"PY={sys.executable}"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


HOSTILE = "He said \"hi\" to $HOME, $(shell touch pwned) and `touch pwned2`; 100% \\ # 'ok'"


def test_the_title_arrives_as_typed(site):
    result = make_post(
        site,
        f"TITLE={HOSTILE}",
        "CATEGORY=Q&A $USER",
        'TAGS=$$x, `y`, "z"',
        "SLUG=hostile",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("posts/" + result.stdout.split("/")[1] + "/hostile.md\n")
    fields, problems = load_front_matter((site / result.stdout.strip()).read_text("utf-8"))
    assert problems == []
    assert fields["title"] == HOSTILE
    assert fields["category"] == "Q&A $USER"
    assert fields["tags"] == ["$$x", "`y`", '"z"']
    assert fields["draft"] is True
    assert not (site / "pwned").exists() and not (site / "pwned2").exists()


def test_a_title_from_the_environment_arrives_as_typed(site):
    result = make_post(site, TITLE=HOSTILE, SLUG="from-env")
    assert result.returncode == 0, result.stderr
    fields, _ = load_front_matter((site / result.stdout.strip()).read_text("utf-8"))
    assert fields["title"] == HOSTILE
    assert not (site / "pwned").exists() and not (site / "pwned2").exists()


def test_the_issues_example_and_a_second_call(site):
    first = make_post(site, "TITLE=Café ☕ in Québec", "CATEGORY=Travel")
    assert first.returncode == 0, first.stderr
    path = site / first.stdout.strip()
    assert path.parent.parent == site / "posts" and path.name == "cafe-in-quebec.md"
    written = path.read_bytes()
    assert b'\ncategory: "Travel"\n' in written and b"\ndraft: true" in written
    second = make_post(site, "TITLE=Café ☕ in Québec", "CATEGORY=Travel")
    assert second.returncode != 0 and second.stdout == ""
    assert "already exists" in second.stderr
    assert path.read_bytes() == written
    assert sorted(p.name for p in path.parent.iterdir()) == ["cafe-in-quebec.md"]


@pytest.mark.parametrize("title", [(), ("TITLE=",)])
def test_no_title_is_a_usage_line(site, title):
    result = make_post(site, *title)
    assert result.returncode != 0
    assert result.stderr.startswith('usage: make post TITLE="..."')
    assert not (site / "posts").exists()
