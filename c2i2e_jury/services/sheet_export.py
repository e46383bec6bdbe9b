"""End of the day (docs/FORMATS.md §5.1): the day's signed sheets copied to a chosen folder (a USB key) with
an index.

Only stored sheets leave, and a stored sheet is signed by both jurors by construction; each is checked once more
(its bytes against the hash recorded when it was signed, its signatures against the campaign authority when the
database knows it) before anything is written. Every file is written beside its final name, flushed to the
device and renamed: a key pulled out too early holds whole files or none. ``index.xlsx`` (the same table, for
Excel: identifiers as text cells) then ``index.csv`` are written last.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.exchange.spreadsheet import excel_csv, excel_xlsx, plain
from c2i2e_jury.files import file_name_part, write_durably
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.sheet_signing import authority_of
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Candidate, ResultSheet

log = logging.getLogger(__name__)

INDEX_NAME = "index.csv"
INDEX_XLSX = "index.xlsx"
# In French, as the secretariat reads it in Excel; an index written before (English headers) is still read.
INDEX_COLUMNS = (
    "fichier",
    "candidat",
    "nom",
    "prénom",
    "version",
    "remplace",
    "sha256",
    "statut",
    "compétences validées",
    "certificat",
    "signée le",
)
INDEX_IDS = ("candidat", "sha256")
_ENGLISH_COLUMNS = dict(
    zip(
        (
            "file",
            "candidate",
            "last_name",
            "first_name",
            "version",
            "supersedes",
            "sha256",
            "status",
            "validated",
            "certificate",
            "signed_at",
        ),
        INDEX_COLUMNS,
        strict=True,
    )
)
STATUS_TEXT = {
    "examined": "examiné",
    "absent": "absent (abandon)",
    "not_admitted": "non admis",
    "annulled": "annulé (plagiat)",
}


class SheetExportError(UserError):
    """The sheets cannot be exported (nothing, or not all of them, was written)."""


@dataclass(frozen=True)
class DayCandidate:
    """A candidate of the exported day and the sheet that leaves for them (None: nothing signed yet)."""

    candidate_pk: int
    candidate_id: str
    full_name: str
    version: int | None
    reopened: bool  # the last signed version was reopened and its correction is not signed yet


def safe_part(text: str, fallback: str) -> str:
    """A file-name part every file system accepts: ASCII letters, digits, ``-`` and ``.``."""
    return file_name_part(text, fallback, lower=False, dots=True)


def sheet_file_name(candidate: Candidate, version: int) -> str:
    day = candidate.oral_date.isoformat() if candidate.oral_date else "sans-date"
    return (
        f"{day}_{safe_part(candidate.room, 'sans-salle')}_{safe_part(candidate.candidate_id, 'candidat')}"
        f"_v{version}.pdf"
    )


def _candidates(session: Any, room: str | None, day: date | None) -> list[Candidate]:
    query = select(Candidate)
    if room:
        query = query.where(Candidate.room == room)
    if day:
        query = query.where(Candidate.oral_date == day)
    return list(
        session.scalars(query.order_by(Candidate.oral_date, Candidate.oral_time, Candidate.candidate_id))
    )


def latest_sheets(session: Any, pks: list[int]) -> dict[int, ResultSheet]:
    if not pks:
        return {}
    newest = (
        select(ResultSheet.candidate_pk, func.max(ResultSheet.version).label("version"))
        .where(ResultSheet.candidate_pk.in_(pks))
        .group_by(ResultSheet.candidate_pk)
        .subquery()
    )
    rows = session.scalars(
        select(ResultSheet).join(
            newest,
            (ResultSheet.candidate_pk == newest.c.candidate_pk) & (ResultSheet.version == newest.c.version),
        )
    )
    return {row.candidate_pk: row for row in rows}


def day_candidates(db: Database, *, room: str | None = None, day: date | None = None) -> list[DayCandidate]:
    """What an export of this room and day would hold, candidate by candidate (for the dialog's warning)."""
    with db.read() as session:
        candidates = _candidates(session, room, day)
        sheets = latest_sheets(session, [c.pk for c in candidates])
        return [
            DayCandidate(
                c.pk,
                c.candidate_id,
                c.full_name,
                sheets[c.pk].version if c.pk in sheets else None,
                bool(c.pk in sheets and sheets[c.pk].reopen_reason.strip()),
            )
            for c in candidates
        ]


def export_signed(
    db: Database, out_dir: Path | str, *, room: str | None = None, day: date | None = None
) -> Path:
    """Copy the latest signed version of each candidate's sheet (of ``room`` and ``day`` when given) into
    ``out_dir``, with ``index.csv`` and ``index.xlsx``; returns the CSV index's path. Candidates without a signed sheet are left out."""
    out = Path(out_dir)
    files: list[tuple[str, bytes, dict[str, str]]] = []
    with db.read() as session:
        candidates = _candidates(session, room, day)
        sheets = latest_sheets(session, [c.pk for c in candidates])
        roots_by_campaign: dict[str, list[Any]] = {}
        for candidate in candidates:
            sheet = sheets.get(candidate.pk)
            if sheet is None:
                continue
            if candidate.campaign_id not in roots_by_campaign:
                roots_by_campaign[candidate.campaign_id] = authority_of(session, candidate.campaign_id)
            _check(candidate, sheet, roots_by_campaign[candidate.campaign_id])
            name = sheet_file_name(candidate, sheet.version)
            files.append((name, sheet.pdf, _index_row(name, candidate, sheet)))
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, pdf, _row in files:
            write_durably(out / name, pdf, sync_folder=False)
        index = out / INDEX_NAME
        table = _index_table(index, [row for _n, _p, row in files])
        write_durably(out / INDEX_XLSX, excel_xlsx(INDEX_COLUMNS, table), sync_folder=False)
        write_durably(index, excel_csv(INDEX_COLUMNS, table, INDEX_IDS))  # and the folder, once
    except OSError as exc:
        raise SheetExportError(f"Impossible d'écrire dans {out} : {os_error_text(exc)}.") from exc
    log.info("%d signed sheets exported to %s (room %s, day %s)", len(files), out, room, day)
    return index


def _check(candidate: Candidate, sheet: ResultSheet, roots: list[Any]) -> None:
    from c2i2e_jury.exchange.signatures import SheetRejected, verify_sheet

    if hashlib.sha256(sheet.pdf).hexdigest() != sheet.sha256:
        raise SheetExportError(
            f"La feuille signée de {candidate.candidate_id} (version {sheet.version}) a été "
            "altérée dans la base : rien n'a été exporté."
        )
    if roots:
        try:
            verify_sheet(sheet.pdf, roots, referential())
        except SheetRejected as exc:
            raise SheetExportError(
                f"La feuille de {candidate.candidate_id} (version {sheet.version}) n'est pas "
                f"valide : {exc.message} Rien n'a été exporté."
            ) from exc


def _index_row(name: str, candidate: Candidate, sheet: ResultSheet) -> dict[str, str]:
    result: dict[str, Any] = dict(sheet.result)
    outcome = result.get("outcome", {})
    status = str(result.get("status", ""))
    values = (
        name,
        candidate.candidate_id,
        candidate.last_name,
        candidate.first_name,
        str(sheet.version),
        "" if sheet.supersedes is None else str(sheet.supersedes),
        sheet.sha256,
        STATUS_TEXT.get(status, status),
        str(outcome.get("validated", "")),
        "oui" if outcome.get("certificate") else "non",
        _local_time(str(result.get("signed_at", ""))),
    )
    return dict(zip(INDEX_COLUMNS, values, strict=True))


def _local_time(iso: str) -> str:
    """« 12/06/2017 11:02 », the laptop's time of day, as the jurors saw it."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return iso


def _index_table(index: Path, rows: list[dict[str, str]]) -> list[list[str]]:
    """This export's rows, and those of an earlier export to the same folder whose files are still there."""
    names = {row["fichier"] for row in rows}
    candidates = {row["candidat"] for row in rows}
    kept = [
        row
        for row in _read_index(index)
        if row.get("fichier") not in names
        and row.get("candidat") not in candidates
        and (index.parent / row.get("fichier", "")).is_file()
    ]
    return [
        [row.get(c, "") for c in INDEX_COLUMNS] for row in sorted(kept + rows, key=lambda r: r["fichier"])
    ]


def _read_index(index: Path) -> Iterator[dict[str, str]]:
    if not index.is_file():
        return iter(())
    try:
        text = index.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("earlier index %s unreadable, replaced: %s", index, exc)
        return iter(())
    rows = csv.DictReader(io.StringIO(text), delimiter=";")
    return iter([{_ENGLISH_COLUMNS.get(k, k): plain(v or "") for k, v in row.items()} for row in rows])


def signed_sheet_count(db: Database) -> int:
    """How many signed sheets the database holds (the demo names them before it deletes them on quitting)."""
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(ResultSheet)) or 0)
