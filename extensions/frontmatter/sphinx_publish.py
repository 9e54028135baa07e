"""Boundary: before Sphinx reads anything, leave out what must not be published.

At ``builder-inited`` every file Sphinx would read is scanned (:mod:`.publish` decides);
drafts, future posts, unreadable files and links out of the site are added to
``exclude_patterns`` for this build only, together with hidden files and folders. The
patterns are taken out again at ``env-updated``, before Sphinx pickles its environment, so
the saved configuration is the one in ``conf.py``: turning a post into a draft removes that
one document, it does not make Sphinx re-read every document as a changed setting would.

The scan reads only files that changed since the last build (a small record beside the
doctrees, keyed by size and modification time); it re-reads files other extensions
translate (NimblePublisher posts), whose problems must be reported on every build.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.project import Project
from sphinx.util import logging
from sphinx.util.matching import compile_matchers
from sphinx.util.parallel import ParallelTasks, parallel_available

from extensions.ablog_compat.sphinx_ablog import pattern_posts

from .model import Problem, Unpublished
from .post import decode_source
from .publish import (
    HIDDEN_PATTERNS,
    Scanned,
    glob_literal,
    scan_source,
    verdict,
    without_orphan_words,
)
from .sphinx_reader import blog_zone, build_now, translate
from .values import aware

logger = logging.getLogger(__name__)

#: Changes when the scan's rules change, so old records are not trusted.
SCAN_VERSION = "2"
CACHE_NAME = "blog-scan.json"


def source_kind(suffix: str, source_suffix: dict[str, str]) -> str:
    """ "markdown", "rst" or "notebook" (for front matter, docinfo or notebook metadata)."""
    if suffix == ".ipynb":
        return "notebook"
    file_type = source_suffix.get(suffix, "")
    return "rst" if file_type == "restructuredtext" else "markdown"


class ScanRecord:
    """What the previous scans learnt, keyed by file path and its (size, mtime)."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key
        self.found: dict[str, list[Any]] = {}
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored.get("key") == key and isinstance(stored.get("files"), dict):
                self.found = stored["files"]
        except (OSError, ValueError, AttributeError):
            pass
        self.kept: dict[str, list[Any]] = {}

    def get(self, relative: str, stamp: list[int]) -> Scanned | None:
        entry = self.found.get(relative)
        if not entry or entry[0] != stamp:
            return None
        try:
            scanned = Scanned.from_json(entry[1])
        except (TypeError, ValueError):
            return None
        self.kept[relative] = entry
        return scanned

    def put(self, relative: str, stamp: list[int], scanned: Scanned) -> None:
        self.kept[relative] = [stamp, scanned.as_json()]

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps({"key": self.key, "files": self.kept}, sort_keys=True)
            if not self.path.is_file() or self.path.read_text(encoding="utf-8") != data:
                self.path.write_text(data, encoding="utf-8")
        except OSError:
            pass  # only a cache: the next build scans again


def links_out(srcdir: Path, excluded: Iterable[str]) -> list[str]:
    """Exclude patterns for symbolic links (files or folders) that lead out of the site or
    into a hidden folder: Sphinx follows links, so a link to ``/`` or ``~/.ssh`` would be read.

    Links are never followed here; a folder the exclude patterns leave out is not entered
    (``_build``, ``.venv``), and a plain file costs no more than its directory entry."""
    matchers = compile_matchers(list(excluded))
    root = srcdir.resolve()
    found: list[str] = []
    folders = [("", str(root))]
    while folders:
        relative_folder, folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            relative = f"{relative_folder}/{entry.name}" if relative_folder else entry.name
            link = entry.is_symlink()
            if not link and not entry.is_dir(follow_symlinks=False):
                continue  # a plain file: nothing to decide
            if any(match(relative) for match in matchers):
                continue
            if link:
                target = Path(entry.path).resolve()
                if not target.is_relative_to(root) or any(
                    part.startswith(".") for part in target.relative_to(root).parts
                ):
                    found += [glob_literal(relative), glob_literal(relative) + "/**"]
                continue
            folders.append((relative, entry.path))
    return found


class Publication:
    """One per application: the posts of this build and what the scan left out."""

    def __init__(self) -> None:
        self.posts: frozenset[str] = frozenset()
        self.hidden: dict[str, str] = {}  # docname -> reason
        #: drafts and future posts: left out, or (``blog_preview``) shown marked
        self.unpublished: dict[str, Unpublished] = {}
        self._conf_excludes: list[str] | None = None
        self._added: list[str] = []

    def is_post(self, docname: str) -> bool:
        return docname in self.posts

    def scan(self, app: Sphinx) -> None:
        """builder-inited: decide what this build reads; leave the rest out."""
        config = app.config
        now, zone = build_now(config), blog_zone(config, report=True)
        conf_excludes = list(config.exclude_patterns)
        base = [
            *conf_excludes,
            *config.templates_path,
            *app.builder.get_asset_paths(),
            *HIDDEN_PATTERNS,
        ]
        outside = links_out(Path(app.srcdir), base)
        for pattern in outside[::2]:
            logger.warning(
                "%s is a link that leads out of the site; it is left out",
                pattern,
                type="frontmatter",
                subtype="outside",
                location=str(Path(app.srcdir, pattern)),
            )
        project = Project(app.srcdir, config.source_suffix)
        docnames = project.discover([*base, *outside], config.include_patterns)
        matched = pattern_posts(config)
        formats = tuple(f for f in (config.post_date_format,) if isinstance(f, str) and f)
        key = hashlib.sha256(
            json.dumps(
                [SCAN_VERSION, config.blog_posts_folder, sorted(matched), formats], default=str
            ).encode()
        ).hexdigest()
        record = ScanRecord(Path(app.doctreedir) / CACHE_NAME, key)
        posts: set[str] = set()
        hidden: dict[str, str] = {}
        hidden_paths: list[str] = []
        unpublished: dict[str, Unpublished] = {}
        preview = bool(config.blog_preview)
        srcdir = str(app.srcdir)
        found: dict[str, Scanned] = {}
        todo: list[tuple[str, str, str, list[int]]] = []  # changed since the last scan
        for docname in sorted(docnames):
            relative = project.doc2path(docname, absolute=False).as_posix()
            path = os.path.join(srcdir, relative)
            try:
                status = os.stat(path)
            except OSError:
                found[docname] = Scanned(docname)  # Sphinx reports an unreadable file itself
                continue
            stamp = [status.st_size, status.st_mtime_ns]
            cached = record.get(relative, stamp)
            if cached is not None:
                found[docname] = cached
            else:
                todo.append((docname, path, relative, stamp))
        for docname, relative, stamp, scanned, cacheable in scan_files(app, todo, matched, formats):
            found[docname] = scanned
            if cacheable:
                record.put(relative, stamp, scanned)
        for docname in sorted(docnames):
            relative = project.doc2path(docname, absolute=False).as_posix()
            scanned = found[docname]
            reason = verdict(scanned, now, zone)
            if reason in ("draft", "future"):
                date = aware_in(scanned.date, zone)
                unpublished[docname] = Unpublished(docname, relative, reason, date)
                if preview:  # shown, marked as a draft or as scheduled
                    posts.add(docname)
                    continue
                logger.info("not published (%s): %s", reason, relative)
            if scanned.is_post and reason is None:
                posts.add(docname)
            if reason is not None:
                hidden[docname] = reason
                hidden_paths.append(glob_literal(relative))
        record.save()
        self.posts, self.hidden = frozenset(posts), hidden
        self.unpublished = unpublished
        self._conf_excludes = conf_excludes
        self._added = [*HIDDEN_PATTERNS, *outside, *hidden_paths]
        config.exclude_patterns = [*conf_excludes, *self._added]

    def restore(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """env-updated (last): give the configuration back its conf.py value before Sphinx
        pickles it, so the next build does not see a changed setting."""
        if self._conf_excludes is not None:
            app.config.exclude_patterns = list(self._conf_excludes)
        return []

    def reapply(self, app: Sphinx, exception: BaseException | None) -> None:
        """build-finished: keep the exclusions for a further build by the same application."""
        if self._conf_excludes is not None:
            app.config.exclude_patterns = [*self._conf_excludes, *self._added]


#: Fewer files than this are scanned in the main process: forking would cost more.
PARALLEL_SCAN = 64

Scan = tuple[str, str, list[int], Scanned, bool]  # docname, relative path, stamp, what, keep


def scan_files(
    app: Sphinx,
    todo: list[tuple[str, str, str, list[int]]],
    matched: frozenset[str],
    formats: tuple[str, ...],
) -> list[Scan]:
    """Scan the files that changed since the last build: in ``app.parallel`` forked
    processes when there are many (a first build), else here."""

    def scan_chunk(chunk: list[tuple[str, str, str, list[int]]]) -> list[Scan]:
        return [
            (docname, relative, stamp, *scan_file(app, docname, path, matched, formats))
            for docname, path, relative, stamp in chunk
        ]

    if app.parallel <= 1 or not parallel_available or len(todo) < PARALLEL_SCAN:
        return scan_chunk(todo)
    results: list[Scan] = []
    tasks = ParallelTasks(app.parallel)
    for number in range(app.parallel):
        tasks.add_task(scan_chunk, todo[number :: app.parallel], lambda _, got: results.extend(got))
    tasks.join()
    return results


def scan_file(
    app: Sphinx, docname: str, path: str, matched: frozenset[str], formats: tuple[str, ...]
) -> tuple[Scanned, bool]:
    """What decides whether one file is published, and whether to keep it for the next
    build (a file another extension translates may report problems: scanned every build)."""
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except OSError:
        return Scanned(docname), False  # Sphinx reports an unreadable file itself
    text, problems = decode_source(raw)
    if text is None:  # Sphinx would stop with a traceback on it: leave it out, say where
        for problem in problems:
            logger.warning(
                problem.message,
                type="frontmatter",
                subtype=problem.code,
                location=f"{path}:{problem.line}",
            )
        return Scanned(docname, problem=problems[0] if problems else Problem("encoding", "")), False
    kind = source_kind(os.path.splitext(path)[1], app.config.source_suffix)
    translated = translate(app, docname, text) if kind == "markdown" else text
    scanned = scan_source(
        docname,
        translated,
        kind,
        posts_folder=app.config.blog_posts_folder,
        matched=matched,
        date_formats=formats,
    )
    return scanned, translated == text


def aware_in(date: Any, zone: Any) -> Any:
    """A scanned date in the blog's timezone (None when it has none or is out of range)."""
    if date is None:
        return None
    try:
        return aware(date, zone).astimezone(zone)
    except (OverflowError, ValueError):
        return None


def prune_search_index(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished: no word of a document that is no longer published stays searchable."""
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / "searchindex.js"
    try:
        pruned = without_orphan_words(path.read_text(encoding="utf-8"))
        if pruned is not None:
            path.write_text(pruned, encoding="utf-8")
    except OSError:
        return  # no index written by this builder
