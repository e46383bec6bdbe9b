"""The national C2i2e referential: 28 competencies (items) in 7 domains, and the 4 dossier parts.

Built from plain data (``resources/referential.json``) and checked when built, so that a broken data file
is found at start-up rather than in the middle of an oral.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

ITEM_CODE = re.compile(r"^[AB][1-4]\.[1-5]$")


class ReferentialError(ValueError):
    """The referential data is inconsistent (a bug in the shipped data, never a user error)."""


@dataclass(frozen=True)
class Item:
    code: str
    domain: str
    wording: str
    part: int


@dataclass(frozen=True)
class Domain:
    code: str
    group: str
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    number: int
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Referential:
    domains: tuple[Domain, ...]
    parts: tuple[Part, ...]
    items_by_code: Mapping[str, Item]
    min_validated: int
    max_missing_per_domain: int

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Referential:
        domains = tuple(
            Domain(d["code"], d["group"], d["title"], tuple(i["code"] for i in d["items"]))
            for d in data["domains"]
        )
        parts = tuple(Part(int(p["number"]), p["title"], tuple(p["items"])) for p in data["parts"])
        part_of: dict[str, int] = {}
        for part in parts:
            for code in part.items:
                if code in part_of:
                    raise ReferentialError(f"item {code} is in parts {part_of[code]} and {part.number}")
                part_of[code] = part.number
        items: dict[str, Item] = {}
        for d in data["domains"]:
            for i in d["items"]:
                code = i["code"]
                if not ITEM_CODE.match(code) or not code.startswith(d["code"] + "."):
                    raise ReferentialError(f"bad item code {code!r} in domain {d['code']}")
                if code in items:
                    raise ReferentialError(f"duplicate item code {code}")
                if code not in part_of:
                    raise ReferentialError(f"item {code} belongs to no dossier part")
                items[code] = Item(code, d["code"], i["wording"], part_of[code])
        unknown = set(part_of) - set(items)
        if unknown:
            raise ReferentialError(f"parts cite unknown items: {sorted(unknown)}")
        if len(items) != 28 or len(domains) != 7 or len(parts) != 4:
            raise ReferentialError(
                f"expected 28 items, 7 domains, 4 parts; got {len(items)}, {len(domains)}, {len(parts)}"
            )
        rules = data["certificate"]
        return cls(domains, parts, items, int(rules["min_validated"]), int(rules["max_missing_per_domain"]))

    @cached_property
    def codes(self) -> tuple[str, ...]:
        """All item codes in the referential's order (A1.1 … B4.3); computed once (the rules ask it often)."""
        return tuple(code for d in self.domains for code in d.items)

    def __iter__(self) -> Iterator[Item]:
        return (self.items_by_code[c] for c in self.codes)

    def __len__(self) -> int:
        return len(self.items_by_code)

    def __contains__(self, code: object) -> bool:
        return code in self.items_by_code

    def item(self, code: str) -> Item:
        return self.items_by_code[code]

    def domain(self, code: str) -> Domain:
        for d in self.domains:
            if d.code == code:
                return d
        raise KeyError(code)

    def part(self, number: int) -> Part:
        return self.parts[number - 1]

    def items_of_part(self, number: int) -> Sequence[Item]:
        return [self.items_by_code[c] for c in self.part(number).items]
