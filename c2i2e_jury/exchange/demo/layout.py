"""Page furniture for the demo PDFs: fonts, styles, the cover, the table of contents, the footer, figures, and
the placing of blocks on a page whose content was cut to fit beforehand.

Kept apart from :mod:`.dossier` (what a dossier says) so that the slides can share it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from c2i2e_jury.exchange.demo.screens import BASE_SIZE, screenshot_jpeg

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 68.0, 64.0, 72.0
BODY_W = PAGE_W - 2 * MARGIN_X
BODY_HEIGHT = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
FIGURE_W = 330.0
_FONTS = {
    "Vera": "Vera.ttf",
    "Vera-Bold": "VeraBd.ttf",
    "Vera-Italic": "VeraIt.ttf",
    "Vera-BoldItalic": "VeraBI.ttf",
}
_GREY = colors.HexColor("#555555")
_BLUE = colors.HexColor("#1f4e8c")

STYLES = {
    "body": ParagraphStyle(
        "body", fontName="Vera", fontSize=10.5, leading=14.5, alignment=TA_JUSTIFY, spaceAfter=7
    ),
    "h1": ParagraphStyle("h1", fontName="Vera-Bold", fontSize=16, leading=20, textColor=_BLUE, spaceAfter=14),
    "h2": ParagraphStyle(
        "h2", fontName="Vera-Bold", fontSize=12, leading=15, textColor=_BLUE, spaceBefore=6, spaceAfter=6
    ),
    "competences": ParagraphStyle(
        "competences", fontName="Vera-Italic", fontSize=10, leading=13, spaceBefore=4
    ),
    "caption": ParagraphStyle(
        "caption", fontName="Vera-Italic", fontSize=8.5, leading=11, alignment=TA_CENTER, textColor=_GREY
    ),
    "signature": ParagraphStyle(
        "signature", fontName="Vera-Italic", fontSize=10.5, leading=14, spaceBefore=24
    ),
    "cell": ParagraphStyle("cell", fontName="Vera", fontSize=9, leading=11),
}
_NBSP = {" :": "\u00a0:", " ;": "\u00a0;", " ?": "\u00a0?", " !": "\u00a0!", "« ": "«\u00a0", " »": "\u00a0»"}


def register_fonts() -> None:
    """Register Bitstream Vera (shipped with reportlab) as embedded TrueType, once per process."""
    if "Vera-BoldItalic" in pdfmetrics.getRegisteredFontNames():
        return
    for name, filename in _FONTS.items():
        pdfmetrics.registerFont(TTFont(name, filename))
    pdfmetrics.registerFontFamily(
        "Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic", boldItalic="Vera-BoldItalic"
    )


@contextmanager
def reportlab_settings() -> Iterator[None]:
    """JPEGs embedded as they are: without ASCII85 (reportlab's default), which would weigh them 25 % more."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def new_canvas(path: Path, size: tuple[float, float], *, title: str, author: str, year: int) -> Canvas:
    """A canvas that writes the same bytes every time: invariant mode (fixed document id), and a fixed creation
    date in the deposit week instead of reportlab's invariant 2000-01-01."""
    canvas = Canvas(str(path), pagesize=size, invariant=1, pageCompression=1)
    stamp = f"D:{year:04d}0512183000+02'00'"
    canvas.setDateFormatter(lambda *_: stamp)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("Writer")
    return canvas


def escape(text: str) -> str:
    """Paragraph markup for plain text, with French non-breaking spaces before : ; ? ! and inside « »."""
    text = xml_escape(text)
    for plain, fixed in _NBSP.items():
        text = text.replace(plain, fixed)
    return text


def height(blocks: Sequence[Flowable]) -> float:
    total = 0.0
    for block in blocks:
        _, h = block.wrap(BODY_W, BODY_HEIGHT)
        total += h + block.getSpaceBefore() + block.getSpaceAfter()
    return total


def fill(room: float, blocks: Sequence[Flowable], texts: Sequence[str]) -> list[Flowable]:
    """The blocks, then paragraphs of the texts, in order, as long as they fit in ``room`` points."""
    kept: list[Flowable] = []
    used = 0.0
    for block in [*blocks, *(Paragraph(escape(t), STYLES["body"]) for t in texts)]:
        used += height([block])
        if used > room:
            break
        kept.append(block)
    return kept


def interleave(paragraphs: list[Flowable], figures: list[Flowable]) -> list[Flowable]:
    """Text, figure, text, figure, text: as a writer places screenshots among the paragraphs that discuss them."""
    out: list[Flowable] = []
    groups = len(figures) + 1
    for g in range(groups):
        out += paragraphs[g * len(paragraphs) // groups : (g + 1) * len(paragraphs) // groups]
        if g < len(figures):
            out.append(figures[g])
    return out


def place(canvas: Canvas, blocks: Sequence[Flowable]) -> None:
    y = PAGE_H - MARGIN_TOP
    for block in blocks:
        w, h = block.wrap(BODY_W, BODY_HEIGHT)
        y -= block.getSpaceBefore()
        block.drawOn(canvas, MARGIN_X + (BODY_W - w) / 2, y - h)
        y -= h + block.getSpaceAfter()


class Figure(Flowable):  # type: ignore[misc]
    """A screenshot, drawn lazily (its JPEG is made when the page is drawn), with its caption below."""

    def __init__(self, kind: str, seed: int, scale: float, caption: str, width: float = FIGURE_W) -> None:
        super().__init__()
        self.kind, self.seed, self.scale = kind, seed, scale
        self.caption = Paragraph(escape(caption), STYLES["caption"])
        self.img_w, self.img_h = width, width * BASE_SIZE[1] / BASE_SIZE[0]
        self.spaceBefore, self.spaceAfter = 4, 10

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        _, self.cap_h = self.caption.wrap(self.img_w, avail_h)
        self.width, self.height = self.img_w, self.img_h + 5 + self.cap_h
        return self.width, self.height

    def draw(self) -> None:
        jpeg = screenshot_jpeg(self.kind, self.seed, self.scale)
        self.canv.drawImage(ImageReader(io.BytesIO(jpeg)), 0, self.cap_h + 5, self.img_w, self.img_h)
        self.canv.setStrokeColor(colors.HexColor("#999999"))
        self.canv.rect(0, self.cap_h + 5, self.img_w, self.img_h)
        self.caption.drawOn(self.canv, 0, 0)


class Captioned(Flowable):  # type: ignore[misc]
    """A table (or any flowable) with a caption below, kept together."""

    def __init__(self, inner: Flowable, caption: str) -> None:
        super().__init__()
        self.inner = inner
        self.caption = Paragraph(escape(caption), STYLES["caption"])
        self.spaceBefore, self.spaceAfter = 4, 10

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.inner_w, self.inner_h = self.inner.wrap(BODY_W, avail_h)
        _, self.cap_h = self.caption.wrap(BODY_W, avail_h)
        self.width, self.height = BODY_W, self.inner_h + 5 + self.cap_h
        return self.width, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, (self.width - self.inner_w) / 2, self.cap_h + 5)
        self.caption.drawOn(self.canv, 0, 0)


def footer(canvas: Canvas, text: str, page: tuple[int, int] | None) -> None:
    """The footer band: who and which campaign, and (unless the dossier is not paginated) "page n / N"."""
    if page is not None:
        text = f"{text} — page {page[0]} / {page[1]}"
    canvas.setFont("Vera", 8.5)
    canvas.setFillColor(_GREY)
    canvas.drawCentredString(PAGE_W / 2, 34, text)
    canvas.setStrokeColor(colors.HexColor("#bbbbbb"))
    canvas.line(MARGIN_X, 48, PAGE_W - MARGIN_X, 48)


def cover(canvas: Canvas, *, name: str | None, discipline: str, school: str, year: int) -> None:
    centre = PAGE_W / 2
    canvas.setFillColor(_GREY)
    canvas.setFont("Vera", 11)
    canvas.drawCentredString(centre, PAGE_H - 90, "École supérieure du professorat et de l'éducation")
    canvas.drawCentredString(centre, PAGE_H - 106, "Académie de Grenoble — Université Grenoble Alpes")
    canvas.setFillColor(_BLUE)
    canvas.setFont("Vera-Bold", 24)
    canvas.drawCentredString(centre, PAGE_H - 300, "Dossier de compétences C2i2e")
    canvas.setFont("Vera", 12)
    canvas.drawCentredString(
        centre, PAGE_H - 326, "Certificat informatique et internet de niveau 2 « enseignant »"
    )
    canvas.setStrokeColor(_BLUE)
    canvas.setLineWidth(1.5)
    canvas.line(centre - 150, PAGE_H - 345, centre + 150, PAGE_H - 345)
    canvas.setFillColor(colors.black)
    if name:
        canvas.setFont("Vera-Bold", 18)
        canvas.drawCentredString(centre, PAGE_H - 420, name)
    canvas.setFont("Vera", 12)
    canvas.drawCentredString(centre, PAGE_H - 450, f"Master MEEF — {discipline}")
    canvas.drawCentredString(centre, PAGE_H - 470, f"Stage {school}")
    canvas.setFont("Vera", 12)
    canvas.drawCentredString(centre, 150, f"Année universitaire {year - 1}-{year}")
    canvas.drawCentredString(centre, 130, f"Session de certification {year}")


def contents(canvas: Canvas, starts: dict[str, int]) -> None:
    """The "Sommaire": each heading, a dotted leader, its page."""
    canvas.setFillColor(_BLUE)
    canvas.setFont("Vera-Bold", 16)
    canvas.drawString(MARGIN_X, PAGE_H - MARGIN_TOP - 16, "Sommaire")
    canvas.setFillColor(colors.black)
    y = PAGE_H - MARGIN_TOP - 60
    for heading, page in starts.items():
        lines = _split(heading, BODY_W - 60)
        for i, line in enumerate(lines):
            canvas.setFont("Vera", 11)
            canvas.drawString(MARGIN_X + (0 if i == 0 else 14), y, line)
            if i == len(lines) - 1:
                start = MARGIN_X + (0 if i == 0 else 14) + pdfmetrics.stringWidth(line, "Vera", 11) + 6
                end = PAGE_W - MARGIN_X - 24
                dots = "." * max(0, int((end - start) / pdfmetrics.stringWidth(".", "Vera", 11)))
                canvas.drawString(start, y, dots)
                canvas.drawRightString(PAGE_W - MARGIN_X, y, str(page))
            y -= 16
        y -= 10


def _split(text: str, width: float) -> list[str]:
    return list(simpleSplit(text, "Vera", 11, width))


def slide_frame(canvas: Canvas, size: tuple[float, float], who: str, number: int, total: int) -> None:
    width, _ = size
    canvas.setFillColor(_BLUE)
    canvas.rect(0, 0, width, 6, stroke=0, fill=1)
    canvas.setFillColor(_GREY)
    canvas.setFont("Vera", 11)
    canvas.drawString(30, 18, who)
    canvas.drawRightString(width - 30, 18, f"{number} / {total}")


def slide_title(
    canvas: Canvas, size: tuple[float, float], title: str, subtitle: str, name: str, line: str
) -> None:
    width, height = size
    canvas.setFillColor(_BLUE)
    canvas.setFont("Vera-Bold", 36)
    canvas.drawCentredString(width / 2, height * 0.62, title)
    canvas.setFont("Vera", 22)
    canvas.drawCentredString(width / 2, height * 0.52, subtitle)
    canvas.setFillColor(colors.black)
    canvas.setFont("Vera-Bold", 20)
    canvas.drawCentredString(width / 2, height * 0.34, name)
    canvas.setFont("Vera", 16)
    canvas.drawCentredString(width / 2, height * 0.27, line)


_BULLET = ParagraphStyle(
    "bullet", fontName="Vera", fontSize=20, leading=26, leftIndent=24, bulletIndent=0, spaceAfter=14
)


def slide_body(
    canvas: Canvas, size: tuple[float, float], title: str, bullets: Sequence[str], figure: Figure | None
) -> None:
    width, height = size
    canvas.setFillColor(_BLUE)
    canvas.rect(0, height - 80, width, 80, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont("Vera-Bold", 30)
    canvas.drawString(40, height - 52, title)
    text_w = width - 80 - (440 if figure else 0)
    y = height - 120
    for bullet in bullets:
        para = Paragraph(escape(bullet), _BULLET, bulletText="•")
        _, h = para.wrap(text_w, height)
        para.drawOn(canvas, 40, y - h)
        y -= h + _BULLET.spaceAfter
    if figure:
        figure.wrap(figure.img_w, height)
        figure.drawOn(canvas, width - 40 - figure.img_w, 90)
