"""Certificates and partial attestations as signed statements, with a verification code short enough to type.

What "checked offline" means here. A document is a *statement* (campaign, candidate, kind, validated items with
the year of each, date of the jury's decision, who signed) in canonical JSON, signed (ECDSA P-256) by the
certification jury president's credential, which the campaign authority issued (docs/FORMATS.md §3.2). The
verification code ``C2I2E-2017-XXXX-XXXX`` is the year and 40 bits of SHA-256 over the statement alone, in
Crockford's base 32 (no I, L, O, U: typed back without ambiguity). The code names *what was signed*, never the
signature's bytes: an ECDSA signature ``(r, s)`` has a twin ``(r, n - s)`` anyone can compute without the key, so
a code drawn from the signature gave a revoked document a fresh, unknown code. Signatures are moreover made and
accepted only in their canonical form (low s, as Bitcoin's BIP 62 does), so that a statement has one signature
per signing, not two. So:

- the code, typed in: the program finds it in its register of issued documents (no network), recomputes it
  from the stored statement, checks the signature and the signer's chain to the campaign authority, and says
  whether the document was revoked (annulment for plagiarism, a later decision). A row slipped into the
  database without the president's key does not verify;
- the PDF itself is signed (PAdES, the whole file) by the president and carries the statement, its signature
  and the signer's certificate as an attached file (``c2i2e-document.json``): it verifies against the campaign
  authority's certificate alone (``authority.pem``), its pages must state what the statement says
  (:mod:`certificate_reading`), and the code printed on it must be the statement's. Revocation, and whether
  the signer is the president the campaign designated, are known only to the database.

Documents issued before codes were drawn from the statement alone keep their code in the register
(:func:`legacy_code`): they are found by it, and their PDF, which carries no PAdES signature, verifies only
against the register that holds its exact statement and signature.

A 40-bit code makes guessing hopeless (one chance in 10^8 for a campaign of 5,000 documents); a typo gives an
unknown code, never somebody else's.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import Credential, certificate_pem, common_name

log = logging.getLogger(__name__)

FORMAT = "c2i2e-document/1"
ATTACHMENT = "c2i2e-document.json"
KIND_TITLES = {"certificate": "Certificat C2i2e", "attestation": "Attestation de compétences C2i2e"}
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"})
# The order n of the group of each curve credentials use (P-256 only): (r, s) is canonical when s <= n / 2.
_ORDERS = {"secp256r1": 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551}
_CODE = re.compile(r"C2I2E-?(\d{4})-?([0-9A-HJKMNP-TV-Z]{4})-?([0-9A-HJKMNP-TV-Z]{4})")


class DocumentRefused(UserError):
    """A code or a document that does not verify; ``reason`` is a short key for scripts."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Statement:
    """What a certificate or an attestation says; ``items`` are (item, year validated) in referential order."""

    kind: str
    campaign_id: str
    campaign_title: str
    year: int
    candidate_id: str
    last_name: str
    first_name: str
    items: tuple[tuple[str, int], ...]
    decided_on: date
    issued_at: datetime
    signer: str

    @property
    def title(self) -> str:
        return KIND_TITLES[self.kind]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name.upper()}"

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "kind": self.kind,
            "campaign": {"id": self.campaign_id, "title": self.campaign_title, "year": self.year},
            "candidate": {
                "id": self.candidate_id,
                "last_name": self.last_name,
                "first_name": self.first_name,
            },
            "items": [{"item": item, "year": year} for item, year in self.items],
            "validated": len(self.items),
            "decided_on": self.decided_on.isoformat(),
            "issued_at": self.issued_at.isoformat(),
            "signer": self.signer,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Statement:
        try:
            if data["format"] != FORMAT or data["kind"] not in KIND_TITLES:
                raise ValueError("format or kind")
            campaign, candidate = data["campaign"], data["candidate"]
            items = tuple((str(entry["item"]), int(entry["year"])) for entry in data["items"])
            return cls(
                str(data["kind"]),
                str(campaign["id"]),
                str(campaign["title"]),
                int(campaign["year"]),
                str(candidate["id"]),
                str(candidate["last_name"]),
                str(candidate["first_name"]),
                items,
                date.fromisoformat(data["decided_on"]),
                datetime.fromisoformat(data["issued_at"]),
                str(data["signer"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DocumentRefused("malformed", "Le contenu signé du document est illisible.") from exc


def canonical(statement: Statement) -> bytes:
    """The exact bytes signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(statement.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class SignedDocument:
    payload: bytes
    signature: bytes
    signer_pem: str

    @property
    def statement(self) -> Statement:
        try:
            data = json.loads(self.payload)
        except ValueError as exc:
            raise DocumentRefused("malformed", "Le contenu signé du document est illisible.") from exc
        return Statement.from_json(data)

    @property
    def code(self) -> str:
        return make_code(self.statement.year, self.payload)

    @property
    def legacy_code(self) -> str:
        """The code this document had if it was issued before codes were drawn from the statement alone."""
        return legacy_code(self.statement.year, self.payload, self.signature)

    def attachment(self) -> bytes:
        """The file attached to the PDF: everything needed to verify it without the database."""
        return json.dumps(
            {
                "format": FORMAT,
                "statement": self.payload.decode("utf-8"),
                "signature": base64.b64encode(self.signature).decode("ascii"),
                "signer": self.signer_pem,
            },
            ensure_ascii=False,
            indent=1,
        ).encode("utf-8")

    @classmethod
    def from_attachment(cls, data: bytes) -> SignedDocument:
        try:
            parsed = json.loads(data)
            return cls(
                parsed["statement"].encode("utf-8"),
                base64.b64decode(parsed["signature"], validate=True),
                str(parsed["signer"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DocumentRefused("malformed", f"{ATTACHMENT} est illisible.") from exc


def make_code(year: int, payload: bytes) -> str:
    """The code of a signed statement: drawn from what was signed, so no one can mint another without the key."""
    return _code(year, hashlib.sha256(payload).digest())


def legacy_code(year: int, payload: bytes, signature: bytes) -> str:
    """The code of a document issued before 0006 (statement and signature hashed together): only ever looked up
    in the register, never trusted from a PDF alone (see the module's docstring)."""
    return _code(year, hashlib.sha256(payload + signature).digest())


def _code(year: int, digest: bytes) -> str:
    value = int.from_bytes(digest[:5], "big")
    chars = "".join(_ALPHABET[(value >> shift) & 31] for shift in range(35, -1, -5))
    return f"C2I2E-{year}-{chars[:4]}-{chars[4:]}"


def normalise_code(text: str) -> str | None:
    """The code as printed, from what a person typed (case, spaces, O for 0, I or L for 1); None if not a code."""
    cleaned = re.sub(r"[\s_.]", "", text.upper()).translate(_TYPOS).replace("C212E", "C2I2E")
    match = _CODE.fullmatch(cleaned)
    return f"C2I2E-{match[1]}-{match[2]}-{match[3]}" if match else None


def sign(statement: Statement, credential: Credential) -> SignedDocument:
    if statement.signer != credential.name:
        raise ValueError("the statement names another signer than the credential")
    payload = canonical(statement)
    signature = canonical_signature(
        credential.key.sign(payload, ec.ECDSA(hashes.SHA256())), credential.key.curve
    )
    return SignedDocument(payload, signature, certificate_pem(credential.certificate).decode("ascii"))


def _order(curve: ec.EllipticCurve) -> int:
    order = _ORDERS.get(curve.name)
    if order is None:
        raise DocumentRefused("unknown_signer", f"Courbe de signature inattendue ({curve.name}).")
    return order


def canonical_signature(signature: bytes, curve: ec.EllipticCurve) -> bytes:
    """The low-s twin of a DER ECDSA signature (OpenSSL returns either at random): one signature per signing."""
    r, s = decode_dss_signature(signature)
    order = _order(curve)
    return signature if s <= order // 2 else encode_dss_signature(r, order - s)


def is_canonical(signature: bytes, curve: ec.EllipticCurve) -> bool:
    """Whether a DER ECDSA signature is in its low-s form (False also for what is not a DER signature)."""
    try:
        _r, s = decode_dss_signature(signature)
    except ValueError:
        return False
    return s <= _order(curve) // 2


def _issued_by(certificate: x509.Certificate, roots: Sequence[x509.Certificate]) -> bool:
    for root in roots:
        try:
            certificate.verify_directly_issued_by(root)
            return True
        except (ValueError, TypeError, InvalidSignature):
            continue
    return False


def verify(document: SignedDocument, roots: Sequence[x509.Certificate], *, legacy: bool = False) -> Statement:
    """The statement, once its signature (canonical: low s), its signer and the signer's chain to ``roots`` check
    out. ``legacy``: a document the register issued before 0006, whose signature may be high-s; the caller has
    matched it byte for byte with the register's row."""
    try:
        signer = x509.load_pem_x509_certificate(document.signer_pem.encode("ascii"))
    except ValueError as exc:
        raise DocumentRefused("malformed", "Le certificat du signataire est illisible.") from exc
    statement = document.statement
    if not _issued_by(signer, roots):
        raise DocumentRefused(
            "unknown_signer", "Le signataire n'a pas été certifié par l'autorité de la campagne."
        )
    try:
        constraints = signer.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        constraints = None
    if constraints is None or constraints.ca:
        raise DocumentRefused(
            "unknown_signer",
            "Le document n'est pas signé par une personne (certificat d'autorité ou sans contrainte).",
        )
    if not signer.not_valid_before_utc <= statement.issued_at <= signer.not_valid_after_utc:
        raise DocumentRefused(
            "expired", "Le certificat du signataire n'était pas valable à la date d'émission."
        )
    public = signer.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey):
        raise DocumentRefused("unknown_signer", "Clé de signature d'un type inattendu.")
    try:
        public.verify(document.signature, document.payload, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as exc:
        raise DocumentRefused(
            "forged", "La signature ne correspond pas au contenu : document falsifié."
        ) from exc
    if not legacy and not is_canonical(document.signature, public.curve):
        raise DocumentRefused(
            "forged",
            "La signature du document n'est pas sous sa forme canonique (s haut) : "
            "elle a été recalculée sans la clé du président, document refusé.",
        )
    if statement.signer != common_name(signer):
        raise DocumentRefused("forged", "Le nom du signataire ne correspond pas à son certificat.")
    return statement


def describe(statement: Statement, code: str) -> list[str]:
    """What a verification prints: who, what, when, by whom (French)."""
    what = (
        "Certificat C2i2e délivré"
        if statement.kind == "certificate"
        else "Attestation de compétences C2i2e (validation partielle) délivrée"
    )
    items = ", ".join(
        item if year == statement.year else f"{item} ({year})" for item, year in statement.items
    )
    return [
        f"{code} : {what} à {statement.full_name} (n° {statement.candidate_id}).",
        f"Campagne : {statement.campaign_title} ({statement.campaign_id}).",
        f"Compétences validées : {len(statement.items)} sur 28 — {items}.",
        f"Décision du jury de certification du {statement.decided_on:%d/%m/%Y}, signée par {statement.signer}.",
    ]
