"""What each signature covers, checked on the bytes (issue 11 §1, §6): a gap that is not the signature's own
/Contents, a range that stops short of its revision or runs on, a redefined signature dictionary, bytes after
the last revision — each refused with the sentence that the signatures do not cover the document; long-term
validation data an archive adds after the last signature (a DSS, a document timestamp) is accepted."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from cryptography import x509

from c2i2e_jury.exchange.credentials import load_certificates
from c2i2e_jury.exchange.pades import SheetRejected
from c2i2e_jury.exchange.signature_coverage import NOT_COVERED, coverage_problem
from c2i2e_jury.exchange.signatures import verify_sheet
from c2i2e_jury.resources_access import referential
from tests.exchange.signing_factory import archived_copy, make_pki, signed_sheet


@pytest.fixture(scope="module")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, list[x509.Certificate]]:
    pki = make_pki(tmp_path_factory.mktemp("pki"))
    pdf, _result = signed_sheet(referential(), pki)
    return pdf, load_certificates(pki.authority_pem.read_bytes(), "authority.pem")


def _problem(pdf: bytes) -> str | None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))
    return coverage_problem(pdf, reader, reader.embedded_signatures)


def _refused(pdf: bytes, roots: list[x509.Certificate]) -> SheetRejected:
    with pytest.raises(SheetRejected) as caught:
        verify_sheet(pdf, roots, referential())
    return caught.value


def _byte_ranges(pdf: bytes) -> list[re.Match[bytes]]:
    return list(re.finditer(rb"/ByteRange \[([0-9 ]+)\]", pdf))


def _with_byte_range(pdf: bytes, index: int, numbers: str) -> bytes:
    """``pdf`` with the ``index``-th /ByteRange replaced by ``numbers``, padded to the same length."""
    match = _byte_ranges(pdf)[index]
    old = match.group(1)
    new = numbers.encode().ljust(len(old))
    assert len(new) == len(old), "the test's byte range must fit in place"
    return pdf[: match.start(1)] + new + pdf[match.end(1) :]


def test_a_genuine_sheet_is_covered(genuine: tuple[bytes, list[x509.Certificate]]) -> None:
    pdf, roots = genuine
    assert _problem(pdf) is None
    assert verify_sheet(pdf, roots, referential()).result["version"] == 1


@pytest.mark.parametrize("numbers", ["0 10 5 20", "1 10 20 30", "0 10 20 999999999", "0 10 20 30 40"])
def test_an_irregular_byte_range_is_refused(
    genuine: tuple[bytes, list[x509.Certificate]], numbers: str
) -> None:
    pdf, roots = genuine
    forged = _with_byte_range(pdf, 1, numbers)
    problem = _problem(forged)
    assert problem is not None
    assert problem.startswith(NOT_COVERED)
    refusal = _refused(forged, roots)
    assert refusal.reason == "modified"
    assert refusal.message == f"{NOT_COVERED} : la signature « Juré 2 » porte une plage d'octets irrégulière."


def test_a_gap_that_is_not_the_signatures_own_contents_is_refused(
    genuine: tuple[bytes, list[x509.Certificate]],
) -> None:
    """Juror 2's range shifted by one byte on each side: the lengths still add up as pyHanko counts them,
    but the excluded bytes are no longer exactly ``<hex of /Contents>``."""
    pdf, roots = genuine
    zero, a, b, c = (int(n) for n in _byte_ranges(pdf)[1].group(1).split())
    forged = _with_byte_range(pdf, 1, f"{zero} {a - 1} {b - 1} {c + 1}")
    problem = _problem(forged)
    assert problem is not None
    assert "« Juré 2 »" in problem
    refusal = _refused(forged, roots)
    assert refusal.reason == "modified"
    assert refusal.message.startswith(NOT_COVERED)


def test_a_range_that_stops_before_its_revision_ends_is_refused(
    genuine: tuple[bytes, list[x509.Certificate]],
) -> None:
    pdf, roots = genuine
    zero, a, b, c = (int(n) for n in _byte_ranges(pdf)[0].group(1).split())
    forged = _with_byte_range(pdf, 0, f"{zero} {a} {b} {c - 7}")
    problem = _problem(forged)
    assert problem is not None
    assert "« Juré 1 »" in problem
    assert "fin de la version" in problem
    assert _refused(forged, roots).message.startswith(NOT_COVERED)


@pytest.mark.parametrize("tail", [b"%junk after the end\n", b"\n1 0 obj\n<< >>\nendobj\n"])
def test_bytes_after_the_last_revision_are_refused(
    genuine: tuple[bytes, list[x509.Certificate]], tail: bytes
) -> None:
    pdf, roots = genuine
    forged = pdf + tail
    problem = _problem(forged)
    assert problem is not None
    assert "se poursuit après sa dernière version" in problem
    assert _refused(forged, roots).message.startswith(NOT_COVERED)


def test_trailing_whitespace_is_not_a_change(genuine: tuple[bytes, list[x509.Certificate]]) -> None:
    pdf, roots = genuine
    assert verify_sheet(pdf + b"\r\n\x00 ", roots, referential()).result["version"] == 1


def test_a_signature_dictionary_redefined_later_is_refused(
    genuine: tuple[bytes, list[x509.Certificate]],
) -> None:
    """An incremental update that rewrites juror 1's signature dictionary (same number, new revision)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf, roots = genuine
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    first = sorted(writer.prev.embedded_regular_signatures, key=lambda s: s.signed_revision)[0]
    sig_object = first.sig_field.raw_get("/V").get_object()
    sig_object["/Reason"] = generic.TextStringObject("réécrite")
    writer.update_container(sig_object)
    out = io.BytesIO()
    writer.write(out)
    forged = out.getvalue()
    problem = _problem(forged)
    assert problem is not None
    assert "redéfinie" in problem
    assert _refused(forged, roots).message.startswith(NOT_COVERED)


# --- long-term validation data added by an archive ---------------------------------------------------------------


def test_long_term_validation_data_after_the_last_signature_still_verifies(
    genuine: tuple[bytes, list[x509.Certificate]], tmp_path: Path
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    pdf, roots = genuine
    archived = archived_copy(pdf)
    reader = PdfFileReader(io.BytesIO(archived))
    assert reader.root.get("/DSS") is not None
    assert len(reader.embedded_signatures) == 3  # both jurors and the archive's timestamp
    verified = verify_sheet(archived, roots, referential())
    assert [s.field for s in verified.signers] == ["Juré 1", "Juré 2"]


def test_any_other_addition_after_the_last_signature_is_refused(
    genuine: tuple[bytes, list[x509.Certificate]],
) -> None:
    """An incremental update that adds a page annotation after juror 2: not what an archive adds."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf, roots = genuine
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    note = writer.add_object(
        generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
                generic.pdf_name("/Rect"): generic.ArrayObject(
                    [generic.NumberObject(n) for n in (10, 10, 30, 30)]
                ),
                generic.pdf_name("/Contents"): generic.TextStringObject("Certificat délivré"),
            }
        )
    )
    page["/Annots"] = generic.ArrayObject([note])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    refusal = _refused(out.getvalue(), roots)
    assert refusal.reason == "modified"
    assert refusal.message == "La feuille a été modifiée après la dernière signature."
