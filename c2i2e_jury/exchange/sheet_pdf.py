"""The result sheet as PDF (docs/FORMATS.md §2.1): what a person reads, and what a program reads.

:func:`render_sheet` lays the sheet out with reportlab (A4, French, DejaVu Sans embedded so that every name
prints as written), then, in the same single revision, makes it PDF/A-3B (:mod:`.pdf.archival`), attaches
``c2i2e-result.json`` as an associated file the way Factur-X attaches its invoice XML (EmbeddedFiles name tree,
``/AF`` on the catalog, ``/AFRelationship /Data``, ``/Subtype /application#2Fjson``, ``/Params`` with size,
checksum and dates, declared in the XMP) and prepares the two empty visible signature fields « Juré 1 » and
« Juré 2 » over the signature boxes. The jurors then sign in sequence
(:mod:`c2i2e_jury.exchange.signatures`); the JSON is covered by the first signature.

The visible sheet's key facts are written by the small ``*_line`` / ``*_cell`` functions below, which
:mod:`c2i2e_jury.exchange.sheet_reading` uses again to check that the pages say what the JSON says: keep these
texts stable within a format version, or old sheets stop verifying.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cache
from typing import Any

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.exchange.pdf.archival import archival_pdf
from c2i2e_jury.exchange.pdf.attachments import Attachment
from c2i2e_jury.exchange.pdf.fonts import FONT, FONT_BOLD, printable, register_fonts
from c2i2e_jury.exchange.pdf.french import french
from c2i2e_jury.exchange.pdf.furniture import (
    SIGNATURE_BOX,
    Properties,
    Where,
    add_signature_field,
    flowing_document,
    page_footer,
    signature_box,
)
from c2i2e_jury.exchange.result_json import FILE_NAME, FORMAT, to_bytes, validate_result

SIGNATURE_FIELDS = ("Juré 1", "Juré 2")
ITEM_HEADERS = ("Item", "Compétence", "Évaluateur", "Jury", "Commentaire")
ITEM_COLUMNS = (32.0, 176.0, 58.0, 40.0, 204.0)  # 510 pt: A4 less two 15 mm margins
STATUS_LABELS = {
    "examined": "examiné",
    "absent": "absent (abandon)",
    "not_admitted": "non admis à l'épreuve orale",
}
PHASES = {"presentation": "présentation", "discussion": "discussion", None: ""}
EVENT_LABELS = {
    "phase_started": "Début de la {phase}",
    "phase_ended": "Fin de la {phase}",
    "paused": "Pause",
    "resumed": "Reprise",
    "restart": "Redémarrage du programme",
    "suspend": "Mise en veille de l'ordinateur",
    "gap_paused": "Interruption comptée comme pause",
    "finished": "Fin de l'épreuve",
}
INCIDENT_LABELS = {
    "late_arrival": "Retard du candidat",
    "technical": "Incident technique",
    "fraud_suspicion": "Suspicion de fraude ou de plagiat",
    "other": "Autre",
}
LIST_DASH = (
    " - "  # how the annex writes a list inside an item's wording (« notamment : - la recherche ; - … »)
)
PROPOSAL_NOTE = (
    "Proposition du jury de validation, soumise à la décision du jury de certification, qui seul "
    "accorde le certificat ou l'attestation."
)


# --- the facts a program checks on the visible sheet -------------------------------------------------------


def candidate_line(result: Mapping[str, Any]) -> str:
    c = result["candidate"]
    return f"Candidat : {c['last_name'].upper()} {c['first_name']} (n° {c['id']})".replace("  ", " ")


def status_line(result: Mapping[str, Any]) -> str:
    return f"Statut : {STATUS_LABELS[result['status']]}"


def version_line(result: Mapping[str, Any]) -> str:
    if result["supersedes"] is None:
        return f"Version {result['version']}"
    return f"Version {result['version']}, remplace la version {result['supersedes']}"


def validated_line(result: Mapping[str, Any]) -> str:
    return f"Compétences validées : {result['outcome']['validated']} sur {len(result['items'])}"


def certificate_line(result: Mapping[str, Any]) -> str:
    """The validation jury proposes, the certification jury delivers (seed: « Délivrance des certificats »):
    the jurors' sheet states a proposal, never a delivery."""
    return "Certificat : proposé" if result["outcome"]["certificate"] else "Certificat : non proposé"


def mark_cell(mark: str | None) -> str:
    return mark or "—"


def jury_cell(entry: Mapping[str, Any]) -> str:
    return "Acquis" if entry["prior"] else mark_cell(entry["jury"])


FACT_LINES: tuple[Callable[[Mapping[str, Any]], str], ...] = (
    candidate_line,
    status_line,
    version_line,
    validated_line,
    certificate_line,
)


# --- layout ------------------------------------------------------------------------------------------------


@cache
def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5)
    return {
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=2),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,
        ),
        # a title over a table pages long: not kept with it (that would push the whole table to the next page)
        "h2_table": ParagraphStyle(
            "h2_table", base, fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=9, spaceAfter=4
        ),
        "body": base,
        "strong": ParagraphStyle("strong", base, fontName=FONT_BOLD),
        "label": ParagraphStyle(
            "label", base, fontName=FONT_BOLD, spaceBefore=4, spaceAfter=2, keepWithNext=1
        ),
        "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9),
        "cell_bold": ParagraphStyle("cell_bold", base, fontName=FONT_BOLD, fontSize=7.5, leading=9),
        "small": ParagraphStyle("small", base, fontSize=7, leading=8.5),
    }


def _p(text: str, style: str = "body") -> Any:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    return Paragraph(escape(french(printable(text))), _styles()[style])


def _wording(text: str) -> Any:
    """An item's wording as the referential's annex lists it: each « - » entry (A3.2, A3.3, B2.4) on a line of its
    own, so that a dash never ends a line apart from its entry."""
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    entries = [escape(french(printable(entry))) for entry in text.split(LIST_DASH)]
    return Paragraph("<br/>- ".join(entries), _styles()["small"])


def _clock(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M:%S")


def _duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def _header(result: Mapping[str, Any]) -> list[Any]:
    title = result.get("campaign_title") or result["campaign"]
    story = [
        _p("Feuille de résultat — épreuve orale du C2i2e", "title"),
        _p(f"Campagne : {title} ({result['campaign']})"),
        _p(candidate_line(result), "strong"),
        _p(status_line(result)),
        _p(version_line(result)),
    ]
    if result.get("reason"):
        story.append(_p(f"Motif de la nouvelle version : {result['reason']}"))
    jurors = " ; ".join(j["name"] for j in result["jurors"])
    story.append(_p(f"Jury de validation : {jurors}"))
    return story


def _comment(entry: Mapping[str, Any]) -> list[Any]:
    parts = [_p(entry["comment"], "cell")] if entry["comment"] else []
    if entry.get("justification"):
        parts.append(_p(f"Justification : {entry['justification']}", "cell"))
    if entry.get("evaluator_comment"):
        parts.append(_p(f"Évaluateur : {entry['evaluator_comment']}", "small"))
    return parts


def _items_table(result: Mapping[str, Any], referential: Referential) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    entries = {e["item"]: e for e in result["items"]}
    rows: list[list[Any]] = [[_p(h, "cell_bold") for h in ITEM_HEADERS]]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2ef")),
    ]
    for domain in referential.domains:
        row = len(rows)  # the domain's title row: spans the table, never left alone at the foot of a page
        style += [
            ("SPAN", (0, row), (-1, row)),
            ("NOSPLIT", (0, row), (-1, row + 1)),
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#eef1f6")),
        ]
        rows.append([_p(f"{domain.code} — {domain.title}", "cell_bold"), "", "", "", ""])
        for code in domain.items:
            entry = entries[code]
            rows.append(
                [
                    _p(code, "cell_bold"),
                    _wording(referential.item(code).wording),
                    _p(mark_cell(entry["evaluator"]), "cell"),
                    _p(jury_cell(entry), "cell_bold"),
                    _comment(entry),
                ]
            )
    return Table(rows, colWidths=ITEM_COLUMNS, repeatRows=1, style=TableStyle(style))


def _outcome(result: Mapping[str, Any]) -> list[Any]:
    outcome = result["outcome"]
    misses = " · ".join(f"{d} : {n}" for d, n in outcome["missing_by_domain"].items())
    return [
        _p("Résultat", "h2"),
        _p(validated_line(result), "strong"),
        _p(f"Non validées par domaine : {misses}"),
        _p(certificate_line(result), "strong"),
        _p(outcome["explanation"]),
        _p(PROPOSAL_NOTE, "small"),
    ]


def _oral(result: Mapping[str, Any]) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    oral = result["oral"]
    extra = f", temps majoré de {oral['extra_time_percent']:g} %" if oral["extra_time_percent"] else ""
    story = [
        _p("Épreuve orale", "h2"),
        _p(
            f"Présentation {oral['presentation_minutes']:g} min, discussion {oral['discussion_minutes']:g} min"
            f"{extra}."
        ),
    ]
    grid = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, 7.5),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2ef")),
        ]
    )
    if oral["timing_log"]:
        rows = [[_p(h, "cell_bold") for h in ("Heure", "Événement", "Détail")]]
        for e in oral["timing_log"]:
            label = EVENT_LABELS[e["kind"]].format(phase=PHASES[e.get("phase")])
            rows.append([_p(_clock(e["at"]), "cell"), _p(label, "cell"), _p(_event_detail(e), "cell")])
        story += [_p("Chronologie", "label"), Table(rows, colWidths=(50, 170, 290), style=grid, repeatRows=1)]
    else:
        story.append(_p("Chronologie : aucun événement."))
    if oral["incidents"]:
        rows = [[_p(h, "cell_bold") for h in ("Heure", "Incident", "Note")]]
        rows += [
            [_p(_clock(i["at"]), "cell"), _p(INCIDENT_LABELS[i["kind"]], "cell"), _p(i["note"], "cell")]
            for i in oral["incidents"]
        ]
        story += [_p("Incidents", "label"), Table(rows, colWidths=(50, 170, 290), style=grid, repeatRows=1)]
    else:
        story.append(_p("Incidents : aucun."))
    return story


def _event_detail(event: Mapping[str, Any]) -> str:
    parts = [event["reason"]] if event.get("reason") else []
    if event.get("seconds") is not None:
        parts.append(
            ("durée " if event["kind"] == "phase_ended" else "temps : ") + _duration(event["seconds"])
        )
    if event.get("overtime_seconds"):
        parts.append(f"dépassement {_duration(event['overtime_seconds'])}")
    return ", ".join(parts)


def _signatures(result: Mapping[str, Any], where: Where) -> Any:
    from reportlab.platypus import KeepTogether, Table

    labels = [
        _p(f"{field} : {juror['name']}", "strong")
        for field, juror in zip(SIGNATURE_FIELDS, result["jurors"], strict=True)
    ]
    boxes = [signature_box(field, where) for field in SIGNATURE_FIELDS]
    table = Table(
        [labels, boxes], colWidths=(SIGNATURE_BOX[0] + 20,) * 2, style=[("FONT", (0, 0), (-1, -1), FONT)]
    )
    return KeepTogether([_p("Signatures du jury de validation", "h2"), table])


def properties(result: Mapping[str, Any]) -> Properties:
    """Drawn up when the jurors were asked to sign (the JSON's ``signed_at``)."""
    c = result["candidate"]
    return Properties(
        title=f"Feuille de résultat C2i2e — {c['last_name']} {c['first_name']}",
        subject=f"{result['campaign']} / {c['id']} / version {result['version']}",
        created=datetime.fromisoformat(result["signed_at"]),
    )


def _layout(result: Mapping[str, Any], referential: Referential) -> tuple[bytes, Where]:
    from reportlab.lib.units import cm
    from reportlab.platypus import CondPageBreak

    register_fonts()
    where: Where = {}
    c = result["candidate"]
    footer = page_footer(
        f"{FORMAT} · {result['campaign']} · candidat {c['id']} · version {result['version']}"
    )
    out = io.BytesIO()
    doc = flowing_document(out, properties(result))
    story = [
        *_header(result),
        CondPageBreak(6 * cm),
        _p("Décisions, item par item", "h2_table"),
        _items_table(result, referential),
        *_outcome(result),
        *_oral(result),
        _signatures(result, where),
    ]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue(), where


# --- the embedded JSON and the signature fields ------------------------------------------------------------


def render_sheet(result: Mapping[str, Any], referential: Referential) -> bytes:
    """The unsigned sheet (PDF/A-3B): visible pages, embedded ``c2i2e-result.json`` and two empty signature
    fields."""
    validate_result(result, referential)
    pages, where = _layout(result, referential)
    attachment = Attachment(
        FILE_NAME, to_bytes(result), f"Contenu de la feuille de résultat ({FORMAT})", "RESULT-SHEET", FORMAT
    )

    def fields(writer: Any) -> None:
        for field in SIGNATURE_FIELDS:
            add_signature_field(writer, field, where)

    return archival_pdf(pages, properties(result), attachment=attachment, prepare=fields)
