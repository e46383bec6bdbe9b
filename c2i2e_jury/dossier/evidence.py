"""The evidence map: for each of the 28 items, where the dossier cites it and where its part begins.

During the oral the jury validates item by item; selecting an item shows the pages where the candidate cites its
code ("(B2.3)", "Compétences mobilisées : B3.1, B3.2", also "B2-3", "B 2.3", "B.2.3", and ranges such as
"B2.1 à B2.5") and the page where the item's part begins (from :mod:`~c2i2e_jury.dossier.structure`), with the
rectangles to highlight each citation. Codes outside the referential ("A4.1") are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.dossier.search import PageIndex, SearchIndex
from c2i2e_jury.dossier.structure import Structure
from c2i2e_jury.dossier.text import DossierText, Rect

_SPACE = r"[ \u00a0\u202f]?"
CODE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<d>[AB]){_SPACE}\.?{_SPACE}(?P<g>[1-4]){_SPACE}[.\-‐‑–]{_SPACE}(?P<i>[1-5])(?![0-9])"
)
RANGE_JOIN = re.compile(r"^\s*(?:à|a|au|-|‐|‑|–|—)\s*$")


@dataclass(frozen=True)
class Citation:
    page: int
    rects: tuple[Rect, ...]


@dataclass(frozen=True)
class ItemEvidence:
    code: str
    part: int
    part_starts_on: int | None
    citations: tuple[Citation, ...]

    @property
    def cited_on(self) -> tuple[int, ...]:
        """The pages citing the item's code, in order, each once."""
        return tuple(sorted({c.page for c in self.citations}))

    @property
    def pages(self) -> tuple[int, ...]:
        """Every page to show for the item: where it is cited and where its part begins."""
        start = (self.part_starts_on,) if self.part_starts_on else ()
        return tuple(sorted({*self.cited_on, *start}))

    def to_json(self) -> dict[str, Any]:
        return {"cited_on": list(self.cited_on), "part": self.part, "part_starts_on": self.part_starts_on}


@dataclass(frozen=True)
class EvidenceMap:
    items: Mapping[str, ItemEvidence]  # in the referential's order
    part_starts: Mapping[int, int | None]

    def __getitem__(self, code: str) -> ItemEvidence:
        return self.items[code]

    def __iter__(self) -> Iterator[ItemEvidence]:
        return iter(self.items.values())

    def uncited(self) -> tuple[str, ...]:
        """Items whose code the dossier never cites."""
        return tuple(code for code, item in self.items.items() if not item.citations)

    def to_json(self) -> dict[str, dict[str, Any]]:
        return {code: item.to_json() for code, item in self.items.items()}


def build_evidence(
    text: DossierText, structure: Structure, referential: Referential, index: SearchIndex | None = None
) -> EvidenceMap:
    """Find every item code cited in the text. ``index`` shares page indexes with the search, if given."""
    index = index or SearchIndex(text)
    found: dict[str, list[Citation]] = {code: [] for code in referential.codes}
    for number in range(1, len(text) + 1):
        for code, rects in cited_codes(index.page(number)):
            if code in found:
                found[code].append(Citation(number, rects))
    part_starts = {part.number: structure.part_start(part.number) for part in referential.parts}
    items = {
        code: ItemEvidence(
            code, referential.item(code).part, part_starts[referential.item(code).part], tuple(found[code])
        )
        for code in referential.codes
    }
    return EvidenceMap(items, part_starts)


def cited_codes(page: PageIndex) -> list[tuple[str, tuple[Rect, ...]]]:
    """(code, rectangles) for every item code cited on the page, ranges expanded ("B2.1 à B2.3": three codes)."""
    out: list[tuple[str, tuple[Rect, ...]]] = []
    matches = list(CODE.finditer(page.raw))
    for i, match in enumerate(matches):
        out.append((_code(match), page.rects(match.start(), match.end())))
        if i + 1 < len(matches):
            following = matches[i + 1]
            if RANGE_JOIN.match(page.raw[match.end() : following.start()]) and _same_group(match, following):
                rects = page.rects(match.start(), following.end())
                low, high = int(match.group("i")), int(following.group("i"))
                prefix = _code(match)[:-1]
                out.extend((f"{prefix}{n}", rects) for n in range(low + 1, high))
    return out


def _code(match: re.Match[str]) -> str:
    return f"{match.group('d')}{match.group('g')}.{match.group('i')}"


def _same_group(a: re.Match[str], b: re.Match[str]) -> bool:
    return (
        a.group("d") == b.group("d")
        and a.group("g") == b.group("g")
        and int(a.group("i")) < int(b.group("i"))
    )
