"""The disk, for the importer: finding sources, checking the files posts refer to, and
writing atomically. Nothing else in the importer reads or writes files.

Only files inside the folders given on the command line are ever read: a referenced file
is copied only if its real path (symlinks resolved) stays inside its folder, no part of its
path starts with ``.``, and it is a regular file.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..nimble.model import Problem
from .model import Conversion, Inventory, Source

SUFFIXES = (".md", ".markdown")
#: Folders never searched for posts: generated sites, dependencies, caches.
SKIPPED_FOLDERS = frozenset({"_site", "node_modules", "vendor", "public", "resources", "_build"})


def find_sources(
    paths: Iterable[str], dest: str
) -> tuple[list[Source], list[Conversion], dict[str, Path]]:
    """The files to import, the given paths that do not exist, and each source folder
    (by the name :class:`Source.root` gives it)."""
    found: list[Source] = []
    missing: list[Conversion] = []
    roots: dict[str, Path] = {}
    destination = Path(dest).resolve()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            root = path
            files = sorted(_walk(path))
        elif path.is_file():
            root = path.parent
            files = [path]
        else:
            missing.append(Conversion(given, problem=Problem("missing", "no such file or folder")))
            continue
        name = str(root)
        roots[name] = root
        for file in files:
            try:
                data = file.read_bytes()
                stat = file.stat()
            except OSError as error:
                missing.append(Conversion(str(file), problem=Problem("io", str(error))))
                continue
            real = file.resolve()
            in_place = ""
            if real.is_relative_to(destination):
                in_place = real.relative_to(destination).with_suffix("").as_posix()
            found.append(
                Source(
                    path=str(file),
                    root=name,
                    relative=file.relative_to(root).as_posix(),
                    data=data,
                    root_name=root.resolve().name,
                    modified=dt.datetime.fromtimestamp(stat.st_mtime).date(),
                    in_place=in_place,
                )
            )
    return found, missing, roots


def _walk(folder: Path) -> Iterable[Path]:
    for current, folders, files in os.walk(folder):  # symlinked folders are not followed
        folders[:] = [f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS]
        for name in files:
            if name.startswith(".") or not name.endswith(SUFFIXES):
                continue
            path = Path(current, name)
            if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
                continue
            yield path


def safe_file(root: Path, relative: str) -> Path | None:
    """``root/relative`` when it may be copied (see the module's rules), else None."""
    parts = relative.split("/")
    if not relative or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    path = root.joinpath(*parts)
    try:
        real = path.resolve(strict=True)
        inside = real.is_relative_to(root.resolve(strict=True))
    except (OSError, RuntimeError):
        return None
    if not inside or not real.is_file():
        return None
    return path


def check(wanted: Iterable[tuple[str, str]], roots: Mapping[str, Path]) -> Inventory:
    """Which of the wanted ``(root, path)`` files exist and may be copied."""
    present: dict[str, set[str]] = {}
    for root, relative in wanted:
        folder = roots.get(root)
        if folder is not None and safe_file(folder, relative) is not None:
            present.setdefault(root, set()).add(relative)
    return Inventory(tuple((root, frozenset(paths)) for root, paths in sorted(present.items())))


def write_atomically(target: Path, content: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over ``target``: readers
    see the old file or the new one, never half of one."""
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
