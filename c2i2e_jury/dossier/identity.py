"""Does the first page bear the candidate's name and the year?

With a known candidate the test is exact but tolerant of how a word processor writes names: case, accents, hyphens
and apostrophes are ignored, and the last and first names are looked for separately ("Élodie DUPONT",
"Dupont, Élodie" and "DUPONT\\nElodie" all pass). Without one, the page must show something that looks like a
person's name: a line (or what follows a label such as "Nom :" or "Réalisé par") of two to four capitalised words
that are not the usual words of a cover page ("Dossier", "Master", "Université"...); failing that, such a name
sharing its line with other words: a piece of the line between separators (« DUPONT Élodie — année 2017 »), the
words after a label (« Nom : Dupont Élodie, M1 MEEF »), or a surname in capitals beside a capitalised first name
(« Dossier de DUPONT Élodie »).
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
    "dossier",
    "competences",
    "competence",
    "c2i2e",
    "c2i",
    "certificat",
    "certification",
    "universite",
    "annee",
    "universitaire",
    "master",
    "meef",
    "espe",
    "inspe",
    "academie",
    "introduction",
    "sommaire",
    "partie",
    "conclusion",
    "professorat",
    "ecoles",
    "ecole",
    "college",
    "lycee",
    "informatique",
    "internet",
    "enseignant",
    "enseignante",
    "enseignement",
    "niveau",
    "formation",
    "parcours",
    "session",
    "campagne",
    "education",
    "nationale",
    "mention",
    "second",
    "premier",
    "degre",
    "page",
    "table",
    "matieres",
    "document",
    "projet",
    "rapport",
    "grenoble",
    "alpes",
    "savoie",
    "mont",
    "blanc",
    "france",
    "jury",
    "numerique",
    "tice",
    "mathematiques",
    "lettres",
    "histoire",
    "geographie",
    "anglais",
    "sciences",
    "physique",
    "chimie",
    "eps",
    "technologie",
    "musique",
    "arts",
    "plastiques",
    "philosophie",
    "economie",
    "documentation",
    "cpe",
    "bilan",
    "reflexif",
    "presentation",
    "travaux",
    "licence",
    "diplome",
    "ministere",
    "pedagogique",
    "name",
    "first",
    "last",
    "your",
    "the",
    "of",
    "and",
    "title",  # English templates and forms
    "ent",
    "cdi",
    "tic",
    "b2i",
    "pix",
    "ue",
    "ufr",
    "stage",
    "promotion",
    "groupe",  # acronyms and course words
}
# What separates the pieces of a line: a dash or bar between spaces, a comma, a semicolon, brackets, quotes.
_SEPARATORS = re.compile(r"\s[—–\-|•/·]\s|[,;()\[\]«»]")


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
    """The first line of the page that reads like a person's name, as written; else the first name found within a
    line (:func:`name_within`); None if there is none."""
    for finder in (plausible_name, name_within):
        for line in page.lines:
            name = finder(line.text)
            if name:
                return name
    return None


def name_within(text: str) -> str | None:
    """A person's name that shares its line with other words, as written; None if there is none."""
    for piece in _SEPARATORS.split(text):
        name = plausible_name(piece) or _after_label(piece)
        if name:
            return name
    return _capitals_beside_first_name(text)


def _after_label(text: str) -> str | None:
    """« Nom : Dupont Élodie M1 MEEF » → « Dupont Élodie »: the name-like words that follow a label."""
    label = _LABEL.match(fold(text.strip()))
    if not label:
        return None
    words = [w.strip(",;:.()") for w in text.strip().split()[len(label.group(0).split()) :]]
    taken: list[str] = []
    for word in words:
        if not word or not (_is_particle(word) or _is_name_word(word)):
            break
        taken.append(word)
    return plausible_name(" ".join(taken[:4])) if taken else None


def _capitals_beside_first_name(text: str) -> str | None:
    """« Dossier de DUPONT Élodie, 2017 » → « DUPONT Élodie »: a surname in capitals (one or more words) next to
    a capitalised first name, in either order."""
    words = list(_WORD.finditer(text))

    def adjacent(i: int) -> bool:  # words i and i + 1 with only spaces between
        return 0 <= i < len(words) - 1 and not text[words[i].end() : words[i + 1].start()].strip()

    def capitals(i: int) -> bool:
        return 0 <= i < len(words) and _is_capitals(words[i].group(0))

    for i in range(len(words) - 1):
        if not adjacent(i):
            continue
        if capitals(i) and _is_first_name(words[i + 1].group(0)):
            start, end = i, i + 1
            while adjacent(start - 1) and capitals(start - 1):  # « LE GALL Marie-Anne »
                start -= 1
        elif _is_first_name(words[i].group(0)) and capitals(i + 1):
            start, end = i, i + 1
            while adjacent(end) and capitals(end + 1):  # « Marie-Anne LE GALL »
                end += 1
        else:
            continue
        return text[words[start].start() : words[end].end()]
    return None


def _is_particle(word: str) -> bool:
    folded = fold(word)
    return folded in _PARTICLES or folded.rstrip("'") in _PARTICLES


def _is_name_word(word: str) -> bool:
    return bool(_WORD.fullmatch(word)) and word[0].isupper() and fold(word) not in _COVER_WORDS


def _is_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and word.isupper() and _is_name_word(word)


def _is_first_name(word: str) -> bool:
    return _is_name_word(word) and any(c.islower() for c in word)


def plausible_name(text: str) -> str | None:
    words = text.strip().split()
    label = _LABEL.match(fold(text.strip()))
    if label:
        words = words[len(label.group(0).split()) :]
    words = [w.strip(",;:.()") for w in words]
    words = [w for w in words if w]
    if not 2 <= len(words) <= 4:
        return None
    names = 0
    for word in words:
        if _is_particle(word):
            continue
        if not _is_name_word(word):
            return None
        names += 1
    return " ".join(words) if names >= 2 else None
