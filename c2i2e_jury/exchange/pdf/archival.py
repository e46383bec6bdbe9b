"""PDF/A-3B, level B of ISO 19005-3, for every PDF the program writes, before and after its signatures.

reportlab lays the pages out; :func:`archival_pdf` turns them into the document we hand over, in one revision:
PDF 1.7, the document information dictionary and the XMP packet saying the same (:mod:`.xmp`, with the PDF/A
identification), an sRGB output intent with its ICC profile embedded (``resources/icc``), ``/Lang fr-FR``, the
title shown by viewers, the attached JSON as an associated file (:mod:`.attachments`) and the empty signature
fields. Level A would need a tagged structure, which reportlab does not write.

pyHanko stamps its own name and the wall clock into both the information dictionary and the XMP on every write,
differently in each (PDF/A wants them equal) and at a time nobody declared. Our writers do without that: the
new document states its creation date, and a signature's revision (:func:`keep_archival`) states the time the
signature declares, in both places alike. The checks of every rule we meet are in
``tests/exchange/pdf/test_pdfa.py``.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any

import c2i2e_jury
from c2i2e_jury.exchange.pdf.attachments import Attachment, associate_json
from c2i2e_jury.exchange.pdf.furniture import PROGRAM, Properties
from c2i2e_jury.exchange.pdf.xmp import Metadata, packet, with_modify_date

PRODUCER = f"{PROGRAM} {c2i2e_jury.__version__}"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"


@cache
def srgb_profile() -> bytes:
    from c2i2e_jury.resources_access import resource

    return resource("icc", "sRGB.icc").read_bytes()


def archival_pdf(
    pages: bytes,
    properties: Properties,
    *,
    attachment: Attachment | None = None,
    prepare: Callable[[Any], None] | None = None,
) -> bytes:
    """``pages`` (reportlab's output) as a PDF/A-3B document carrying ``attachment``; ``prepare`` adds to the
    pyHanko writer what the document needs besides (its signature fields). The same input gives the same bytes:
    the file identifier is drawn from the content."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(pages)), writer_kwargs={"info": None})
    if attachment is not None:
        associate_json(writer, attachment, when=properties.created)
    if prepare is not None:
        prepare(writer)
    _catalog(writer)
    meta = _metadata(properties, attachment)
    _write_metadata(writer, meta)
    seed = hashlib.sha256(pages + properties.created.isoformat().encode()).digest()[:16]
    writer._document_id = generic.ArrayObject([generic.ByteStringObject(seed)] * 2)  # no public setter
    writer._update_meta = lambda: None  # type: ignore[method-assign]  # see the module's docstring
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def keep_archival(writer: Any, when: datetime) -> None:
    """Before a signature's revision is written by ``writer`` (a pyHanko ``IncrementalPdfFileWriter``): its
    information dictionary and XMP both say the document was modified ``when`` (the declared signing time),
    everything else as it was. A document made before PDF/A (no XMP of ours) keeps pyHanko's own stamping."""
    root = writer.root
    if "/Metadata" not in root:
        return
    updated = with_modify_date(root["/Metadata"].data, when)
    if updated is None:
        return

    def update_meta() -> None:
        from pyhanko.pdf_utils import generic

        try:
            old = dict(writer.trailer["/Info"].items())
        except KeyError:
            old = {}
        info = generic.DictionaryObject(old)  # type: ignore[no-untyped-call]
        info["/ModDate"] = generic.pdf_date(when)
        writer.set_info(info)
        root["/Metadata"] = writer.add_object(_metadata_stream(updated))
        writer.update_root()

    writer._update_meta = update_meta


def _metadata(properties: Properties, attachment: Attachment | None) -> Metadata:
    described = attachment.described if attachment is not None else None
    return Metadata(
        title=properties.title,
        subject=properties.subject,
        author=properties.author,
        creator=PROGRAM,
        producer=PRODUCER,
        created=properties.created,
        modified=properties.created,
        attached=described,
    )


def _write_metadata(writer: Any, meta: Metadata) -> None:
    """The information dictionary and the XMP packet, from the same values."""
    from pyhanko.pdf_utils import generic

    text = generic.TextStringObject
    info = generic.DictionaryObject(
        {  # type: ignore[no-untyped-call]
            generic.pdf_name("/Title"): text(meta.title),
            generic.pdf_name("/Author"): text(meta.author),
            generic.pdf_name("/Subject"): text(meta.subject),
            generic.pdf_name("/Creator"): text(meta.creator),
            generic.pdf_name("/Producer"): text(meta.producer),
            generic.pdf_name("/CreationDate"): generic.pdf_date(meta.created),
            generic.pdf_name("/ModDate"): generic.pdf_date(meta.modified),
        }
    )
    writer.set_info(info)
    writer.root["/Metadata"] = writer.add_object(_metadata_stream(packet(meta)))


def _metadata_stream(xmp: bytes) -> Any:
    """Uncompressed (PDF/A §6.6.2.1: no filter on the metadata stream), so that any tool reads it."""
    from pyhanko.pdf_utils import generic

    return generic.StreamObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Metadata"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/XML"),
        },
        stream_data=xmp,
    )


def _catalog(writer: Any) -> None:
    """French, the title in the window's bar, and the sRGB output intent the pages' RGB and grey refer to."""
    from pyhanko.pdf_utils import generic

    name = generic.pdf_name
    profile = generic.StreamObject(
        {name("/N"): generic.NumberObject(3)},  # type: ignore[no-untyped-call]
        stream_data=srgb_profile(),
    )
    profile.compress()  # type: ignore[no-untyped-call]
    intent = generic.DictionaryObject(
        {  # type: ignore[no-untyped-call]
            name("/Type"): name("/OutputIntent"),
            name("/S"): name("/GTS_PDFA1"),
            name("/OutputConditionIdentifier"): generic.TextStringObject(OUTPUT_CONDITION),
            name("/Info"): generic.TextStringObject(OUTPUT_CONDITION),
            name("/RegistryName"): generic.TextStringObject("http://www.color.org"),
            name("/DestOutputProfile"): writer.add_object(profile),
        }
    )
    root = writer.root
    root["/OutputIntents"] = generic.ArrayObject([writer.add_object(intent)])
    root["/Lang"] = generic.TextStringObject("fr-FR")
    display_title = generic.BooleanObject(True)  # type: ignore[no-untyped-call]
    root["/ViewerPreferences"] = generic.DictionaryObject(  # type: ignore[no-untyped-call]
        {name("/DisplayDocTitle"): display_title}
    )
    writer.update_root()


__all__ = ["OUTPUT_CONDITION", "PRODUCER", "archival_pdf", "keep_archival", "srgb_profile"]
