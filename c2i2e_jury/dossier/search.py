"""Whole-dossier text search, ignoring case and accents, with the boxes to highlight each hit.

MuPDF's own search folds ASCII case only: "évaluation" would miss "Évaluation", "oeuvre" would miss "œuvre". The
jury types French, so the search runs on the text already extracted for the report (no second pass through
MuPDF), folded with :func:`~c2i2e_jury.dossier.text.fold_char`, each folded character remembering the character
(and so the box) it came from. A hit that runs over a line break gets one rectangle per line.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from c2i2e_jury.dossier.text import Box, DossierText, PageText, Rect, fold, fold_char

CONTEXT_CHARS = 40


@dataclass(frozen=True)
class SearchHit:
    """One occurrence: its page (1-based), one rectangle per line it covers, and the text around it."""

    page: int
    rects: tuple[Rect, ...]
    context: str


class PageIndex:
    """One page's text as a single string (lines joined by newlines) with a box per character, and its folded
    form mapped back to it."""

    def __init__(self, page: PageText) -> None:
        self.number = page.number
        self.raw = "\n".join(line.text for line in page.lines)
        self.line_starts: list[int] = []
        self.boxes: list[Box | None] = []
        for line in page.lines:
            self.line_starts.append(len(self.boxes))
            self.boxes.extend(line.char_boxes)
            self.boxes.append(None)  # the newline
        folded: list[str] = []
        origin: list[int] = []
        for i, char in enumerate(self.raw):
            piece = fold_char(char)
            if piece == " " and (not folded or folded[-1] == " "):
                continue
            for c in piece:
                folded.append(c)
                origin.append(i)
        self.folded = "".join(folded)
        self.origin = origin

    def rects(self, start: int, end: int) -> tuple[Rect, ...]:
        """The boxes of raw characters ``start`` to ``end`` (excluded), merged into one rectangle per line."""
        merged: dict[int, Rect] = {}
        for i in range(start, min(end, len(self.boxes))):
            box = self.boxes[i]
            if box is None or self.raw[i].isspace():
                continue
            line = bisect_right(self.line_starts, i) - 1
            rect = Rect(*box)
            merged[line] = merged[line].union(rect) if line in merged else rect
        return tuple(merged[k] for k in sorted(merged))

    def context(self, start: int, end: int) -> str:
        before = self.raw[max(0, start - CONTEXT_CHARS) : start]
        after = self.raw[end : end + CONTEXT_CHARS]
        text = (
            ("…" if start > CONTEXT_CHARS else "")
            + before
            + self.raw[start:end]
            + after
            + ("…" if end + CONTEXT_CHARS < len(self.raw) else "")
        )
        return " ".join(text.split())

    def find(self, folded_query: str) -> list[tuple[int, int]]:
        """Raw (start, end) spans of every occurrence of an already folded query."""
        spans: list[tuple[int, int]] = []
        at = self.folded.find(folded_query)
        while at >= 0:
            spans.append((self.origin[at], self.origin[at + len(folded_query) - 1] + 1))
            at = self.folded.find(folded_query, at + len(folded_query))
        return spans


class SearchIndex:
    """The search over a whole dossier; pages are indexed on first use and kept."""

    def __init__(self, text: DossierText) -> None:
        self._text = text
        self._pages: dict[int, PageIndex] = {}

    def page(self, number: int) -> PageIndex:
        index = self._pages.get(number)
        if index is None:
            index = self._pages[number] = PageIndex(self._text.page(number))
        return index

    def search(self, query: str, limit: int = 1000) -> list[SearchHit]:
        """Every occurrence of ``query`` in page order, at most ``limit``; none for a blank query."""
        needle = fold(query)
        if not needle:
            return []
        hits: list[SearchHit] = []
        for number in range(1, len(self._text) + 1):
            index = self.page(number)
            for start, end in index.find(needle):
                hits.append(SearchHit(number, index.rects(start, end), index.context(start, end)))
                if len(hits) >= limit:
                    return hits
        return hits
