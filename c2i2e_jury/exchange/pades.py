"""The PAdES mechanics every signed PDF of the program shares: signing a prepared visible field, and checking
signatures offline against a campaign authority.

What a document's signatures must *mean* (which fields, in which order, signed by whom) belongs to each
document: :mod:`c2i2e_jury.exchange.signatures` for result sheets (two jurors, named by the embedded JSON),
:mod:`c2i2e_jury.exchange.pdf_signing` for the PV and the certificates. Here is only what they have in common:
the signer's visible box drawn with an embedded font, the declared signing time (PAdES B-B carries no trusted
time), and the validation that finds a changed document or an untrusted signer. Nothing here opens a network
connection: no OCSP, no CRL, no certificate fetching.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import Credential, common_name, fingerprint
from c2i2e_jury.exchange.pdf.archival import keep_archival
from c2i2e_jury.exchange.pdf.fonts import FONT, FONT_BOLD, printable, register_fonts
from c2i2e_jury.exchange.pdf.french import french
from c2i2e_jury.exchange.signature_coverage import archive_additions_only, coverage_problem

log = logging.getLogger(__name__)

DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36"
EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4"


class SheetSigningError(UserError):
    """The document cannot be signed with this credential or in this field."""


class SheetRejected(UserError):
    """A signed document that must not be trusted; ``reason`` is one of :data:`REASONS`, the message says why."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


MODIFIED_AFTER_LAST = "La feuille a été modifiée après la dernière signature."
REASONS = (
    "unreadable",
    "modified",
    "missing_signature",
    "untrusted_signer",
    "wrong_signer",
    "json_missing",
    "json_invalid",
    "json_mismatch",
)


@dataclass(frozen=True)
class SheetSigner:
    field: str
    name: str
    fingerprint: str
    signed_at: datetime | None  # as the signer's computer declared it (PAdES B-B carries no trusted time)


# --- signing -------------------------------------------------------------------------------------------------


def signing_time(timestamp: datetime | None) -> datetime:
    """The time a signature declares: ``timestamp`` (a naive one read as local time), or now."""
    return (
        timestamp
        if timestamp is not None and timestamp.tzinfo
        else (timestamp or datetime.now()).astimezone()
    )


async def sign_field(
    writer: Any,
    credential: Credential,
    field: str,
    when: datetime,
    *,
    reason: str,
    certify: bool,
    allow_form_filling: bool,
) -> bytes:
    """Sign the prepared field ``field`` of ``writer`` (a pyHanko ``IncrementalPdfFileWriter``), PAdES B-B with
    the signer's name in the visible box; return the signed PDF. The caller checks first that it may sign.

    ``certify``: a certification signature, whose DocMDP policy allows afterwards only form filling and signing
    (``allow_form_filling``) or no change at all.
    """
    from pyhanko.sign import signers
    from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    meta = signers.PdfSignatureMetadata(
        field_name=field,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=credential.name,
        reason=reason,
        certify=certify,
        docmdp_permissions=MDPPerm.FILL_FORMS if allow_form_filling else MDPPerm.NO_CHANGES,
    )
    pdf_signer = _pdf17_signer_class()(
        meta, _pyhanko_signer(credential), stamp_style=_stamp_style(credential, when)
    )
    keep_archival(writer, when)
    # PdfSigner.sign_pdf reads the clock itself; the session's steps are run here to set the signing time.
    session = pdf_signer.init_signing_session(writer, existing_fields_only=True)
    session.system_time = when
    validation_info = await session.perform_presign_validation(writer)
    reserved = await session.estimate_signature_container_size(validation_info, tight=False)
    tbs = session.prepare_tbs_document(validation_info=validation_info, bytes_reserved=reserved)
    output = io.BytesIO()
    digest, _ = tbs.digest_tbs_document(in_place=False, output=output)
    post = await tbs.perform_signature(
        document_digest=digest.document_digest, pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=when)
    )
    await post.post_signature_processing(output)
    return output.getvalue()


@cache
def _pdf17_signer_class() -> type:
    """pyHanko's ``PdfSigner``, except that an ECDSA signature does not raise the document to PDF 2.0.

    pyHanko registers ISO 32002 (ECDSA curves in PDF 2.0) for a P-256 key, which sets the catalog's
    ``/Version /2.0``; PDF 1.7 already has ECDSA signatures (ISO 32000-1 §12.8.3.3) and PAdES declares itself by
    the ESIC extension, and our documents are PDF/A-3, built on PDF 1.7. Built on first use, as pyHanko is."""
    from pyhanko.sign import signers
    from pyhanko.sign.signers.constants import ESIC_EXTENSION_1

    class Pdf17Signer(signers.PdfSigner):
        def register_extensions(self, pdf_out: Any, *, md_algorithm: str) -> None:
            pdf_out.ensure_output_version(version=(1, 7))
            pdf_out.register_extension(ESIC_EXTENSION_1)

    return Pdf17Signer


def _asn1_cert(certificate: x509.Certificate) -> Any:
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _pyhanko_signer(credential: Credential) -> Any:
    from asn1crypto import keys
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = keys.PrivateKeyInfo.load(
        credential.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return signers.SimpleSigner(
        signing_cert=_asn1_cert(credential.certificate),
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [_asn1_cert(c) for c in credential.chain]
        ),
    )


def _stamp_style(credential: Credential, when: datetime) -> Any:
    from pyhanko.pdf_utils import layout
    from pyhanko.stamp import StaticStampStyle

    return StaticStampStyle(
        background=_background_page(_appearance_pdf(credential, when)),
        border_width=0,
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),  # type: ignore[no-untyped-call]
        ),
    )


def _appearance_pdf(credential: Credential, when: datetime, size: tuple[float, float] = (231, 58)) -> bytes:
    """The visible box's content, drawn by reportlab so that the name's accents use the embedded font."""
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, pageCompression=1, initialFontName=FONT)
    width, height = size
    canvas.setFillColorRGB(0.94, 0.96, 0.99)
    canvas.rect(0, 0, width, height, stroke=0, fill=1)
    canvas.setFillGray(0.1)
    canvas.setFont(FONT, 7.5)
    canvas.drawString(6, height - 12, "Signé électroniquement par")
    canvas.setFont(FONT_BOLD, 10.5)
    canvas.drawString(6, height - 26, french(printable(credential.name))[:40])
    canvas.setFont(FONT, 7.5)
    offset = when.strftime("%z")
    canvas.drawString(6, height - 39, french(f"le {when:%d/%m/%Y à %H:%M:%S} (UTC{offset[:3]}:{offset[3:]})"))
    canvas.setFont(FONT, 6)
    canvas.drawString(6, 6, f"Certificat SHA-256 {credential.fingerprint[:32]}…")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@cache
def _background_page_class() -> type:
    """Built on first use: pyHanko takes a third of a second to import, the GUI should not pay it at start."""
    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader

    class BackgroundPage(PdfContent):
        """pyHanko's ImportedPdfPage, from bytes instead of a file name."""

        def __init__(self, pdf: bytes) -> None:
            super().__init__()
            self.pdf = pdf

        def render(self) -> bytes:
            xobject = self._ensure_writer.import_page_as_xobject(
                PdfFileReader(io.BytesIO(self.pdf)), page_ix=0
            )
            self.resources.xobject["/Appearance"] = xobject
            x1, y1, x2, y2 = xobject.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x2 - x1), height=abs(y2 - y1))
            return b"/Appearance Do"

    return BackgroundPage


def _background_page(pdf: bytes) -> Any:
    return _background_page_class()(pdf)


# --- verifying -----------------------------------------------------------------------------------------------


def open_pdf(pdf: bytes) -> Any:
    """pyHanko's reader of ``pdf``: parsed once, then shared by everything that reads the file (the campaign it
    names, its signatures, its embedded JSON), so that no step parses it again."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(pdf))


def read_signatures(pdf: bytes, unreadable: str, reader: Any = None) -> tuple[Any, list[Any]]:
    """A signed PDF's reader and its signatures in signing order, once each signature (document timestamps
    included) is known to cover a whole revision of ``pdf`` (:mod:`signature_coverage`: pyHanko's own verdict
    on coverage is arithmetic only); ``unreadable`` is the sentence when it is not a readable PDF (any parser
    failure means the same thing to the user). ``reader``: :func:`open_pdf` of these very bytes, when the caller
    has already opened them."""
    try:
        reader = reader if reader is not None else open_pdf(pdf)
        everything = reader.embedded_signatures
        regular = sorted(reader.embedded_regular_signatures, key=lambda s: s.signed_revision)
        problem = coverage_problem(pdf, reader, everything)
        stamps = [s for s in everything if s.sig_object_type == "/DocTimeStamp"]
        if (
            problem is None
            and regular
            and not archive_additions_only(reader, regular[-1].signed_revision, stamps)
        ):
            problem = MODIFIED_AFTER_LAST
    except Exception as exc:  # any failure: see the docstring
        log.info("unreadable signed PDF: %r", exc)
        raise SheetRejected("unreadable", unreadable) from exc
    if problem:
        log.info("signed PDF refused: %s", problem)
        raise SheetRejected("modified", problem)
    return reader, regular


async def checked_signers(
    named: Sequence[tuple[str, Any]], trust_roots: Sequence[x509.Certificate]
) -> tuple[SheetSigner, ...]:
    """The signers of ``named`` (field name, pyHanko embedded signature), in signing order, once every signature
    is intact, covers what it must and was made by a document-signing certificate the authority issued; raise
    :class:`SheetRejected` at the first problem, in the order that explains it best."""
    from c2i2e_jury.exchange.name_memo import remembered_names
    from c2i2e_jury.exchange.signature_verdict import judge

    roots = [_asn1_cert(c) for c in trust_roots]
    with remembered_names():
        statuses = [(field, await _validate(signature, roots)) for field, signature in named]
    judge(statuses)
    signers = []
    for field, status in statuses:
        cert = x509.load_der_x509_certificate(status.signing_cert.dump())
        if not _is_signing_certificate(cert):
            # pyHanko trusts a trust root unconditionally, key usage included: the authority itself must not sign.
            raise SheetRejected(
                "untrusted_signer",
                f"Le certificat de {common_name(cert)} (« {field} ») ne permet pas de signer des documents.",
            )
        signers.append(SheetSigner(field, common_name(cert), fingerprint(cert), status.signer_reported_dt))
    return tuple(signers)


def _is_signing_certificate(cert: x509.Certificate) -> bool:
    """An end-entity certificate for document signing, as :mod:`credentials` issues them to jurors."""
    try:
        if cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            return False
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        purposes = {
            p.dotted_string for p in cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        }
    except x509.ExtensionNotFound:
        return False
    return (
        usage.digital_signature
        and usage.content_commitment
        and bool(purposes & {DOCUMENT_SIGNING, EMAIL_PROTECTION})
    )


async def _validate(signature: Any, roots: list[Any]) -> Any:
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    usage = KeyUsageConstraints(
        key_usage={"digital_signature", "non_repudiation"},
        match_all_key_usages=True,
        extd_key_usage={DOCUMENT_SIGNING, "email_protection"},
    )
    try:
        # PAdES B-B has no trusted time: the certificate must be valid when the signer says it signed, so that an
        # archived sheet still verifies after its jurors' certificates expire. Read inside the handling: a
        # damaged signing time is a damaged signature (issue 16), not an internal error.
        moment = signature.self_reported_timestamp
        context = ValidationContext(
            trust_roots=roots,
            allow_fetching=False,
            revocation_mode="soft-fail",
            moment=moment,
            best_signature_time=moment,
        )
        return await async_validate_pdf_signature(signature, context, key_usage_settings=usage)
    except Exception as exc:  # a signature pyHanko cannot even evaluate is not a valid one
        log.info("signature %s not evaluable: %r", signature.field_name, exc)
        raise SheetRejected(
            "modified", f"La signature « {signature.field_name} » est illisible ou altérée."
        ) from exc
