"""The one fallback for letters the embedded font lacks, which every PDF we write uses (it was written twice,
in the result sheet and in the attendance sheet): what the font has is kept, the rest folded to base letters.

Issue 13: the embedded font is DejaVu Sans, which has every letter of Latin Extended-A and -B and of Vietnamese:
« Nguyễn », « Wałęsa », « Ștefan » print as written (with Bitstream Vera they were folded to NGUYEN, Stefan…);
only what DejaVu has no glyph for (a Chinese name) is still folded."""

from __future__ import annotations

from c2i2e_jury.exchange.pdf.fonts import FONT, FONT_BOLD, FONT_BOLD_ITALIC, FONT_ITALIC, _glyphs, printable


def test_printable_keeps_what_the_font_has_and_folds_the_rest():
    assert printable("Lefèvre-Dupré « Œuvre » — Zoé") == "Lefèvre-Dupré « Œuvre » — Zoé"
    assert printable("NGUYỄN Thị Ánh") == "NGUYỄN Thị Ánh"
    assert printable("Łukasz Wróbel, Ștefan, Kőrösi") == "Łukasz Wróbel, Ștefan, Kőrösi"


def test_printable_keeps_what_the_font_has():
    assert printable("Œhlenschläger « Zoé » — 12 €") == "Œhlenschläger « Zoé » — 12 €"
    assert printable("Dvořák 2ᵉ 東") == "Dvořák 2ᵉ ?"


def test_every_style_covers_latin_extended_and_vietnamese():
    vietnamese = "ĂăÂâĐđÊêÔôƠơƯư" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
    wanted = {ord(c) for c in vietnamese} | set(range(0x0100, 0x0250))  # Latin Extended-A and -B
    for font in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        assert wanted <= _glyphs(font), font
