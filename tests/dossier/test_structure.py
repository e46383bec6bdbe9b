"""Finding headings the way a reader does: over text built line by line, as the extraction gives it."""

from __future__ import annotations

import pytest

from c2i2e_jury.dossier.structure import find_structure, part_number
from c2i2e_jury.dossier.text import DossierText, Line, PageText, Rect, Span, fold

HEIGHT = 842.0


def line(text: str, size: float = 11.0, bold: bool = False, y: float = 100.0) -> Line:
    box = Rect(60.0, y, 60.0 + 6 * len(text), y + size * 1.2)
    return Line(
        text,
        box,
        (Span(text, box, size, "Vera-Bold" if bold else "Vera", bold),),
        tuple((60.0 + 6 * i, y, 66.0 + 6 * i, y + size) for i in range(len(text))),
    )


def page(number: int, *lines: Line | str) -> PageText:
    built = []
    for i, item in enumerate(lines):
        built.append(line(item, y=100.0 + 20 * i) if isinstance(item, str) else item)
    return PageText(number, 595.0, HEIGHT, tuple(built))


BODY = "Cette séance a permis aux élèves de travailler en groupe sur le tableur."


def dossier(*pages: PageText) -> DossierText:
    return DossierText(tuple(pages))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Partie 1 — Enseignement", 1),
        ("PARTIE 2 :", 2),
        ("partie 3", 3),
        ("Partie IV – Responsabilité", 4),
        ("Partie II", 2),
        ("Partie n°3", 3),
        ("1ère partie", 1),
        ("Deuxième partie : veille", 2),
        ("2ᵉ partie", 2),
        ("Partie1", 1),
        ("Partie 5", None),
        ("Partie importante du travail", None),
        ("Partie 12", None),
        ("Cette partie 1", None),
    ],
)
def test_part_headings(text: str, number: int | None) -> None:
    assert part_number(fold(text)) == number


def test_table_of_contents_is_not_where_parts_begin() -> None:
    text = dossier(
        page(1, "Dossier de compétences C2i2e", "Élodie DUPONT"),
        page(
            2,
            line("Sommaire", 18, True),
            "Introduction ........ 3",
            "Partie 1 — Enseignement ........ 4",
            "Partie 2 — Veille ........ 5",
            "Conclusion ........ 6",
        ),
        page(3, line("Introduction", 16, True), BODY),
        page(4, line("Partie 1 — Enseignement", 16, True), BODY),
        page(5, line("Partie 2 — Veille", 16, True), BODY),
        page(6, line("Conclusion", 16, True), BODY),
    )
    structure = find_structure(text)
    assert structure.toc_pages == (2,)
    assert structure.introduction is not None
    assert structure.introduction.page == 3
    assert (structure.part_start(1), structure.part_start(2), structure.part_start(3)) == (4, 5, None)
    assert structure.conclusion is not None
    assert structure.conclusion.page == 6


def test_toc_entries_with_dot_leaders_are_ignored_even_without_a_sommaire_title() -> None:
    text = dossier(
        page(1, "Plan", "Introduction ........ 2", "Partie 1 ...... 3", "Partie 2 ...... 3"),
        page(2, "Introduction", BODY),
        page(3, "Partie 1", BODY, "Partie 2", BODY),
    )
    structure = find_structure(text)
    assert structure.introduction is not None
    assert structure.introduction.page == 2
    assert structure.part_start(2) == 3


def test_a_styled_heading_wins_over_a_sentence_starting_with_the_word() -> None:
    text = dossier(
        page(1, "Élodie DUPONT"),
        page(
            2,
            "Introduction des tablettes dans la classe : les élèves ont découvert l'outil avec plaisir, "
            "et la séance a duré une heure entière.",
        ),
        page(3, line("INTRODUCTION", 11, bold=True), BODY),
    )
    structure = find_structure(text)
    assert structure.introduction is not None
    assert structure.introduction.page == 3
    assert structure.introduction.text == "INTRODUCTION"


def test_a_short_plain_line_beats_a_long_sentence() -> None:
    text = dossier(
        page(1, BODY),
        page(
            2,
            "Conclusion : cette séance a montré que les élèves ont besoin de repères clairs pour travailler "
            "seuls sur le tableur.",
        ),
        page(3, BODY),
        page(4, "Conclusion", BODY),
    )
    structure = find_structure(text)
    assert structure.conclusion is not None
    assert structure.conclusion.page == 4


def test_the_conclusion_is_the_one_after_the_parts() -> None:
    """A part may end with its own "Conclusion" sub-heading; the dossier's conclusion comes after Part 4."""
    text = dossier(
        page(1, BODY),
        page(2, line("Partie 3", 16, True), BODY, line("Conclusion de la partie", 13, True), BODY),
        page(3, line("Partie 4", 16, True), BODY),
        page(4, line("Conclusion générale", 16, True), BODY),
        page(5, BODY),
    )
    structure = find_structure(text)
    assert structure.conclusion is not None
    assert structure.conclusion.page == 4


def test_running_titles_in_the_header_band_do_not_hide_the_real_heading() -> None:
    header = line("Partie 2 — Veille", 9, y=30.0)
    text = dossier(
        page(1, BODY),
        page(2, header, line("Partie 2 — Veille", 10, y=300.0), BODY),
        page(3, header, BODY),
    )
    structure = find_structure(text)
    heading = structure.parts[2]
    assert heading is not None
    assert heading.page == 2
    assert heading.bbox is not None
    assert heading.bbox.y0 == 300.0


def test_bilan_reflexif_is_a_conclusion_and_annexes_end_it() -> None:
    text = dossier(
        page(1, BODY),
        page(2, line("Partie 4", 16, True), BODY),
        page(3, line("Bilan réflexif", 16, True), BODY),
        page(4, BODY),
        page(5, line("Annexes", 16, True), BODY),
    )
    structure = find_structure(text)
    assert structure.conclusion is not None
    assert structure.end_matter is not None
    assert (structure.conclusion.page, structure.end_matter.page) == (3, 5)


def test_the_outline_is_preferred_when_it_names_the_headings() -> None:
    text = dossier(page(1, BODY), page(2, "Partie 1 du projet", BODY), page(3, BODY), page(4, BODY))
    outline = [
        (1, "Introduction", 1),
        (1, "Partie 1 : Enseignement", 3),
        (2, "Partie 1 en détail", 4),
        (1, "Broken link", None),
    ]
    structure = find_structure(text, outline)
    heading = structure.parts[1]
    assert heading is not None
    assert (heading.page, heading.source) == (3, "outline")
    assert structure.introduction is not None
    assert structure.introduction.page == 1


def test_an_empty_dossier_has_no_headings() -> None:
    structure = find_structure(dossier(page(1), page(2)))
    assert structure.introduction is None
    assert all(heading is None for heading in structure.parts.values())
    assert structure.conclusion is None
