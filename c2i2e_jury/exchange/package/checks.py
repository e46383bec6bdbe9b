"""Checking a campaign package's cells one by one and collecting every problem instead of stopping at the first,
so that the secretariat can fix the whole package at once: yes/no in the ways Excel users type them, dates,
times of day, competence codes. Each problem says where (file, line, column), the offending value, and why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.exchange.package.spreadsheet_values import parse_date
from c2i2e_jury.exchange.package.spreadsheet_values import parse_time as parse_time  # for its older importers
from c2i2e_jury.exchange.spreadsheet import table_bytes
from c2i2e_jury.exchange.tabular import Row, Table

YES = {"oui", "yes", "o", "y", "vrai", "true", "1", "x"}
NO = {"non", "no", "n", "faux", "false", "0"}


@dataclass(frozen=True)
class Problem:
    """One reason to refuse the package, as the secretariat reads it: ``where: why ('value')``."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    why: str

    def __str__(self) -> str:
        where = (
            self.file
            + (f", ligne {self.line}" if self.line else "")
            + (f", colonne {self.column}" if self.column else "")
        )
        value = f" ({self.value!r})" if self.value not in (None, "") else ""
        return f"{where}: {self.why}{value}"


UNSAFE_ID = "identifiant refusé : ni « / », ni « \\ », ni « .. », ni point au début, ni caractère de contrôle"


def safe_identifier(value: str) -> bool:
    """An identifier that may become part of a file name anywhere (exports, room kits, sheets) without leading
    out of its folder: no path separator, no ``..``, no leading dot, no control character."""
    return not (
        "/" in value
        or "\\" in value
        or ".." in value
        or value.startswith(".")
        or any(unicodedata.category(c) == "Cc" for c in value)
    )


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _unstorable(value: str) -> str | None:
    hit = _UNSTORABLE.search(value)
    if hit is None:
        return None
    if hit.group() == "\x00":
        return "caractère nul (octet 0) : fichier abîmé ou mal enregistré"
    return "caractère invalide (moitié d'une paire UTF-16) : fichier abîmé ou mal enregistré"


def _shown(value: str) -> str:
    """The value as a problem may show it: NUL and lone surrogates as �, at most 100 characters."""
    return _UNSTORABLE.sub("�", value)[:100]


PROBLEM_COLUMNS = ("fichier", "ligne", "colonne", "valeur", "problème")


def problems_csv(problems: Sequence[Problem], fmt: str = "csv") -> bytes:
    """The refused package's problems as a sheet for Excel (CSV, or XLSX with ``fmt``), one a row, to fix the
    files by: file, line, column, the value found (kept text: it is often an identifier), why."""
    rows = (
        (p.file, "" if p.line is None else p.line, p.column or "", p.value or "", p.why) for p in problems
    )
    return table_bytes(fmt, PROBLEM_COLUMNS, rows, ("valeur",))


class Checker:
    """Collects every problem instead of stopping at the first: each check records what is wrong in a cell and
    returns a usable value (or None), so that reading goes on to the end of the package."""

    def __init__(self, referential: Referential) -> None:
        self.referential = referential
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # worth saying at import, not a reason to refuse

    def add(self, file: str, line: int | None, column: str | None, value: str | None, why: str) -> None:
        self.problems.append(Problem(file, line, column, value, why))

    def warn(self, file: str, line: int | None, column: str | None, value: str | None, why: str) -> None:
        self.warnings.append(Problem(file, line, column, value, why))

    def cells(self, table: Table, limits: dict[str, int]) -> Table:
        """Report cells holding a NUL character (a damaged file; PostgreSQL would refuse it), half a UTF-16
        surrogate pair (no database can store it) or longer than the database keeps (``limits``: column ->
        characters); the table as is."""
        for row in table.rows:
            for column, value in row.values.items():
                why = _unstorable(value)
                if why:
                    self.add(row.file, row.line, column, _shown(value), why)
                elif column in limits and len(row.get(column)) > limits[column]:
                    self.too_long(row.file, row.line, column, row.get(column), limits[column])
        return table

    def json_text(self, file: str, data: object, key: str | None = None) -> None:
        """Report every string of a JSON document (keys too) the database could not store, with its key."""
        if isinstance(data, dict):
            for name, value in data.items():
                self.json_text(file, name, key)
                self.json_text(file, value, name if key is None else f"{key}.{name}")
        elif isinstance(data, list):
            for value in data:
                self.json_text(file, value, key)
        elif isinstance(data, str) and (why := _unstorable(data)):
            self.add(file, None, key, _shown(data), why)

    def too_long(self, file: str, line: int | None, column: str, value: str, limit: int) -> None:
        self.add(
            file,
            line,
            column,
            value[:60] + "…",
            f"texte trop long ({len(value)} caractères, {limit} au plus)",
        )

    def candidate_id(self, row: Row) -> bool:
        """Whether the row's candidate id is safe to use in file names; reports it when not."""
        value = row.get("candidate_id")
        if safe_identifier(value):
            return True
        self.add(row.file, row.line, "candidate_id", value[:100], UNSAFE_ID)
        return False

    def boolean(self, row: Row, column: str, default: bool | None = None) -> bool:
        """oui/non, yes/no (and what Excel users type for them); empty means ``default`` when one is given."""
        raw = row.get(column)
        value = raw.lower()
        if not value and default is not None:
            return default
        if value in YES:
            return True
        if value in NO and value:
            return False
        self.add(row.file, row.line, column, raw, "oui/non (ou yes/no) attendu")
        return False

    def date(self, row: Row, column: str, required: bool = False) -> date | None:
        raw = row.get(column)
        if not raw:
            if required:
                self.add(row.file, row.line, column, raw, "date obligatoire")
            return None
        parsed = parse_date(raw)
        if parsed is None:
            self.add(row.file, row.line, column, raw, "date invalide (AAAA-MM-JJ ou JJ/MM/AAAA attendu)")
        return parsed

    def item(self, row: Row) -> str | None:
        raw = row.get("item")
        code = raw.upper().replace(" ", "")
        if code not in self.referential:
            self.add(row.file, row.line, "item", raw, "code de compétence inconnu (A1.1 … B4.3)")
            return None
        return code
