"""Signing any of the program's PDFs in a prepared visible field, and checking it: the president's PV, later the
certificates. :mod:`c2i2e_jury.exchange.signatures` does the same for result sheets, with the sheet's own rules
(two jurors, in order, named by the embedded JSON); the PAdES mechanics (signer, appearance, offline validation)
both use are in :mod:`c2i2e_jury.exchange.pades`.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence
from datetime import datetime

from cryptography import x509

from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.pades import (
    SheetRejected,
    SheetSigner,
    SheetSigningError,
    checked_signers,
    read_signatures,
    sign_field,
    signing_time,
)

log = logging.getLogger(__name__)


def sign_pdf_with(
    pdf: bytes,
    credential: Credential,
    field: str,
    *,
    timestamp: datetime | None = None,
    reason: str = "",
    certify: bool = True,
) -> bytes:
    """Sign the empty signature field ``field`` (PAdES B-B, visible); return the signed PDF.

    ``certify``: a certification signature that allows no change afterwards (a PV is signed once, by one person).
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import enumerate_sig_fields

    when = signing_time(timestamp)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    filled = {name: value is not None for name, value, _ref in enumerate_sig_fields(writer)}
    if field not in filled:
        raise SheetSigningError(f"Le document n'a pas de champ de signature « {field} ».")
    if filled[field]:
        raise SheetSigningError(f"« {field} » est déjà signé.")
    signed = asyncio.run(
        sign_field(
            writer, credential, field, when, reason=reason or field, certify=certify, allow_form_filling=False
        )
    )
    log.info("%s signed by %s (%s)", field, credential.name, credential.fingerprint[:16])
    return signed


def verify_signed_pdf(
    pdf: bytes, trust_roots: Sequence[x509.Certificate], fields: Sequence[str]
) -> tuple[SheetSigner, ...]:
    """Check that exactly ``fields`` are signed, in that order, nothing changed since, each signer issued by the
    authority; raise :class:`SheetRejected` (same reasons as for sheets) otherwise."""
    if not trust_roots:
        raise ValueError("verify_signed_pdf needs the authority's certificate")
    _reader, signatures = read_signatures(pdf, "Le fichier n'est pas un PDF lisible.")
    found = [s.field_name for s in signatures]
    if found != list(fields):
        missing = [f for f in fields if f not in found]
        if missing:
            raise SheetRejected("missing_signature", f"Il manque la signature « {missing[0]} ».")
        raise SheetRejected("modified", "Les signatures du document ne sont pas celles attendues.")
    return asyncio.run(checked_signers([(s.field_name, s) for s in signatures], trust_roots))
