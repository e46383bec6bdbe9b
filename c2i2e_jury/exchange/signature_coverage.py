"""What each signature of a PDF really covers, checked on the bytes themselves.

pyHanko decides that a signature "covers the entire file" from lengths alone (``len(file) == len1 + len2 +
2 * len(contents) + 2``): it never checks that the /ByteRange gap holds that signature's own /Contents, nor that
the second range follows the gap. A forger holding one genuine sheet can then copy the bytes each juror signed
into an unused place of a new file and point new signature dictionaries, carrying the genuine CMS blobs, at the
copies (issue 11 §1). So, for every signature, before any library's verdict is read:

- /ByteRange is ``[0 a b c]``, four integers with ``0 < a < b <= b + c <= len(pdf)``;
- the gap ``pdf[a:b]`` is exactly ``<hex>``, the hexadecimal of this signature's own /Contents, and it sits in
  this signature dictionary's own object, right after its ``/Contents`` key;
- the range ends at the ``%%EOF`` that closes the revision which introduced the signature dictionary, and that
  dictionary is not redefined by a later revision.

Together these make the signed bytes a whole revision of *this* file: everything the signer saw is the file's
prefix up to that revision, and whatever follows is an incremental update that pyHanko's difference analysis
judges (the callers accept only a second signature, or long-term-validation data after the last one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

NOT_COVERED = "Les signatures ne couvrent pas tout le document"
_EOF = re.compile(rb"startxref\s+(\d+)\s+%%EOF(?:\r\n|\r|\n)?")
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_OBJECT_HEADER = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_PDF_WHITESPACE = b"\x00\t\n\x0c\r "


def covered_end(signature: Any) -> int:
    """Where the bytes ``signature`` signed end (valid once :func:`coverage_problem` found nothing)."""
    _zero, _a, b, c = signature.byte_range
    return int(b) + int(c)


def coverage_problem(pdf: bytes, reader: Any, signatures: Sequence[Any]) -> str | None:
    """The sentence that refuses ``pdf`` when a signature of ``signatures`` (pyHanko embedded signatures, regular
    ones and document timestamps alike) does not cover a whole revision of it; None when all do."""
    ends = revision_ends(pdf, reader)
    for signature in signatures:
        problem = _problem(pdf, reader, signature, ends)
        if problem:
            return f"{NOT_COVERED} : la signature « {signature.field_name} » {problem}."
    if ends[-1] < 0 or pdf[ends[-1] :].strip(_PDF_WHITESPACE):
        # Bytes no revision accounts for: pyHanko ignores them, another reader might not.
        return f"{NOT_COVERED} : le fichier se poursuit après sa dernière version enregistrée."
    return None


def archive_additions_only(reader: Any, last_signed_revision: int, timestamps: Sequence[Any]) -> bool:
    """Every revision after the last regular signature carries archive data (a document security store, a
    document timestamp): what an archive adds is all that may follow. pyHanko's difference analysis then judges
    that nothing else changed with it."""
    xrefs = reader.xrefs
    stamped = {_introduced(xrefs, t) for t in timestamps}
    for revision in range(last_signed_revision + 1, xrefs.total_revisions):
        dss = reader.get_historical_root(revision).raw_get("/DSS") if _has_dss(reader, revision) else None
        dss_ref = getattr(dss, "reference", None)
        if revision not in stamped and (
            dss_ref is None or dss_ref not in xrefs.explicit_refs_in_revision(revision)
        ):
            return False
    return True


def _has_dss(reader: Any, revision: int) -> bool:
    return "/DSS" in reader.get_historical_root(revision)


def _introduced(xrefs: Any, signature: Any) -> int:
    reference = getattr(signature.sig_field.raw_get("/V"), "reference", None)
    try:
        return int(xrefs.get_introducing_revision(reference)) if reference is not None else -1
    except KeyError:
        return -1


def revision_ends(pdf: bytes, reader: Any) -> list[int]:
    """The offset just past the ``%%EOF`` (and its end of line) that closes each revision, oldest first; -1 for a
    revision whose end cannot be found where its cross-reference section says."""
    xrefs = reader.xrefs
    ends = []
    for revision in range(xrefs.total_revisions):
        info = xrefs.get_xref_container_info(revision)
        found = _EOF.search(pdf, info.end_location)
        ok = found is not None and int(found.group(1)) == info.declared_startxref
        ends.append(found.end() if ok and found is not None else -1)
    return ends


def _problem(pdf: bytes, reader: Any, signature: Any, ends: Sequence[int]) -> str | None:
    """What is wrong with what ``signature`` covers (a phrase for the user), or None."""
    bounds = _byte_range(signature.byte_range, len(pdf))
    if bounds is None:
        return "porte une plage d'octets irrégulière"
    a, b, end = bounds
    if not _gap_holds_contents(pdf[a:b], signature):
        return "ne porte pas sa propre valeur à l'endroit qu'elle exclut"
    ref = signature.sig_field.raw_get("/V")
    reference = getattr(ref, "reference", None)
    if reference is None:
        return "n'est pas un objet du fichier"
    try:
        introduced = reader.xrefs.get_introducing_revision(reference)
        last_change = reader.xrefs.get_last_change(reference)
    except KeyError:
        return "n'est pas un objet du fichier"
    if last_change != introduced:
        return "a été redéfinie après avoir été signée"
    if end != ends[introduced]:
        return "ne s'arrête pas à la fin de la version du document qu'elle signe"
    if not _gap_in_own_object(pdf, reader.xrefs.get_historical_ref(reference, introduced), reference, a):
        return "n'exclut pas sa propre valeur"
    return None


def _byte_range(value: Any, length: int) -> tuple[int, int, int] | None:
    """``(a, b, b + c)`` of a regular ``[0 a b c]``, or None."""
    try:
        numbers = list(value)
    except TypeError:
        return None
    if len(numbers) != 4 or not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
        return None
    zero, a, b, c = (int(n) for n in numbers)
    if zero != 0 or not 0 < a < b <= b + c <= length:
        return None
    return a, b, b + c


def _gap_holds_contents(gap: bytes, signature: Any) -> bool:
    """The excluded bytes are ``<hex>``, and the hex is this signature's /Contents, byte for byte."""
    match = _HEX.fullmatch(gap)
    if match is None or len(match.group(1)) % 2:
        return False
    contents = signature.sig_object.raw_get("/Contents")
    return bytes.fromhex(match.group(1).decode("ascii")) == getattr(contents, "original_bytes", None)


def _gap_in_own_object(pdf: bytes, offset: Any, reference: Any, gap_start: int) -> bool:
    """The gap opens right after the ``/Contents`` key of the signature dictionary's own object (an object
    stored directly in the file, never in an object stream: its bytes could not be excluded)."""
    if not isinstance(offset, int) or not 0 <= offset < gap_start:
        return False
    header = _OBJECT_HEADER.match(pdf, offset)
    if header is None or (int(header.group(1)), int(header.group(2))) != (
        reference.idnum,
        reference.generation,
    ):
        return False
    between = pdf[header.end() : gap_start]
    return b"endobj" not in between and b"stream" not in between and between.rstrip().endswith(b"/Contents")
