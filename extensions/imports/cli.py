"""``make import SRC=... [FORCE=1] [ASSETS=dir] [FROM=...] [OLD_URL=...]``: bring a whole blog.

    python -m extensions.imports SRC... [--dest posts] [--force] [--assets DIR]
                                 [--from auto|nimble|jekyll|hugo] [--old-url PATTERN]

Reads NimblePublisher, Jekyll and Hugo posts under each SRC, writes ``<dest>/YYYY/<slug>.md``
(MyST, front matter with the post's old addresses as ``redirect_from``), copies the files
they show to ``<dest>/YYYY/<slug>/``, and rewrites links between them. Never overwrites a
file unless ``--force`` (which prints the difference first); every write is atomic; a second
run changes nothing. Prints a summary; exits 1 when any file failed.

This module is the importer's only contact with the outside world (arguments, files through
:mod:`.files`, the summary); the conversion itself is the pure :mod:`.plan`.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import yaml

from ..nimble.model import Problem
from .files import check, find_sources, safe_file, write_atomically
from .links import ASSETS
from .model import Conversion, Draft, Options
from .plan import finish_all, lookups, read_source
from .urls import NIMBLE_DEFAULT, check_pattern


@dataclass
class Summary:
    """What happened to each file, as lines for the report."""

    converted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    same_files: list[str] = field(default_factory=list)

    def write(self, out: TextIO) -> None:
        for title, lines in (
            ("converted", self.converted),
            ("unchanged", self.unchanged),
            ("skipped", self.skipped),
            ("failed", self.failed),
            ("files copied", self.copied),
            ("missing files (kept as written)", self.missing),
            ("kept as written (cannot be converted)", self.kept),
            ("links to check (no imported post has this address)", self.unresolved),
            ("notes", self.notes),
        ):
            if lines:
                out.write(f"{title}:\n" + "".join(f"  {line}\n" for line in lines))
        out.write(
            f"{len(self.converted)} converted, {len(self.unchanged)} unchanged, "
            f"{len(self.skipped)} skipped, {len(self.failed)} failed\n"
        )
        out.write(
            f"files: {len(self.copied)} copied, {len(self.same_files)} unchanged, "
            f"{len(self.missing)} missing; {len(self.kept)} kept as written, "
            f"{len(self.unresolved)} links to check\n"
        )


def jekyll_permalinks(roots: dict[str, Path]) -> tuple[tuple[str, str], ...]:
    """The ``permalink`` setting of each source folder that is a Jekyll site."""
    found = []
    for name, root in roots.items():
        config = root / "_config.yml"
        if not config.is_file():
            continue
        try:
            settings = yaml.safe_load(config.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(settings, dict) and isinstance(settings.get("permalink"), str):
            found.append((name, settings["permalink"]))
    return tuple(found)


def run(
    paths: Sequence[str],
    dest: str,
    *,
    force: bool = False,
    assets: str | None = None,
    source_format: str = "auto",
    old_url: str | None = None,
    out: TextIO | None = None,
) -> int:
    """Import every post under ``paths`` into ``dest``; print what happened; 0 if none failed."""
    out = sys.stdout if out is None else out
    sources, conversions, roots = find_sources(paths, dest)
    if assets is not None and not Path(assets).is_dir():
        conversions.append(Conversion(assets, problem=Problem("missing", "no such assets folder")))
        assets = None
    options = Options(
        dest=dest,
        source_format=source_format,
        old_url=old_url,
        jekyll_permalinks=jekyll_permalinks(roots),
        has_assets=assets is not None,
    )
    read = [read_source(source, options) for source in sources]
    folders = dict(roots)
    if assets is not None:
        folders[ASSETS] = Path(assets)
    drafts = [item for item in read if isinstance(item, Draft)]
    inventory = check(lookups(drafts, options), folders)
    conversions += finish_all(read, inventory, options)
    summary = Summary()
    claimed: dict[str, str] = {}
    for item in conversions:
        _report(item, summary)
        if item.problem is not None or item.target is None or item.content is None:
            continue
        key = os.path.normcase(os.path.abspath(item.target))
        if key in claimed:
            summary.failed.append(f"{item.source}: {claimed[key]} also converts to {item.target}")
            continue
        claimed[key] = item.source
        if _write_post(item, force, out, summary):
            _copy_files(item, folders, force, out, summary)
    summary.write(out)
    return 1 if summary.failed else 0


def _report(item: Conversion, summary: Summary) -> None:
    source = item.source
    summary.notes += [note.located(source) for note in item.notes]
    if item.problem is not None:
        summary.failed.append(item.problem.located(source))
    elif item.target is None:
        summary.skipped.append(f"{source}: {item.skip}")
    summary.missing += [problem.located(source) for problem in item.missing]
    summary.kept += [f"{source}:{kept.line}: {kept.text}" for kept in item.kept]
    summary.unresolved += [problem.located(source) for problem in item.unresolved]


def _write_post(item: Conversion, force: bool, out: TextIO, summary: Summary) -> bool:
    """Write one post; True when it is (now) as converted, so its files may be copied."""
    assert item.target is not None and item.content is not None
    target = Path(item.target)
    try:
        existing = target.read_bytes() if target.exists() else None
    except OSError as error:
        summary.failed.append(f"{item.source}: cannot read {item.target}: {error}")
        return False
    if existing == item.content:
        summary.unchanged.append(f"{item.source} -> {item.target}")
        return True
    if existing is not None and not force:
        summary.skipped.append(
            f"{item.source}: {item.target} exists and differs (FORCE=1 / --force replaces it)"
        )
        return False
    if existing is not None:
        out.write(_diff(existing, item.content, item.target))
    try:
        write_atomically(target, item.content)
    except OSError as error:
        summary.failed.append(f"{item.source}: cannot write {item.target}: {error}")
        return False
    summary.converted.append(
        f"{item.source} -> {item.target}" + (" (replaced)" if existing else "")
    )
    return True


def _copy_files(
    item: Conversion, folders: dict[str, Path], force: bool, out: TextIO, summary: Summary
) -> None:
    for asset in item.assets:
        folder = folders.get(asset.root)
        source = safe_file(folder, asset.relative) if folder is not None else None
        if source is None:
            summary.failed.append(f"{item.source}: cannot copy {asset.relative}: not a safe file")
            continue
        target = Path(asset.target)
        try:
            content = source.read_bytes()
            existing = target.read_bytes() if target.exists() else None
        except OSError as error:
            summary.failed.append(f"{item.source}: cannot copy {source}: {error}")
            continue
        if existing == content:
            summary.same_files.append(f"{source} -> {target}")
            continue
        if existing is not None and not force:
            summary.skipped.append(
                f"{source}: {target} exists and differs (FORCE=1 / --force replaces it)"
            )
            continue
        if existing is not None:
            out.write(
                f"--- {target} (existing, {len(existing)} bytes)\n"
                f"+++ {target} (imported from {source}, {len(content)} bytes)\n"
                "  the files differ\n"
            )
        try:
            write_atomically(target, content)
        except OSError as error:
            summary.failed.append(f"{item.source}: cannot write {target}: {error}")
            continue
        summary.copied.append(f"{source} -> {target}" + (" (replaced)" if existing else ""))


def _diff(old: bytes, new: bytes, name: str) -> str:
    lines = difflib.unified_diff(
        old.decode("utf-8", "replace").splitlines(keepends=True),
        new.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=f"{name} (existing)",
        tofile=f"{name} (converted)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _pattern(value: str) -> str:
    problem = check_pattern(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extensions.imports",
        description="Import NimblePublisher, Jekyll and Hugo posts as MyST posts at "
        "DEST/YYYY/<slug>.md, with the files they show and their old addresses.",
    )
    parser.add_argument("sources", nargs="+", metavar="SRC", help="a post or a folder of posts")
    parser.add_argument("--dest", default="posts", help="the posts folder (default: posts)")
    parser.add_argument(
        "--force", action="store_true", help="replace existing files (prints the difference)"
    )
    parser.add_argument(
        "--assets",
        metavar="DIR",
        help="the old site's root for files named by site-absolute paths (/images/x.png)",
    )
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=("auto", "nimble", "jekyll", "hugo"),
        default="auto",
        help="the source format (default: auto, detected per file)",
    )
    parser.add_argument(
        "--old-url",
        type=_pattern,
        metavar="PATTERN",
        help="the old address of each post, e.g. /{year}/{month}/{day}/{slug}/ "
        f"(fields: {{slug}} {{year}} {{month}} {{day}} {{categories}} {{filename}}); "
        f"'none' records nothing. Default: Jekyll's and Hugo's own rules, {NIMBLE_DEFAULT} "
        "for NimblePublisher",
    )
    args = parser.parse_args(argv)
    return run(
        args.sources,
        args.dest,
        force=args.force,
        assets=args.assets,
        source_format=args.source_format,
        old_url=args.old_url,
    )
