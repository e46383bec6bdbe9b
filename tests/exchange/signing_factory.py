"""Real credentials and real signed sheets for the tests (no mocks): an authority, two jurors, an outsider."""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.result_json import to_bytes
from c2i2e_jury.exchange.sheet_pdf import render_sheet
from c2i2e_jury.exchange.signatures import sign_sheet
from tests.exchange.result_examples import example_result

PARIS_SUMMER = timezone(timedelta(hours=2))
ISSUED = datetime(2017, 1, 9, 9, 0, tzinfo=UTC)
SIGNED_AT = (
    datetime(2017, 6, 12, 14, 41, 5, tzinfo=PARIS_SUMMER),
    datetime(2017, 6, 12, 14, 42, 30, tzinfo=PARIS_SUMMER),
)
PASSPHRASES = ("Jury-de-Grenoble «1» œuvre", "deuxième juré, phrase sûre")
AUTHORITY_PASSPHRASE = "autorité de campagne 2017"


@dataclass(frozen=True)
class Pki:
    authority: Credential
    authority_p12: Path
    authority_pem: Path
    jurors: tuple[Credential, Credential]
    juror_p12: tuple[Path, Path]

    def juror_entries(self) -> list[dict[str, str]]:
        return [{"name": j.name, "fingerprint": j.fingerprint} for j in self.jurors]


def make_pki(
    folder: Path,
    authority_name: str = "Autorité C2i2e Grenoble 2017",
    names: tuple[str, str] = ("Benoît Œhlenschläger", "Zoé Mäkelä-Garçon"),
) -> Pki:
    folder.mkdir(parents=True, exist_ok=True)
    authority = credentials.create_authority(authority_name, now=ISSUED)
    authority_p12, authority_pem = folder / "authority.p12", folder / "authority.pem"
    authority_p12.write_bytes(credentials.to_pkcs12(authority, AUTHORITY_PASSPHRASE))
    authority_pem.write_bytes(credentials.certificate_pem(authority.certificate))
    jurors = []
    paths = []
    for i, name in enumerate(names):
        juror = credentials.issue_credential(authority, name, f"jure{i + 1}@example.fr", now=ISSUED)
        path = folder / f"jure{i + 1}.p12"
        path.write_bytes(credentials.to_pkcs12(juror, PASSPHRASES[i]))
        jurors.append(juror)
        paths.append(path)
    return Pki(authority, authority_p12, authority_pem, (jurors[0], jurors[1]), (paths[0], paths[1]))


def sheet_result(referential: Any, pki: Pki, **kwargs: Any) -> dict[str, Any]:
    return example_result(referential, pki.juror_entries(), **kwargs)


def sign_both(pdf: bytes, pki: Pki) -> bytes:
    once = sign_sheet(pdf, pki.juror_p12[0], PASSPHRASES[0], "Juré 1", timestamp=SIGNED_AT[0])
    return sign_sheet(once, pki.juror_p12[1], PASSPHRASES[1], "Juré 2", timestamp=SIGNED_AT[1])


def signed_sheet(
    referential: Any, pki: Pki, result: dict[str, Any] | None = None
) -> tuple[bytes, dict[str, Any]]:
    result = result if result is not None else sheet_result(referential, pki)
    return sign_both(render_sheet(result, referential), pki), result


def replace_embedded_json(pdf: bytes, result: dict[str, Any] | bytes) -> bytes:
    """An incremental update that swaps the embedded c2i2e-result.json for another one (a forger's move)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    data = result if isinstance(result, bytes) else to_bytes(result)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec_ref = names.raw_get(1)
    spec = spec_ref.get_object()
    stream = EmbeddedFileObject.from_file_data(
        writer, data, mime_type="application/json", params=EmbeddedFileParams()
    )
    spec["/EF"] = generic.DictionaryObject(
        {generic.pdf_name("/F"): stream.ef_stream_ref, generic.pdf_name("/UF"): stream.ef_stream_ref}
    )
    writer.mark_update(spec_ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def first_revision_end(pdf: bytes) -> int:
    """Where the first signature's revision ends: stripping what follows removes the second signature."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    first = sorted(
        PdfFileReader(io.BytesIO(pdf)).embedded_regular_signatures, key=lambda s: s.signed_revision
    )[0]
    _, _, start, length = first.byte_range
    return int(start + length)


def signed_range(pdf: bytes) -> list[tuple[int, int]]:
    """The byte ranges the last signature covers (all of the file but its own /Contents)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    last = sorted(
        PdfFileReader(io.BytesIO(pdf)).embedded_regular_signatures, key=lambda s: s.signed_revision
    )[-1]
    a, la, b, lb = last.byte_range
    return [(a, a + la), (b, b + lb)]


def _tsa() -> tuple[object, object]:
    """A throw-away timestamping authority (asn1crypto certificate and key) for pyHanko's dummy timestamper."""
    from asn1crypto import keys
    from asn1crypto import x509 as asn1_x509

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's dummy TSA is RSA-only
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Horodatage d'archive (test)")])
    now = datetime(2017, 1, 1, tzinfo=UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return (
        asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        keys.PrivateKeyInfo.load(der_key),
    )


def archived_copy(pdf: bytes) -> bytes:
    """``pdf`` with a DSS (the authority's certificate) and a document timestamp appended, as an archive does."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    tsa_cert, tsa_key = _tsa()
    with_dss = io.BytesIO(pdf)
    reader_certs = [tsa_cert]
    DocumentSecurityStore.add_dss(with_dss, sig_contents=None, certs=reader_certs, force_write=True)
    writer = IncrementalPdfFileWriter(io.BytesIO(with_dss.getvalue()))
    stamper = signers.PdfTimeStamper(
        DummyTimeStamper(tsa_cert, tsa_key, fixed_dt=datetime(2017, 7, 1, tzinfo=UTC))
    )
    out = io.BytesIO()
    asyncio.run(stamper.async_timestamp_pdf(writer, "sha256", output=out))
    return out.getvalue()
