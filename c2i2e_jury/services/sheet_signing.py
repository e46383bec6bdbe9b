"""Signing in the jury room (docs/FORMATS.md §2): the sheet's content from the database, both jurors'
signatures, the oral locked; a reopening with its reason, and the next version that supersedes the last.

The slow part (laying the sheet out, two signatures, checking them) runs outside any transaction; the sheet is
then stored and the oral locked in one transaction, after checking that nothing changed meanwhile (another
window, another process): a sheet that no longer says what the database says is never stored.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from c2i2e_jury.domain.oral_timer import OralTimer
from c2i2e_jury.domain.rules import Status, needs_justification
from c2i2e_jury.domain.timer_values import Phase, State, TimerEvent, TimerSnapshot
from c2i2e_jury.exchange.credential_files import Certified
from c2i2e_jury.exchange.credentials import Credential, load_certificates, signing_refusal
from c2i2e_jury.exchange.result_json import build_result
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.jury_room import (
    CandidateFile,
    JuryRoomError,
    candidate_file,
    load_candidate,
    oral_of,
)
from c2i2e_jury.services.oral_timer import build_timer
from c2i2e_jury.services.sheet_records import sheet_columns
from c2i2e_jury.services.signer_rules import room_refusal
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import (
    Campaign,
    Candidate,
    DecisionChange,
    Incident,
    Oral,
    ResultSheet,
)
from c2i2e_jury.storage.models import TimerEvent as TimerEventRow

log = logging.getLogger(__name__)

SIGNABLE = (Status.EXAMINED, Status.ABSENT, Status.NOT_ADMITTED)


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


def _moment(now: datetime | None) -> datetime:
    """The signing moment in local time: the sheet shows the hour the jury lived."""
    return (now or datetime.now(UTC)).astimezone()


def _local_iso(value: datetime | str) -> str:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone().isoformat()


# --- what may be signed ----------------------------------------------------------------------------------------


def signing_problem(file: CandidateFile) -> str | None:
    """Why this candidate's sheet cannot be signed yet (one French sentence), or None."""
    status = file.outcome.status
    if file.locked:
        return "La feuille de ce candidat est déjà signée : rouvrez-la (avec un motif) pour la modifier."
    if status is Status.AWAITING:
        return "Enregistrez d'abord la présence du candidat (présent ou absent)."
    if status is Status.IN_PROGRESS:
        undecided = file.outcome.undecided
        return (
            f"Il reste {len(undecided)} compétence{'s' if len(undecided) > 1 else ''} à décider : "
            f"{', '.join(undecided)}."
        )
    if status not in SIGNABLE:
        return "Ce dossier est annulé : il n'y a pas de feuille de résultat à signer."
    if status is Status.EXAMINED:
        missing = [
            row.code
            for row in file.items
            if not row.acquired
            and needs_justification(row.evaluator, row.decision)
            and not row.justification.strip()
        ]
        if missing:
            return f"Justification manquante pour {', '.join(missing)} (décision différente de l'évaluateur)."
    return None


def check_signable(db: Database, candidate_pk: int, *, on_paper: bool = False) -> CandidateFile:
    """The candidate's file when it can be signed now; a :class:`JuryRoomError` saying why not otherwise.

    ``on_paper``: the oral was held on paper (``sheet create``), without the program's timer."""
    file = candidate_file(db, candidate_pk)
    problem = signing_problem(file) or oral_phase_problem(
        file.outcome.status is Status.EXAMINED, build_timer(db, file).snapshot(), on_paper=on_paper
    )
    if problem is not None:
        raise JuryRoomError(problem)
    return file


# --- the oral must be over -------------------------------------------------------------------------------------

_PHASE_NAMES = {Phase.PRESENTATION: "la présentation", Phase.DISCUSSION: "la discussion"}
_END_ORAL = "terminez l'oral (F8, « Terminer l'oral ») avant de signer la feuille."


def oral_phase_problem(examined: bool, timer: TimerSnapshot, *, on_paper: bool = False) -> str | None:
    """Why the oral's timer forbids signing now (one French sentence naming the phase), or None.

    The jurors sign what they heard: an examined candidate's sheet waits for the end of the oral (F8). An absent
    or not admitted candidate has no oral to wait for. A paper sheet was heard without the program's timer: a
    timer never started is fine there, one still running is not."""
    if not examined or timer.state is State.FINISHED:
        return None
    if timer.state is State.READY:
        return (
            None
            if on_paper
            else ("Signature impossible avant le début de l'oral : démarrez-le (F5), puis " + _END_ORAL)
        )
    phase = _PHASE_NAMES[timer.phase or Phase.PRESENTATION]
    paused = " (chronomètre en pause)" if timer.paused else ""
    return f"Signature impossible pendant {phase}{paused} : {_END_ORAL}"


def stopping_event(db: Database, file: CandidateFile, moment: datetime) -> TimerEvent | None:
    """The ``end`` event that signing records when the timer still runs, or None.

    Signing ends the oral: an examined candidate's oral has ended already (:func:`oral_phase_problem`); an
    abandonment (absent after the start) may leave the timer running, and the signed sheet closes its log."""
    timer = build_timer(db, file, monotonic=lambda: 0.0, wall=lambda: moment)
    if timer.state in (State.READY, State.FINISHED):
        return None
    return timer.end()


def _with_event(timer: OralTimer, event: TimerEvent | None) -> OralTimer:
    if event is not None:
        timer.apply(event)
    return timer


# --- the sheet's content ---------------------------------------------------------------------------------------


def _items(file: CandidateFile) -> list[dict[str, Any]]:
    examined = file.outcome.status is Status.EXAMINED
    items: list[dict[str, Any]] = []
    for row in file.items:
        jury = row.decision.value if examined and not row.acquired and row.decision else None
        entry: dict[str, Any] = {
            "item": row.code,
            "evaluator": row.evaluator.value if row.evaluator else None,
            "jury": jury,
            "prior": row.acquired,
            "comment": row.comment if jury else "",
        }
        if jury and needs_justification(row.evaluator, row.decision) and row.justification.strip():
            entry["justification"] = row.justification.strip()
        if row.evaluator_comment:
            entry["evaluator_comment"] = row.evaluator_comment
        items.append(entry)
    return items


def _oral_json(db: Database, file: CandidateFile, stop: TimerEvent | None) -> dict[str, Any]:
    timing = dict(_with_event(build_timer(db, file), stop).snapshot().timing_json())
    log_entries: Any = timing.pop("timing_log")
    oral: dict[str, Any] = {
        "presentation_minutes": file.presentation_minutes,
        "discussion_minutes": file.discussion_minutes,
        **timing,
    }
    oral["extra_time_percent"] = file.extra_time_percent
    if file.checked_in_at is not None:
        oral["checked_in_at"] = _local_iso(file.checked_in_at)
    oral["timing_log"] = [{**entry, "at": _local_iso(entry["at"])} for entry in log_entries]
    oral["incidents"] = [{"kind": i.kind, "at": _local_iso(i.at), "note": i.note} for i in file.incidents]
    return oral


def _latest(session: Session, candidate_pk: int) -> ResultSheet | None:
    return session.scalars(
        select(ResultSheet)
        .where(ResultSheet.candidate_pk == candidate_pk)
        .order_by(ResultSheet.version.desc())
        .limit(1)
    ).first()


def _next_version(session: Session, candidate_pk: int) -> tuple[int, int | None, str | None]:
    """(version, supersedes, reason) of the next sheet: a new version needs the reopening's reason."""
    latest = _latest(session, candidate_pk)
    if latest is None:
        return 1, None, None
    if not latest.reopen_reason.strip():
        raise JuryRoomError(
            f"La version {latest.version} est déjà signée : rouvrez la feuille, avec un motif, "
            "pour en signer une nouvelle."
        )
    return latest.version + 1, latest.version, latest.reopen_reason.strip()


def result_for(
    db: Database,
    candidate_pk: int,
    jurors: Sequence[Mapping[str, str]],
    now: datetime | None = None,
    *,
    on_paper: bool = False,
    stop: TimerEvent | None = None,
) -> dict[str, Any]:
    """The ``c2i2e-result/1`` content of the candidate's next sheet, checked against the schema and the rules.

    ``jurors`` are ``{"name", "fingerprint"}`` (and optionally ``"email"``) mappings, in signing order; ``stop``
    the timer's closing event (:func:`stopping_event`), logged on the sheet.
    """
    file = check_signable(db, candidate_pk, on_paper=on_paper)
    with db.read() as session:
        candidate = load_candidate(session, candidate_pk)
        version, supersedes, reason = _next_version(session, candidate_pk)
        title = candidate.campaign.title
    return build_result(
        campaign=file.campaign_id,
        campaign_title=title,
        candidate={"id": file.candidate_id, "last_name": file.last_name, "first_name": file.first_name},
        version=version,
        supersedes=supersedes,
        reason=reason,
        items=_items(file),
        outcome=file.outcome,
        oral=_oral_json(db, file, stop),
        jurors=[dict(j) for j in jurors],
        signed_at=_moment(now),
        referential=referential(),
    )


# --- who may sign ----------------------------------------------------------------------------------------------


def _juror_entry(credential: Certified) -> dict[str, str]:
    entry = {"name": credential.name, "fingerprint": credential.fingerprint}
    try:
        names = credential.certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        emails = names.get_values_for_type(x509.RFC822Name)
    except x509.ExtensionNotFound:
        emails = []
    if emails:
        entry["email"] = emails[0]
    return entry


def authority_of(session: Session, campaign_id: str) -> list[x509.Certificate]:
    """The campaign authority's certificates as the package gave them; empty when the package had none."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or not campaign.authority_pem:
        return []
    return load_certificates(campaign.authority_pem.encode("ascii"), "authority.pem")


def _check_credentials(
    session: Session,
    candidate: Candidate,
    credentials: Sequence[Certified],
    authority: Sequence[x509.Certificate],
    moment: datetime,
) -> None:
    if credentials[0].fingerprint == credentials[1].fingerprint:
        raise JuryRoomError("Les deux jurés doivent signer chacun avec son propre certificat.")
    for credential in credentials:
        refusal = signing_refusal(credential, moment, authority)
        if refusal is not None:
            raise JuryRoomError(refusal)
    _check_jury_signers(session, candidate, credentials, moment)


def _check_jury_signers(
    session: Session, candidate: Candidate, credentials: Sequence[Certified], moment: datetime
) -> None:
    """The jury's two jurors as the package lists them, two persons, within the campaign, not revoked."""
    refusal, _warnings = room_refusal(session, candidate, credentials, moment)
    if refusal is not None:
        raise JuryRoomError(refusal)


def credential_refusal(
    db: Database,
    candidate_pk: int,
    credential: Certified,
    earlier: Certified | None = None,
    now: datetime | None = None,
) -> str | None:
    """Why ``credential`` may not sign the candidate's sheet after ``earlier`` (juror 1's), or None: told as soon
    as the juror has opened it, before the other juror is asked anything."""
    moment = _moment(now)
    with db.read() as session:
        candidate = load_candidate(session, candidate_pk)
        refusal = signing_refusal(credential, moment, authority_of(session, candidate.campaign_id))
        if refusal is None:
            refusal, _warnings = room_refusal(
                session, candidate, [c for c in (earlier, credential) if c], moment
            )
    return refusal


def check_signers(
    db: Database,
    candidate_pk: int,
    credential_1: Credential,
    credential_2: Credential,
    now: datetime | None = None,
) -> None:
    """Refuse, before anything is written, credentials that could not sign this candidate's sheet."""
    with db.read() as session:
        candidate = load_candidate(session, candidate_pk)
        _check_credentials(
            session,
            candidate,
            (credential_1, credential_2),
            authority_of(session, candidate.campaign_id),
            _moment(now),
        )


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

    moment = _moment(now)
    credentials = (credential_1, credential_2)
    with db.read() as session:
        candidate = load_candidate(session, candidate_pk)
        authority = authority_of(session, candidate.campaign_id)
        _check_credentials(session, candidate, credentials, authority, moment)
        before = _state(session, candidate_pk)
    stop = stopping_event(db, check_signable(db, candidate_pk, on_paper=on_paper), moment)
    result = result_for(
        db, candidate_pk, [_juror_entry(c) for c in credentials], moment, on_paper=on_paper, stop=stop
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
            if _next_version(session, candidate_pk)[0] != result["version"]:
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
        latest = _latest(session, candidate_pk)
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
        row = _latest(session, candidate_pk)
        if row is None:
            return None
        candidate_id = (
            session.scalar(select(Candidate.candidate_id).where(Candidate.pk == candidate_pk)) or ""
        )
        return StoredSheet(
            candidate_pk, candidate_id, row.version, row.supersedes, row.sha256, row.pdf, dict(row.result)
        )
