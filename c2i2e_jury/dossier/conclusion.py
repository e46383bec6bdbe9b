"""How much text the conclusion holds (seed: « un bilan réflexif de 2 pages minimum »).

Counting the pages the conclusion spans lets a heading on the last line of a page and half a page of text on the
next pass for « 2 pages ». The conclusion is measured instead by the height its text takes: on each of its pages,
from its first line (the heading, on the first page) to its last (above the end matter's heading, on the last
page), running headers and footers left out. The sum is compared with the height of this dossier's text area
(from the highest line to the lowest over all its pages, headers and footers left out), so that fonts, margins
and line spacing do not matter: two pages' worth is twice that height.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from c2i2e_jury.dossier.structure import RUNNING_TITLE_BAND, Heading
from c2i2e_jury.dossier.text import DossierText, Line, PageText

# A page of text is full to within a few lines: a paragraph or a heading kept with the next lines moves to the
# next page, the section's last line ends short. 15 % of a page (about six lines of a 40-line page) is forgiven:
# two pages' worth is at least 1.7 full pages of text.
FILL_TOLERANCE = 0.85


@dataclass(frozen=True)
class ConclusionMeasure:
    """The conclusion's pages and its text height, against the height of a full page of the dossier's text."""

    pages: tuple[int, ...]
    height: float
    full_page: float

    @property
    def pages_worth(self) -> float:
        """How many full pages of text the conclusion amounts to."""
        return self.height / self.full_page if self.full_page else 0.0

    def holds(self, pages: int) -> bool:
        """Whether the conclusion is worth at least ``pages`` full pages, within :data:`FILL_TOLERANCE`."""
        return self.pages_worth >= pages * FILL_TOLERANCE


def measure_conclusion(text: DossierText, heading: Heading, end: Heading | None) -> ConclusionMeasure:
    """The conclusion's text from ``heading`` to ``end`` (the end matter's heading; None: the last page)."""
    last = end.page if end is not None else len(text)
    spans = {
        number: _text_height(_conclusion_lines(text.page(number), heading, end))
        for number in range(heading.page, last + 1)
    }
    pages = tuple(number for number, height in spans.items() if height > 0)
    return ConclusionMeasure(pages, sum(spans.values()), full_page_height(text))


def full_page_height(text: DossierText) -> float:
    """The height a full page of this dossier's text takes: its text area, from the highest line to the lowest
    over all its pages. Pages short of text (covers, a section's last page, figures) do not shrink it; a stray
    line cannot stretch it past the running header and footer bands."""
    return _text_height([line for page in text.pages for line in _body(page)])


def _body(page: PageText) -> list[Line]:
    """The page's lines but its running header and footer (and the page number)."""
    return [line for line in page.lines if line.text.strip() and not page.in_band(line, RUNNING_TITLE_BAND)]


def _conclusion_lines(page: PageText, heading: Heading, end: Heading | None) -> list[Line]:
    lines = _body(page)
    if page.number == heading.page and heading.bbox is not None:
        lines = [line for line in lines if line.bbox.y1 > heading.bbox.y0]
    if end is not None and page.number == end.page:
        if end.bbox is None:
            return []
        lines = [line for line in lines if line.bbox.y0 < end.bbox.y0]
    return lines


def _text_height(lines: Sequence[Line]) -> float:
    """From the top of the first line to the bottom of the last: the page's height that this text fills."""
    if not lines:
        return 0.0
    return max(line.bbox.y1 for line in lines) - min(line.bbox.y0 for line in lines)
