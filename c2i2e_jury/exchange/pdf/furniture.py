"""The page furniture our documents repeat: who made the file and what it is (the document properties), the
A4 page of the flowing documents (result sheet, PV) and its footer, and the empty boxes the signers sign in.

Document properties are stated here, for every PDF we write, and written by :mod:`.archival` in both the
information dictionary and the XMP. A signature box is drawn where the page layout puts it, and records where it landed, so
that the signature field is prepared exactly over it once the pages are laid out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from c2i2e_jury.exchange.pdf.fonts import FONT

PROGRAM = "c2i2e-jury"
SIGNATURE_BOX = (235.0, 62.0)  # width, height in points
Where = dict[str, tuple[int, tuple[float, float, float, float]]]  # field -> (page index, rectangle in points)


@dataclass(frozen=True)
class Properties:
    """A document's properties: the program creates every file; the author is the program too, unless a person
    answers for the document (the president, on a certificate); ``created`` (aware) is when the document was
    drawn up — the time its content states, so that drawing it again gives the same file."""

    title: str
    subject: str
    created: datetime
    author: str = PROGRAM

    def template_options(self) -> dict[str, Any]:
        """As reportlab's ``SimpleDocTemplate`` takes them. Invariant: reportlab's own dates and identifier are
        replaced by :mod:`.archival`, and the pages' bytes depend on their content only."""
        return {
            "title": self.title,
            "subject": self.subject,
            "author": self.author,
            "creator": PROGRAM,
            "lang": "fr-FR",
            "initialFontName": FONT,
            "invariant": 1,
        }


def flowing_document(out: BinaryIO, properties: Properties) -> Any:
    """The A4 page of the result sheet and the PV: 15 mm side margins, room for :func:`page_footer`, French."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        **properties.template_options(),
    )


def page_footer(text: str) -> Callable[[Any, Any], None]:
    """The footer of a :func:`flowing_document` page: what the document is on the left, its page number on the
    right, so that a page printed and separated from the others still says where it belongs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.setFont(FONT, 7)
        canvas.setFillGray(0.35)
        canvas.drawString(15 * mm, 9 * mm, text)
        canvas.drawRightString(A4[0] - 15 * mm, 9 * mm, f"page {doc.page}")

    return on_page


def signature_box(field: str, where: Where) -> Any:
    """A flowable that draws an empty box and records where it landed (page, rectangle) for the signature field
    ``field`` (the result sheet's two jurors, the PV's and the certificates' president)."""
    from reportlab.platypus import Flowable

    class Box(Flowable):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.width, self.height = SIGNATURE_BOX

        def draw(self) -> None:
            self.canv.setStrokeGray(0.55)
            self.canv.setLineWidth(0.6)
            self.canv.rect(0, 0, self.width, self.height)
            x, y = self.canv.absolutePosition(0, 0)
            where[field] = (self.canv.getPageNumber() - 1, (x, y, x + self.width, y + self.height))

    return Box()


def add_signature_field(writer: Any, field: str, where: Where, *, tooltip: bool = True) -> None:
    """Prepare the empty signature field ``field`` just inside the box :func:`signature_box` drew.
    ``tooltip``: the field's name is also its user-facing name (the certificates have gone without)."""
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    page, (x1, y1, x2, y2) = where[field]
    box = (round(x1) + 2, round(y1) + 2, round(x2) - 2, round(y2) - 2)
    spec = SigFieldSpec(field, on_page=page, box=box, readable_field_name=field if tooltip else None)
    append_signature_field(writer, spec)
