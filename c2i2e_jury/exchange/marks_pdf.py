"""The evaluator's marks as a PDF for people, with ``c2i2e-marks.json`` for programs (docs/FORMATS.md §8.1).

One file holds one candidate or a batch; each candidate starts a page: the candidate's line, the rework
request if any (the requirements as the candidate reads them), then the 28 items grouped by dossier part (the
seed's mapping: each part of the dossier shows some of the competencies), with the mark and the comment. The
evaluator signs the prepared field « Évaluateur » (PAdES, a certification signature: nothing may change after).

:func:`visible_mismatch` reads the pages back and compares them with the JSON (each candidate's line and each
item's mark, by column under the table's header), as the result sheet's reading does: a program trusts the JSON,
a person trusts the pages, and they must agree.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.exchange.marks_json import FILE_NAME, FORMAT, signed_time, to_bytes, validate_marks
from c2i2e_jury.exchange.pdf.archival import archival_pdf
from c2i2e_jury.exchange.pdf.attachments import Attachment
from c2i2e_jury.exchange.pdf.fonts import FONT, FONT_BOLD, printable, register_fonts
from c2i2e_jury.exchange.pdf.french import french
from c2i2e_jury.exchange.pdf.furniture import (
    Properties,
    Where,
    add_signature_field,
    flowing_document,
    page_footer,
    signature_box,
)

EVALUATOR_FIELD = "Évaluateur"
HEADERS = ("Item", "Compétence", "Note", "Commentaire")
COLUMNS = (34.0, 226.0, 40.0, 210.0)
ITEM_CODE = re.compile(r"^[AB][1-4]\.[1-5]$")
_CANDIDATE = re.compile(r"Candidat : .* \(n° (.+)\)$")
_TOLERANCE = 2.0


def candidate_line(entry: Mapping[str, Any]) -> str:
    return f"Candidat : {entry['last_name'].upper()} {entry['first_name']} (n° {entry['id']})"


def mark_cell(mark: str | None) -> str:
    return mark or "—"


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("marks", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "title": ParagraphStyle("m-title", base, fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=4),
        "h2": ParagraphStyle("m-h2", base, fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=8),
        "body": base,
        "cell": ParagraphStyle("m-cell", base, fontSize=7.5, leading=9.2),
        "cell_bold": ParagraphStyle("m-cell-b", base, fontName=FONT_BOLD, fontSize=7.5, leading=9.2),
    }


def _p(text: str, style: str = "body") -> Any:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    return Paragraph(escape(french(printable(text))).replace("\n", "<br/>"), _styles()[style])


def _items(entry: Mapping[str, Any], referential: Referential) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    by_code = {i["item"]: i for i in entry["items"]}
    rows: list[list[Any]] = [[_p(h, "cell_bold") for h in HEADERS]]
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2ef")),
    ]
    for part in referential.parts:
        row = len(rows)
        style += [("SPAN", (0, row), (-1, row)), ("NOSPLIT", (0, row), (-1, row + 1))]
        style.append(("BACKGROUND", (0, row), (-1, row), colors.HexColor("#eef1f6")))
        rows.append([_p(f"Partie {part.number} du dossier — {part.title}", "cell_bold"), "", "", ""])
        for code in part.items:
            item = by_code[code]
            rows.append(
                [
                    _p(code, "cell_bold"),
                    _p(referential.item(code).wording, "cell"),
                    _p(mark_cell(item["mark"]), "cell_bold"),
                    _p(item.get("comment", ""), "cell"),
                ]
            )
    return Table(rows, colWidths=COLUMNS, repeatRows=1, style=TableStyle(style))


def _candidate(entry: Mapping[str, Any], referential: Referential, first: bool) -> list[Any]:
    from reportlab.platypus import PageBreak

    story: list[Any] = [] if first else [PageBreak()]
    story.append(_p(candidate_line(entry), "h2"))
    rework = entry.get("rework")
    if rework:
        when = datetime.fromisoformat(rework["requested_at"]).astimezone()
        story.append(_p(f"Demande de re-travail du dossier, le {when:%d/%m/%Y à %H:%M} :", "cell_bold"))
        story += [_p(f"– {sentence}") for sentence in rework["requirements"]]
    story.append(_items(entry, referential))
    return story


def properties(marks: Mapping[str, Any]) -> Properties:
    count = len(marks["candidates"])
    return Properties(
        title=f"Notes de l'évaluateur C2i2e — {marks['evaluator']['name']}",
        subject=f"{marks['campaign']} / {count} candidat{'s' if count > 1 else ''}",
        created=signed_time(marks),
    )


def layout(marks: Mapping[str, Any], referential: Referential) -> tuple[bytes, Where]:
    """The pages (reportlab's output) and where the signature box landed."""
    from reportlab.platypus import KeepTogether

    register_fonts()
    where: Where = {}
    out = io.BytesIO()
    doc = flowing_document(out, properties(marks))
    story: list[Any] = [
        _p("Évaluation du dossier numérique C2i2e — notes de l'évaluateur", "title"),
        _p(f"Campagne : {marks['campaign']} · évaluateur : {marks['evaluator']['name']}"),
    ]
    for n, entry in enumerate(marks["candidates"]):
        story += _candidate(entry, referential, n == 0)
    signer = f"Signature de l'évaluateur : {marks['evaluator']['name']}"
    story.append(KeepTogether([_p(signer, "h2"), signature_box(EVALUATOR_FIELD, where)]))
    footer = page_footer(f"{FORMAT} · {marks['campaign']} · {marks['evaluator']['name']}")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue(), where


def assemble(pages: bytes, where: Where, marks: Mapping[str, Any]) -> bytes:
    """``pages`` as PDF/A-3B with ``marks`` embedded and the empty field « Évaluateur »."""
    attachment = Attachment(
        FILE_NAME, to_bytes(marks), f"Notes de l'évaluateur ({FORMAT})", "EVALUATION-MARKS", FORMAT
    )
    return archival_pdf(
        pages,
        properties(marks),
        attachment=attachment,
        prepare=lambda writer: add_signature_field(writer, EVALUATOR_FIELD, where),
    )


def render_marks(marks: Mapping[str, Any], referential: Referential) -> bytes:
    """The unsigned marks PDF (PDF/A-3B): pages, embedded ``c2i2e-marks.json``, empty field « Évaluateur »."""
    validate_marks(marks, referential)
    return assemble(*layout(marks, referential), marks)


# --- reading the pages back ----------------------------------------------------------------------------------


def visible_mismatch(pdf: bytes, marks: Mapping[str, Any]) -> str | None:
    """What the pages show differently from ``marks`` (a short French phrase), or None when they agree."""
    import pymupdf

    from c2i2e_jury.dossier.mupdf_lock import MUPDF

    with MUPDF, pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pages = [page.get_text("words") for page in doc]
    seen: dict[str, dict[str, str]] = {}
    current: str | None = None
    for words in pages:
        current = _read_page(words, current, seen)
    for entry in marks["candidates"]:
        shown = seen.get(entry["id"])
        if shown is None:
            return f"la page du candidat {entry['id']} manque"
        for item in entry["items"]:
            if shown.get(item["item"]) != mark_cell(item["mark"]):
                return (
                    f"l'item {item['item']} de {entry['id']} porte « {shown.get(item['item'], '')} » sur la "
                    f"page, « {mark_cell(item['mark'])} » dans le JSON"
                )
    if set(seen) != {e["id"] for e in marks["candidates"]}:
        return "les pages montrent d'autres candidats que le JSON"
    return None


def _read_page(words: list[Any], current: str | None, seen: dict[str, dict[str, str]]) -> str | None:
    """Record the marks read on one page under the candidate whose line last preceded them; return the
    candidate in force at the foot of the page (a table continues on the next page)."""
    markers = _markers(words)
    columns = _columns(words)
    if columns is not None:
        competence_x, note_x, comment_x = columns
        in_column = [w for w in words if note_x - _TOLERANCE <= w[0] < comment_x - _TOLERANCE]
        for x0, y0, _x1, y1, text, *_ in words:
            if x0 >= competence_x - _TOLERANCE or not ITEM_CODE.match(text):
                continue
            owner = next((cid for y, cid in reversed(markers) if y < y0), current)
            if owner is None:
                continue
            mark = " ".join(w[4] for w in in_column if w[1] < y1 - 1 and w[3] > y0 + 1)
            seen.setdefault(owner, {})[text] = mark
    for _y, cid in markers:
        seen.setdefault(cid, {})
    return markers[-1][1] if markers else current


def _markers(words: list[Any]) -> list[tuple[float, str]]:
    """(y, candidate id) of each « Candidat : … (n° ID) » line of the page, top to bottom."""
    starts = {(w[5], w[6]) for w in words if w[4] == "Candidat"}
    lines: dict[tuple[int, int], list[Any]] = {key: [] for key in starts}
    for w in words:
        if (w[5], w[6]) in lines:
            lines[(w[5], w[6])].append(w)
    markers = []
    for line in lines.values():
        found = _CANDIDATE.search(" ".join(w[4] for w in sorted(line, key=lambda w: w[0])))
        if found:
            markers.append((min(w[1] for w in line), found.group(1)))
    return sorted(markers)


def _columns(words: list[Any]) -> tuple[float, float, float] | None:
    """The x of the « Compétence », « Note » and « Commentaire » headers on this page."""
    for note in (w for w in words if w[4] == HEADERS[2]):
        same = {h: [w for w in words if w[4] == h and abs(w[1] - note[1]) < 2] for h in HEADERS}
        if all(same.values()):
            return same[HEADERS[1]][0][0], note[0], same[HEADERS[3]][0][0]
    return None
