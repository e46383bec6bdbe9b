"""The minutes (procès-verbal) of the certification jury as PDF, for the president to sign (docs/FORMATS.md
§5.4).

The seed: "un jury de certification se réunit et délivre officiellement le certificat […] Un enseignant-chercheur
préside ce jury". The PV names the campaign, the meeting (date, place), the jury's members, and for every
candidate the outcome the validation jury signed and the certification jury's decision, then the counts; the
president signs in the prepared visible field « Président » (:func:`c2i2e_jury.exchange.pdf_signing.sign_pdf_with`).
The same content is embedded as ``c2i2e-pv.json`` (an associated file, as on the result sheets) for programs.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from c2i2e_jury.exchange.pdf.archival import archival_pdf
from c2i2e_jury.exchange.pdf.attachments import Attachment
from c2i2e_jury.exchange.pdf.fonts import FONT, FONT_BOLD, printable, register_fonts
from c2i2e_jury.exchange.pdf.french import french, long_date
from c2i2e_jury.exchange.pdf.furniture import (
    Properties,
    Where,
    add_signature_field,
    flowing_document,
    page_footer,
    signature_box,
)

PV_FORMAT = "c2i2e-pv/1"
PV_FILE_NAME = "c2i2e-pv.json"
PRESIDENT_FIELD = "Président"
COLUMNS = (50.0, 78.0, 68.0, 50.0, 112.0, 152.0)  # 510 pt: A4 less two 15 mm margins
HEADERS = (
    "N°",
    "Nom",
    "Prénom",
    "Oral",
    "Feuille signée (jury de validation)",
    "Décision du jury de certification",
)
STATUS_TEXT = {
    "examined": "examiné",
    "absent": "absent",
    "not_admitted": "non admis",
    "annulled": "annulé",
    "pending": "feuille non reçue",
}


@dataclass(frozen=True)
class PvMember:
    name: str
    role: str = "Membre"  # « Président », « Membre », « Représentant du comité de site »…


@dataclass(frozen=True)
class PvCandidate:
    candidate_id: str
    last_name: str
    first_name: str
    status: str  # examined / absent / not_admitted / annulled / pending (no signed sheet)
    validated: int
    certificate: bool
    decision: str  # the certification jury's decision, in French
    sheet_version: int | None = None
    sheet_said: str = ""  # what the signed sheet proposed, in French (« certificat proposé (27/28) »)
    decided: str | None = (
        None  # the decision in force: certificate / attestation / annulment / annulment_lifted
    )
    undecided: bool = False  # the certification jury still has to decide (the PV cannot be signed)


@dataclass(frozen=True)
class PvContent:
    campaign_id: str
    campaign_title: str
    meeting: date
    place: str
    members: tuple[PvMember, ...]
    candidates: tuple[PvCandidate, ...]
    remarks: str = ""
    signed_at: datetime | None = None  # when the PV was drawn up for signing (aware)

    @property
    def president(self) -> PvMember:
        return next((m for m in self.members if m.role == "Président"), self.members[0])

    def counts(self) -> dict[str, int]:
        """The « Bilan »: deliveries and annulments as the certification jury decided them (never what a sheet
        proposed), the facts of the orals, and what is still to decide."""
        c = self.candidates
        return {
            "candidates": len(c),
            "certificates": sum(1 for x in c if x.decided == "certificate"),
            "partial": sum(1 for x in c if x.decided == "attestation"),
            "annulled": sum(1 for x in c if x.status == "annulled"),
            "absent": sum(1 for x in c if x.status == "absent"),
            "not_admitted": sum(1 for x in c if x.status == "not_admitted"),
            "pending": sum(1 for x in c if x.status == "pending"),
            "undecided": sum(1 for x in c if x.undecided),
        }

    def to_json(self) -> bytes:
        data: dict[str, Any] = {"format": PV_FORMAT, **asdict(self)}
        data["meeting"] = self.meeting.isoformat()
        data["signed_at"] = self.signed_at.isoformat() if self.signed_at else None
        data["counts"] = self.counts()
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def default_decision(status: str, validated: int, certificate: bool) -> str:
    """What the rules propose; the certification jury may write another decision."""
    if status == "pending":
        return "En attente : feuille de résultat signée non reçue."
    if status == "annulled":
        return "Dossier annulé pour plagiat : aucune compétence validée."
    if status == "not_admitted":
        return "Non admis à l'épreuve orale : aucune compétence validée."
    if status == "absent":
        return "Absent à l'épreuve orale (abandon) : aucune compétence validée."
    if certificate:
        return "Certificat délivré."
    if validated:
        return (
            f"Certificat non délivré ; attestation de {validated} compétence{'s' if validated > 1 else ''} "
            "validée" + ("s." if validated > 1 else ".")
        )
    return "Certificat non délivré ; aucune compétence validée."


# --- layout ------------------------------------------------------------------------------------------------


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("pv", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "title": ParagraphStyle("pv-title", base, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=3),
        "h2": ParagraphStyle(
            "pv-h2",
            base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "body": base,
        "strong": ParagraphStyle("pv-strong", base, fontName=FONT_BOLD),
        "cell": ParagraphStyle("pv-cell", base, fontSize=8, leading=9.8),
        "cell_bold": ParagraphStyle("pv-cell-bold", base, fontName=FONT_BOLD, fontSize=8, leading=9.8),
    }


def _p(text: str, style: str = "body") -> Any:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    return Paragraph(escape(french(printable(text))), _styles()[style])


def _members(content: PvContent) -> list[Any]:
    story = [_p("Composition du jury de certification", "h2")]
    story += [_p(f"{_bare(m.role) or 'Membre'} : {m.name}") for m in content.members]
    return story


def _table(content: PvContent) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    rows: list[list[Any]] = [[_p(h, "cell_bold") for h in HEADERS]]
    for c in content.candidates:
        rows.append(
            [
                _p(c.candidate_id, "cell"),
                _p(c.last_name.upper(), "cell"),
                _p(c.first_name, "cell"),
                _p(STATUS_TEXT.get(c.status, c.status), "cell"),
                _p(c.sheet_said or "—", "cell"),
                _p(c.decision, "cell_bold" if c.decided == "certificate" else "cell"),
            ]
        )
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 8),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2ef")),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f7fa")]),
        ]
    )
    return Table(rows, colWidths=COLUMNS, repeatRows=1, style=style)


def bilan(content: PvContent) -> str:
    """The « Bilan » sentence: the certification jury's decisions, the orals' facts, what is left to decide."""
    n = content.counts()
    parts = [
        _count(n["candidates"], "candidat", "candidats"),
        _count(n["certificates"], "certificat délivré", "certificats délivrés"),
        _count(n["partial"], "attestation partielle délivrée", "attestations partielles délivrées"),
        _count(n["annulled"], "dossier annulé pour plagiat", "dossiers annulés pour plagiat"),
        _count(n["absent"], "absent", "absents"),
        _count(n["not_admitted"], "non admis", "non admis"),
    ]
    if n["pending"]:
        parts.append(_count(n["pending"], "feuille de résultat non reçue", "feuilles de résultat non reçues"))
    parts.append(_count(n["undecided"], "candidat à décider", "candidats à décider"))
    return " ; ".join(parts) + "."


def still_to_decide(content: PvContent) -> str:
    """Who the certification jury has still to decide on (empty on a PV that can be signed)."""
    waiting = [
        f"{c.last_name.upper()} {c.first_name} ({c.candidate_id})" for c in content.candidates if c.undecided
    ]
    return f"Reste à décider : {', '.join(waiting)}." if waiting else ""


def _counts(content: PvContent) -> list[Any]:
    story = [_p("Bilan", "h2"), _p(bilan(content))]
    waiting = still_to_decide(content)
    return story + [_p(waiting, "strong")] if waiting else story


def _count(n: int, singular: str, plural: str) -> str:
    """French agreement: « 0 absent », « 1 absent », « 2 absents »."""
    return f"{n} {singular if n <= 1 else plural}"


def _bare(text: str) -> str:
    """A typed value as one clause: single spaces, no closing dot or comma of its own (the sentence adds its)."""
    return " ".join(text.split()).rstrip(" .,;")


def meeting_line(content: PvContent) -> str:
    """« Réunion du lundi 10 juillet 2017, Grenoble. », or without the place when none is given: never a
    dangling comma."""
    place = _bare(content.place)
    return f"Réunion du {long_date(content.meeting)}" + (f", {place}." if place else ".")


def campaign_line(content: PvContent) -> str:
    """« Campagne : title (id) », or the id alone when the campaign has no title."""
    title = _bare(content.campaign_title)
    return f"Campagne : {title} ({content.campaign_id})" if title else f"Campagne : {content.campaign_id}"


def made_at_line(content: PvContent) -> str:
    """« Fait à Grenoble, le lundi 10 juillet 2017. » (« Fait le … » without a place)."""
    place = _bare(content.place)
    return (f"Fait à {place}, le " if place else "Fait le ") + f"{long_date(content.meeting)}."


def _signature(content: PvContent, where: Where) -> Any:
    from reportlab.platypus import KeepTogether

    return KeepTogether(
        [
            _p(made_at_line(content), "body"),
            _p(f"Le président du jury de certification : {content.president.name}", "strong"),
            signature_box(PRESIDENT_FIELD, where),
        ]
    )


def properties(content: PvContent) -> Properties:
    """Drawn up when the PV was prepared for signing (``signed_at``), else now."""
    return Properties(
        title=f"Procès-verbal du jury de certification — {content.campaign_title}",
        subject=f"{content.campaign_id} / {content.meeting.isoformat()}",
        created=content.signed_at or datetime.now().astimezone(),
    )


def _layout(content: PvContent, stated: Properties) -> tuple[bytes, Where]:
    from reportlab.platypus import Spacer

    register_fonts()
    where: Where = {}
    footer = page_footer(
        f"Procès-verbal du jury de certification · {content.campaign_id} · {content.meeting.isoformat()}"
    )
    out = io.BytesIO()
    doc = flowing_document(out, stated)
    story = [
        _p("Procès-verbal du jury de certification C2i2e", "title"),
        _p(campaign_line(content)),
        _p(meeting_line(content)),
        *_members(content),
        _p("Décisions", "h2"),
        _p(
            "Le jury de certification, au vu des résultats des jurys de validation (feuilles de résultat "
            "signées), arrête les décisions suivantes :"
        ),
        Spacer(0, 4),
        _table(content),
        *_counts(content),
    ]
    if content.remarks.strip():
        story += [_p("Observations", "h2"), *(_p(line) for line in content.remarks.strip().splitlines())]
    story += [Spacer(0, 14), _signature(content, where)]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue(), where


def render_pv(content: PvContent) -> bytes:
    """The unsigned PV (PDF/A-3B): pages, embedded ``c2i2e-pv.json`` and the empty signature field
    « Président »."""
    if not content.members:
        raise ValueError("a PV names the certification jury's members")
    stated = properties(content)
    pages, where = _layout(content, stated)
    attachment = Attachment(
        PV_FILE_NAME, content.to_json(), f"Contenu du procès-verbal ({PV_FORMAT})", "PV", PV_FORMAT
    )
    return archival_pdf(
        pages,
        stated,
        attachment=attachment,
        prepare=lambda writer: add_signature_field(writer, PRESIDENT_FIELD, where),
    )


def pv_json(pdf: bytes) -> dict[str, Any] | None:
    """The embedded ``c2i2e-pv.json`` of a PV (signed or not), or None."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except KeyError:
        return None
    for i in range(0, len(names) - 1, 2):
        if str(names[i]) == PV_FILE_NAME:
            loaded: dict[str, Any] = json.loads(names[i + 1]["/EF"]["/F"].data.decode("utf-8"))
            return loaded
    return None


def members_from(names: Sequence[tuple[str, str]]) -> tuple[PvMember, ...]:
    """``(name, role)`` pairs, the president first."""
    members = tuple(PvMember(name.strip(), role.strip() or "Membre") for name, role in names if name.strip())
    return tuple(sorted(members, key=lambda m: m.role != "Président"))


__all__ = [
    "PRESIDENT_FIELD",
    "PV_FILE_NAME",
    "PV_FORMAT",
    "PvCandidate",
    "PvContent",
    "PvMember",
    "bilan",
    "campaign_line",
    "default_decision",
    "made_at_line",
    "meeting_line",
    "still_to_decide",
    "members_from",
    "pv_json",
    "render_pv",
]
