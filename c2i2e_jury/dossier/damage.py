"""What can go wrong with a dossier, in the jury's words: the errors that refuse a file (:class:`DossierError`
and its kinds, one French sentence each), the :class:`Damage` recorded for a file that opens all the same, and
how MuPDF's complaints are caught (:data:`MUPDF_ERRORS`, :func:`mupdf_quiet`) and told apart: a warning that
means content was lost or rebuilt (:func:`is_damage_warning`) from a harmless one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pymupdf

from c2i2e_jury.errors import UserError

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
