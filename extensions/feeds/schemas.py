"""The schemas shipped with this package (data files, read once per build by the caller).

RFC 4287's RELAX NG grammar (schemas/atom.rng) and a JSON Schema for JSON Feed 1.1
(schemas/jsonfeed-1.1.json), both written by hand from the specifications.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from lxml import etree


@dataclass(frozen=True)
class Schemas:
    atom: etree.RelaxNG
    json: dict[str, Any]


def load_schemas() -> Schemas:
    folder = files(__package__).joinpath("schemas")
    with folder.joinpath("atom.rng").open("rb") as stream:
        atom = etree.RelaxNG(etree.parse(stream))
    json_schema = json.loads(folder.joinpath("jsonfeed-1.1.json").read_text(encoding="utf-8"))
    return Schemas(atom=atom, json=json_schema)
