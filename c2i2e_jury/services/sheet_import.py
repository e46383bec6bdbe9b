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
import os
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.exchange.pades import SheetRejected
from c2i2e_jury.exchange.spreadsheet import format_of, table_bytes
from c2i2e_jury.files import write_durably
from c2i2e_jury.services.sheet_records import apply_sheet, sheet_columns
from c2i2e_jury.services.sheet_verifying import DAMAGED, Checked, Job, checked_in_order, default_workers
from c2i2e_jury.services.signer_rules import SignerDirectory, sheet_warnings
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate, ResultSheet, SheetConflict

log = logging.getLogger(__name__)

STATUSES = ("imported", "duplicate", "superseded", "conflict", "rejected")
STATUS_LABELS = {
    "imported": "importée",
    "duplicate": "doublon",
    "superseded": "ancienne version",
    "conflict": "conflit",
    "rejected": "refusée",
}
MAX_SHEET_BYTES = 50 * 1024 * 1024  # a sheet is about 150 KB; anything this big is not one
RETRIES = 5
REPORT_COLUMNS = ("file", "status", "statut", "candidate", "version", "reason", "message")

# (files done, files in all, the file just done) -> False to stop after this file
Progress = Callable[[int, int, str], "bool | None"]


@dataclass(frozen=True)
class SheetImportOutcome:
    file: str
    status: str  # one of STATUSES
    candidate_id: str | None
    version: int | None
    message: str
    reason: str = ""  # for a rejected file: SheetRejected's reason code, or unknown_candidate, not_found, …

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class _Source:
    label: str
    read: Callable[[], bytes]


def _rejected(
    label: str, reason: str, message: str, candidate: str | None = None, version: int | None = None
) -> SheetImportOutcome:
    return SheetImportOutcome(label, "rejected", candidate, version, message, reason)


# --- what to import --------------------------------------------------------------------------------------------


def _hidden(name: str) -> bool:
    """Files a USB key collects on its own: macOS' ``._*`` and ``__MACOSX``, Windows' ``Thumbs.db``."""
    return name.startswith(".") or name == "__MACOSX"


def _read_file(path: Path) -> bytes:
    if path.stat().st_size > MAX_SHEET_BYTES:
        raise OSError(0, "fichier trop volumineux pour une feuille de résultat")
    return path.read_bytes()


class _MemberRefused(OSError):
    """A zip member this program cannot read (encrypted, unknown compression): that member is refused, why."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(0, message)
        self.reason = reason
        self.message = message


ENCRYPTED_FLAG = 0x1  # general purpose bit 0 of a zip member: encrypted


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    if member.flag_bits & ENCRYPTED_FLAG:
        raise _MemberRefused(
            "encrypted",
            "Fichier chiffré (protégé par un mot de passe) dans l'archive : "
            "refaites l'archive sans mot de passe.",
        )
    if member.file_size > MAX_SHEET_BYTES:
        raise OSError(0, "fichier trop volumineux pour une feuille de résultat")
    try:
        return archive.read(member)
    except NotImplementedError as exc:  # compression method zipfile does not know (e.g. 99, AES)
        raise _MemberRefused(
            "unsupported_compression",
            "Méthode de compression non prise en charge dans l'archive : refaites-la avec la "
            "compression standard (Deflate).",
        ) from exc
    except RuntimeError as exc:  # zipfile's « is encrypted, password required »
        raise _MemberRefused(
            "encrypted",
            "Fichier chiffré (protégé par un mot de passe) dans l'archive : "
            "refaites l'archive sans mot de passe.",
        ) from exc
    except (zlib.error, EOFError) as exc:
        raise _MemberRefused("unreadable", f"Fichier endommagé dans l'archive : {exc}.") from exc


def _zip_sources(
    path: Path, label: str, stack: ExitStack
) -> list[_Source | SheetImportOutcome] | SheetImportOutcome:
    """The PDFs of a zip; a zip inside it is refused with its reason (not opened: unzip it first)."""
    try:
        archive = stack.enter_context(zipfile.ZipFile(path))
        members = [
            m
            for m in archive.infolist()
            if not m.is_dir()
            and m.filename.lower().endswith((".pdf", ".zip"))
            and not any(_hidden(part) for part in m.filename.split("/"))
        ]
    except (OSError, zipfile.BadZipFile) as exc:
        return _rejected(label, "unreadable", f"Archive .zip illisible : {exc}.")
    items: list[_Source | SheetImportOutcome] = []
    for member in sorted(members, key=lambda m: m.filename):
        member_label = f"{label}/{member.filename}"
        if member.filename.lower().endswith(".zip"):
            items.append(
                _rejected(
                    member_label,
                    "nested_zip",
                    "Archive .zip dans une archive .zip : elle n'est pas ouverte, décompressez-la d'abord.",
                )
            )
        else:
            items.append(_Source(member_label, partial(_read_member, archive, member)))
    return items


def _folder_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        found += [
            Path(root) / f for f in sorted(files) if not _hidden(f) and f.lower().endswith((".pdf", ".zip"))
        ]
    return sorted(found)


def collect(paths: Iterable[Path | str], stack: ExitStack) -> list[_Source | SheetImportOutcome]:
    """Every sheet under ``paths``: files, folders (recursively) and the PDFs inside ``.zip`` files."""
    items: list[_Source | SheetImportOutcome] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _folder_files(path)
        elif path.is_file():
            files = [path]
        else:
            items.append(_rejected(str(path), "not_found", "Fichier ou dossier introuvable."))
            continue
        for file in files:
            if file.suffix.lower() == ".zip":
                found = _zip_sources(file, str(file), stack)
                items += [found] if isinstance(found, SheetImportOutcome) else found
            else:
                items.append(_Source(str(file), partial(_read_file, file)))
    return items


# --- one file --------------------------------------------------------------------------------------------------


def _known(db: Database, sha256: str) -> SheetImportOutcome | None:
    """The same bytes already stored (verified when they were): no need to verify them again."""
    with db.read() as session:
        row = session.execute(
            select(Candidate.candidate_id, ResultSheet.version)
            .join(Candidate, Candidate.pk == ResultSheet.candidate_pk)
            .where(ResultSheet.sha256 == sha256)
            .limit(1)
        ).first()
        if row is not None:
            return SheetImportOutcome("", "duplicate", row[0], row[1], "Déjà importée : rien n'a changé.")
        row = session.execute(
            select(Candidate.candidate_id, SheetConflict.version)
            .join(Candidate, Candidate.pk == SheetConflict.candidate_pk)
            .where(SheetConflict.sha256 == sha256)
        ).first()
        if row is not None:
            return SheetImportOutcome("", "conflict", row[0], row[1], _ALREADY_ASIDE)
    return None


_ALREADY_ASIDE = "Déjà mise de côté (conflit de version) : elle attend une décision."


@dataclass(frozen=True)
class _Prepared:
    """A file read and hashed; ``outcome`` when that already settles it (unreadable, or the same bytes stored)."""

    label: str
    sha256: str = ""
    pdf: bytes = b""
    outcome: SheetImportOutcome | None = None


def _prepare(db: Database, item: _Source | SheetImportOutcome) -> Job[_Prepared]:
    if isinstance(item, SheetImportOutcome):
        return Job(_Prepared(item.file, outcome=item))
    try:
        pdf = item.read()
    except _MemberRefused as exc:
        return Job(_Prepared(item.label, outcome=_rejected(item.label, exc.reason, exc.message)))
    except (OSError, zipfile.BadZipFile) as exc:
        detail = os_error_text(exc) if isinstance(exc, OSError) else exc
        return Job(
            _Prepared(
                item.label,
                outcome=_rejected(item.label, "unreadable", f"Impossible de lire le fichier : {detail}."),
            )
        )
    sha256 = hashlib.sha256(pdf).hexdigest()
    known = _known(db, sha256)  # the same bytes were verified when they were stored: no need to again
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


def _store(db: Database, prepared: _Prepared, result: dict[str, Any], now: datetime) -> SheetImportOutcome:
    """One transaction; a race lost to another importer is settled by classifying the file again."""
    last: Exception | None = None
    for attempt in range(RETRIES):
        try:
            with db.session() as session:
                return _merge(session, prepared.label, result, prepared.pdf, prepared.sha256, now)
        except (IntegrityError, OperationalError) as exc:
            log.info(
                "%s: attempt %d lost a race (%s), classifying again",
                prepared.label,
                attempt + 1,
                type(exc.orig).__name__ if hasattr(exc, "orig") else exc,
            )
            last = exc
    assert last is not None
    raise last


def _merge(
    session: Session, label: str, result: dict[str, Any], pdf: bytes, sha256: str, now: datetime
) -> SheetImportOutcome:
    cid, version = result["candidate"]["id"], result["version"]
    # The candidate's row is locked until the commit (PostgreSQL's FOR UPDATE; SQLite has one writer at a time):
    # deciding which version is the newest and applying it is one step per candidate, never interleaved with
    # another importer's (two imports holding versions 2 and 3 once left version 2's decisions applied).
    candidate_pk = session.scalar(
        select(Candidate.pk)
        .where(Candidate.campaign_id == result["campaign"], Candidate.candidate_id == cid)
        .with_for_update()
    )
    if candidate_pk is None:
        return _rejected(
            label,
            "unknown_candidate",
            f"Le candidat n° {cid} n'est pas dans la campagne « {result['campaign']} » de la base.",
            cid,
            version,
        )
    stored = session.execute(
        select(ResultSheet.sha256, ResultSheet.result).where(
            ResultSheet.candidate_pk == candidate_pk, ResultSheet.version == version
        )
    ).first()
    if stored is not None and stored.sha256 == sha256:
        return SheetImportOutcome(label, "duplicate", cid, version, "Déjà importée : rien n'a changé.")
    if stored is not None and stored.result == result:
        # Other bytes, the same signed content and signers (an archive's long-term-validation data, a copy
        # re-saved by a tool that keeps signatures): the same sheet, not a conflict.
        return SheetImportOutcome(
            label,
            "duplicate",
            cid,
            version,
            "Déjà importée (copie équivalente : mêmes données signées) : rien n'a changé.",
        )
    if stored is not None:
        return _conflict(session, label, candidate_pk, result, pdf, sha256, now)
    latest = session.scalar(
        select(func.max(ResultSheet.version)).where(ResultSheet.candidate_pk == candidate_pk)
    )
    later_reason = session.scalar(
        select(ResultSheet.result)
        .where(ResultSheet.candidate_pk == candidate_pk, ResultSheet.supersedes == version)
        .limit(1)
    )
    session.add(
        ResultSheet(
            candidate_pk=candidate_pk,
            version=version,
            supersedes=result["supersedes"],
            sha256=sha256,
            pdf=pdf,
            result=result,
            signed_at=datetime.fromisoformat(result["signed_at"]).astimezone(UTC),
            stored_at=now,
            reopen_reason=str((later_reason or {}).get("reason", "")),
            **sheet_columns(result),
        )
    )
    _note_reopening(session, candidate_pk, result)
    session.flush()
    if latest is not None and version < latest:
        return SheetImportOutcome(
            label,
            "superseded",
            cid,
            version,
            f"Plus ancienne que la version {latest} enregistrée : gardée dans l'historique.",
        )
    apply_sheet(session, candidate_pk, result, now)  # the newest sheet is what this database now says
    return SheetImportOutcome(
        label, "imported", cid, version, _imported_message(latest, result["supersedes"])
    )


def _imported_message(latest: int | None, supersedes: int | None) -> str:
    """What the report says of a new newest version; a version it replaces that never arrived is said (a room may
    have kept it back: the secretariat asks for it)."""
    if supersedes is not None and supersedes != latest:
        received = f" (la dernière reçue est la version {latest})" if latest is not None else ""
        return f"Remplace la version {supersedes}, qui n'a pas été reçue{received} : demandez-la à la salle."
    return f"Remplace la version {latest}." if latest is not None else "Première version."


def _note_reopening(session: Session, candidate_pk: int, result: dict[str, Any]) -> None:
    """The version this one supersedes was reopened for this sheet's reason: say so on it too."""
    if result["supersedes"] is None or not result.get("reason"):
        return
    session.execute(
        update(ResultSheet)
        .where(
            ResultSheet.candidate_pk == candidate_pk,
            ResultSheet.version == result["supersedes"],
            ResultSheet.reopen_reason == "",
        )
        .values(reopen_reason=result["reason"])
    )


def _conflict(
    session: Session,
    label: str,
    candidate_pk: int,
    result: dict[str, Any],
    pdf: bytes,
    sha256: str,
    now: datetime,
) -> SheetImportOutcome:
    cid, version = result["candidate"]["id"], result["version"]
    if session.scalar(select(SheetConflict.pk).where(SheetConflict.sha256 == sha256)) is not None:
        return SheetImportOutcome(label, "conflict", cid, version, _ALREADY_ASIDE)
    session.add(
        SheetConflict(
            candidate_pk=candidate_pk,
            version=version,
            sha256=sha256,
            pdf=pdf,
            result=result,
            file_name=label[-300:],
            received_at=now,
        )
    )
    session.flush()
    return SheetImportOutcome(
        label,
        "conflict",
        cid,
        version,
        f"La version {version} enregistrée a un autre contenu : feuille mise de côté, rien n'a été remplacé.",
    )


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
        return _rejected(prepared.label, *DAMAGED)


def _outcome(
    db: Database, prepared: _Prepared, checked: Checked | None, now: datetime, signers: SignerDirectory
) -> SheetImportOutcome:
    if prepared.outcome is not None:
        return prepared.outcome
    assert checked is not None
    if checked.result is None:
        return _rejected(prepared.label, checked.reason, checked.message)
    try:
        warnings = sheet_warnings(signers.rules(checked.result), checked.result, checked.signers)
    except SheetRejected as exc:
        return _rejected(
            prepared.label,
            exc.reason,
            exc.message,
            checked.result["candidate"]["id"],
            checked.result["version"],
        )
    outcome = _store(db, prepared, checked.result, now)
    return replace(outcome, message=" ".join((outcome.message, *warnings))) if warnings else outcome


def _authorities(db: Database) -> dict[str, str | None]:
    """Every campaign's authority (PEM), for the workers: campaign id -> PEM, None when the package had none."""
    with db.read() as session:
        return {row[0]: row[1] for row in session.execute(select(Campaign.id, Campaign.authority_pem))}


def summary(outcomes: Sequence[SheetImportOutcome]) -> str:
    """« 12 importées, 1 doublon, … » in the order of :data:`STATUSES`."""
    plural = {
        "imported": "importées",
        "duplicate": "doublons",
        "superseded": "anciennes versions",
        "conflict": "conflits",
        "rejected": "refusées",
    }
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in STATUSES}
    parts = [f"{n} {STATUS_LABELS[s] if n == 1 else plural[s]}" for s, n in counts.items() if n]
    return ", ".join(parts) if parts else "aucun fichier"


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
