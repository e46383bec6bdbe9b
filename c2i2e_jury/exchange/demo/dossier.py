"""Demo dossiers and oral slides as PDF, laid out like the ones candidates export from Word or LibreOffice,
and following the conventions the format report checks (docs/FORMATS.md §6): cover, table of contents,
introduction, Parts 1-4 citing their item codes, screenshots, a conclusion of two pages, a footer "Nom Prénom
— C2i2e 2017 — page n / N".

Pages are planned one by one (not left to a text flow) so that a dossier has exactly the requested page count
and each item is cited on a known page. Text is set with reportlab paragraphs in Bitstream Vera, embedded as
TrueType so that accents, « », œ and — survive a round trip through text extraction. The same seed gives the
same bytes (reportlab's invariant mode: no dates, a fixed document id).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from c2i2e_jury.exchange.demo import layout as lay
from c2i2e_jury.exchange.demo import prose
from c2i2e_jury.exchange.demo.screens import CAPTIONS, KINDS
from c2i2e_jury.resources_access import referential

DEFECTS = ("short_conclusion", "no_page_numbers", "missing_part", "no_name")
_WEIGHTS = {1: 4.0, 2: 1.5, 3: 2.5, 4: 1.0}  # how the body pages are shared among the parts
_ROMAN = ("I", "II", "III", "IV")
_HEADING_FORMS = ("Partie {n} — {title}", "PARTIE {n} : {title}", "Partie {roman} – {title}")


@dataclass(frozen=True)
class _Page:
    section: str  # cover, contents, introduction, part, conclusion
    part: int = 0
    first: bool = False
    items: tuple[str, ...] = ()


def make_dossier(
    path: Path,
    *,
    last_name: str,
    first_name: str,
    year: int = 2017,
    pages: int = 14,
    screenshots: int = 2,
    seed: int,
    cited_items: Sequence[str] | None = None,
    conform: bool = True,
    defect: str | None = None,
    image_scale: float = 1.0,
    outline: bool = True,
) -> Path:
    """Write one demo dossier of exactly ``pages`` pages and return its path.

    ``screenshots`` is the number of screenshots on each page of Parts 1-4 (0-2); ``image_scale`` multiplies their
    pixel size (1.0: 720 x 450 px, about 55 KB each, so a page with two weighs about 110 KB and
    ``pages=20, screenshots=2`` about 1.9 MB; 1.4 roughly doubles that). ``cited_items`` limits the item codes
    cited (default: all 28, each in its part). A non-conform dossier has one ``defect`` among ``DEFECTS``
    (default ``short_conclusion``: a one-page conclusion).
    """
    if defect is not None and conform:
        raise ValueError("a dossier with a defect is not conform: pass conform=False")
    if not conform:
        defect = defect or "short_conclusion"
    if defect is not None and defect not in DEFECTS:
        raise ValueError(f"unknown defect {defect!r}; expected one of {DEFECTS}")
    if not 0 <= screenshots <= 2:
        raise ValueError("a page of a part holds 0 to 2 screenshots")
    if conform and not 10 <= pages <= 20:
        raise ValueError("a conform dossier has 10 to 20 pages")
    rng = random.Random(f"dossier:{seed}")
    plan = _plan(pages, cited_items, defect)
    doc = _Dossier(path, rng, last_name, first_name, year, screenshots, image_scale, defect)
    doc.write(plan, outline)
    return path


def _plan(pages: int, cited_items: Sequence[str] | None, defect: str | None) -> list[_Page]:
    """Cover, contents, introduction, the parts' pages (shared by weight), the conclusion's pages."""
    ref = referential()
    conclusion = 1 if defect == "short_conclusion" else 2
    numbers = [1, 2, 3] if defect == "missing_part" else [1, 2, 3, 4]
    body = pages - 3 - conclusion
    if body < len(numbers):
        raise ValueError(
            f"{pages} pages are too few for a dossier (at least {3 + conclusion + len(numbers)})"
        )
    share = dict.fromkeys(numbers, 1)
    for _ in range(body - len(numbers)):
        neediest = max(numbers, key=lambda n: _WEIGHTS[n] / share[n])
        share[neediest] += 1
    wanted = set(ref.codes if cited_items is None else cited_items)
    plan = [_Page("cover"), _Page("contents"), _Page("introduction", first=True)]
    for number in numbers:
        items = [code for code in ref.part(number).items if code in wanted]
        count = share[number]
        for i in range(count):
            chunk = tuple(items[i * len(items) // count : (i + 1) * len(items) // count])
            plan.append(_Page("part", number, i == 0, chunk))
    plan += [_Page("conclusion", first=i == 0) for i in range(conclusion)]
    return plan


def _fitting(room: float, sentences: Sequence[str]) -> Flowable | None:
    """The paragraph of the most of these sentences that fits in ``room`` points (a page filled to its last
    lines, as a word processor fills it), or None when not even the first one does."""
    for count in range(len(sentences), 0, -1):
        paragraph = Paragraph(lay.escape(" ".join(sentences[:count])), lay.STYLES["body"])
        if lay.height([paragraph]) <= room:
            return paragraph
    return None


class _Dossier:
    """One dossier being drawn: the canvas, the writer of sentences, and the running figure number."""

    def __init__(
        self,
        path: Path,
        rng: random.Random,
        last_name: str,
        first_name: str,
        year: int,
        screenshots: int,
        image_scale: float,
        defect: str | None,
    ) -> None:
        lay.register_fonts()
        self.path, self.rng, self.year = path, rng, year
        self.last_name, self.first_name = last_name, first_name
        self.screenshots, self.image_scale, self.defect = screenshots, image_scale, defect
        self.profile = rng.choice(prose.PROFILES)
        self.writer = prose.Writer(rng, self.profile)
        self.heading_form = rng.choice(_HEADING_FORMS)
        self.figure = 0
        self.kinds = list(KINDS)
        rng.shuffle(self.kinds)

    def heading(self, page: _Page) -> str:
        if page.section == "introduction":
            return "Introduction"
        if page.section == "conclusion":
            return "Conclusion"
        title = referential().part(page.part).title
        return self.heading_form.format(n=page.part, roman=_ROMAN[page.part - 1], title=title)

    def write(self, plan: list[_Page], outline: bool) -> None:
        with lay.reportlab_settings():
            canvas = lay.new_canvas(
                self.path,
                A4,
                title="Dossier de compétences C2i2e",
                author=f"{self.first_name} {self.last_name}",
                year=self.year,
            )
            starts = {self.heading(p): n for n, p in enumerate(plan, 1) if p.first}
            for number, page in enumerate(plan, 1):
                self.draw_page(canvas, page, number, len(plan), starts)
                if outline and page.first:
                    key = f"s{number}"
                    canvas.bookmarkPage(key)
                    canvas.addOutlineEntry(self.heading(page), key, level=0)
                canvas.showPage()
            canvas.save()

    def draw_page(self, canvas: Canvas, page: _Page, number: int, total: int, starts: dict[str, int]) -> None:
        if page.section == "cover":
            self.cover(canvas)
        elif page.section == "contents":
            lay.contents(canvas, starts)
        else:
            blocks = self.blocks(page)
            lay.place(canvas, blocks)
        if number > 1:
            shown = None if self.defect == "no_page_numbers" else (number, total)
            lay.footer(canvas, f"{self.last_name} {self.first_name} — C2i2e {self.year}", shown)

    def cover(self, canvas: Canvas) -> None:
        name = None if self.defect == "no_name" else f"{self.first_name} {self.last_name.upper()}"
        lay.cover(
            canvas, name=name, discipline=self.profile.discipline, school=self.profile.school, year=self.year
        )

    def blocks(self, page: _Page) -> list[Flowable]:
        """What goes on a page, in order; the paragraphs are cut to what fits around the screenshots."""
        head: list[Flowable] = (
            [Paragraph(lay.escape(self.heading(page)), lay.STYLES["h1"])] if page.first else []
        )
        if page.section == "introduction":
            bank = [self.profile.fill(t) for t in prose.INTRODUCTION]
            texts = [" ".join(bank[i : i + 2]) for i in range(0, len(bank), 2)]
            return head + lay.fill(lay.BODY_HEIGHT - lay.height(head), [], texts)
        if page.section == "conclusion":
            return head + self.conclusion(page.first, lay.BODY_HEIGHT - lay.height(head))
        figures = [self.screenshot() for _ in range(self.screenshots)]
        if page.first and page.part == 1 and self.screenshots < 2:
            figures.insert(0, self.sequence_table())
        tail: list[Flowable] = []
        if page.items:
            codes = ", ".join(page.items)
            tail = [Paragraph(lay.escape(f"Compétences mobilisées : {codes}."), lay.STYLES["competences"])]
        items = [
            f"{self.writer.item(code)} {self.writer.sentence(prose.PARTS[page.part])}" for code in page.items
        ]
        texts = items + self.paragraphs(prose.PARTS[page.part], 6)
        room = lay.BODY_HEIGHT - lay.height(head) - lay.height(figures) - lay.height(tail)
        return head + lay.interleave(lay.fill(room, [], texts), figures) + tail

    def paragraphs(self, bank: tuple[str, ...], count: int) -> list[str]:
        return [self.writer.paragraph(bank, self.rng.randint(2, 3)) for _ in range(count)]

    def conclusion(self, first: bool, room: float) -> list[Flowable]:
        """Two full pages, as the seed asks (« un bilan réflexif de 2 pages minimum », measured by the height of
        its text): first what the year taught and a look back at the four parts, then the limits, the
        perspectives and the signature. A one-page conclusion (the ``short_conclusion`` defect) says a little
        of each."""
        short = self.defect == "short_conclusion"
        sections = prose.CONCLUSION if short else prose.CONCLUSION[:2] if first else prose.CONCLUSION[2:]
        tail: list[Flowable] = []
        if short or not first:
            signed = f"Fait à Grenoble, le 12 mai {self.year}. — {self.first_name} {self.last_name}"
            tail.append(Paragraph(lay.escape(signed), lay.STYLES["signature"]))
        room -= lay.height(tail)
        out: list[Flowable] = []
        for title, bank in sections:
            sentences = [self.profile.fill(s) for s in self.rng.sample(bank, 3 if short else len(bank))]
            heading = Paragraph(lay.escape(title), lay.STYLES["h2"])
            chunks = [sentences[i : i + 3] for i in range(0, len(sentences), 3)]
            first_chunk = _fitting(room - lay.height([*out, heading]), chunks[0])
            if first_chunk is None:  # no heading left alone at the foot of the page
                break
            out += [heading, first_chunk]
            for chunk in chunks[1:]:
                paragraph = _fitting(room - lay.height(out), chunk)
                if paragraph is None:
                    return out + tail
                out.append(paragraph)
        return out + tail

    def screenshot(self) -> Flowable:
        self.figure += 1
        kind = self.kinds[self.figure % len(self.kinds)]
        caption = f"Figure {self.figure} — Capture d'écran : {CAPTIONS[kind]}."
        return lay.Figure(kind, self.rng.randrange(1 << 30), self.image_scale, caption)

    def sequence_table(self) -> Flowable:
        rows = [
            ["Séance", "Objectif", "Outil", "Durée"],
            ["1", "Faire émerger les représentations", "Tableau, vidéoprojecteur", "55 min"],
            ["2", "Rechercher et comparer des sources", self.profile.software, "55 min"],
            ["3", "Produire une synthèse en groupe", "Document partagé (ENT)", "55 min"],
            ["4", "Évaluer et mettre en commun", "Questionnaire en ligne", "55 min"],
        ]
        cells = [[Paragraph(lay.escape(c), lay.STYLES["cell"]) for c in row] for row in rows]
        table = Table(cells, colWidths=[50, 180, 150, 55])
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4f0")),
                ]
            )
        )
        return lay.Captioned(table, "Tableau 1 — Déroulement de la séquence.")


SLIDE_SIZE = (960.0, 540.0)  # 16:9, as PowerPoint and Impress export it
_SLIDE_TITLES = (
    "Le contexte",
    "Les objectifs",
    "Le déroulement",
    "Les outils choisis",
    "La différenciation",
    "L'imprévu technique",
    "L'évaluation et le suivi",
    "Le bilan de la séquence",
    "Ce que je changerais",
)


def make_slides(
    path: Path, *, last_name: str, first_name: str, pages: int = 8, seed: int, year: int = 2017
) -> Path:
    """Write the 16:9 slides a candidate projects during the 10-minute presentation of Part 1."""
    if pages < 2:
        raise ValueError("slides have at least a title slide and a closing slide")
    lay.register_fonts()
    rng = random.Random(f"slides:{seed}")
    profile = rng.choice(prose.PROFILES)
    writer = prose.Writer(rng, profile)
    with lay.reportlab_settings():
        canvas = lay.new_canvas(
            path,
            SLIDE_SIZE,
            title="Présentation C2i2e — partie 1",
            author=f"{first_name} {last_name}",
            year=year,
        )
        for number in range(1, pages + 1):
            lay.slide_frame(canvas, SLIDE_SIZE, f"{first_name} {last_name} — C2i2e {year}", number, pages)
            if number == 1:
                lay.slide_title(
                    canvas,
                    SLIDE_SIZE,
                    "Dossier C2i2e — Partie 1",
                    profile.fill("Une séquence sur {theme}"),
                    f"{first_name} {last_name}",
                    f"Oral de certification — session {year}",
                )
            elif number == pages:
                lay.slide_title(canvas, SLIDE_SIZE, "Merci de votre attention", "Questions ?", "", "")
            else:
                title = _SLIDE_TITLES[(number - 2) % len(_SLIDE_TITLES)]
                bullets = [writer.sentence(prose.SLIDES) for _ in range(rng.randint(3, 4))]
                figure = lay.Figure(KINDS[number % len(KINDS)], rng.randrange(1 << 30), 1.0, "", width=400)
                lay.slide_body(canvas, SLIDE_SIZE, title, bullets, figure if number % 2 == 0 else None)
            canvas.showPage()
        canvas.save()
    return path
