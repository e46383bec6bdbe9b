"""The certification jury's minutes (docs/FORMATS.md §5.4): every candidate of the campaign with what their
latest signed sheet proposed and, beside it, the jury's decision in force (:mod:`certification`; « À décider »
where a delivery is proposed and none is recorded), signed by the president with their credential and checked
against the campaign authority before it is handed over. A PV is not signed while a candidate is still to
decide."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime

from cryptography import x509
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from c2i2e_jury.domain.rules import Status
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
from c2i2e_jury.services import presidency
from c2i2e_jury.services.presidency import NO_PRESIDENT, designated_president
from c2i2e_jury.services.review.rows import ReviewRow, review_rows
from c2i2e_jury.services.sheet_signing import authority_of
from c2i2e_jury.services.signed_proposal import proposal_text
from c2i2e_jury.storage.certification_models import CertificationDecision, SignedPv
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate

log = logging.getLogger(__name__)


PRESIDENT_ROLE = "Président"
NO_PLACE = "Indiquez le lieu de la réunion du jury : un procès-verbal sans lieu ne peut pas être signé."


class PvError(UserError):
    """The PV cannot be drawn up, signed or trusted."""


def pv_content(
    db: Database,
    campaign_id: str,
    members: Sequence[PvMember],
    meeting: date,
    place: str,
    *,
    decisions: Mapping[str, str] | None = None,
    remarks: str = "",
    now: datetime | None = None,
) -> PvContent:
    """The PV's content from the database; ``decisions`` (candidate id -> text) replace a decision's wording. The
    president is the one the campaign package designates, first among ``members`` (the others)."""
    with db.read() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise PvError(f"La campagne « {campaign_id} » n'est pas dans la base.")
        members = _with_president(session, campaign_id, members)
        _check_meeting(meeting, campaign.year, (now or datetime.now(UTC)).astimezone().date())
        title = campaign.title
    rows = tuple(pv_rows(db, campaign_id, decisions or {}))
    return PvContent(
        campaign_id,
        title,
        meeting,
        place,
        tuple(members),
        rows,
        remarks,
        (now or datetime.now(UTC)).astimezone(),
    )


def _with_president(session: Session, campaign_id: str, members: Sequence[PvMember]) -> list[PvMember]:
    """The designated president (the package's name for them), then the other members; a member typed as
    president under another name is refused rather than dropped."""
    president = designated_president(session, campaign_id)
    if president is None:
        raise PvError(NO_PRESIDENT)
    for member in members:
        if member.role == PRESIDENT_ROLE and member.name != president.name:
            raise PvError(
                f"Le paquet de la campagne désigne {president.name} comme président du jury de "
                f"certification, pas {member.name}."
            )
    return [PvMember(president.name, PRESIDENT_ROLE), *(m for m in members if m.role != PRESIDENT_ROLE)]


def _check_meeting(meeting: date, year: int, today: date) -> None:
    """The jury met during this campaign and has already met: a PV signed for another date would be false."""
    shown = f"{meeting.day:02d}/{meeting.month:02d}/{meeting.year:04d}"
    if meeting.year < year:
        raise PvError(
            f"La date de réunion du jury ({shown}) précède l'année de la campagne ({year}) : vérifiez-la."
        )
    if meeting > today:
        raise PvError(
            f"La date de réunion du jury ({shown}) est dans le futur : le procès-verbal se signe après "
            "la réunion."
        )


# --- each candidate's line: what the signed sheet said, what the certification jury decided -------------------


def pv_rows(db: Database, campaign_id: str, wording: Mapping[str, str] | None = None) -> list[PvCandidate]:
    """Every candidate of the campaign as the PV lists them, in candidate id order."""
    rows = review_rows(db, campaign_id)
    with db.read() as session:
        latest = (
            select(func.max(CertificationDecision.pk))
            .join(Candidate)
            .where(Candidate.campaign_id == campaign_id)
            .group_by(CertificationDecision.candidate_pk)
        )
        in_force = {
            d.candidate_pk: d
            for d in session.scalars(
                select(CertificationDecision).where(CertificationDecision.pk.in_(latest))
            )
        }
        for decision in in_force.values():
            session.expunge(decision)
    return [_line(row, in_force.get(row.pk), (wording or {}).get(row.candidate_id)) for row in rows]


def _line(row: ReviewRow, recorded: CertificationDecision | None, wording: str | None) -> PvCandidate:
    status = _status(row)
    signed = row.signed
    undecided = row.undecided
    text = wording or _decision(
        recorded, status, row.proposed.validated_count, row.proposed.certificate, undecided
    )
    return PvCandidate(
        row.candidate_id,
        row.last_name,
        row.first_name,
        status,
        signed.validated_count if signed else 0,
        bool(signed and signed.certificate),
        text,
        row.sheet_version,
        sheet_said=proposal_text(signed) if signed else _no_sheet(status),
        decided=recorded.kind if recorded else None,
        undecided=undecided,
    )


def _status(row: ReviewRow) -> str:
    """annulled, else what the signed sheet says (examined, absent, not_admitted), else not_admitted or pending."""
    if row.status is Status.ANNULLED:
        return "annulled"
    if row.signed is not None:
        return row.signed.status.value
    return "not_admitted" if row.status is Status.NOT_ADMITTED else "pending"


def _no_sheet(status: str) -> str:
    return "feuille non reçue" if status == "pending" else "—"


def _decision(
    recorded: CertificationDecision | None, status: str, validated: int, certificate: bool, undecided: bool
) -> str:
    """The decision in force (:mod:`certification`); « À décider » while the jury has not decided, else what
    the facts leave (absent, not admitted, nothing validated: nothing to deliver)."""
    if recorded is None or recorded.kind in ("annulment_lifted", "delivery_undone"):
        why = f" ({recorded.reason})" if recorded is not None and recorded.reason else ""
        lifted = (
            f"Annulation levée{why} ; "
            if recorded is not None and recorded.kind == "annulment_lifted"
            else ""
        )
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
    more = (
        f" et {len(waiting) - limit} autre{'s' if len(waiting) - limit > 1 else ''}"
        if len(waiting) > limit
        else ""
    )
    n = len(waiting)
    return (
        f"Le procès-verbal ne peut pas être signé : {n} candidat{'s' if n > 1 else ''} "
        f"reste{'nt' if n > 1 else ''} à décider par le jury de certification : {', '.join(names)}{more}."
    )


def president_refusal(
    db: Database, campaign_id: str, president: Credential, *, now: datetime | None = None
) -> str | None:
    """Why ``president`` cannot sign this campaign's PV now (expired, not yet valid, another authority's, not the
    president the package designates), or None: asked as soon as the credential is opened, before the president
    types the PV's details."""
    with db.read() as session:
        return presidency.president_refusal(
            session, campaign_id, president, now or datetime.now(UTC), authority_of(session, campaign_id)
        )


def sign_pv(db: Database, content: PvContent, president: Credential, *, now: datetime | None = None) -> bytes:
    """The PV rendered and signed by the designated president, then verified as :func:`verify_pv` does."""
    from c2i2e_jury.exchange.pdf_signing import sign_pdf_with

    moment = (now or datetime.now(UTC)).astimezone()
    with db.read() as session:
        refusal = presidency.president_refusal(
            session, content.campaign_id, president, moment, authority_of(session, content.campaign_id)
        )
        if refusal is not None:
            raise PvError(refusal)
        _check_named_president(session, content)
        campaign = session.get(Campaign, content.campaign_id)
        if campaign is not None:  # the date may have been changed since pv_content (the dialog's date field)
            _check_meeting(content.meeting, campaign.year, moment.date())
    refusal = undecided_sentence(content.candidates) or undecided_sentence(
        pv_rows(db, content.campaign_id)
    )  # a decision may have been undone since
    if refusal is not None:
        raise PvError(refusal)
    if not " ".join(content.place.split()).strip(" .,;"):
        raise PvError(NO_PLACE)
    signed = sign_pdf_with(
        render_pv(content),
        president,
        PRESIDENT_FIELD,
        timestamp=moment,
        reason="Procès-verbal du jury de certification C2i2e",
    )
    verify_pv(db, signed, fallback_roots=president.chain[-1:])
    _record_signed(db, content, president.name, moment, signed)
    log.info("PV of %s signed by %s", content.campaign_id, president.name)
    return signed


def _record_signed(db: Database, content: PvContent, signer: str, moment: datetime, pdf: bytes) -> None:
    """The signed PV in the register, before the president is told: from now on its deliveries are final."""
    with db.session() as session:
        session.add(
            SignedPv(
                campaign_id=content.campaign_id,
                meeting=content.meeting,
                signed_at=moment,
                signed_by=signer,
                sha256=hashlib.sha256(pdf).hexdigest(),
                pdf=pdf,
            )
        )


def _check_named_president(session: Session, content: PvContent) -> None:
    president = designated_president(session, content.campaign_id)
    if president is not None and content.president.name != president.name:
        raise PvError(
            f"Le procès-verbal nomme {content.president.name} comme président, le paquet de la campagne "
            f"désigne {president.name}."
        )


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
            raise PvError(
                "La base ne connaît pas l'autorité de la campagne : le procès-verbal ne peut être vérifié."
            )
        refusal = presidency.signer_refusal(session, campaign_id, signer.name, signer.fingerprint)
        named = [m.get("name") for m in data.get("members", []) if m.get("role") == PRESIDENT_ROLE]
        president = designated_president(session, campaign_id)
    if refusal is not None:
        raise PvError(f"Procès-verbal refusé : {refusal}")
    if president is None or named != [president.name]:
        raise PvError(
            "Procès-verbal refusé : il ne nomme pas le président que le paquet de la campagne désigne."
        )
    return signer
