"""The secretariat revokes a juror's credential (a lost or stolen laptop) from a date (issue 11 §3).

Sheets signed with it from that moment on are refused at ``sheet import`` and by ``sheet verify`` with a
database, with the reason; sheets signed before stay valid. Nothing is revoked inside the certificate: the
program never goes online, so the revocation lives in the database that imports and verifies the sheets. The
moment compared is the one the signer's computer declared (PAdES B-B carries no trusted time): a thief who also
sets the clock back before the revocation is not caught, which is why the date should be the last moment the
credential was known to be safe.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import fingerprint, load_certificates
from c2i2e_jury.exchange.sheet_signers import person_key
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import CredentialRevocation, Juror

log = logging.getLogger(__name__)

MOMENT_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
)
FULL_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
FINGERPRINT_PREFIX = re.compile(r"[0-9a-f]{8,63}")


class RevocationError(UserError):
    """The revocation cannot be recorded as asked; nothing was written."""


@dataclass(frozen=True)
class RevokedCredential:
    fingerprint: str
    name: str
    since: datetime
    reason: str
    updated: bool  # the credential was revoked already: its date and reason are replaced


def parse_moment(text: str) -> datetime:
    """A day (from midnight) or a day and a time, in this computer's time zone: « 2017-06-12 »,
    « 12/06/2017 14:30 », « 2017-06-12T14:30 »."""
    raw = " ".join(text.split())
    for pattern in MOMENT_FORMATS:
        try:
            return datetime.strptime(raw, pattern).astimezone()
        except ValueError:
            continue
    raise RevocationError(
        f"Date invalide : « {text} » (AAAA-MM-JJ, éventuellement suivie de HH:MM, attendue)."
    )


def _certified_jurors(session: Session) -> list[tuple[str, str]]:
    """(fingerprint, name) of every juror's certificate the packages gave."""
    found = []
    for juror in session.scalars(select(Juror).where(Juror.certificate_pem.is_not(None)).order_by(Juror.pk)):
        for cert in load_certificates(str(juror.certificate_pem).encode("ascii"), "certificat de juré"):
            found.append((fingerprint(cert), juror.name))
    return found


def find_credential(session: Session, who: str) -> tuple[str, str]:
    """(fingerprint, holder's name) of the credential ``who`` names: its SHA-256 fingerprint (whole, or its first
    characters, at least 8), or the name of a juror whose certificate a campaign package gave."""
    wanted = who.strip().lower().replace(":", "")
    known = _certified_jurors(session)
    if FULL_FINGERPRINT.fullmatch(wanted):
        return wanted, next((name for fp, name in known if fp == wanted), "")
    if FINGERPRINT_PREFIX.fullmatch(wanted):
        matches = {(fp, name) for fp, name in known if fp.startswith(wanted)}
    else:
        matches = {(fp, name) for fp, name in known if person_key(name) == person_key(who)}
    if len({fp for fp, _ in matches}) == 1:
        return next(iter(matches))
    if not matches:
        raise RevocationError(
            f"Aucun certificat de juré « {who.strip()} » dans la base : donnez l'empreinte SHA-256 "
            "du certificat (64 caractères hexadécimaux)."
        )
    raise RevocationError(
        f"Plusieurs certificats répondent à « {who.strip()} » : donnez l'empreinte SHA-256 du "
        "certificat à révoquer."
    )


def revoke(
    db: Database, who: str, since: datetime, reason: str, *, now: datetime | None = None
) -> RevokedCredential:
    """Revoke the credential ``who`` names from ``since`` (an aware moment) for ``reason``; revoking it again
    replaces the date and the reason."""
    reason = " ".join(reason.split())
    if not reason:
        raise RevocationError("Indiquez le motif de la révocation (par exemple : ordinateur portable perdu).")
    if since.tzinfo is None:
        raise ValueError("since must be timezone-aware")
    with db.session() as session:
        fp, name = find_credential(session, who)
        row = session.scalar(select(CredentialRevocation).where(CredentialRevocation.fingerprint == fp))
        updated = row is not None
        if row is None:
            row = CredentialRevocation(fingerprint=fp, name=name)
            session.add(row)
        row.revoked_from, row.reason, row.recorded_at = (
            since.astimezone(UTC),
            reason,
            (now or datetime.now(UTC)),
        )
    log.info("credential %s (%s) revoked from %s: %s", fp[:16], name, since.isoformat(), reason)
    return RevokedCredential(fp, name, since, reason, updated)
