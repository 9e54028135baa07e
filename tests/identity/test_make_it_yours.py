"""The README's "Make it yours", done by a test: edit the identity settings at the top of
conf.py, delete posts/, write one post. The site builds with zero warnings and the old
owner, authors and address appear nowhere in the output."""

from __future__ import annotations

import re
import runpy
import shutil

import pytest
from conftest import REPO, build_site

pytestmark = pytest.mark.site

SITE_FILES = ("conf.py", "index.md", "404.md", "_templates", "_static", "snippets")
NEW = {
    "blog_owner": "Rosa Parra",
    "blog_tagline": "Trains, tests and tapas.",
    "html_baseurl": "https://rosa.example.org/",
}


def old_names() -> set[str]:
    """The names the repository's site carries today: its owner, authors and host."""
    conf = runpy.run_path(str(REPO / "conf.py"))
    names = {conf.get("blog_owner", ""), conf.get("blog_title", "")}
    names |= set(conf.get("blog_authors", {}))
    host = re.sub(r"^https?://", "", conf.get("html_baseurl", "")).split("/")[0]
    names.add(host)
    for path in (REPO / "posts").rglob("*.md"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"^author:\s*(.+)$|author:\s*\"([^\"]+)\"", text, re.M):
            value = (match.group(1) or match.group(2) or "").strip("[] ")
            names |= {part.strip(" '\"") for part in value.split(",")}
    return {name for name in names if len(name) > 3 and name not in NEW.values()}


def test_a_newcomer_makes_the_blog_theirs(tmp_path):
    src = tmp_path / "site"
    src.mkdir()
    for name in SITE_FILES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, src / name)
        elif (REPO / name).is_file():
            shutil.copy(REPO / name, src / name)
    conf = (src / "conf.py").read_text(encoding="utf-8")
    for setting, value in NEW.items():
        conf, found = re.subn(rf"^{setting} = .*$", f"{setting} = {value!r}", conf, flags=re.M)
        assert found == 1, f"conf.py should assign {setting} on one line"
    (src / "conf.py").write_text(conf, encoding="utf-8")
    (src / "posts/2026").mkdir(parents=True)
    (src / "posts/2026/hello.md").write_text(
        "---\ntitle: Hello\ndate: 2026-01-05\ncategory: Travel\ntags: [trains]\n---\n\n"
        "My first post.\n",
        encoding="utf-8",
    )
    result = build_site(src, tmp_path / "html")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    old = old_names()
    assert old, "the repository names nobody?"
    for path in (tmp_path / "html").rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            for name in old:
                assert name not in text, f"{name!r} in {path.relative_to(tmp_path)}"
    home = (tmp_path / "html/index.html").read_text(encoding="utf-8")
    assert "Rosa Parra" in home and "Trains, tests and tapas." in home
    assert "https://rosa.example.org/feeds/atom.xml" in home
