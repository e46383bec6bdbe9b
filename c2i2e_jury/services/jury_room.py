"""The jury room's use cases: the day's candidates, a candidate's file, check-in, decisions, incidents, and where
the jury was. Each call is one transaction, committed before it returns: the screen shows a change only once it
is on disk (a crash or a power cut loses nothing)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from c2i2e_jury.clock import Clock, utc_now
from c2i2e_jury.domain.rules import (
    Attendance,
    Mark,
    Outcome,
    PriorValidation,
    Situation,
    evaluate,
    needs_justification,
    not_admitted_reason,
)
from c2i2e_jury.errors import UserError
from c2i2e_jury.resources_access import referential

# The day's list is read with Core (the first window needs no ORM); still offered here with the other use cases.
from c2i2e_jury.services.day_list import DayEntry as DayEntry
from c2i2e_jury.services.day_list import day_entries as day_entries
from c2i2e_jury.services.day_list import last_candidate as last_candidate
from c2i2e_jury.services.marks_origin import origin_fields
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Candidate, Decision, DecisionChange, Incident, Oral

INCIDENT_KINDS = ("late_arrival", "technical", "fraud_suspicion", "other")


class JuryRoomError(UserError):
    """A jury-room action that the rules refuse (the message is French: the jurors read it)."""


@dataclass(frozen=True)
class ItemRow:
    code: str
    domain: str
    part: int
    wording: str
    evaluator: Mark | None
    evaluator_comment: str
    prior: PriorValidation | None
    decision: Mark | None
    comment: str
    justification: str

    @property
    def acquired(self) -> bool:
        return self.prior is not None and self.prior.counts


@dataclass(frozen=True)
class IncidentRow:
    pk: int
    kind: str
    at: datetime
    note: str


@dataclass(frozen=True)
class DecisionChangeRow:
    item: str
    old: str | None
    new: str | None
    at: datetime
    justification: str
    comment: str
    by: str


@dataclass(frozen=True)
class CandidateFile:
    pk: int
    candidate_id: str
    last_name: str
    first_name: str
    campaign_id: str
    campaign_year: int
    presentation_minutes: int
    discussion_minutes: int
    oral_date: date | None
    oral_time: str
    room: str
    jury: str
    evaluator: str
    extra_time_percent: int
    not_admitted_reason: str | None
    attendance: Attendance
    checked_in_at: datetime | None
    locked: bool
    dossier_path: Path | None
    items: tuple[ItemRow, ...]
    outcome: Outcome
    incidents: tuple[IncidentRow, ...]
    view_state: dict[str, Any] = field(default_factory=dict)
    dossier_name: str = ""  # the file's name in the package (the store names it by its content)
    marks_signed_at: datetime | None = (
        None  # the evaluator's signed marks in force (issue 17); None: marks.csv
    )
    marks_signed_by: str = ""

    @property
    def admitted(self) -> bool:
        return self.not_admitted_reason is None

    @property
    def full_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}"

    def item(self, code: str) -> ItemRow:
        return next(i for i in self.items if i.code == code)


def _mark(value: str | None) -> Mark | None:
    return Mark(value) if value else None


def situation_of(candidate: Candidate) -> Situation:
    oral = candidate.oral
    return Situation(
        deposited=candidate.deposited,
        rework_pending=candidate.rework_pending,
        attendance=Attendance(oral.attendance) if oral else Attendance.PENDING,
        annulled=candidate.annulled,
        prior=tuple(
            PriorValidation(p.item, p.year, p.copy_deposited, p.original_received) for p in candidate.prior
        ),
        decisions={d.item: _mark(d.decision) for d in candidate.decisions},
    )


def load_candidate(session: Session, candidate_pk: int) -> Candidate:
    """The candidate with everything the jury room reads of them loaded at once (marks, prior items, decisions,
    oral and incidents, dossier); a :class:`JuryRoomError` if there is no such candidate."""
    candidate = session.scalars(
        select(Candidate)
        .where(Candidate.pk == candidate_pk)
        .options(
            selectinload(Candidate.marks),
            selectinload(Candidate.prior),
            selectinload(Candidate.decisions),
            selectinload(Candidate.oral).selectinload(Oral.incidents),
            selectinload(Candidate.dossier),
            selectinload(Candidate.campaign),
        )
    ).one_or_none()
    if candidate is None:
        raise JuryRoomError("Candidat introuvable dans la base.")
    return candidate


def oral_of(session: Session, candidate: Candidate) -> Oral:
    """The candidate's oral record, created (pending, unlocked) the first time it is needed."""
    if candidate.oral is None:
        candidate.oral = Oral(
            attendance=Attendance.PENDING.value, current_page=0, view_state={}, locked=False
        )
        session.flush()
    return candidate.oral


def _file(candidate: Candidate, store: DossierStore | None) -> CandidateFile:
    ref = referential()
    marks = {m.item: m for m in candidate.marks}
    prior = {
        p.item: PriorValidation(p.item, p.year, p.copy_deposited, p.original_received)
        for p in candidate.prior
    }
    decisions = {d.item: d for d in candidate.decisions}
    items = []
    for item in ref:
        mark, decision = marks.get(item.code), decisions.get(item.code)
        items.append(
            ItemRow(
                item.code,
                item.domain,
                item.part,
                item.wording,
                _mark(mark.mark) if mark else None,
                mark.comment if mark else "",
                prior.get(item.code),
                _mark(decision.decision) if decision else None,
                decision.comment if decision else "",
                decision.justification if decision else "",
            )
        )
    situation = situation_of(candidate)
    oral = candidate.oral
    dossier = None
    if candidate.dossier is not None:
        dossier = (store or DossierStore()).path(candidate.dossier.sha256)
    return CandidateFile(
        candidate.pk,
        candidate.candidate_id,
        candidate.last_name,
        candidate.first_name,
        candidate.campaign_id,
        candidate.campaign.year,
        candidate.campaign.presentation_minutes,
        candidate.campaign.discussion_minutes,
        candidate.oral_date,
        candidate.oral_time,
        candidate.room,
        candidate.jury,
        candidate.evaluator,
        candidate.extra_time_percent,
        not_admitted_reason(situation),
        situation.attendance,
        oral.checked_in_at if oral else None,
        bool(oral and oral.locked),
        dossier,
        tuple(items),
        evaluate(ref, situation),
        tuple(IncidentRow(i.pk, i.kind, i.at, i.note) for i in (oral.incidents if oral else [])),
        dict(oral.view_state or {}) if oral else {},
        candidate.dossier.file_name if candidate.dossier is not None else "",
        *origin_fields(candidate),
    )


def candidate_file(db: Database, candidate_pk: int, store: DossierStore | None = None) -> CandidateFile:
    with db.read() as session:
        return _file(load_candidate(session, candidate_pk), store)


def _editable(candidate: Candidate) -> None:
    reason = not_admitted_reason(situation_of(candidate))
    if reason is not None:
        raise JuryRoomError(f"Ce candidat n'est pas admis à l'épreuve orale : {reason}.")
    if candidate.oral is not None and candidate.oral.locked:
        raise JuryRoomError(
            "La feuille de résultats est signée : rouvrez-la (avec un motif) pour la modifier."
        )


def check_in(
    db: Database,
    candidate_pk: int,
    attendance: Attendance,
    now: Clock = utc_now,
    store: DossierStore | None = None,
) -> CandidateFile:
    """Present, or absent (abandonment, recorded with its time); PENDING undoes a check-in."""
    with db.session() as session:
        candidate = load_candidate(session, candidate_pk)
        _editable(candidate)
        oral = oral_of(session, candidate)
        oral.attendance = attendance.value
        oral.checked_in_at = None if attendance is Attendance.PENDING else now()
    return candidate_file(db, candidate_pk, store)


def decide(
    db: Database,
    candidate_pk: int,
    item: str,
    decision: Mark | None,
    *,
    comment: str | None = None,
    justification: str | None = None,
    now: Clock = utc_now,
    by: str = "validation_jury",
    store: DossierStore | None = None,
) -> CandidateFile:
    """Record the jury's decision on one item, with its history; refused when the rules say no."""
    if item not in referential():
        raise JuryRoomError(f"Compétence inconnue : {item}.")
    with db.session() as session:
        candidate = load_candidate(session, candidate_pk)
        _editable(candidate)
        if candidate.oral is None or candidate.oral.attendance != Attendance.PRESENT.value:
            raise JuryRoomError("Enregistrez d'abord la présence du candidat.")
        if any(p.item == item and p.copy_deposited and p.original_received for p in candidate.prior):
            raise JuryRoomError(
                f"{item} est acquise par une validation antérieure : elle ne peut pas être modifiée."
            )
        current = next((d for d in candidate.decisions if d.item == item), None)
        evaluator = next((_mark(m.mark) for m in candidate.marks if m.item == item), None)
        new_comment = comment if comment is not None else (current.comment if current else "")
        new_justification = (
            justification if justification is not None else (current.justification if current else "")
        ).strip()
        if needs_justification(evaluator, decision) and not new_justification:
            raise JuryRoomError(
                f"{item} : une justification est obligatoire quand la décision du jury diffère "
                f"de celle de l'évaluateur ({evaluator.value if evaluator else '-'})."
            )
        old = current.decision if current else None
        value = decision.value if decision else None
        if current is None:
            current = Decision(
                item=item,
                decision=value,
                comment=new_comment,
                justification=new_justification,
                updated_at=now(),
            )
            candidate.decisions.append(current)
        elif (current.decision, current.comment, current.justification) == (
            value,
            new_comment,
            new_justification,
        ):
            return _file(candidate, store)
        else:
            current.decision, current.comment, current.justification = value, new_comment, new_justification
            current.updated_at = now()
        session.add(
            DecisionChange(
                candidate_pk=candidate.pk,
                item=item,
                old=old,
                new=value,
                at=now(),
                justification=new_justification,
                comment=new_comment,
                by=by,
            )
        )
        session.flush()
        result = _file(candidate, store)
    return result


def history(db: Database, candidate_pk: int, item: str | None = None) -> list[DecisionChangeRow]:
    with db.read() as session:
        query = select(DecisionChange).where(DecisionChange.candidate_pk == candidate_pk)
        if item:
            query = query.where(DecisionChange.item == item)
        return [
            DecisionChangeRow(c.item, c.old, c.new, c.at, c.justification, c.comment, c.by)
            for c in session.scalars(query.order_by(DecisionChange.pk))
        ]


def add_incident(db: Database, candidate_pk: int, kind: str, note: str, now: Clock = utc_now) -> IncidentRow:
    if kind not in INCIDENT_KINDS:
        raise JuryRoomError(f"Type d'incident inconnu : {kind}.")
    with db.session() as session:
        candidate = load_candidate(session, candidate_pk)
        _editable(candidate)
        incident = Incident(kind=kind, at=now(), note=note.strip())
        oral_of(session, candidate).incidents.append(incident)
        session.flush()
        return IncidentRow(incident.pk, incident.kind, incident.at, incident.note)


def save_view_state(db: Database, candidate_pk: int, state: dict[str, Any], now: Clock = utc_now) -> None:
    """Where the jury is (page, zoom, selected item): reopened there after a crash."""
    with db.session() as session:
        candidate = load_candidate(session, candidate_pk)
        oral = oral_of(session, candidate)
        oral.view_state = dict(state)
        oral.current_page = int(state.get("page", 0))
        oral.view_updated_at = now()


# --- what the jury room may do now -------------------------------------------------------------------------------


class TimerBlock(Enum):
    """Why the oral's timer cannot start for a candidate (the room says it where « F5 starts » would be)."""

    NOT_ADMITTED = "not_admitted"
    SIGNED = "signed"
    ABSENT = "absent"
    NOT_CHECKED_IN = "not_checked_in"


@dataclass(frozen=True)
class RoomActions:
    """What the jury room offers for a candidate's file as it stands: the widget enables its buttons from this
    and decides nothing itself. Signing itself is checked again, strictly, by ``sheet_signing.check_signable``."""

    present: bool  # « Présent »: check the candidate in
    absent: bool  # « Absent »: record the abandonment
    incident: bool  # note an incident
    slides: bool  # open the candidate's slides on the projector
    decide: bool  # V / N / Suppr on the items (refused with a sentence until the check-in)
    sign: bool  # « Signer la feuille » can be asked: nothing is left to decide
    reopen: bool  # the sheet is signed: it can be reopened with a reason
    timer_blocked: TimerBlock | None  # None: the timer can run (F5 starts the oral)

    @property
    def timer(self) -> bool:
        return self.timer_blocked is None


def room_actions(file: CandidateFile) -> RoomActions:
    """The jury room's rules for a candidate: a not admitted candidate has no oral and only a sheet to sign; a
    signed sheet locks the record (only reopening remains); the oral, its timer and slides need the check-in; an
    absent candidate abandons (nothing to decide, the sheet can be signed at once)."""
    editable = file.admitted and not file.locked
    present, absent = file.attendance is Attendance.PRESENT, file.attendance is Attendance.ABSENT
    ready = not file.admitted or absent or (present and not file.outcome.undecided)
    return RoomActions(
        present=editable and not present,
        absent=editable and not absent,
        incident=editable,
        slides=editable and present,
        decide=editable and not absent,
        sign=not file.locked and ready,
        reopen=file.locked,
        timer_blocked=timer_block(file),
    )


def timer_block(file: CandidateFile) -> TimerBlock | None:
    """Why the candidate's timer cannot start now, or None when it can."""
    if not file.admitted:
        return TimerBlock.NOT_ADMITTED
    if file.locked:
        return TimerBlock.SIGNED
    if file.attendance is Attendance.ABSENT:
        return TimerBlock.ABSENT
    if file.attendance is not Attendance.PRESENT:
        return TimerBlock.NOT_CHECKED_IN
    return None
