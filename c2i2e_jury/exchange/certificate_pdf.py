"""Certificates and partial attestations as PDF: what the candidate keeps and shows.

The page says who, what and when, lists the validated items (by domain for a certificate; with their wording and
year for an attestation, which the candidate brings to a later campaign), and carries the verification code in
print and as a QR code. The signed statement is attached to the PDF (``c2i2e-document.json``) and the whole file
is signed by the president (PAdES) in the visible field « Président », so that the file verifies on its own
(:mod:`certificates`); the sentences that state the holder and the outcome are built once here
(:func:`holder_line`) and read back by :mod:`certificate_reading`. DejaVu Sans is embedded: every name prints
and copies as written. The file is PDF/A-3B (:mod:`.pdf.archival`), the statement an associated file.
"""

from __future__ import annotations

import io
import logging
from typing import Any
from xml.sax.saxutils import escape

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.exchange.certificates import ATTACHMENT, FORMAT, DocumentRefused, SignedDocument, Statement
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.pdf.archival import archival_pdf
from c2i2e_jury.exchange.pdf.attachments import Attachment
from c2i2e_jury.exchange.pdf.fonts import FONT, FONT_BOLD, FONT_ITALIC, printable, register_fonts
from c2i2e_jury.exchange.pdf.french import day_month_year
from c2i2e_jury.exchange.pdf.furniture import Properties, Where, add_signature_field, signature_box

log = logging.getLogger(__name__)

PRESIDENT_FIELD = "Président"  # the signature field, as on the PV
BLUE = "#1f4e8c"
DECREE = (
    "arrêté du 14 décembre 2010 (BOESR du 3 février 2011, annexe II) : au moins 23 des 28 compétences "
    "validées, au plus 2 non validées par domaine"
)
# The seed's own words (« Rappel : Cas des candidats ayant déjà validé des compétences C2I2e »): the bureau
# receives a certified copy (« photocopie certifiée conforme »), not the original.
PRIOR_USE = (
    "Pour faire valoir ces compétences lors d'une campagne ultérieure : « Devra être déposé sur la "
    "plate-forme, en même temps et en complément du dossier, la copie numérique de l'attestation de "
    "compétences. Parallèlement, une photocopie certifiée conforme de l'attestation de compétence devra "
    "être fournie au bureau C2i2e. La prise en compte de compétences déjà validées se fera uniquement si "
    "ces deux conditions sont respectées. »"
)


def _p(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(printable(text, style.fontName)), style)


def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    return {
        "org": ParagraphStyle(
            "org", fontName=FONT, fontSize=9.5, leading=12, alignment=TA_CENTER, textColor="#555555"
        ),
        "title": ParagraphStyle(
            "title",
            fontName=FONT_BOLD,
            fontSize=20,
            leading=25,
            alignment=TA_CENTER,
            textColor=BLUE,
            spaceBefore=18,
            spaceAfter=4,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", fontName=FONT, fontSize=10.5, leading=14, alignment=TA_CENTER, spaceAfter=16
        ),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=15, spaceAfter=8),
        "name": ParagraphStyle(
            "name",
            fontName=FONT_BOLD,
            fontSize=16,
            leading=21,
            alignment=TA_CENTER,
            spaceBefore=4,
            spaceAfter=10,
        ),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5),
        "cellbold": ParagraphStyle("cellbold", fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
        "small": ParagraphStyle(
            "small", fontName=FONT_ITALIC, fontSize=8.5, leading=11, textColor="#444444", spaceBefore=6
        ),
    }


def _items_table(statement: Statement, ref: Referential, styles: dict[str, Any], width: float) -> Any:
    from reportlab.platypus import Table, TableStyle

    years = dict(statement.items)
    if statement.kind == "certificate":
        rows = [
            [
                _p(f"{d.code} — {d.title}", styles["cellbold"]),
                _p(
                    ", ".join(
                        c if years[c] == statement.year else f"{c} ({years[c]})"
                        for c in d.items
                        if c in years
                    )
                    or "—",
                    styles["cell"],
                ),
            ]
            for d in ref.domains
        ]
        widths = [width * 0.55, width * 0.45]
    else:
        rows = [
            [
                _p(code, styles["cellbold"]),
                _p(ref.item(code).wording, styles["cell"]),
                _p(str(year), styles["cell"]),
            ]
            for code, year in statement.items
        ]
        widths = [width * 0.09, width * 0.77, width * 0.14]
        rows.insert(
            0,
            [
                _p("Item", styles["cellbold"]),
                _p("Compétence validée", styles["cellbold"]),
                _p("Validée en", styles["cellbold"]),
            ],
        )
    table = Table(rows, colWidths=widths, repeatRows=1 if statement.kind == "attestation" else 0)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                ("GRID", (0, 0), (-1, -1), 0.4, "#9aa7b8"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                (
                    "BACKGROUND",
                    (0, 0),
                    (-1, 0 if statement.kind == "attestation" else -1),
                    "#eef2f8" if statement.kind == "attestation" else None,
                ),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def holder_line(statement: Statement) -> tuple[str, str, str]:
    """What the page says of whom and what, in three paragraphs read as one sentence: the verb, the holder's
    name, the outcome (certificate or attestation, with the count). Read back by :mod:`certificate_reading`."""
    count = len(statement.items)
    if statement.kind == "certificate":
        return (
            "Le jury de certification, au vu des résultats du jury de validation, délivre à",
            statement.full_name,
            f"le certificat C2i2e : {count} compétences du référentiel national validées sur 28, "
            f"conformément à l'{DECREE}.",
        )
    return (
        "Le jury de certification, au vu des résultats du jury de validation, atteste que",
        statement.full_name,
        f"a validé les {count} compétences suivantes du référentiel national C2i2e (le certificat demande au "
        "moins 23 compétences sur 28, au plus 2 non validées par domaine).",
    )


def candidate_line(statement: Statement) -> str:
    return f"Candidat n° {statement.candidate_id}. Décision du jury de certification du {day_month_year(statement.decided_on)}."


def _story(statement: Statement, ref: Referential, width: float, where: Where) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    s = _styles()
    verb, name, outcome = holder_line(statement)
    story = [_p(statement.campaign_title, s["org"]), _p(statement.title, s["title"])]
    if statement.kind == "certificate":
        story.append(
            _p(
                "Certificat informatique et internet de l'enseignement supérieur, niveau 2 « enseignant »",
                s["subtitle"],
            )
        )
    else:
        story.append(_p("Validation partielle des compétences du référentiel C2i2e", s["subtitle"]))
    story += [_p(verb, s["body"]), _p(name, s["name"]), _p(outcome, s["body"])]
    story += [_items_table(statement, ref, s, width), Spacer(1, 10)]
    if statement.kind == "attestation":
        story.append(_p(PRIOR_USE, s["small"]))
    story += [
        Spacer(1, 8),
        _p(candidate_line(statement), s["body"]),
        KeepTogether(
            [
                _p(
                    f"Pour le jury de certification, son président : {statement.signer} (signature "
                    "électronique).",
                    s["body"],
                ),
                signature_box(PRESIDENT_FIELD, where),
            ]
        ),
    ]
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
        drawing.initialFontName = FONT  # the drawing's state starts in Helvetica, which is never embedded
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


def properties(statement: Statement, code: str) -> Properties:
    """The president answers for the document, issued at the time the statement says."""
    return Properties(
        title=f"{statement.title} — {statement.full_name}",
        subject=code,
        author=statement.signer,
        created=statement.issued_at,
    )


def _pages(statement: Statement, code: str, ref: Referential) -> tuple[bytes, Where]:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    where: Where = {}
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=56,
        rightMargin=56,
        topMargin=52,
        bottomMargin=104,
        **properties(statement, code).template_options(),
    )
    footer = _footer(code)
    doc.build(_story(statement, ref, A4[0] - 112, where), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue(), where


def render_document(document: SignedDocument, ref: Referential, *, code: str | None = None) -> bytes:
    """The PDF to be signed (PDF/A-3B): the pages, the signed statement attached and the empty field
    « Président ». ``code``: the one to print when it is not the statement's (a document issued before 0006,
    drawn again)."""
    statement = document.statement
    shown = code or document.code
    pages, where = _pages(statement, shown, ref)
    attachment = Attachment(
        ATTACHMENT, document.attachment(), f"Déclaration signée ({FORMAT})", statement.kind.upper(), FORMAT
    )
    return archival_pdf(
        pages,
        properties(statement, shown),
        attachment=attachment,
        prepare=lambda writer: add_signature_field(writer, PRESIDENT_FIELD, where, tooltip=False),
    )


def signed_pdf(document: SignedDocument, ref: Referential, president: Credential) -> bytes:
    """The document drawn and signed by the president (PAdES, the whole file, no change allowed afterwards), at
    the time the statement says it was issued."""
    from c2i2e_jury.exchange.pdf_signing import sign_pdf_with

    statement = document.statement
    return sign_pdf_with(
        render_document(document, ref),
        president,
        PRESIDENT_FIELD,
        timestamp=statement.issued_at,
        reason=f"{statement.title} — {statement.full_name}",
    )


def signed_part(pdf: bytes) -> bytes:
    """The bytes the first signature covers (the revision it signed), or the whole file when it has none: what
    the pages and the attachment are read from, so that nothing added after signing is ever read."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        signatures = PdfFileReader(io.BytesIO(pdf)).embedded_regular_signatures
        ranges = [s.byte_range for s in signatures]
    except Exception as exc:  # any parser failure means the same thing to the user
        log.info("unreadable document: %r", exc)
        raise DocumentRefused("unreadable", "Le fichier n'est pas un PDF lisible.") from exc
    if not ranges:
        return pdf
    ends = [int(r[2]) + int(r[3]) for r in ranges if len(r) == 4]
    return pdf[: min(ends)] if ends and 0 < min(ends) <= len(pdf) else pdf


def read_document(pdf: bytes) -> tuple[SignedDocument, str]:
    """The signed statement attached to a certificate or attestation PDF, and its pages' visible text (pymupdf),
    both read from the revision its signature covers."""
    import pymupdf

    from c2i2e_jury.dossier.damage import MUPDF_ERRORS
    from c2i2e_jury.dossier.mupdf_lock import MUPDF

    part = signed_part(pdf)
    try:
        with (
            MUPDF,
            pymupdf.open(stream=part, filetype="pdf") as doc,
        ):  # never beside a viewer's worker in MuPDF
            attached = doc.embfile_get(ATTACHMENT) if ATTACHMENT in doc.embfile_names() else None
            text = "\n".join(page.get_text() for page in doc)
    except MUPDF_ERRORS as exc:
        log.info("unreadable document: %r", exc)
        raise DocumentRefused("unreadable", "Le fichier n'est pas un PDF lisible.") from exc
    if not attached:
        raise DocumentRefused(
            "not_a_document",
            f"Ce PDF ne porte pas de déclaration signée ({ATTACHMENT}) : ce "
            "n'est pas un certificat ou une attestation c2i2e-jury.",
        )
    return SignedDocument.from_attachment(attached), text
