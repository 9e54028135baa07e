"""`make bench`: how the blog's build scales, against a floor measured in the same run.

Machines are shared and noisy, so absolute seconds mean little. Every case is run for the
blog (this repository's conf.py, templates and extensions) and for the floor (plain Sphinx +
MyST building the very same Markdown files as orphan pages, nothing else), in the same run,
three times each; the table gives the medians and the ratio blog / floor of the same case.

Cases, on BENCH_POSTS generated posts (default 300):
  full build       from nothing
  no-op rebuild    nothing changed since the last build
  one-post edit    one post's text changed
  add a post       one new post, dated after the others (as a writer adds one)
  full build -j 2  from nothing, two processes (and the speed-up over the serial full build)
  peak memory      the largest resident size of a full build (its processes included)

Writes the table to standard output and the numbers to BENCH_JSON (default
_build/bench.json).
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POSTS = int(os.environ.get("BENCH_POSTS", "300"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
JSON_OUT = Path(os.environ.get("BENCH_JSON", REPO / "_build" / "bench.json"))
WORDS = (
    "otp genserver supervisor stream pipeline python generator island train harbour "
    "market tram hill coffee pattern match clause process message mailbox"
).split()
TAGS = [
    "elixir", "python", "otp", "testing", "travel", "trains",
    "islands", "streams", "portugal", "hiking", "cities", "food",
]  # fmt: skip

#: Runs one sphinx-build in this process and reports its peak memory (with its children).
RUNNER = """
import resource, sys
from sphinx.cmd.build import build_main
code = build_main(sys.argv[1:])
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(f"PEAK_KB {peak}", file=sys.stderr)
sys.exit(code)
"""


def post_text(number: int, rng: random.Random) -> tuple[str, str]:
    year = 2015 + number % 11
    tags = ", ".join(rng.sample(TAGS, 3))
    body = "\n\n".join(
        " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "." for _ in range(6)
    )
    text = (
        f"---\ntitle: Post {number}\ndate: {year}-{1 + number % 12:02d}-{1 + number % 28:02d}\n"
        f"author: Ana Lima\ncategory: {'Code' if number % 2 else 'Travel'}\ntags: [{tags}]\n"
        f"---\n\n{body}\n\n```elixir\ndefmodule M{number} do\n"
        f"  def f(x), do: x + {number}\nend\n```\n"
    )
    return f"posts/{year}/post-{number:04d}.md", text


def newest(path: str, text: str, number: int) -> tuple[str, str]:
    """The same post, dated after every generated one (2026-01-0N)."""
    text = re.sub(r"^date: .*$", f"date: 2026-01-{number:02d}", text, count=1, flags=re.M)
    return f"posts/2026/{path.rsplit('/', 1)[-1]}", text


def make_blog(root: Path) -> None:
    for name in ("conf.py", "index.md", "404.md"):
        shutil.copy(REPO / name, root / name)
    for folder in ("_templates", "_static", "snippets"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    rng = random.Random(7)
    for number in range(POSTS):
        path, text = post_text(number, rng)
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def make_floor(blog: Path, root: Path) -> None:
    """The same Markdown files, built by plain Sphinx + MyST as orphan pages."""
    shutil.copytree(blog / "posts", root / "posts")
    shutil.copy(blog / "index.md", root / "index.md")
    (root / "conf.py").write_text(
        'extensions = ["myst_parser"]\nexclude_patterns = ["_build"]\n'
        'html_theme = "alabaster"\nsuppress_warnings = ["toc.not_included"]\n',
        encoding="utf-8",
    )


def build(src: Path, out: Path, *extra: str) -> tuple[float, int]:
    """Seconds and peak kilobytes of one sphinx-build."""
    command = [sys.executable, "-c", RUNNER, "-b", "html", "-q", "-d", str(out / "doctrees")]
    command += [*extra, str(src), str(out / "html")]
    # as on a writer's machine: Python keeps compiled modules (a shell that sets
    # PYTHONDONTWRITEBYTECODE would make every build compile the extensions again)
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=environ)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"build failed in {src}:\n{done.stderr[-3000:]}")
    peak = next(
        (int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB")),
        0,
    )
    return seconds, peak


class Bench:
    def __init__(self, work: Path) -> None:
        self.blog, self.floor = work / "blog", work / "floor"
        self.blog.mkdir()
        self.floor.mkdir()
        make_blog(self.blog)
        make_floor(self.blog, self.floor)
        self.out = work / "out"
        self.results: dict[str, dict[str, list[float]]] = {}
        self.peaks: dict[str, list[int]] = {"blog": [], "floor": []}
        self.edits = 0
        self.added = 0

    def run(self, case: str, prepare, measure) -> None:
        for _ in range(RUNS):
            for side, src in (("floor", self.floor), ("blog", self.blog)):
                prepare(side, src)
                seconds = measure(side, src)
                self.results.setdefault(case, {}).setdefault(side, []).append(seconds)

    def clean(self, name: str):
        return lambda side, src: shutil.rmtree(self.out / f"{side}-{name}", ignore_errors=True)

    def full(self, name: str, *extra: str):
        def measure(side: str, src: Path) -> float:
            seconds, peak = build(src, self.out / f"{side}-{name}", *extra)
            if not extra:
                self.peaks[side].append(peak)
            return seconds

        return measure

    def rebuild(self, side: str, src: Path) -> float:
        return build(src, self.out / f"{side}-full")[0]

    def edit_one(self, side: str, src: Path) -> None:
        post = src / "posts" / "2016" / "post-0001.md"
        if side == "floor":
            self.edits += 1
        text = post.read_text(encoding="utf-8").replace(
            "\n\n```elixir", "\n\nEdit.\n\n```elixir", 1
        )
        post.write_text(text + f"\n\nEdited {self.edits} times.\n", encoding="utf-8")

    def add_one(self, side: str, src: Path) -> None:
        """A new post, as a writer adds one: dated after every other."""
        if side == "floor":
            self.added += 1
        path, text = post_text(POSTS + self.added, random.Random(self.added))
        path, text = newest(path, text, self.added)
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_text(text, encoding="utf-8")

    def main(self) -> dict[str, object]:
        self.run("full build", self.clean("full"), self.full("full"))
        self.run("no-op rebuild", lambda side, src: None, self.rebuild)
        self.run("one-post edit", self.edit_one, self.rebuild)
        self.run("add a post", self.add_one, self.rebuild)
        self.run("full build -j 2", self.clean("j2"), self.full("j2", "-j", "2"))
        medians = {
            case: {side: statistics.median(times) for side, times in sides.items()}
            for case, sides in self.results.items()
        }
        speedup = {
            side: medians["full build"][side] / medians["full build -j 2"][side]
            for side in ("floor", "blog")
        }
        peaks = {side: statistics.median(kb) / 1024 for side, kb in self.peaks.items()}
        return {
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}",
            "posts": POSTS,
            "runs": RUNS,
            "seconds": medians,
            "ratio": {case: m["blog"] / m["floor"] for case, m in medians.items()},
            "speedup_j2": speedup,
            "peak_mb": peaks,
        }


def table(report: dict[str, object]) -> str:
    seconds: dict[str, dict[str, float]] = report["seconds"]  # type: ignore[assignment]
    ratio: dict[str, float] = report["ratio"]  # type: ignore[assignment]
    speedup: dict[str, float] = report["speedup_j2"]  # type: ignore[assignment]
    peak: dict[str, float] = report["peak_mb"]  # type: ignore[assignment]
    lines = [
        f"{report['posts']} posts, medians of {report['runs']}, {report['date']}, "
        f"{report['machine']}",
        "",
        "| case | floor | blog | ratio |",
        "|---|---|---|---|",
    ]
    for case, sides in seconds.items():
        lines.append(
            f"| {case} | {sides['floor']:.2f} s | {sides['blog']:.2f} s | {ratio[case]:.2f}x |"
        )
    lines.append(
        f"| -j 2 speed-up over serial | {speedup['floor']:.2f}x | {speedup['blog']:.2f}x | |"
    )
    lines.append(
        f"| peak memory, full build | {peak['floor']:.0f} MB | {peak['blog']:.0f} MB | "
        f"{peak['blog'] / peak['floor']:.2f}x |"
    )
    return "\n".join(lines)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="blog-bench-"))
    try:
        report = Bench(work).main()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(report))
    JSON_OUT.parent.mkdir(parents=True, exist_ok=True)
    JSON_OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\n(numbers in {JSON_OUT})")


if __name__ == "__main__":
    main()
