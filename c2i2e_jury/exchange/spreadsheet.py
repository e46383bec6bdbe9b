"""The one writer of every sheet the program hands to people (docs/FORMATS.md §7): CSV as French Excel saves
« CSV UTF-8 », or the same table as an XLSX workbook.

Two things a spreadsheet does on its own are undone here, the same way for every file:

- **Formulas.** A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to Excel
  and LibreOffice (``=HYPERLINK(…)`` in a candidate's name would be a live link): it is written with a ``'`` in
  front, as OWASP's CSV-injection guidance says, and so shows as text. In XLSX every text is a text cell.
- **Identifiers.** ``00123`` becomes 123, ``1E5`` 100000, ``12/06`` a date. In an XLSX identifiers are text cells.
  A CSV has no types, and the only CSV notation Excel reads as text, ``="00123"``, is itself a formula; so an
  identifier a spreadsheet would convert is written after an invisible WORD JOINER (U+2060): no spreadsheet reads that
  cell as a number (LibreOffice's conversion proves it in ``tests/exchange/test_spreadsheet_files.py``), it shows
  as typed, and the program's readers drop the mark (:func:`plain`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import PurePath

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "\u2060"  # WORD JOINER: invisible, not a space, so no spreadsheet trims it and reads a number
FORMATS = ("csv", "xlsx")


def neutralise(value: str) -> str:
    """``value`` as text a spreadsheet will not run: a ``'`` before a formula's first character."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


# What a spreadsheet may read as a number, a date or a time: a digit or a decimal separator first (00123, 1E5,
# 12/06, 8:30, .5), or a month's name before a number (mai-17, Jan 5, sept. 2017), in French or English.
_CONVERTIBLE = re.compile(
    r"[0-9]|[.,][0-9]|(janv?|f[eé]vr?|feb|mars?|apr|avr|ma[iy]|jui?[nl]|ju[nl]|ao[uû]|aug"
    r"|sept?|oct|nov|d[eé]c)[a-zéû]*\.?[\s./-]*[0-9]",
    re.IGNORECASE,
)


def identifier(value: str) -> str:
    """An identifier's CSV cell: neutralised, and marked as text when a spreadsheet could read a number, a date
    or a time in it (``00123``, ``1E5``, ``12/06``); ``C2017-001`` or ``J1`` are left as they are."""
    safe = neutralise(value)
    if safe == value and _CONVERTIBLE.match(value):
        return TEXT_MARK + value
    return safe


def plain(value: str) -> str:
    """What :func:`neutralise` or :func:`identifier` was given: the reading side, for sheets that come back."""
    if value.startswith(TEXT_MARK):
        return value[len(TEXT_MARK) :]
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _csv_row(row: Sequence[object], ids: Sequence[bool]) -> list[object]:
    return [
        value if not isinstance(value, str) else identifier(value) if is_id else neutralise(value)
        for value, is_id in zip(row, ids, strict=False)
    ] + list(row[len(ids) :])


def excel_csv(
    columns: Sequence[str], rows: Iterable[Sequence[object]], identifiers: Collection[str] = ()
) -> bytes:
    """``;``-separated, UTF-8 with a byte order mark, CRLF line ends: what French Excel saves as « CSV UTF-8 » and
    opens with its accents right, by a double click. Text cells are neutralised; ``identifiers`` names the
    columns whose cells stay text (see the module's docstring). Numbers (``int``) stay numbers."""
    ids = [c in identifiers for c in columns]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in columns])
    writer.writerows(_csv_row(row, ids) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def excel_xlsx(columns: Sequence[str], rows: Iterable[Sequence[object]], title: str = "Feuille") -> bytes:
    """The same table as a workbook: every ``str`` a text cell (an identifier keeps its zeros, a formula is
    shown, never run), numbers as numbers, the header bold and frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its sheet
    sheet.title = title[:31]
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            text_cell(sheet.cell(row=line, column=column), value)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def text_cell(cell: object, value: object) -> None:
    """Put ``value`` in an openpyxl cell; a ``str`` stays a text cell even when it starts like a formula."""
    cell.value = value  # type: ignore[attr-defined]
    if isinstance(value, str):
        cell.data_type = "s"  # type: ignore[attr-defined]


def table_bytes(
    fmt: str, columns: Sequence[str], rows: Iterable[Sequence[object]], identifiers: Collection[str] = ()
) -> bytes:
    """The table as ``fmt`` (``csv`` or ``xlsx``)."""
    if fmt == "xlsx":
        return excel_xlsx(columns, rows)
    if fmt == "csv":
        return excel_csv(columns, rows, identifiers)
    raise ValueError(f"unknown sheet format {fmt!r}: one of {', '.join(FORMATS)}")


def format_of(path: str | PurePath) -> str:
    """``xlsx`` for a path ending in ``.xlsx`` (any case), else ``csv``: the user picks the format by the name."""
    return "xlsx" if PurePath(path).suffix.lower() == ".xlsx" else "csv"
