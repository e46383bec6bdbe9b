"""Issue 11 §2: the forgeries of a certificate or an attestation, built here for real (keys, PDFs, the demo's
SQLite register), each refused: a keyless twin of a revoked attestation's signature, a genuine document unknown
to the register, pages that say something else than the signed statement."""

import io
from dataclasses import replace
from datetime import UTC, datetime

import pymupdf
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.certificate_pdf import PRESIDENT_FIELD, render_document, signed_pdf
from c2i2e_jury.exchange.certificates import (
    ATTACHMENT,
    DocumentRefused,
    SignedDocument,
    canonical_signature,
    is_canonical,
    sign,
    verify,
)
from c2i2e_jury.exchange.pdf_signing import sign_pdf_with
from c2i2e_jury.services import certification, certification_batch, documents
from tests.exchange.test_certificates import JULY, STATEMENT, at
from tests.services.review_factory import (
    PKI,
    demo_db_fixture,  # noqa: F401
    demo_ids,
    demo_template_fixture,  # noqa: F401
)

ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # P-256's n
ROOTS = [PKI.authority.certificate]
CAMPAIGN = "grenoble-2017"


def twin(signature: bytes) -> bytes:
    """(r, n - s): the other valid signature of the same statement, computed without any key."""
    r, s = decode_dss_signature(signature)
    return encode_dss_signature(r, ORDER - s)


def page_text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return "\n".join(page.get_text() for page in doc)


def redrawn(text: str, attachment: bytes) -> bytes:
    """A page drawn anew with ``text`` (pymupdf, Helvetica), the signed statement ``attachment`` attached and an
    empty field « Président »: what a forger who has a signing credential would sign."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    doc = pymupdf.open()
    page = doc.new_page()
    assert page.insert_textbox(pymupdf.Rect(30, 30, 565, 800), text, fontsize=7) >= 0
    doc.embfile_add(ATTACHMENT, attachment)
    writer = IncrementalPdfFileWriter(io.BytesIO(doc.tobytes()))
    append_signature_field(writer, SigFieldSpec(PRESIDENT_FIELD, on_page=0, box=(330, 20, 560, 80)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def signed_by(pdf: bytes, credential) -> bytes:
    return sign_pdf_with(pdf, credential, PRESIDENT_FIELD, timestamp=JULY)


# --- codes that cannot be minted without a key -----------------------------------------------------------------


def test_our_signatures_are_canonical_and_their_keyless_twin_is_not():
    curve = PKI.president.key.curve
    for n in range(24):  # OpenSSL returns a high s half the time: all 24 low means we normalise
        document = sign(replace(STATEMENT, candidate_id=f"C2017-{n:03d}"), PKI.president)
        assert is_canonical(document.signature, curve)
        high = twin(document.signature)
        PKI.president.key.public_key().verify(
            high, document.payload, ec.ECDSA(hashes.SHA256())
        )  # valid ECDSA
        assert not is_canonical(high, curve) and canonical_signature(high, curve) == document.signature
        with pytest.raises(DocumentRefused, match="forme canonique") as refused:
            verify(SignedDocument(document.payload, high, document.signer_pem), ROOTS)
        assert refused.value.reason == "forged"


def test_a_revoked_attestation_signed_again_without_the_key_gets_no_new_code(demo_db, referential):
    certification_batch.deliver_as_proposed(demo_db, CAMPAIGN, by=PKI.president.name, now=at())
    documents.issue_documents(demo_db, CAMPAIGN, PKI.president, now=at())
    genuine = dict(documents.documents_in_force(demo_db, CAMPAIGN))["C2017-004"]
    assert genuine.statement.kind == "attestation"
    _, genuine_pdf = documents.document_pdf(demo_db, genuine.code)
    certification.annul_for_plagiarism(
        demo_db,
        demo_ids(demo_db)["C2017-004"],
        "Plagiat établi après coup.",
        by=PKI.president.name,
        now=at(datetime(2017, 9, 1, 9, 0, tzinfo=UTC)),
    )
    forged = SignedDocument(genuine.payload, twin(genuine.signature), genuine.signer_pem)
    assert forged.legacy_code != genuine.legacy_code  # the old code: a fresh one, unknown to the register
    assert forged.code == genuine.code  # now: the same statement has the same code, and it is revoked
    assert documents.verify_code(demo_db, forged.code).revoked
    assert documents.verify_pdf(genuine_pdf, db=demo_db).revoked
    forged_pdf = render_document(forged, referential)  # the forger has no key to sign the PDF with
    for verifying in (
        lambda: documents.verify_pdf(forged_pdf, ROOTS),
        lambda: documents.verify_pdf(forged_pdf, db=demo_db),
    ):
        with pytest.raises(DocumentRefused, match="forme canonique"):
            verifying()


def test_a_document_unknown_to_the_register_is_refused(demo_db, referential):
    """Genuinely signed by the president, but never issued by this register: no longer « valid, not registered »."""
    pdf = signed_pdf(sign(STATEMENT, PKI.president), referential, PKI.president)
    alone = documents.verify_pdf(pdf, ROOTS)
    assert not alone.registered and "ne sont connues que de la base" in alone.lines()[-1]
    with pytest.raises(DocumentRefused, match="inconnu du registre") as refused:
        documents.verify_pdf(pdf, db=demo_db)
    assert refused.value.reason == "unknown"


# --- the visible document bound to what was signed -------------------------------------------------------------


@pytest.fixture(scope="module")
def genuine(referential):
    document = sign(STATEMENT, PKI.president)
    return document, page_text(signed_pdf(document, referential, PKI.president))


def test_the_same_facts_redrawn_and_signed_by_the_president_verify(genuine):
    """The control: the check reads facts, not a layout (so the forgeries below fail for what they change)."""
    document, text = genuine
    verified = documents.verify_pdf(signed_by(redrawn(text, document.attachment()), PKI.president), ROOTS)
    assert verified.code == document.code


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda t: t.replace("Élodie LEFÈVRE", "Jean DUPONT"), "Élodie LEFÈVRE"),
        (lambda t: t.replace("a validé les 3 compétences", "a validé les 28 compétences"), "3 compétences"),
        (lambda t: t.replace("Attestation de compétences C2i2e", "Certificat C2i2e"), "pour titre"),
        (lambda t: t.replace("A1.2", "A1.3"), "A1.3"),
        (lambda t: t.replace("2016", "2017"), "A1.1 est daté de 2017"),
        (lambda t: t.replace("C2017-004", "C2017-009"), "C2017-004"),
    ],
)
def test_a_page_that_says_something_else_than_the_statement_is_refused(genuine, change, why):
    """The genuine statement and its printed code, on a page redrawn to show another name, another count,
    another kind, another item, another year or another candidate: refused even signed by the president."""
    document, text = genuine
    forged = change(text)
    assert forged != text and document.code in forged
    for signer in (PKI.president, PKI.jurors[0]):
        with pytest.raises(
            DocumentRefused, match="La page ne dit pas ce que dit la déclaration signée"
        ) as refused:
            documents.verify_pdf(signed_by(redrawn(forged, document.attachment()), signer), ROOTS)
        assert why in refused.value.message and refused.value.reason == "forged"


def test_a_genuine_page_signed_by_another_than_the_statement_signer_is_refused(genuine, referential):
    document, _ = genuine
    juror = PKI.jurors[0]
    with pytest.raises(DocumentRefused, match="pas par le signataire de la déclaration"):
        documents.verify_pdf(signed_by(render_document(document, referential), juror), ROOTS)
    with pytest.raises(DocumentRefused, match="Il manque la signature « Président »"):
        documents.verify_pdf(render_document(document, referential), ROOTS)  # not signed as PDF at all


def test_a_juror_who_mints_a_certificate_is_refused_by_the_register(demo_db, referential):
    """A juror's credential chains to the same authority: alone, ``--trust`` cannot tell a juror from the
    president (the lines say so); the register can."""
    juror = PKI.jurors[0]
    minted = sign(replace(STATEMENT, kind="certificate", signer=juror.name), juror)
    pdf = signed_pdf(minted, referential, juror)
    assert "président" in documents.verify_pdf(pdf, ROOTS).lines()[-1]
    with pytest.raises(DocumentRefused, match="inconnu du registre"):
        documents.verify_pdf(pdf, db=demo_db)


def test_a_credential_of_another_authority_is_refused(genuine, referential):
    document, _ = genuine
    other = credentials.create_authority("Autorité pirate", now=JULY)
    mallory = credentials.issue_credential(other, PKI.president.name, "m@example.fr", now=JULY)
    with pytest.raises(DocumentRefused, match="autorité de la campagne"):
        documents.verify_pdf(signed_pdf(sign(STATEMENT, mallory), referential, mallory), ROOTS)
