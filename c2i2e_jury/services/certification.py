"""The certification jury's decisions (seed: "Délivrance des certificats et attestations", "Règle en cas de
plagiat"): deliver the certificate, a partial attestation, annul a dossier for plagiarism, lift an annulment.

The rules engine says what is allowed: a certificate only where :func:`evaluate` grants it, an attestation only
for an examined candidate who validated something and falls short of the certificate. Both rest on the
validation jury's signed sheet: nothing is delivered for a candidate whose sheet is missing, reopened or in
conflict. Every decision is a new row with its time and who took it (the latest is in force); a decision that
replaces another revokes the documents issued under the old one, so that their codes no longer verify.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from c2i2e_jury.clock import Clock, utc_now
from c2i2e_jury.domain.rules import Outcome, Status, evaluate
from c2i2e_jury.errors import UserError
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.jury_room import situation_of
from c2i2e_jury.services.presidency import designated_president
from c2i2e_jury.services.signed_proposal import (
    Signed,
    chosen,
    difference_sentence,
    differs,
    latest_signed,
    proposal,
)
from c2i2e_jury.storage.certification_models import CertificationDecision, IssuedDocument, SignedPv
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Candidate, ResultSheet, SheetConflict

log = logging.getLogger(__name__)

KINDS = ("certificate", "attestation", "annulment", "annulment_lifted", "delivery_undone")
DELIVERIES = ("certificate", "attestation")


class CertificationError(UserError):
    """A decision the rules refuse (French: the president reads it)."""


NO_DECIDER = (
    "Le paquet de la campagne ne désigne pas le président du jury de certification (une ligne de jurors.csv "
    "dont le jury est « president ») : aucune décision ne peut être enregistrée en son nom."
)


@dataclass(frozen=True)
class CertificationEntry:
    pk: int
    candidate_pk: int
    kind: str
    reason: str
    validated: tuple[str, ...]
    decided_at: datetime
    decided_by: str


def _entry(row: CertificationDecision) -> CertificationEntry:
    items = tuple(code for code in row.validated.split(",") if code)
    return CertificationEntry(
        row.pk, row.candidate_pk, row.kind, row.reason, items, row.decided_at, row.decided_by
    )


def _load(session: Session, candidate_pk: int) -> Candidate:
    candidate = session.scalars(
        select(Candidate)
        .where(Candidate.pk == candidate_pk)
        .options(
            selectinload(Candidate.prior),
            selectinload(Candidate.decisions),
            selectinload(Candidate.oral),
            selectinload(Candidate.campaign),
        )
    ).one_or_none()
    if candidate is None:
        raise CertificationError("Candidat introuvable dans la base.")
    return candidate


def current(session: Session, candidate_pk: int) -> CertificationDecision | None:
    return session.scalars(
        select(CertificationDecision)
        .where(CertificationDecision.candidate_pk == candidate_pk)
        .order_by(CertificationDecision.pk.desc())
        .limit(1)
    ).first()


def sheet_problem(session: Session, candidate: Candidate) -> str | None:
    """Why the validation jury's result cannot be relied on yet (one French sentence), or None."""
    if session.scalar(select(func.count()).where(ResultSheet.candidate_pk == candidate.pk)) == 0:
        return "Aucune feuille de résultats signée de ce candidat n'est dans la base."
    if candidate.oral is not None and not candidate.oral.locked:
        return "La feuille de résultats de ce candidat a été rouverte : attendez la nouvelle version signée."
    if session.scalar(
        select(func.count()).where(
            SheetConflict.candidate_pk == candidate.pk, SheetConflict.resolved.is_(False)
        )
    ):
        return "Une feuille de résultats en conflit attend une décision pour ce candidat : réglez-la d'abord."
    return None


def _why_not(kind: str, outcome: Outcome) -> str | None:
    if kind == "certificate" and not outcome.certificate:
        return f"Le certificat ne peut pas être délivré. {outcome.explanation}"
    if kind == "attestation":
        if outcome.certificate:
            return "Ce candidat remplit les conditions du certificat : délivrez le certificat."
        if outcome.status is not Status.EXAMINED:
            return f"Pas d'attestation partielle : {outcome.explanation}"
        if outcome.validated_count == 0:
            return "Pas d'attestation partielle : aucune compétence validée."
    return None


def decider(session: Session, campaign_id: str, by: str = "") -> str:
    """Who takes the certification jury's decisions: the president the campaign package designates (never the
    computer's login, never a name typed at the desk); ``by`` only for a campaign that designates none."""
    president = designated_president(session, campaign_id)
    if president is not None:
        return president.name
    if by.strip():
        return by.strip()
    raise CertificationError(NO_DECIDER)


def _record(
    session: Session,
    candidate: Candidate,
    kind: str,
    reason: str,
    validated: tuple[str, ...],
    by: str,
    now: datetime,
    *,
    basis: str = "sheet",
) -> CertificationEntry:
    by = decider(session, candidate.campaign_id, by)
    signed = latest_signed(session, candidate.pk)
    row = CertificationDecision(
        candidate_pk=candidate.pk,
        kind=kind,
        reason=reason.strip(),
        validated=",".join(validated),
        decided_at=now,
        decided_by=by.strip(),
        basis=basis,
        **_sheet_said(signed),
    )
    session.add(row)
    session.flush()
    _revoke_others(session, candidate.pk, row.pk, now, kind)
    log.info("certification jury: %s %s (%s) by %s", candidate.candidate_id, kind, reason, by)
    return _entry(row)


def _sheet_said(signed: Signed | None) -> dict[str, Any]:
    """The sheet a decision rests on, kept with it for the PV: its version and what it proposed."""
    if signed is None:
        return {"sheet_version": None, "sheet_proposal": ""}
    return {"sheet_version": signed.version, "sheet_proposal": proposal(signed.outcome) or "none"}


def _revoke_others(session: Session, candidate_pk: int, decision_pk: int, now: datetime, kind: str) -> None:
    reason = {
        "annulment": "Dossier annulé pour plagiat.",
        "delivery_undone": "Délivrance annulée par le jury de certification avant son procès-verbal.",
    }.get(kind, f"Remplacé par une décision du jury de certification du {now.astimezone():%d/%m/%Y}.")
    session.execute(
        update(IssuedDocument)
        .where(
            IssuedDocument.candidate_pk == candidate_pk,
            IssuedDocument.decision_pk != decision_pk,
            IssuedDocument.revoked_at.is_(None),
        )
        .values(revoked_at=now, revoked_reason=reason)
    )


def deliver(
    db: Database,
    candidate_pk: int,
    kind: str,
    *,
    by: str = "",
    now: Clock = utc_now,
    basis: str | None = None,
) -> CertificationEntry:
    """Record the delivery of the certificate or of a partial attestation, when the rules allow it on what the
    validation jury signed (its sheet's decisions and earlier validations).

    When today's data no longer give what the sheet signed, nothing is recorded until the president says which
    to decide on: ``basis`` ``"sheet"`` or ``"current"``. The same delivery on the same items twice records
    nothing new."""
    if kind not in DELIVERIES:
        raise ValueError(f"not a delivery: {kind}")
    with db.session() as session:
        candidate = _load(session, candidate_pk)
        today = evaluate(referential(), situation_of(candidate))
        signed = latest_signed(session, candidate_pk)
        outcome = chosen(signed, today, basis)
        problem = (
            (_why_not(kind, outcome) or sheet_problem(session, candidate))
            if signed is None
            else (
                sheet_problem(session, candidate)
                or _unchosen(signed, today, basis)
                or _why_not(kind, outcome)
            )
        )
        if problem:
            raise CertificationError(problem)
        in_force = current(session, candidate_pk)
        if (
            in_force is not None
            and in_force.kind == kind
            and in_force.validated == ",".join(outcome.validated)
        ):
            return _entry(in_force)
        return _record(
            session,
            candidate,
            kind,
            "",
            outcome.validated,
            by,
            now(),
            basis="current" if outcome is today and signed is not None else "sheet",
        )


def _unchosen(signed: Signed, today: Outcome, basis: str | None) -> str | None:
    """The sheet and today's data disagree and the president has not said which to decide on."""
    return (
        difference_sentence(signed.version, signed.outcome, today)
        if (basis is None and differs(signed.outcome, today))
        else None
    )


def deliver_certificate(
    db: Database, candidate_pk: int, *, by: str = "", now: Clock = utc_now
) -> CertificationEntry:
    return deliver(db, candidate_pk, "certificate", by=by, now=now)


def deliver_attestation(
    db: Database, candidate_pk: int, *, by: str = "", now: Clock = utc_now
) -> CertificationEntry:
    return deliver(db, candidate_pk, "attestation", by=by, now=now)


def annul_for_plagiarism(
    db: Database, candidate_pk: int, reason: str, *, by: str = "", now: Clock = utc_now
) -> CertificationEntry:
    """Seed: any plagiarism annuls the dossier. The reason is required; documents issued are revoked."""
    if not reason.strip():
        raise CertificationError("Indiquez le motif de l'annulation (les passages plagiés, leur source).")
    with db.session() as session:
        candidate = _load(session, candidate_pk)
        if candidate.annulled:
            raise CertificationError("Ce dossier est déjà annulé.")
        if not candidate.deposited:
            raise CertificationError("Ce candidat n'a pas déposé de dossier : il n'y a rien à annuler.")
        candidate.annulled, candidate.annulment_reason = True, reason.strip()
        return _record(session, candidate, "annulment", reason, (), by, now())


def lift_annulment(
    db: Database, candidate_pk: int, reason: str, *, by: str = "", now: Clock = utc_now
) -> CertificationEntry:
    """Undo an annulment (an error, or the university's instances decided otherwise); the reason is kept."""
    if not reason.strip():
        raise CertificationError("Indiquez pourquoi l'annulation est levée.")
    with db.session() as session:
        candidate = _load(session, candidate_pk)
        if not candidate.annulled:
            raise CertificationError("Ce dossier n'est pas annulé.")
        candidate.annulled, candidate.annulment_reason = False, ""
        return _record(session, candidate, "annulment_lifted", reason, (), by, now())


def undo_delivery(
    db: Database, candidate_pk: int, *, by: str = "", now: Clock = utc_now
) -> CertificationEntry:
    """Take back the certificate or attestation in force, as long as no signed procès-verbal carries it: the
    candidate is to decide again and the documents issued under it no longer verify. Once the PV is signed, the
    delivery is the jury's act: refused in one sentence."""
    with db.session() as session:
        candidate = _load(session, candidate_pk)
        in_force = current(session, candidate_pk)
        if in_force is None or in_force.kind not in DELIVERIES:
            raise CertificationError(
                "Aucune délivrance en vigueur pour ce candidat : il n'y a rien à annuler."
            )
        signed = signed_pv_since(session, candidate.campaign_id, in_force.decided_at)
        if signed is not None:
            raise CertificationError(
                f"Le procès-verbal signé le {signed.astimezone():%d/%m/%Y à %H:%M} porte cette délivrance : "
                "elle ne peut plus être annulée."
            )
        return _record(session, candidate, "delivery_undone", "", (), by, now())


def signed_pv_since(session: Session, campaign_id: str, moment: datetime) -> datetime | None:
    """When the campaign's PV was signed at or after ``moment`` (the earliest such signature), or None."""
    return session.scalar(
        select(func.min(SignedPv.signed_at)).where(
            SignedPv.campaign_id == campaign_id, SignedPv.signed_at >= moment
        )
    )


def decisions_of(db: Database, candidate_pk: int) -> list[CertificationEntry]:
    """The certification jury's decisions on a candidate, oldest first (the last is in force)."""
    with db.read() as session:
        return [
            _entry(row)
            for row in session.scalars(
                select(CertificationDecision)
                .where(CertificationDecision.candidate_pk == candidate_pk)
                .order_by(CertificationDecision.pk)
            )
        ]
