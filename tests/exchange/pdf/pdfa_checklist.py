"""The PDF/A-3 requirements (ISO 19005-3, level B) a test can check without veraPDF, read with pikepdf (qpdf),
another reader than the one that wrote the files: each check returns the problems it finds, in words.

What is checked: the header (PDF 1.7, binary comment) and the catalog's version; no encryption, a file
identifier; the XMP packet (unfiltered, ``pdfaid:part`` 3 and a conformance level, every property outside the
standard schemas declared by an extension schema); the document information dictionary equal to the XMP, entry
by entry, dates as instants; an sRGB output intent with its ICC profile embedded; every font embedded with its
widths (and a ToUnicode map); no JavaScript, no forbidden action, no additional actions; the associated files
(``/AF``, ``/AFRelationship``, ``/F`` and ``/UF``, MIME type, modification date); annotations printable, with a
normal appearance only (unless of zero size); no transparency group without a blending colour space; no CMYK colour (the intent is
RGB); no LZW, no external stream; ``/Lang``.

What is not: the glyph widths against the font programs, the fonts' cmap tables, the content streams'
operators beyond colour, the XMP's value types: veraPDF's rule set is larger. The README says so.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime

import pikepdf

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
# Schemas PDF/A allows without an extension schema (ISO 19005-3 §6.6.2.3.1: the predefined XMP schemas).
STANDARD = {
    NS["dc"],
    NS["xmp"],
    NS["pdf"],
    NS["pdfaid"],
    NS["pdfaExtension"],
    NS["rdf"],
    "http://ns.adobe.com/xap/1.0/mm/",
    "http://ns.adobe.com/xap/1.0/rights/",
    "http://ns.adobe.com/xap/1.0/t/pg/",
    "http://ns.adobe.com/photoshop/1.0/",
}
FORBIDDEN_ACTIONS = {
    "/Launch",
    "/Sound",
    "/Movie",
    "/ResetForm",
    "/ImportData",
    "/JavaScript",
    "/Hide",
    "/SetOCGState",
    "/Rendition",
    "/Trans",
    "/GoTo3DView",
}
INFO_TO_XMP = {
    "/Title": "dc:title",
    "/Author": "dc:creator",
    "/Subject": "dc:description",
    "/Keywords": "pdf:Keywords",
    "/Creator": "xmp:CreatorTool",
    "/Producer": "pdf:Producer",
    "/CreationDate": "xmp:CreateDate",
    "/ModDate": "xmp:ModifyDate",
    "/Trapped": "pdf:Trapped",
}


def problems(data: bytes) -> list[str]:
    """Every PDF/A-3B requirement of the list above that ``data`` breaks (empty: all met)."""
    found = header_problems(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for check in (
            structure_problems,
            metadata_problems,
            output_intent_problems,
            font_problems,
            action_problems,
            attachment_problems,
            annotation_problems,
            graphics_problems,
        ):
            found += check(pdf)
    return found


def header_problems(data: bytes) -> list[str]:
    first, second = data.split(b"\n", 2)[:2]
    found = [] if first.strip() == b"%PDF-1.7" else [f"header {first[:12]!r}, not %PDF-1.7"]
    if not (second.startswith(b"%") and sum(b > 127 for b in second[1:5]) == 4):
        found.append("no binary comment after the header")
    return found


def structure_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    root = pdf.Root
    if "/Version" in root and str(root.Version) != "/1.7":
        found.append(f"catalog /Version {root.Version}")
    for name, ext in dict(root.get("/Extensions", {})).items():
        for one in ext if isinstance(ext, pikepdf.Array) else [ext]:
            if str(one.get("/BaseVersion")) != "/1.7":
                found.append(f"extension {name} based on {one.get('/BaseVersion')}")
    if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
        found.append("encrypted")
    if len(pdf.trailer.get("/ID", [])) != 2:
        found.append("no file identifier")
    if str(root.get("/Lang", "")) != "fr-FR":
        found.append(f"/Lang {root.get('/Lang')}")
    return found


def xmp_of(pdf: pikepdf.Pdf) -> tuple[ET.Element | None, list[str]]:
    stream = pdf.Root.get("/Metadata")
    if stream is None:
        return None, ["no XMP metadata"]
    found = ["the metadata stream is filtered"] if "/Filter" in stream else []
    raw = stream.read_bytes()
    if not (raw.startswith(b"<?xpacket begin=") and b"<?xpacket end=" in raw):
        found.append("the XMP is not wrapped in an xpacket")
    return ET.fromstring(raw.decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0]), found


def xmp_properties(xmp: ET.Element) -> dict[str, ET.Element]:
    """Every property of the rdf:Descriptions right under rdf:RDF (not of the structures inside them), as
    ``prefix:name`` (attributes too)."""
    prefixes = {uri: prefix for prefix, uri in NS.items()}
    out: dict[str, ET.Element] = {}
    for description in xmp.findall("rdf:RDF/rdf:Description", NS):
        for child in description:
            out[_qualified(child.tag, prefixes)] = child
        for key, value in description.attrib.items():
            if key.startswith("{") and not key.startswith(f"{{{NS['rdf']}}}"):
                element = ET.Element(key)
                element.text = value
                out[_qualified(key, prefixes)] = element
    return out


def _qualified(tag: str, prefixes: dict[str, str]) -> str:
    uri, name = tag[1:].split("}")
    return f"{prefixes.get(uri, uri)}:{name}"


def xmp_text(element: ET.Element) -> str:
    items = element.findall(".//rdf:li", NS)
    return (items[0].text if items else element.text) or ""


def metadata_problems(pdf: pikepdf.Pdf) -> list[str]:
    xmp, found = xmp_of(pdf)
    if xmp is None:
        return found
    props = xmp_properties(xmp)
    if xmp_text(props.get("pdfaid:part", ET.Element("x"))) != "3":
        found.append("pdfaid:part is not 3")
    if xmp_text(props.get("pdfaid:conformance", ET.Element("x"))) not in {"A", "B", "U"}:
        found.append("no pdfaid:conformance A, B or U")
    found += _info_matches_xmp(pdf, props) + _extension_problems(xmp, props)
    return found


def _info_matches_xmp(pdf: pikepdf.Pdf, props: dict[str, ET.Element]) -> list[str]:
    found = []
    for key, value in dict(pdf.trailer.get("/Info", {})).items():
        xmp_key = INFO_TO_XMP.get(key)
        if xmp_key is None or xmp_key not in props:
            found.append(f"Info {key} has no XMP twin")
            continue
        if key.endswith("Date"):
            same = _pdf_date(str(value)) == datetime.fromisoformat(xmp_text(props[xmp_key]))
        else:
            same = str(value) == xmp_text(props[xmp_key])
        if not same:
            found.append(f"Info {key} = {value!s} but XMP {xmp_key} = {xmp_text(props[xmp_key])}")
    return found


def _pdf_date(text: str) -> datetime:
    match = re.fullmatch(r"D:(\d{14})(Z|[+-]\d\d'\d\d'?)?", text)
    assert match, text
    zone = (match.group(2) or "Z").replace("'", "")
    return datetime.strptime(match.group(1) + ("+0000" if zone == "Z" else zone), "%Y%m%d%H%M%S%z")


def _extension_problems(xmp: ET.Element, props: dict[str, ET.Element]) -> list[str]:
    """Each property outside the predefined schemas is declared (namespace, prefix, name) by an extension
    schema, as Factur-X declares its fx: properties; RDF's element and attribute forms are both read."""
    declared: set[str] = set()
    for node in xmp.iter():
        uri = _field(node, "pdfaSchema", "namespaceURI")
        if uri:
            names = (_field(p, "pdfaProperty", "name") for p in node.iter())
            declared |= {f"{uri}:{name}" for name in names if name}
    found = []
    for key, element in props.items():
        uri = next((u for u in STANDARD if key.startswith(f"{_prefix(u)}:")), None)
        if uri is None and f"{element.tag[1:].replace('}', ':')}" not in declared:
            found.append(f"XMP property {key} is not declared by an extension schema")
    return found


def _field(node: ET.Element, prefix: str, name: str) -> str | None:
    """A property of ``node`` written as a child element or as an attribute."""
    tag = f"{{{NS[prefix]}}}{name}"
    child = node.find(tag)
    return child.text if child is not None else node.get(tag)


def _prefix(uri: str) -> str:
    return next((p for p, u in NS.items() if u == uri), uri)


def output_intent_problems(pdf: pikepdf.Pdf) -> list[str]:
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if str(i.get("/S")) == "/GTS_PDFA1"]
    if len(intents) != 1:
        return [f"{len(intents)} PDF/A output intents"]
    profile = intents[0].get("/DestOutputProfile")
    if profile is None:
        return ["the output intent embeds no ICC profile"]
    icc = profile.read_bytes()
    found = [] if icc[36:40] == b"acsp" else ["the output profile is not an ICC profile"]
    if icc[16:20] != b"RGB " or int(profile.get("/N", 0)) != 3:
        found.append("the output profile is not RGB with /N 3")
    if icc[8] > 4:
        found.append(f"ICC version {icc[8]}, PDF 1.7 reads up to 4")
    return found


def walk(obj: object, seen: set[tuple[int, int]] | None = None) -> Iterator[pikepdf.Dictionary]:
    """Every dictionary (and stream dictionary) reachable from ``obj``."""
    seen = set() if seen is None else seen
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)) and item.is_indirect:
            if item.objgen in seen:
                continue
            seen.add(item.objgen)
        if isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)):
            mapping = item if isinstance(item, pikepdf.Dictionary) else item.stream_dict
            yield mapping
            stack += [value for key, value in mapping.items() if key not in ("/Parent", "/P")]
        elif isinstance(item, pikepdf.Array):
            stack += list(item)


def everything(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return list(walk(pdf.Root)) + list(walk(pdf.trailer.get("/Info", pikepdf.Dictionary())))


def font_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    for font in (d for d in everything(pdf) if d.get("/Type") == "/Font"):
        name, subtype = str(font.get("/BaseFont")), str(font.get("/Subtype"))
        described = font.DescendantFonts[0] if subtype == "/Type0" else font
        descriptor = described.get("/FontDescriptor")
        if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            found.append(f"font {name} not embedded")
        if (
            subtype != "/Type0"
            and len(font.get("/Widths", []))
            != int(font.get("/LastChar", -1)) - int(font.get("/FirstChar", 0)) + 1
        ):
            found.append(f"font {name} without its widths")
        if "/ToUnicode" not in font:
            found.append(f"font {name} without a ToUnicode map")
    return found


def action_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    if "/JavaScript" in pdf.Root.get("/Names", {}):
        found.append("document-level JavaScript")
    for d in everything(pdf):
        if str(d.get("/S")) in FORBIDDEN_ACTIONS or "/JS" in d:
            found.append(f"forbidden action {d.get('/S')}")
        if "/AA" in d:
            found.append("additional actions (/AA)")
    return found


def attachment_problems(pdf: pikepdf.Pdf) -> list[str]:
    names = pdf.Root.get("/Names", {}).get("/EmbeddedFiles", {}).get("/Names", [])
    specs = [names[i + 1] for i in range(0, len(names), 2)]
    associated = {s.objgen for s in pdf.Root.get("/AF", [])}
    found = []
    for spec in specs:
        if spec.objgen not in associated:
            found.append(f"{spec.get('/F')} is not in the catalog's /AF")
        if "/AFRelationship" not in spec or "/F" not in spec or "/UF" not in spec or "/Desc" not in spec:
            found.append(f"{spec.get('/F')}: file specification without /AFRelationship, /F, /UF or /Desc")
        stream = spec.EF.get("/F")
        if stream is None or "/Subtype" not in stream or "/ModDate" not in stream.get("/Params", {}):
            found.append(f"{spec.get('/F')}: embedded file without MIME type or modification date")
    return found


def annotation_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    if pdf.Root.get("/AcroForm", {}).get("/NeedAppearances") is True:
        found.append("NeedAppearances")
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            flags = int(annot.get("/F", 0))
            if not flags & 4 or flags & (1 | 2 | 32 | 256):
                found.append(f"annotation {annot.get('/Subtype')} not printable or hidden (F={flags})")
            width, height = (
                abs(float(b) - float(a)) for a, b in zip(annot.Rect[:2], annot.Rect[2:], strict=True)
            )
            if width * height and set(annot.get("/AP", {}).keys()) != {"/N"}:
                found.append(f"annotation {annot.get('/Subtype')} without exactly a normal appearance")
    return found


def graphics_problems(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    for d in everything(pdf):
        group = d.get("/Group")
        if group is not None and str(group.get("/S")) == "/Transparency" and "/CS" not in group:
            found.append("transparency group without a blending colour space")
        if str(d.get("/Filter")) == "/LZWDecode" or "/FFilter" in d or ("/Length" in d and "/F" in d):
            found.append("LZW or external stream")
        if "/DeviceCMYK" in [str(v) for v in d.values() if isinstance(v, pikepdf.Name)]:
            found.append("DeviceCMYK with an RGB output intent")
    for stream in _content_streams(pdf):
        operators = {str(op) for _, op in pikepdf.parse_content_stream(stream)}
        if operators & {"k", "K"}:
            found.append("CMYK colour in a content stream")
    return found


def _content_streams(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    for page in pdf.pages:
        yield page.obj
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.stream_dict.get("/Subtype") == "/Form":
            yield obj
