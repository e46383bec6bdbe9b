"""Signing the evaluator's marks and verifying a marks file (docs/FORMATS.md §8.3): one PAdES signature,
« Évaluateur », by a credential the campaign authority issued, as the result sheets and the PV are signed.

:func:`verify_marks` refuses a file, with one French sentence and a reason code, when its bytes do not stand as
signed (the structural coverage check of :mod:`.signature_coverage` runs first, through
:func:`~c2i2e_jury.exchange.pades.read_signatures`: a genuine signature moved onto other marks is refused), when
the signer was not issued by the authority or is not the evaluator the JSON names, when the JSON is missing or
invalid, or when the pages say something else. Offline: no OCSP, no CRL, no fetching.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography import x509

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.marks_json import FILE_NAME, MarksFormatError, from_bytes, validate_marks
from c2i2e_jury.exchange.marks_pdf import EVALUATOR_FIELD, visible_mismatch
from c2i2e_jury.exchange.pades import SheetRejected, SheetSigner, SheetSigningError
from c2i2e_jury.exchange.pdf_signing import sign_pdf_with, verify_signed_pdf
from c2i2e_jury.exchange.sheet_reading import _lookup
from c2i2e_jury.exchange.signature_coverage import covered_end

__all__ = [
    "EVALUATOR_FIELD",
    "SheetRejected",
    "VerifiedMarks",
    "embedded_marks",
    "sign_marks",
    "verify_marks",
]


@dataclass(frozen=True)
class VerifiedMarks:
    marks: dict[str, Any]
    signer: SheetSigner
    sha256: str


def sign_marks(pdf: bytes, credential: Credential, *, timestamp: datetime | None = None) -> bytes:
    """Sign « Évaluateur » with ``credential``, which must be the evaluator the JSON names."""
    marks = embedded_marks(pdf)
    if marks is None:
        raise SheetSigningError(f"Le document ne contient pas {FILE_NAME} : il ne peut pas être signé.")
    named = marks.get("evaluator", {})
    if named.get("fingerprint") != credential.fingerprint:
        raise SheetSigningError(
            f"Ce certificat est celui de {credential.name}, pas celui de {named.get('name')}, l'évaluateur "
            "que les notes désignent."
        )
    return sign_pdf_with(
        pdf, credential, EVALUATOR_FIELD, timestamp=timestamp, reason="Notes de l'évaluateur C2i2e"
    )


def embedded_marks(pdf: bytes) -> dict[str, Any] | None:
    """The embedded ``c2i2e-marks.json`` (current revision), or None; :class:`MarksFormatError` if unreadable."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    data = _json_in(PdfFileReader(io.BytesIO(pdf)).root)
    return None if data is None else from_bytes(data)


def _json_in(root: Any) -> bytes | None:
    try:
        tree = root["/Names"]["/EmbeddedFiles"]
    except KeyError:
        return None
    found: list[Any] = []
    _lookup(tree, FILE_NAME, 0, found)
    if len(found) != 1:
        if found:
            raise MarksFormatError(
                f"Le fichier contient {len(found)} fichiers {FILE_NAME} : un seul est attendu."
            )
        return None
    try:
        data: bytes = found[0]["/EF"]["/F"].data
    except KeyError:
        return None
    return data


def verify_marks(
    pdf: bytes, trust_roots: Sequence[x509.Certificate], referential: Referential
) -> VerifiedMarks:
    """Check a signed marks file against the campaign authority; raise :class:`SheetRejected`."""
    if not trust_roots:
        raise ValueError("verify_marks needs the campaign authority's certificate")
    (signer,) = verify_signed_pdf(pdf, trust_roots, [EVALUATOR_FIELD])
    marks, signed_end = _checked_json(pdf)
    try:
        validate_marks(marks, referential)
    except MarksFormatError as exc:
        detail = f" ({exc.details[0]})" if exc.details else ""
        raise SheetRejected("json_invalid", f"{exc.message.rstrip('.')}{detail}.") from exc
    named = marks["evaluator"]
    if signer.fingerprint != named["fingerprint"]:
        raise SheetRejected(
            "wrong_signer",
            f"Les notes ont été signées par {signer.name}, et non par {named['name']} qu'elles désignent.",
        )
    mismatch = visible_mismatch(pdf[:signed_end], marks)  # the pages the evaluator signed
    if mismatch:
        raise SheetRejected(
            "json_mismatch", f"Le contenu {FILE_NAME} ne correspond pas aux pages : {mismatch}."
        )
    return VerifiedMarks(marks, signer, hashlib.sha256(pdf).hexdigest())


def _checked_json(pdf: bytes) -> tuple[dict[str, Any], int]:
    """The JSON under the signature (it must be the file's current one), and where the signed bytes end."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))
    (signature,) = reader.embedded_regular_signatures
    try:
        signed = _json_in(reader.get_historical_root(signature.signed_revision))
        current = _json_in(reader.root)
        if signed is None:
            raise SheetRejected("json_missing", f"Le fichier ne contient pas {FILE_NAME} sous la signature.")
        if current != signed:
            raise SheetRejected("modified", f"{FILE_NAME} a été modifié après la signature.")
        return from_bytes(signed), covered_end(signature)
    except MarksFormatError as exc:
        raise SheetRejected("json_invalid", exc.message) from exc
