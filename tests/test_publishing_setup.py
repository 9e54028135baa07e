"""The publishing set-ups build the site exactly as `make html` does; GitHub Pages also
builds once a day, so a post dated tomorrow goes live tomorrow without a push."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def test_github_pages_builds_on_push_and_every_day():
    workflow = yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    crons = [entry["cron"] for entry in triggers["schedule"]]
    assert len(crons) == 1
    minute, hour, day, month, weekday = crons[0].split()
    assert minute.isdigit() and hour.isdigit() and (day, month, weekday) == ("*", "*", "*")
    steps = workflow["jobs"]["build"]["steps"]
    build = next(step for step in steps if step.get("name") == "Build the site")
    assert build["run"].strip() == "make html" and "BLOG_BASEURL" in build["env"]


def test_read_the_docs_builds_with_make_html():
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    commands = config["build"]["commands"]
    assert any(re.fullmatch(r"make html( PYTHON=\S+)?", command) for command in commands)
