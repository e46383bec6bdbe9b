"""The text of a dossier, page by page, extracted once and shared by the format report, the evidence map and search.

Extraction is the costly part of everything the jury asks of a dossier, so :func:`extract_page` reads a page once,
at character level (MuPDF's "rawdict", images left out: decoding them is what makes "dict" slow on a dossier full of
screenshots), and keeps what every consumer needs: lines with their spans and font sizes for the headings, and one
box per character so that a search hit or a cited item code can be highlighted without asking MuPDF again.

Coordinates are PDF points with the origin at the top-left of the page as displayed (rotation applied): the space
of ``pymupdf.Page.rect`` and of a rendered page. Page numbers are 1-based everywhere in this package.

:func:`fold` is the one normalisation used to compare text (case, accents, ligatures, dashes, quotes, spaces), so
that "PARTIE 1", "Partie 1" and "partie 1" are one heading and a search for "evaluation" finds "Évaluation".
"""

from __future__ import annotations

import statistics
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

import pymupdf

# Images out (their bytes would be copied into the result), ligatures split ("ﬁ" -> "f", "i"), text outside the
# media box ignored, unknown characters as U+FFFD rather than as glyph ids that would read as garbage.
EXTRACT_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_PRESERVE_WHITESPACE
BAND = 0.12  # header and footer bands: the top and bottom 12 % of a page


class Rect(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float

    def union(self, other: Rect) -> Rect:
        return Rect(
            min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1)
        )


Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one font and size."""

    text: str
    bbox: Rect
    size: float
    font: str
    bold: bool


@dataclass(frozen=True, slots=True)
class Line:
    """A line of text; ``char_boxes[i]`` is the box of ``text[i]``."""

    text: str
    bbox: Rect
    spans: tuple[Span, ...]
    char_boxes: tuple[Box, ...]

    @property
    def size(self) -> float:
        """The largest font size of the line's visible text (0 for a blank line)."""
        return max((s.size for s in self.spans if s.text.strip()), default=0.0)

    @property
    def bold(self) -> bool:
        """Whether all the line's visible text is bold."""
        visible = [s for s in self.spans if s.text.strip()]
        return bool(visible) and all(s.bold for s in visible)


@dataclass(frozen=True, slots=True)
class PageText:
    """The text of one page; ``damaged`` when MuPDF failed or complained while reading it."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    damaged: bool = False

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def in_band(self, line: Line, band: float = BAND) -> bool:
        """Whether the line sits in the header or footer band, where page numbers and running titles go."""
        middle = (line.bbox.y0 + line.bbox.y1) / 2
        return middle <= self.height * band or middle >= self.height * (1 - band)


@dataclass(frozen=True)
class DossierText:
    """The text of every page, in page order."""

    pages: tuple[PageText, ...]

    def page(self, number: int) -> PageText:
        return self.pages[number - 1]

    def __len__(self) -> int:
        return len(self.pages)

    @cached_property
    def body_size(self) -> float:
        """The font size of most characters: a heading is larger than this, or bold."""
        sizes = [
            round(span.size * 2) / 2
            for page in self.pages
            for line in page.lines
            for span in line.spans
            for _ in range(len(span.text.strip()))
        ]
        return float(statistics.median_low(sizes)) if sizes else 0.0


def extract_page(page: pymupdf.Page, textpage: pymupdf.TextPage | None = None) -> PageText:
    """Read one page's text at character level. MuPDF errors propagate: the caller decides what damage means."""
    tp = textpage if textpage is not None else page.get_textpage(flags=EXTRACT_FLAGS)
    raw: dict[str, Any] = tp.extractRAWDICT()
    lines: list[Line] = []
    for block in raw.get("blocks", ()):
        if block.get("type", 0) != 0:
            continue
        for line in block.get("lines", ()):
            built = _line(line)
            if built is not None:
                lines.append(built)
    if page.rotation:  # MuPDF gives text in the unrotated page's space; the jury sees the page turned
        matrix = tuple(page.rotation_matrix)
        lines = [_rotated(line, matrix) for line in lines]
    rect = page.rect
    return PageText(int(page.number or 0) + 1, float(rect.width), float(rect.height), tuple(lines))


def _turn(box: Box, m: tuple[float, ...]) -> Box:
    a, b, c, d, e, f = m
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


def _rotated(line: Line, m: tuple[float, ...]) -> Line:
    spans = tuple(Span(s.text, Rect(*_turn(s.bbox, m)), s.size, s.font, s.bold) for s in line.spans)
    return Line(line.text, Rect(*_turn(line.bbox, m)), spans, tuple(_turn(b, m) for b in line.char_boxes))


def _line(line: dict[str, Any]) -> Line | None:
    spans: list[Span] = []
    chars: list[str] = []
    boxes: list[Box] = []
    for span in line.get("spans", ()):
        span_chars = span.get("chars", ())
        text = "".join(ch["c"] for ch in span_chars)
        if not text:
            continue
        chars.append(text)
        boxes.extend(tuple(ch["bbox"]) for ch in span_chars)
        font = str(span.get("font", ""))
        bold = bool(span.get("flags", 0) & pymupdf.TEXT_FONT_BOLD) or _bold_name(font)
        spans.append(Span(text, Rect(*span["bbox"]), float(span.get("size", 0.0)), font, bold))
    if not spans:
        return None
    return Line("".join(chars), Rect(*line["bbox"]), tuple(spans), tuple(boxes))


def _bold_name(font: str) -> bool:
    name = font.lower()
    return any(word in name for word in ("bold", "black", "heavy", "semibold", "demi"))


# -- comparing text --------------------------------------------------------------------------------------------

_SPECIAL = {
    "œ": "oe",
    "Œ": "oe",
    "æ": "ae",
    "Æ": "ae",
    "ß": "ss",
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "’": "'",
    "‘": "'",
    "`": "'",
    "´": "'",
    "ʼ": "'",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
}


@lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    """One character folded for comparison: lower case, no accent, ligatures split, one kind of dash and quote;
    any space (tab, no-break space, newline) becomes " "."""
    if char in _SPECIAL:
        return _SPECIAL[char]
    if char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """``text`` folded for comparison, runs of spaces collapsed to one, trimmed."""
    if text.isascii():  # most lines: the same result, five times faster
        return " ".join(text.lower().replace("`", "'").split())
    return " ".join("".join(fold_char(c) for c in text).split())
