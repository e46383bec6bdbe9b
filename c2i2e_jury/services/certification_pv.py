"""The certification jury's minutes (PRODUCT.md §3.4): every candidate of the campaign with what their latest
signed sheet proposed and, beside it, the jury's decision in force (:mod:`certification`; « À décider » where a
delivery is proposed and none is recorded), signed by the president with their credential and checked against
the campaign authority before it is handed over. A PV is not signed while a candidate is still to decide."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from c2i2e_jury.domain.rules import Status
from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import Credential, signing_refusal
from c2i2e_jury.exchange.pv_pdf import (
    PRESIDENT_FIELD,
    PvCandidate,
    PvContent,
    PvMember,
    default_decision,
    render_pv,
)
from c2i2e_jury.services.review import ReviewRow, review_rows
from c2i2e_jury.services.sheet_signing import authority_of
from c2i2e_jury.services.signed_proposal import proposal_text
from c2i2e_jury.storage.certification_models import CertificationDecision
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate

log = logging.getLogger(__name__)


class PvError(UserError):
    """The PV cannot be drawn up or signed."""


def pv_content(db: Database, campaign_id: str, members: Sequence[PvMember], meeting: date, place: str, *,
               decisions: Mapping[str, str] | None = None, remarks: str = "",
               now: datetime | None = None) -> PvContent:
    """The PV's content from the database; ``decisions`` (candidate id -> text) replace a decision's wording."""
    if not any(m.role == "Président" for m in members):
        raise PvError("Le procès-verbal nomme le président du jury de certification.")
    with db.read() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise PvError(f"La campagne « {campaign_id} » n'est pas dans la base.")
        _check_meeting(meeting, campaign.year, (now or datetime.now(UTC)).astimezone().date())
        title = campaign.title
    rows = tuple(pv_rows(db, campaign_id, decisions or {}))
    return PvContent(campaign_id, title, meeting, place, tuple(members), rows, remarks,
                     (now or datetime.now(UTC)).astimezone())


def _check_meeting(meeting: date, year: int, today: date) -> None:
    """The jury met during this campaign and has already met: a PV signed for another date would be false."""
    shown = f"{meeting.day:02d}/{meeting.month:02d}/{meeting.year:04d}"
    if meeting.year < year:
        raise PvError(f"La date de réunion du jury ({shown}) précède l'année de la campagne ({year}) : vérifiez-la.")
    if meeting > today:
        raise PvError(f"La date de réunion du jury ({shown}) est dans le futur : le procès-verbal se signe après "
                      "la réunion.")


# --- each candidate's line: what the signed sheet said, what the certification jury decided -------------------

def pv_rows(db: Database, campaign_id: str, wording: Mapping[str, str] | None = None) -> list[PvCandidate]:
    """Every candidate of the campaign as the PV lists them, in candidate id order."""
    rows = review_rows(db, campaign_id)
    with db.read() as session:
        latest = (select(func.max(CertificationDecision.pk)).join(Candidate)
                  .where(Candidate.campaign_id == campaign_id).group_by(CertificationDecision.candidate_pk))
        in_force = {d.candidate_pk: d for d in session.scalars(
            select(CertificationDecision).where(CertificationDecision.pk.in_(latest)))}
        for decision in in_force.values():
            session.expunge(decision)
    return [_line(row, in_force.get(row.pk), (wording or {}).get(row.candidate_id)) for row in rows]


def _line(row: ReviewRow, recorded: CertificationDecision | None, wording: str | None) -> PvCandidate:
    status = _status(row)
    signed = row.signed
    undecided = row.undecided
    text = wording or _decision(recorded, status, row.proposed.validated_count, row.proposed.certificate, undecided)
    return PvCandidate(row.candidate_id, row.last_name, row.first_name, status,
                       signed.validated_count if signed else 0, bool(signed and signed.certificate), text,
                       row.sheet_version, sheet_said=proposal_text(signed) if signed else _no_sheet(status),
                       decided=recorded.kind if recorded else None, undecided=undecided)


def _status(row: ReviewRow) -> str:
    """annulled, else what the signed sheet says (examined, absent, not_admitted), else not_admitted or pending."""
    if row.status is Status.ANNULLED:
        return "annulled"
    if row.signed is not None:
        return row.signed.status.value
    return "not_admitted" if row.status is Status.NOT_ADMITTED else "pending"


def _no_sheet(status: str) -> str:
    return "feuille non reçue" if status == "pending" else "—"


def _decision(recorded: CertificationDecision | None, status: str, validated: int, certificate: bool,
              undecided: bool) -> str:
    """The decision in force (:mod:`certification`); « À décider » while the jury has not decided, else what
    the facts leave (absent, not admitted, nothing validated: nothing to deliver)."""
    if recorded is None or recorded.kind == "annulment_lifted":
        lifted = f"Annulation levée ({recorded.reason}) ; " if recorded is not None else ""
        if undecided and status != "pending":
            return lifted + ("à décider." if lifted else "À décider.")
        return lifted + default_decision(status, validated, False)
    reason = f" ({recorded.reason})" if recorded.reason else ""
    basis = " — sur les données actuelles, non sur la feuille signée" if recorded.basis == "current" else ""
    if recorded.kind == "certificate":
        return f"Certificat délivré{basis}."
    if recorded.kind == "attestation":
        n = len([code for code in recorded.validated.split(",") if code])
        return f"Attestation partielle : {n} compétence{'s' if n > 1 else ''} validée{'s' if n > 1 else ''}{basis}."
    return f"Dossier annulé pour plagiat{reason} : aucune compétence validée."


def undecided_sentence(candidates: Sequence[PvCandidate], limit: int = 10) -> str | None:
    """Why the PV cannot be signed yet, naming how many candidates and who (one French sentence), or None."""
    waiting = [c for c in candidates if c.undecided]
    if not waiting:
        return None
    names = [f"{c.last_name.upper()} {c.first_name} ({c.candidate_id})" for c in waiting[:limit]]
    more = f" et {len(waiting) - limit} autre{'s' if len(waiting) - limit > 1 else ''}" if len(waiting) > limit else ""
    n = len(waiting)
    return (f"Le procès-verbal ne peut pas être signé : {n} candidat{'s' if n > 1 else ''} "
            f"reste{'nt' if n > 1 else ''} à décider par le jury de certification : {', '.join(names)}{more}.")


def president_refusal(db: Database, campaign_id: str, president: Credential, *,
                      now: datetime | None = None) -> str | None:
    """Why ``president`` cannot sign this campaign's PV now (expired, not yet valid, another authority's), or
    None: asked as soon as the credential is opened, before the president types the PV's details."""
    with db.read() as session:
        roots = authority_of(session, campaign_id)
    return signing_refusal(president, now or datetime.now(UTC), roots)


def sign_pv(db: Database, content: PvContent, president: Credential, *, now: datetime | None = None) -> bytes:
    """The PV rendered and signed by the president, checked against the campaign authority (when known)."""
    from c2i2e_jury.exchange.pades import SheetRejected
    from c2i2e_jury.exchange.pdf_signing import sign_pdf_with, verify_signed_pdf

    if president.name != content.president.name:
        raise PvError(f"Ce certificat est celui de {president.name}, pas celui du président "
                      f"{content.president.name}.")
    moment = (now or datetime.now(UTC)).astimezone()
    with db.read() as session:
        roots = authority_of(session, content.campaign_id)
        campaign = session.get(Campaign, content.campaign_id)
        if campaign is not None:  # the date may have been changed since pv_content (the dialog's date field)
            _check_meeting(content.meeting, campaign.year, moment.date())
    refusal = (signing_refusal(president, moment, roots) or undecided_sentence(content.candidates)
               or undecided_sentence(pv_rows(db, content.campaign_id)))  # a decision may have been undone since
    if refusal is not None:
        raise PvError(refusal)
    signed = sign_pdf_with(render_pv(content), president, PRESIDENT_FIELD, timestamp=moment,
                           reason="Procès-verbal du jury de certification C2i2e")
    try:
        verify_signed_pdf(signed, roots or list(president.chain[-1:]), [PRESIDENT_FIELD])
    except SheetRejected as exc:
        raise PvError(f"Le procès-verbal signé n'a pas pu être vérifié : {exc.message}") from exc
    log.info("PV of %s signed by %s", content.campaign_id, president.name)
    return signed
