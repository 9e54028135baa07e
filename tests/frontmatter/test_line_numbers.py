"""Line numbers are exact in every warning, whatever the shape of a post's front matter or
NimblePublisher header: each post below has a directive MyST does not know on a line we
know, and the warning must name that line of the file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-listing"
BAD = "```{nosuchdirective}\nx\n```\n"

SHAPES = {
    # MyST front matter
    "blank-line-after": "---\ntitle: A\ndate: 2024-01-01\n---\n\nText.\n\n" + BAD,
    "body-right-after": "---\ntitle: A\ndate: 2024-01-01\n---\n" + BAD,
    "multi-line-values": (
        "---\ntitle: A\ndate: 2024-01-01\ntags:\n  - a\n  - b\ndescription: |\n  two\n  lines\n"
        "---\n\n" + BAD
    ),
    "other-keys-kept": ("---\ntitle: A\nredirect_from: [/old/a/]\ndate: 2024-01-01\n---\n" + BAD),
    "no-title-key": "---\ndate: 2024-01-01\n---\n\n# Heading title\n\n" + BAD,
    "setext-headings": ("---\ntitle: A\ndate: 2024-01-01\n---\nPart\n====\n\nSub\n---\n\n" + BAD),
    "crlf-line-endings": "---\r\ntitle: A\r\ndate: 2024-01-01\r\n---\r\n\r\n" + BAD,
    # NimblePublisher headers
    "nimble-multi-line": '%{\n  title: "A",\n  date: ~D[2024-01-01]\n}\n---\n' + BAD,
    "nimble-one-line": '%{title: "A", date: ~D[2024-01-01]}\n---\n' + BAD,
    "nimble-one-line-more-keys": (
        '%{title: "A", date: ~D[2024-01-01], minutes: 4}\n---\nText.\n' + BAD
    ),
    "nimble-heredoc": (
        '%{\n  title: "A",\n  date: ~D[2024-01-01],\n  description: """\n  Two\n  lines\n  """\n}'
        "\n---\n\n" + BAD
    ),
}


def bad_line(text: str) -> int:
    lines = text.replace("\r\n", "\n").split("\n")
    return lines.index("```{nosuchdirective}") + 1


@pytest.fixture(scope="module")
def warnings(tmp_path_factory, make_app_module) -> str:
    src = tmp_path_factory.mktemp("lines") / "src"
    shutil.copytree(ROOT, src)
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text().replace(
            '"extensions.listing",', '"extensions.listing", "extensions.nimble",'
        )
    )
    for name, text in SHAPES.items():
        (src / "posts/2024" / f"{name}.md").write_bytes(text.encode("utf-8"))
    app = make_app_module("html", srcdir=src)
    app.build()
    return app.warning.getvalue()


@pytest.fixture(scope="module")
def make_app_module(request):
    from sphinx.testing.util import SphinxTestApp

    apps = []

    def make(*args, **kwargs):
        app = SphinxTestApp(*args, **kwargs)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.cleanup()


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_warning_names_the_line_of_the_file(warnings, name):
    line = bad_line(SHAPES[name])
    found = re.findall(
        rf"posts/2024/{re.escape(name)}\.md:(\d+): WARNING: Unknown directive", warnings
    )
    assert found == [str(line)], warnings
