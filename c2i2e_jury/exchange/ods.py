"""A sheet saved by LibreOffice Calc in its own format (``.ods``, OpenDocument): the first table's rows, each typed
cell as the text :func:`~c2i2e_jury.exchange.tabular.cell_text` gives for the same cell of an XLSX. Read with the
standard library's XML parser (no external entities; expat refuses entity-expansion bombs), streamed, and
bounded: a table of 1,048,576 repeated empty rows (how Calc saves a formatted column) costs nothing."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime, time
from xml.etree import ElementTree

from c2i2e_jury.exchange.tabular import SheetError, SheetLimits, Table, cell_text, check_parts, table_of

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CELLS = (_TABLE + "table-cell", _TABLE + "covered-table-cell")
_DURATION = re.compile(r"^-?P(?:\d+D)?T(\d+)H(\d+)M(\d+)(?:\.\d+)?S$")
MAX_COLUMNS = 1000  # what a package sheet could need, many times over


def _typed(cell: ElementTree.Element) -> object:
    """The cell's value as openpyxl would give it (float, date, time, bool or text)."""
    kind = cell.get(_OFFICE + "value-type", "")
    if kind in ("float", "percentage", "currency"):
        return float(cell.get(_OFFICE + "value", "0"))
    if kind == "date":
        raw = cell.get(_OFFICE + "date-value", "")
        return datetime.fromisoformat(raw) if "T" in raw else date.fromisoformat(raw)
    if kind == "time":
        match = _DURATION.match(cell.get(_OFFICE + "time-value", ""))
        if match:
            hours, minutes, seconds = (int(g) for g in match.groups())
            return time(hours % 24, minutes, seconds)
    if kind == "boolean":
        return cell.get(_OFFICE + "boolean-value") == "true"
    return "\n".join("".join(p.itertext()) for p in cell if p.tag.endswith("}p"))


def _row(row: ElementTree.Element) -> list[str]:
    values: list[str] = []
    for cell in row:
        if cell.tag not in _CELLS:
            continue
        text = cell_text(_typed(cell), "%" if cell.get(_OFFICE + "value-type") == "percentage" else "")
        repeat = int(cell.get(_TABLE + "number-columns-repeated", "1"))
        values += [text] * min(repeat, MAX_COLUMNS - len(values))
    while values and not values[-1]:
        values.pop()
    return values


def _rows(content: io.BufferedIOBase) -> Iterator[tuple[int, list[str]]]:
    line = 0
    for event, element in ElementTree.iterparse(content, events=("end",)):
        if element.tag == _TABLE + "table-row":
            repeat = int(element.get(_TABLE + "number-rows-repeated", "1"))
            values = _row(element)
            element.clear()
            if values:
                for _ in range(min(repeat, 10_000)):
                    line += 1
                    yield line, values
            else:
                line += repeat
        elif element.tag == _TABLE + "table" and event == "end":
            return  # the first sheet only


def read_ods(name: str, data: bytes, limits: SheetLimits | None = None) -> Table:
    """The first sheet's rows; :class:`SheetError` when the file is not an OpenDocument spreadsheet, or past one
    of ``limits`` (a part inflating past its size included, before it is parsed)."""
    try:
        if limits is not None:
            check_parts(name, data, limits)
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as content:
            return table_of(name, _rows(content), limits)  # type: ignore[arg-type]
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        EOFError,
        zlib.error,
        ElementTree.ParseError,
    ) as exc:
        raise SheetError(
            name,
            f"ce n'est pas un classeur OpenDocument (.ods) lisible ({exc}) : enregistrez-le à "
            "nouveau depuis LibreOffice au format « Classeur ODF (.ods) »",
        ) from exc
