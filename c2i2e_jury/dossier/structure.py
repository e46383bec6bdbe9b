"""Where a dossier's introduction, Parts 1-4, conclusion and end matter (annexes, bibliography) begin.

Candidates write in Word or LibreOffice and style headings as they please, so a heading is found the way a reader
finds it (see docs/FORMATS.md §6): a line that starts with the word ("Introduction", "Partie 1",
"PARTIE II —", "2e partie", "Conclusion", "Bilan réflexif"), ignoring case and accents. Among several such lines the
best is taken in this order: a bookmark (outline entry) of the file; a line in a larger or bold font; a short line;
any line. Lines of a table of contents ("Sommaire" pages, or entries ending in dot leaders and a page number) never
count, nor (while a better line exists) the running titles of the header and footer bands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from c2i2e_jury.dossier.text import DossierText, Line, PageText, Rect, fold

_NUMBERED = r"(?:(?:\d{1,2}|[ivx]{1,4})\s*[.)\-:]\s*)?"
INTRODUCTION = re.compile(rf"^{_NUMBERED}introduction\b")
CONCLUSION = re.compile(rf"^{_NUMBERED}(?:conclusion|bilan reflexif)\b")
END_MATTER = re.compile(rf"^{_NUMBERED}(?:annexes?|bibliographie|sitographie|webographie|references)\b")
PART = re.compile(
    r"^(?:partie\s*(?:n\s*[°o]?\s*)?(?P<n>[1-4]|iv|i{1,3})(?![\w])"
    r"|(?P<o>1\s*(?:ere|re|er)|premiere|2\s*(?:e|eme|nde)|deuxieme|seconde|3\s*(?:e|eme)|troisieme"
    r"|4\s*(?:e|eme)|quatrieme)\s+partie\b)"
)
SOMMAIRE = re.compile(r"^(?:sommaire|table des matieres|plan du dossier)\b")
TOC_ENTRY = re.compile(r"(?:\.{3,}|…|\s{2,}|\t)\s*\d{1,3}\s*$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ORDINAL = {
    "1": 1,
    "premiere": 1,
    "2": 2,
    "deuxieme": 2,
    "seconde": 2,
    "3": 3,
    "troisieme": 3,
    "4": 4,
    "quatrieme": 4,
}
SHORT_LINE_WORDS = 10
# Running titles sit in the header or footer margin, above the first line of body text (which a word processor
# puts about 10 % down the page): narrower than the page-number band.
RUNNING_TITLE_BAND = 0.07
STYLE_RATIO = 1.15


@dataclass(frozen=True)
class Heading:
    """A heading found in the dossier: its page, its text and (when found in the text) its box."""

    page: int
    text: str
    bbox: Rect | None
    source: str  # "outline" or "text"


@dataclass(frozen=True)
class Structure:
    introduction: Heading | None
    parts: Mapping[int, Heading | None]
    conclusion: Heading | None
    end_matter: Heading | None
    toc_pages: tuple[int, ...] = field(default=())

    def part_start(self, number: int) -> int | None:
        heading = self.parts.get(number)
        return heading.page if heading else None


@dataclass(frozen=True)
class _Candidate:
    page: PageText
    line: Line
    folded: str
    tier: int  # 0 styled, 1 short, 2 any line, 3 header/footer band

    @property
    def heading(self) -> Heading:
        return Heading(self.page.number, self.line.text.strip(), self.line.bbox, "text")

    def after(self, other: Heading | None) -> bool:
        if other is None:
            return True
        if self.page.number != other.page:
            return self.page.number > other.page
        return other.bbox is None or self.line.bbox.y0 >= other.bbox.y0


def part_number(folded_line: str) -> int | None:
    """The part a heading line announces (1-4), or None."""
    match = PART.match(folded_line)
    if match is None:
        return None
    if match.group("n"):
        n = match.group("n")
        return int(n) if n.isdigit() else _ROMAN[n]
    word = (
        re.sub(r"\s*(?:ere|re|er|eme|nde|e)$", "", match.group("o"))
        if match.group("o")[0].isdigit()
        else match.group("o")
    )
    return _ORDINAL.get(word)


def find_structure(text: DossierText, outline: Sequence[tuple[int, str, int | None]] = ()) -> Structure:
    """Locate the headings of the dossier from its text and (preferred when present) its outline."""
    toc_pages = tuple(p.number for p in text.pages if _is_toc_page(p))
    candidates = _candidates(text, set(toc_pages))

    def pick(
        match: Callable[[str], bool], last: bool = False, after: Heading | None = None
    ) -> Heading | None:
        from_outline = _from_outline(outline, match, last, text)
        if from_outline is not None:
            return from_outline
        found = [c for c in candidates if match(c.folded) and c.after(after)]
        if not found:
            return None
        best = min(c.tier for c in found)
        tier = [c for c in found if c.tier == best]
        return (tier[-1] if last else tier[0]).heading

    parts = {n: pick(_is_part(n)) for n in range(1, 5)}
    last_part = max((h for h in parts.values() if h), key=lambda h: h.page, default=None)
    conclusion = pick(lambda s: bool(CONCLUSION.match(s)), after=last_part) or pick(
        lambda s: bool(CONCLUSION.match(s)), last=True
    )
    end_matter = pick(lambda s: bool(END_MATTER.match(s)), after=conclusion) if conclusion else None
    return Structure(
        introduction=pick(lambda s: bool(INTRODUCTION.match(s))),
        parts=parts,
        conclusion=conclusion,
        end_matter=end_matter,
        toc_pages=toc_pages,
    )


def _is_part(number: int) -> Callable[[str], bool]:
    return lambda folded: part_number(folded) == number


def _is_toc_page(page: PageText) -> bool:
    entries = 0
    for line in page.lines:
        folded = fold(line.text)
        if SOMMAIRE.match(folded) and not page.in_band(line, RUNNING_TITLE_BAND):
            return True
        if TOC_ENTRY.search(line.text):
            entries += 1
    return entries >= 3


def _candidates(text: DossierText, toc_pages: set[int]) -> list[_Candidate]:
    body = text.body_size
    out: list[_Candidate] = []
    for page in text.pages:
        if page.number in toc_pages:
            continue
        for line in page.lines:
            folded = fold(line.text)
            if not folded or not (folded[0].isalnum()) or TOC_ENTRY.search(line.text):
                continue
            if not (
                INTRODUCTION.match(folded)
                or CONCLUSION.match(folded)
                or END_MATTER.match(folded)
                or PART.match(folded)
            ):
                continue
            out.append(_Candidate(page, line, folded, _tier(page, line, folded, body)))
    return out


def _tier(page: PageText, line: Line, folded: str, body: float) -> int:
    if page.in_band(line, RUNNING_TITLE_BAND):
        return 3
    if line.bold or (body and line.size >= body * STYLE_RATIO):
        return 0
    return 1 if len(folded.split()) <= SHORT_LINE_WORDS else 2


def _from_outline(
    outline: Sequence[tuple[int, str, int | None]],
    match: Callable[[str], bool],
    last: bool,
    text: DossierText,
) -> Heading | None:
    entries = [
        (level, title, page) for level, title, page in outline if page is not None and match(fold(title))
    ]
    if not entries:
        return None
    top = min(level for level, _, _ in entries)
    entries = [e for e in entries if e[0] == top]
    _, title, page = entries[-1] if last else entries[0]
    assert page is not None
    bbox = None
    if 1 <= page <= len(text):
        wanted = fold(title)[:20]
        bbox = next((ln.bbox for ln in text.page(page).lines if fold(ln.text).startswith(wanted)), None)
    return Heading(page, title.strip(), bbox, "outline")
