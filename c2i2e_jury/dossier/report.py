"""The format report of a dossier: the rules of the seed's "Format général du dossier numérique", checked one by one.

"One PDF of 10 to 20 pages, paginated, bearing the candidate's last name, first name and the year; an introduction;
Parts 1-4; a reflective conclusion of at least 2 pages" becomes a fixed list of findings, in this order, each with
a French sentence for the jury and the pages it concerns (see docs/FORMATS.md §6 for the tolerances):

``integrity``, ``page_count``, ``page_numbers``, ``name``, ``year``, ``introduction``, ``part_1`` .. ``part_4``,
``conclusion``.

A damaged file (``integrity`` fails) is "unreadable" whatever the rest says: what the jury sees may not be what the
candidate wrote. :func:`build_report` is pure over extracted text: it can run in any thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from c2i2e_jury.dossier.conclusion import measure_conclusion
from c2i2e_jury.dossier.damage import Damage
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.dossier.identity import find_name, find_year, name_on_page, year_on_page
from c2i2e_jury.dossier.structure import Structure
from c2i2e_jury.dossier.text import DossierText, PageText, fold

MIN_PAGES, MAX_PAGES = 10, 20
NUMBERED_SHARE = 0.8
MIN_CONCLUSION_PAGES = 2
PAGE_OFFSETS = (0, -1, -2)  # a page may show its own number, or one counted without the cover (and sommaire)


@dataclass(frozen=True)
class Finding:
    check: str
    ok: bool
    message: str
    pages: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"check": self.check, "ok": self.ok, "message": self.message, "pages": list(self.pages)}


@dataclass(frozen=True)
class FormatReport:
    pages: int
    findings: tuple[Finding, ...]

    @property
    def readable(self) -> bool:
        return all(f.ok for f in self.findings if f.check == "integrity")

    @property
    def conform(self) -> bool:
        return all(f.ok for f in self.findings)

    @property
    def status(self) -> str:
        """ "conform", "not_conform" or "unreadable" (damaged)."""
        if not self.readable:
            return "unreadable"
        return "conform" if self.conform else "not_conform"

    @property
    def failures(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.ok)

    def finding(self, check: str) -> Finding:
        return next(f for f in self.findings if f.check == check)


def build_report(
    text: DossierText, structure: Structure, expected: Expected | None = None, damage: Sequence[Damage] = ()
) -> FormatReport:
    findings = [
        _integrity(damage),
        _page_count(len(text)),
        _page_numbers(text),
        *_identity(text, expected),
        _heading(
            "introduction", "Introduction", structure.introduction.page if structure.introduction else None
        ),
        *(_heading(f"part_{n}", f"Partie {n}", structure.part_start(n)) for n in range(1, 5)),
        _conclusion(text, structure),
    ]
    return FormatReport(len(text), tuple(findings))


def pages_fr(pages: Iterable[int]) -> str:
    """ "page 3", "pages 3 et 5", "pages 2 à 14", "pages 2, 4 et 7 à 9"."""
    numbers = sorted(set(pages))
    items: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        if j - i >= 2:
            items.append(f"{numbers[i]} à {numbers[j]}")
        else:
            items.extend(str(n) for n in numbers[i : j + 1])
        i = j + 1
    if len(numbers) == 1:
        return f"page {items[0]}"
    if len(items) == 1:
        return f"pages {items[0]}"
    return f"pages {', '.join(items[:-1])} et {items[-1]}"


# -- the checks --------------------------------------------------------------------------------------------------


def _integrity(damage: Sequence[Damage]) -> Finding:
    if not damage:
        return Finding("integrity", True, "Fichier lisible, sans erreur.")
    pages = tuple(sorted({d.page for d in damage if d.page}))
    whole = next((d.message for d in damage if d.page is None), None)
    if whole:
        message = whole + (f" Erreurs en {pages_fr(pages)}." if pages else "")
    else:
        message = (
            f"Le fichier est endommagé : erreurs de lecture en {pages_fr(pages)}, du contenu peut manquer."
        )
    limits = [d.message for d in damage if d.limit and d.page]
    if limits:  # why, for the first pages past a limit (the others say the same)
        message += " " + " ".join(limits[:2]) + (" …" if len(limits) > 2 else "")
    return Finding("integrity", False, message, pages)


def _page_count(count: int) -> Finding:
    if MIN_PAGES <= count <= MAX_PAGES:
        return Finding("page_count", True, f"{count} pages (de {MIN_PAGES} à {MAX_PAGES} attendues).")
    noun = "page" if count == 1 else "pages"
    excess = tuple(range(MAX_PAGES + 1, count + 1))
    return Finding(
        "page_count",
        False,
        f"{count} {noun} : le dossier doit en compter de {MIN_PAGES} à {MAX_PAGES}.",
        excess,
    )


def _page_numbers(text: DossierText) -> Finding:
    pages = text.pages[1:]
    if not pages:
        return Finding("page_numbers", True, "Une seule page : pagination sans objet.")
    best: tuple[int, list[int], int] | None = None
    for offset in PAGE_OFFSETS:
        numbered = [p for p in pages if p.number + offset >= 1]
        missing = [p.number for p in numbered if not shows_number(p, p.number + offset)]
        score = len(numbered) - len(missing)
        if best is None or score > best[0]:
            best = (score, missing, len(numbered))
    assert best is not None
    found, missing, considered = best
    if considered and found / considered >= NUMBERED_SHARE:
        if not missing:
            return Finding("page_numbers", True, "Pages numérotées.")
        return Finding("page_numbers", True, f"Pages numérotées, sauf {pages_fr(missing)}.", tuple(missing))
    return Finding(
        "page_numbers",
        False,
        f"Pagination absente ou incomplète : {len(missing)} pages sur {considered} "
        "ne portent pas leur numéro.",
        tuple(missing),
    )


def shows_number(page: PageText, number: int) -> bool:
    """Whether the page's header or footer shows ``number`` as a page number ("3", "- 3 -", "3 / 14", "page 3")."""
    patterns = (
        rf"^[\W_]*{number}[\W_]*$",
        rf"(?<![\w.,]){number}\s*(?:/|sur|of|de)\s*\d{{1,3}}(?!\d)",
        rf"(?<![\w])(?:page|pg|p)\s*\.?\s*{number}(?![\w])",
        rf"(?<![\w.,/])(?<!partie ){number}$",  # a running title or name, then the number at the right
    )
    for line in page.lines:
        if not page.in_band(line):
            continue
        folded = fold(line.text)
        if any(re.search(p, folded) for p in patterns):
            return True
    return False


def _identity(text: DossierText, expected: Expected | None) -> list[Finding]:
    first = text.pages[0] if text.pages else None
    if first is None or not first.lines:
        why = "La page 1 ne contient pas de texte (page scannée ?) : "
        return [
            Finding("name", False, why + "nom et prénom introuvables.", (1,)),
            Finding("year", False, why + "année introuvable.", (1,)),
        ]
    if expected is None:
        name, year = find_name(first), find_year(first)
        return [
            Finding("name", True, f"Nom en page 1 : {name}.", (1,))
            if name
            else Finding("name", False, "Aucun nom de candidat trouvé en page 1.", (1,)),
            Finding("year", True, f"Année en page 1 : {year}.", (1,))
            if year
            else Finding("year", False, "Aucune année trouvée en page 1.", (1,)),
        ]
    last_ok, first_ok = name_on_page(first, expected.last_name), name_on_page(first, expected.first_name)
    if last_ok and first_ok:
        name_finding = Finding("name", True, f"Nom et prénom en page 1 : {expected.display_name}.", (1,))
    elif last_ok or first_ok:
        missing = (
            f"le prénom « {expected.first_name} »" if last_ok else f"le nom « {expected.last_name.upper()} »"
        )
        name_finding = Finding("name", False, f"Page 1 : {missing} n'apparaît pas.", (1,))
    else:
        name_finding = Finding(
            "name", False, f"Page 1 : ni le nom ni le prénom de {expected.display_name}.", (1,)
        )
    if year_on_page(first, expected.year):
        year_finding = Finding("year", True, f"Année {expected.year} en page 1.", (1,))
    else:
        year_finding = Finding("year", False, f"Page 1 : l'année {expected.year} n'apparaît pas.", (1,))
    return [name_finding, year_finding]


def _heading(check: str, label: str, page: int | None) -> Finding:
    if page is None:
        return Finding(check, False, f"{label} introuvable.")
    return Finding(check, True, f"{label} en page {page}.", (page,))


def _conclusion(text: DossierText, structure: Structure) -> Finding:
    """At least two pages' worth of text, measured by the height its lines take (:mod:`dossier.conclusion`)."""
    heading = structure.conclusion
    if heading is None:
        return Finding("conclusion", False, "Conclusion (bilan réflexif) introuvable.")
    measure = measure_conclusion(text, heading, structure.end_matter)
    where, worth = pages_fr(measure.pages or (heading.page,)), pages_worth_fr(measure.pages_worth)
    if measure.holds(MIN_CONCLUSION_PAGES):
        return Finding(
            "conclusion",
            True,
            f"Conclusion de {worth} de texte ({where}), mesurée à la hauteur qu'occupent ses lignes.",
            measure.pages,
        )
    return Finding(
        "conclusion",
        False,
        f"Conclusion trop courte ({where}) : l'équivalent de {worth} de texte, mesuré à la hauteur "
        f"qu'occupent ses lignes ; le bilan réflexif doit compter au moins {MIN_CONCLUSION_PAGES} "
        "pages.",
        measure.pages,
    )


def pages_worth_fr(worth: float) -> str:
    """« 0,6 page », « 1,9 page », « 2 pages », « 2,3 pages » (French: singular below two)."""
    rounded = round(worth, 1)
    number = f"{rounded:.1f}".replace(".", ",").removesuffix(",0")
    return f"{number} page" if rounded < 2 else f"{number} pages"
