"""A letter from the bureau C2i2e to one candidate, as PDF/A: the convocation to the oral and the answer to a
reclamation are both letters, laid out the same way so that the candidate recognises where they come from.

The layout: the sender (the bureau and the campaign) top left, the candidate top right, the date, the subject
in bold, the paragraphs (a paragraph may be a bulleted list), the signature block. Drawn by reportlab in DejaVu
Sans (:mod:`.pdf.fonts`), with the program's furniture (:mod:`.pdf.furniture`) and made PDF/A-3B
(:mod:`.pdf.archival`): the same letter, made at the same time, gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from c2i2e_jury.exchange.pdf.archival import archival_pdf
from c2i2e_jury.exchange.pdf.fonts import FONT, FONT_BOLD, printable, register_fonts
from c2i2e_jury.exchange.pdf.french import french
from c2i2e_jury.exchange.pdf.furniture import Properties, flowing_document, page_footer

SENDER = "Bureau C2i2e — scolarité"


@dataclass(frozen=True)
class Letter:
    """What a letter says; ``paragraphs`` items are a paragraph (str) or a bulleted list (tuple of str)."""

    title: str  # the document's title (its properties and footer)
    campaign_title: str
    recipient: tuple[str, ...]  # the candidate's name, identifier, e-mail
    place_date: str  # « Le 18 mai 2017 »
    subject: str
    paragraphs: tuple[str | tuple[str, ...], ...]
    signature: tuple[str, ...] = (SENDER,)
    created: datetime = field(default_factory=lambda: datetime.now().astimezone())


def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("letter", fontName=FONT, fontSize=10, leading=13.5, spaceAfter=6)
    return {
        "body": base,
        "sender": ParagraphStyle("letter-sender", base, fontSize=9, leading=11.5, spaceAfter=0),
        "recipient": ParagraphStyle(
            "letter-recipient", base, alignment=TA_RIGHT, spaceAfter=0, fontName=FONT_BOLD
        ),
        "date": ParagraphStyle("letter-date", base, alignment=TA_RIGHT, spaceBefore=14, spaceAfter=14),
        "subject": ParagraphStyle("letter-subject", base, fontName=FONT_BOLD, spaceAfter=12),
        "bullet": ParagraphStyle(
            "letter-bullet", base, leftIndent=14, bulletIndent=4, spaceAfter=3, bulletFontName=FONT
        ),
        "signature": ParagraphStyle(
            "letter-signature", base, alignment=TA_RIGHT, fontName=FONT_BOLD, spaceBefore=18
        ),
    }


def _p(text: str, style: Any, bullet: str | None = None) -> Any:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    return Paragraph(escape(french(printable(text))), style, bulletText=bullet)


def _story(letter: Letter) -> list[Any]:
    from reportlab.platypus import Spacer

    styles = _styles()
    story: list[Any] = [_p(SENDER, styles["sender"]), _p(letter.campaign_title, styles["sender"])]
    story += [Spacer(1, 18)] + [_p(line, styles["recipient"]) for line in letter.recipient if line]
    story += [_p(letter.place_date, styles["date"]), _p(f"Objet : {letter.subject}", styles["subject"])]
    for paragraph in letter.paragraphs:
        if isinstance(paragraph, tuple):
            story += [_p(item, styles["bullet"], "•") for item in paragraph]
        else:
            story.append(_p(paragraph, styles["body"]))
    story += [_p(letter.signature[0], styles["signature"])]
    story += [_p(line, styles["date"]) for line in letter.signature[1:]]
    return story


def render_letter(letter: Letter) -> bytes:
    """The letter as PDF/A-3B bytes."""
    register_fonts()
    properties = Properties(title=letter.title, subject=letter.campaign_title, created=letter.created)
    buffer = io.BytesIO()
    document = flowing_document(buffer, properties)
    footer = page_footer(printable(f"{letter.title} — {letter.campaign_title}"))
    document.build(_story(letter), onFirstPage=footer, onLaterPages=footer)
    return archival_pdf(buffer.getvalue(), properties)
