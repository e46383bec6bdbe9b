"""The fonts every PDF of the program embeds, and what to print when a name holds a letter they lack.

Bitstream Vera ships with reportlab (found through ``rl_config.TTFSearchPath``) and is embedded as TrueType, so
that accents print everywhere and copy back as text. A name from elsewhere (Vietnamese, Polish, Romanian…) may
hold a letter Vera has no glyph for: :func:`printable` folds it to its base letters rather than let the page show
an empty box, and the readers of our documents fold their expectations the same way, so that what the pages
say is what a program reads back.
"""

from __future__ import annotations

import unicodedata
from functools import cache

FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC = "C2i2e-Sans", "C2i2e-Sans-Bold", "C2i2e-Sans-It", "C2i2e-Sans-BdIt"
_VERA = {FONT: "Vera.ttf", FONT_BOLD: "VeraBd.ttf", FONT_ITALIC: "VeraIt.ttf", FONT_BOLD_ITALIC: "VeraBI.ttf"}


@cache
def register_fonts() -> None:
    """Register Vera as embedded TTF under our names, with bold and italic mapped for reportlab's paragraphs."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in _VERA.items():
        pdfmetrics.registerFont(TTFont(name, file))
    for bold, italic, name in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT_ITALIC), (1, 1, FONT_BOLD_ITALIC)):
        addMapping(FONT, bold, italic, name)


@cache
def _glyphs(font: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def printable(text: str, font: str = FONT) -> str:
    """``text`` as ``font`` can print it: a letter it lacks becomes its base letters (``ễ`` → ``e``, ``ř`` →
    ``r``, ``ᵉ`` → ``e``) or ``?``, never an empty box: a name on paper must never lose a letter silently."""
    glyphs = _glyphs(font)
    if all(ord(ch) in glyphs for ch in text):
        return text
    out = []
    for ch in text:
        if ord(ch) in glyphs:
            out.append(ch)
            continue
        base = "".join(b for b in unicodedata.normalize("NFKD", ch)
                       if ord(b) in glyphs and not unicodedata.combining(b))
        out.append(base or "?")
    return "".join(out)
