"""Boundary: what each generated file was last written from, kept beside the doctrees.

A page, feed or index that is derived from the posts carries a digest of what it shows;
the digest it was written with is recorded here after each build. The next build renders
and writes it again only when its digest changed or its file is gone. Used by the lists,
the feeds and the snippets index. The record is only a cache: when it is missing or
unreadable, everything is written again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any


class DigestRecord:
    """``name -> digest`` as last written (``before``) and as made by this build (``now``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        found = stored.get("digests") if isinstance(stored, dict) else None
        self.before: dict[str, str] = (
            {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}
        )
        files = stored.get("files") if isinstance(stored, dict) else None
        self.before_files: dict[str, list[str]] = (
            {str(k): [str(f) for f in v] for k, v in files.items() if isinstance(v, list)}
            if isinstance(files, dict)
            else {}
        )
        self.now: dict[str, str] = {}
        self.files: dict[str, list[str]] = {}

    def unchanged(self, name: str, digest: str, *files: Path, files_of: Sequence[str] = ()) -> bool:
        """Note ``name``'s digest for this build; True when it was written with the same
        digest and all its ``files`` are still there. ``files_of`` names those files
        (relative to the output) in the record, for :meth:`same_as_before`."""
        self.now[name] = digest
        if files_of:
            self.files[name] = list(files_of)
        return self.before.get(name) == digest and all(file.is_file() for file in files)

    def same_as_before(self, name: str, digest: str, outdir: Path) -> bool:
        """When ``name`` (what everything else was made from) has the digest it had, and
        every file the last build recorded is still there: keep every entry as it was and
        say True; the caller need not work anything out again."""
        if self.before.get(name) != digest:
            return False
        if not all((outdir / f).is_file() for fs in self.before_files.values() for f in fs):
            return False
        self.now = dict(self.before)
        self.files = dict(self.before_files)
        return True

    def gone(self) -> set[str]:
        """What the last build made and this one did not."""
        return set(self.before) - set(self.now)

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            kept = (
                {"digests": self.now, "files": self.files} if self.files else {"digests": self.now}
            )
            text = json.dumps(kept, sort_keys=True, indent=0)
            if not self.path.is_file() or self.path.read_text(encoding="utf-8") != text:
                self.path.write_text(text, encoding="utf-8")
        except OSError:
            pass  # only a cache: the next build writes everything again


def site_signature(builder: Any) -> str:
    """What every generated page also depends on: the HTML settings (Sphinx's own config
    hash, which rewrites every page when it changes) and the newest template."""
    info = getattr(builder, "build_info", None)
    templates = getattr(builder, "templates", None)
    newest = templates.newest_template_mtime() if templates is not None else 0
    text = json.dumps([getattr(info, "config_hash", ""), getattr(info, "tags_hash", ""), newest])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
