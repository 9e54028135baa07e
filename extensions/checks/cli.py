"""The ``make check`` command: build the site afresh with the checks on, then print one
line per problem (file:line, what, how to fix) and a summary; exit 1 when there is any.

The build goes to its own folder (``_build/check``), never the site's, with every feed
validated in full (``feeds_validate``) and references checked (``-n``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .report import failed, line_of, ordered, parse_warnings, summary

#: The build's own closing line (extensions.buildlog), which says what was built.
_BUILT = re.compile(r"^Built (?P<what>.*?) in [\d.]+ s")
#: Warning types the checks list in full themselves (the build says one per language).
LISTED_BY_CHECKS = ("highlight",)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make check", description="Check the site before publishing it."
    )
    parser.add_argument("--root", default=".", help="the site (where conf.py is)")
    parser.add_argument("--out", default="_build/check", help="where the checking build goes")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    out = (root / args.out).resolve() if not Path(args.out).is_absolute() else Path(args.out)
    if not (root / "conf.py").is_file():
        print(f"make check: no conf.py in {root}", file=sys.stderr)
        return 2
    if out == root or root.is_relative_to(out):
        print(f"make check: refusing to build into {out}", file=sys.stderr)
        return 2
    shutil.rmtree(out, ignore_errors=True)  # afresh: every document read, every page written
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-n", "-q", "--keep-going"]
    command += ["--no-color"]  # plain lines to read, whatever the terminal (CI=true colours)
    command += ["-D", "blog_check=1", "-D", "feeds_validate=1", "-D", "blog_quiet=1"]
    command += ["-d", str(out / "doctrees"), str(root), str(out / "html")]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=root)
    findings = [
        finding
        for finding in parse_warnings(result.stderr, root.as_posix())
        if finding.kind.split(".")[0] not in LISTED_BY_CHECKS
    ]
    built = next((m.group("what") for m in map(_BUILT.match, result.stdout.splitlines()) if m), "")
    if result.returncode != 0 and not built:  # Sphinx stopped: show what it said
        sys.stderr.write(result.stderr)
        print("make check: the build stopped before it could check anything", file=sys.stderr)
        return 2
    findings = ordered(findings)
    for finding in findings:
        print(line_of(finding))
    print(summary(findings, f"checked {built}" if built else "checked the site"))
    return 1 if failed(findings) else 0
