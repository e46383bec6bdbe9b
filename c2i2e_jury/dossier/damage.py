"""What can go wrong with a dossier, in the jury's words: the errors that refuse a file (:class:`DossierError`
and its kinds, one French sentence each; :func:`check_bytes` refuses what is no PDF before MuPDF sees it), the
:class:`Damage` recorded for a file that opens all the same (kept by a :class:`DamageLog` as pages are read), and
how MuPDF's complaints are caught (:data:`MUPDF_ERRORS`, :func:`mupdf_quiet`) and told apart: a warning that
means content was lost or rebuilt (:func:`is_damage_warning`) from a harmless one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pymupdf

from c2i2e_jury.errors import UserError

log = logging.getLogger(__name__)

MUPDF_ERRORS: tuple[type[BaseException], ...] = (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)
# MuPDF warnings that mean content was lost or rebuilt; others (a broken ICC profile ignored...) are harmless.
_DAMAGE_WARNING = re.compile(
    r"format error|cannot load|cannot (?:draw|render|find|read)|not a stream|repair|zlib|"
    r"unexpected end|premature end|truncated|read error|corrupt|non-page object|page tree",
    re.IGNORECASE,
)


class DossierError(UserError):
    """A dossier that cannot be opened or shown; the message is one French sentence for the jury."""


class FileAccessError(DossierError):
    """The file cannot be read at all (missing, no permission)."""


class EmptyFileError(DossierError):
    """The file has no bytes, or a PDF with no page."""


class NotPdfError(DossierError):
    """The file is something else (a Word document, a picture, text) named .pdf."""


class EncryptedError(DossierError):
    """The PDF needs a password to be opened."""


class DamagedError(DossierError):
    """MuPDF cannot make sense of the file, or (``require_intact``) had to repair it."""


class PageError(DossierError):
    """One page cannot be read or rendered."""


@dataclass(frozen=True)
class Damage:
    """Something the jury must know about the file; ``page`` is None for the file as a whole."""

    page: int | None
    message: str
    limit: bool = False  # past a limit of dossier/limits.py: the message says which, the report repeats it


def check_bytes(data: bytes, label: str) -> None:
    """Refuse an empty file, or one that is not a PDF at all, before MuPDF is asked to open it."""
    if not data:
        raise EmptyFileError(f"Le fichier « {label} » est vide (0 octet).")
    if b"%PDF-" not in data[:1024]:
        kind = (
            " (une archive ZIP : un document Word ou LibreOffice ?)" if data.startswith(b"PK\x03\x04") else ""
        )
        raise NotPdfError(f"Le fichier « {label} » n'est pas un PDF{kind}.")


class DamageLog:
    """What is known to be damaged in one dossier so far, and every warning MuPDF gave about it."""

    def __init__(self, name: str, warnings: list[str]) -> None:
        self.name = name
        self.warnings: list[str] = list(warnings)
        self._found: list[Damage] = []

    @property
    def found(self) -> tuple[Damage, ...]:
        return tuple(self._found)

    def add(self, damage: Damage) -> None:
        if damage not in self._found:
            self._found.append(damage)

    def note(self, warnings: list[str], number: int | None) -> bool:
        """Keep MuPDF's warnings; record damage when they say content was lost. True if so."""
        if not warnings:
            return False
        self.warnings.extend(warnings)
        log.info("MuPDF warnings on %s page %s: %s", self.name, number, "; ".join(warnings))
        if not any(is_damage_warning(w) for w in warnings):
            return False
        where = f"La page {number}" if number else "Le fichier"
        self.add(Damage(number, f"{where} contient des erreurs : une partie de son contenu peut manquer."))
        return True

    def require_intact(self) -> None:
        """Raise :class:`DamagedError` with the first damage found, if any."""
        if self._found:
            first = self._found[0]
            where = f" (page {first.page})" if first.page else ""
            raise DamagedError(f"« {self.name} »{where} : {first.message}")


@contextmanager
def mupdf_quiet(into: list[str]) -> Iterator[None]:
    """Run MuPDF with its stderr display off, appending the warnings it raised meanwhile to ``into``."""
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    pymupdf.TOOLS.reset_mupdf_warnings()
    try:
        yield
    finally:
        text = readable(pymupdf.TOOLS.mupdf_warnings(reset=True))
        into.extend(line for line in text.splitlines() if line.strip())


def readable(text: str) -> str:
    """MuPDF's message with the file's raw bytes it quotes (a name in ``\\xff``, which PyMuPDF hands over as
    lone surrogates) made printable: such a string cannot be written to a UTF-8 log, and logging then printed
    its own traceback on stderr for each warning."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_damage_warning(warning: str) -> bool:
    """Whether a MuPDF warning says that content was lost or rebuilt."""
    return _DAMAGE_WARNING.search(warning) is not None
