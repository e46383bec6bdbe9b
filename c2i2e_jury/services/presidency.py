"""Who may sign the PV, the certificates and the attestations: the certification jury's president the campaign
designated, and no one else (docs/FORMATS.md §1.5).

The campaign package designates the president with a row of ``jurors.csv`` whose ``jury`` is ``president``, with
the president's certificate; the demo does the same. That certificate, and only it, signs those documents: a
juror's credential chains to the same campaign authority, so the authority alone cannot tell a juror from the
president. Checked when the credential is opened (before the president types anything), when signing, and when
a document is verified against the database. The PV prints the president's name as the package gives it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from c2i2e_jury.exchange.credentials import Credential, certificate_pem, fingerprint, signing_refusal
from c2i2e_jury.exchange.package.format import JurorRecord
from c2i2e_jury.exchange.package.president import PRESIDENT_JURY
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Juror

log = logging.getLogger(__name__)

NO_PRESIDENT = (
    "Le paquet de la campagne ne désigne pas le président du jury de certification : ajoutez à "
    "jurors.csv une ligne dont le jury est « president », avec son certificat, puis importez-le de "
    "nouveau ; jusque-là ni procès-verbal, ni certificat, ni attestation ne peuvent être signés."
)


@dataclass(frozen=True)
class President:
    """The designated president: the name the package gives, and their certificate's SHA-256 fingerprint."""

    name: str
    fingerprint: str


def designated_president(session: Session, campaign_id: str) -> President | None:
    """The president the campaign designates (the latest designation), or None."""
    row = session.scalars(
        select(Juror)
        .where(
            Juror.campaign_id == campaign_id, Juror.jury == PRESIDENT_JURY, Juror.certificate_pem.is_not(None)
        )
        .order_by(Juror.pk.desc())
    ).first()
    if row is None or row.certificate_pem is None:
        return None
    certificate = x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))
    return President(row.name, fingerprint(certificate))


def president_name(db: Database, campaign_id: str) -> str | None:
    """The designated president's name as the package gives it (the review shows who decides), or None."""
    with db.read() as session:
        president = designated_president(session, campaign_id)
    return president.name if president is not None else None


def signer_refusal(session: Session, campaign_id: str, name: str, signer_fingerprint: str) -> str | None:
    """Why a document signed by the certificate ``signer_fingerprint`` (whose holder is ``name``) is not the
    designated president's, or None."""
    president = designated_president(session, campaign_id)
    if president is None:
        return NO_PRESIDENT
    if signer_fingerprint != president.fingerprint:
        return (
            f"Le certificat de {name} n'est pas celui du président du jury de certification désigné par le "
            f"paquet de la campagne ({president.name}) : seul ce président signe le procès-verbal, les "
            "certificats et les attestations."
        )
    return None


def president_refusal(
    session: Session,
    campaign_id: str,
    credential: Credential,
    moment: datetime,
    roots: Sequence[x509.Certificate],
) -> str | None:
    """Why ``credential`` cannot sign the campaign's PV, certificates or attestations at ``moment`` (an
    authority, expired, another authority's, not the designated president), or None."""
    return signing_refusal(credential, moment, roots) or signer_refusal(
        session, campaign_id, credential.name, credential.fingerprint
    )


def check_president(
    db: Database,
    campaign_id: str,
    credential: Credential,
    moment: datetime,
    roots: Sequence[x509.Certificate],
) -> str | None:
    """:func:`president_refusal` in its own read."""
    with db.read() as session:
        return president_refusal(session, campaign_id, credential, moment, roots)


def designate_president(
    session: Session, campaign_id: str, name: str, email: str, certificate: x509.Certificate
) -> None:
    """Make ``certificate``'s holder the campaign's president, in place of any other (the demo, tests)."""
    session.execute(delete(Juror).where(Juror.campaign_id == campaign_id, Juror.jury == PRESIDENT_JURY))
    session.add(
        Juror(
            campaign_id=campaign_id,
            jury=PRESIDENT_JURY,
            name=name,
            email=email,
            certificate_pem=certificate_pem(certificate).decode("ascii"),
        )
    )
    log.info("president of %s: %s", campaign_id, name)


def drop_former_presidents(session: Session, campaign_id: str, jurors: Sequence[JurorRecord]) -> list[str]:
    """When a package designates a president, the presidents an earlier import designated are no longer: their
    rows go (the names, for the import's report). A package that designates none leaves the designation as is."""
    named = {j.name for j in jurors if j.jury == PRESIDENT_JURY}
    if not named:
        return []
    former = list(
        session.scalars(
            select(Juror).where(
                Juror.campaign_id == campaign_id, Juror.jury == PRESIDENT_JURY, Juror.name.not_in(named)
            )
        )
    )
    for row in former:
        session.delete(row)
    return [row.name for row in former]
