"""Which credential file a juror may choose to sign a candidate's sheet, known before any passphrase (issue 12 §4,
§5): the campaign authority's and the president's never, and a juror's only when the public certificate beside
it (:mod:`c2i2e_jury.exchange.credential_files`) is one of the two jurors of the candidate's jury, valid, issued
by the campaign's authority and not revoked. A file without that certificate is checked once opened, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from c2i2e_jury.exchange.credential_files import Certified, PeekedCertificate, is_authority, peek_certificate
from c2i2e_jury.exchange.credentials import AUTHORITY_P12, fingerprint, load_certificates
from c2i2e_jury.exchange.package.juries import is_president
from c2i2e_jury.exchange.sheet_signers import person_key
from c2i2e_jury.services.jury_room import load_candidate
from c2i2e_jury.services.presidency import designated_president
from c2i2e_jury.services.sheet_signing import credential_refusal
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Juror


@dataclass(frozen=True)
class JurySigners:
    """The candidate's jury as the package lists it: ``members`` (name, certificate fingerprint or ""), in the
    package's order, and the certification jury president's fingerprint, when designated."""

    jury: str
    members: tuple[tuple[str, str], ...]
    president: str | None = None


def jury_signers(db: Database, candidate_pk: int) -> JurySigners:
    with db.read() as session:
        candidate = load_candidate(session, candidate_pk)
        rows = session.scalars(
            select(Juror)
            .where(Juror.campaign_id == candidate.campaign_id, Juror.jury == candidate.jury)
            .order_by(Juror.pk)
        ).all()
        members = tuple(
            (row.name, _fingerprint(row.certificate_pem)) for row in rows if not is_president(row.jury)
        )
        president = designated_president(session, candidate.campaign_id)
        return JurySigners(candidate.jury, members, president.fingerprint if president else None)


def _fingerprint(pem: str | None) -> str:
    return fingerprint(load_certificates(pem.encode("ascii"), "certificat de juré")[0]) if pem else ""


def not_a_jurors(path: Path | str, signers: JurySigners) -> str | None:
    """Why ``path`` is nobody's juror credential — the campaign authority's or the president's — or None."""
    path = Path(path)
    certificate = peek_certificate(path)
    if path.name.casefold() == AUTHORITY_P12 or (certificate is not None and is_authority(certificate)):
        return (
            f"{path.name} est le fichier de l'autorité de la campagne : elle délivre les certificats des "
            "jurés et ne signe aucune feuille. Choisissez votre propre certificat de juré."
        )
    if certificate is not None and signers.president == fingerprint(certificate):
        return (
            f"{path.name} est le certificat du président du jury de certification : il signe le "
            "procès-verbal, pas les feuilles des jurys de validation. Choisissez votre propre certificat de juré."
        )
    return None


def file_refusal(
    db: Database,
    candidate_pk: int,
    path: Path | str,
    signers: JurySigners,
    earlier: Certified | None = None,
    now: datetime | None = None,
) -> str | None:
    """Why the credential in ``path`` may not sign the candidate's sheet after ``earlier`` (juror 1's), read from
    its public certificate before its passphrase; None when it may, or when the file has no such certificate."""
    refusal = not_a_jurors(path, signers)
    certificate = peek_certificate(path)
    if refusal is not None or certificate is None:
        return refusal
    return credential_refusal(db, candidate_pk, PeekedCertificate(certificate), earlier, now)


def peeked(path: Path | str) -> PeekedCertificate | None:
    certificate = peek_certificate(path)
    return None if certificate is None else PeekedCertificate(certificate)


def person_of(path: Path | str, signers: JurySigners, earlier: Certified | None = None) -> str | None:
    """Whose credential ``path`` is, as the package names them: from its public certificate; else, for juror 2,
    the jury's juror who did not sign first; None when it cannot be told before the file is opened."""
    certificate = peek_certificate(path)
    if certificate is not None:
        print_ = fingerprint(certificate)
        holder = PeekedCertificate(certificate).name
        for name, member in signers.members:
            if member == print_ or (not member and person_key(name) == person_key(holder)):
                return name
        return holder
    if earlier is not None and len(signers.members) == 2:
        others = [
            name
            for name, member in signers.members
            if member != earlier.fingerprint and person_key(name) != person_key(earlier.name)
        ]
        return others[0] if len(others) == 1 else None
    return None
