"""Signing a result sheet and verifying it (docs/FORMATS.md §2.3): two PAdES signatures, in sequence, offline.

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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.exchange.credentials import Credential, load_credential
from c2i2e_jury.exchange.pades import (
    REASONS,
    SheetRejected,
    SheetSigner,
    SheetSigningError,
    checked_signers,
    read_signatures,
    sign_field,
    signing_time,
)
from c2i2e_jury.exchange.result_json import FILE_NAME, ResultFormatError, from_bytes, validate_result
from c2i2e_jury.exchange.sheet_pdf import SIGNATURE_FIELDS
from c2i2e_jury.exchange.sheet_reading import embedded_json, visible_mismatch
from c2i2e_jury.exchange.signature_coverage import covered_end

log = logging.getLogger(__name__)

# The errors and signer records of the PAdES mechanics are this module's API too: callers of verify_sheet catch
# SheetRejected from here.
__all__ = [
    "REASONS",
    "SheetRejected",
    "SheetSigner",
    "SheetSigningError",
    "VerifiedSheet",
    "sign_sheet",
    "sign_sheet_with",
    "verify_sheet",
]


@dataclass(frozen=True)
class VerifiedSheet:
    result: dict[str, Any]
    json_bytes: bytes
    signers: tuple[SheetSigner, ...]
    sha256: str  # of the whole PDF: what makes two imported files the same sheet


# --- signing -------------------------------------------------------------------------------------------------


def sign_sheet(
    pdf: bytes, p12_path: Path | str, passphrase: str, field_name: str, *, timestamp: datetime | None = None
) -> bytes:
    """Sign ``field_name`` with the credential in ``p12_path``; return the signed PDF (nothing is written).

    A wrong passphrase raises :class:`~c2i2e_jury.exchange.credentials.CredentialError` before any work.
    """
    return sign_sheet_with(pdf, load_credential(p12_path, passphrase), field_name, timestamp=timestamp)


def sign_sheet_with(
    pdf: bytes, credential: Credential, field_name: str, *, timestamp: datetime | None = None
) -> bytes:
    """As :func:`sign_sheet`, with a credential already decrypted (the UI asks the passphrase once)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    when = signing_time(timestamp)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    position = _check_can_sign(writer, credential, field_name)
    # Juror 1 certifies the sheet, allowing only juror 2's signature afterwards.
    reason = f"{field_name} — feuille de résultat C2i2e"
    signed = asyncio.run(
        sign_field(
            writer,
            credential,
            field_name,
            when,
            reason=reason,
            certify=position == 0,
            allow_form_filling=True,
        )
    )
    log.info("sheet signed in %s by %s (%s)", field_name, credential.name, credential.fingerprint[:16])
    return signed


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
        raise SheetSigningError(
            f"Ce certificat est celui de {credential.name}, pas celui de {expected.get('name')} "
            f"attendu pour « {field_name} »."
        )
    return position


# --- verifying -----------------------------------------------------------------------------------------------


def verify_sheet(
    pdf: bytes, trust_roots: Sequence[x509.Certificate], referential: Referential, *, reader: Any = None
) -> VerifiedSheet:
    """Check a signed sheet against the campaign authority ``trust_roots``; raise :class:`SheetRejected`.

    ``reader``: :func:`~c2i2e_jury.exchange.pades.open_pdf` of these bytes when the caller already opened them
    (to read which campaign the sheet names): the file is then parsed once."""
    if not trust_roots:
        raise ValueError("verify_sheet needs the campaign authority's certificate")
    reader, signatures = read_signatures(
        pdf, "Le fichier n'est pas une feuille de résultat PDF lisible.", reader
    )
    by_field = _signatures_by_field(signatures)
    signers = asyncio.run(checked_signers([(f, by_field[f]) for f in SIGNATURE_FIELDS], trust_roots))
    result, data = _checked_json(reader, by_field[SIGNATURE_FIELDS[0]], referential)
    for signer, juror in zip(signers, result["jurors"], strict=True):
        if signer.fingerprint != juror["fingerprint"]:
            raise SheetRejected(
                "wrong_signer",
                f"« {signer.field} » a été signé par {signer.name}, et non par "
                f"{juror['name']} que la feuille désigne.",
            )
    # The pages a person reads are the ones juror 1 signed: what follows is juror 2's box and archive data.
    mismatch = visible_mismatch(pdf[: covered_end(by_field[SIGNATURE_FIELDS[0]])], result)
    if mismatch:
        raise SheetRejected(
            "json_mismatch", f"Le contenu {FILE_NAME} ne correspond pas à la feuille visible : {mismatch}."
        )
    return VerifiedSheet(result, data, signers, hashlib.sha256(pdf).hexdigest())


def _signatures_by_field(signatures: Sequence[Any]) -> dict[str, Any]:
    by_field = {s.field_name: s for s in signatures}
    missing = [f for f in SIGNATURE_FIELDS if f not in by_field]
    if missing:
        count = len([f for f in SIGNATURE_FIELDS if f in by_field])
        raise SheetRejected(
            "missing_signature",
            f"Il manque la signature « {missing[0]} » : la feuille porte "
            f"{count} signature{'s' if count > 1 else ''} sur 2.",
        )
    if len(signatures) != len(SIGNATURE_FIELDS) or [s.field_name for s in signatures] != list(
        SIGNATURE_FIELDS
    ):
        raise SheetRejected(
            "modified",
            "Les signatures de la feuille ne sont pas celles attendues, dans l'ordre "
            "« Juré 1 » puis « Juré 2 ».",
        )
    return by_field


def _checked_json(reader: Any, first: Any, referential: Referential) -> tuple[dict[str, Any], bytes]:
    """The JSON the first signature covers; it must be the document's current one, and valid."""
    try:
        signed = embedded_json(reader.get_historical_root(first.signed_revision))
        current = embedded_json(reader.root)
    except ResultFormatError as exc:
        raise SheetRejected("json_invalid", exc.message) from exc
    if signed is None:
        raise SheetRejected(
            "json_missing", f"La feuille ne contient pas {FILE_NAME} sous la première signature."
        )
    if current != signed:
        raise SheetRejected("modified", f"{FILE_NAME} a été modifié après la première signature.")
    try:
        result = from_bytes(signed)
        validate_result(result, referential)
    except ResultFormatError as exc:
        detail = f" ({exc.details[0]})" if exc.details else ""
        raise SheetRejected("json_invalid", f"{exc.message.rstrip('.')}{detail}.") from exc
    return result, signed
