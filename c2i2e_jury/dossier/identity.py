"""Does the first page bear the candidate's name and the year?

With a known candidate the test is exact but tolerant of how a word processor writes names: case, accents, hyphens
and apostrophes are ignored, and the last and first names are looked for separately ("Élodie DUPONT",
"Dupont, Élodie" and "DUPONT\\nElodie" all pass). Without one, the page must show something that looks like a
person's name: a line (or what follows a label such as "Nom :" or "Réalisé par") of two to four capitalised words
that are not the usual words of a cover page ("Dossier", "Master", "Université"...).
"""

from __future__ import annotations

import re

from c2i2e_jury.dossier.text import PageText, fold

_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_ACADEMIC_YEAR = re.compile(r"(?<!\d)20\d\d\s*[-/–—]\s*20\d\d(?!\d)")
_LABEL = re.compile(
    r"^(?:nom(?: et prenom| prenom)?|prenom(?: et nom| nom)?|candidat(?:e)?|etudiant(?:e)?|stagiaire|auteur"
    r"|realise par|presente par|redige par|par)\s*:?\s*"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_PARTICLES = {"de", "du", "des", "le", "la", "van", "von", "der", "di", "da", "d", "ben", "el"}
_COVER_WORDS = {
    "dossier", "competences", "competence", "c2i2e", "c2i", "certificat", "certification", "universite",
    "annee", "universitaire", "master", "meef", "espe", "inspe", "academie", "introduction", "sommaire",
    "partie", "conclusion", "professorat", "ecoles", "ecole", "college", "lycee", "informatique", "internet",
    "enseignant", "enseignante", "enseignement", "niveau", "formation", "parcours", "session", "campagne",
    "education", "nationale", "mention", "second", "premier", "degre", "page", "table", "matieres", "document",
    "projet", "rapport", "grenoble", "alpes", "savoie", "mont", "blanc", "france", "jury", "numerique",
    "tice", "mathematiques", "lettres", "histoire", "geographie", "anglais", "sciences", "physique", "chimie",
    "eps", "technologie", "musique", "arts", "plastiques", "philosophie", "economie", "documentation", "cpe",
    "bilan", "reflexif", "presentation", "travaux", "licence", "diplome", "ministere", "pedagogique",
    "name", "first", "last", "your", "the", "of", "and", "title",  # English templates and forms
}


def _words(text: str) -> str:
    """Folded text with anything but letters and digits turned into single spaces, padded with spaces."""
    return " " + " ".join(re.sub(r"[^\w]+", " ", fold(text)).split()) + " "


def name_on_page(page: PageText, name: str) -> bool:
    """Whether ``name`` (one or several words) appears on the page, ignoring case, accents and punctuation."""
    wanted = _words(name)
    return wanted.strip() != "" and wanted in _words(page.text)


def year_on_page(page: PageText, year: int) -> bool:
    """Whether the page shows ``year``, alone or in an academic year such as "2016-2017"."""
    return str(year) in _YEAR.findall(page.text)


def find_year(page: PageText) -> str | None:
    """The academic year ("2016-2017") or the first year (2000-2099) the page shows, as written."""
    text = page.text
    match = _ACADEMIC_YEAR.search(text) or _YEAR.search(text)
    return match.group(0) if match else None


def find_name(page: PageText) -> str | None:
    """The first line of the page that reads like a person's name, as written; None if there is none."""
    for line in page.lines:
        name = plausible_name(line.text)
        if name:
            return name
    return None


def plausible_name(text: str) -> str | None:
    words = text.strip().split()
    label = _LABEL.match(fold(text.strip()))
    if label:
        words = words[len(label.group(0).split()):]
    words = [w.strip(",;:.()") for w in words]
    words = [w for w in words if w]
    if not 2 <= len(words) <= 4:
        return None
    names = 0
    for word in words:
        folded = fold(word)
        if folded in _PARTICLES or folded.rstrip("'") in _PARTICLES:
            continue
        if not _WORD.fullmatch(word) or not word[0].isupper() or folded in _COVER_WORDS:
            return None
        names += 1
    return " ".join(words) if names >= 2 else None
