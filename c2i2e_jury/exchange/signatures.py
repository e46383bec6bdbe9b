"""Signing a result sheet and verifying it (PRODUCT.md §4.2): two PAdES signatures, in sequence, offline.

Juror 1 signs « Juré 1 » with a *certification* signature whose DocMDP policy allows only form filling and
signing, so that juror 2's approval signature (« Juré 2 ») is the one change a validator accepts afterwards;
any other change after juror 1 (a replaced JSON, an edited page) is found by pyHanko's difference analysis.
Both are PAdES B-B (``ETSI.CAdES.detached``), the signer's name drawn in the visible box with an embedded font.

:func:`verify_sheet` refuses a sheet, with one French sentence and a short ``reason`` code, when its bytes
changed after signing, a signature is missing, a signer was not issued by the campaign authority (or is not the
juror the sheet names), or the embedded JSON is missing, invalid, or says something the pages do not.
Nothing here opens a network connection: no OCSP, no CRL, no certificate fetching.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import Credential, common_name, fingerprint, load_credential
from c2i2e_jury.exchange.result_json import FILE_NAME, ResultFormatError, from_bytes, validate_result
from c2i2e_jury.exchange.sheet_pdf import FONT, FONT_BOLD, SIGNATURE_FIELDS, french, printable, register_fonts
from c2i2e_jury.exchange.sheet_reading import embedded_json, visible_mismatch

log = logging.getLogger(__name__)

DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36"
EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4"


class SheetSigningError(UserError):
    """The sheet cannot be signed with this credential or in this field."""


class SheetRejected(UserError):
    """A sheet that must not be trusted; ``reason`` is one of :data:`REASONS`, the message says why."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


REASONS = ("unreadable", "modified", "missing_signature", "untrusted_signer", "wrong_signer", "json_missing",
           "json_invalid", "json_mismatch")


@dataclass(frozen=True)
class SheetSigner:
    field: str
    name: str
    fingerprint: str
    signed_at: datetime | None  # as the signer's computer declared it (PAdES B-B carries no trusted time)


@dataclass(frozen=True)
class VerifiedSheet:
    result: dict[str, Any]
    json_bytes: bytes
    signers: tuple[SheetSigner, ...]
    sha256: str  # of the whole PDF: what makes two imported files the same sheet


# --- signing -------------------------------------------------------------------------------------------------

def sign_sheet(pdf: bytes, p12_path: Path | str, passphrase: str, field_name: str, *,
               timestamp: datetime | None = None) -> bytes:
    """Sign ``field_name`` with the credential in ``p12_path``; return the signed PDF (nothing is written).

    A wrong passphrase raises :class:`~c2i2e_jury.exchange.credentials.CredentialError` before any work.
    """
    return sign_sheet_with(pdf, load_credential(p12_path, passphrase), field_name, timestamp=timestamp)


def sign_sheet_with(pdf: bytes, credential: Credential, field_name: str, *,
                    timestamp: datetime | None = None) -> bytes:
    """As :func:`sign_sheet`, with a credential already decrypted (the UI asks the passphrase once)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    when = timestamp if timestamp is not None and timestamp.tzinfo else (timestamp or datetime.now()).astimezone()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    position = _check_can_sign(writer, credential, field_name)
    return asyncio.run(_sign(writer, credential, field_name, when, certify=position == 0))


def _check_can_sign(writer: Any, credential: Credential, field_name: str) -> int:
    from pyhanko.sign.fields import enumerate_sig_fields

    if field_name not in SIGNATURE_FIELDS:
        raise SheetSigningError(f"« {field_name} » n'est pas un champ de signature de la feuille.")
    filled = {name: value is not None for name, value, _ref in enumerate_sig_fields(writer)}
    position = SIGNATURE_FIELDS.index(field_name)
    if field_name not in filled:
        raise SheetSigningError(f"La feuille n'a pas de champ de signature « {field_name} ».")
    if filled[field_name]:
        raise SheetSigningError(f"« {field_name} » a déjà signé cette feuille.")
    earlier = [f for f in SIGNATURE_FIELDS[:position] if not filled.get(f)]
    if earlier:
        raise SheetSigningError(f"« {earlier[0]} » doit signer avant « {field_name} ».")
    data = embedded_json(writer.root)
    if data is None:
        raise SheetSigningError(f"La feuille ne contient pas {FILE_NAME} : elle ne peut pas être signée.")
    expected = from_bytes(data)["jurors"][position]
    if expected.get("fingerprint") != credential.fingerprint:
        raise SheetSigningError(f"Ce certificat est celui de {credential.name}, pas celui de {expected.get('name')} "
                                f"attendu pour « {field_name} ».")
    return position


async def _sign(writer: Any, credential: Credential, field_name: str, when: datetime, *, certify: bool) -> bytes:
    from pyhanko.sign import signers
    from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    meta = signers.PdfSignatureMetadata(
        field_name=field_name, subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256", name=credential.name,
        reason=f"{field_name} — feuille de résultat C2i2e", certify=certify,
        docmdp_permissions=MDPPerm.FILL_FORMS)
    pdf_signer = signers.PdfSigner(meta, _pyhanko_signer(credential), stamp_style=_stamp_style(credential, when))
    # PdfSigner.sign_pdf reads the clock itself; the session's steps are run here to set the signing time.
    session = pdf_signer.init_signing_session(writer, existing_fields_only=True)
    session.system_time = when
    validation_info = await session.perform_presign_validation(writer)
    reserved = await session.estimate_signature_container_size(validation_info, tight=False)
    tbs = session.prepare_tbs_document(validation_info=validation_info, bytes_reserved=reserved)
    output = io.BytesIO()
    digest, _ = tbs.digest_tbs_document(in_place=False, output=output)
    post = await tbs.perform_signature(document_digest=digest.document_digest,
                                       pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=when))
    await post.post_signature_processing(output)
    signed = output.getvalue()
    log.info("sheet signed in %s by %s (%s)", field_name, credential.name, credential.fingerprint[:16])
    return signed


def _asn1_cert(certificate: x509.Certificate) -> Any:
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _pyhanko_signer(credential: Credential) -> Any:
    from asn1crypto import keys
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = keys.PrivateKeyInfo.load(credential.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return signers.SimpleSigner(
        signing_cert=_asn1_cert(credential.certificate), signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [_asn1_cert(c) for c in credential.chain]))


def _stamp_style(credential: Credential, when: datetime) -> Any:
    from pyhanko.pdf_utils import layout
    from pyhanko.stamp import StaticStampStyle

    return StaticStampStyle(
        background=_background_page(_appearance_pdf(credential, when)), border_width=0, background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MID,
                                                     y_align=layout.AxisAlignment.ALIGN_MID,
                                                     margins=layout.Margins.uniform(0)))  # type: ignore[no-untyped-call]


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
            xobject = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.pdf)), page_ix=0)
            self.resources.xobject["/Appearance"] = xobject
            x1, y1, x2, y2 = xobject.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x2 - x1), height=abs(y2 - y1))
            return b"/Appearance Do"

    return BackgroundPage


def _background_page(pdf: bytes) -> Any:
    return _background_page_class()(pdf)


# --- verifying -----------------------------------------------------------------------------------------------

def read_signatures(pdf: bytes, unreadable: str) -> tuple[Any, list[Any]]:
    """A signed PDF's reader and its signatures in signing order; ``unreadable`` is the sentence when it is not a
    readable PDF (any parser failure means the same thing to the user)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        return reader, sorted(reader.embedded_regular_signatures, key=lambda s: s.signed_revision)
    except Exception as exc:  # noqa: BLE001 - see the docstring
        log.info("unreadable signed PDF: %r", exc)
        raise SheetRejected("unreadable", unreadable) from exc


def verify_sheet(pdf: bytes, trust_roots: Sequence[x509.Certificate], referential: Referential) -> VerifiedSheet:
    """Check a signed sheet against the campaign authority ``trust_roots``; raise :class:`SheetRejected`."""
    if not trust_roots:
        raise ValueError("verify_sheet needs the campaign authority's certificate")
    reader, signatures = read_signatures(pdf, "Le fichier n'est pas une feuille de résultat PDF lisible.")
    by_field = _signatures_by_field(signatures)
    signers = asyncio.run(_check_signatures(by_field, trust_roots))
    result, data = _checked_json(reader, by_field[SIGNATURE_FIELDS[0]], referential)
    for signer, juror in zip(signers, result["jurors"], strict=True):
        if signer.fingerprint != juror["fingerprint"]:
            raise SheetRejected("wrong_signer", f"« {signer.field} » a été signé par {signer.name}, et non par "
                                                f"{juror['name']} que la feuille désigne.")
    mismatch = visible_mismatch(pdf, result)
    if mismatch:
        raise SheetRejected("json_mismatch", f"Le contenu {FILE_NAME} ne correspond pas à la feuille visible : "
                                             f"{mismatch}.")
    return VerifiedSheet(result, data, signers, hashlib.sha256(pdf).hexdigest())


def _signatures_by_field(signatures: Sequence[Any]) -> dict[str, Any]:
    by_field = {s.field_name: s for s in signatures}
    missing = [f for f in SIGNATURE_FIELDS if f not in by_field]
    if missing:
        count = len([f for f in SIGNATURE_FIELDS if f in by_field])
        raise SheetRejected("missing_signature", f"Il manque la signature « {missing[0]} » : la feuille porte "
                                                 f"{count} signature{'s' if count > 1 else ''} sur 2.")
    if len(signatures) != len(SIGNATURE_FIELDS) or [s.field_name for s in signatures] != list(SIGNATURE_FIELDS):
        raise SheetRejected("modified", "Les signatures de la feuille ne sont pas celles attendues, dans l'ordre "
                                        "« Juré 1 » puis « Juré 2 ».")
    return by_field


async def _check_signatures(by_field: Mapping[str, Any],
                            trust_roots: Sequence[x509.Certificate]) -> tuple[SheetSigner, ...]:
    roots = [_asn1_cert(c) for c in trust_roots]
    statuses = [await _validate(by_field[field], roots) for field in SIGNATURE_FIELDS]
    _judge(list(zip(SIGNATURE_FIELDS, statuses, strict=True)))
    signers = []
    for field, status in zip(SIGNATURE_FIELDS, statuses, strict=True):
        cert = x509.load_der_x509_certificate(status.signing_cert.dump())
        if not _is_signing_certificate(cert):
            # pyHanko trusts a trust root unconditionally, key usage included: the authority itself must not sign.
            raise SheetRejected("untrusted_signer", f"Le certificat de {common_name(cert)} (« {field} ») ne permet "
                                                    "pas de signer des documents.")
        signers.append(SheetSigner(field, common_name(cert), fingerprint(cert), status.signer_reported_dt))
    return tuple(signers)


def _is_signing_certificate(cert: x509.Certificate) -> bool:
    """An end-entity certificate for document signing, as :mod:`credentials` issues them to jurors."""
    try:
        if cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            return False
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        purposes = {p.dotted_string for p in cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value}
    except x509.ExtensionNotFound:
        return False
    return usage.digital_signature and usage.content_commitment and bool(
        purposes & {DOCUMENT_SIGNING, EMAIL_PROTECTION})


async def _validate(signature: Any, roots: list[Any]) -> Any:
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    # PAdES B-B has no trusted time: the certificate must be valid when the signer says it signed, so that an
    # archived sheet still verifies after its jurors' certificates expire.
    moment = signature.self_reported_timestamp
    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail",
                                moment=moment, best_signature_time=moment)
    usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=True,
                                extd_key_usage={DOCUMENT_SIGNING, "email_protection"})
    try:
        return await async_validate_pdf_signature(signature, context, key_usage_settings=usage)
    except Exception as exc:  # noqa: BLE001 - a signature pyHanko cannot even evaluate is not a valid one
        log.info("signature %s not evaluable: %r", signature.field_name, exc)
        raise SheetRejected("modified", f"La signature « {signature.field_name} » est illisible ou altérée.") from exc


def _judge(statuses: list[tuple[str, Any]]) -> None:
    """The first problem found, in the order that explains it best: integrity, then trust."""
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    for field, status in statuses:
        if not status.intact:
            raise SheetRejected("modified", f"La feuille a été modifiée après la signature « {field} ».")
    if statuses[-1][1].coverage != SignatureCoverageLevel.ENTIRE_FILE:
        raise SheetRejected("modified", "La feuille a été modifiée après la dernière signature.")
    for field, status in statuses:
        if not status.docmdp_ok:
            raise SheetRejected("modified", f"La feuille a été modifiée après la signature « {field} » autrement "
                                            "que par la signature suivante.")
        if not status.valid:
            raise SheetRejected("modified", f"La signature « {field} » n'est pas valide.")
    for field, status in statuses:
        if not status.trusted:
            raise SheetRejected("untrusted_signer", _untrusted(field, status))


def _untrusted(field: str, status: Any) -> str:
    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    name = common_name(cert)
    when = status.signer_reported_dt
    problem = getattr(status.trust_problem_indic, "name", "")
    if (when is not None and not cert.not_valid_before_utc <= when <= cert.not_valid_after_utc) or problem in {
            "EXPIRED", "NOT_YET_VALID", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED"}:
        day = f" ({when:%d/%m/%Y})" if when is not None else ""
        return f"Le certificat de {name} (« {field} ») n'était pas valide à la date de signature{day}."
    if problem == "SIG_CONSTRAINTS_FAILURE":
        return f"Le certificat de {name} (« {field} ») ne permet pas de signer des documents."
    if problem.startswith("REVOKED"):
        return f"Le certificat de {name} (« {field} ») a été révoqué."
    return f"Le signataire de « {field} », {name}, n'a pas été habilité par l'autorité de la campagne."


def _checked_json(reader: Any, first: Any, referential: Referential) -> tuple[dict[str, Any], bytes]:
    """The JSON the first signature covers; it must be the document's current one, and valid."""
    signed = embedded_json(reader.get_historical_root(first.signed_revision))
    current = embedded_json(reader.root)
    if signed is None:
        raise SheetRejected("json_missing", f"La feuille ne contient pas {FILE_NAME} sous la première signature.")
    if current != signed:
        raise SheetRejected("modified", f"{FILE_NAME} a été modifié après la première signature.")
    try:
        result = from_bytes(signed)
        validate_result(result, referential)
    except ResultFormatError as exc:
        detail = f" ({exc.details[0]})" if exc.details else ""
        raise SheetRejected("json_invalid", f"{exc.message.rstrip('.')}{detail}.") from exc
    return result, signed
