"""The secretariat's credentials: the campaign authority and the jurors' (and president's) credentials, with
what the database must know of them (the authority's certificate to verify sheets, each juror's certificate)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import (
    AuthorityFiles,
    Credential,
    certificate_pem,
    fingerprint,
    init_authority,
    issue_credential_file,
    load_certificates,
    load_credential,
)
from c2i2e_jury.storage.certification_models import IssuedDocument
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate, Juror, ResultSheet


class AuthorityError(UserError):
    """The campaign's authority cannot be replaced, or a credential would not be recognised by it."""


def _signed_under(session: Session, campaign_id: str) -> int:
    """How many result sheets and documents of the campaign were signed under its present authority."""
    sheets = (
        session.scalar(
            select(func.count())
            .select_from(ResultSheet)
            .join(Candidate)
            .where(Candidate.campaign_id == campaign_id)
        )
        or 0
    )
    documents = (
        session.scalar(
            select(func.count())
            .select_from(IssuedDocument)
            .join(Candidate)
            .where(Candidate.campaign_id == campaign_id)
        )
        or 0
    )
    return int(sheets) + int(documents)


def create_campaign_authority(
    db: Database, campaign_id: str | None, out_dir: Path, name: str, passphrase: str
) -> AuthorityFiles:
    """Write ``authority.p12`` / ``authority.pem`` and make it the campaign's authority in the database. Refused,
    before anything is written, when the campaign already has an authority under which sheets or documents were
    signed: replacing it would make every one of them unverifiable."""
    if campaign_id:
        with db.read() as session:
            campaign = session.get(Campaign, campaign_id)
            signed = (
                _signed_under(session, campaign_id) if campaign is not None and campaign.authority_pem else 0
            )
        if signed:
            raise AuthorityError(
                f"La campagne {campaign_id} a déjà une autorité, sous laquelle {signed} feuille(s) "
                "ou document(s) sont signés : une autre autorité les rendrait invérifiables. "
                "Rien n'a été écrit."
            )
    files = init_authority(out_dir, name, passphrase)
    if campaign_id:
        with db.session() as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is not None:
                campaign.authority_pem = files.pem.read_text(encoding="ascii")
    return files


def issue_juror_credential(
    db: Database,
    campaign_id: str | None,
    jury: str,
    authority_p12: Path,
    authority_passphrase: str,
    name: str,
    email: str,
    out: Path,
    passphrase: str,
) -> Credential:
    """Issue a credential file; with a jury, the juror and their certificate are recorded for the campaign. Refused,
    before anything is written, when ``authority_p12`` is not the campaign's authority: the credential would not be
    recognised when the juror signs, and the juror's recorded certificate would be replaced by a useless one."""
    if campaign_id:
        with db.read() as session:
            campaign = session.get(Campaign, campaign_id)
            pem = campaign.authority_pem if campaign is not None else None
        if pem:
            given = load_credential(authority_p12, authority_passphrase)
            known = {fingerprint(c) for c in load_certificates(pem.encode("ascii"), "authority.pem")}
            if given.fingerprint not in known:
                raise AuthorityError(
                    f"{Path(authority_p12).name} n'est pas l'autorité de la campagne {campaign_id} "
                    f"({given.name}) : le certificat délivré ne serait pas reconnu. Rien n'a été "
                    "écrit."
                )
    credential = issue_credential_file(authority_p12, authority_passphrase, name, email, out, passphrase)
    if campaign_id and jury:
        pem = certificate_pem(credential.certificate).decode("ascii")
        with db.session() as session:
            juror = session.scalars(
                select(Juror).where(Juror.campaign_id == campaign_id, Juror.jury == jury, Juror.name == name)
            ).one_or_none()
            if juror is None:
                session.add(
                    Juror(campaign_id=campaign_id, jury=jury, name=name, email=email, certificate_pem=pem)
                )
            else:
                juror.email, juror.certificate_pem = email, pem
    return credential
