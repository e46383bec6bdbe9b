"""The letters the registers' decisions are told by, printed from the register (PDF/A,
:mod:`c2i2e_jury.exchange.letters`): the answer to a reclamation and the decision on an oral date change.

Both are the bureau's letter to one candidate, dated the day of the decision and signed by whoever decided
(:func:`_bureau_letter`), named alike (:func:`_file_name`). The answer recalls what the candidate wrote and when
it arrived (with the seed's 15 days: « dans le délai » or « hors délai »), the decision and the answer given.
The date-change letter recalls the request (the date asked for, the reason and its proof), then the decision:
confirmed (the oral's new date and time) or refused (why, the oral staying where it was, and the seed's three
reasons). An entry not decided yet has no letter: one sentence says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from c2i2e_jury.clock import local_day
from c2i2e_jury.exchange.letters import Letter, render_letter
from c2i2e_jury.exchange.pdf.french import day_month_year, long_date
from c2i2e_jury.files import file_name_part
from c2i2e_jury.services.registers import (
    THREE_REASONS,
    DateChangeRow,
    ReclamationRow,
    RegisterError,
    change_row,
    reclamation_row,
)
from c2i2e_jury.storage.certification_models import OralDateChange, Reclamation
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate

T = TypeVar("T")

DECISIONS = {
    "accepted": "Après examen, votre réclamation est acceptée.",
    "rejected": "Après examen, votre réclamation est rejetée.",
}
OPENING = "Madame, Monsieur,"
CLOSING = "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées."


@dataclass(frozen=True)
class Addressee:
    candidate_id: str
    full_name: str
    email: str
    campaign_title: str


def _bureau_letter(
    to: Addressee, title: str, subject: str, day: date, body: tuple[str | tuple[str, ...], ...], by: str
) -> Letter:
    """The bureau's letter to the candidate, dated (and made at noon on) the day of the decision."""
    return Letter(
        title=title,
        campaign_title=to.campaign_title,
        recipient=(to.full_name, f"Candidat n° {to.candidate_id}", to.email),
        place_date=f"Le {day_month_year(day)}",
        subject=subject,
        paragraphs=(OPENING, *body, CLOSING),
        signature=(by or "Le bureau C2i2e", "Pour le responsable de la certification C2i2e"),
        created=datetime.combine(day, time(12, 0)).astimezone(),
    )


def _file_name(kind: str, to: Addressee, pk: int) -> str:
    return (
        f"{kind}_{file_name_part(to.candidate_id, 'candidat', lower=False)}_"
        f"{file_name_part(to.full_name, 'candidat')}_{pk}.pdf"
    )


def _addressee(session: Session, candidate_pk: int) -> tuple[Candidate, Addressee]:
    candidate = session.get(Candidate, candidate_pk)
    assert candidate is not None  # a foreign key
    campaign = session.get(Campaign, candidate.campaign_id)
    assert campaign is not None
    return candidate, Addressee(candidate.candidate_id, candidate.full_name, candidate.email, campaign.title)


# --- the answer to a reclamation ---------------------------------------------------------------------------------


def _register_entry(
    db: Database, model: Any, pk: int, to_row: Callable[[Any, Any], T], missing: str
) -> tuple[T, Addressee]:
    """A register's entry as its screen shows it, and whom its letter goes to; ``missing`` when it is not there."""
    with db.read() as session:
        row = session.get(model, pk)
        if row is None:
            raise RegisterError(missing)
        candidate, to = _addressee(session, row.candidate_pk)
        return to_row(row, candidate), to


def answer_letter(row: ReclamationRow, campaign_title: str, email: str) -> Letter:
    assert row.decided_on is not None and row.status in DECISIONS
    to = Addressee(row.candidate_id, row.full_name, email, campaign_title)
    body = (
        f"Votre réclamation écrite, portant sur un problème survenu le {day_month_year(row.problem_date)}, "
        f"a été reçue le {day_month_year(row.received_date)}, {row.delay_text} : le cahier des charges "
        "demande qu'elle soit adressée dans les 15 jours suivant le problème. Vous écriviez :",
        (f"« {row.text} »",),
        DECISIONS[row.status],
        row.outcome,
    )
    subject = f"réponse à votre réclamation reçue le {day_month_year(row.received_date)}"
    return _bureau_letter(to, "Réponse à une réclamation", subject, row.decided_on, body, row.answered_by)


def reclamation_letter(db: Database, reclamation_pk: int) -> tuple[str, bytes]:
    """The answer letter's file name and PDF; refused (one sentence) while the reclamation is unanswered."""
    entry, to = _register_entry(
        db, Reclamation, reclamation_pk, reclamation_row, "Réclamation introuvable dans la base."
    )
    if entry.status == "pending":
        raise RegisterError("Cette réclamation n'a pas encore de réponse : enregistrez-la avant d'imprimer.")
    if entry.decided_on is None:  # answered before migration 0009: the day it was recorded
        assert entry.answered_at is not None
        entry = replace(entry, decided_on=local_day(entry.answered_at))
    letter = answer_letter(entry, to.campaign_title, to.email)
    return _file_name("reponse-reclamation", to, entry.pk), render_letter(letter)


# --- the decision on an oral date change -------------------------------------------------------------------------


def _slot(day: date | None, at: str) -> str:
    return f"le {long_date(day)} à {at}" if day is not None and at else long_date(day)


def date_change_letter_of(row: DateChangeRow, to: Addressee) -> Letter:
    """The letter telling the candidate the decision on a date change (confirmed: ``applied``, or refused)."""
    assert row.status in ("applied", "refused")
    request = (
        f"Vous avez demandé le {day_month_year(row.requested_on)} que votre épreuve orale, prévue "
        f"{_slot(row.old_date, row.old_time)}, soit déplacée {_slot(row.new_date, row.new_time)}, pour le "
        f"motif suivant : {row.reason_label} (justificatif : {row.proof})."
    )
    if row.status == "applied":
        decision: tuple[str, ...] = (
            "Votre demande est acceptée : le justificatif a été reçu.",
            f"Votre épreuve orale aura lieu {_slot(row.new_date, row.new_time)}, dans la salle et devant le "
            "jury que vous indiquait votre convocation.",
        )
    else:
        decision = (
            f"Votre demande est refusée : {row.decision_note.rstrip('.')}.",
            f"Votre épreuve orale reste fixée {_slot(row.old_date, row.old_time)}.",
            f"Pour rappel, {THREE_REASONS}",
        )
    subject = f"votre demande de changement de date d'oral du {day_month_year(row.requested_on)}"
    day = row.decided_on or (local_day(row.applied_at) if row.applied_at else row.requested_on)
    title = "Décision sur un changement de date d'oral"
    return _bureau_letter(to, title, subject, day, (request, *decision), row.decided_by or row.recorded_by)


def date_change_letter(db: Database, change_pk: int) -> tuple[str, bytes]:
    """The decision letter's file name and PDF; refused (one sentence) while the change awaits its decision."""
    entry, to = _register_entry(
        db, OralDateChange, change_pk, change_row, "Demande de changement introuvable dans la base."
    )
    if entry.status == "awaiting_proof":
        raise RegisterError(
            "Cette demande de changement de date attend encore sa décision : confirmez-la ou refusez-la "
            "avant d'imprimer."
        )
    return _file_name("decision-changement-date", to, entry.pk), render_letter(
        date_change_letter_of(entry, to)
    )
