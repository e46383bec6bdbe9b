"""The secretariat imports the sheets of every room in one go (docs/FORMATS.md §5.2): files, folders, zips,
USB keys.

Each file is verified offline like ``sheet verify`` (against its campaign's authority) and merged, in its own
transaction:

- ``imported``: a new version for the candidate;
- ``duplicate``: the same bytes are already stored, nothing changes;
- ``superseded``: an older version than the stored one, kept in the history;
- ``conflict``: the same version as a stored sheet with different content, kept aside for a person, nothing
  overwritten;
- ``rejected``: refused, and why.

Several secretariat computers may import at once into one PostgreSQL database: nothing is decided from a read
alone. The candidate's row is locked while its sheet is merged (the newest version decided and applied in one
serialized step), the unique constraints (candidate, version) and (kept-aside sheet's hash) decide the rest; a
file that loses a race is classified again from what the winner stored.
"""

from __future__ import annotations

import hashlib
import logging
import zipfile
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.exchange.pades import SheetRejected
from c2i2e_jury.exchange.spreadsheet import format_of, table_bytes
from c2i2e_jury.files import write_durably
from c2i2e_jury.services.sheet_merge import store, stored_outcome
from c2i2e_jury.services.sheet_outcome import STATUS_LABELS, STATUSES, SheetImportOutcome, rejected, summary
from c2i2e_jury.services.sheet_sources import MAX_SHEET_BYTES, MemberRefused, Source, collect
from c2i2e_jury.services.sheet_verifying import DAMAGED, Checked, Job, checked_in_order, default_workers
from c2i2e_jury.services.signer_rules import SignerDirectory, sheet_warnings
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign

# What callers of the import use, wherever it is defined.
__all__ = [
    "MAX_SHEET_BYTES",
    "STATUSES",
    "STATUS_LABELS",
    "Progress",
    "SheetImportOutcome",
    "collect",
    "import_sheets",
    "report_bytes",
    "summary",
    "write_report",
]

log = logging.getLogger(__name__)

REPORT_COLUMNS = ("file", "status", "statut", "candidate", "version", "reason", "message")

# (files done, files in all, the file just done) -> False to stop after this file
Progress = Callable[[int, int, str], "bool | None"]


# --- one file --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    """A file read and hashed; ``outcome`` when that already settles it (unreadable, or the same bytes stored)."""

    label: str
    sha256: str = ""
    pdf: bytes = b""
    outcome: SheetImportOutcome | None = None


def _prepare(db: Database, item: Source | SheetImportOutcome) -> Job[_Prepared]:
    if isinstance(item, SheetImportOutcome):
        return Job(_Prepared(item.file, outcome=item))
    try:
        pdf = item.read()
    except MemberRefused as exc:
        return Job(_Prepared(item.label, outcome=rejected(item.label, exc.reason, exc.message)))
    except (OSError, zipfile.BadZipFile) as exc:
        detail = os_error_text(exc) if isinstance(exc, OSError) else exc
        return Job(
            _Prepared(
                item.label,
                outcome=rejected(item.label, "unreadable", f"Impossible de lire le fichier : {detail}."),
            )
        )
    sha256 = hashlib.sha256(pdf).hexdigest()
    known = stored_outcome(db, sha256)  # the same bytes were verified when they were stored: no need to again
    if known is not None:
        return Job(
            _Prepared(
                item.label,
                sha256,
                outcome=SheetImportOutcome(
                    item.label, known.status, known.candidate_id, known.version, known.message
                ),
            )
        )
    return Job(_Prepared(item.label, sha256, pdf), pdf)


# --- a batch ---------------------------------------------------------------------------------------------------


def import_sheets(
    db: Database,
    paths: Sequence[Path | str],
    progress: Progress | None = None,
    *,
    report: Path | str | None = None,
    now: datetime | None = None,
    workers: int | None = None,
) -> list[SheetImportOutcome]:
    """Import every sheet under ``paths``; one outcome per file, in order. ``progress`` may stop the batch.

    ``workers``: processes verifying the sheets (default: every core for a batch, none for a few files).
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    outcomes: list[SheetImportOutcome] = []
    with ExitStack() as stack:
        items = collect(paths, stack)
        if progress is not None:
            progress(0, len(items), "")
        jobs = (_prepare(db, item) for item in items)  # each file read when a worker has room for it
        stream = checked_in_order(jobs, _authorities(db), workers or default_workers(len(items)))
        stack.callback(stream.close)
        signers = SignerDirectory(db)
        for done, (prepared, checked) in enumerate(stream, start=1):
            outcome = _settled(db, prepared, checked, moment, signers)
            outcomes.append(outcome)
            log.info(
                "sheet import %s: %s %s v%s %s",
                outcome.file,
                outcome.status,
                outcome.candidate_id,
                outcome.version,
                outcome.message,
            )
            if progress is not None and progress(done, len(items), outcome.file) is False:
                log.info("sheet import stopped by the user after %d of %d files", done, len(items))
                break
    if report is not None:
        write_report(outcomes, Path(report))
    return outcomes


def _settled(
    db: Database, prepared: _Prepared, checked: Checked | None, now: datetime, signers: SignerDirectory
) -> SheetImportOutcome:
    """The file's outcome; a failure on this file that is not the database's is this file's refusal (the batch
    goes on, the report is complete), a database that fails stops the batch with its sentence."""
    try:
        return _outcome(db, prepared, checked, now, signers)
    except SQLAlchemyError:
        raise
    except Exception:
        log.exception("%s: refused, its import failed", prepared.label)
        return rejected(prepared.label, *DAMAGED)


def _outcome(
    db: Database, prepared: _Prepared, checked: Checked | None, now: datetime, signers: SignerDirectory
) -> SheetImportOutcome:
    if prepared.outcome is not None:
        return prepared.outcome
    assert checked is not None
    if checked.result is None:
        return rejected(prepared.label, checked.reason, checked.message)
    try:
        warnings = sheet_warnings(signers.rules(checked.result), checked.result, checked.signers)
    except SheetRejected as exc:
        return rejected(
            prepared.label,
            exc.reason,
            exc.message,
            checked.result["candidate"]["id"],
            checked.result["version"],
        )
    outcome = store(db, prepared.label, prepared.sha256, prepared.pdf, checked.result, now)
    return replace(outcome, message=" ".join((outcome.message, *warnings))) if warnings else outcome


def _authorities(db: Database) -> dict[str, str | None]:
    """Every campaign's authority (PEM), for the workers: campaign id -> PEM, None when the package had none."""
    with db.read() as session:
        return {row[0]: row[1] for row in session.execute(select(Campaign.id, Campaign.authority_pem))}


def report_bytes(outcomes: Iterable[SheetImportOutcome], fmt: str = "csv") -> bytes:
    """The report as a sheet: CSV for French Excel, or XLSX (``fmt``)."""
    return table_bytes(
        fmt,
        REPORT_COLUMNS,
        (
            (
                o.file,
                o.status,
                o.label,
                o.candidate_id or "",
                "" if o.version is None else o.version,
                o.reason,
                o.message,
            )
            for o in outcomes
        ),
        ("candidat",),
    )


def write_report(outcomes: Iterable[SheetImportOutcome], path: Path) -> None:
    """The report as Excel opens it: ``;``, UTF-8 with a BOM, or a workbook when ``path`` ends in ``.xlsx``."""
    try:
        write_durably(path, report_bytes(outcomes, format_of(path)))
    except OSError as exc:
        raise UserError(f"Impossible d'écrire le rapport {path} : {os_error_text(exc)}.") from exc
