"""Certificates and partial attestations: issued under the certification jury's decisions, signed by the
president, registered with their verification code, produced as PDF one by one or as one ZIP, verified
offline by code or by file, and carried into a later campaign as prior validations.

See :mod:`c2i2e_jury.exchange.certificates` for what the code and the signature prove.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.certificate_pdf import read_document, render_document
from c2i2e_jury.exchange.certificates import (
    DocumentRefused,
    SignedDocument,
    Statement,
    describe,
    normalise_code,
    sign,
    verify,
)
from c2i2e_jury.exchange.credentials import Credential, signing_refusal
from c2i2e_jury.exchange.package_format import PRIOR_COLUMNS
from c2i2e_jury.exchange.package_writer import slug
from c2i2e_jury.exchange.tabular import excel_csv
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.sheet_signing import authority_of
from c2i2e_jury.storage.certification_models import CertificationDecision, IssuedDocument
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate, PriorItem

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
FILE_KINDS = {"certificate": "certificat", "attestation": "attestation"}


def utc_now() -> datetime:
    return datetime.now(UTC)


class DocumentError(UserError):
    """Documents cannot be issued (French: the secretariat reads it)."""


@dataclass(frozen=True)
class IssueReport:
    issued: list[str]  # the new codes
    already: int  # documents already issued under the decision in force


@dataclass(frozen=True)
class VerifiedDocument:
    code: str
    statement: Statement
    revoked: str | None  # why, when the register says the document no longer stands; None otherwise
    registered: bool  # the register was consulted (False: a PDF checked without the database's knowledge)

    def lines(self) -> list[str]:
        out = describe(self.statement, self.code)
        if self.revoked:
            out.append(f"RÉVOQUÉ : {self.revoked}")
        elif not self.registered:
            out.append("Signature valide ; la révocation éventuelle n'est connue que de la base du secrétariat.")
        return out


def _check_signer(signer: Credential, roots: Sequence[x509.Certificate], moment: datetime) -> None:
    if not roots:
        raise DocumentError("La base ne connaît pas l'autorité de la campagne (authority.pem) : les documents ne "
                            "pourraient pas être vérifiés.")
    refusal = signing_refusal(signer, moment, roots)
    if refusal is not None:
        raise DocumentError(refusal)


def _statement(campaign: Campaign, candidate: Candidate, decision: CertificationDecision,
               prior_years: dict[str, int | None], signer: str, moment: datetime) -> Statement:
    validated = [code for code in decision.validated.split(",") if code]
    items = tuple((code, prior_years.get(code) or campaign.year) if code in prior_years else (code, campaign.year)
                  for code in validated)
    return Statement(decision.kind, campaign.id, campaign.title, campaign.year, candidate.candidate_id,
                     candidate.last_name, candidate.first_name, items, decision.decided_at.astimezone().date(),
                     moment, signer)


def issue_documents(db: Database, campaign_id: str, signer: Credential, *, now: Clock = utc_now) -> IssueReport:
    """Sign and register a document for every delivery in force that has none yet; one transaction."""
    moment = now()
    issued: list[str] = []
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise DocumentError(f"La campagne « {campaign_id} » n'est pas dans la base.")
        _check_signer(signer, authority_of(session, campaign_id), moment)
        latest = (select(func.max(CertificationDecision.pk)).join(Candidate)
                  .where(Candidate.campaign_id == campaign_id).group_by(CertificationDecision.candidate_pk))
        in_force = session.execute(select(CertificationDecision, Candidate).join(Candidate).where(
            CertificationDecision.pk.in_(latest), CertificationDecision.kind.in_(FILE_KINDS))
            .order_by(Candidate.candidate_id)).all()
        done = set(session.scalars(select(IssuedDocument.decision_pk).where(IssuedDocument.revoked_at.is_(None))))
        acquired: dict[int, dict[str, int | None]] = {}
        for pk, item, year in session.execute(
                select(PriorItem.candidate_pk, PriorItem.item, PriorItem.year).join(Candidate).where(
                    Candidate.campaign_id == campaign_id, PriorItem.copy_deposited, PriorItem.original_received)):
            acquired.setdefault(pk, {})[item] = year
        for decision, candidate in in_force:
            if decision.pk in done:
                continue
            statement = _statement(campaign, candidate, decision, acquired.get(candidate.pk, {}), signer.name, moment)
            document = sign(statement, signer)
            session.add(IssuedDocument(code=document.code, candidate_pk=candidate.pk, decision_pk=decision.pk,
                                       kind=decision.kind, payload=document.payload.decode("utf-8"),
                                       signature=document.signature, signer_pem=document.signer_pem,
                                       issued_at=moment, revoked_reason=""))
            issued.append(document.code)
        try:
            session.flush()
        except IntegrityError as exc:  # two 40-bit codes alike: a new signature gives new codes, try again
            log.warning("verification code collision: %r", exc)
            raise DocumentError("Collision de codes de vérification : relancez l'émission.") from exc
    log.info("%d documents issued for %s by %s", len(issued), campaign_id, signer.name)
    return IssueReport(issued, len(in_force) - len(issued))


# --- reading the register ------------------------------------------------------------------------------------------

def _signed(row: IssuedDocument) -> SignedDocument:
    return SignedDocument(row.payload.encode("utf-8"), row.signature, row.signer_pem)


def documents_in_force(db: Database, campaign_id: str) -> list[tuple[str, SignedDocument]]:
    """(candidate id, document) for every document not revoked, in candidate order."""
    with db.read() as session:
        return [(cid, _signed(row)) for row, cid in session.execute(
            select(IssuedDocument, Candidate.candidate_id).join(Candidate)
            .where(Candidate.campaign_id == campaign_id, IssuedDocument.revoked_at.is_(None))
            .order_by(Candidate.candidate_id, IssuedDocument.pk))]


_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+")


def file_name(statement: Statement) -> str:
    """A name safe in any folder and in a ZIP: an id with a ``/`` or ``..`` in it never leaves the folder."""
    cid = statement.candidate_id
    safe_id = cid if _PLAIN_ID.fullmatch(cid) else slug(cid, "candidat")
    return f"{safe_id}_{slug(statement.last_name)}_{slug(statement.first_name)}_{FILE_KINDS[statement.kind]}.pdf"


def document_pdf(db: Database, code: str) -> tuple[str, bytes]:
    """(file name, PDF) of a registered document, by its code."""
    normal = normalise_code(code)
    with db.read() as session:
        row = session.scalars(select(IssuedDocument).where(IssuedDocument.code == (normal or code))).first()
        if row is None:
            raise DocumentRefused("unknown", f"Aucun document n'a été émis sous le code « {code} ».")
        document = _signed(row)
    return file_name(document.statement), render_document(document, referential())


BATCH_INDEX_COLUMNS = ("candidate_id", "last_name", "first_name", "kind", "validated", "code", "file")


def batch_zip(db: Database, campaign_id: str, progress: Callable[[int, int], object] | None = None) -> bytes:
    """Every document in force as PDF in one ZIP, with ``index.csv`` (;, UTF-8 with BOM). ``progress(done, total)``
    is called before each document is drawn (about 40 ms each) and once at the end."""
    ref = referential()
    documents = documents_in_force(db, campaign_id)
    index: list[tuple[str | int, ...]] = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, (_, document) in enumerate(documents):
            if progress is not None:
                progress(done, len(documents))
            statement = document.statement
            name = file_name(statement)
            archive.writestr(zipfile.ZipInfo(name, (2017, 1, 1, 0, 0, 0)), render_document(document, ref))
            index.append((statement.candidate_id, statement.last_name, statement.first_name, statement.kind,
                          len(statement.items), document.code, name))
        archive.writestr("index.csv", excel_csv(BATCH_INDEX_COLUMNS, index))
    if progress is not None:
        progress(len(documents), len(documents))
    return out.getvalue()


# --- verification ------------------------------------------------------------------------------------------------

def verify_code(db: Database, text: str) -> VerifiedDocument:
    """A typed code, checked against the register: recomputed, signature and signer verified, revocation."""
    code = normalise_code(text)
    if code is None:
        raise DocumentRefused("malformed", f"« {text} » n'a pas la forme d'un code de vérification "
                                           "(C2I2E-AAAA-XXXX-XXXX).")
    with db.read() as session:
        row = session.scalars(select(IssuedDocument).where(IssuedDocument.code == code)).first()
        if row is None:
            raise DocumentRefused("unknown", f"Aucun document n'a été émis sous le code {code}.")
        document = _signed(row)
        campaign_id = document.statement.campaign_id
        roots = authority_of(session, campaign_id)
        revoked = None if row.revoked_at is None else (
            f"le {row.revoked_at.astimezone():%d/%m/%Y} — {row.revoked_reason or 'sans motif'}")
    if document.code != code:
        raise DocumentRefused("forged", "Le registre a été modifié : le code ne correspond plus au document.")
    return VerifiedDocument(code, verify(document, roots), revoked, True)


def verify_pdf(pdf: bytes, roots: Sequence[x509.Certificate] | None = None,
               db: Database | None = None) -> VerifiedDocument:
    """A certificate or attestation PDF, on its own: the attached statement verified against ``roots`` (or the
    campaign authority the database knows), its code found in the visible text; revocation when ``db`` knows."""
    document, text = read_document(pdf)
    statement = document.statement
    if roots is None:
        if db is None:
            raise DocumentRefused("no_authority", "Indiquez le certificat de l'autorité de la campagne (--trust).")
        with db.read() as session:
            roots = authority_of(session, statement.campaign_id)
        if not roots:
            raise DocumentRefused("no_authority", f"La base ne connaît pas l'autorité de la campagne "
                                                  f"« {statement.campaign_id} » : indiquez --trust.")
    verify(document, roots)
    code = document.code
    if code not in text.replace("\n", " "):
        raise DocumentRefused("forged", f"Le code imprimé n'est pas celui du document signé ({code}).")
    if db is None:
        return VerifiedDocument(code, statement, None, False)
    with db.read() as session:
        row = session.scalars(select(IssuedDocument).where(IssuedDocument.code == code)).first()
    if row is None:
        return VerifiedDocument(code, statement, None, False)
    revoked = None if row.revoked_at is None else (
        f"le {row.revoked_at.astimezone():%d/%m/%Y} — {row.revoked_reason or 'sans motif'}")
    return VerifiedDocument(code, statement, revoked, True)


# --- the next campaign -------------------------------------------------------------------------------------------

PRIOR_EXPORT_COLUMNS = (*PRIOR_COLUMNS, "last_name", "first_name", "email", "attestation")


def prior_rows(db: Database, campaign_id: str) -> list[tuple[str, ...]]:
    """The items of every attestation in force, as ``prior.csv`` rows for the next campaign's package.

    ``copy_deposited`` and ``original_received`` are ``non``: the seed counts earlier validations only once the
    candidate deposited the attestation's copy with the dossier and the bureau received the original, which
    the next campaign's secretariat records. Names, e-mail and the attestation's code help match a candidate
    who registers again under a new id."""
    with db.read() as session:
        emails = dict(session.execute(select(Candidate.candidate_id, Candidate.email)
                                      .where(Candidate.campaign_id == campaign_id)).all())
    rows = []
    for cid, document in documents_in_force(db, campaign_id):
        statement = document.statement
        if statement.kind != "attestation":
            continue
        rows += [(cid, item, str(year), "non", "non", statement.last_name, statement.first_name,
                  emails.get(cid, ""), document.code) for item, year in statement.items]
    return rows


def prior_csv(db: Database, campaign_id: str) -> bytes:
    return excel_csv(PRIOR_EXPORT_COLUMNS, prior_rows(db, campaign_id))
