"""Migration 0006 on a real database made at 0003 with a document issued the old way (its code hashed the
statement with the signature, which may be high-s): the compatibility rule keeps it verifiable, by its code and
by its PDF against the register, and its keyless twin still gets nothing."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from c2i2e_jury.exchange.certificate_pdf import render_document
from c2i2e_jury.exchange.certificates import DocumentRefused, SignedDocument, canonical, is_canonical, sign
from c2i2e_jury.exchange.credentials import certificate_pem
from c2i2e_jury.services import documents
from c2i2e_jury.storage import database as dbmod
from c2i2e_jury.storage.database import create_db_engine, open_database, resolve_url
from tests.exchange.test_certificate_forgeries import twin
from tests.exchange.test_certificates import STATEMENT
from tests.services.review_factory import PKI

ISSUED = datetime(2017, 7, 10, 15, 0, tzinfo=UTC)


def legacy_document() -> SignedDocument:
    """As the program signed before 0006: whichever s OpenSSL returned; here the high one, on purpose."""
    document = sign(STATEMENT, PKI.president)
    high = twin(document.signature)
    assert not is_canonical(high, PKI.president.key.curve)
    return SignedDocument(canonical(STATEMENT), high, document.signer_pem)


def _issue_at_0003(url: str, document: SignedDocument) -> None:
    engine = create_db_engine(resolve_url(url))
    dbmod.upgrade(engine, "0003")
    authority = certificate_pem(PKI.authority.certificate).decode("ascii")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO campaign (id, title, year, deposit_opens, deposit_closes, orals_from, orals_to,"
                " presentation_minutes, discussion_minutes, package_sha256, imported_at, authority_pem) VALUES"
                " ('grenoble-2017', 'Certification C2i2e — Grenoble 2017', 2017, '2017-05-10', '2017-05-17',"
                " '2017-06-12', '2017-07-07', 10, 20, 'x', '2017-05-01 00:00:00', :pem)"
            ),
            {"pem": authority},
        )
        conn.execute(
            text(
                "INSERT INTO candidate (pk, campaign_id, candidate_id, last_name, first_name, email, deposited,"
                " rework_pending, oral_time, room, jury, evaluator, extra_time_percent, annulled, annulment_reason)"
                " VALUES (4, 'grenoble-2017', 'C2017-004', 'Lefèvre', 'Élodie', '', :t, :f, '08:30', 'B112', 'J1',"
                " '', 0, :f, '')"
            ),
            {"t": True, "f": False},
        )
        conn.execute(
            text(
                "INSERT INTO certification_decision (pk, candidate_pk, kind, reason, validated, decided_at, decided_by)"
                " VALUES (1, 4, 'attestation', '', 'A1.1,A1.2,B3.4', :at, 'Hélène Présidente')"
            ),
            {"at": ISSUED},
        )
        conn.execute(
            text(
                "INSERT INTO issued_document (code, candidate_pk, decision_pk, kind, payload, signature, signer_pem,"
                " issued_at, revoked_reason) VALUES (:code, 4, 1, 'attestation', :payload, :signature, :pem, :at, '')"
            ),
            {
                "code": document.legacy_code,
                "payload": document.payload.decode(),
                "signature": document.signature,
                "pem": document.signer_pem,
                "at": ISSUED,
            },
        )
    engine.dispose()


def test_a_document_issued_before_0006_still_verifies_by_code_and_by_its_pdf(db_url, referential):
    document = legacy_document()
    _issue_at_0003(db_url, document)
    db = open_database(db_url)
    try:
        assert dbmod.current_revision(db.engine) == dbmod.SCHEMA_HEAD
        verified = documents.verify_code(db, document.legacy_code)
        assert verified.registered and verified.statement == STATEMENT and verified.revoked is None
        name, pdf = documents.document_pdf(db, document.legacy_code)  # drawn again, unsigned, as before
        assert name.endswith("_attestation.pdf")
        assert documents.verify_pdf(pdf, db=db).code == document.legacy_code
        with pytest.raises(
            DocumentRefused, match="avant que les certificats soient signés en PDF"
        ) as refused:
            documents.verify_pdf(pdf, [PKI.authority.certificate])  # without the register: no way to tell
        assert refused.value.reason == "legacy"
        keyless = SignedDocument(document.payload, twin(document.signature), document.signer_pem)
        with pytest.raises(DocumentRefused, match="Aucun document"):
            documents.verify_code(db, keyless.legacy_code)  # the twin's old-style code: never issued
        with pytest.raises(DocumentRefused, match="Il manque la signature"):
            documents.verify_pdf(render_document(keyless, referential), db=db)
    finally:
        db.dispose()
