"""The president's table for the student records (docs/FORMATS.md §5.3): CSV (French Excel), XLSX and JSON.

One row per candidate, one column per item, French headers and labels, for the secretariat. The CSV is what
French Excel opens with a double click and the accents right, written by
:func:`~c2i2e_jury.exchange.spreadsheet.excel_csv` (no cell a formula, identifiers kept text). The JSON is for
scripts, format ``c2i2e-summary/1`` with its JSON Schema in ``resources/schemas/c2i2e-summary.schema.json``: codes
(``examined``, ``certificate``, ``V``/``NV``/``prior``…) that do not change with a translation, each French label
beside its code; a decision has the same code as in the PV's ``c2i2e-pv.json`` (``decided``).
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from c2i2e_jury.exchange.spreadsheet import excel_csv, text_cell

FORMATS = ("csv", "xlsx", "json")
JSON_FORMAT = "c2i2e-summary/1"
SCHEMA_FILE = "c2i2e-summary.schema.json"
ITEM_CODES = {"V": "V", "NV": "NV", "acquis": "prior", "": None}  # the table's cell -> the JSON's value
IDENTIFIERS = ("candidat", "code de vérification")


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
    decision: str = (
        ""  # the decision in force, as the PV codes it (certificate, attestation, …); "" when none yet
    )
    decision_label: str = ""  # its French label
    code: str = ""  # the verification code of the document in force
    flags: tuple[str, ...] = ()  # French labels
    items: Mapping[str, str] = field(default_factory=dict)
    flag_codes: tuple[str, ...] = ()  # the flags' codes (borderline, changed, …), in the same order


def _columns(codes: Sequence[str], domains: Sequence[str]) -> list[str]:
    return [
        "candidat",
        "nom",
        "prénom",
        "statut",
        "compétences validées (/28)",
        *(f"non validées {d}" for d in domains),
        "certificat (règles)",
        "décision du jury de certification",
        "code de vérification",
        "à examiner",
        *codes,
    ]


def _cells(line: SummaryLine, codes: Sequence[str], domains: Sequence[str]) -> list[str | int]:
    return [
        line.candidate_id,
        line.last_name,
        line.first_name,
        line.status_label,
        line.validated,
        *(line.missing_by_domain.get(d, 0) for d in domains),
        "oui" if line.certificate else "non",
        line.decision_label,
        line.code,
        ", ".join(line.flags),
        *(line.items.get(code, "") for code in codes),
    ]


def to_csv(lines: Sequence[SummaryLine], codes: Sequence[str], domains: Sequence[str]) -> bytes:
    return excel_csv(_columns(codes, domains), (_cells(line, codes, domains) for line in lines), IDENTIFIERS)


def to_xlsx(
    lines: Sequence[SummaryLine], codes: Sequence[str], domains: Sequence[str], *, title: str = "Synthèse"
) -> bytes:
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
    fills = {
        "V": PatternFill("solid", fgColor="E3F1E3"),
        "NV": PatternFill("solid", fgColor="F8E0E0"),
        "acquis": PatternFill("solid", fgColor="E3ECF8"),
    }
    first_item = len(columns) - len(codes) + 1
    for row, line in enumerate(lines, start=2):
        for column, value in enumerate(_cells(line, codes, domains), start=1):
            cell = sheet.cell(row=row, column=column)
            text_cell(cell, value)  # a text is never a formula, whatever it starts with
            if column >= first_item and value in fills:
                cell.fill = fills[str(value)]
    widths = {1: 12, 2: 18, 3: 14, 4: 16}
    for column in range(1, len(columns) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(
            column, 6 if column >= first_item else 12
        )
    sheet.freeze_panes = "E2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(lines) + 1)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _candidate_json(line: SummaryLine) -> dict[str, Any]:
    return {
        "id": line.candidate_id,
        "last_name": line.last_name,
        "first_name": line.first_name,
        "status": line.status,
        "status_label": line.status_label,
        "validated": line.validated,
        "missing_by_domain": dict(line.missing_by_domain),
        "certificate": line.certificate,
        "decision": line.decision or None,
        "decision_label": line.decision_label or None,
        "code": line.code or None,
        "flags": [
            {"code": code, "label": label} for code, label in zip(line.flag_codes, line.flags, strict=True)
        ],
        "items": {code: ITEM_CODES.get(mark, mark) for code, mark in line.items.items()},
    }


def to_json(lines: Sequence[SummaryLine], campaign: str | None = None) -> bytes:
    """``c2i2e-summary/1``: an object, so that a reader checks the format before reading the candidates."""
    data = {
        "format": JSON_FORMAT,
        "campaign": campaign,
        "candidates": [_candidate_json(line) for line in lines],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export(
    lines: Sequence[SummaryLine],
    fmt: str,
    codes: Sequence[str],
    domains: Sequence[str],
    campaign: str | None = None,
) -> bytes:
    if fmt == "csv":
        return to_csv(lines, codes, domains)
    if fmt == "xlsx":
        return to_xlsx(lines, codes, domains)
    if fmt == "json":
        return to_json(lines, campaign)
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
