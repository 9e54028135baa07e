"""Shared pytest set-up: Sphinx's own testing fixtures and our test roots."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Test roots live in tests/roots/test-<name>/; use @pytest.mark.sphinx(testroot=<name>)."""
    return ROOTS
