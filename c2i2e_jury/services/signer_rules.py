"""Who may sign a candidate's sheet, from the database (issue 11 §3): the jurors of the candidate's jury that the
campaign package listed, the campaign's period, and the credentials the secretariat revoked, turned into the plain
:class:`~c2i2e_jury.exchange.sheet_signers.SignerRules` that the jury room checks before signing and ``sheet
verify`` / ``sheet import`` check after the signatures themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from c2i2e_jury.exchange.credential_files import Certified
from c2i2e_jury.exchange.credentials import Credential, load_certificates
from c2i2e_jury.exchange.credentials import fingerprint as certificate_fingerprint
from c2i2e_jury.exchange.package.juries import is_president
from c2i2e_jury.exchange.pades import SheetRejected, SheetSigner
from c2i2e_jury.exchange.sheet_pdf import SIGNATURE_FIELDS
from c2i2e_jury.exchange.sheet_signers import (
    NOT_BOUND,
    ExpectedJuror,
    Revocation,
    SignerRules,
    check_signers,
)
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate, CredentialRevocation, Juror

log = logging.getLogger(__name__)


def campaign_period(campaign: Campaign) -> tuple[date, date]:
    """The days a sheet of ``campaign`` may be signed: from the deposit's opening (no oral before a dossier) to
    ``sheets_until``, or else to December 31 of the year after the campaign's year. The orals end in July; the
    certification jury, reclamations (15 days) and the corrections they bring follow, at the latest in the next
    school year; a sheet of this campaign dated later is not its jury's."""
    return campaign.deposit_opens, campaign.sheets_until or date(campaign.year + 1, 12, 31)


def expected_juror(juror: Juror) -> ExpectedJuror:
    """A juror of the package as plain data, with their certificate's fingerprint and validity when it was given."""
    if not juror.certificate_pem:
        return ExpectedJuror(juror.name, juror.email)
    cert = load_certificates(juror.certificate_pem.encode("ascii"), "certificat de juré")[0]
    return ExpectedJuror(
        juror.name,
        juror.email,
        certificate_fingerprint(cert),
        cert.not_valid_before_utc,
        cert.not_valid_after_utc,
    )


def revocations(session: Session) -> tuple[Revocation, ...]:
    return tuple(
        Revocation(r.fingerprint, r.name, r.revoked_from, r.reason)
        for r in session.scalars(select(CredentialRevocation).order_by(CredentialRevocation.pk))
    )


def _rules(
    campaign: Campaign, jury: str, jurors: Sequence[Juror], revoked: tuple[Revocation, ...]
) -> SignerRules:
    opens, closes = campaign_period(campaign)
    members = tuple(expected_juror(j) for j in jurors if j.jury == jury and not is_president(j.jury))
    return SignerRules(jury, members, opens, closes, revoked)


def rules_for(session: Session, campaign_id: str, jury: str) -> SignerRules | None:
    """The rules for the sheets of ``jury`` in ``campaign_id``; None when the database has no such campaign."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        return None
    jurors = session.scalars(select(Juror).where(Juror.campaign_id == campaign_id, Juror.jury == jury)).all()
    return _rules(campaign, jury, jurors, revocations(session))


def rules_for_sheet(session: Session, result: dict[str, Any]) -> SignerRules | None:
    """The rules for a verified sheet's candidate; None when the database knows neither campaign nor candidate."""
    jury = session.scalar(
        select(Candidate.jury).where(
            Candidate.campaign_id == result["campaign"], Candidate.candidate_id == result["candidate"]["id"]
        )
    )
    return None if jury is None else rules_for(session, result["campaign"], jury)


class SignerDirectory:
    """Every campaign's rules for a batch of sheets, read once (a batch may hold thousands of sheets)."""

    def __init__(self, db: Database) -> None:
        with db.read() as session:
            revoked = revocations(session)
            periods = {c.id: campaign_period(c) for c in session.scalars(select(Campaign))}
            members: dict[tuple[str, str], list[ExpectedJuror]] = {}
            for juror in session.scalars(select(Juror).order_by(Juror.pk)):
                if not is_president(juror.jury):
                    members.setdefault((juror.campaign_id, juror.jury), []).append(expected_juror(juror))
            self.juries = {
                (row[0], row[1]): row[2]
                for row in session.execute(
                    select(Candidate.campaign_id, Candidate.candidate_id, Candidate.jury)
                )
            }
        self._rules = {
            key: SignerRules(key[1], tuple(members.get(key, ())), *periods[key[0]], revoked)
            for key in {(campaign, jury) for (campaign, _id), jury in self.juries.items()}
        }

    def rules(self, result: dict[str, Any]) -> SignerRules | None:
        """None for a candidate the database does not know: refused as such when the sheet is stored."""
        jury = self.juries.get((result["campaign"], result["candidate"]["id"]))
        return None if jury is None else self._rules[(result["campaign"], jury)]


def database_warnings(
    db: Database, result: dict[str, Any], signers: Sequence[SheetSigner]
) -> tuple[str, ...]:
    """``sheet verify`` with a database: raise :class:`SheetRejected` when the signers may not sign this sheet;
    else its warnings (among them, when the database does not know the candidate, that nothing was bound)."""
    with db.read() as session:
        rules = rules_for_sheet(session, result)
    if rules is None:
        return (
            f"{NOT_BOUND.capitalize()} : la base ne connaît pas le candidat n° {result['candidate']['id']} de "
            f"la campagne « {result['campaign']} » (importez son paquet).",
        )
    return sheet_warnings(rules, result, signers)


def signed_warnings(
    db: Database, result: dict[str, Any], credentials: Sequence[Credential]
) -> tuple[str, ...]:
    """The warnings of a sheet just signed with ``credentials`` (``sheet create`` prints them)."""
    when = datetime.fromisoformat(result["signed_at"])
    signers = [
        SheetSigner(field, c.name, c.fingerprint, when)
        for field, c in zip(SIGNATURE_FIELDS, credentials, strict=False)
    ]
    return database_warnings(db, result, signers)


def sheet_warnings(
    rules: SignerRules | None, result: dict[str, Any], signers: Sequence[SheetSigner]
) -> tuple[str, ...]:
    """Raise :class:`SheetRejected` when the verified sheet's signers may not sign it; else its warnings."""
    if rules is None:
        return ()
    return check_signers(signers, rules, [str(j.get("email") or "") for j in result["jurors"]])


def credential_email(credential: Certified) -> str:
    try:
        names = credential.certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return ""
    emails = names.get_values_for_type(x509.RFC822Name)
    return emails[0] if emails else ""


def room_refusal(
    session: Session, candidate: Candidate, credentials: Sequence[Certified], moment: datetime
) -> tuple[str | None, tuple[str, ...]]:
    """Before signing in the jury room: (why ``credentials``, in signing order, may not sign the candidate's sheet
    at ``moment``, or None; the warnings the sheet will carry)."""
    rules = rules_for(session, candidate.campaign_id, candidate.jury)
    if rules is None:
        return None, ()
    signers = [
        SheetSigner(field, c.name, c.fingerprint, moment.astimezone())
        for field, c in zip(SIGNATURE_FIELDS, credentials, strict=False)
    ]
    try:
        return None, check_signers(signers, rules, [credential_email(c) for c in credentials])
    except SheetRejected as exc:
        log.info("signers refused for candidate %s: %s (%s)", candidate.candidate_id, exc.message, exc.reason)
        return exc.message, ()
