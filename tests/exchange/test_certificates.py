"""Certificates and attestations: signed statements, codes, PDFs that verify alone, the register, the next
campaign."""

import csv
import io
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime

import pymupdf
import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from c2i2e_jury.domain.rules import evaluate
from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.certificate_pdf import read_document, render_document, signed_pdf
from c2i2e_jury.exchange.certificates import (
    ATTACHMENT,
    DocumentRefused,
    SignedDocument,
    Statement,
    make_code,
    normalise_code,
    sign,
    verify,
)
from c2i2e_jury.services import certification, certification_batch, documents, jury_room
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.storage.certification_models import IssuedDocument
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Candidate
from tests.exchange.package.factory import CAMPAIGN, write_package
from tests.services.review_factory import (
    PKI,
    PLAGIARISM,
    demo_db_fixture,  # noqa: F401
    demo_ids,
    demo_template_fixture,  # noqa: F401
)

JULY = datetime(2017, 7, 10, 15, 0, tzinfo=UTC)
STATEMENT = Statement(
    "attestation",
    "grenoble-2017",
    "Certification C2i2e — Grenoble 2017",
    2017,
    "C2017-004",
    "Lefèvre",
    "Élodie",
    (("A1.1", 2016), ("A1.2", 2017), ("B3.4", 2017)),
    date(2017, 7, 10),
    JULY,
    PKI.president.name,
)


def at(moment=JULY):
    return lambda: moment


# --- statements and codes -------------------------------------------------------------------------------------------


def test_code_is_short_typable_and_forgiving():
    # Issue 11: the code is drawn from the signed statement alone (it used to hash the signature's bytes too).
    code = make_code(2017, b"statement")
    assert code == make_code(2017, b"statement")
    assert len(code) == len("C2I2E-2017-XXXX-XXXX") and code.startswith("C2I2E-2017-")
    assert not set(code[11:].replace("-", "")) & set("ILOU")
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalise_code(typed) == code
    assert normalise_code("C2I2E-2017-ABCD") is None and normalise_code("bonjour") is None


def test_a_signed_statement_verifies_and_any_change_is_caught():
    document = sign(STATEMENT, PKI.president)
    assert verify(document, [PKI.authority.certificate]) == STATEMENT
    forged = SignedDocument(
        document.payload.replace(b"B3.4", b"B3.5"), document.signature, document.signer_pem
    )
    with pytest.raises(DocumentRefused) as refused:
        verify(forged, [PKI.authority.certificate])
    assert refused.value.reason == "forged"
    assert forged.code != document.code


def test_only_a_person_certified_by_the_campaign_authority_can_sign():
    other = credentials.create_authority("Autorité pirate", now=JULY)
    mallory = credentials.issue_credential(other, PKI.president.name, "m@example.fr", now=JULY)
    with pytest.raises(DocumentRefused, match="autorité de la campagne"):
        verify(sign(STATEMENT, mallory), [PKI.authority.certificate])
    authority_as_signer = replace(STATEMENT, signer=PKI.authority.name)
    with pytest.raises(DocumentRefused, match="personne"):
        verify(sign(authority_as_signer, PKI.authority), [PKI.authority.certificate])
    too_late = replace(STATEMENT, issued_at=datetime(2030, 1, 1, tzinfo=UTC))
    with pytest.raises(DocumentRefused, match="pas valable"):
        verify(sign(too_late, PKI.president), [PKI.authority.certificate])


# --- the PDF ----------------------------------------------------------------------------------------------------


def test_the_pdf_reads_right_and_verifies_alone(referential):
    document = sign(STATEMENT, PKI.president)
    pdf = signed_pdf(document, referential, PKI.president)  # issue 11: signed as a PDF too
    text = "".join(page.get_text() for page in pymupdf.open(stream=pdf))
    assert "Élodie LEFÈVRE" in text and document.code in text
    assert "Identifier les personnes ressources" in text and "2016" in text
    assert "copie numérique" in text  # how to bring the items to a later campaign
    read, _ = read_document(pdf)
    assert read == document
    verified = documents.verify_pdf(pdf, [PKI.authority.certificate])
    assert (verified.code, verified.statement, verified.registered) == (document.code, STATEMENT, False)


def test_a_pdf_with_another_statement_attached_is_refused(referential):
    """The visible page of one document with the (genuine) statement of another: the printed code betrays it."""
    genuine = render_document(sign(STATEMENT, PKI.president), referential)
    other = sign(replace(STATEMENT, candidate_id="C2017-009", last_name="Rousseau"), PKI.president)
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(genuine)).pages:
        writer.add_page(page)
    writer.add_attachment(ATTACHMENT, other.attachment())
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(DocumentRefused, match="code imprimé"):
        documents.verify_pdf(out.getvalue(), [PKI.authority.certificate])


def test_a_pdf_that_is_not_a_document(tmp_path):
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Certificat C2i2e (photocopie)")
    with pytest.raises(DocumentRefused) as refused:
        documents.verify_pdf(doc.tobytes(), [PKI.authority.certificate])
    assert refused.value.reason == "not_a_document"
    with pytest.raises(DocumentRefused, match="PDF lisible"):
        documents.verify_pdf(b"not a pdf at all", [PKI.authority.certificate])


# --- the register --------------------------------------------------------------------------------------------------


def _issued(db):
    certification_batch.deliver_as_proposed(db, "grenoble-2017", by=PKI.president.name, now=at())
    return documents.issue_documents(db, "grenoble-2017", PKI.president, now=at())


def test_issue_registers_one_document_per_delivery(demo_db):
    report = _issued(demo_db)
    assert (
        len(report.issued) == 7 and report.already == 0
    )  # certificates 001 002 005 008, attestations 004 007 009
    again = documents.issue_documents(demo_db, "grenoble-2017", PKI.president, now=at())
    assert (again.issued, again.already) == ([], 7)
    in_force = dict(documents.documents_in_force(demo_db, "grenoble-2017"))
    lacroix = in_force["C2017-008"].statement
    assert (
        lacroix.kind == "certificate" and ("A1.1", 2016) in lacroix.items and ("A1.3", 2017) in lacroix.items
    )
    lefevre = in_force["C2017-004"].statement
    assert lefevre.kind == "attestation" and len(lefevre.items) == 22
    assert lefevre.decided_on == date(2017, 7, 10) and lefevre.signer == "Hélène Présidente"


def test_a_code_verifies_against_the_register(demo_db):
    code = _issued(demo_db).issued[0]
    verified = documents.verify_code(demo_db, code.lower())
    assert verified.registered and verified.revoked is None
    assert verified.lines()[0] == f"{code} : Certificat C2i2e délivré à Élodie MARCHAND (n° C2017-001)."
    with pytest.raises(DocumentRefused) as unknown:
        documents.verify_code(demo_db, "C2I2E-2017-0000-0000")
    assert unknown.value.reason == "unknown"


def test_a_register_row_changed_without_the_key_does_not_verify(demo_db):
    code = _issued(demo_db).issued[0]
    with demo_db.session() as s:
        row = s.scalars(select(IssuedDocument).where(IssuedDocument.code == code)).one()
        row.payload = row.payload.replace('"validated":28', '"validated":29')
    with pytest.raises(DocumentRefused, match="registre a été modifié"):
        documents.verify_code(demo_db, code)


def test_annulment_revokes_the_document(demo_db, referential):
    _issued(demo_db)
    pk = demo_ids(demo_db)["C2017-004"]
    code = dict(documents.documents_in_force(demo_db, "grenoble-2017"))["C2017-004"].code
    _, pdf = documents.document_pdf(demo_db, code)
    certification.annul_for_plagiarism(
        demo_db,
        pk,
        "Plagiat établi après coup.",
        by="Hélène Présidente",
        now=at(datetime(2017, 9, 1, 9, 0, tzinfo=UTC)),
    )
    verified = documents.verify_code(demo_db, code)
    assert verified.revoked and "plagiat" in verified.revoked and verified.lines()[-1].startswith("RÉVOQUÉ")
    assert documents.verify_pdf(pdf, db=demo_db).revoked == verified.revoked
    assert "C2017-004" not in dict(documents.documents_in_force(demo_db, "grenoble-2017"))


def test_issuing_needs_the_campaign_authority(demo_db):
    certification_batch.deliver_as_proposed(demo_db, "grenoble-2017", by="P", now=at())
    other = credentials.create_authority("Autre autorité", now=JULY)
    stranger = credentials.issue_credential(other, "Hélène Présidente", "h@example.fr", now=JULY)
    with pytest.raises(documents.DocumentError, match="pas été délivré par l'autorité"):
        documents.issue_documents(demo_db, "grenoble-2017", stranger, now=at())
    with pytest.raises(documents.DocumentError, match="a expiré le"):
        documents.issue_documents(
            demo_db, "grenoble-2017", PKI.president, now=at(datetime(2030, 1, 1, tzinfo=UTC))
        )


def test_batch_zip_holds_every_document_in_force(demo_db):
    report = _issued(demo_db)
    archive = zipfile.ZipFile(io.BytesIO(documents.batch_zip(demo_db, "grenoble-2017")))
    pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
    assert len(pdfs) == 7 and "C2017-004_lefevre_gaelle_attestation.pdf" in pdfs
    index = list(csv.reader(io.StringIO(archive.read("index.csv").decode("utf-8-sig")), delimiter=";"))
    assert index[0][-2:] == ["code", "file"] and {row[5] for row in index[1:]} == set(report.issued)
    for name in pdfs:
        verified = documents.verify_pdf(archive.read(name), db=demo_db)
        assert verified.registered and verified.revoked is None


def test_a_candidate_who_registers_again_brings_the_attested_items(demo_db, database, tmp_path, referential):
    """prior.csv from the 2017 attestations, completed by the next secretariat, imported with the 2018 package:
    the items count as acquired there."""
    _issued(demo_db)
    rows = list(
        csv.DictReader(
            io.StringIO(documents.prior_csv(demo_db, "grenoble-2017").decode("utf-8-sig")), delimiter=";"
        )
    )
    lefevre = [r for r in rows if r["candidate_id"] == "C2017-004"]
    assert len(lefevre) == 22 and {r["year"] for r in lefevre} == {"2017"}
    assert all(r["copy_deposited"] == "non" and r["original_received"] == "non" for r in lefevre)
    assert lefevre[0]["last_name"] == "Lefèvre" and lefevre[0]["attestation"].startswith("C2I2E-2017-")
    assert {r["candidate_id"] for r in rows} == {"C2017-004", "C2017-007", "C2017-009"}
    # 2018: Gaëlle registers again as N1; both copies are in
    prior = [
        f"N1;{r['item']};{r['year']};oui;oui;{r['last_name']};{r['first_name']};;{r['attestation']}"
        for r in lefevre
    ]
    candidate = "N1;Lefèvre;Gaëlle;g@example.fr;c1.pdf;oui;non;2018-06-11;08:30;B112;J1;M. Martin;"
    package = write_package(
        tmp_path / "pkg2018",
        candidates=[candidate],
        marks=[f"N1;{code};V;" for code in referential.codes],
        campaign={
            **CAMPAIGN,
            "id": "test-2018",
            "year": 2018,
            "deposit_opens": "2018-05-09",
            "deposit_closes": "2018-05-16",
            "orals_from": "2018-06-11",
            "orals_to": "2018-07-06",
        },
    )
    header = "candidate_id;item;year;copy_deposited;original_received;last_name;first_name;email;attestation"
    (package / "prior.csv").write_text("\r\n".join([header, *prior]) + "\r\n", encoding="utf-8-sig")
    import_package(database, package, DossierStore())
    with database.read() as s:
        n1 = s.scalars(select(Candidate).where(Candidate.candidate_id == "N1")).one()
        outcome = evaluate(referential, jury_room.situation_of(n1))
    assert set(outcome.acquired) == {r["item"] for r in lefevre}
    assert "B1.1" not in outcome.acquired  # withdrawn by the 2017 jury: to be validated again


def test_an_annulled_plagiarist_gets_nothing_to_bring(demo_db):
    pk = demo_ids(demo_db)[PLAGIARISM]
    certification.annul_for_plagiarism(demo_db, pk, "Plagiat.", by="P", now=at())
    _issued(demo_db)
    assert PLAGIARISM not in {row[0] for row in documents.prior_rows(demo_db, "grenoble-2017")}


def test_the_campaign_authority_itself_signs_no_document():
    """An authority's credential given where the president's is expected: refused before anything is registered
    (the documents it signed would all fail verification, and the president's run would then skip them)."""
    from c2i2e_jury.exchange.credentials import signing_refusal

    refusal = signing_refusal(PKI.authority, JULY, [PKI.authority.certificate])
    assert refusal is not None and "est une autorité" in refusal
    assert signing_refusal(PKI.president, JULY, [PKI.authority.certificate]) is None
