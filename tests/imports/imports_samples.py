"""Helpers for the importer's tests: sources made in memory, and the blogs made for them."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from extensions.imports.model import Source

BLOGS = Path(__file__).resolve().parent / "blogs"


def source(
    relative: str,
    text: str,
    *,
    root: str = "site",
    modified: dt.date | None = None,
    in_place: str = "",
) -> Source:
    """A source file ``relative`` (``/``-separated) inside a folder named ``root``."""
    return Source(
        path=f"{root}/{relative}",
        root=root,
        relative=relative,
        data=text.encode("utf-8"),
        root_name=root.rsplit("/", 1)[-1],
        modified=modified,
        in_place=in_place,
    )


def copy_blog(name: str, into: Path) -> Path:
    """A copy of one of the blogs under tests/imports/blogs (tests may change it)."""
    target = into / name
    shutil.copytree(BLOGS / name, target, symlinks=True)
    draft = target / "_drafts" / "a-draft.md"
    if draft.exists():  # Jekyll dates a draft by its file; make that date fixed
        moment = dt.datetime(2023, 9, 8, 12, 0).timestamp()
        os.utime(draft, (moment, moment))
    return target


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
