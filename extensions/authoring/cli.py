"""``make post TITLE="..." [CATEGORY=...] [TAGS="a,b"] [SLUG=...]``: a new post.

    python -m extensions.authoring [--title T] [--category C] [--tags "a,b"] [--slug S]
                                   [--root DIR]

An option not given is read from the environment variable of the same name (``TITLE``,
``CATEGORY``, ``TAGS``, ``SLUG``): that is how ``make post`` passes them, so no shell ever
reads a title. Writes ``<blog_posts_folder>/<year>/<slug>.md``, dated now in
``blog_timezone`` (both read from the site's ``conf.py``, as Sphinx reads it), a draft, and
prints its path. Never overwrites a file, nor reuses the slug of another post in any year.

Exit status: 0 written, 1 refused or bad input (one line on stderr each), 2 usage (no title).
This module is the only one that touches the disk, the clock or the environment; the post
itself is the pure :mod:`.scaffold`.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .scaffold import new_post, one_line, parse_tags, relative_path, render, validate

#: Files that are posts to the build (with the suffixes ``conf.py`` adds).
SUFFIXES = (".md", ".rst")

Clock = Callable[[tzinfo], datetime]


class Refused(Exception):
    """Nothing was written: why (a line for each reason), and the exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Site:
    """What ``conf.py`` says about where and by whom posts are written."""

    author: str
    zone: tzinfo
    posts_folder: str
    suffixes: tuple[str, ...]
    notes: tuple[str, ...] = ()


def read_site(root: Path) -> Site:
    """The settings of the site at ``root``, from its ``conf.py`` (executed as Sphinx does)."""
    from .sphinx_conf import ConfUnreadable, conf_namespace  # Sphinx, only when needed

    conf = root / "conf.py"
    if not conf.is_file():
        raise Refused(f"no conf.py in {root}: run this in the blog's folder (or pass --root)")
    try:
        namespace = conf_namespace(conf)
    except ConfUnreadable as error:
        raise Refused(f"cannot read {conf}: {error}") from error
    return site_settings(namespace)


def site_settings(namespace: Mapping[str, Any]) -> Site:
    """:class:`Site` from the names ``conf.py`` defined."""
    notes: list[str] = []
    author = ""
    for key in ("blog_owner", "author"):
        value = namespace.get(key)
        if isinstance(value, str) and value.strip():
            author = one_line(value)
            break
    zone_name = namespace.get("blog_timezone", "UTC")
    zone: tzinfo
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        notes.append(
            f"note: blog_timezone {zone_name!r} in conf.py is not an IANA timezone name "
            "(such as 'Europe/Lisbon'); dating the post in UTC"
        )
        zone = UTC
    folder = namespace.get("blog_posts_folder", "posts")
    path = PurePosixPath(folder) if isinstance(folder, str) and folder.strip() else None
    if path is None or path.is_absolute() or ".." in path.parts or str(path) == ".":
        raise Refused(f"blog_posts_folder {folder!r} in conf.py is not a folder inside the site")
    suffixes = list(SUFFIXES)
    source_suffix = namespace.get("source_suffix", ())
    if isinstance(source_suffix, str):
        source_suffix = [source_suffix]
    suffixes += [s for s in source_suffix if isinstance(s, str) and s not in suffixes]
    return Site(author, zone, str(path), tuple(suffixes), tuple(notes))


def same_slug(posts: Path, slug: str, suffixes: Iterable[str]) -> list[Path]:
    """Files under ``posts`` the build would read whose name (without suffix) is ``slug``,
    in any letter case: hidden files and folders are never read, so they do not count."""
    wanted = slug.casefold()
    suffixes = tuple(suffixes)
    found = []
    for folder, folders, files in os.walk(posts):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            if (
                not name.startswith(".")
                and path.suffix in suffixes
                and path.stem.casefold() == wanted
            ):
                found.append(path)
    return found


def write_new(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target``, which must not exist (else FileExistsError): a hidden
    temporary file in the same folder, hard-linked to ``target`` once complete, so the post
    appears whole or not at all; the temporary file is always removed."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(temp, flags, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.link(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def create(
    root: Path,
    *,
    title: str,
    category: str = "",
    tags: str = "",
    slug: str = "",
    clock: Clock = datetime.now,
    err: TextIO | None = None,
) -> PurePosixPath:
    """Write the new post under ``root``; its path relative to ``root``. Raises
    :class:`Refused` when nothing was written."""
    err = sys.stderr if err is None else err
    title, category, tag_names = one_line(title), one_line(category), parse_tags(tags)
    slug = slug.strip()
    problems = validate(title, category, tag_names, slug)
    if problems:
        status = 2 if any(problem.code == "title" for problem in problems) else 1
        raise Refused("\n".join(problem.message for problem in problems), status)
    site = read_site(root)
    for note in site.notes:
        err.write(note + "\n")
    post = new_post(
        title,
        clock(site.zone).astimezone(site.zone),
        author=site.author,
        category=category,
        tags=tag_names,
        slug=slug,
    )
    relative = relative_path(post, site.posts_folder)
    target = root / relative
    taken = sorted(
        same_slug(root / site.posts_folder, post.slug, site.suffixes), key=lambda p: p != target
    )
    if taken:
        where = taken[0].relative_to(root).as_posix()
        if taken[0] == target:
            raise Refused(
                f"{where} already exists; nothing was written (SLUG=... or --slug names "
                "the new post otherwise)"
            )
        raise Refused(
            f"the slug {post.slug!r} is already used by {where} (two posts with one "
            f"slug make the build warn); nothing was written: pick another name with "
            f"SLUG=... (--slug)"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise Refused(f"cannot make the folder {relative.parent}: {error}") from error
    try:
        write_new(target, render(post).encode("utf-8"))
    except FileExistsError as error:
        raise Refused(f"{relative} already exists; nothing was written") from error
    except OSError as error:
        raise Refused(f"cannot write {relative}: {error}") from error
    return relative


def main(
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    clock: Clock = datetime.now,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    environ = os.environ if environ is None else environ
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    parser = argparse.ArgumentParser(
        prog="python -m extensions.authoring",
        description="Create <posts folder>/<year>/<slug>.md, a draft dated now, and print "
        "its path. Options not given are read from the environment variables TITLE, "
        "CATEGORY, TAGS and SLUG (as make post passes them).",
    )
    parser.add_argument("--title", help="the post's title (any text)")
    parser.add_argument("--category", help="its category")
    parser.add_argument("--tags", help='its tags, separated by commas: "elixir, broadway"')
    parser.add_argument("--slug", help="its file name without .md (default: from the title)")
    parser.add_argument("--root", default=".", help="the site's folder (default: .)")
    args = parser.parse_args(argv)

    def given(name: str) -> str:
        value = getattr(args, name)
        return value if value is not None else environ.get(name.upper(), "")

    try:
        path = create(
            Path(args.root),
            title=given("title"),
            category=given("category"),
            tags=given("tags"),
            slug=given("slug"),
            clock=clock,
            err=err,
        )
    except Refused as refusal:
        err.write("".join(f"error: {line}\n" for line in str(refusal).splitlines()))
        return refusal.status
    out.write(f"{path}\n")
    return 0
