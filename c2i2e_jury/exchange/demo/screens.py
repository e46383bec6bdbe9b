"""Synthetic screenshots for the demo dossiers: software windows a trainee teacher would capture (an ENT, a quiz,
a forum, a spreadsheet, a shared pad, a cloud folder), drawn with Pillow and saved as JPEG.

They exist so that the demo dossiers look and weigh like the real ones (text, tables and screenshots exported from
Word or LibreOffice): the viewer, the page renderer and the benchmarks then work on realistic files. A faint grain
is laid over each window, as a scaled or re-compressed capture has, which is what gives a JPEG its realistic weight:
at ``scale=1.0`` a screenshot is 720 x 450 pixels and about 50 KB. The pixel count (hence the weight, roughly)
grows as ``scale**2``.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab import rl_config

from c2i2e_jury.exchange.demo.vocabulary import FIRST, QUIZZES, SENTENCES, SUBJECTS, WORDS

BASE_SIZE = (720, 450)
_LAYOUT_WIDTH = 1000  # windows are laid out on a 1000 x 625 grid, then scaled to the pixel size
JPEG_QUALITY = 85
GRAIN = 0.02  # share of grain blended over the window (0: a clean capture, much lighter)

Draw = ImageDraw.ImageDraw
Font = ImageFont.FreeTypeFont
RGB = tuple[int, int, int]

KINDS = ("ent", "quiz", "forum", "spreadsheet", "pad", "cloud")
CAPTIONS = {
    "ent": "le cahier de textes de l'ENT de la classe",
    "quiz": "le questionnaire en ligne proposé aux élèves",
    "forum": "le forum de la classe sur la plateforme",
    "spreadsheet": "le tableau de suivi des compétences",
    "pad": "le texte rédigé à plusieurs sur le pad collaboratif",
    "cloud": "l'espace de partage des documents de l'équipe",
}


@cache
def _font(size: int, bold: bool = False) -> Font:
    """Bitstream Vera, bundled with reportlab: the same glyphs (accents, « », œ) as the PDF text."""
    name = "VeraBd.ttf" if bold else "Vera.ttf"
    for folder in rl_config.TTFSearchPath:
        candidate = Path(folder) / name
        if candidate.is_file():
            return ImageFont.truetype(str(candidate), size)
    raise FileNotFoundError(f"{name} (bundled with reportlab) was not found")


def _phrase(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


class _Canvas:
    """A window being drawn: its image, its scale and the seeded choices, so each part draws in a few lines."""

    def __init__(self, rng: random.Random, scale: float, accent: RGB) -> None:
        self.rng = rng
        self.k = scale * BASE_SIZE[0] / _LAYOUT_WIDTH
        self.w, self.h = round(BASE_SIZE[0] * scale), round(BASE_SIZE[1] * scale)
        self.image = Image.new("RGB", (self.w, self.h), (246, 246, 248))
        self.d: Draw = ImageDraw.Draw(self.image)
        self.accent = accent

    def s(self, v: float) -> int:
        return round(v * self.k)

    def box(
        self, x0: float, y0: float, x1: float, y1: float, fill: RGB | None, outline: RGB | None = None
    ) -> None:
        self.d.rectangle((self.s(x0), self.s(y0), self.s(x1), self.s(y1)), fill=fill, outline=outline)

    def text(
        self, x: float, y: float, text: str, size: int = 13, fill: RGB = (40, 40, 40), bold: bool = False
    ) -> None:
        self.d.text((self.s(x), self.s(y)), text, font=_font(max(6, self.s(size)), bold), fill=fill)

    def lines(self, x: float, y: float, count: int, step: float = 20, size: int = 12) -> float:
        """A few lines of the kind pupils and teachers write on a platform."""
        for i, sentence in enumerate(self.rng.sample(SENTENCES, count)):
            self.text(x, y + i * step, sentence, size)
        return y + count * step


def _frame(c: _Canvas, title: str, menus: tuple[str, ...], sidebar: tuple[str, ...]) -> None:
    """Title bar, menu bar, a browser-like address bar and a sidebar: the parts every capture shows."""
    c.box(0, 0, 1000, 34, (52, 56, 64))
    c.text(14, 9, title, 14, (235, 235, 235))
    for i, colour in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
        bx = 1000 - 30 - 26 * i
        c.d.ellipse((c.s(bx), c.s(10), c.s(bx + 14), c.s(24)), fill=colour)
    c.box(0, 34, 1000, 62, (232, 232, 236))
    x = 14.0
    for menu in menus:
        c.text(x, 40, menu, 12)
        x += 12 + 8.2 * len(menu)
    c.box(0, 62, 1000, 110, c.accent)
    c.text(20, 74, title.split(" — ")[0], 20, (255, 255, 255), bold=True)
    c.box(0, 110, 190, 625, (236, 238, 242))
    for i, entry in enumerate(sidebar):
        y = 126 + 34 * i
        if i == 1:
            c.box(0, y - 6, 190, y + 24, (214, 222, 236))
        c.text(18, y, entry, 13, (50, 60, 80), bold=i == 1)


def _table(
    c: _Canvas,
    x: float,
    y: float,
    headers: tuple[str, ...],
    widths: tuple[float, ...],
    rows: Sequence[tuple[str, ...]],
) -> None:
    c.box(x, y, x + sum(widths), y + 28, (222, 228, 240), (180, 186, 200))
    cx = x
    for header, width in zip(headers, widths, strict=True):
        c.text(cx + 8, y + 7, header, 12, bold=True)
        cx += width
    for r, row in enumerate(rows):
        ry = y + 28 + 26 * r
        c.box(x, ry, x + sum(widths), ry + 26, (255, 255, 255) if r % 2 else (249, 250, 252), (214, 218, 226))
        cx = x
        for cell, width in zip(row, widths, strict=True):
            c.text(cx + 8, ry + 6, cell, 12)
            cx += width


def _ent(c: _Canvas) -> None:
    _frame(
        c,
        "ENT Collège — Cahier de textes — Mozilla Firefox",
        ("Fichier", "Édition", "Affichage", "Historique", "Marque-pages", "Outils", "Aide"),
        (
            "Accueil",
            "Cahier de textes",
            "Messagerie",
            "Documents",
            "Vie scolaire",
            "Agenda",
            "Ressources",
            "Blog de classe",
        ),
    )
    rows = [
        (
            f"{c.rng.randint(1, 28):02d}/0{c.rng.randint(3, 5)}",
            c.rng.choice(("5e B", "4e A", "3e C", "6e D")),
            c.rng.choice(SUBJECTS),
            _phrase(c.rng, 4),
        )
        for _ in range(12)
    ]
    _table(c, 210, 130, ("Date", "Classe", "Matière", "Travail à faire"), (90, 80, 150, 450), rows)


def _quiz(c: _Canvas) -> None:
    theme, question, options = c.rng.choice(QUIZZES)
    _frame(
        c,
        "Moodle — Questionnaire : " + theme,
        ("Tableau de bord", "Mes cours", "Calendrier", "Préférences"),
        ("Participants", "Questionnaire", "Notes", "Compétences", "Forum", "Devoirs"),
    )
    q, total = c.rng.randint(2, 8), 10
    c.text(215, 128, f"Question {q} sur {total}", 16, c.accent, bold=True)
    c.text(215, 165, question, 14)
    chosen = c.rng.randrange(4)
    for i, option in enumerate(options):
        y = 220 + 44 * i
        c.d.ellipse((c.s(220), c.s(y), c.s(238), c.s(y + 18)), outline=(90, 90, 90), width=max(1, c.s(2)))
        if i == chosen:
            c.d.ellipse((c.s(225), c.s(y + 5), c.s(233), c.s(y + 13)), fill=c.accent)
        c.text(250, y, f"{'abcd'[i]}. {option}", 13)
    c.box(215, 450, 655, 470, (225, 225, 225))
    c.box(215, 450, 215 + 44 * q, 470, c.accent)
    for i in range(total):
        done = i < q
        c.box(
            720 + 28 * (i % 8),
            250 + 30 * (i // 8),
            742 + 28 * (i % 8),
            272 + 30 * (i // 8),
            (200, 230, 200) if done else (255, 255, 255),
            (150, 150, 150),
        )
    c.box(820, 560, 975, 600, c.accent)
    c.text(840, 570, "Page suivante", 14, (255, 255, 255), bold=True)


def _forum(c: _Canvas) -> None:
    _frame(
        c,
        "Forum de la classe — " + _phrase(c.rng, 3),
        ("Accueil", "Forums", "Membres", "Rechercher"),
        ("Annonces", "Questions sur le cours", "Entraide", "Projets", "Archives"),
    )
    for i in range(4):
        y = 125 + 122 * i
        c.box(205, y, 985, y + 112, (255, 255, 255), (210, 214, 222))
        tone = (c.rng.randint(90, 220), c.rng.randint(90, 220), c.rng.randint(90, 220))
        c.d.ellipse((c.s(218), c.s(y + 12), c.s(262), c.s(y + 56)), fill=tone)
        name = c.rng.choice(FIRST) + (" (professeur)" if i == 0 else "")
        c.text(276, y + 12, name, 13, bold=True)
        c.text(
            760,
            y + 12,
            f"le {c.rng.randint(1, 28)} mars 2017 à {c.rng.randint(8, 18)}h{c.rng.randint(10, 59)}",
            11,
            (120, 120, 120),
        )
        c.lines(276, y + 38, 3, 20, 12)


def _spreadsheet(c: _Canvas) -> None:
    _frame(
        c,
        "Suivi_competences_5B.ods — LibreOffice Calc",
        ("Fichier", "Édition", "Affichage", "Insertion", "Format", "Styles", "Feuille", "Données", "Outils"),
        ("Feuille 1", "Compétences", "Évaluations", "Bilan"),
    )
    cols, col_w, row_h, x0, y0 = 9, 84.0, 23.0, 230.0, 120.0
    c.box(x0 - 30, y0, x0 + cols * col_w, y0 + row_h, (228, 228, 228))
    for j in range(cols):
        c.text(x0 + j * col_w + col_w / 2 - 4, y0 + 4, "ABCDEFGHI"[j], 11)
    for i in range(20):
        y = y0 + row_h * (i + 1)
        c.box(x0 - 30, y, x0, y + row_h, (228, 228, 228), (200, 200, 200))
        c.text(x0 - 24, y + 5, str(i + 1), 10)
        for j in range(cols):
            x = x0 + j * col_w
            value, fill = _cell(c.rng, i, j)
            c.box(x, y, x + col_w, y + row_h, fill, (208, 208, 208))
            c.text(x + 5, y + 5, value, 11)


def _cell(rng: random.Random, row: int, col: int) -> tuple[str, RGB]:
    if row == 0:
        return ("Élève", "D1.1", "D1.2", "D2.1", "D2.2", "D3.1", "D4.1", "D5.1", "Bilan")[col], (
            214,
            226,
            244,
        )
    if col == 0:
        return rng.choice(FIRST), (255, 255, 255)
    if col == 8:
        return f"{rng.randint(8, 19)},{rng.randint(0, 9)}", (255, 255, 255)
    ok = rng.random() < 0.75
    return ("acquis" if ok else "en cours"), ((214, 240, 214) if ok else (252, 226, 210))


def _pad(c: _Canvas) -> None:
    _frame(
        c,
        "Framapad — " + _phrase(c.rng, 2),
        ("Importer", "Exporter", "Historique", "Enregistrer", "Partager"),
        ("Utilisateurs", "", "", "", "", "Discussion"),
    )
    names = c.rng.sample(FIRST, 4)
    tones = [(255, 236, 179), (200, 230, 255), (220, 245, 210), (250, 214, 230)]
    for i, name in enumerate(names):
        c.box(14, 162 + 30 * i, 30, 178 + 30 * i, tones[i])
        c.text(38, 162 + 30 * i, name, 12)
    c.box(210, 125, 985, 610, (255, 255, 255), (210, 210, 210))
    for i in range(18):
        y = 138 + 25 * i
        c.box(222, y - 2, 222 + c.rng.randint(560, 740), y + 20, tones[c.rng.randrange(4)])
        c.text(226, y, c.rng.choice(SENTENCES), 12)


def _cloud(c: _Canvas) -> None:
    _frame(
        c,
        "Nextcloud — Partage équipe " + c.rng.choice(SUBJECTS),
        ("Fichiers", "Photos", "Activité", "Agenda", "Contacts"),
        ("Tous les fichiers", "Récents", "Favoris", "Partagés avec vous", "Étiquettes"),
    )
    rows = []
    for _ in range(14):
        ext = c.rng.choice(("odt", "pdf", "ods", "odp", "png", "mp4"))
        rows.append(
            (
                f"{c.rng.choice(WORDS)}_{c.rng.choice(WORDS)}.{ext}",
                f"{c.rng.randint(12, 4800)} Ko",
                f"il y a {c.rng.randint(2, 40)} jours",
                c.rng.choice(FIRST),
            )
        )
    _table(c, 210, 130, ("Nom", "Taille", "Modifié", "Partagé par"), (360, 110, 170, 130), rows)


_DRAWERS: dict[str, Callable[[_Canvas], None]] = {
    "ent": _ent,
    "quiz": _quiz,
    "forum": _forum,
    "spreadsheet": _spreadsheet,
    "pad": _pad,
    "cloud": _cloud,
}
_ACCENTS: tuple[RGB, ...] = ((31, 94, 160), (0, 122, 110), (150, 60, 110), (180, 90, 20), (70, 70, 150))


def _grain(image: Image.Image, rng: random.Random) -> Image.Image:
    """Blend seeded noise over the window (``randbytes`` keeps it fast and deterministic without numpy)."""
    if GRAIN <= 0:
        return image
    noise = Image.frombytes("L", image.size, rng.randbytes(image.size[0] * image.size[1])).convert("RGB")
    return Image.blend(image, noise, GRAIN)


def screenshot_jpeg(kind: str, seed: int, scale: float = 1.0) -> bytes:
    """One synthetic screenshot of the given kind (see ``KINDS``), as JPEG bytes; the same bytes for a seed."""
    rng = random.Random(f"{kind}:{seed}")
    canvas = _Canvas(rng, scale, rng.choice(_ACCENTS))
    _DRAWERS[kind](canvas)
    out = io.BytesIO()
    _grain(canvas.image, rng).save(out, "JPEG", quality=JPEG_QUALITY, optimize=False)
    return out.getvalue()
