"""Verifying a certificate or an attestation offline: by the code a person types (against the register), or by
the PDF a person shows (its statement, its pages, its PAdES signature, and the register when one is given).

With a register, a document must be in it: a genuine statement the register does not hold is refused (it was
never issued, or issued from another database), as is one signed by anyone but the president the campaign
designates. Without one (``--trust authority.pem`` only), what can be known is said and what cannot is said too:
revocation and the signer's being the designated president are the database's knowledge.

Documents issued before migration 0006 (no signed PDF in the register) follow the compatibility rule of
:mod:`c2i2e_jury.exchange.certificates`: their legacy code is looked up in the register, and their unsigned PDF
verifies only against the register row that holds its exact statement and signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from c2i2e_jury.exchange.certificate_pdf import PRESIDENT_FIELD, read_document
from c2i2e_jury.exchange.certificate_reading import visible_mismatch
from c2i2e_jury.exchange.certificates import (
    DocumentRefused,
    SignedDocument,
    Statement,
    describe,
    normalise_code,
    verify,
)
from c2i2e_jury.exchange.credentials import fingerprint
from c2i2e_jury.exchange.pades import SheetRejected
from c2i2e_jury.exchange.pdf_signing import verify_signed_pdf
from c2i2e_jury.services.presidency import signer_refusal
from c2i2e_jury.services.sheet_signing import authority_of
from c2i2e_jury.storage.certification_models import IssuedDocument
from c2i2e_jury.storage.database import Database


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
            out.append(
                "Signature valide ; la révocation éventuelle, et que le signataire soit bien le président "
                "désigné pour la campagne, ne sont connues que de la base du secrétariat."
            )
        return out


def _signed(row: IssuedDocument) -> SignedDocument:
    return SignedDocument(row.payload.encode("utf-8"), row.signature, row.signer_pem)


def _revocation(row: IssuedDocument) -> str | None:
    if row.revoked_at is None:
        return None
    return f"le {row.revoked_at.astimezone():%d/%m/%Y} — {row.revoked_reason or 'sans motif'}"


def _signer_fingerprint(document: SignedDocument) -> str:
    return fingerprint(x509.load_pem_x509_certificate(document.signer_pem.encode("ascii")))


def _check_president(session: Session, statement: Statement, document: SignedDocument) -> None:
    refusal = signer_refusal(session, statement.campaign_id, statement.signer, _signer_fingerprint(document))
    if refusal is not None:
        raise DocumentRefused("not_president", refusal)


# --- by code -------------------------------------------------------------------------------------------------


def verify_code(db: Database, text: str) -> VerifiedDocument:
    """A typed code, checked against the register: recomputed, signature, signer (the designated president)
    and chain verified, revocation."""
    code = normalise_code(text)
    if code is None:
        raise DocumentRefused(
            "malformed", f"« {text} » n'a pas la forme d'un code de vérification (C2I2E-AAAA-XXXX-XXXX)."
        )
    with db.read() as session:
        row = session.scalars(select(IssuedDocument).where(IssuedDocument.code == code)).first()
        if row is None:
            raise DocumentRefused("unknown", f"Aucun document n'a été émis sous le code {code}.")
        document, legacy = _signed(row), row.pdf is None
        if (document.legacy_code if legacy else document.code) != code:
            raise DocumentRefused(
                "forged", "Le registre a été modifié : le code ne correspond plus au document."
            )
        statement = verify(document, authority_of(session, document.statement.campaign_id), legacy=legacy)
        if not legacy:  # issued before presidents were designated: the register's row vouches for it
            _check_president(session, statement, document)
        return VerifiedDocument(code, statement, _revocation(row), True)


# --- by file -------------------------------------------------------------------------------------------------


def verify_pdf(
    pdf: bytes, roots: Sequence[x509.Certificate] | None = None, db: Database | None = None
) -> VerifiedDocument:
    """A certificate or attestation PDF: the attached statement verified against ``roots`` (or the campaign
    authority the database knows), its code and its facts on the pages, the president's PAdES signature over
    the whole file; with ``db``, the register's own copy, the designated president and revocation."""
    document, text = read_document(pdf)
    statement = document.statement
    roots = roots if roots is not None else _roots(db, statement.campaign_id)
    if db is not None:
        legacy = _verify_legacy(db, document, text, roots)
        if legacy is not None:
            return legacy
    _refuse_legacy(text, document)
    verify(document, roots)
    code = document.code
    _check_pages(text, document, code)
    _check_pdf_signature(pdf, roots, document)
    if db is None:
        return VerifiedDocument(code, statement, None, False)
    return _check_register(db, document, code)


def _roots(db: Database | None, campaign_id: str) -> list[x509.Certificate]:
    if db is None:
        raise DocumentRefused(
            "no_authority", "Indiquez le certificat de l'autorité de la campagne (--trust)."
        )
    with db.read() as session:
        roots = authority_of(session, campaign_id)
    if not roots:
        raise DocumentRefused(
            "no_authority",
            f"La base ne connaît pas l'autorité de la campagne « {campaign_id} » : indiquez --trust.",
        )
    return roots


def _refuse_legacy(text: str, document: SignedDocument) -> None:
    """A page printing the pre-0006 code of its statement: only the register that issued it can vouch for it."""
    flat = " ".join(text.split())
    if document.code not in flat and document.legacy_code in flat:
        raise DocumentRefused(
            "legacy",
            "Ce document a été émis avant que les certificats soient signés en PDF : "
            "vérifiez-le avec la base du secrétariat, ou par son code.",
        )


def _check_pages(text: str, document: SignedDocument, code: str) -> None:
    """The pages print the statement's code and state its holder, outcome and items."""
    if code not in " ".join(text.split()):
        raise DocumentRefused("forged", f"Le code imprimé n'est pas celui du document signé ({code}).")
    mismatch = visible_mismatch(text, document.statement)
    if mismatch is not None:
        raise DocumentRefused("forged", f"La page ne dit pas ce que dit la déclaration signée : {mismatch}.")


def _check_pdf_signature(pdf: bytes, roots: Sequence[x509.Certificate], document: SignedDocument) -> None:
    """The whole file signed by the statement's own signer, in the field « Président »."""
    try:
        signers = verify_signed_pdf(pdf, roots, [PRESIDENT_FIELD])
    except SheetRejected as exc:
        raise DocumentRefused(exc.reason, f"Signature du PDF refusée : {exc.message}") from exc
    if signers[0].fingerprint != _signer_fingerprint(document):
        raise DocumentRefused(
            "forged",
            f"Le PDF est signé par {signers[0].name}, pas par le signataire de la "
            f"déclaration qu'il porte ({document.statement.signer}).",
        )


def _check_register(db: Database, document: SignedDocument, code: str) -> VerifiedDocument:
    with db.read() as session:
        row = session.scalars(select(IssuedDocument).where(IssuedDocument.code == code)).first()
        if row is None:
            raise DocumentRefused(
                "unknown",
                f"Document inconnu du registre : aucun document n'a été émis sous le "
                f"code {code} dans cette base.",
            )
        if (row.payload.encode("utf-8"), row.signature) != (document.payload, document.signature):
            raise DocumentRefused(
                "forged", f"Le document n'est pas celui que le registre a émis sous le code {code}."
            )
        _check_president(session, document.statement, document)
        return VerifiedDocument(code, document.statement, _revocation(row), True)


def _verify_legacy(
    db: Database, document: SignedDocument, text: str, roots: Sequence[x509.Certificate]
) -> VerifiedDocument | None:
    """A document issued before 0006, as the register holds it byte for byte: its statement, its legacy code
    and its facts on the page; None when the register holds no such legacy row."""
    with db.read() as session:
        row = session.scalars(
            select(IssuedDocument).where(
                IssuedDocument.payload == document.payload.decode("utf-8"),
                IssuedDocument.signature == document.signature,
                IssuedDocument.pdf.is_(None),
            )
        ).first()
        if row is None:
            return None
        code, revoked = row.code, _revocation(row)
    statement = verify(document, roots, legacy=True)
    if code != document.legacy_code or code not in " ".join(text.split()):
        raise DocumentRefused("forged", f"Le code imprimé n'est pas celui du document enregistré ({code}).")
    mismatch = visible_mismatch(text, statement)
    if mismatch is not None:
        raise DocumentRefused("forged", f"La page ne dit pas ce que dit la déclaration signée : {mismatch}.")
    return VerifiedDocument(code, statement, revoked, True)
