"""A credential's files on disk (docs/FORMATS.md §3.2): the encrypted PKCS#12 and, beside it, its public certificate
``NAME.crt.pem``, so that the program knows whose credential a file is before anyone types a passphrase.

Our PKCS#12 encrypts the certificates with the key (PBES2 / AES-256): without the passphrase nothing in it can be
read. The jury room must yet turn down the wrong file at once — the campaign authority's, the president's, a
juror of another jury, a revoked or expired certificate — instead of after a passphrase typed for nothing. So every
credential written by the program leaves its certificate (and the authority's above it) in the clear beside it;
it is public by nature (it is in the campaign package, and in every signed sheet). A file from before, without
its ``.crt.pem``, still works: it is checked once opened, as it always was. What the ``.crt.pem`` says is a
hint, never trusted: the certificate inside the PKCS#12 is checked again once opened, and it is the one that signs.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from cryptography import x509

from c2i2e_jury.exchange.credentials import (
    AUTHORITY_P12,
    AUTHORITY_PEM,
    Credential,
    CredentialError,
    certificate_pem,
    load_certificates,
    to_pkcs12,
    write_atomically,
)

log = logging.getLogger(__name__)

CERTIFICATE_SUFFIX = ".crt.pem"
MAX_CERTIFICATE_FILE = 64 * 1024  # a certificate and its authority take about 1.5 KiB


class Certified(Protocol):
    """Whatever shows a signer's certificate: a decrypted :class:`Credential`, or a credential whose key is held
    by another process (the signing worker's); all that the checks before signing read."""

    @property
    def certificate(self) -> x509.Certificate: ...
    @property
    def name(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...


def certificate_beside(p12: Path | str) -> Path:
    """Where a credential's public certificate is written: ``jure1.p12`` → ``jure1.crt.pem``."""
    path = Path(p12)
    return path.with_name(path.stem + CERTIFICATE_SUFFIX)


def write_credential(
    path: Path | str, credential: Credential, passphrase: str, *, overwrite: bool = False
) -> None:
    """The encrypted PKCS#12 at ``path``, then its certificate and chain in the clear beside it (replacing a stale
    one: the PKCS#12 is the one that counts)."""
    path = Path(path)
    write_atomically(path, to_pkcs12(credential, passphrase), overwrite=overwrite)
    chain = b"".join(certificate_pem(c) for c in (credential.certificate, *credential.chain))
    write_atomically(certificate_beside(path), chain, overwrite=True)


def peek_certificate(p12: Path | str) -> x509.Certificate | None:
    """The certificate a credential file holds, read without its passphrase from the ``.crt.pem`` beside it (or,
    for ``authority.p12``, the ``authority.pem`` that ``authority init`` writes with it); None when there is none
    or it cannot be read (an older credential: it is checked once opened)."""
    path = Path(p12)
    candidates = [certificate_beside(path)]
    if path.name.casefold() == AUTHORITY_P12:
        candidates.append(path.with_name(AUTHORITY_PEM))
    for candidate in candidates:
        try:
            if not candidate.is_file() or candidate.stat().st_size > MAX_CERTIFICATE_FILE:
                continue
            return load_certificates(candidate.read_bytes(), candidate.name)[0]
        except (OSError, CredentialError, IndexError) as exc:
            log.info("no readable certificate in %s: %r", candidate, exc)
    return None


def is_authority(certificate: x509.Certificate) -> bool:
    """A certificate authority's certificate (basic constraints CA): it certifies signers, it signs nothing."""
    try:
        return certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        return False


class PeekedCertificate:
    """A credential file's certificate read from beside it, shown to the checks as if the credential were open."""

    def __init__(self, certificate: x509.Certificate) -> None:
        from c2i2e_jury.exchange.credentials import common_name, fingerprint

        self.certificate = certificate
        self.name = common_name(certificate)
        self.fingerprint = fingerprint(certificate)
