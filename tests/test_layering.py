"""The architecture, checked: only boundary modules may touch Sphinx or docutils.

Each extension under extensions/ has a pure core (data and functions) and a thin boundary.
Boundary modules are ``__init__.py`` (registration), ``sphinx_*.py`` and a command's
``cli.py`` (its process's contact with the outside world: ``make post`` reads ``conf.py`` as
Sphinx does); every other module must not import sphinx, docutils or ablog (which is a Sphinx
extension), directly or by importing a boundary module of its own or of another extension.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTENSIONS = Path(__file__).resolve().parents[1] / "extensions"
FORBIDDEN = ("sphinx", "docutils", "ablog", "myst_parser")


def core_modules() -> list[Path]:
    return sorted(
        path
        for path in EXTENSIONS.rglob("*.py")
        if path.name not in ("__init__.py", "cli.py") and not path.name.startswith("sphinx_")
    )


def imported_names(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: resolve against the package
                package = path.parent.relative_to(EXTENSIONS.parent).parts
                base = ".".join(package[: len(package) - node.level + 1])
                module = f"{base}.{module}" if module else base
                names += [(f"{module}.{alias.name}", node.lineno) for alias in node.names]
            names.append((module, node.lineno))
    return names


def is_forbidden(name: str) -> bool:
    root = name.split(".")[0]
    if root in FORBIDDEN:
        return True
    last = name.split(".")[-1]
    return name.startswith("extensions.") and last.startswith("sphinx_")


def test_there_are_core_modules_to_check():
    assert len(core_modules()) >= 5


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: str(p.relative_to(EXTENSIONS)))
def test_core_module_does_not_import_sphinx_or_docutils(path):
    bad = [f"line {line}: {name}" for name, line in imported_names(path) if is_forbidden(name)]
    assert not bad, f"{path.relative_to(EXTENSIONS.parent)} is core but imports {bad}"


def test_the_check_catches_a_leak(tmp_path):
    leak = EXTENSIONS / "frontmatter" / "values.py"
    text = leak.read_text(encoding="utf-8") + "\nfrom docutils import nodes\n"
    fake = tmp_path / "extensions" / "frontmatter" / "leaky.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(text, encoding="utf-8")
    assert any(is_forbidden(name) for name, _ in imported_names_in(fake, tmp_path / "extensions"))


def imported_names_in(path: Path, root: Path) -> list[tuple[str, int]]:
    global EXTENSIONS
    saved, EXTENSIONS = EXTENSIONS, root
    try:
        return imported_names(path)
    finally:
        EXTENSIONS = saved
