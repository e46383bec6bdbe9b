"""The secretariat's two registers under the seed's rules.

- Reclamations ("Règle en cas de réclamation"): a written, reasoned request within 15 days of the problem. A late
  one is still registered — the register is the record of what arrived — but shown « hors délai (18 jours) »,
  so that whoever answers sees it.
- Oral date changes ("Règle en cas de demande de modification de la convocation"): only for a hospitalisation,
  the death of a relative, or a convocation to an exam or a competitive oral, with proof. Another reason is
  refused with the rule; a change whose proof has not arrived is registered but moves nothing until it does.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from c2i2e_jury.clock import Clock, local_day, utc_now
from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.package.checks import parse_time
from c2i2e_jury.storage.certification_models import OralDateChange, Reclamation
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate

log = logging.getLogger(__name__)

RECLAMATION_DAYS = 15
RECLAMATION_STATUSES = {"pending": "en attente", "accepted": "acceptée", "rejected": "rejetée"}
DATE_CHANGE_REASONS = {
    "hospitalisation": "hospitalisation",
    "bereavement": "décès d'un proche",
    "exam_convocation": "convocation à un examen ou aux épreuves orales d'un concours",
}
THREE_REASONS = (
    "le cahier des charges ne permet de modifier la date de l'oral que pour une hospitalisation, le décès "
    "d'un proche ou une convocation à un examen ou aux épreuves orales d'un concours, justificatif à l'appui."
)
DATE_CHANGE_RULE = f"Changement refusé : {THREE_REASONS}"
DATE_CHANGE_STATUSES = {
    "awaiting_proof": "en attente du justificatif",
    "applied": "date modifiée",
    "refused": "refusée",
}


class RegisterError(UserError):
    """A request the seed's rules refuse (French: the secretariat reads it)."""


def candidate_of(session: Session, candidate_pk: int) -> Candidate:
    candidate = session.scalars(
        select(Candidate).where(Candidate.pk == candidate_pk).options(selectinload(Candidate.oral))
    ).one_or_none()
    if candidate is None:
        raise RegisterError("Candidat introuvable dans la base.")
    return candidate


def _campaign_year(session: Session, candidate: Candidate) -> int:
    campaign = session.get(Campaign, candidate.campaign_id)
    assert campaign is not None  # a candidate's campaign: a foreign key
    return campaign.year


def _fr(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _reclamation_dates(problem_date: date, received_date: date, year: int, today: date) -> None:
    """A reclamation is about this campaign and has arrived: no date before its year, none after today."""
    for label, day in (("du problème", problem_date), ("de réception", received_date)):
        if day > today:
            raise RegisterError(f"La date {label} ({_fr(day)}) est dans le futur : vérifiez-la.")
        if day.year < year:
            raise RegisterError(
                f"La date {label} ({_fr(day)}) précède l'année de la campagne ({year}) : vérifiez-la."
            )


def _new_slot(new_date: date, new_time: str, requested_on: date, year: int) -> str:
    """The new oral's time as HH:MM (what the room kit needs); its date after the request, near the campaign."""
    time = parse_time(new_time)
    if time is None and not new_time.strip():
        raise RegisterError("Saisissez la nouvelle heure de l'oral sous la forme HH:MM (ex. 14:30).")
    if time is None:
        raise RegisterError(
            f"Heure « {new_time.strip()} » invalide : saisissez-la sous la forme HH:MM (ex. 14:30)."
        )
    if new_date < requested_on:
        raise RegisterError(
            f"La nouvelle date ({_fr(new_date)}) précède la demande ({_fr(requested_on)}) : "
            "vérifiez les deux dates."
        )
    if not year - 1 <= new_date.year <= year + 1:
        raise RegisterError(
            f"La nouvelle date ({_fr(new_date)}) est trop loin de l'année de la campagne ({year}) : "
            "vérifiez-la."
        )
    return time


def who(by: str) -> str:
    if not by.strip():
        raise RegisterError("Indiquez qui enregistre la demande.")
    return by.strip()


# --- reclamations ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReclamationRow:
    pk: int
    candidate_pk: int
    candidate_id: str
    full_name: str
    problem_date: date
    received_date: date
    text: str
    status: str
    outcome: str
    recorded_at: datetime
    recorded_by: str
    answered_at: datetime | None
    answered_by: str = ""
    decided_on: date | None = None

    @property
    def deadline(self) -> date:
        """The last day the seed's 15 days allow for it to arrive."""
        return self.problem_date + timedelta(days=RECLAMATION_DAYS)

    @property
    def status_label(self) -> str:
        return RECLAMATION_STATUSES.get(self.status, self.status)

    @property
    def days(self) -> int:
        return (self.received_date - self.problem_date).days

    @property
    def in_time(self) -> bool:
        return self.days <= RECLAMATION_DAYS

    @property
    def delay_text(self) -> str:
        """« dans le délai (5 jours) » or « hors délai (18 jours) »."""
        unit = "jour" if self.days <= 1 else "jours"
        return f"{'dans le délai' if self.in_time else 'hors délai'} ({self.days} {unit})"


def reclamation_row(r: Reclamation, c: Candidate) -> ReclamationRow:
    return ReclamationRow(
        r.pk,
        c.pk,
        c.candidate_id,
        c.full_name,
        r.problem_date,
        r.received_date,
        r.text,
        r.status,
        r.outcome,
        r.recorded_at,
        r.recorded_by,
        r.answered_at,
        r.answered_by,
        r.decided_on,
    )


def record_reclamation(
    db: Database,
    candidate_pk: int,
    *,
    problem_date: date,
    received_date: date,
    text: str,
    by: str,
    now: Clock = utc_now,
) -> ReclamationRow:
    """Register a written reclamation; the 15-day limit is computed, a late one registered and shown as such."""
    if not text.strip():
        raise RegisterError("La réclamation doit être écrite : saisissez son objet et ses motifs.")
    if received_date < problem_date:
        raise RegisterError("La date de réception précède celle du problème : vérifiez les deux dates.")
    with db.session() as session:
        candidate = candidate_of(session, candidate_pk)
        _reclamation_dates(problem_date, received_date, _campaign_year(session, candidate), local_day(now()))
        row = Reclamation(
            candidate_pk=candidate_pk,
            problem_date=problem_date,
            received_date=received_date,
            text=text.strip(),
            status="pending",
            outcome="",
            recorded_at=now(),
            recorded_by=who(by),
        )
        session.add(row)
        session.flush()
        result = reclamation_row(row, candidate)
    log.info("reclamation of %s registered, %s", result.candidate_id, result.delay_text)
    return result


def reclamations(db: Database, campaign_id: str) -> list[ReclamationRow]:
    """The campaign's reclamations in the order they arrived."""
    with db.read() as session:
        return [
            reclamation_row(r, c)
            for r, c in session.execute(
                select(Reclamation, Candidate)
                .join(Candidate, Candidate.pk == Reclamation.candidate_pk)
                .where(Candidate.campaign_id == campaign_id)
                .order_by(Reclamation.received_date, Reclamation.pk)
            )
        ]


# --- oral date changes -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateChangeRow:
    pk: int
    candidate_pk: int
    candidate_id: str
    full_name: str
    reason: str
    proof: str
    proof_received: bool
    requested_on: date
    old_date: date | None
    old_time: str
    new_date: date
    new_time: str
    status: str
    recorded_at: datetime
    recorded_by: str
    applied_at: datetime | None
    decided_by: str = ""
    decided_on: date | None = None
    decision_note: str = ""

    @property
    def reason_label(self) -> str:
        return DATE_CHANGE_REASONS.get(self.reason, self.reason)

    @property
    def status_label(self) -> str:
        return DATE_CHANGE_STATUSES.get(self.status, self.status)


def change_row(r: OralDateChange, c: Candidate) -> DateChangeRow:
    return DateChangeRow(
        r.pk,
        c.pk,
        c.candidate_id,
        c.full_name,
        r.reason,
        r.proof,
        r.proof_received,
        r.requested_on,
        r.old_date,
        r.old_time,
        r.new_date,
        r.new_time,
        r.status,
        r.recorded_at,
        r.recorded_by,
        r.applied_at,
        r.decided_by,
        r.decided_on,
        r.decision_note,
    )


def movable(candidate: Candidate) -> None:
    if not candidate.deposited or candidate.rework_pending:
        raise RegisterError(
            "Ce candidat n'est pas admis à l'épreuve orale : il n'a pas de date d'oral à changer."
        )
    if candidate.oral is not None and (candidate.oral.attendance != "pending" or candidate.oral.locked):
        raise RegisterError(
            "L'oral de ce candidat a déjà eu lieu (ou son absence est constatée) : sa date ne peut "
            "plus être changée."
        )


def apply_change(change: OralDateChange, candidate: Candidate, now: datetime) -> None:
    candidate.oral_date, candidate.oral_time = change.new_date, change.new_time
    change.status, change.applied_at = "applied", now


def request_date_change(
    db: Database,
    candidate_pk: int,
    *,
    reason: str,
    proof: str,
    proof_received: bool,
    new_date: date,
    new_time: str,
    requested_on: date,
    by: str,
    now: Clock = utc_now,
) -> DateChangeRow:
    """Register a request to move a candidate's oral; it moves the oral at once when the proof is in hand."""
    if reason not in DATE_CHANGE_REASONS:
        raise RegisterError(DATE_CHANGE_RULE)
    if not proof.strip():
        raise RegisterError(
            "Décrivez le justificatif (certificat d'hospitalisation, acte de décès, convocation…)."
        )
    with db.session() as session:
        candidate = candidate_of(session, candidate_pk)
        movable(candidate)
        time = _new_slot(new_date, new_time, requested_on, _campaign_year(session, candidate))
        change = OralDateChange(
            candidate_pk=candidate_pk,
            reason=reason,
            proof=proof.strip(),
            proof_received=proof_received,
            requested_on=requested_on,
            old_date=candidate.oral_date,
            old_time=candidate.oral_time,
            new_date=new_date,
            new_time=time,
            status="awaiting_proof",
            recorded_at=now(),
            recorded_by=who(by),
        )
        if proof_received:
            apply_change(change, candidate, now())
        session.add(change)
        session.flush()
        result = change_row(change, candidate)
    log.info("oral date change for %s (%s): %s", result.candidate_id, reason, result.status)
    return result


def date_changes(db: Database, campaign_id: str) -> list[DateChangeRow]:
    with db.read() as session:
        return [
            change_row(r, c)
            for r, c in session.execute(
                select(OralDateChange, Candidate)
                .join(Candidate, Candidate.pk == OralDateChange.candidate_pk)
                .where(Candidate.campaign_id == campaign_id)
                .order_by(OralDateChange.pk)
            )
        ]
