"""`make lighthouse`: Lighthouse scores for the built site, light and dark.

Serves an already built site (`_build/html`; `make lighthouse` runs `make html` first) on a
loopback port under its public path, then runs Lighthouse 12 from npm (tests/browser/
node_modules, through lighthouse-run.mjs) in Debian's Chromium with its default, mobile, form
factor on three pages: the home page, the newest post and a tag page, each with
`prefers-color-scheme: light` and `dark`. Prints page x scheme x the four category scores and,
with --json FILE, writes them (and the pass/fail audits that failed) as JSON.

    python tests/browser/lighthouse.py [--site _build/html] [--json _build/lighthouse.json]

Needs: Node.js 18.16 or later, `npm ci` in tests/browser, and Chromium at $CHROME_PATH
(default /usr/bin/chromium). Nothing is downloaded; a missing piece is reported and the
exit status is 2.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from site_server import a_tag_page, newest_post, serve

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RUNNER = HERE / "lighthouse-run.mjs"
LIGHTHOUSE = HERE / "node_modules" / "lighthouse" / "package.json"
SCHEMES = ("light", "dark")
COLUMNS = {
    "performance": "performance",
    "accessibility": "accessibility",
    "best-practices": "best practices",
    "seo": "SEO",
}
MINIMUM_NODE = (18, 16)  # Lighthouse 12.8's engines field


class Missing(Exception):
    """Something `make lighthouse` needs is not there; the message says how to get it."""


def node_version(node: str) -> tuple[int, int]:
    out = subprocess.run([node, "--version"], capture_output=True, text=True, check=True).stdout
    major, minor, *_ = out.strip().lstrip("v").split(".")
    return int(major), int(minor)


def check_tools(site: Path) -> tuple[str, str]:
    """(node, chromium), or Missing with what to do."""
    node = shutil.which("node")
    if not node:
        raise Missing("Node.js is not installed: sudo apt-get install nodejs npm")
    if node_version(node) < MINIMUM_NODE:
        raise Missing(f"Lighthouse 12 needs Node.js {'.'.join(map(str, MINIMUM_NODE))} or later")
    chromium = os.environ.get("CHROME_PATH") or "/usr/bin/chromium"
    if not (os.path.isfile(chromium) and os.access(chromium, os.X_OK)):
        raise Missing(f"Chromium is not at {chromium}: sudo apt-get install chromium")
    if not LIGHTHOUSE.is_file():
        raise Missing(f"Lighthouse is not installed: run `npm ci` in {HERE.relative_to(REPO)}")
    if not (site / "index.html").is_file():
        raise Missing(f"no built site in {site}: run `make html` first")
    return node, chromium


def run_lighthouse(node: str, chromium: str, runs: list[dict[str, str]]) -> list[dict]:
    environ = {**os.environ, "CHROME_PATH": chromium}
    result = subprocess.run(
        [node, str(RUNNER), json.dumps({"runs": runs})],
        env=environ,
        cwd=HERE,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"lighthouse: the Lighthouse run failed (exit {result.returncode})")
    return json.loads(result.stdout)


def table(results: list[dict]) -> str:
    width = max(len(r["page"]) for r in results)
    header = f"{'page':<{width}}  scheme  " + "  ".join(COLUMNS.values())
    lines = [header, "-" * len(header)]
    for r in results:
        cells = "  ".join(
            f"{'-' if r['scores'][key] is None else r['scores'][key]:>{len(title)}}"
            for key, title in COLUMNS.items()
        )
        lines.append(f"{r['page']:<{width}}  {r['scheme']:<6}  {cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=REPO / "_build" / "html")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    try:
        node, chromium = check_tools(args.site)
    except Missing as missing:
        print(f"make lighthouse: {missing}", file=sys.stderr)
        return 2
    pages = {
        "home": "index.html",
        "newest post": newest_post(args.site),
        "a tag page": a_tag_page(args.site),
    }
    with serve(args.site) as server:
        runs = [
            {"page": f"{name} ({path})", "url": server.url + path, "scheme": scheme}
            for name, path in pages.items()
            for scheme in SCHEMES
        ]
        print(f"Lighthouse (mobile) on {len(runs)} runs at {server.url} ...", file=sys.stderr)
        asked = [{"url": run["url"], "scheme": run["scheme"]} for run in runs]
        results = run_lighthouse(node, chromium, asked)
    for run, result in zip(runs, results, strict=True):
        result["page"] = run["page"]
    first = results[0]
    print(f"Lighthouse {first['lighthouse']}, {first['formFactor']}, {first['chromium']}")
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
