"""The attendance sheet (feuille d'émargement) of one room: a page (or more) per day, printed before the orals.

Each candidate signs on arrival; the jury ticks « Absent » for one who does not come. The sheet is paper first:
every page stands alone (campaign, room, date and jury at the top; room, date and page number at the foot), the
signature cells are wide and tall enough for a pen, names are never cut short while a smaller size fits them,
and the jurors sign the day's last page. Drawn on a reportlab canvas in DejaVu Sans (embedded, so every name
prints and copies as written), made PDF/A-3B (:mod:`.pdf.archival`): the same lines, made at the same time,
give the same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from c2i2e_jury.exchange.pdf.archival import archival_pdf
from c2i2e_jury.exchange.pdf.fonts import FONT, FONT_BOLD, FONT_ITALIC, printable, register_fonts
from c2i2e_jury.exchange.pdf.french import long_date
from c2i2e_jury.exchange.pdf.furniture import Properties

PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in points
MARGIN = 42.5  # 15 mm
BOTTOM = 58.0  # the lowest a table row may reach: the footer sits below
HEADERS = ("Heure", "Nom", "Prénom", "Identifiant", "Tiers-temps", "Signature du candidat", "Absent")
WIDTHS = (40.0, 96.0, 80.0, 66.0, 54.0, 140.0, 34.0)  # 510 pt, the width between the margins
HEADER_ROW, ROW = 20.0, 38.0
JURORS_BLOCK = 96.0
GREY = (0.45, 0.45, 0.45)
INSTRUCTIONS = (
    "Chaque candidat signe à son arrivée, sur présentation d'une pièce d'identité. Le jury coche "
    "« Absent » pour un candidat qui ne s'est pas présenté."
)


@dataclass(frozen=True)
class AttendanceLine:
    time: str
    last_name: str
    first_name: str
    candidate_id: str
    extra_time_percent: int = 0
    note: str = ""  # printed small in the signature cell, e.g. why a candidate is not admitted


@dataclass(frozen=True)
class JuryLine:
    name: str
    jurors: tuple[str, ...]


@dataclass(frozen=True)
class AttendanceDay:
    day: date | None
    juries: tuple[JuryLine, ...]
    lines: tuple[AttendanceLine, ...]


def short_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "date non fixée"


def room_label(room: str) -> str:
    return room or "Salle non attribuée"


def footer_text(room: str, day: date | None) -> str:
    return f"Feuille d'émargement — {room_label(room)} — {short_date(day)}"


def extra_time_cell(percent: int) -> str:
    return f"+{percent} %" if percent else ""


@dataclass(frozen=True)
class _Page:
    day: AttendanceDay
    lines: tuple[AttendanceLine, ...]
    jurors_block: bool


def _header_height(day: AttendanceDay) -> float:
    return 86.0 + 13.0 * max(1, len(day.juries)) + 26.0


def _paginate(days: Sequence[AttendanceDay]) -> list[_Page]:
    """A day's lines over as many pages as needed; the jurors' signatures after the day's last line."""
    pages: list[_Page] = []
    for day in days:
        room = PAGE_H - MARGIN - _header_height(day) - HEADER_ROW - BOTTOM
        per_page = max(1, int(room // ROW))
        chunks = [day.lines[i : i + per_page] for i in range(0, len(day.lines), per_page)] or [()]
        for chunk in chunks[:-1]:
            pages.append(_Page(day, chunk, False))
        last = chunks[-1]
        if len(last) * ROW + JURORS_BLOCK <= room:
            pages.append(_Page(day, last, True))
        else:
            pages += [_Page(day, last, False), _Page(day, (), True)]
    return pages


def render_attendance(
    campaign_title: str, room: str, days: Sequence[AttendanceDay], *, created: datetime | None = None
) -> bytes:
    """The room's attendance sheet as PDF bytes: each day on its own page(s), lines in the order given;
    ``created``: when it was made (the room's kit), now by default."""
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    properties = Properties(
        title=f"Feuille d'émargement — {room_label(room)}",
        subject=campaign_title,
        created=created or datetime.now().astimezone(),
    )
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=(PAGE_W, PAGE_H), invariant=True, pageCompression=1, initialFontName=FONT
    )
    pages = _paginate(days)
    for number, page in enumerate(pages, start=1):
        y = _draw_header(canvas, campaign_title, room, page.day)
        y = _draw_table(canvas, page.lines, y)
        if page.jurors_block:
            _draw_jurors_block(canvas, page.day, y - 18)
        _draw_footer(canvas, room, page.day.day, number, len(pages))
        canvas.showPage()
    canvas.save()
    return archival_pdf(buffer.getvalue(), properties)


def write_attendance(
    path: Path,
    campaign_title: str,
    room: str,
    days: Sequence[AttendanceDay],
    *,
    created: datetime | None = None,
) -> Path:
    path.write_bytes(render_attendance(campaign_title, room, days, created=created))
    return path


def fit(text: str, font: str, size: float, width: float, smallest: float = 6.0) -> tuple[str, float]:
    """The largest size down to ``smallest`` at which ``text`` fits ``width``; past that, cut with « … »."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > smallest and stringWidth(text, font, size) > width:
        size = max(smallest, size - 0.5)
    if stringWidth(text, font, size) <= width:
        return text, size
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…", size


def wrap(text: str, font: str, size: float, width: float) -> list[str] | None:
    """``text`` in lines that each fit ``width``, broken at spaces or after hyphens; None if a word is too long."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for token in (t for t in re.split(r"(?<=-)|\s+", text) if t):
        joined = _join([lines[-1], token]) if lines else token
        if lines and stringWidth(joined, font, size) <= width:
            lines[-1] = joined
        elif stringWidth(token, font, size) <= width:
            lines.append(token)
        else:
            return None
    return lines


def _join(tokens: Sequence[str]) -> str:
    out = ""
    for token in tokens:
        out += token if not out or out.endswith("-") else " " + token
    return out


def _cell(canvas: Any, x: float, middle: float, text: str, font: str, width: float, align: str) -> None:
    """A table cell's text: one line at 9 pt down to 7.5 pt, else two or three lines down to 6 pt, else cut."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = printable(text, font)
    size = 9.0
    while size > 7.5 and stringWidth(text, font, size) > width:
        size -= 0.5
    if stringWidth(text, font, size) <= width:
        _text(canvas, x, middle - 3, text, font, size, width, align)
        return
    while size >= 6.0:
        lines = wrap(text, font, size, width)
        if lines and len(lines) <= 3:
            leading = size + 1
            first = middle + (len(lines) - 1) * leading / 2 - size * 0.35
            for n, line in enumerate(lines):
                _text(canvas, x, first - n * leading, line, font, size, width, align)
            return
        size -= 0.5
    _text(canvas, x, middle - 3, text, font, 7.5, width, align)


def _text(
    canvas: Any, x: float, y: float, text: str, font: str, size: float, width: float, align: str = "left"
) -> None:
    fitted, fitted_size = fit(printable(text, font), font, size, width)
    canvas.setFont(font, fitted_size)
    if align == "center":
        canvas.drawCentredString(x + width / 2, y, fitted)
    else:
        canvas.drawString(x, y, fitted)


def _draw_header(canvas: Any, campaign_title: str, room: str, day: AttendanceDay) -> float:
    width = PAGE_W - 2 * MARGIN
    y = PAGE_H - MARGIN - 10
    canvas.setFillColorRGB(*GREY)
    _text(canvas, MARGIN, y, campaign_title, FONT, 9.5, width)
    canvas.setFillColorRGB(0, 0, 0)
    _text(canvas, MARGIN, y - 24, "Feuille d'émargement", FONT_BOLD, 17, width)
    _text(canvas, MARGIN, y - 46, f"{room_label(room)} — {long_date(day.day)}", FONT_BOLD, 12.5, width)
    y -= 66
    for jury in day.juries or (JuryLine("", ()),):
        label = f"Jury {jury.name}" if jury.name else "Jury non attribué"
        names = ", ".join(jury.jurors) or "membres : ____________________________________________"
        _text(canvas, MARGIN, y, f"{label} — {names}", FONT, 9.5, width)
        y -= 13
    canvas.setFillColorRGB(*GREY)
    _text(canvas, MARGIN, y - 4, INSTRUCTIONS, FONT_ITALIC, 7.5, width)
    canvas.setFillColorRGB(0, 0, 0)
    return PAGE_H - MARGIN - _header_height(day)


def _draw_table(canvas: Any, lines: Sequence[AttendanceLine], top: float) -> float:
    if not lines:
        return top
    xs = [MARGIN + sum(WIDTHS[:i]) for i in range(len(WIDTHS) + 1)]
    bottom = top - HEADER_ROW - ROW * len(lines)
    canvas.setFillColorRGB(0.9, 0.9, 0.9)
    canvas.rect(xs[0], top - HEADER_ROW, xs[-1] - xs[0], HEADER_ROW, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    for i, header in enumerate(HEADERS):
        _text(canvas, xs[i] + 3, top - 13.5, header, FONT_BOLD, 8, WIDTHS[i] - 6, "center")
    canvas.setLineWidth(0.6)
    for x in xs:
        canvas.line(x, top, x, bottom)
    for row in range(len(lines) + 1):
        y = top - HEADER_ROW - ROW * row
        canvas.line(xs[0], y, xs[-1], y)
    canvas.line(xs[0], top, xs[-1], top)
    for row, line in enumerate(lines):
        _draw_line(canvas, line, xs, top - HEADER_ROW - ROW * row)
    return bottom


def _draw_line(canvas: Any, line: AttendanceLine, xs: Sequence[float], top: float) -> None:
    middle = top - ROW / 2
    cells = (
        line.time,
        line.last_name.upper(),
        line.first_name,
        line.candidate_id,
        extra_time_cell(line.extra_time_percent),
    )
    fonts = (FONT_BOLD, FONT_BOLD, FONT, FONT, FONT_BOLD)
    for i, (cell, font) in enumerate(zip(cells, fonts, strict=True)):
        _cell(canvas, xs[i] + 3, middle, cell, font, WIDTHS[i] - 6, "center" if i in (0, 4) else "left")
    if line.note:
        canvas.setFillColorRGB(*GREY)
        _text(canvas, xs[5] + 3, top - 9, line.note, FONT_ITALIC, 6.5, WIDTHS[5] - 6)
        canvas.setFillColorRGB(0, 0, 0)
    box = 11.0
    canvas.rect(xs[6] + (WIDTHS[6] - box) / 2, top - ROW / 2 - box / 2, box, box, stroke=1, fill=0)


def _draw_jurors_block(canvas: Any, day: AttendanceDay, top: float) -> None:
    names = [name for jury in day.juries for name in jury.jurors] or ["", ""]
    _text(canvas, MARGIN, top, "Signatures des membres du jury", FONT_BOLD, 9.5, PAGE_W - 2 * MARGIN)
    count = min(len(names), 6)
    gap = 10.0
    width = (PAGE_W - 2 * MARGIN - gap * (count - 1)) / count
    for i, name in enumerate(names[:count]):
        x = MARGIN + i * (width + gap)
        canvas.rect(x, top - 80, width, 66, stroke=1, fill=0)
        _text(canvas, x + 4, top - 24, name or "Nom :", FONT, 8.5, width - 8)


def _draw_footer(canvas: Any, room: str, day: date | None, number: int, total: int) -> None:
    canvas.setFillColorRGB(*GREY)
    canvas.setFont(FONT, 8)
    canvas.drawString(MARGIN, MARGIN - 14, printable(footer_text(room, day)))
    canvas.drawRightString(PAGE_W - MARGIN, MARGIN - 14, f"Page {number}/{total}")
    canvas.setFillColorRGB(0, 0, 0)


def page_count(days: Sequence[AttendanceDay]) -> int:
    """How many pages :func:`render_attendance` draws for these days."""
    return len(_paginate(days))
