"""``make import SRC=<file or folder> [FORCE=1]``: NimblePublisher posts → MyST posts.

    python -m extensions.nimble.convert [--force] --dest posts SRC...

Each NimblePublisher post under SRC becomes ``<dest>/YYYY/<slug>.md``: YAML front matter
with every header key, then the body byte for byte. Existing files are never overwritten
unless ``--force`` (which prints the difference first); files are written atomically;
running it twice changes nothing. Exits 1 when any file failed.

File I/O lives here; the translation itself is :func:`extensions.nimble.translate.translate`,
the same function the build uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from .header import decode, looks_like_myst, looks_like_nimble, path_info, split
from .model import Conversion, Problem
from .translate import render, translate

SUFFIXES = (".md", ".markdown")


def plan(data: bytes, source: str, dest: str) -> Conversion:
    """What converting the file ``source`` (its bytes are ``data``) into ``dest`` means. Pure."""
    text = decode(data)
    if isinstance(text, Problem):
        return Conversion(source, problem=text)
    if not text.strip():
        return Conversion(source, problem=Problem("empty", "empty file: nothing to convert", 1, 1))
    if looks_like_myst(text):
        return Conversion(source, skip="already MyST (starts with a `---` front-matter line)")
    if not looks_like_nimble(text) and isinstance(split(text), Problem):
        return Conversion(source, skip="not a NimblePublisher post (no `%{` header, no `---`)")
    translation = translate(text, source, pad=False)
    if translation.error is not None:
        return Conversion(source, problem=translation.error)
    date = dict(translation.front_matter).get("date")
    if not isinstance(date, dt.date):
        return Conversion(
            source,
            problem=Problem(
                "date", "no date: the header has no `date` and the file name carries none"
            ),
        )
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    content = render(translation.front_matter, translation.body, newline=newline)
    target = str(Path(dest) / f"{date.year:04d}" / f"{path_info(source).slug}.md")
    return Conversion(
        source, target=target, content=content.encode("utf-8"), notes=translation.notes
    )


def sources(paths: Iterable[str]) -> tuple[list[str], list[Conversion]]:
    """The files to convert (folders searched for ``*.md``), and the paths that do not exist."""
    found: list[str] = []
    missing: list[Conversion] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found += sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        elif path.is_file():
            found.append(str(path))
        else:
            missing.append(Conversion(given, problem=Problem("missing", "no such file or folder")))
    return found, missing


def write_atomically(target: Path, content: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(temporary, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(paths: Sequence[str], dest: str, *, force: bool = False, out: TextIO | None = None) -> int:
    """Convert every post under ``paths`` into ``dest``; print what happened; 0 if none failed."""
    out = sys.stdout if out is None else out
    files, conversions = sources(paths)
    for source in files:
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            conversions.append(Conversion(source, problem=Problem("io", str(exc))))
            continue
        conversions.append(plan(data, source, dest))

    converted: list[str] = []
    unchanged: list[str] = []
    skipped: list[str] = []
    failed: list[str] = []
    notes: list[str] = []
    claimed: dict[str, str] = {}
    for item in conversions:
        notes += [note.located(item.source) for note in item.notes]
        if item.problem is not None:
            failed.append(item.problem.located(item.source))
            continue
        if item.target is None or item.content is None:
            skipped.append(f"{item.source}: {item.skip}")
            continue
        key = os.path.normcase(os.path.abspath(item.target))
        if key in claimed:
            failed.append(f"{item.source}: {claimed[key]} also converts to {item.target}")
            continue
        claimed[key] = item.source
        target = Path(item.target)
        try:
            existing = target.read_bytes() if target.exists() else None
        except OSError as exc:
            failed.append(f"{item.source}: cannot read {item.target}: {exc}")
            continue
        if existing == item.content:
            unchanged.append(f"{item.source} -> {item.target}")
            continue
        if existing is not None and not force:
            skipped.append(
                f"{item.source}: {item.target} exists and differs (FORCE=1 / --force replaces it)"
            )
            continue
        if existing is not None:
            out.write(_diff(existing, item.content, item.target))
        try:
            write_atomically(target, item.content)
        except OSError as exc:
            failed.append(f"{item.source}: cannot write {item.target}: {exc}")
            continue
        converted.append(f"{item.source} -> {item.target}" + (" (replaced)" if existing else ""))

    for title, lines in (
        ("converted", converted),
        ("unchanged", unchanged),
        ("skipped", skipped),
        ("failed", failed),
        ("notes", notes),
    ):
        if lines:
            out.write(f"{title}:\n" + "".join(f"  {line}\n" for line in lines))
    out.write(
        f"{len(converted)} converted, {len(unchanged)} unchanged, "
        f"{len(skipped)} skipped, {len(failed)} failed\n"
    )
    return 1 if failed else 0


def _diff(old: bytes, new: bytes, name: str) -> str:
    lines = difflib.unified_diff(
        old.decode("utf-8", "replace").splitlines(keepends=True),
        new.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=f"{name} (existing)",
        tofile=f"{name} (converted)",
    )
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    return text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extensions.nimble.convert",
        description="Convert NimblePublisher posts to MyST posts at DEST/YYYY/<slug>.md.",
    )
    parser.add_argument("sources", nargs="+", metavar="SRC", help="a post or a folder of posts")
    parser.add_argument("--dest", default="posts", help="the posts folder (default: posts)")
    parser.add_argument(
        "--force", action="store_true", help="replace existing files (prints the difference)"
    )
    args = parser.parse_args(argv)
    return run(args.sources, args.dest, force=args.force)


if __name__ == "__main__":
    sys.exit(main())
