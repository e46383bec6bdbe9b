"""Issue 13, « Long-term signatures »: our signatures are PAdES B-B (no trusted time, no validation data: no
timestamp authority is reachable from an exam room). An archive may add B-LT / B-LTA data later — a DSS and a
document timestamp after the last signature — and the document still verifies: for the result sheet in
``tests/exchange/test_signature_coverage.py``, for the president's PV here."""

from __future__ import annotations

import io

import pytest

from c2i2e_jury.exchange.pades import SheetRejected
from c2i2e_jury.exchange.pdf_signing import verify_signed_pdf
from tests.exchange.pdf import pdfa_checklist
from tests.exchange.pdf.kinds import authority, kinds
from tests.exchange.signing_factory import archived_copy


@pytest.fixture(scope="module")
def archived_pv() -> bytes:
    return archived_copy(kinds()["PV, signed"].pdf)


def test_a_pv_with_a_dss_and_a_document_timestamp_still_verifies(archived_pv):
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(archived_pv))
    assert reader.root.get("/DSS") is not None
    assert [s.sig_object_type for s in reader.embedded_signatures] == ["/Sig", "/DocTimeStamp"]
    (president,) = verify_signed_pdf(archived_pv, [authority().certificate], ["Président"])
    assert president.name == "Łukasz Wróbel"


def test_a_pv_changed_after_the_archive_is_refused(archived_pv):
    """What follows the archive's timestamp is not long-term validation data: refused, as after a signature."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(archived_pv))
    writer.root["/PageMode"] = generic.pdf_name("/UseOutlines")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(SheetRejected):
        verify_signed_pdf(out.getvalue(), [authority().certificate], ["Président"])


def test_pyhankos_archive_revision_leaves_only_its_producer_out_of_step(archived_pv):
    """What the README tells an archive: pyHanko's timestamper, with its defaults, writes « …; pyHanko » as the
    Info producer and « pyHanko » in the XMP; everything else of PDF/A-3B still holds."""
    found = pdfa_checklist.problems(archived_pv)
    assert found and all(p.startswith("Info /Producer") for p in found), found
