"""Issue 13, « PDF/A-3 for real »: every kind of PDF the program writes, unsigned and signed, meets the PDF/A-3B
checklist (:mod:`tests.exchange.pdf.pdfa_checklist`, read by pikepdf), embeds every font (poppler's pdffonts),
prints every name exactly as written (poppler's pdftotext), states real document properties, and stays PDF 1.7
and verifiable after its signatures."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from c2i2e_jury.exchange.certificate_pdf import read_document
from c2i2e_jury.exchange.pdf.archival import PRODUCER
from c2i2e_jury.exchange.pdf_signing import verify_signed_pdf
from c2i2e_jury.exchange.signatures import verify_sheet
from c2i2e_jury.resources_access import referential
from tests.exchange.pdf import pdfa_checklist
from tests.exchange.pdf.kinds import authority, kinds
from tests.exchange.signing_factory import SIGNED_AT

KINDS = [
    "sheet",
    "sheet, juror 1 signed",
    "sheet, both signed",
    "PV",
    "PV, signed",
    "certificate",
    "certificate, signed",
    "attestation",
    "attestation, signed",
    "attendance sheet",
    "convocation",
    "reclamation answer",
]
ATTACHED = {
    "sheet": ("c2i2e-result.json", "RESULT-SHEET", "c2i2e-result/1"),
    "PV": ("c2i2e-pv.json", "PV", "c2i2e-pv/1"),
    "certificate": ("c2i2e-document.json", "CERTIFICATE", "c2i2e-document/1"),
    "attestation": ("c2i2e-document.json", "ATTESTATION", "c2i2e-document/1"),
}
needs_poppler = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")


def test_every_kind_is_built():
    assert sorted(kinds()) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_meets_the_pdfa_checklist(kind):
    assert pdfa_checklist.problems(kinds()[kind].pdf) == []


def test_the_checklist_finds_what_a_plain_reportlab_file_lacks():
    """The checklist is not vacuous: a page as reportlab writes it alone breaks it in each of these ways."""
    out = io.BytesIO()
    canvas = Canvas(out, invariant=True)
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.drawString(72, 720, "Wałęsa")
    canvas.save()
    found = " | ".join(pdfa_checklist.problems(out.getvalue()))
    for expected in (
        "header b'%PDF-1.3'",
        "no XMP metadata",
        "0 PDF/A output intents",
        "font /Helvetica not embedded",
        "/Lang None",
        "CMYK colour in a content stream",
    ):
        assert expected in found


@needs_poppler
@pytest.mark.parametrize("kind", KINDS)
def test_pdffonts_shows_every_font_embedded(kind, tmp_path):
    path = tmp_path / "document.pdf"
    path.write_bytes(kinds()[kind].pdf)
    rows = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    for row in rows:  # name, type, encoding, then « emb sub uni »
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row


@needs_poppler
@pytest.mark.parametrize("kind", KINDS)
def test_names_print_exactly_as_written(kind, tmp_path):
    path = tmp_path / "document.pdf"
    path.write_bytes(kinds()[kind].pdf)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for name in kinds()[kind].names:
        assert name in " ".join(text.split()), name


@pytest.mark.parametrize("kind", KINDS)
def test_document_properties_are_real(kind):
    built = kinds()[kind]
    with pikepdf.open(io.BytesIO(built.pdf)) as pdf:
        info = pdf.trailer.Info
        assert str(info.Title) and str(info.Producer) == PRODUCER
        assert pdfa_checklist._pdf_date(str(info.CreationDate)) == built.created
        assert str(pdf.Root.Lang) == "fr-FR"
        props = pdfa_checklist.xmp_properties(pdfa_checklist.xmp_of(pdf)[0])
    assert pdfa_checklist.xmp_text(props["pdfaid:conformance"]) == "B"
    attached = ATTACHED.get(kind.split(",")[0])
    if attached:
        values = tuple(
            pdfa_checklist.xmp_text(props[f"urn:c2i2e-jury:pdfa:document:1p0#:{name}"])
            for name in ("DocumentFileName", "DocumentType", "Version")
        )
        assert values == attached


def test_a_signature_dates_the_revision_and_keeps_pdf_1_7():
    """pyHanko raised the catalog to PDF 2.0 for the jurors' P-256 keys and wrote its wall clock as the
    modification date: now the revision says the time the signature declares, in Info and XMP alike."""
    for kind, moment in (
        ("sheet, juror 1 signed", SIGNED_AT[0]),
        ("sheet, both signed", SIGNED_AT[1]),
        ("PV, signed", datetime(2017, 7, 10, 17, tzinfo=UTC)),
    ):
        pdf = kinds()[kind].pdf
        assert pdf.startswith(b"%PDF-1.7\n") and b"/2.0" not in pdf
        with pikepdf.open(io.BytesIO(pdf)) as opened:
            assert "/Version" not in opened.Root
            assert pdfa_checklist._pdf_date(str(opened.trailer.Info.ModDate)) == moment


def test_the_signed_documents_still_verify():
    trusted = [authority().certificate]
    assert (
        verify_sheet(kinds()["sheet, both signed"].pdf, trusted, referential()).result["candidate"][
            "last_name"
        ]
        == "Wałęsa"
    )
    (president,) = verify_signed_pdf(kinds()["PV, signed"].pdf, trusted, ["Président"])
    assert president.name == "Łukasz Wróbel"
    document, text = read_document(kinds()["certificate, signed"].pdf)
    assert document.statement.last_name == "Wałęsa" and "Łucja WAŁĘSA" in text
