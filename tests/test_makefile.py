"""The Makefile refuses a Python it cannot use at once, before creating anything."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make here")


def make(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`make` in a copy of the Makefile (so nothing here can touch the real environment)."""
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    for name in ("requirements.lock", "pyproject.toml"):  # what the environment depends on
        (tmp_path / name).touch()
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=outside_make(),
    )


def outside_make() -> dict[str, str]:
    """The environment without what an outer make passes down (`make test-all` runs the tests
    with VENV=.venv-3.12 on its command line, which MAKEFLAGS would hand to this make)."""
    return {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}


def fake_python(tmp_path: Path, version: str) -> Path:
    script = tmp_path / f"python{version}"
    script.write_text(f'#!/bin/sh\necho "{version}"\n')
    script.chmod(0o755)
    return script


def test_an_unsupported_python_is_refused_with_the_supported_versions(tmp_path):
    result = make(tmp_path, "html", f"PYTHON={fake_python(tmp_path, '3.10')}")
    assert result.returncode != 0
    assert "Python 3.10" in result.stderr and "is not supported: use Python 3.11 3.12 3.13" in (
        result.stderr
    )
    assert not (tmp_path / ".venv").exists() and not (tmp_path / ".venv.new").exists()


def test_a_python_that_does_not_run_is_refused(tmp_path):
    result = make(tmp_path, "html", "PYTHON=/nonexistent/python3")
    assert result.returncode != 0 and "does not run" in result.stderr
    assert not (tmp_path / ".venv").exists()


def test_distclean_removes_the_environments(tmp_path):
    for name in (".venv", ".venv-3.12", ".venv.new", "_build"):
        (tmp_path / name).mkdir()
    result = make(tmp_path, "distclean")
    assert result.returncode == 0
    assert not any((tmp_path / name).exists() for name in (".venv", ".venv-3.12", ".venv.new"))


def recipe(tmp_path: Path, target: str) -> str:
    """What `make -n <target>` would run (nothing is run)."""
    result = make(tmp_path, "-n", target)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_preview_and_the_check_never_write_the_published_site(tmp_path):
    html = recipe(tmp_path, "html")
    assert "_build/html" in html and "blog_preview" not in html
    for target in ("livehtml", "preview"):
        commands = recipe(tmp_path, target)
        assert "-D blog_preview=1" in commands, target
        assert "_build/preview/html" in commands and "_build/preview/doctrees" in commands
        assert "_build/html" not in commands and "_build/doctrees" not in commands, target
    check = recipe(tmp_path, "check")
    assert "-m extensions.checks" in check and "--out _build/check" in check


def test_test_all_skips_a_python_command_that_does_not_run(tmp_path):
    """A pyenv shim for a version pyenv has not selected is on PATH, yet fails when run: that
    Python is skipped (with a line saying so), never an error that stops `make test-all`."""
    shims = tmp_path / "shims"
    shims.mkdir()
    for version in ("3.11", "3.12", "3.13"):
        fake = shims / f"python{version}"
        fake.write_text(
            f'#!/bin/sh\necho "pyenv: python{version}: command not found" >&2\nexit 127\n'
        )
        fake.chmod(0o755)
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    env = {**outside_make(), "PATH": f"{shims}:{os.environ['PATH']}", "HOME": str(tmp_path)}
    result = subprocess.run(  # -o test: the default Python's own run is not made here
        ["make", "--no-print-directory", "-o", "test", "test-all"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    skipped = [line for line in result.stdout.splitlines() if line.endswith("not found, skipped")]
    assert len(skipped) == 2, result.stdout
