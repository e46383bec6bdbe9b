"""Hand-made hostile PDFs, written byte by byte (no library would write them): each asks MuPDF for a page of
kilometres, terapixels, minutes of drawing or a nesting it cannot end, in a file of a few kilobytes."""

from __future__ import annotations

import zlib

CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Dupont Elodie 2017) Tj ET"


def pdf(objects: list[bytes]) -> bytes:
    """A PDF whose objects are numbered from 1 in order, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", *, compress: bool = False) -> bytes:
    if compress:
        data, extra = zlib.compress(data, 9), extra + b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def one_page(
    box: bytes = b"[0 0 595 842]",
    extra: bytes = b"",
    content: bytes = stream(TEXT),
    resources: bytes = b"<< /Font << /F1 5 0 R >> >>",
    more: tuple[bytes, ...] = (),
) -> bytes:
    """One page (object 3), its content (4), a font (5), then ``more`` (6, 7…)."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox %s %s /Contents 4 0 R /Resources %s >>" % (
        box,
        extra,
        resources,
    )
    return pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page, content, FONT, *more])


def huge_mediabox() -> bytes:
    return one_page(box=b"[0 0 14400000 14400000]")


def huge_user_unit() -> bytes:
    return one_page(extra=b"/UserUnit 75000")


def million_operators() -> bytes:
    """1.4 million path operators (14 MB once inflated, 28 KB in the file): seconds of drawing."""
    return one_page(content=stream(b"0 0 m 1 1 l S\n" * 1_400_000, compress=True))


def huge_image() -> bytes:
    """An image declaring 100,000 × 100,000 pixels (30 GB) with 1 KB of data."""
    image = stream(
        zlib.compress(b"\0" * 1000),
        b"/Type /XObject /Subtype /Image /Width 100000 /Height 100000 "
        b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",
    )
    return one_page(
        content=stream(b"q 500 0 0 700 50 50 cm /Im1 Do Q"),
        resources=b"<< /XObject << /Im1 6 0 R >> >>",
        more=(image,),
    )


def form_bomb(levels: int = 10) -> bytes:
    """A form that draws the next ten times, ``levels`` deep: 10 billion strokes in 2 KB (MuPDF runs for ever)."""
    forms = []
    for level in range(levels):
        last = level == levels - 1
        body = b"0 0 m 1 1 l S" if last else b" ".join([b"/X Do"] * 10)
        resources = b"" if last else b"/Resources << /XObject << /X %d 0 R >> >>" % (7 + level)
        forms.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] " + resources))
    return one_page(content=stream(b"/X0 Do"), resources=b"<< /XObject << /X0 6 0 R >> >>", more=tuple(forms))


def deep_nesting(depth: int = 100_000) -> bytes:
    """An array nested 100,000 deep in the page dictionary: a recursive parser's stack overflow."""
    return one_page(extra=b"/Deep " + b"[" * depth + b"]" * depth)


def spaces_deflated(megabytes: int) -> bytes:
    """``megabytes`` MB of spaces as one zlib stream, without compressing them all (5 s of CPU): after a full
    flush each megabyte deflates to the same bytes, so one is repeated; the trailer's Adler-32 is of the whole."""
    megabyte = b" " * (1 << 20)
    spaces = zlib.compressobj(9)
    first = spaces.compress(megabyte) + spaces.flush(zlib.Z_FULL_FLUSH)
    middle = spaces.compress(megabyte) + spaces.flush(zlib.Z_FULL_FLUSH)
    last = spaces.compress(megabyte) + spaces.flush()
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(megabyte, adler)
    return first + middle * (megabytes - 2) + last[:-4] + adler.to_bytes(4, "big")


def compression_bomb() -> bytes:
    """A content stream of 1 GB of spaces in 1 MB: inflating it whole would take the memory."""
    data = spaces_deflated(1024)
    return one_page(
        content=b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
    )


def quoted_raw_bytes() -> bytes:
    """Resource names in bytes that are not UTF-8: MuPDF's warnings quote them (they once broke the log)."""
    content = stream(b"BT /F\xff\xfe 12 Tf 72 720 Td (Bonjour) Tj ET /Bad\xe9\xff Do")
    return one_page(content=content)


def shared_heavy_pages(pages: int = 20) -> bytes:
    """``pages`` pages drawing one 1.5 MB content stream each: every page within its limit, the file past its own."""
    kids = b" ".join(b"%d 0 R" % (4 + n) for n in range(pages))
    content = stream(b"0 0 m 1 1 l S\n" * 110_000, compress=True)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
    return pdf(
        [CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages), content, *[page] * pages]
    )


HOSTILE = {
    "huge_mediabox": huge_mediabox,
    "huge_user_unit": huge_user_unit,
    "million_operators": million_operators,
    "huge_image": huge_image,
    "form_bomb": form_bomb,
    "deep_nesting": deep_nesting,
    "compression_bomb": compression_bomb,
    "shared_heavy_pages": shared_heavy_pages,
}
