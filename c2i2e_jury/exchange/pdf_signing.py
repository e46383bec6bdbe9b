"""Signing any of the program's PDFs in a prepared visible field, and checking it: the president's PV, later the
certificates. :mod:`c2i2e_jury.exchange.signatures` does the same for result sheets, with the sheet's own rules
(two jurors, in order, named by the embedded JSON); the PAdES mechanics (signer, appearance, offline validation)
are shared with it.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence
from datetime import datetime

from cryptography import x509

from c2i2e_jury.exchange.credentials import Credential, common_name, fingerprint
from c2i2e_jury.exchange.signatures import (
    SheetRejected,
    SheetSigner,
    SheetSigningError,
    _asn1_cert,
    _is_signing_certificate,
    _judge,
    _pyhanko_signer,
    _stamp_style,
    _validate,
    read_signatures,
)

log = logging.getLogger(__name__)


def sign_pdf_with(pdf: bytes, credential: Credential, field: str, *, timestamp: datetime | None = None,
                  reason: str = "", certify: bool = True) -> bytes:
    """Sign the empty signature field ``field`` (PAdES B-B, visible); return the signed PDF.

    ``certify``: a certification signature that allows no change afterwards (a PV is signed once, by one person).
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import enumerate_sig_fields

    when = timestamp if timestamp is not None and timestamp.tzinfo else (timestamp or datetime.now()).astimezone()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    filled = {name: value is not None for name, value, _ref in enumerate_sig_fields(writer)}
    if field not in filled:
        raise SheetSigningError(f"Le document n'a pas de champ de signature « {field} ».")
    if filled[field]:
        raise SheetSigningError(f"« {field} » est déjà signé.")
    return asyncio.run(_sign(writer, credential, field, when, reason or field, certify))


async def _sign(writer: object, credential: Credential, field: str, when: datetime, reason: str,
                certify: bool) -> bytes:
    from pyhanko.sign import signers
    from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    meta = signers.PdfSignatureMetadata(
        field_name=field, subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256", name=credential.name,
        reason=reason, certify=certify, docmdp_permissions=MDPPerm.NO_CHANGES)
    pdf_signer = signers.PdfSigner(meta, _pyhanko_signer(credential), stamp_style=_stamp_style(credential, when))
    session = pdf_signer.init_signing_session(writer, existing_fields_only=True)  # type: ignore[arg-type]
    session.system_time = when  # the declared signing time, as for the sheets
    validation_info = await session.perform_presign_validation(writer)  # type: ignore[arg-type]
    reserved = await session.estimate_signature_container_size(validation_info, tight=False)
    tbs = session.prepare_tbs_document(validation_info=validation_info, bytes_reserved=reserved)
    output = io.BytesIO()
    digest, _ = tbs.digest_tbs_document(in_place=False, output=output)
    post = await tbs.perform_signature(document_digest=digest.document_digest,
                                       pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=when))
    await post.post_signature_processing(output)
    log.info("%s signed by %s (%s)", field, credential.name, credential.fingerprint[:16])
    return output.getvalue()


def verify_signed_pdf(pdf: bytes, trust_roots: Sequence[x509.Certificate],
                      fields: Sequence[str]) -> tuple[SheetSigner, ...]:
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
    return asyncio.run(_check(signatures, trust_roots))


async def _check(signatures: Sequence[object], trust_roots: Sequence[x509.Certificate]) -> tuple[SheetSigner, ...]:
    roots = [_asn1_cert(c) for c in trust_roots]
    statuses = [await _validate(s, roots) for s in signatures]
    named = [(s.field_name, st) for s, st in zip(signatures, statuses, strict=True)]  # type: ignore[attr-defined]
    _judge(named)
    signers = []
    for field, status in named:
        cert = x509.load_der_x509_certificate(status.signing_cert.dump())
        if not _is_signing_certificate(cert):
            raise SheetRejected("untrusted_signer", f"Le certificat de {common_name(cert)} (« {field} ») ne permet "
                                                    "pas de signer des documents.")
        signers.append(SheetSigner(field, common_name(cert), fingerprint(cert), status.signer_reported_dt))
    return tuple(signers)
