"""The JSON a document carries for programs, embedded as an associated file (PDF/A-3 §6.8, as Factur-X attaches
its invoice XML): what the pages say, in a form a program reads without reading the pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def embed_json(writer: Any, file_name: str, data: bytes, *, description: str, when: datetime | None = None) -> None:
    """Embed ``data`` as ``file_name`` (``/AFRelationship /Data``) in the document ``writer`` is writing, dated
    ``when`` when given (a date makes the bytes depend on it: the caller gives the document's own date)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams, FileSpec, embed_file

    params = EmbeddedFileParams(creation_date=when, modification_date=when) if when else EmbeddedFileParams()
    stream = EmbeddedFileObject.from_file_data(writer, data, mime_type="application/json", params=params)
    embed_file(writer, FileSpec(file_name, file_name=file_name, embedded_data=stream, description=description,
                                af_relationship=generic.pdf_name("/Data")))


def associate_json(writer: Any, file_name: str, data: bytes, *, description: str, when: datetime) -> None:
    """Embed ``data`` as :func:`embed_json` does, but with the name tree and the catalog's ``/AF`` written here:
    pyHanko's ``embed_file`` raises the output to PDF 2.0 for an associated file, and the result sheet keeps the
    PDF version its pages were written in (PDF/A-3 is based on PDF 1.7)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams, FileSpec

    stream = EmbeddedFileObject.from_file_data(
        writer, data, mime_type="application/json",
        params=EmbeddedFileParams(creation_date=when, modification_date=when))
    spec = FileSpec(file_name, file_name=file_name, embedded_data=stream, description=description,
                    af_relationship=generic.pdf_name("/Data")).as_pdf_object()
    spec_ref = writer.add_object(spec)
    tree = generic.DictionaryObject({generic.pdf_name("/Names"): generic.ArrayObject(  # type: ignore[no-untyped-call]
        [generic.pdf_string(file_name), spec_ref])})
    root = writer.root
    names = {generic.pdf_name("/EmbeddedFiles"): writer.add_object(tree)}
    root["/Names"] = generic.DictionaryObject(names)  # type: ignore[no-untyped-call]
    root["/AF"] = writer.add_object(generic.ArrayObject([spec_ref]))
    writer.update_root()
