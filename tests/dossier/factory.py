"""Realistic candidate dossiers for the tests and the benchmark, written with PyMuPDF into a folder of the caller.

A dossier looks like one a candidate exports from Word or LibreOffice (see docs/FORMATS.md §6): a cover
page, a "Sommaire", an introduction, Parts 1-4 with item codes cited in the text, a reflective conclusion, a
footer "Nom Prénom — C2i2e 2017 — page n / N", embedded TrueType fonts, optionally JPEG screenshots. Every
departure from the rules the checks look for is one field of :class:`DossierSpec`, and :func:`build_dossier`
returns where it put things (:class:`Layout`) so that tests assert against what was written, not against
numbers copied by hand.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf
import reportlab

from c2i2e_jury.resources_access import referential

FONTS = Path(reportlab.__file__).parent / "fonts"
A4 = (595.0, 842.0)
MARGIN = 62.0
BODY_SIZE = 11.0
LINE_GAP = 15.0
TEXT_BOTTOM = A4[1] - MARGIN - 20  # where a full page's text ends, above the footer

FILLER_2 = (
    "Avec le recul, je mesure ce que l'usage du numérique a changé dans ma pratique : la préparation est plus "
    "longue, mais le suivi des apprentissages est plus fin. Les élèves les plus fragiles ont gagné en autonomie, "
    "et la collaboration avec mes collègues s'est organisée autour d'un espace partagé sur l'ENT."
)
FILLER = (
    "Cette séquence a été conçue pour une classe de CM2 de vingt-six élèves ; l'Évaluation formative y tient "
    "une place centrale et les élèves travaillent en binômes sur l'environnement numérique de travail de l'école. "
    "J'ai choisi un questionnaire en ligne afin que chaque élève reçoive un retour immédiat, puis nous avons "
    "mis en commun les réponses au tableau numérique. Le choix de l'outil répond à une contrainte "
    "d'organisation : la salle informatique n'est disponible qu'une heure par semaine. L'analyse des traces "
    "laissées par les élèves m'a permis d'ajuster la séance suivante et de différencier les consignes."
)


@dataclass
class DossierSpec:
    """What to write; the defaults give a conform 14-page dossier."""

    pages: int = 14
    last_name: str = "Dupont"
    first_name: str = "Élodie"
    academic_year: str = "2016-2017"
    campaign_year: int = 2017
    name_on_cover: bool = True
    year_on_cover: bool = True
    numbered: bool = True
    number_format: str = "{first} {last} — C2i2e {year} — page {n} / {total}"
    number_offset: int = 0  # -1: numbering restarts after the cover, page 2 shows "1"
    sommaire: bool = True
    introduction: bool = True
    parts: tuple[int, ...] = (1, 2, 3, 4)
    conclusion_pages: int = 2  # each a full page of text
    conclusion_heading_at_bottom: bool = False  # the heading on the last line of a page of Part 4's text
    conclusion_last_fill: float = 1.0  # how full the conclusion's last page is (0.5: half a page)
    annex_pages: int = 0
    images_per_page: int = 0
    outline: bool = False
    heading_style: str = "Partie {n} — {title}"
    seed: int = 7


@dataclass
class Layout:
    """Where build_dossier put things, 1-based page numbers."""

    pages: int
    part_starts: dict[int, int] = field(default_factory=dict)
    introduction: int | None = None
    conclusion: int | None = None
    annex: int | None = None
    cited_on: dict[str, list[int]] = field(default_factory=dict)


def build_dossier(path: Path, spec: DossierSpec | None = None, **changes: object) -> Layout:
    """Write a dossier PDF at ``path``; ``changes`` override fields of ``spec`` (or of the default spec)."""
    spec = spec or DossierSpec()
    for key, value in changes.items():
        if not hasattr(spec, key):
            raise AttributeError(key)
        setattr(spec, key, value)
    plan = _plan(spec)
    doc = pymupdf.open()
    writer = _Writer(doc, spec)
    toc: list[list[object]] = []
    for number, (kind, arg) in enumerate(plan, start=1):
        page = writer.new_page()
        _fill(writer, page, spec, kind, arg, plan)
        if _starts_section(kind, arg):
            toc.append([1, _title(spec, kind, arg), number])
        if number > 1 and spec.numbered:
            writer.footer(
                page,
                spec.number_format.format(
                    first=spec.first_name,
                    last=spec.last_name.upper(),
                    year=spec.campaign_year,
                    n=number + spec.number_offset,
                    total=len(plan) + spec.number_offset,
                ),
            )
        writer.finish_page()
    if spec.outline:
        doc.set_toc(toc)
    doc.set_metadata({"producer": "LibreOffice 5.2", "creator": "Writer", "title": "Dossier C2i2e"})
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    return _layout(spec, plan)


# -- planning: which page holds what ---------------------------------------------------------------------------

Plan = list[tuple[str, object]]


def _plan(spec: DossierSpec) -> Plan:
    plan: Plan = [("cover", None)]
    if spec.sommaire:
        plan.append(("sommaire", None))
    if spec.introduction:
        plan.append(("intro", None))
    body = spec.pages - len(plan) - spec.conclusion_pages - spec.annex_pages
    if body < len(spec.parts):
        raise ValueError(f"{spec.pages} pages are too few for this spec")
    share = [
        body // len(spec.parts) + (1 if i < body % len(spec.parts) else 0) for i in range(len(spec.parts))
    ]
    if not spec.parts:
        plan.extend(("filler", None) for _ in range(body))
    for part, count in zip(spec.parts, share, strict=True):
        plan.append(("part", part))
        plan.extend(("part", ("cont", part, i)) for i in range(1, count))
    for i in range(spec.conclusion_pages):
        plan.append(("conclusion", None if i == 0 else "cont"))
    for i in range(spec.annex_pages):
        plan.append(("annex", None if i == 0 else "cont"))
    return plan


def _layout(spec: DossierSpec, plan: Plan) -> Layout:
    layout = Layout(pages=len(plan))
    ref = referential()
    for number, (kind, arg) in enumerate(plan, start=1):
        if kind == "part" and isinstance(arg, int):
            layout.part_starts[arg] = number
        elif kind == "intro":
            layout.introduction = number
        elif kind == "conclusion" and arg is None:
            layout.conclusion = number
        elif kind == "annex" and arg is None:
            layout.annex = number
        for code in _codes_on(plan, number - 1):
            layout.cited_on.setdefault(code, []).append(number)
    for code in ref.codes:
        layout.cited_on.setdefault(code, [])
    return layout


def _part_pages(plan: Plan, part: int) -> list[int]:
    return [
        i
        for i, (kind, arg) in enumerate(plan)
        if kind == "part" and (arg == part or (isinstance(arg, tuple) and arg[1] == part))
    ]


def _codes_on(plan: Plan, index: int) -> list[str]:
    """Item codes cited on page ``index`` (0-based): a part's items are spread over its pages."""
    kind, arg = plan[index]
    if kind != "part":
        return []
    part = arg if isinstance(arg, int) else arg[1]  # type: ignore[index]
    pages = _part_pages(plan, int(part))  # type: ignore[arg-type]
    items = [item.code for item in referential().items_of_part(int(part))]  # type: ignore[arg-type]
    slot = pages.index(index)
    return [code for i, code in enumerate(items) if i % len(pages) == slot]


def _starts_section(kind: str, arg: object) -> bool:
    return kind in ("intro", "part", "conclusion", "annex") and (arg is None or isinstance(arg, int))


def _title(spec: DossierSpec, kind: str, arg: object) -> str:
    if kind == "intro":
        return "Introduction"
    if kind == "conclusion":
        return "Conclusion : bilan réflexif"
    if kind == "annex":
        return "Annexes"
    number = int(arg)  # type: ignore[call-overload]
    return spec.heading_style.format(n=number, title=referential().part(number).title)


# -- drawing -------------------------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, doc: pymupdf.Document, spec: DossierSpec) -> None:
        self.doc = doc
        self.spec = spec
        self.rnd = random.Random(spec.seed)
        self.regular = (FONTS / "Vera.ttf").read_bytes()
        self.bold = (FONTS / "VeraBd.ttf").read_bytes()
        self.y = MARGIN
        self.shots = 0
        self.shape: pymupdf.Shape | None = None

    def new_page(self) -> pymupdf.Page:
        page = self.doc.new_page(width=A4[0], height=A4[1])
        page.insert_font(fontname="vera", fontbuffer=self.regular)
        page.insert_font(fontname="verabd", fontbuffer=self.bold)
        self.y = MARGIN + 20
        self.shape = page.new_shape()  # one shape per page: insert_text on the page would make one per line
        return page

    def finish_page(self) -> None:
        assert self.shape is not None
        self.shape.commit()
        self.shape = None

    def line(
        self, page: pymupdf.Page, text: str, size: float = BODY_SIZE, bold: bool = False, x: float = MARGIN
    ) -> None:
        assert self.shape is not None
        self.shape.insert_text((x, self.y), text, fontname="verabd" if bold else "vera", fontsize=size)
        self.y += max(LINE_GAP, size * 1.4)

    def paragraph(self, page: pymupdf.Page, text: str, size: float = BODY_SIZE, bold: bool = False) -> None:
        width = int((A4[0] - 2 * MARGIN) / (size * (0.62 if bold else 0.56)))
        current = ""
        for word in text.split():
            if current and len(current) + len(word) + 1 > width:
                self.line(page, current, size=size, bold=bold)
                current = word
            else:
                current = f"{current} {word}".strip()
        if current:
            self.line(page, current, size=size, bold=bold)
        self.y += 6

    def heading(self, page: pymupdf.Page, text: str, size: float = 16) -> None:
        self.y += 6
        self.paragraph(page, text, size=size, bold=True)

    def screenshot(self, page: pymupdf.Page) -> None:
        height = 200.0
        rect = pymupdf.Rect(MARGIN, self.y, A4[0] - MARGIN, self.y + height)
        page.insert_image(rect, stream=_screenshot_jpeg(self.rnd.randrange(1 << 30)), keep_proportion=True)
        self.y += height + 8
        self.shots += 1
        self.line(page, f"Figure {self.shots} : capture d'écran de l'ENT pendant la séance.", size=9)

    def footer(self, page: pymupdf.Page, text: str) -> None:
        assert self.shape is not None
        self.shape.insert_text((MARGIN, A4[1] - 36), text, fontname="vera", fontsize=9)


def _fill(w: _Writer, page: pymupdf.Page, spec: DossierSpec, kind: str, arg: object, plan: Plan) -> None:
    index = page.number
    assert index is not None
    if kind == "cover":
        _cover(w, page, spec)
        return
    if kind == "sommaire":
        w.heading(page, "Sommaire", size=18)
        for number, (k, a) in enumerate(plan, start=1):
            if _starts_section(k, a):
                title = _title(spec, k, a)
                title = title if len(title) < 55 else title[:52] + "…"
                w.line(page, f"{title} {'.' * max(3, 70 - len(title))} {number}")
        return
    if kind == "conclusion":
        _conclusion(w, page, spec, first=arg is None, last=index + 1 == _last_of(plan, "conclusion"))
        return
    if _starts_section(kind, arg):
        w.heading(page, _title(spec, kind, arg))
    codes = _codes_on(plan, index)
    if codes:
        w.paragraph(page, f"Compétences mobilisées : {', '.join(codes)}.")
    for _ in range(spec.images_per_page if kind == "part" else 0):
        w.screenshot(page)
    for i in range(4 if spec.images_per_page == 0 else 1):
        w.paragraph(page, FILLER if i % 2 == 0 else FILLER_2)
        if codes and i == 1:
            w.paragraph(page, f"Cette activité relève de l'item {codes[0]} du référentiel.")


def _last_of(plan: Plan, kind: str) -> int:
    return max(number for number, (k, _) in enumerate(plan, start=1) if k == kind)


def _conclusion(w: _Writer, page: pymupdf.Page, spec: DossierSpec, *, first: bool, last: bool) -> None:
    """A conclusion page is a full page of text, as a candidate writes it; the last one ``conclusion_last_fill``
    full; the first one, with ``conclusion_heading_at_bottom``, Part 4's text and the heading on its last line."""
    if first and spec.conclusion_heading_at_bottom:
        _prose(w, page, TEXT_BOTTOM - 2 * LINE_GAP)
        w.line(page, _title(spec, "conclusion", None), size=13, bold=True)
        return
    if first:
        w.heading(page, _title(spec, "conclusion", None))
    top = w.y
    _prose(w, page, top + (TEXT_BOTTOM - top) * (spec.conclusion_last_fill if last else 1.0))


def _prose(w: _Writer, page: pymupdf.Page, bottom: float) -> None:
    """Body text, line after line, down to ``bottom``."""
    words = " ".join([FILLER_2, FILLER] * 8).split()
    width = int((A4[0] - 2 * MARGIN) / (BODY_SIZE * 0.56))
    current = ""
    while w.y + LINE_GAP <= bottom and words:
        word = words.pop(0)
        if current and len(current) + len(word) + 1 > width:
            w.line(page, current)
            current = ""
        current = f"{current} {word}".strip()
    if current and w.y <= bottom:
        w.line(page, current)


def _cover(w: _Writer, page: pymupdf.Page, spec: DossierSpec) -> None:
    w.y = 220
    w.line(page, "Dossier de compétences C2i2e", size=24, bold=True, x=120)
    w.y += 30
    if spec.name_on_cover:
        w.line(page, f"{spec.first_name} {spec.last_name.upper()}", size=16, x=200)
    w.line(page, "Master MEEF — Professorat des écoles", size=12, x=170)
    w.line(page, "Espé de l'académie de Grenoble", size=12, x=190)
    if spec.year_on_cover:
        w.y += 20
        w.line(page, f"Année universitaire {spec.academic_year}", size=12, x=190)


def _screenshot_jpeg(seed: int, width: int = 1200, height: int = 800) -> bytes:
    """A synthetic software window with a little noise, so that it compresses like a real screenshot."""
    from PIL import Image, ImageDraw

    rnd = random.Random(seed)
    base = Image.new("RGB", (width, height), (236, 239, 243))
    draw = ImageDraw.Draw(base)
    draw.rectangle((0, 0, width, 40), fill=(40, 80, 140))
    for _ in range(24):
        x, y = rnd.randrange(20, width - 300), rnd.randrange(60, height - 80)
        colour = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        draw.rectangle((x, y, x + rnd.randrange(60, 300), y + rnd.randrange(10, 80)), fill=colour)
    for y in range(70, height, 26):
        draw.line((30, y, rnd.randrange(200, width - 30), y), fill=(70, 70, 70), width=2)
    tile = Image.frombytes("L", (300, 200), rnd.randbytes(300 * 200)).convert("RGB")
    noise = Image.new("RGB", (width, height))
    for x in range(0, width, 300):
        for y in range(0, height, 200):
            noise.paste(tile, (x, y))
    out = io.BytesIO()
    Image.blend(base, noise, 0.02).save(out, "JPEG", quality=60)
    return out.getvalue()


def write_pages(path: Path, pages: list[list[str]], size: float = BODY_SIZE) -> None:
    """A plain PDF: each inner list is a page, each string a line of body text (embedded Vera font)."""
    doc = pymupdf.open()
    regular = (FONTS / "Vera.ttf").read_bytes()
    for lines in pages:
        page = doc.new_page(width=A4[0], height=A4[1])
        page.insert_font(fontname="vera", fontbuffer=regular)
        shape = page.new_shape()
        for i, text in enumerate(lines):
            shape.insert_text(
                (MARGIN, MARGIN + 40 + i * LINE_GAP * 1.5), text, fontname="vera", fontsize=size
            )
        shape.commit()
    doc.save(path, garbage=3, deflate=True)
    doc.close()
