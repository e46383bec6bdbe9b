"""What the secretariat decides on the registers' entries: the answer to a reclamation (accepted or rejected,
the answer given, the date of the decision and who answers), and an oral date change confirmed (its proof
arrived: the oral moves) or refused (with why).

Each entry is decided once: the register is a record, and a letter already sent cannot be taken back, so a
second answer is refused with the first one's date; a change already applied cannot be refused (the candidate
has been told the new date), one refused cannot be confirmed.
"""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy.orm import Session

from c2i2e_jury.clock import Clock, local_day, utc_now
from c2i2e_jury.services.registers import (
    DateChangeRow,
    ReclamationRow,
    RegisterError,
    apply_change,
    candidate_of,
    change_row,
    movable,
    reclamation_row,
)
from c2i2e_jury.storage.certification_models import OralDateChange, Reclamation
from c2i2e_jury.storage.database import Database

log = logging.getLogger(__name__)


def _fr(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def _author(by: str) -> str:
    if not by.strip():
        raise RegisterError("Indiquez qui prend la décision (nom et qualité).")
    return by.strip()


def _decision_day(day: date, since: date, since_label: str, today: date) -> date:
    if day > today:
        raise RegisterError(f"La date de la décision ({_fr(day)}) est dans le futur : vérifiez-la.")
    if day < since:
        raise RegisterError(
            f"La date de la décision ({_fr(day)}) précède {since_label} ({_fr(since)}) : vérifiez-la."
        )
    return day


def answer_reclamation(
    db: Database,
    reclamation_pk: int,
    *,
    accepted: bool,
    outcome: str,
    by: str,
    decided_on: date,
    now: Clock = utc_now,
) -> ReclamationRow:
    """Record the answer to a reclamation; the letter that tells the candidate is :mod:`.register_letters`'."""
    if not outcome.strip():
        raise RegisterError("Indiquez la réponse donnée au candidat.")
    author = _author(by)
    with db.session() as session:
        row = session.get(Reclamation, reclamation_pk)
        if row is None:
            raise RegisterError("Réclamation introuvable dans la base.")
        if row.status != "pending":
            answered = row.decided_on or (row.answered_at.date() if row.answered_at else None)
            raise RegisterError(
                "Cette réclamation a déjà reçu une réponse"
                + (f" le {_fr(answered)}" if answered else "")
                + " : le registre la garde telle quelle."
            )
        row.decided_on = _decision_day(decided_on, row.received_date, "sa réception", local_day(now()))
        row.status = "accepted" if accepted else "rejected"
        row.outcome, row.answered_by, row.answered_at = outcome.strip(), author, now()
        result = reclamation_row(row, candidate_of(session, row.candidate_pk))
    log.info("reclamation %d of %s answered: %s", result.pk, result.candidate_id, result.status)
    return result


def _change(session: Session, change_pk: int) -> OralDateChange:
    change = session.get(OralDateChange, change_pk)
    if change is None:
        raise RegisterError("Demande de changement introuvable dans la base.")
    return change


def confirm_proof(
    db: Database, change_pk: int, *, by: str, decided_on: date, now: Clock = utc_now
) -> DateChangeRow:
    """The proof arrived: the oral moves to the requested date. Confirming an applied change changes nothing."""
    author = _author(by)
    with db.session() as session:
        change = _change(session, change_pk)
        candidate = candidate_of(session, change.candidate_pk)
        if change.status == "applied":
            return change_row(change, candidate)
        if change.status == "refused":
            raise RegisterError(
                f"Cette demande a été refusée le {_fr(change.decided_on or change.requested_on)} : "
                "enregistrez une nouvelle demande si un justificatif arrive."
            )
        movable(candidate)
        change.decided_on = _decision_day(decided_on, change.requested_on, "la demande", local_day(now()))
        change.proof_received, change.decided_by = True, author
        apply_change(change, candidate, now())
        result = change_row(change, candidate)
    log.info("date change %d of %s confirmed", result.pk, result.candidate_id)
    return result


def refuse_date_change(
    db: Database, change_pk: int, *, reason: str, by: str, decided_on: date, now: Clock = utc_now
) -> DateChangeRow:
    """Refuse a change still awaiting its proof (the proof never came, or it does not show one of the seed's
    three reasons): the oral stays where it was."""
    if not reason.strip():
        raise RegisterError("Indiquez pourquoi le changement de date est refusé.")
    author = _author(by)
    with db.session() as session:
        change = _change(session, change_pk)
        if change.status != "awaiting_proof":
            raise RegisterError(
                "Cette demande n'attend plus de décision "
                f"({'la date a déjà été modifiée' if change.status == 'applied' else 'déjà refusée'}) : "
                "le registre la garde telle quelle."
            )
        change.decided_on = _decision_day(decided_on, change.requested_on, "la demande", local_day(now()))
        change.status, change.decided_by, change.decision_note = "refused", author, reason.strip()
        result = change_row(change, candidate_of(session, change.candidate_pk))
    log.info("date change %d of %s refused", result.pk, result.candidate_id)
    return result
