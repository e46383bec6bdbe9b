"""Reading a result sheet back: its embedded ``c2i2e-result.json`` and what its pages visibly say.

A program trusts the JSON; a person trusts the pages. :func:`visible_mismatch` makes sure they agree on the facts
that matter (the candidate, the status, the version, each item's evaluator mark and jury decision, the count and
the certificate), reading the words where :mod:`c2i2e_jury.exchange.sheet_pdf` wrote them: the fact lines as
whole sentences, the marks by column under the items table's own header on each page (so the check does not
depend on coordinates fixed in code).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from typing import Any

from c2i2e_jury.exchange.pdf.fonts import printable
from c2i2e_jury.exchange.result_json import FILE_NAME, ResultFormatError
from c2i2e_jury.exchange.sheet_pdf import FACT_LINES, ITEM_HEADERS, jury_cell, mark_cell

ITEM_CODE = re.compile(r"^[AB][1-4]\.[1-5]$")
_TOLERANCE = 2.0  # points: a cell's text starts at its column's left padding, as the header's does


def embedded_json(root: Any) -> bytes | None:
    """The bytes of ``c2i2e-result.json`` in a pyHanko catalog (any revision's), or None when absent;
    :class:`ResultFormatError` when the file holds two of them (which one would a reader take?)."""
    try:
        tree = root["/Names"]["/EmbeddedFiles"]
    except KeyError:
        return None
    found: list[Any] = []
    _lookup(tree, FILE_NAME, 0, found)
    if len(found) > 1:
        raise ResultFormatError(
            f"La feuille contient {len(found)} fichiers {FILE_NAME} : un seul est attendu."
        )
    if not found:
        return None
    try:
        data: bytes = found[0]["/EF"]["/F"].data
    except KeyError:
        return None
    return data


def _lookup(node: Any, name: str, depth: int, found: list[Any]) -> None:
    """Every file spec named ``name`` in the name tree under ``node``, into ``found``."""
    if depth > 8:
        return
    names = node.get("/Names")
    if names is not None:
        found += [names[i + 1] for i in range(0, len(names) - 1, 2) if str(names[i]) == name]
    for kid in node.get("/Kids", ()):
        _lookup(kid, name, depth + 1, found)


def normalised(text: str) -> str:
    return " ".join(text.split())


def visible_mismatch(pdf: bytes, result: Mapping[str, Any]) -> str | None:
    """What the pages show differently from ``result`` (one short French phrase), or None when they agree."""
    import pymupdf

    from c2i2e_jury.dossier.mupdf_lock import MUPDF

    with MUPDF, pymupdf.open(stream=pdf, filetype="pdf") as doc:  # never beside a viewer's worker in MuPDF
        pages = [content_words(page) for page in doc]
    text = normalised(" ".join(w[4] for words in pages for w in words))
    for line in FACT_LINES:
        expected = normalised(printable(line(result)))
        if expected not in text:
            return f"la feuille n'indique pas « {expected} »"
    seen: dict[str, tuple[str, str]] = {}
    for words in pages:
        seen.update(_item_rows(words))
    for entry in result["items"]:
        code = entry["item"]
        expected_cells = (mark_cell(entry["evaluator"]), jury_cell(entry))
        if code not in seen:
            return f"l'item {code} n'apparaît pas dans le tableau"
        if seen[code] != expected_cells:
            return (
                f"l'item {code} porte {seen[code][0]} / {seen[code][1]} sur la feuille, "
                f"{expected_cells[0]} / {expected_cells[1]} dans le JSON"
            )
    return None


def content_words(page: Any) -> list[Any]:
    """The words the page's own content draws, as PyMuPDF's ``get_text("words")`` gives them, without running
    its annotations: the facts must be printed on the page itself (text in an annotation's appearance, such as
    the signature boxes, no longer counts), and MuPDF skips the signature boxes' fonts, a third of its time on a
    sheet (issue 15)."""
    import pymupdf
    from pymupdf import mupdf

    low = page.this if isinstance(page.this, mupdf.FzPage) else page.this.super()
    stext = mupdf.FzStextPage(mupdf.fz_bound_page(low))
    device = mupdf.fz_new_stext_device(stext, mupdf.FzStextOptions(pymupdf.TEXTFLAGS_WORDS))
    try:
        mupdf.fz_run_page_contents(low, device, mupdf.FzMatrix(), mupdf.FzCookie())
    finally:
        mupdf.fz_close_device(device)
    textpage = pymupdf.TextPage(stext)
    textpage.parent = page
    words: list[Any] = textpage.extractWORDS()
    return words


def _item_rows(words: list[Any]) -> dict[str, tuple[str, str]]:
    """Item code → (evaluator cell, jury cell) on one page, columns found from the table's header row."""
    columns = _header_columns(words)
    if columns is None:
        return {}
    competence_x, evaluator_x, jury_x, comment_x = columns
    bands = _Bands(words)
    rows: dict[str, tuple[str, str]] = {}
    for x0, y0, _x1, y1, word, *_ in words:
        if x0 >= competence_x - _TOLERANCE or not ITEM_CODE.match(word):
            continue
        band = bands.overlapping(y0, y1)
        evaluator = " ".join(w[4] for w in band if evaluator_x - _TOLERANCE <= w[0] < jury_x - _TOLERANCE)
        jury = " ".join(w[4] for w in band if jury_x - _TOLERANCE <= w[0] < comment_x - _TOLERANCE)
        rows[word] = (evaluator, jury)
    return rows


class _Bands:
    """The words of a page by their top edge, to find those a row overlaps (``top < y1 - 1`` and
    ``bottom > y0 + 1``) without reading every word of the page for each of the 28 items; in page order."""

    def __init__(self, words: list[Any]) -> None:
        self.order = sorted(range(len(words)), key=lambda i: words[i][1])
        self.tops = [words[i][1] for i in self.order]
        self.words = words
        self.tallest = max((w[3] - w[1] for w in words), default=0.0)

    def overlapping(self, y0: float, y1: float) -> list[Any]:
        # bottom > y0 + 1 and bottom <= top + tallest give top > y0 + 1 - tallest: only that slice can overlap
        first = bisect.bisect_right(self.tops, y0 + 1 - self.tallest)
        last = bisect.bisect_left(self.tops, y1 - 1)
        found = sorted(i for i in self.order[max(0, first - 1) : last] if self.words[i][3] > y0 + 1)
        return [self.words[i] for i in found if self.words[i][1] < y1 - 1]


def _header_columns(words: list[Any]) -> tuple[float, float, float, float] | None:
    by_text: dict[str, list[Any]] = {}
    for w in words:
        by_text.setdefault(w[4], []).append(w)
    for evaluator in by_text.get(ITEM_HEADERS[2], []):
        same_line = {h: [w for w in by_text.get(h, []) if abs(w[1] - evaluator[1]) < 2] for h in ITEM_HEADERS}
        if all(same_line.values()):
            return (
                same_line[ITEM_HEADERS[1]][0][0],
                evaluator[0],
                same_line[ITEM_HEADERS[3]][0][0],
                same_line[ITEM_HEADERS[4]][0][0],
            )
    return None
