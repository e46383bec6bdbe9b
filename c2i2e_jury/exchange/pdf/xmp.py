"""The XMP metadata packet of our PDFs (PDF/A-3 §6.6): the PDF/A identification (``pdfaid:part=3``,
``conformance=B``), the same title, author, subject, tool, producer and dates as the document information
dictionary, and the description of the JSON the document carries, as Factur-X describes its invoice XML: an
extension schema (``pdfaExtension``) declaring our namespace and its properties, then their values.

The packet is written here and nowhere else; :func:`with_modify_date` is the one change a later revision (a
signature) makes to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

PDFA_PART, PDFA_CONFORMANCE = 3, "B"
NAMESPACE = "urn:c2i2e-jury:pdfa:document:1p0#"
PREFIX = "c2i2e"
# (name, description) of each property of our extension schema, all of value type Text.
PROPERTIES = (
    ("DocumentFileName", "Nom du fichier JSON attaché (fichier associé /Data)"),
    ("DocumentType", "Nature du document : RESULT-SHEET, PV, CERTIFICATE ou ATTESTATION"),
    ("Version", "Format du JSON attaché, avec sa version (ex. c2i2e-result/1)"),
)


@dataclass(frozen=True)
class Described:
    """What the XMP says of the attached JSON."""

    file_name: str
    document_type: str
    version: str


@dataclass(frozen=True)
class Metadata:
    """A document's properties, written identically in the information dictionary and in the XMP."""

    title: str
    subject: str
    author: str
    creator: str
    producer: str
    created: datetime
    modified: datetime
    attached: Described | None = None


def xmp_date(moment: datetime) -> str:
    """ISO 8601 with the offset, to the second, as XMP writes dates."""
    return moment.replace(microsecond=0).isoformat()


def packet(meta: Metadata) -> bytes:
    """The XMP packet, UTF-8, read-only (``end="r"``: no padding for in-place editing, a revision rewrites it)."""
    blocks = [_identification(), _dublin_core(meta), _basic(meta), _pdf(meta)]
    if meta.attached is not None:
        blocks += [_extension_schema(), _attached(meta.attached)]
    body = "\n".join(blocks)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f"{body}\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="r"?>'
    ).encode()


def with_modify_date(xmp: bytes, moment: datetime) -> bytes | None:
    """``xmp`` (a packet :func:`packet` wrote) with ``moment`` as its modification and metadata dates; None if
    it is not such a packet."""
    text = xmp.decode("utf-8", "replace")
    new, count = re.subn(
        r"(<xmp:(ModifyDate|MetadataDate)>)[^<]*(</xmp:\2>)",
        lambda m: f"{m.group(1)}{xmp_date(moment)}{m.group(3)}",
        text,
    )
    return new.encode("utf-8") if count == 2 else None


def _description(namespaces: str, content: str) -> str:
    return f'<rdf:Description rdf:about="" {namespaces}>\n{content}\n</rdf:Description>'


def _identification() -> str:
    return _description(
        'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
        f"<pdfaid:part>{PDFA_PART}</pdfaid:part>\n"
        f"<pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>",
    )


def _alt(value: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'


def _dublin_core(meta: Metadata) -> str:
    return _description(
        'xmlns:dc="http://purl.org/dc/elements/1.1/"',
        "<dc:format>application/pdf</dc:format>\n"
        f"<dc:title>{_alt(meta.title)}</dc:title>\n"
        f"<dc:creator><rdf:Seq><rdf:li>{escape(meta.author)}</rdf:li></rdf:Seq></dc:creator>\n"
        f"<dc:description>{_alt(meta.subject)}</dc:description>\n"
        "<dc:language><rdf:Bag><rdf:li>fr-FR</rdf:li></rdf:Bag></dc:language>",
    )


def _basic(meta: Metadata) -> str:
    return _description(
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
        f"<xmp:CreatorTool>{escape(meta.creator)}</xmp:CreatorTool>\n"
        f"<xmp:CreateDate>{xmp_date(meta.created)}</xmp:CreateDate>\n"
        f"<xmp:ModifyDate>{xmp_date(meta.modified)}</xmp:ModifyDate>\n"
        f"<xmp:MetadataDate>{xmp_date(meta.modified)}</xmp:MetadataDate>",
    )


def _pdf(meta: Metadata) -> str:
    return _description(
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', f"<pdf:Producer>{escape(meta.producer)}</pdf:Producer>"
    )


def _extension_schema() -> str:
    """PDF/A §6.6.2.3: a property outside the standard schemas is declared by an extension schema."""
    properties = "\n".join(
        '<rdf:li rdf:parseType="Resource">'
        f"<pdfaProperty:name>{name}</pdfaProperty:name>"
        "<pdfaProperty:valueType>Text</pdfaProperty:valueType>"
        "<pdfaProperty:category>external</pdfaProperty:category>"
        f"<pdfaProperty:description>{escape(text)}</pdfaProperty:description></rdf:li>"
        for name, text in PROPERTIES
    )
    return _description(
        'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" '
        'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" '
        'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"',
        '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">\n'
        "<pdfaSchema:schema>c2i2e-jury : données attachées au document</pdfaSchema:schema>\n"
        f"<pdfaSchema:namespaceURI>{NAMESPACE}</pdfaSchema:namespaceURI>\n"
        f"<pdfaSchema:prefix>{PREFIX}</pdfaSchema:prefix>\n"
        f"<pdfaSchema:property><rdf:Seq>\n{properties}\n</rdf:Seq></pdfaSchema:property>\n"
        "</rdf:li></rdf:Bag></pdfaExtension:schemas>",
    )


def _attached(attached: Described) -> str:
    return _description(
        f'xmlns:{PREFIX}="{NAMESPACE}"',
        f"<{PREFIX}:DocumentFileName>{escape(attached.file_name)}</{PREFIX}:DocumentFileName>\n"
        f"<{PREFIX}:DocumentType>{escape(attached.document_type)}</{PREFIX}:DocumentType>\n"
        f"<{PREFIX}:Version>{escape(attached.version)}</{PREFIX}:Version>",
    )
