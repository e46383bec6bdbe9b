"""The sheets that come out of Excel and go back to it. Reading: CSV with ``;`` or ``,``, UTF-8 with or without
BOM or Windows-1252, or the same sheet as ``.xlsx``; every row keeps its line number for the problem report.
Writing is :mod:`~c2i2e_jury.exchange.spreadsheet` (:func:`excel_csv`, re-exported here); what it did to keep a
cell text (a ``'`` before a formula, a mark before an identifier) is undone on reading."""

from __future__ import annotations

import csv
import io
import lzma
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.spreadsheet import excel_csv, plain

__all__ = ["Row", "SheetError", "SheetLimits", "Table", "excel_csv", "read_csv", "read_xlsx", "table_of"]


class SheetError(UserError):
    """A sheet that cannot be read at all (wrong encoding, a runaway cell): ``why`` is the reason without the
    file's name, for a problem list that already names the file."""

    def __init__(self, name: str, why: str) -> None:
        super().__init__(f"{name} : {why}.")
        self.name = name
        self.why = why


@dataclass(frozen=True)
class SheetLimits:
    """How far a sheet is read before it is refused (the campaign package's, :mod:`.package.limits`): rows (and
    why that many), columns, a cell's characters, and for a workbook each part's inflated size and ratio."""

    rows: int
    rows_reason: str
    columns: int
    cell: int
    part: int
    ratio: int

    def too_many_rows(self) -> str:
        return (
            f"plus de {self.rows:_} lignes ({self.rows_reason}) : le reste du fichier n'a pas été lu"
        ).replace("_", " ")

    def check_record(self, line: int, record: list[str]) -> str | None:
        """Why this record is refused (too many columns, a cell too long), or None."""
        if any(value.strip() for value in record[self.columns :]):
            return f"ligne {line} : plus de {self.columns} colonnes, la limite d'une feuille"
        for column, value in enumerate(record, start=1):
            if len(value) > self.cell:
                return (
                    f"ligne {line}, colonne {column} : cellule de {len(value)} caractères, "
                    f"{self.cell} au plus"
                )
        return None


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


def read_csv(name: str, data: bytes, limits: SheetLimits | None = None) -> Table:
    """The sheet's rows; :class:`SheetError` when the file is UTF-16 or the csv module cannot cut it (a cell
    over its size limit, usually a quote never closed), or past one of ``limits``."""
    if is_utf16(data):
        raise SheetError(name, f"fichier en UTF-16 : {UTF16_ADVICE}")
    text = decode_text(data)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        return table_of(name, _with_lines(reader), limits)
    except csv.Error as exc:
        raise SheetError(
            name,
            f"ligne {reader.line_num} illisible, une cellule trop longue ou un guillemet "
            f"jamais refermé ({exc})",
        ) from exc


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


def read_xlsx(name: str, data: bytes, limits: SheetLimits | None = None) -> Table:
    """The first sheet's rows, streamed (openpyxl's read-only mode, the sheet's declared dimension ignored: a
    workbook may claim A1:XFD1048576); :class:`SheetError` when the file is not a workbook openpyxl can open (a
    renamed .xls or .csv, a damaged file), or past one of ``limits`` (a part inflating past its size included)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # Damage may show when opening (not a zip, no workbook in it) or only when the rows are read (broken XML:
    # a SyntaxError subclass; a sheet that is missing: IndexError; a cell of the wrong type: TypeError, or
    # ValueError as for a number of more than 4,300 digits); a part compressed in a way zipfile cannot undo:
    # NotImplementedError; a password: RuntimeError.
    unreadable = (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        ValueError,
        OSError,
        EOFError,
        zlib.error,
        SyntaxError,
        IndexError,
        TypeError,
        AttributeError,
        NotImplementedError,
        RuntimeError,
        OverflowError,
        lzma.LZMAError,
    )
    try:
        if limits is not None:
            check_parts(name, data, limits)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()
            width = limits.columns + 1 if limits is not None else None
            rows = (
                (i, [cell_text(c.value, getattr(c, "number_format", "") or "") for c in row])
                for i, row in enumerate(sheet.iter_rows(max_col=width), start=1)
            )
            return table_of(name, rows, limits)
        finally:
            workbook.close()
    except unreadable as exc:
        raise SheetError(
            name,
            f"ce n'est pas un classeur Excel (.xlsx) lisible ({exc}) : enregistrez-le à nouveau "
            "depuis Excel au format « Classeur Excel (.xlsx) »",
        ) from exc


def check_parts(name: str, data: bytes, limits: SheetLimits) -> None:
    """Refuse a workbook one of whose parts inflates past ``limits.part`` or ``limits.ratio`` times its size,
    before openpyxl loads it (it keeps the shared strings in memory)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > limits.part or (info.file_size > 1 << 20 and ratio > limits.ratio):
                raise SheetError(
                    name,
                    f"la partie {info.filename} du classeur se décompresse en "
                    f"{info.file_size:_} octets ({limits.part:_} au plus, {limits.ratio} fois "
                    f"sa taille compressée au plus) : classeur piégé ou abîmé".replace("_", " "),
                )


def table_of(
    name: str, records: Iterator[tuple[int, Sequence[str]]], limits: SheetLimits | None = None
) -> Table:
    """The rows under the header line, blank ones skipped, each cell as :func:`plain` gives it back; reading
    stops at the first record past ``limits``."""
    header: tuple[str, ...] = ()
    rows: list[Row] = []
    for line, record in records:
        if limits is not None:
            _within(name, line, list(record), limits)
        if not header:
            header = tuple(c.strip().lower().lstrip("\ufeff") for c in record)
            continue
        if not any(c.strip() for c in record):
            continue  # blank lines at the end of Excel exports
        values = {col: (plain(record[i]) if i < len(record) else "") for i, col in enumerate(header) if col}
        rows.append(Row(name, line, values))
        if limits is not None and len(rows) > limits.rows:
            raise SheetError(name, limits.too_many_rows())
    return Table(name, header, tuple(rows))


def _within(name: str, line: int, record: list[str], limits: SheetLimits) -> None:
    """Stop reading at the first record past a limit: the rest of a runaway sheet is never read."""
    if line > 2 * limits.rows + 1:  # blank lines count too: a stray cell on line 1,048,576
        raise SheetError(name, limits.too_many_rows())
    why = limits.check_record(line, record)
    if why:
        raise SheetError(name, why)
