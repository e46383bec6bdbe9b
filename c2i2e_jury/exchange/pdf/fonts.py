"""The fonts every PDF of the program embeds, and what to print when a name holds a letter they lack.

DejaVu Sans (shipped in ``resources/fonts/`` with its licence) is embedded as TrueType, so that every letter of
Latin Extended-A and -B and of Vietnamese prints as it is written in the package (« Wałęsa », « Nguyễn »,
« Ștefan ») and copies back as text. A letter DejaVu has no glyph for (a Chinese name) is folded by
:func:`printable` to its base letters, or ``?``, rather than left as an empty box, and the readers of our
documents fold their expectations the same way, so that what the pages say is what a program reads back.
"""

from __future__ import annotations

import unicodedata
from functools import cache

FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC = (
    "C2i2e-Sans",
    "C2i2e-Sans-Bold",
    "C2i2e-Sans-It",
    "C2i2e-Sans-BdIt",
)
FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


@cache
def register_fonts() -> None:
    """Register DejaVu Sans as embedded TTF under our names, with bold and italic mapped for reportlab's
    paragraphs. The files are read from the package's resources (a checkout, a wheel, a frozen build alike)."""
    from importlib.resources import as_file

    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from c2i2e_jury.resources_access import resource

    for name, file in FILES.items():
        with as_file(resource("fonts", file)) as path:  # TTFont reads the whole file here
            pdfmetrics.registerFont(TTFont(name, str(path)))
    for bold, italic, name in (
        (0, 0, FONT),
        (1, 0, FONT_BOLD),
        (0, 1, FONT_ITALIC),
        (1, 1, FONT_BOLD_ITALIC),
    ):
        addMapping(FONT, bold, italic, name)


@cache
def _glyphs(font: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def printable(text: str, font: str = FONT) -> str:
    """``text`` as ``font`` can print it: a letter it lacks becomes its base letters or ``?``, never an empty
    box: a name on paper must never lose a letter silently."""
    glyphs = _glyphs(font)
    if all(ord(ch) in glyphs for ch in text):
        return text
    out = []
    for ch in text:
        if ord(ch) in glyphs:
            out.append(ch)
            continue
        base = "".join(
            b for b in unicodedata.normalize("NFKD", ch) if ord(b) in glyphs and not unicodedata.combining(b)
        )
        out.append(base or "?")
    return "".join(out)
