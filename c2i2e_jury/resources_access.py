"""Read the data files shipped in ``resources/`` the same way from a checkout, a wheel or a frozen build."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from c2i2e_jury.domain.referential import Referential

PACKAGE = "c2i2e_jury.resources"


def resource(*parts: str) -> Traversable:
    node = resources.files(PACKAGE)
    for part in parts:
        node = node / part
    return node


def read_json(*parts: str) -> Any:
    return json.loads(resource(*parts).read_text(encoding="utf-8"))


@cache
def referential() -> Referential:
    """The national referential, loaded and checked once per process."""
    return Referential.from_data(read_json("referential.json"))
