"""The sheets that come out of Excel and go back to it. Reading: CSV with ``;`` or ``,``, UTF-8 with or without
BOM or Windows-1252, or the same sheet as ``.xlsx``; every row keeps its line number for the problem report.
Writing is :mod:`~c2i2e_jury.exchange.spreadsheet` (:func:`excel_csv`, re-exported here); what it did to keep a
cell text (a ``'`` before a formula, a mark before an identifier) is undone on reading."""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.spreadsheet import excel_csv, plain

__all__ = ["Row", "SheetError", "Table", "excel_csv", "read_csv", "read_xlsx"]


class SheetError(UserError):
    """A sheet that cannot be read at all (wrong encoding, a runaway cell): ``why`` is the reason without the
    file's name, for a problem list that already names the file."""

    def __init__(self, name: str, why: str) -> None:
        super().__init__(f"{name} : {why}.")
        self.name = name
        self.why = why


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "").strip()


@dataclass(frozen=True)
class Table:
    file: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


UTF16_ADVICE = "enregistrez-le en « CSV UTF-8 » ou « CSV (séparateur : point-virgule) »"


def is_utf16(data: bytes) -> bool:
    """A UTF-16 file (Excel's « Texte Unicode »): a UTF-16 byte order mark, or a NUL byte in every other place."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:2000]
    return len(head) >= 4 and head.count(0) * 3 >= len(head)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes, else Windows-1252 (what French Excel writes)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(header: str) -> str:
    return ";" if header.count(";") >= header.count(",") else ","


def read_csv(name: str, data: bytes) -> Table:
    """The sheet's rows; :class:`SheetError` when the file is UTF-16 or the csv module cannot cut it (a cell
    over its size limit, usually a quote never closed)."""
    if is_utf16(data):
        raise SheetError(name, f"fichier en UTF-16 : {UTF16_ADVICE}")
    text = decode_text(data)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        return table_of(name, _with_lines(reader))
    except csv.Error as exc:
        raise SheetError(name, f"ligne {reader.line_num} illisible, une cellule trop longue ou un guillemet "
                               f"jamais refermé ({exc})") from exc


def _with_lines(reader: Any) -> Iterator[tuple[int, list[str]]]:
    start = 1
    for record in reader:
        yield start, record
        start = reader.line_num + 1


def cell_text(value: object, number_format: str = "") -> str:
    """A typed spreadsheet cell as the text a CSV of it would hold: an ISO date, ``08:30`` (``08:30:15`` with
    seconds), ``33 %`` for a number shown as a percentage (Excel and Calc store 33 % as 0.33), ``oui``/``non``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, int | float) and "%" in number_format:
        return f"{round(value * 100, 9):g} %"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(name: str, data: bytes) -> Table:
    """The first sheet's rows; :class:`SheetError` when the file is not a workbook openpyxl can open (a renamed
    .xls or .csv, a damaged file)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # Damage may show when opening (not a zip, no workbook in it) or only when the rows are read (broken XML:
    # a SyntaxError subclass; a sheet that is missing: IndexError).
    unreadable = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, EOFError, zlib.error,
                  SyntaxError, IndexError)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = ((i, [cell_text(c.value, getattr(c, "number_format", "") or "") for c in row])
                    for i, row in enumerate(sheet.iter_rows(), start=1))
            return table_of(name, rows)
        finally:
            workbook.close()
    except unreadable as exc:
        raise SheetError(name, f"ce n'est pas un classeur Excel (.xlsx) lisible ({exc}) : enregistrez-le à nouveau "
                               "depuis Excel au format « Classeur Excel (.xlsx) »") from exc


def table_of(name: str, records: Iterator[tuple[int, list[str]]]) -> Table:
    """The rows under the header line, blank ones skipped, each cell as :func:`plain` gives it back."""
    header: tuple[str, ...] = ()
    rows: list[Row] = []
    for line, record in records:
        if not header:
            header = tuple(c.strip().lower().lstrip("\ufeff") for c in record)
            continue
        if not any(c.strip() for c in record):
            continue  # blank lines at the end of Excel exports
        values = {col: (plain(record[i]) if i < len(record) else "") for i, col in enumerate(header) if col}
        rows.append(Row(name, line, values))
    return Table(name, header, tuple(rows))
