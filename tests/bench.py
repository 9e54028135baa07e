"""`make bench`: how the blog's build scales, as ratios against a baseline in the same run.

The machines are shared and noisy, so absolute seconds mean little. Each scenario is timed
in the same run as a baseline -- plain Sphinx + MyST building the very same Markdown with
none of the blog's machinery -- and reported as a ratio to it (best of N runs each).

Scenarios, on a generated site of BENCH_POSTS posts (default 300):
  baseline        plain Sphinx + MyST, full build
  blog            the blog's conf.py (ABlog + our extensions), full build
  blog -j 2       the same with two parallel processes
  no-op rebuild   nothing changed since the last build
  one post edited one post's text changed
It also prints the size of the pickled environment (ABlog's doctree copies are dropped).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POSTS = int(os.environ.get("BENCH_POSTS", "300"))
RUNS = int(os.environ.get("BENCH_RUNS", "2"))
WORDS = (
    "otp genserver supervisor stream pipeline python generator island train harbour "
    "market tram hill coffee pattern match clause process message mailbox"
).split()
TAGS = [
    "elixir",
    "python",
    "otp",
    "testing",
    "travel",
    "trains",
    "islands",
    "streams",
    "portugal",
    "hiking",
    "cities",
    "food",
]


def make_site(root: Path, rng: random.Random) -> None:
    for name in ("conf.py", "index.md"):
        shutil.copy(REPO / name, root / name)
    for folder in ("_templates", "_static"):
        shutil.copytree(REPO / folder, root / folder)
    for number in range(POSTS):
        year = 2015 + number % 11
        tags = ", ".join(rng.sample(TAGS, 3))
        body = "\n\n".join(
            " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "." for _ in range(6)
        )
        post = root / "posts" / str(year) / f"post-{number:04d}.md"
        post.parent.mkdir(parents=True, exist_ok=True)
        post.write_text(
            f"---\ntitle: Post {number}\ndate: {year}-{1 + number % 12:02d}-{1 + number % 28:02d}\n"
            f"author: Ana Lima\ncategory: {'Code' if number % 2 else 'Travel'}\ntags: [{tags}]\n"
            f"---\n\n{body}\n\n```elixir\ndefmodule M{number} do\n"
            f"  def f(x), do: x + {number}\nend\n```\n",
            encoding="utf-8",
        )


def baseline_conf(root: Path) -> None:
    (root / "conf.py").write_text(
        'extensions = ["myst_parser"]\nexclude_patterns = ["_build"]\n'
        'html_theme = "alabaster"\nsuppress_warnings = ["toc.not_included"]\n',
        encoding="utf-8",
    )


def build(src: Path, out: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-d",
            str(out / "doctrees"),
            *extra,
            str(src),
            str(out / "html"),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def best(runs: int, prepare, measure) -> float:
    times = []
    for _ in range(runs):
        prepare()
        times.append(measure())
    return min(times)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="blog-bench-"))
    try:
        blog, base = work / "blog", work / "base"
        blog.mkdir()
        make_site(blog, random.Random(7))
        shutil.copytree(blog, base)
        baseline_conf(base)
        out = work / "out"

        def clean(name: str):
            return lambda: shutil.rmtree(out / name, ignore_errors=True)

        results = {}
        results["baseline (Sphinx + MyST only)"] = best(
            RUNS, clean("base"), lambda: build(base, out / "base")
        )
        results["blog, full build"] = best(RUNS, clean("blog"), lambda: build(blog, out / "blog"))
        results["blog, full build -j 2"] = best(
            RUNS, clean("j2"), lambda: build(blog, out / "j2", "-j", "2")
        )
        build(blog, out / "blog")
        results["blog, no-op rebuild"] = best(RUNS, lambda: None, lambda: build(blog, out / "blog"))
        edited = blog / "posts" / "2016" / "post-0001.md"

        def touch_one():
            edited.write_text(
                edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8"
            )

        results["blog, one post edited"] = best(RUNS, touch_one, lambda: build(blog, out / "blog"))
        pickle = out / "blog" / "doctrees" / "environment.pickle"
        baseline = results["baseline (Sphinx + MyST only)"]
        print(f"{POSTS} posts, best of {RUNS} runs; ratio = time / baseline time (same run)")
        for name, seconds in results.items():
            print(f"  {name:32s} {seconds / baseline:6.2f}x   ({seconds:6.1f} s)")
        print(f"  environment.pickle: {pickle.stat().st_size / 1e6:.1f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
