"""The certification jury's minutes (PRODUCT.md §3.4): every candidate of the campaign with the outcome of their
latest signed sheet and the jury's decision in force (:mod:`certification`; the rules' proposal, marked as still
to decide, where there is none), signed by the president with their credential and checked against the campaign
authority before it is handed over."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from c2i2e_jury.domain.rules import Status, evaluate
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
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.certification import current
from c2i2e_jury.services.jury_room import situation_of
from c2i2e_jury.services.sheet_export import latest_sheets
from c2i2e_jury.services.sheet_signing import authority_of
from c2i2e_jury.storage.certification_models import CertificationDecision
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate, ResultSheet

log = logging.getLogger(__name__)


class PvError(UserError):
    """The PV cannot be drawn up or signed."""


def pv_content(db: Database, campaign_id: str, members: Sequence[PvMember], meeting: date, place: str, *,
               decisions: Mapping[str, str] | None = None, remarks: str = "",
               now: datetime | None = None) -> PvContent:
    """The PV's content from the database; ``decisions`` (candidate id -> text) replace the rules' proposal."""
    if not any(m.role == "Président" for m in members):
        raise PvError("Le procès-verbal nomme le président du jury de certification.")
    with db.read() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise PvError(f"La campagne « {campaign_id} » n'est pas dans la base.")
        _check_meeting(meeting, campaign.year, (now or datetime.now(UTC)).astimezone().date())
        candidates = list(session.scalars(
            select(Candidate).where(Candidate.campaign_id == campaign_id).order_by(Candidate.candidate_id)
            .options(selectinload(Candidate.prior), selectinload(Candidate.decisions), selectinload(Candidate.oral))))
        sheets = latest_sheets(session, [c.pk for c in candidates])
        rows = []
        for c in candidates:
            status, validated, certificate, version = _outcome(c, sheets.get(c.pk))
            decision = (decisions or {}).get(c.candidate_id) or _decision(
                current(session, c.pk), status, validated, certificate)
            rows.append(PvCandidate(c.candidate_id, c.last_name, c.first_name, status, validated, certificate,
                                    decision, version))
        title = campaign.title
    return PvContent(campaign_id, title, meeting, place, tuple(members), tuple(rows), remarks,
                     (now or datetime.now(UTC)).astimezone())


def _check_meeting(meeting: date, year: int, today: date) -> None:
    """The jury met during this campaign and has already met: a PV signed for another date would be false."""
    shown = f"{meeting.day:02d}/{meeting.month:02d}/{meeting.year:04d}"
    if meeting.year < year:
        raise PvError(f"La date de réunion du jury ({shown}) précède l'année de la campagne ({year}) : vérifiez-la.")
    if meeting > today:
        raise PvError(f"La date de réunion du jury ({shown}) est dans le futur : le procès-verbal se signe après "
                      "la réunion.")


def _decision(recorded: CertificationDecision | None, status: str, validated: int, certificate: bool) -> str:
    """The decision in force (:mod:`certification`), else what the rules propose, marked as still to decide."""
    proposed = default_decision(status, validated, certificate)
    if recorded is None:
        return f"À décider — proposition : {proposed}" if status == "examined" else proposed
    reason = f" ({recorded.reason})" if recorded.reason else ""
    if recorded.kind == "certificate":
        return "Certificat délivré."
    if recorded.kind == "attestation":
        n = len([code for code in recorded.validated.split(",") if code])
        return f"Attestation partielle : {n} compétence{'s' if n > 1 else ''} validée{'s' if n > 1 else ''}."
    if recorded.kind == "annulment":
        return f"Dossier annulé pour plagiat{reason} : aucune compétence validée."
    return f"Annulation levée{reason} ; à décider — proposition : {proposed}"


def _outcome(candidate: Candidate, sheet: ResultSheet | None) -> tuple[str, int, bool, int | None]:
    """(status, validated, certificate, sheet version): the signed sheet's, else what the rules say without one."""
    if candidate.annulled:
        return "annulled", 0, False, sheet.version if sheet else None
    if sheet is not None:
        result: dict[str, Any] = dict(sheet.result)
        outcome = result["outcome"]
        return str(result["status"]), int(outcome["validated"]), bool(outcome["certificate"]), sheet.version
    if evaluate(referential(), situation_of(candidate)).status is Status.NOT_ADMITTED:
        return "not_admitted", 0, False, None
    return "pending", 0, False, None


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
    refusal = signing_refusal(president, moment, roots)
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
