"""Every domain of ours answers MyST's question "is this link yours?" (``resolve_any_xref``):
a domain that does not makes every unresolved Markdown link warn a second time, naming
the domain instead of the link."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest
from sphinx.domains import Domain

EXTENSIONS = Path(__file__).resolve().parents[1] / "extensions"


def our_domains() -> list[type[Domain]]:
    found = []
    for path in sorted(EXTENSIONS.rglob("sphinx_*.py")):
        module = importlib.import_module(
            ".".join(path.relative_to(EXTENSIONS.parent).with_suffix("").parts)
        )
        found += [
            value
            for _, value in inspect.getmembers(module, inspect.isclass)
            if issubclass(value, Domain) and value.__module__ == module.__name__
        ]
    return found


def test_there_are_domains_to_check():
    assert len(our_domains()) >= 6


@pytest.mark.parametrize("domain", our_domains(), ids=lambda domain: domain.name)
def test_each_domain_answers_resolve_any_xref(domain):
    assert domain.resolve_any_xref is not Domain.resolve_any_xref
