"""The jury room's use cases: check-in, decisions, incidents, and where the jury was. Each call is one transaction,
committed before it returns: the screen shows a change only once it is on disk (a crash or a power cut loses
nothing). The file they answer with is :mod:`.candidate_file`'s; what the room may do now, :mod:`.room_actions`'s.

A decision is the jury's most frequent act (28 an oral, a key each): it reads the few facts the rules check it
against, writes the one decision and its history line, and answers with the file shown updated in that one item
and the outcome, instead of reading the whole candidate again (benchmarks/bench_oral.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from c2i2e_jury.clock import Clock, utc_now
from c2i2e_jury.domain.rules import (
    Attendance,
    Mark,
    Situation,
    evaluate,
    justification_kept,
    needs_justification,
    not_admitted_reason,
)
from c2i2e_jury.resources_access import referential

# The names the other use cases and the screens import from here.
from c2i2e_jury.services.candidate_file import CandidateFile as CandidateFile
from c2i2e_jury.services.candidate_file import Facts, facts_of, mark_of, oral_for
from c2i2e_jury.services.candidate_file import IncidentRow as IncidentRow
from c2i2e_jury.services.candidate_file import ItemRow as ItemRow
from c2i2e_jury.services.candidate_file import JuryRoomError as JuryRoomError
from c2i2e_jury.services.candidate_file import candidate_file as candidate_file
from c2i2e_jury.services.candidate_file import load_candidate as load_candidate
from c2i2e_jury.services.candidate_file import oral_of as oral_of
from c2i2e_jury.services.candidate_file import situation_of as situation_of

# The day's list is read with Core (the first window needs no ORM); still offered here with the other use cases.
from c2i2e_jury.services.day_list import DayEntry as DayEntry
from c2i2e_jury.services.day_list import day_entries as day_entries
from c2i2e_jury.services.day_list import last_candidate as last_candidate
from c2i2e_jury.services.room_actions import RoomActions as RoomActions
from c2i2e_jury.services.room_actions import TimerBlock as TimerBlock
from c2i2e_jury.services.room_actions import room_actions as room_actions
from c2i2e_jury.services.room_actions import timer_block as timer_block
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Decision, DecisionChange, EvaluatorMark, Incident

INCIDENT_KINDS = ("late_arrival", "technical", "fraud_suspicion", "other")
DecisionState = tuple[str | None, str, str]  # decision, comment, justification, as stored


@dataclass(frozen=True)
class DecisionChangeRow:
    item: str
    old: str | None
    new: str | None
    at: datetime
    justification: str
    comment: str
    by: str


def _editable(situation: Situation, locked: bool) -> None:
    reason = not_admitted_reason(situation)
    if reason is not None:
        raise JuryRoomError(f"Ce candidat n'est pas admis à l'épreuve orale : {reason}.")
    if locked:
        raise JuryRoomError(
            "La feuille de résultats est signée : rouvrez-la (avec un motif) pour la modifier."
        )


def check_in(
    db: Database,
    candidate_pk: int,
    attendance: Attendance,
    now: Clock = utc_now,
    store: DossierStore | None = None,
    shown: CandidateFile | None = None,
) -> CandidateFile:
    """Present, or absent (abandonment, recorded with its time); PENDING undoes a check-in. ``shown``: as for
    :func:`decide`."""
    with db.session() as session:
        facts = facts_of(session, candidate_pk)
        _editable(facts.situation, facts.locked)
        oral = oral_for(session, candidate_pk)
        oral.attendance = attendance.value
        oral.checked_in_at = at = None if attendance is Attendance.PENDING else now()
    if shown is None or shown.pk != candidate_pk:
        return candidate_file(db, candidate_pk, store)
    return _updated(shown, replace(facts.situation, attendance=attendance), facts.locked, checked_in_at=at)


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
    shown: CandidateFile | None = None,
) -> CandidateFile:
    """Record the jury's decision on one item, with its history; refused when the rules say no. ``shown``: the
    candidate's file on screen, answered updated in this item and the outcome (else the file is read again)."""
    if item not in referential():
        raise JuryRoomError(f"Compétence inconnue : {item}.")
    with db.session() as session:
        facts = facts_of(session, candidate_pk)
        _decidable(facts, item)
        current = session.scalars(
            select(Decision).where(Decision.candidate_pk == candidate_pk, Decision.item == item)
        ).one_or_none()
        state = _new_state(session, candidate_pk, item, current, decision, comment, justification)
        _write(session, candidate_pk, item, current, state, now, by)
    if shown is None or shown.pk != candidate_pk:
        return candidate_file(db, candidate_pk, store)
    return _with_decision(shown, facts, item, state)


def _decidable(facts: Facts, item: str) -> None:
    _editable(facts.situation, facts.locked)
    if facts.situation.attendance is not Attendance.PRESENT:
        raise JuryRoomError("Enregistrez d'abord la présence du candidat.")
    if any(p.item == item and p.copy_deposited and p.original_received for p in facts.situation.prior):
        raise JuryRoomError(
            f"{item} est acquise par une validation antérieure : elle ne peut pas être modifiée."
        )


def _new_state(
    session: Session,
    candidate_pk: int,
    item: str,
    current: Decision | None,
    decision: Mark | None,
    comment: str | None,
    justification: str | None,
) -> DecisionState:
    """The decision, comment and justification to store; refused when a justification is due and missing."""
    evaluator = mark_of(
        session.scalar(
            select(EvaluatorMark.mark).where(
                EvaluatorMark.candidate_pk == candidate_pk, EvaluatorMark.item == item
            )
        )
    )
    new_comment = comment if comment is not None else (current.comment if current else "")
    kept = justification_kept(
        evaluator,
        mark_of(current.decision) if current else None,
        decision,
        current.justification if current else "",
    )
    new_justification = (justification if justification is not None else kept).strip()
    if needs_justification(evaluator, decision) and not new_justification:
        raise JuryRoomError(
            f"{item} : une justification est obligatoire quand la décision du jury diffère "
            f"de celle de l'évaluateur ({evaluator.value if evaluator else '-'})."
        )
    return (decision.value if decision else None, new_comment, new_justification)


def _write(
    session: Session,
    candidate_pk: int,
    item: str,
    current: Decision | None,
    state: DecisionState,
    now: Clock,
    by: str,
) -> None:
    """The one decision and its history line (nothing when nothing changes)."""
    value, comment, justification = state
    if current is not None and (current.decision, current.comment, current.justification) == state:
        return
    old = current.decision if current else None
    if current is None:
        current = Decision(candidate_pk=candidate_pk, item=item)
        session.add(current)
    current.decision, current.comment, current.justification = state
    current.updated_at = now()
    change = DecisionChange(candidate_pk=candidate_pk, item=item, old=old, new=value, at=now())
    change.justification, change.comment, change.by = justification, comment, by
    session.add(change)


def _with_decision(shown: CandidateFile, facts: Facts, item: str, state: DecisionState) -> CandidateFile:
    """The file shown with ``item`` as stored now."""
    value, comment, justification = state
    situation = replace(facts.situation, decisions={**facts.situation.decisions, item: mark_of(value)})
    items = tuple(
        replace(row, decision=mark_of(value), comment=comment, justification=justification)
        if row.code == item
        else row
        for row in shown.items
    )
    return _updated(shown, situation, facts.locked, items=items)


def _updated(shown: CandidateFile, situation: Situation, locked: bool, **changes: Any) -> CandidateFile:
    """The file shown with ``changes``, and its outcome, admission and check-in as ``situation`` has them."""
    return replace(
        shown,
        outcome=evaluate(referential(), situation),
        not_admitted_reason=not_admitted_reason(situation),
        attendance=situation.attendance,
        locked=locked,
        **changes,
    )


def history(db: Database, candidate_pk: int, item: str | None = None) -> list[DecisionChangeRow]:
    c = DecisionChange
    query = select(c.item, c.old, c.new, c.at, c.justification, c.comment, c.by).where(
        c.candidate_pk == candidate_pk
    )
    if item:
        query = query.where(c.item == item)
    with db.read() as session:
        return [DecisionChangeRow(*row) for row in session.execute(query.order_by(c.pk))]


def add_incident(db: Database, candidate_pk: int, kind: str, note: str, now: Clock = utc_now) -> IncidentRow:
    if kind not in INCIDENT_KINDS:
        raise JuryRoomError(f"Type d'incident inconnu : {kind}.")
    with db.session() as session:
        candidate = load_candidate(session, candidate_pk)
        _editable(situation_of(candidate), bool(candidate.oral and candidate.oral.locked))
        incident = Incident(kind=kind, at=now(), note=note.strip())
        oral_of(session, candidate).incidents.append(incident)
        session.flush()
        return IncidentRow(incident.pk, incident.kind, incident.at, incident.note)


def save_view_state(db: Database, candidate_pk: int, state: dict[str, Any], now: Clock = utc_now) -> None:
    """Where the jury is (page, zoom, selected item): reopened there after a crash. Saved as the jury pages: the
    oral's row alone is read and written."""
    with db.session() as session:
        oral = oral_for(session, candidate_pk)
        oral.view_state = dict(state)
        oral.current_page = int(state.get("page", 0))
        oral.view_updated_at = now()
