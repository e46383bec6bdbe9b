"""Who the dossier should name: the candidate's last name, first name and the campaign's year.

The format report checks that the first page bears them. They come from the database (``--candidate ID`` on the
command line, the candidate being examined in the UI) through a :data:`CandidateLookup`, or from the command line
as one "NOM Prénom" string (:meth:`Expected.from_display_name`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from c2i2e_jury.errors import UserError


class CandidateNotFoundError(UserError):
    """No candidate with that id in the database."""


@dataclass(frozen=True)
class Expected:
    """What the first page must bear. ``year`` is the campaign's year (2017 for "2016-2017")."""

    last_name: str
    first_name: str
    year: int

    def __post_init__(self) -> None:
        if not self.last_name.strip() or not self.first_name.strip():
            raise ValueError("a candidate needs a last name and a first name")
        if not 2000 <= self.year <= 2099:
            raise ValueError(f"implausible campaign year {self.year}")

    @property
    def display_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}"

    @classmethod
    def from_display_name(cls, name: str, year: int) -> Expected:
        """Split "DUPONT Élodie" or "LE GALL Marie-Anne" (last name in capitals first) into its two names.

        Without a word in capitals, the first word is taken as the last name, as on a French list.
        """
        words = name.split()
        if len(words) < 2:
            raise UserError(f"« {name} » : donner le nom et le prénom, par exemple « DUPONT Élodie ».")
        upper = [w for w in words if w.isupper() and len(w.strip("-'")) > 1]
        if upper and len(upper) < len(words):
            last = [w for w in words if w in upper]
            first = [w for w in words if w not in upper]
        else:
            last, first = words[:1], words[1:]
        try:
            return cls(" ".join(last), " ".join(first), year)
        except ValueError as exc:
            raise UserError(f"Candidat invalide : {exc}.") from exc


# Given the database URL (None: the default database) and a candidate id, the expected name and year; raises
# CandidateNotFoundError (or another UserError) when it cannot say.
CandidateLookup = Callable[[str | None, str], Expected]
