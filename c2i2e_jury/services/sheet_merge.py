"""One verified sheet merged into the database, in its own transaction (docs/FORMATS.md §5.2): a new version,
the same bytes again, an older version kept in the history, or a conflict kept aside for a person.

Several importers may run at once on one PostgreSQL database: the candidate's row is locked while its sheet is
merged, the unique constraints decide the rest, and a file that loses a race is classified again (:func:`store`).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from c2i2e_jury.services.sheet_outcome import SheetImportOutcome, rejected
from c2i2e_jury.services.sheet_records import apply_sheet, sheet_columns
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Candidate, ResultSheet, SheetConflict

log = logging.getLogger(__name__)

RETRIES = 5


def stored_outcome(db: Database, sha256: str) -> SheetImportOutcome | None:
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


def store(
    db: Database, label: str, sha256: str, pdf: bytes, result: dict[str, Any], now: datetime
) -> SheetImportOutcome:
    """One transaction; a race lost to another importer is settled by classifying the file again."""
    last: Exception | None = None
    for attempt in range(RETRIES):
        try:
            with db.session() as session:
                return _merge(session, label, result, pdf, sha256, now)
        except (IntegrityError, OperationalError) as exc:
            log.info(
                "%s: attempt %d lost a race (%s), classifying again",
                label,
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
        return rejected(
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
