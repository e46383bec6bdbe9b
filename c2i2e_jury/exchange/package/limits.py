"""How big a campaign package may be (README « Limits of a campaign package »), set from the domain rather than
from what the machine could bear: a campaign of a few hundred candidates, 28 items each, dossiers of 10 to 20
pages. Past a limit the package is refused with a sentence naming the limit, and the oversized part is never
read: a zip bomb, a sheet of a million rows or a workbook claiming the whole grid cost a header's read.
"""

from __future__ import annotations

from c2i2e_jury.exchange.tabular import SheetLimits

MIB = 1 << 20
ITEMS = 28  # the referential's items: a candidate has at most one mark and one prior validation per item
MAX_CANDIDATES = 5_000
MAX_COLUMNS = 50  # the widest sheet has 13 columns: room for the secretariat's own
MAX_CELL = 10_000  # characters: an evaluator's comment is a few lines
MAX_DOSSIER = 50 * MIB  # the seed's dossiers are 10-20 pages: tens of MB at most, even full of screenshots
MAX_SHEET = (
    32 * MIB
)  # a CSV or a workbook, and each part of a workbook once inflated (5,000 × 28 marks: ~10 MB)
MAX_SMALL = 1 * MIB  # campaign.json, a certificate
MAX_OTHER = MAX_DOSSIER  # any other file (read only to fingerprint the package)
MAX_TOTAL = 20 * 1024 * MIB  # the whole package, inflated: 5,000 dossiers of 4 MB
MAX_RATIO = (
    100  # inflated / compressed, for a member over 1 MiB and for the whole archive: text deflates ~10×
)
RATIO_FROM = MIB


def _n(number: int) -> str:
    return f"{number:_}".replace("_", " ")


SHEET_ROWS = {
    "candidates": (MAX_CANDIDATES, f"{_n(MAX_CANDIDATES)} candidats au plus par paquet"),
    "marks": (MAX_CANDIDATES * ITEMS, f"{ITEMS} notes par candidat, {_n(MAX_CANDIDATES)} candidats au plus"),
    "prior": (MAX_CANDIDATES * ITEMS, f"{ITEMS} items par candidat, {_n(MAX_CANDIDATES)} candidats au plus"),
    "jurors": (2 * MAX_CANDIDATES, "deux jurés par jury, un jury par candidat au plus"),
}


def sheet_limits(stem: str) -> SheetLimits:
    rows, reason = SHEET_ROWS.get(stem, (MAX_CANDIDATES * ITEMS, "la plus longue feuille d'un paquet"))
    return SheetLimits(rows, reason, MAX_COLUMNS, MAX_CELL, MAX_SHEET, MAX_RATIO)


def size_text(size: int) -> str:
    """``600 Mo``, ``1,5 Go``, ``0,2 Mo``: a size as the secretariat reads it."""
    if size >= 1024 * MIB:
        return f"{size / (1024 * MIB):.1f} Go".replace(".", ",").replace(",0 ", " ")
    return f"{size / MIB:.1f} Mo".replace(".", ",").replace(",0 ", " ")


def _kind(name: str) -> tuple[int, str]:
    lowered = name.lower()
    if lowered.endswith(".pdf"):
        return MAX_DOSSIER, "un dossier"
    if lowered.endswith((".csv", ".xlsx")):
        return MAX_SHEET, "une feuille"
    if lowered.endswith(("campaign.json", ".pem", ".crt", ".cer")):
        return MAX_SMALL, "ce fichier"
    return MAX_OTHER, "un fichier du paquet"


def member_problem(name: str, size: int, compressed: int | None) -> str | None:
    """Why a member of this (inflated) size is refused, or None. ``compressed``: its size in the zip."""
    limit, what = _kind(name)
    if size > limit:
        return f"fichier de {size_text(size)} une fois décompressé : {size_text(limit)} au plus pour {what}"
    if compressed is not None and size > RATIO_FROM and size > MAX_RATIO * max(compressed, 1):
        return (
            f"fichier compressé plus de {MAX_RATIO} fois ({size_text(size)} pour {size_text(compressed)}) : "
            "une archive piégée ? refaites-la avec « Envoyer vers > Dossier compressé »"
        )
    return None


def archive_problem(total: int, archive_size: int | None) -> str | None:
    """Why a package of ``total`` bytes inflated (from an archive of ``archive_size`` bytes) is refused."""
    if total > MAX_TOTAL:
        return f"le paquet fait {size_text(total)} une fois décompressé : {size_text(MAX_TOTAL)} au plus"
    if archive_size is not None and total > 10 * RATIO_FROM and total > MAX_RATIO * max(archive_size, 1):
        return (
            f"l'archive se décompresse plus de {MAX_RATIO} fois ({size_text(total)} pour "
            f"{size_text(archive_size)}) : une archive piégée ? refaites-la avec « Envoyer vers > Dossier "
            "compressé »"
        )
    return None
