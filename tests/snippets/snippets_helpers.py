"""Shared by the snippets build tests: build a copied test root, read its output."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parents[1] / "roots"


def built(root: str, dest: Path, **kwargs) -> Iterator[SphinxTestApp]:
    """Copy tests/roots/test-<root> to ``dest``, build it, yield the app, clean up."""
    shutil.copytree(ROOTS / f"test-{root}", dest)
    app = SphinxTestApp("html", srcdir=dest, **kwargs)
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def soup(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def warnings_of(app: SphinxTestApp) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line]
