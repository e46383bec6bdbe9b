"""Certificates for the demo package's juries and president (real ones, issued once by a real authority), and
the ways their PEM files arrive damaged: bag attributes as OpenSSL exports them (with accents), DER instead of
PEM, a private key instead, two certificates, truncation, garbage."""

from __future__ import annotations

import random
from functools import cache

JURORS = (
    ("J1", "Catherine Roux"),
    ("J1", "Sylvie Morel"),
    ("J2", "Olivier Garnier"),
    ("J2", "Paul Blanc"),
    ("president", "Hélène Faure"),
)
JURORS_HEADER = "jury;name;email;certificate\r\n" + "".join(
    f"{jury};{name};j{i}@exemple.fr;certs/j{i}.pem\r\n" for i, (jury, name) in enumerate(JURORS)
)


@cache
def _sound() -> dict[str, bytes]:
    from cryptography.hazmat.primitives import serialization

    from c2i2e_jury.exchange.credentials import certificate_pem, create_authority, issue_credential

    authority = create_authority("Autorité C2i2e de test")
    files = {"authority.pem": certificate_pem(authority.certificate)}
    for i, (_, name) in enumerate(JURORS):
        credential = issue_credential(authority, name, f"j{i}@exemple.fr")
        files[f"certs/j{i}.pem"] = certificate_pem(credential.certificate)
        files[f"keys/j{i}.key"] = credential.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    return files


def _damaged(pem: bytes, key: bytes, rng: random.Random) -> tuple[str, bytes]:
    import base64

    body = b"".join(pem.split(b"\n")[1:-2])
    return rng.choice(
        (
            (
                "bag attributes",
                b"Bag Attributes\n    friendlyName: H\xc3\xa9l\xc3\xa8ne Faure\n    localKeyID: 01 02\n"
                b"subject=/CN=H\xe9l\xe8ne\n" + pem,
            ),
            ("ascii bag attributes", b"Bag Attributes\n    friendlyName: juror\n" + pem),
            ("der", base64.b64decode(body)),
            ("private key", key),
            ("two certificates", pem + pem),
            ("truncated", pem[: rng.randrange(len(pem))]),
            ("garbage", rng.randbytes(300)),
            ("latin-1 trailer", pem + b"\xe9t\xe9\n"),
            ("crlf", pem.replace(b"\n", b"\r\n")),
            ("empty", b""),
            ("nul", pem.replace(b"\n", b"\x00\n", 3)),
        )
    )


def pem_files(rng: random.Random) -> tuple[dict[str, bytes], str]:
    """The authority's and the jurors' PEM files, one of them damaged (or none): (files, what)."""
    files = {name: data for name, data in _sound().items() if not name.startswith("keys/")}
    if rng.random() < 0.2:
        return files, "sound"
    name = rng.choice(sorted(files))
    key = _sound()["keys/j0.key"]
    what, files[name] = _damaged(files[name], key, rng)
    return files, f"{name}: {what}"
