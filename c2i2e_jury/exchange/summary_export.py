"""The president's table for the student records: CSV (French Excel), XLSX and JSON.

One row per candidate, one column per item. The CSV is what French Excel opens with a double click and the
accents right: ``;``-separated, UTF-8 with a byte order mark, CRLF line ends. A cell that a spreadsheet would
take for a formula (``=``, ``+``, ``-``, ``@`` first) is written as text, so that a name in a sheet can never run
anything. The JSON is for scripts: a list of candidates with their id, status, validated count, misses per
domain and whether the rules grant the certificate.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from c2i2e_jury.exchange.tabular import excel_csv

FORMATS = ("csv", "xlsx", "json")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class SummaryLine:
    """One candidate as the summary shows it; ``items`` maps each item to ``V``, ``NV``, ``acquis`` or ``""``."""

    candidate_id: str
    last_name: str
    first_name: str
    status: str  # the rules' status code (examined, absent, not_admitted, …)
    status_label: str  # its French label
    validated: int
    missing_by_domain: Mapping[str, int]
    certificate: bool  # the rules grant it
    decision: str = ""  # the certification jury's decision in force (French label), "" when none yet
    code: str = ""  # the verification code of the document in force
    flags: tuple[str, ...] = ()  # French labels
    items: Mapping[str, str] = field(default_factory=dict)


def _columns(codes: Sequence[str], domains: Sequence[str]) -> list[str]:
    return ["candidat", "nom", "prénom", "statut", "compétences validées (/28)",
            *(f"non validées {d}" for d in domains), "certificat (règles)", "décision du jury de certification",
            "code de vérification", "à examiner", *codes]


def _cells(line: SummaryLine, codes: Sequence[str], domains: Sequence[str]) -> list[str | int]:
    return [line.candidate_id, line.last_name, line.first_name, line.status_label, line.validated,
            *(line.missing_by_domain.get(d, 0) for d in domains), "oui" if line.certificate else "non",
            line.decision, line.code, ", ".join(line.flags), *(line.items.get(code, "") for code in codes)]


def _text_cell(value: str | int) -> str | int:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(lines: Sequence[SummaryLine], codes: Sequence[str], domains: Sequence[str]) -> bytes:
    return excel_csv(_columns(codes, domains), ([_text_cell(v) for v in _cells(line, codes, domains)]
                                                for line in lines))


def to_xlsx(lines: Sequence[SummaryLine], codes: Sequence[str], domains: Sequence[str], *,
            title: str = "Synthèse") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    columns = _columns(codes, domains)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    fills = {"V": PatternFill("solid", fgColor="E3F1E3"), "NV": PatternFill("solid", fgColor="F8E0E0"),
             "acquis": PatternFill("solid", fgColor="E3ECF8")}
    first_item = len(columns) - len(codes) + 1
    for row, line in enumerate(lines, start=2):
        for column, value in enumerate(_cells(line, codes, domains), start=1):
            cell = sheet.cell(row=row, column=column)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            if column >= first_item and value in fills:
                cell.fill = fills[str(value)]
    widths = {1: 12, 2: 18, 3: 14, 4: 16}
    for column in range(1, len(columns) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(
            column, 6 if column >= first_item else 12)
    sheet.freeze_panes = "E2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(lines) + 1)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_json(lines: Sequence[SummaryLine]) -> bytes:
    data = [{"id": line.candidate_id, "last_name": line.last_name, "first_name": line.first_name,
             "status": line.status, "validated": line.validated, "missing_by_domain": dict(line.missing_by_domain),
             "certificate": line.certificate, "decision": line.decision or None, "code": line.code or None,
             "flags": list(line.flags), "items": dict(line.items)} for line in lines]
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export(lines: Sequence[SummaryLine], fmt: str, codes: Sequence[str], domains: Sequence[str]) -> bytes:
    if fmt == "csv":
        return to_csv(lines, codes, domains)
    if fmt == "xlsx":
        return to_xlsx(lines, codes, domains)
    if fmt == "json":
        return to_json(lines)
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
