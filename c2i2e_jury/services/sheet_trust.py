"""Which authority a sheet must chain to: the one its campaign's package brought into the database.

The campaign id is read from the sheet's embedded JSON *before* it is verified; that is safe, since the id only
chooses the authority: a sheet that names another campaign must then be signed by that campaign's jurors.
"""

from __future__ import annotations

import logging
from typing import Any

from cryptography import x509
from sqlalchemy.orm import Session

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import load_certificates
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign

log = logging.getLogger(__name__)


class UnknownAuthority(UserError):
    """The database cannot say which authority the sheet must chain to; ``reason`` as :class:`SheetRejected`."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def peek_campaign(pdf: bytes) -> str:
    """The campaign id the sheet claims (unverified); :class:`UnknownAuthority` when none can be read."""
    return claimed_campaign(pdf)[1]


def claimed_campaign(pdf: bytes) -> tuple[Any, str]:
    """The sheet opened once (pyHanko's reader, for :func:`verify_sheet` to go on with) and the campaign id it
    claims (unverified); :class:`UnknownAuthority` when none can be read."""
    from c2i2e_jury.exchange.pades import open_pdf
    from c2i2e_jury.exchange.result_json import FILE_NAME, ResultFormatError, from_bytes
    from c2i2e_jury.exchange.sheet_reading import embedded_json

    try:
        reader = open_pdf(pdf)
        data = embedded_json(reader.root)
    except ResultFormatError as exc:
        raise UnknownAuthority("json_invalid", exc.message) from exc
    except Exception as exc:  # any parser failure means the same thing to the user
        log.info("unreadable sheet: %r", exc)
        raise UnknownAuthority(
            "unreadable", "Le fichier n'est pas une feuille de résultat PDF lisible."
        ) from exc
    if data is None:
        raise UnknownAuthority(
            "json_missing",
            f"Le fichier ne contient pas {FILE_NAME} : ce n'est pas une feuille de résultat c2i2e-jury.",
        )
    try:
        campaign = from_bytes(data).get("campaign")
    except ResultFormatError as exc:
        raise UnknownAuthority("json_invalid", exc.message) from exc
    if not isinstance(campaign, str) or not campaign:
        raise UnknownAuthority(
            "json_invalid", f"{FILE_NAME} ne dit pas à quelle campagne la feuille appartient."
        )
    return reader, campaign


def authority_of(session: Session, campaign_id: str) -> list[x509.Certificate]:
    """The campaign authority's certificates as the package gave them; empty when the package had none."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or not campaign.authority_pem:
        return []
    return load_certificates(campaign.authority_pem.encode("ascii"), "authority.pem")


def authority_for_campaign(db: Database, campaign_id: str) -> list[x509.Certificate]:
    with db.read() as session:
        if session.get(Campaign, campaign_id) is None:
            raise UnknownAuthority(
                "unknown_campaign",
                f"La campagne « {campaign_id} » n'est pas dans la base : importez d'abord son paquet.",
            )
        roots = authority_of(session, campaign_id)
    if not roots:
        raise UnknownAuthority(
            "unknown_authority",
            f"La base ne connaît pas l'autorité de la campagne "
            f"« {campaign_id} » (authority.pem absent de son paquet).",
        )
    return roots


def trust_roots_for(db: Database, pdf: bytes) -> list[x509.Certificate]:
    """The authority the sheet must chain to: its campaign's ``authority_pem``."""
    return authority_for_campaign(db, peek_campaign(pdf))
