"""Certificates and partial attestations as PDF: what the candidate keeps and shows.

The page says who, what and when, lists the validated items (by domain for a certificate; with their wording and
year for an attestation, which the candidate brings to a later campaign), and carries the verification code in
print and as a QR code. The signed statement is attached to the PDF (``c2i2e-document.json``), so that the file
verifies on its own (:mod:`certificates`). Vera is embedded: accents print and copy.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.exchange.attendance_pdf import MONTHS, printable
from c2i2e_jury.exchange.certificates import ATTACHMENT, DocumentRefused, SignedDocument, Statement
from c2i2e_jury.exchange.sheet_pdf import FONT, FONT_BOLD, FONT_ITALIC, register_fonts

log = logging.getLogger(__name__)

BLUE = "#1f4e8c"
DECREE = ("arrêté du 14 décembre 2010 (BOESR du 3 février 2011, annexe II) : au moins 23 des 28 compétences "
          "validées, au plus 2 non validées par domaine")
# The seed's own words (« Rappel : Cas des candidats ayant déjà validé des compétences C2I2e »): the bureau
# receives a certified copy (« photocopie certifiée conforme »), not the original.
PRIOR_USE = ("Pour faire valoir ces compétences lors d'une campagne ultérieure : « Devra être déposé sur la "
             "plate-forme, en même temps et en complément du dossier, la copie numérique de l'attestation de "
             "compétences. Parallèlement, une photocopie certifiée conforme de l'attestation de compétence devra "
             "être fournie au bureau C2i2e. La prise en compte de compétences déjà validées se fera uniquement si "
             "ces deux conditions sont respectées. »")


def _date(day: Any) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _p(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(printable(text, style.fontName)), style)


def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    return {
        "org": ParagraphStyle("org", fontName=FONT, fontSize=9.5, leading=12, alignment=TA_CENTER,
                              textColor="#555555"),
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=20, leading=25, alignment=TA_CENTER,
                                textColor=BLUE, spaceBefore=18, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", fontName=FONT, fontSize=10.5, leading=14, alignment=TA_CENTER,
                                   spaceAfter=16),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=15, spaceAfter=8),
        "name": ParagraphStyle("name", fontName=FONT_BOLD, fontSize=16, leading=21, alignment=TA_CENTER,
                               spaceBefore=4, spaceAfter=10),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5),
        "cellbold": ParagraphStyle("cellbold", fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
        "small": ParagraphStyle("small", fontName=FONT_ITALIC, fontSize=8.5, leading=11, textColor="#444444",
                                spaceBefore=6),
    }


def _items_table(statement: Statement, ref: Referential, styles: dict[str, Any], width: float) -> Any:
    from reportlab.platypus import Table, TableStyle

    years = dict(statement.items)
    if statement.kind == "certificate":
        rows = [[_p(f"{d.code} — {d.title}", styles["cellbold"]),
                 _p(", ".join(c if years[c] == statement.year else f"{c} ({years[c]})" for c in d.items if c in years)
                    or "—", styles["cell"])] for d in ref.domains]
        widths = [width * 0.55, width * 0.45]
    else:
        rows = [[_p(code, styles["cellbold"]), _p(ref.item(code).wording, styles["cell"]),
                 _p(str(year), styles["cell"])] for code, year in statement.items]
        widths = [width * 0.09, width * 0.77, width * 0.14]
        rows.insert(0, [_p("Item", styles["cellbold"]), _p("Compétence validée", styles["cellbold"]),
                        _p("Validée en", styles["cellbold"])])
    table = Table(rows, colWidths=widths, repeatRows=1 if statement.kind == "attestation" else 0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "#9aa7b8"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0 if statement.kind == "attestation" else -1),
                                "#eef2f8" if statement.kind == "attestation" else None),
                               ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
    return table


def _story(statement: Statement, ref: Referential, width: float) -> list[Any]:
    from reportlab.platypus import Spacer

    s = _styles()
    count = len(statement.items)
    story = [_p(statement.campaign_title, s["org"]), _p(statement.title, s["title"])]
    if statement.kind == "certificate":
        story += [_p("Certificat informatique et internet de l'enseignement supérieur, niveau 2 « enseignant »",
                     s["subtitle"]),
                  _p("Le jury de certification, au vu des résultats du jury de validation, délivre à", s["body"]),
                  _p(statement.full_name, s["name"]),
                  _p(f"le certificat C2i2e : {count} compétences du référentiel national validées sur 28, "
                     f"conformément à l'{DECREE}.", s["body"])]
    else:
        story += [_p("Validation partielle des compétences du référentiel C2i2e", s["subtitle"]),
                  _p("Le jury de certification, au vu des résultats du jury de validation, atteste que", s["body"]),
                  _p(statement.full_name, s["name"]),
                  _p(f"a validé les {count} compétences suivantes du référentiel national C2i2e "
                     "(le certificat demande au moins 23 compétences sur 28, au plus 2 non validées par domaine).",
                     s["body"])]
    story += [_items_table(statement, ref, s, width), Spacer(1, 10)]
    if statement.kind == "attestation":
        story.append(_p(PRIOR_USE, s["small"]))
    story += [Spacer(1, 8), _p(f"Candidat n° {statement.candidate_id}. Décision du jury de certification du "
                               f"{_date(statement.decided_on)}.", s["body"]),
              _p(f"Pour le jury de certification, son président : {statement.signer} (signature électronique).",
                 s["body"])]
    return story


def _footer(code: str) -> Any:
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        size = 62.0
        widget = QrCodeWidget(code, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, doc.leftMargin, 28)
        left = doc.leftMargin + size + 12
        canvas.setFillColor(BLUE)
        canvas.setFont(FONT, 8.5)
        canvas.drawString(left, 76, "Code de vérification")
        canvas.setFont(FONT_BOLD, 15)
        canvas.drawString(left, 58, code)
        canvas.setFillColor("#444444")
        canvas.setFont(FONT, 7.5)
        canvas.drawString(left, 44, f"Vérification hors ligne : c2i2e-jury certificate verify {code}")
        canvas.drawString(left, 34, f"ou ce fichier PDF, qui porte la déclaration signée ({ATTACHMENT}).")
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 20, f"page {doc.page}")
        canvas.restoreState()

    return draw


def render_document(document: SignedDocument, ref: Referential) -> bytes:
    """The PDF, with the signed statement attached."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    statement, code = document.statement, document.code
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=56, rightMargin=56, topMargin=52, bottomMargin=104,
                            title=f"{statement.title} — {statement.full_name}", author=statement.signer,
                            subject=code, creator="c2i2e-jury", invariant=1)
    footer = _footer(code)
    doc.build(_story(statement, ref, A4[0] - 112), onFirstPage=footer, onLaterPages=footer)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    writer.add_attachment(ATTACHMENT, document.attachment())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read_document(pdf: bytes) -> tuple[SignedDocument, str]:
    """The signed statement attached to a certificate or attestation PDF, and the PDF's visible text."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(pdf))
        attached: Sequence[bytes] = reader.attachments.get(ATTACHMENT, [])
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        log.info("unreadable document: %r", exc)
        raise DocumentRefused("unreadable", "Le fichier n'est pas un PDF lisible.") from exc
    if not attached:
        raise DocumentRefused("not_a_document", f"Ce PDF ne porte pas de déclaration signée ({ATTACHMENT}) : ce "
                                                "n'est pas un certificat ou une attestation c2i2e-jury.")
    return SignedDocument.from_attachment(attached[0]), text
