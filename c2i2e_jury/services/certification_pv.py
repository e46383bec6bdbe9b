"""The certification jury's minutes (PRODUCT.md §3.4): every candidate of the campaign with the outcome of their
latest signed sheet and the jury's decision in force (:mod:`certification`; the rules' proposal, marked as still
to decide, where there is none), signed by the president with their credential and checked against the campaign
authority before it is handed over."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from c2i2e_jury.domain.rules import Status, evaluate
from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.pades import SheetSigner
from c2i2e_jury.exchange.pv_pdf import (
    PRESIDENT_FIELD,
    PvCandidate,
    PvContent,
    PvMember,
    default_decision,
    pv_json,
    render_pv,
)
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services import presidency
from c2i2e_jury.services.certification import current
from c2i2e_jury.services.jury_room import situation_of
from c2i2e_jury.services.presidency import NO_PRESIDENT, designated_president
from c2i2e_jury.services.sheet_export import latest_sheets
from c2i2e_jury.services.sheet_signing import authority_of
from c2i2e_jury.storage.certification_models import CertificationDecision
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate, ResultSheet

log = logging.getLogger(__name__)


PRESIDENT_ROLE = "Président"


class PvError(UserError):
    """The PV cannot be drawn up, signed or trusted."""


def pv_content(db: Database, campaign_id: str, members: Sequence[PvMember], meeting: date, place: str, *,
               decisions: Mapping[str, str] | None = None, remarks: str = "",
               now: datetime | None = None) -> PvContent:
    """The PV's content from the database; ``decisions`` (candidate id -> text) replace the rules' proposal. The
    president is the one the campaign package designates, first among ``members`` (the others)."""
    with db.read() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise PvError(f"La campagne « {campaign_id} » n'est pas dans la base.")
        members = _with_president(session, campaign_id, members)
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


def _with_president(session: Session, campaign_id: str, members: Sequence[PvMember]) -> list[PvMember]:
    """The designated president (the package's name for them), then the other members; a member typed as
    president under another name is refused rather than dropped."""
    president = designated_president(session, campaign_id)
    if president is None:
        raise PvError(NO_PRESIDENT)
    for member in members:
        if member.role == PRESIDENT_ROLE and member.name != president.name:
            raise PvError(f"Le paquet de la campagne désigne {president.name} comme président du jury de "
                          f"certification, pas {member.name}.")
    return [PvMember(president.name, PRESIDENT_ROLE), *(m for m in members if m.role != PRESIDENT_ROLE)]


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
    """Why ``president`` cannot sign this campaign's PV now (expired, not yet valid, another authority's, not the
    president the package designates), or None: asked as soon as the credential is opened, before the president
    types the PV's details."""
    with db.read() as session:
        return presidency.president_refusal(session, campaign_id, president, now or datetime.now(UTC),
                                            authority_of(session, campaign_id))


def sign_pv(db: Database, content: PvContent, president: Credential, *, now: datetime | None = None) -> bytes:
    """The PV rendered and signed by the designated president, then verified as :func:`verify_pv` does."""
    from c2i2e_jury.exchange.pdf_signing import sign_pdf_with

    moment = (now or datetime.now(UTC)).astimezone()
    with db.read() as session:
        refusal = presidency.president_refusal(session, content.campaign_id, president, moment,
                                               authority_of(session, content.campaign_id))
        if refusal is not None:
            raise PvError(refusal)
        _check_named_president(session, content)
        campaign = session.get(Campaign, content.campaign_id)
        if campaign is not None:  # the date may have been changed since pv_content (the dialog's date field)
            _check_meeting(content.meeting, campaign.year, moment.date())
    signed = sign_pdf_with(render_pv(content), president, PRESIDENT_FIELD, timestamp=moment,
                           reason="Procès-verbal du jury de certification C2i2e")
    verify_pv(db, signed, fallback_roots=president.chain[-1:])
    log.info("PV of %s signed by %s", content.campaign_id, president.name)
    return signed


def _check_named_president(session: Session, content: PvContent) -> None:
    president = designated_president(session, content.campaign_id)
    if president is not None and content.president.name != president.name:
        raise PvError(f"Le procès-verbal nomme {content.president.name} comme président, le paquet de la campagne "
                      f"désigne {president.name}.")


def verify_pv(db: Database, pdf: bytes, *, fallback_roots: Sequence[x509.Certificate] = ()) -> SheetSigner:
    """The signer of a signed PV, once the signature checks out against the campaign authority (or
    ``fallback_roots`` when the database knows none), the signer is the president the campaign designates and
    the PV names that president."""
    from c2i2e_jury.exchange.pades import SheetRejected
    from c2i2e_jury.exchange.pdf_signing import verify_signed_pdf

    data = pv_json(pdf) or {}
    campaign_id = str(data.get("campaign_id", ""))
    with db.read() as session:
        roots = authority_of(session, campaign_id) or list(fallback_roots)
        try:
            signer = verify_signed_pdf(pdf, roots, [PRESIDENT_FIELD])[0] if roots else None
        except SheetRejected as exc:
            raise PvError(f"Le procès-verbal signé n'a pas pu être vérifié : {exc.message}") from exc
        if signer is None:
            raise PvError("La base ne connaît pas l'autorité de la campagne : le procès-verbal ne peut être vérifié.")
        refusal = presidency.signer_refusal(session, campaign_id, signer.name, signer.fingerprint)
        named = [m.get("name") for m in data.get("members", []) if m.get("role") == PRESIDENT_ROLE]
        president = designated_president(session, campaign_id)
    if refusal is not None:
        raise PvError(f"Procès-verbal refusé : {refusal}")
    if president is None or named != [president.name]:
        raise PvError("Procès-verbal refusé : il ne nomme pas le président que le paquet de la campagne désigne.")
    return signer
