"""Which redirect pages a build writes, derived from every document's old addresses.

Pure functions. Documents are taken in name order, and each document's addresses in the
order written, so the same sources always give the same pages and the same warnings:

- an address that is not acceptable (:func:`~.paths.site_path`) is reported (``path``,
  ``value``) and skipped;
- an address whose file a page of this build takes (``clash``), or that an earlier document
  already claimed (``duplicate``), is reported and skipped;
- the second file of an address without extension (``old/slug.html``) is simply left out
  when taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Claim, Page, Problem, Redirects
from .paths import files_for, site_path


def claims(records: Iterable[Redirects]) -> tuple[list[Claim], list[tuple[str, Problem]]]:
    """Every file the documents' old addresses ask for, and the addresses refused."""
    found: list[Claim] = []
    problems: list[tuple[str, Problem]] = []
    for record in sorted(records, key=lambda r: r.docname):
        seen: set[str] = set()
        for value in record.values:
            path = site_path(value)
            if isinstance(path, Problem):
                problems.append((record.docname, _at(path, record)))
                continue
            if path in seen:
                continue
            seen.add(path)
            files = files_for(path)
            if isinstance(files, Problem):
                problems.append((record.docname, _at(files, record)))
                continue
            primary, secondary = files
            found.append(Claim(record.docname, path, primary, record.line))
            if secondary is not None:
                found.append(Claim(record.docname, path, secondary, record.line, secondary=True))
    return found, problems


def _at(problem: Problem, record: Redirects) -> Problem:
    return Problem(problem.code, f"{record.key}: {problem.message}", record.line)


def settle(
    found: Iterable[Claim], taken: Mapping[str, str]
) -> tuple[list[Page], list[tuple[str, Problem]]]:
    """The pages to write, given the files this build writes (``taken``: file → what writes
    it); and the claims refused."""
    ordered = list(found)
    owner: dict[str, Claim] = {}
    problems: list[tuple[str, Problem]] = []
    for claim in (c for c in ordered if not c.secondary):
        if claim.file in taken:
            problems.append(
                (
                    claim.docname,
                    Problem(
                        "clash",
                        f"old address {claim.path} is not redirected: its file {claim.file} is "
                        f"{taken[claim.file]}",
                        claim.line,
                    ),
                )
            )
        elif claim.file in owner:
            first = owner[claim.file]
            if first.docname != claim.docname:
                problems.append(
                    (
                        claim.docname,
                        Problem(
                            "duplicate",
                            f"old address {claim.path} is not redirected here: {first.docname} "
                            "already redirects it",
                            claim.line,
                        ),
                    )
                )
        else:
            owner[claim.file] = claim
    for claim in (c for c in ordered if c.secondary):
        if claim.file not in taken and claim.file not in owner:
            owner[claim.file] = claim
    pages = [Page(file, claim.docname, claim.path) for file, claim in sorted(owner.items())]
    return pages, problems
