"""Shared pytest set-up: Sphinx's own testing fixtures, our test roots, and the real site."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
ROOTS = TESTS / "roots"
#: A build as `make html` runs it (-W --keep-going -n -q), warnings in plain text even where
#: CI=true asks for colours.
SPHINX_HTML = (
    *(sys.executable, "-m", "sphinx", "-b", "html"),
    *("-W", "--keep-going", "-n", "-q", "--no-color"),
)
#: Environment variables that override the site's base URL (see conf.py).
BASE_URL_VARIABLES = ("READTHEDOCS_CANONICAL_URL", "BLOG_BASEURL")


@pytest.fixture(autouse=True)
def _builds_let_go_of_their_memory():
    """extensions.memory freezes a build's long-lived objects until the process ends (a
    sphinx-build's); here many builds share one process, so each test hands them back."""
    yield
    gc.unfreeze()
    gc.enable()  # a build that stopped before reading leaves collections paused


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Test roots live in tests/roots/test-<name>/; use @pytest.mark.sphinx(testroot=<name>)."""
    return ROOTS


#: The sample blog as it shipped, kept with the tests: content-specific tests build a copy
#: of it, never the repository's own posts (which a user replaces on day one).
SAMPLE = ROOTS / "test-sample-blog"


def build_site(
    src: Path, outdir: Path, *extra: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """Build a site as `make html` does (-W --keep-going -n), into outdir.

    The base-URL variables of the calling shell are dropped; pass them in ``env`` to test them.
    """
    environ = {k: v for k, v in os.environ.items() if k not in BASE_URL_VARIABLES}
    environ.update(env)
    command = [*SPHINX_HTML]
    doctrees = outdir.with_name(outdir.name + "-doctrees")  # like make html: not in the output
    command += [*extra, "-d", str(doctrees), str(src), str(outdir)]
    return subprocess.run(
        command, env=environ, capture_output=True, text=True, check=False, cwd=src
    )


def build_real_site(outdir: Path, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Build the repository's own site, whatever its posts are."""
    return build_site(REPO, outdir, *extra, **env)


def sample_source(folder: Path) -> Path:
    """A copy of the sample blog with the repository's look (templates, static files)."""
    src = folder / "src"
    shutil.copytree(SAMPLE, src)
    for name in ("_templates", "_static"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, src / name, dirs_exist_ok=True)
    return src


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample blog, built once per test session, with zero warnings."""
    src = sample_source(tmp_path_factory.mktemp("sample-blog"))
    out = src.parent / "html"
    result = build_site(src, out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real site, built once per test session, with zero warnings."""
    out = tmp_path_factory.mktemp("real-site") / "html"
    result = build_real_site(out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out
