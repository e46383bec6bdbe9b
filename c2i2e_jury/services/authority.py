"""The secretariat's credentials: the campaign authority and the jurors' (and president's) credentials, with
what the database must know of them (the authority's certificate to verify sheets, each juror's certificate)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from c2i2e_jury.exchange.credentials import (
    AuthorityFiles,
    Credential,
    certificate_pem,
    init_authority,
    issue_credential_file,
)
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Juror


def create_campaign_authority(db: Database, campaign_id: str | None, out_dir: Path, name: str,
                              passphrase: str) -> AuthorityFiles:
    """Write ``authority.p12`` / ``authority.pem`` and make it the campaign's authority in the database."""
    files = init_authority(out_dir, name, passphrase)
    if campaign_id:
        with db.session() as session:
            campaign = session.get(Campaign, campaign_id)
            if campaign is not None:
                campaign.authority_pem = files.pem.read_text(encoding="ascii")
    return files


def issue_juror_credential(db: Database, campaign_id: str | None, jury: str, authority_p12: Path,
                           authority_passphrase: str, name: str, email: str, out: Path,
                           passphrase: str) -> Credential:
    """Issue a credential file; with a jury, the juror and their certificate are recorded for the campaign."""
    credential = issue_credential_file(authority_p12, authority_passphrase, name, email, out, passphrase)
    if campaign_id and jury:
        pem = certificate_pem(credential.certificate).decode("ascii")
        with db.session() as session:
            juror = session.scalars(select(Juror).where(Juror.campaign_id == campaign_id, Juror.jury == jury,
                                                        Juror.name == name)).one_or_none()
            if juror is None:
                session.add(Juror(campaign_id=campaign_id, jury=jury, name=name, email=email, certificate_pem=pem))
            else:
                juror.email, juror.certificate_pem = email, pem
    return credential
