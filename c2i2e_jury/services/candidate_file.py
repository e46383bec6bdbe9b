"""A candidate's file as the jury room shows it (who, the 28 items, the outcome, incidents, where the jury was),
read from the database in one go; and the few facts a decision is checked against, read without the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import BindParameter, Integer, bindparam, select
from sqlalchemy.orm import Session, selectinload

from c2i2e_jury.domain.rules import (
    Attendance,
    Mark,
    Outcome,
    PriorValidation,
    Situation,
    evaluate,
    not_admitted_reason,
)
from c2i2e_jury.errors import UserError
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.marks_origin import origin_fields
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Candidate, Decision, Oral, PriorItem


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


def mark_of(value: str | None) -> Mark | None:
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
        decisions={d.item: mark_of(d.decision) for d in candidate.decisions},
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


def oral_for(session: Session, candidate_pk: int) -> Oral:
    """:func:`oral_of` without loading the candidate: one query when the oral exists (the view saved as the jury
    pages, a timer event), the candidate's row read only to create it."""
    oral = session.scalars(select(Oral).where(Oral.candidate_pk == candidate_pk)).one_or_none()
    if oral is not None:
        return oral
    candidate = session.get(Candidate, candidate_pk)
    if candidate is None:
        raise JuryRoomError("Candidat introuvable dans la base.")
    return oral_of(session, candidate)


@dataclass(frozen=True)
class Facts:
    """What the rules check a decision against, read with four small queries instead of the whole file."""

    situation: Situation
    locked: bool


# Built once (a decision reads them at every key): the statement's construction cost more than its execution.
_PK: BindParameter[int] = bindparam("pk", type_=Integer)
_CANDIDATE_FACTS = (
    select(Candidate.deposited, Candidate.rework_pending, Candidate.annulled, Oral.attendance, Oral.locked)
    .outerjoin(Oral, Oral.candidate_pk == Candidate.pk)
    .where(Candidate.pk == _PK)
)
_PRIOR = select(PriorItem.item, PriorItem.year, PriorItem.copy_deposited, PriorItem.original_received).where(
    PriorItem.candidate_pk == _PK
)
_DECISIONS = select(Decision.item, Decision.decision).where(Decision.candidate_pk == _PK)


def facts_of(session: Session, candidate_pk: int) -> Facts:
    key = {"pk": candidate_pk}
    row = session.execute(_CANDIDATE_FACTS, key).one_or_none()
    if row is None:
        raise JuryRoomError("Candidat introuvable dans la base.")
    deposited, rework_pending, annulled, attendance, locked = row
    situation = Situation(
        deposited=deposited,
        rework_pending=rework_pending,
        attendance=Attendance(attendance) if attendance else Attendance.PENDING,
        annulled=annulled,
        prior=tuple(PriorValidation(*p) for p in session.execute(_PRIOR, key)),
        decisions={item: mark_of(value) for item, value in session.execute(_DECISIONS, key)},
    )
    return Facts(situation, bool(locked))


def _items(candidate: Candidate) -> tuple[ItemRow, ...]:
    marks = {m.item: m for m in candidate.marks}
    prior = {
        p.item: PriorValidation(p.item, p.year, p.copy_deposited, p.original_received)
        for p in candidate.prior
    }
    decisions = {d.item: d for d in candidate.decisions}
    rows = []
    for item in referential():
        mark, decision = marks.get(item.code), decisions.get(item.code)
        rows.append(
            ItemRow(
                item.code,
                item.domain,
                item.part,
                item.wording,
                mark_of(mark.mark) if mark else None,
                mark.comment if mark else "",
                prior.get(item.code),
                mark_of(decision.decision) if decision else None,
                decision.comment if decision else "",
                decision.justification if decision else "",
            )
        )
    return tuple(rows)


def file_of(candidate: Candidate, store: DossierStore | None) -> CandidateFile:
    situation = situation_of(candidate)
    oral, campaign, dossier = candidate.oral, candidate.campaign, candidate.dossier
    return CandidateFile(
        candidate.pk,
        candidate.candidate_id,
        candidate.last_name,
        candidate.first_name,
        candidate.campaign_id,
        campaign.year,
        campaign.presentation_minutes,
        campaign.discussion_minutes,
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
        (store or DossierStore()).path(dossier.sha256) if dossier is not None else None,
        _items(candidate),
        evaluate(referential(), situation),
        tuple(IncidentRow(i.pk, i.kind, i.at, i.note) for i in (oral.incidents if oral else [])),
        dict(oral.view_state or {}) if oral else {},
        dossier.file_name if dossier is not None else "",
        *origin_fields(candidate),
    )


def candidate_file(db: Database, candidate_pk: int, store: DossierStore | None = None) -> CandidateFile:
    with db.read() as session:
        return file_of(load_candidate(session, candidate_pk), store)
