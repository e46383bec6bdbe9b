"""Text extraction (once per page, lines with sizes and boxes) and the folding used to compare text."""

from __future__ import annotations

from pathlib import Path

import pytest

from c2i2e_jury.dossier.document import open_dossier
from c2i2e_jury.dossier.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("PARTIE 1 — Enseignement", "partie 1 - enseignement"),
        ("Bilan  Réflexif\u00a0:", "bilan reflexif :"),
        ("œuvre ﬁnale", "oeuvre finale"),
        ("l’élève", "l'eleve"),
        ("2ᵉ partie", "2e partie"),
        ("  Ça\tva\n", "ca va"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_lines_keep_sizes_boldness_and_a_box_per_character(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf) as dossier:
        text = dossier.text()
        assert dossier.text() is text, "extracted once"
    cover = text.page(1)
    title = cover.lines[0]
    assert title.text == "Dossier de compétences C2i2e"
    assert title.bold
    assert title.size == pytest.approx(24)
    assert text.body_size == pytest.approx(11)
    for line in cover.lines:
        assert len(line.char_boxes) == len(line.text)
    footer = text.page(2).lines[-1]
    assert footer.text == "Élodie DUPONT — C2i2e 2017 — page 2 / 14"
    assert text.page(2).in_band(footer)
    heading = text.page(2).lines[0]
    assert heading.text == "Sommaire"
    assert not text.page(2).in_band(heading, band=0.07), "a heading on the first line is not a running title"
    assert (cover.width, cover.height) == pytest.approx((595, 842))
