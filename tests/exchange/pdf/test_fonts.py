"""The one fallback for letters the embedded font lacks, which every PDF we write uses (it was written twice,
in the result sheet and in the attendance sheet): what the font has is kept, the rest folded to base letters."""

from __future__ import annotations

from c2i2e_jury.exchange.pdf.fonts import printable


def test_printable_keeps_what_the_font_has_and_folds_the_rest():
    assert printable("Lefèvre-Dupré « Œuvre » — Zoé") == "Lefèvre-Dupré « Œuvre » — Zoé"
    assert printable("NGUYỄN Thị Ánh") == "NGUYEN Thi Ánh"
    assert printable("Łukasz Wróbel, Ștefan, Kőrösi") == "Łukasz Wróbel, Stefan, Korösi"


def test_printable_keeps_what_the_font_has():
    assert printable("Œhlenschläger « Zoé » — 12 €") == "Œhlenschläger « Zoé » — 12 €"
    assert printable("Dvořák 2ᵉ 東") == "Dvorák 2e ?"
