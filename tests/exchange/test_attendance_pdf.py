"""The attendance sheet as paper: every candidate once, above the footer, long names whole, letters the font
lacks still readable, pages numbered, the jurors' signatures after the day's last line, the same bytes twice."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pymupdf
import pytest

from c2i2e_jury.exchange.attendance_pdf import (
    AttendanceDay,
    AttendanceLine,
    JuryLine,
    page_count,
    render_attendance,
)

TITLE = "Certification C2i2e — campagne 2017"
JURY = (JuryLine("J1", ("Benoît Œhlenschläger", "Zoé Mäkelä-Garçon")),)


def lines(count: int) -> tuple[AttendanceLine, ...]:
    return tuple(
        AttendanceLine(f"{8 + i // 4:02d}:{i % 4 * 15:02d}", f"Nom{i:02d}", "Prénom", f"ID-{i:03d}")
        for i in range(count)
    )


def texts(pdf: bytes) -> list[str]:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [page.get_text() for page in doc]


@pytest.mark.parametrize("count", [1, 12, 13, 14, 15, 16, 30, 45])
def test_every_candidate_once_above_the_footer_and_the_jurors_last(count):
    pdf = render_attendance(TITLE, "Salle B112", [AttendanceDay(date(2017, 6, 12), JURY, lines(count))])
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        assert doc.page_count == page_count([AttendanceDay(date(2017, 6, 12), JURY, lines(count))])
        found = []
        for number, page in enumerate(doc, start=1):
            footer = page.search_for("Feuille d'émargement — Salle B112 — 12/06/2017")
            assert len(footer) == 1 and page.search_for(f"Page {number}/{doc.page_count}")
            for i in range(count):
                for rect in page.search_for(f"ID-{i:03d}"):
                    assert rect.y1 < footer[0].y0
                    found.append(i)
        assert found == list(range(count))
        blocks = [n for n, page in enumerate(doc) if page.search_for("Signatures des membres du jury")]
        assert blocks == [doc.page_count - 1]


def test_each_day_starts_its_own_page():
    days = [
        AttendanceDay(date(2017, 6, 12), JURY, lines(3)),
        AttendanceDay(date(2017, 6, 13), JURY, lines(2)),
        AttendanceDay(None, (), lines(1)),
    ]
    first, second, third = texts(render_attendance(TITLE, "Salle B112", days))
    assert "lundi 12 juin 2017" in first and "ID-002" in first
    assert "mardi 13 juin 2017" in second and "ID-002" not in second and "Page 2/3" in second
    assert "Salle B112 — date non fixée" in third and "Jury non attribué" in third


def test_long_names_wrap_whole_and_missing_letters_fall_back_to_their_base():
    line = AttendanceLine(
        "10:00",
        "de La Fontaine-Montmorency d'Aubigné",
        "Marie-Élisabeth-Joséphine",
        "C1",
        33,
        "Non admis à l'oral : dossier non déposé",
    )
    other = AttendanceLine("10:45", "Dvořák", "Ĳsbrand", "C2")
    (text,) = texts(
        render_attendance(TITLE, "Salle 2ᵉ étage", [AttendanceDay(date(2017, 6, 12), JURY, (line, other))])
    )
    assert "DE LA FONTAINE-\nMONTMORENCY\nD'AUBIGNÉ" in text and "…" not in text
    assert "Marie-Élisabeth-\nJoséphine" in text
    assert "+33 %" in text and "dossier non déposé" in text
    # issue 13: DejaVu Sans has these letters (Vera printed DVORÁK, IJsbrand, Salle 2e étage)
    assert "DVOŘÁK" in text and "Ĳsbrand" in text and "Salle 2ᵉ étage" in text


def test_the_same_lines_give_the_same_bytes():
    days = [AttendanceDay(date(2017, 6, 12), JURY, lines(20))]
    made = datetime(2017, 6, 1, 9, 30, tzinfo=UTC)  # issue 13: a real creation date, no longer 1 January 2000
    assert render_attendance(TITLE, "B112", days, created=made) == render_attendance(
        TITLE, "B112", days, created=made
    )
