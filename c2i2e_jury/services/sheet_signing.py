"""Signing in the jury room (docs/FORMATS.md §2): the sheet's content from the database, both jurors'
signatures, the oral locked; a reopening with its reason, and the next version that supersedes the last.

The slow part (laying the sheet out, two signatures, checking them) runs outside any transaction; the sheet is
then stored and the oral locked in one transaction, after checking that nothing changed meanwhile (another
window, another process): a sheet that no longer says what the database says is never stored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from c2i2e_jury.domain.timer_values import TimerEvent
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.jury_room import (
    JuryRoomError,
    load_candidate,
    oral_of,
)
from c2i2e_jury.services.sheet_content import latest_row, next_version, result_for, signing_moment
from c2i2e_jury.services.sheet_readiness import (
    SIGNABLE,
    check_signable,
    oral_phase_problem,
    signing_problem,
    stopping_event,
)
from c2i2e_jury.services.sheet_records import sheet_columns
from c2i2e_jury.services.sheet_trust import authority_of
from c2i2e_jury.services.signing_credentials import (
    check_credentials,
    check_signers,
    credential_refusal,
    juror_entry,
)
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import (
    Candidate,
    DecisionChange,
    Incident,
    Oral,
    ResultSheet,
)
from c2i2e_jury.storage.models import TimerEvent as TimerEventRow

# What the jury room and the secretariat use, wherever it is defined.
__all__ = [
    "SIGNABLE",
    "StoredSheet",
    "authority_of",
    "check_signable",
    "check_signers",
    "credential_refusal",
    "latest_sheet",
    "oral_phase_problem",
    "reopen",
    "result_for",
    "sign_and_lock",
    "signing_problem",
    "stopping_event",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredSheet:
    """A sheet signed by both jurors and stored: the legal record of one version."""

    candidate_pk: int
    candidate_id: str
    version: int
    supersedes: int | None
    sha256: str
    pdf: bytes
    result: dict[str, Any]


# --- signing and locking ---------------------------------------------------------------------------------------


def _state(session: Session, candidate_pk: int) -> tuple[Any, ...]:
    """What the sheet is made from, in a few numbers: if any changes while signing, the sheet is stale."""
    oral = session.scalars(select(Oral).where(Oral.candidate_pk == candidate_pk)).first()
    changes = session.scalar(
        select(func.count(DecisionChange.pk)).where(DecisionChange.candidate_pk == candidate_pk)
    )
    if oral is None:
        return (changes, None)
    incidents = session.scalar(select(func.count(Incident.pk)).where(Incident.oral_pk == oral.pk))
    events = session.scalar(select(func.max(TimerEventRow.seq)).where(TimerEventRow.oral_pk == oral.pk))
    return (changes, oral.attendance, oral.locked, incidents, events)


def sign_and_lock(
    db: Database,
    candidate_pk: int,
    credential_1: Credential,
    credential_2: Credential,
    *,
    now: datetime | None = None,
    on_paper: bool = False,
) -> StoredSheet:
    """Make the candidate's sheet, have juror 1 then juror 2 sign it, store it and lock the oral.

    Refused (a :class:`JuryRoomError`, nothing written) unless every item is decided and the oral has ended (F8),
    or the candidate is absent or not admitted; unless both credentials are the jury's and were issued by the
    campaign authority. A timer still running (an abandonment) is stopped with the signature.
    ``on_paper``: a paper sheet (``sheet create``), heard without the program's timer.
    """
    from c2i2e_jury.exchange.sheet_pdf import SIGNATURE_FIELDS, render_sheet
    from c2i2e_jury.exchange.signatures import SheetRejected, sign_sheet_with, verify_sheet

    moment = signing_moment(now)
    credentials = (credential_1, credential_2)
    with db.read() as session:
        candidate = load_candidate(session, candidate_pk)
        authority = authority_of(session, candidate.campaign_id)
        check_credentials(session, candidate, credentials, authority, moment)
        before = _state(session, candidate_pk)
    stop = stopping_event(db, check_signable(db, candidate_pk, on_paper=on_paper), moment)
    result = result_for(
        db, candidate_pk, [juror_entry(c) for c in credentials], moment, on_paper=on_paper, stop=stop
    )
    pdf = render_sheet(result, referential())
    for field, credential in zip(SIGNATURE_FIELDS, credentials, strict=True):
        pdf = sign_sheet_with(pdf, credential, field, timestamp=moment)
    roots = list(authority) or list(credential_1.chain[-1:])
    try:
        verified = verify_sheet(pdf, roots, referential())
    except SheetRejected as exc:
        log.error("a sheet just signed does not verify: %s (%s)", exc.message, exc.reason)
        raise JuryRoomError(f"La feuille signée n'a pas pu être vérifiée : {exc.message}") from exc
    return _store(db, candidate_pk, result, pdf, verified.sha256, before, moment, stop)


def _record_stop(session: Session, oral: Oral, stop: TimerEvent | None) -> None:
    """The timer's closing event, stored with the sheet that logs it."""
    if stop is not None:
        session.add(
            TimerEventRow(
                oral_pk=oral.pk, seq=stop.seq, kind=stop.kind.value, at=stop.at, data=dict(stop.data)
            )
        )


def _store(
    db: Database,
    candidate_pk: int,
    result: dict[str, Any],
    pdf: bytes,
    sha256: str,
    before: tuple[Any, ...],
    moment: datetime,
    stop: TimerEvent | None = None,
) -> StoredSheet:
    try:
        with db.session() as session:
            if _state(session, candidate_pk) != before:
                raise JuryRoomError(
                    "Le dossier du candidat a changé pendant la signature : rien n'a été "
                    "enregistré, signez à nouveau."
                )
            candidate = load_candidate(session, candidate_pk)
            if next_version(session, candidate_pk)[0] != result["version"]:
                raise JuryRoomError(
                    "Une autre version de la feuille vient d'être signée : rien n'a été enregistré."
                )
            session.add(
                ResultSheet(
                    candidate_pk=candidate_pk,
                    version=result["version"],
                    supersedes=result["supersedes"],
                    sha256=sha256,
                    pdf=pdf,
                    result=result,
                    signed_at=moment.astimezone(UTC),
                    stored_at=datetime.now(UTC),
                    reopen_reason="",
                    **sheet_columns(result),
                )
            )
            oral = oral_of(session, candidate)
            _record_stop(session, oral, stop)
            oral.locked = True
    except IntegrityError as exc:
        log.info("sheet stored concurrently: %r", exc)
        raise JuryRoomError(
            "Une autre version de la feuille vient d'être signée : rien n'a été enregistré."
        ) from exc
    log.info(
        "sheet v%s of candidate %s signed and stored (%s)",
        result["version"],
        result["candidate"]["id"],
        sha256[:16],
    )
    return StoredSheet(
        candidate_pk, result["candidate"]["id"], result["version"], result["supersedes"], sha256, pdf, result
    )


def reopen(db: Database, candidate_pk: int, reason: str) -> int:
    """Unlock a signed oral for a correction; returns the version the next signature will make.

    The reason is kept with the signed version it reopens and goes into the next version's sheet.
    """
    reason = " ".join(reason.split())
    if not reason:
        raise JuryRoomError("Indiquez le motif de la réouverture.")
    with db.session() as session:
        candidate = load_candidate(session, candidate_pk)
        latest = latest_row(session, candidate_pk)
        if latest is None:
            raise JuryRoomError("Aucune feuille signée à rouvrir pour ce candidat.")
        if latest.reopen_reason.strip():
            raise JuryRoomError(
                f"La version {latest.version} est déjà rouverte : signez la nouvelle version."
            )
        latest.reopen_reason = reason
        oral_of(session, candidate).locked = False
        next_version = latest.version + 1
    log.info("candidate %s reopened after version %s: %s", candidate_pk, next_version - 1, reason)
    return next_version


def latest_sheet(db: Database, candidate_pk: int) -> StoredSheet | None:
    """The last signed version of the candidate's sheet, or None."""
    with db.read() as session:
        row = latest_row(session, candidate_pk)
        if row is None:
            return None
        candidate_id = (
            session.scalar(select(Candidate.candidate_id).where(Candidate.pk == candidate_pk)) or ""
        )
        return StoredSheet(
            candidate_pk, candidate_id, row.version, row.supersedes, row.sha256, row.pdf, dict(row.result)
        )
