"""Certificates and partial attestations: issued under the certification jury's decisions, signed by the
president the campaign designated (:mod:`presidency`) as a statement and as a PDF, registered with their
verification code and their signed PDF, handed out one by one or as one ZIP, verified offline by code or by
file (:mod:`document_verifying`), and carried into a later campaign as prior validations.

See :mod:`c2i2e_jury.exchange.certificates` for what the code and the signatures prove.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from c2i2e_jury.clock import Clock, utc_now
from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.certificate_pdf import render_document, signed_pdf
from c2i2e_jury.exchange.certificates import DocumentRefused, SignedDocument, Statement, normalise_code, sign
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.package.format import PRIOR_COLUMNS
from c2i2e_jury.exchange.package.writer import slug
from c2i2e_jury.exchange.spreadsheet import excel_csv, excel_xlsx, table_bytes
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.document_verifying import VerifiedDocument as VerifiedDocument  # the CLI's and UI's
from c2i2e_jury.services.document_verifying import verify_code as verify_code
from c2i2e_jury.services.document_verifying import verify_pdf as verify_pdf
from c2i2e_jury.services.presidency import president_refusal
from c2i2e_jury.services.sheet_signing import authority_of
from c2i2e_jury.storage.certification_models import CertificationDecision, IssuedDocument
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate, PriorItem

log = logging.getLogger(__name__)

FILE_KINDS = {"certificate": "certificat", "attestation": "attestation"}


class DocumentError(UserError):
    """Documents cannot be issued (French: the secretariat reads it)."""


@dataclass(frozen=True)
class IssueReport:
    issued: list[str]  # the new codes
    already: int  # documents already issued under the decision in force


def _check_signer(session: Session, campaign_id: str, signer: Credential, moment: datetime) -> None:
    """The campaign's designated president, with a credential valid now and issued by its authority."""
    roots = authority_of(session, campaign_id)
    if not roots:
        raise DocumentError(
            "La base ne connaît pas l'autorité de la campagne (authority.pem) : les documents ne "
            "pourraient pas être vérifiés."
        )
    refusal = president_refusal(session, campaign_id, signer, moment, roots)
    if refusal is not None:
        raise DocumentError(refusal)


def president_refusal_for_documents(
    db: Database, campaign_id: str, signer: Credential, *, now: Clock = utc_now
) -> str | None:
    """Why ``signer`` cannot sign this campaign's documents (asked as soon as the credential is opened), or None."""
    try:
        with db.read() as session:
            _check_signer(session, campaign_id, signer, now())
    except DocumentError as exc:
        return exc.message
    return None


def _statement(
    campaign: Campaign,
    candidate: Candidate,
    decision: CertificationDecision,
    prior_years: dict[str, int | None],
    signer: str,
    moment: datetime,
) -> Statement:
    validated = [code for code in decision.validated.split(",") if code]
    items = tuple(
        (code, prior_years.get(code) or campaign.year) if code in prior_years else (code, campaign.year)
        for code in validated
    )
    return Statement(
        decision.kind,
        campaign.id,
        campaign.title,
        campaign.year,
        candidate.candidate_id,
        candidate.last_name,
        candidate.first_name,
        items,
        decision.decided_at.astimezone().date(),
        moment,
        signer,
    )


def issue_documents(
    db: Database,
    campaign_id: str,
    signer: Credential,
    *,
    now: Clock = utc_now,
    progress: Callable[[int, int], object] | None = None,
) -> IssueReport:
    """Sign and register a document for every delivery in force that has none yet; one transaction. Each is
    drawn as PDF and signed (PAdES) by the president, about 60 ms each: ``progress(done, total)`` is called
    before each (an exception it raises stops everything, nothing is issued)."""
    moment = now()
    ref = referential()
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise DocumentError(f"La campagne « {campaign_id} » n'est pas dans la base.")
        _check_signer(session, campaign_id, signer, moment)
        in_force = _deliveries_in_force(session, campaign_id)
        done = set(
            session.scalars(select(IssuedDocument.decision_pk).where(IssuedDocument.revoked_at.is_(None)))
        )
        todo = [(decision, candidate) for decision, candidate in in_force if decision.pk not in done]
        acquired = _acquired(session, campaign_id)
        issued: list[str] = []
        for count, (decision, candidate) in enumerate(todo):
            if progress is not None:
                progress(count, len(todo))
            statement = _statement(
                campaign, candidate, decision, acquired.get(candidate.pk, {}), signer.name, moment
            )
            issued.append(_register(session, candidate, decision, sign(statement, signer), signer, ref))
        _flush(session)
    log.info("%d documents issued for %s by %s", len(issued), campaign_id, signer.name)
    return IssueReport(issued, len(in_force) - len(issued))


def _deliveries_in_force(session: Session, campaign_id: str) -> list[tuple[CertificationDecision, Candidate]]:
    latest = (
        select(func.max(CertificationDecision.pk))
        .join(Candidate)
        .where(Candidate.campaign_id == campaign_id)
        .group_by(CertificationDecision.candidate_pk)
    )
    return [
        (decision, candidate)
        for decision, candidate in session.execute(
            select(CertificationDecision, Candidate)
            .join(Candidate)
            .where(CertificationDecision.pk.in_(latest), CertificationDecision.kind.in_(FILE_KINDS))
            .order_by(Candidate.candidate_id)
        ).all()
    ]


def _acquired(session: Session, campaign_id: str) -> dict[int, dict[str, int | None]]:
    """Candidate pk -> {item: year} of the earlier validations that count (copy deposited, original received)."""
    acquired: dict[int, dict[str, int | None]] = {}
    for pk, item, year in session.execute(
        select(PriorItem.candidate_pk, PriorItem.item, PriorItem.year)
        .join(Candidate)
        .where(Candidate.campaign_id == campaign_id, PriorItem.copy_deposited, PriorItem.original_received)
    ):
        acquired.setdefault(pk, {})[item] = year
    return acquired


def _register(
    session: Session,
    candidate: Candidate,
    decision: CertificationDecision,
    document: SignedDocument,
    signer: Credential,
    ref: Referential,
) -> str:
    """The document drawn, signed by the president (PAdES, the whole file) and added to the register."""
    statement = document.statement
    pdf = signed_pdf(document, ref, signer)
    session.add(
        IssuedDocument(
            code=document.code,
            candidate_pk=candidate.pk,
            decision_pk=decision.pk,
            kind=decision.kind,
            payload=document.payload.decode("utf-8"),
            signature=document.signature,
            signer_pem=document.signer_pem,
            pdf=pdf,
            issued_at=statement.issued_at,
            revoked_reason="",
        )
    )
    return document.code


def _flush(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:  # two 40-bit codes alike: another issue time gives other codes, try again
        log.warning("verification code collision: %r", exc)
        raise DocumentError("Collision de codes de vérification : relancez l'émission.") from exc


# --- reading the register ------------------------------------------------------------------------------------------


def _signed(row: IssuedDocument) -> SignedDocument:
    return SignedDocument(row.payload.encode("utf-8"), row.signature, row.signer_pem)


def documents_in_force(db: Database, campaign_id: str) -> list[tuple[str, SignedDocument]]:
    """(candidate id, document) for every document not revoked, in candidate order."""
    return [(cid, document) for cid, _pk, document in _in_force(db, campaign_id)]


def _in_force(db: Database, campaign_id: str) -> list[tuple[str, int, SignedDocument]]:
    with db.read() as session:
        return [
            (cid, pk, SignedDocument(payload.encode("utf-8"), signature, signer_pem))
            for pk, payload, signature, signer_pem, cid in session.execute(
                select(
                    IssuedDocument.pk,
                    IssuedDocument.payload,
                    IssuedDocument.signature,
                    IssuedDocument.signer_pem,
                    Candidate.candidate_id,
                )
                .join(Candidate)
                .where(Candidate.campaign_id == campaign_id, IssuedDocument.revoked_at.is_(None))
                .order_by(Candidate.candidate_id, IssuedDocument.pk)
            )
        ]


_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+")


def file_name(statement: Statement) -> str:
    """A name safe in any folder and in a ZIP: an id with a ``/`` or ``..`` in it never leaves the folder."""
    cid = statement.candidate_id
    safe_id = cid if _PLAIN_ID.fullmatch(cid) else slug(cid, "candidat")
    return (
        f"{safe_id}_{slug(statement.last_name)}_{slug(statement.first_name)}_{FILE_KINDS[statement.kind]}.pdf"
    )


def pdf_of(row: IssuedDocument, ref: Referential) -> bytes:
    """The PDF the president signed; for a document issued before 0006, drawn again (unsigned) as it was then."""
    return row.pdf if row.pdf is not None else render_document(_signed(row), ref, code=row.code)


def document_pdf(db: Database, code: str) -> tuple[str, bytes]:
    """(file name, PDF) of a registered document, by its code."""
    normal = normalise_code(code)
    with db.read() as session:
        row = session.scalars(select(IssuedDocument).where(IssuedDocument.code == (normal or code))).first()
        if row is None:
            raise DocumentRefused("unknown", f"Aucun document n'a été émis sous le code « {code} ».")
        return file_name(_signed(row).statement), pdf_of(row, referential())


BATCH_INDEX_COLUMNS = ("candidate_id", "last_name", "first_name", "kind", "validated", "code", "file")
BATCH_INDEX_IDS = ("candidate_id", "code")


def batch_zip(db: Database, campaign_id: str, progress: Callable[[int, int], object] | None = None) -> bytes:
    """Every document in force as PDF in one ZIP, with ``index.csv`` (;, UTF-8 with BOM) and ``index.xlsx``. ``progress(done, total)``
    is called before each document is read (one at a time: 5,000 signed PDFs are 350 MB) and once at the end."""
    ref = referential()
    index: list[tuple[str | int, ...]] = []
    out = io.BytesIO()
    with db.read() as session, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        pks = list(
            session.scalars(
                select(IssuedDocument.pk)
                .join(Candidate)
                .where(Candidate.campaign_id == campaign_id, IssuedDocument.revoked_at.is_(None))
                .order_by(Candidate.candidate_id, IssuedDocument.pk)
            )
        )
        for done, pk in enumerate(pks):
            if progress is not None:
                progress(done, len(pks))
            row = session.get_one(IssuedDocument, pk)
            statement = _signed(row).statement
            name = file_name(statement)
            archive.writestr(zipfile.ZipInfo(name, (2017, 1, 1, 0, 0, 0)), pdf_of(row, ref))
            index.append(
                (
                    statement.candidate_id,
                    statement.last_name,
                    statement.first_name,
                    statement.kind,
                    len(statement.items),
                    row.code,
                    name,
                )
            )
            session.expunge(row)
        archive.writestr("index.csv", excel_csv(BATCH_INDEX_COLUMNS, index, BATCH_INDEX_IDS))
        archive.writestr("index.xlsx", excel_xlsx(BATCH_INDEX_COLUMNS, index))
    if progress is not None:
        progress(len(pks), len(pks))
    return out.getvalue()


# --- the next campaign -------------------------------------------------------------------------------------------

PRIOR_EXPORT_COLUMNS = (*PRIOR_COLUMNS, "last_name", "first_name", "email", "attestation")


def prior_rows(db: Database, campaign_id: str) -> list[tuple[str, ...]]:
    """The items of every attestation in force, as ``prior.csv`` rows for the next campaign's package.

    ``copy_deposited`` and ``original_received`` are ``non``: the seed counts earlier validations only once the
    candidate deposited the attestation's copy with the dossier and the bureau received the original, which
    the next campaign's secretariat records. Names, e-mail and the attestation's code help match a candidate
    who registers again under a new id."""
    with db.read() as session:
        emails = dict(
            session.execute(
                select(Candidate.candidate_id, Candidate.email).where(Candidate.campaign_id == campaign_id)
            ).all()
        )
    rows: list[tuple[str, ...]] = []
    with db.read() as session:
        codes = {pk: code for pk, code in session.execute(select(IssuedDocument.pk, IssuedDocument.code))}
    for cid, pk, document in _in_force(db, campaign_id):
        statement = document.statement
        if statement.kind != "attestation":
            continue
        rows += [
            (
                cid,
                item,
                str(year),
                "non",
                "non",
                statement.last_name,
                statement.first_name,
                emails.get(cid, ""),
                codes[pk],
            )
            for item, year in statement.items
        ]
    return rows


def prior_csv(db: Database, campaign_id: str, fmt: str = "csv") -> bytes:
    """``prior.csv`` (or ``prior.xlsx`` when ``fmt`` is ``xlsx``: the package reader takes either)."""
    return table_bytes(
        fmt, PRIOR_EXPORT_COLUMNS, prior_rows(db, campaign_id), ("candidate_id", "attestation")
    )
