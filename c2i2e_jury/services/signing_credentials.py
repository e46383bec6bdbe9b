"""Who may sign a candidate's sheet in the jury room: two different credentials the campaign authority issued,
valid at the signing moment, of the jury's two jurors (:mod:`c2i2e_jury.services.signer_rules`); refused with one
French sentence before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from cryptography import x509
from sqlalchemy.orm import Session

from c2i2e_jury.exchange.credential_files import Certified
from c2i2e_jury.exchange.credentials import Credential, signing_refusal
from c2i2e_jury.services.jury_room import (
    JuryRoomError,
    load_candidate,
)
from c2i2e_jury.services.sheet_content import signing_moment
from c2i2e_jury.services.sheet_trust import authority_of
from c2i2e_jury.services.signer_rules import room_refusal
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import (
    Candidate,
)


def juror_entry(credential: Certified) -> dict[str, str]:
    entry = {"name": credential.name, "fingerprint": credential.fingerprint}
    try:
        names = credential.certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        emails = names.get_values_for_type(x509.RFC822Name)
    except x509.ExtensionNotFound:
        emails = []
    if emails:
        entry["email"] = emails[0]
    return entry


def check_credentials(
    session: Session,
    candidate: Candidate,
    credentials: Sequence[Certified],
    authority: Sequence[x509.Certificate],
    moment: datetime,
) -> None:
    if credentials[0].fingerprint == credentials[1].fingerprint:
        raise JuryRoomError("Les deux jurés doivent signer chacun avec son propre certificat.")
    for credential in credentials:
        refusal = signing_refusal(credential, moment, authority)
        if refusal is not None:
            raise JuryRoomError(refusal)
    _check_jury_signers(session, candidate, credentials, moment)


def _check_jury_signers(
    session: Session, candidate: Candidate, credentials: Sequence[Certified], moment: datetime
) -> None:
    """The jury's two jurors as the package lists them, two persons, within the campaign, not revoked."""
    refusal, _warnings = room_refusal(session, candidate, credentials, moment)
    if refusal is not None:
        raise JuryRoomError(refusal)


def credential_refusal(
    db: Database,
    candidate_pk: int,
    credential: Certified,
    earlier: Certified | None = None,
    now: datetime | None = None,
) -> str | None:
    """Why ``credential`` may not sign the candidate's sheet after ``earlier`` (juror 1's), or None: told as soon
    as the juror has opened it, before the other juror is asked anything."""
    moment = signing_moment(now)
    with db.read() as session:
        candidate = load_candidate(session, candidate_pk)
        refusal = signing_refusal(credential, moment, authority_of(session, candidate.campaign_id))
        if refusal is None:
            refusal, _warnings = room_refusal(
                session, candidate, [c for c in (earlier, credential) if c], moment
            )
    return refusal


def check_signers(
    db: Database,
    candidate_pk: int,
    credential_1: Credential,
    credential_2: Credential,
    now: datetime | None = None,
) -> None:
    """Refuse, before anything is written, credentials that could not sign this candidate's sheet."""
    with db.read() as session:
        candidate = load_candidate(session, candidate_pk)
        check_credentials(
            session,
            candidate,
            (credential_1, credential_2),
            authority_of(session, candidate.campaign_id),
            signing_moment(now),
        )
