"""The JSON a document carries for programs, embedded as an associated file (PDF/A-3 §6.8, as Factur-X attaches
its invoice XML): what the pages say, in a form a program reads without reading the pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from c2i2e_jury.exchange.pdf.xmp import Described


@dataclass(frozen=True)
class Attachment:
    """A JSON file to attach: its name, bytes and description, and what the XMP says of it (the document's
    type, the JSON's format marker), as Factur-X's ``fx:DocumentType`` and ``fx:Version`` do."""

    file_name: str
    data: bytes
    description: str
    document_type: str  # RESULT-SHEET, PV, CERTIFICATE, ATTESTATION
    version: str  # the JSON's "format", e.g. c2i2e-result/1

    @property
    def described(self) -> Described:
        return Described(self.file_name, self.document_type, self.version)


def associate_json(writer: Any, attachment: Attachment, *, when: datetime) -> None:
    """Embed ``attachment`` in the document ``writer`` is writing (``/AFRelationship /Data``, MIME type
    ``application/json``, ``/Params`` with size, checksum and dates ``when``), with the name tree and the
    catalog's ``/AF`` written here: pyHanko's ``embed_file`` raises the output to PDF 2.0 for an associated
    file, and our documents stay PDF 1.7 (PDF/A-3 is based on it)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams, FileSpec

    name = attachment.file_name
    stream = EmbeddedFileObject.from_file_data(
        writer,
        attachment.data,
        mime_type="application/json",
        params=EmbeddedFileParams(creation_date=when, modification_date=when),
    )
    spec = FileSpec(
        name,
        file_name=name,
        embedded_data=stream,
        description=attachment.description,
        af_relationship=generic.pdf_name("/Data"),
    ).as_pdf_object()
    spec_ref = writer.add_object(spec)
    tree = generic.DictionaryObject(
        {
            generic.pdf_name("/Names"): generic.ArrayObject(  # type: ignore[no-untyped-call]
                [generic.pdf_string(name), spec_ref]
            )
        }
    )
    root = writer.root
    names = {generic.pdf_name("/EmbeddedFiles"): writer.add_object(tree)}
    root["/Names"] = generic.DictionaryObject(names)  # type: ignore[no-untyped-call]
    root["/AF"] = writer.add_object(generic.ArrayObject([spec_ref]))
    writer.update_root()
