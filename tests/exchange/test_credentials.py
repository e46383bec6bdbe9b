"""Campaign authority and jurors' credentials: real keys, real PKCS#12 files, always encrypted."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.credentials import CredentialError

NOW = datetime(2017, 1, 9, 9, 0, tzinfo=UTC)
AUTHORITY_PASS = "autorité : phrase longue"
JUROR_PASS = "phrase du juré « un »"


@pytest.fixture
def authority_files(tmp_path):
    return credentials.init_authority(
        tmp_path / "autorite", "Autorité C2i2e Grenoble 2017", AUTHORITY_PASS, now=NOW
    )


@pytest.fixture
def juror_file(authority_files, tmp_path):
    out = tmp_path / "jure1.p12"
    credentials.issue_credential_file(
        authority_files.p12,
        AUTHORITY_PASS,
        "Benoît Œhlenschläger",
        "benoit@example.fr",
        out,
        JUROR_PASS,
        now=NOW,
    )
    return out


def test_authority_is_a_ca_that_signs_only_certificates(authority_files):
    cert = x509.load_pem_x509_certificate(authority_files.pem.read_bytes())
    constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert constraints.critical
    assert constraints.value.ca
    assert usage.key_cert_sign
    assert usage.crl_sign
    assert not usage.digital_signature
    assert not usage.content_commitment
    assert cert.issuer == cert.subject
    assert credentials.common_name(cert) == "Autorité C2i2e Grenoble 2017"
    assert cert.not_valid_after_utc - NOW > timedelta(days=365 * 9)
    assert (
        authority_files.fingerprint
        == hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
    )


def test_juror_credential_is_what_a_signature_validator_expects(authority_files, juror_file):
    juror = credentials.load_credential(juror_file, JUROR_PASS)
    authority = x509.load_pem_x509_certificate(authority_files.pem.read_bytes())
    cert = juror.certificate
    cert.verify_directly_issued_by(authority)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature
    assert usage.value.content_commitment
    assert not usage.value.key_cert_sign
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert credentials.DOCUMENT_SIGNING in eku
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in eku
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.RFC822Name) == ["benoit@example.fr"]
    assert juror.name == "Benoît Œhlenschläger"
    assert cert.not_valid_before_utc <= NOW
    assert cert.not_valid_after_utc - NOW > timedelta(days=365 * 4)  # the campaign and a few years
    assert cert.not_valid_after_utc <= authority.not_valid_after_utc
    assert juror.chain == (authority,)


def test_keys_are_never_written_unencrypted(authority_files, juror_file):
    for path in (authority_files.p12, juror_file):
        data = path.read_bytes()
        with pytest.raises(ValueError):
            pkcs12.load_key_and_certificates(data, None)
        with pytest.raises(ValueError):
            pkcs12.load_key_and_certificates(data, b"")
        assert b"PRIVATE KEY" not in data
        for bag_algorithm in _bag_algorithms(data):
            assert bag_algorithm == ("pbes2", "aes", 32)  # PBES2, AES-256
    assert b"PRIVATE" not in authority_files.pem.read_bytes()
    juror = credentials.load_credential(juror_file, JUROR_PASS)
    secret = juror.key.private_numbers().private_value.to_bytes(32, "big")
    assert secret not in juror_file.read_bytes()
    # beside it, only its public certificate and the authority's (issue 12: read before the passphrase)
    assert sorted(p.name for p in juror_file.parent.iterdir()) == ["autorite", "jure1.crt.pem", "jure1.p12"]
    public = juror_file.with_name("jure1.crt.pem").read_bytes()
    assert b"PRIVATE" not in public and secret not in public
    assert credentials.load_certificates(public, "jure1.crt.pem") == [juror.certificate, *juror.chain]


def _bag_algorithms(data: bytes) -> list[tuple[str, str, int]]:
    """The encryption of every encrypted part of a PKCS#12 file (the key bag and the certificates)."""
    found = []
    pfx = asn1_pkcs12.Pfx.load(data)
    for content_info in pfx.authenticated_safe:
        if content_info["content_type"].native == "encrypted_data":
            algorithm = content_info["content"]["encrypted_content_info"]["content_encryption_algorithm"]
            found.append((algorithm["algorithm"].native, algorithm.encryption_cipher, algorithm.key_length))
            continue
        for bag in asn1_pkcs12.SafeContents.load(content_info["content"].native):
            if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                algorithm = bag["bag_value"]["encryption_algorithm"]
                found.append(
                    (algorithm["algorithm"].native, algorithm.encryption_cipher, algorithm.key_length)
                )
            assert bag["bag_id"].native != "key_bag", "an unencrypted key bag"
    assert found
    return found


def test_wrong_authority_passphrase_writes_nothing(authority_files, tmp_path):
    out = tmp_path / "jure2.p12"
    with pytest.raises(CredentialError) as info:
        credentials.issue_credential_file(
            authority_files.p12, "pas la bonne", "Zoé Mäkelä", "zoe@example.fr", out, JUROR_PASS
        )
    assert str(info.value) == "Phrase de passe incorrecte pour authority.p12."
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_existing_files_are_never_overwritten(authority_files, juror_file):
    before = juror_file.read_bytes()
    with pytest.raises(CredentialError, match="existe déjà"):
        credentials.issue_credential_file(
            authority_files.p12, AUTHORITY_PASS, "Autre", "autre@example.fr", juror_file, JUROR_PASS
        )
    assert juror_file.read_bytes() == before
    with pytest.raises(CredentialError, match="existe déjà"):
        credentials.init_authority(authority_files.p12.parent, "Encore", AUTHORITY_PASS)


def test_only_an_authority_issues_credentials(juror_file, tmp_path):
    with pytest.raises(CredentialError, match="n'est pas une autorité de campagne"):
        credentials.issue_credential_file(
            juror_file, JUROR_PASS, "Zoé", "zoe@example.fr", tmp_path / "z.p12", JUROR_PASS
        )
    assert not (tmp_path / "z.p12").exists()


def test_bad_name_or_email_is_refused(authority_files, tmp_path):
    with pytest.raises(CredentialError, match="Adresse électronique invalide"):
        credentials.issue_credential_file(
            authority_files.p12, AUTHORITY_PASS, "Zoé", "zoe", tmp_path / "z.p12", JUROR_PASS
        )
    with pytest.raises(CredentialError, match="nom du titulaire est vide"):
        credentials.issue_credential_file(
            authority_files.p12, AUTHORITY_PASS, "  ", "z@example.fr", tmp_path / "z.p12", JUROR_PASS
        )
    assert not (tmp_path / "z.p12").exists()


def test_empty_passphrase_is_refused(authority_files, tmp_path):
    with pytest.raises(CredentialError, match="ne peut pas être vide"):
        credentials.issue_credential_file(
            authority_files.p12, AUTHORITY_PASS, "Zoé", "zoe@example.fr", tmp_path / "z.p12", ""
        )
    assert not (tmp_path / "z.p12").exists()


def test_change_passphrase_and_the_old_one_stops_working(juror_file):
    before = credentials.load_credential(juror_file, JUROR_PASS)
    credentials.change_passphrase(juror_file, JUROR_PASS, "nouvelle phrase, plus longue")
    after = credentials.load_credential(juror_file, "nouvelle phrase, plus longue")
    assert after.fingerprint == before.fingerprint
    assert after.key.private_numbers() == before.key.private_numbers()
    with pytest.raises(CredentialError, match="Phrase de passe incorrecte pour jure1.p12"):
        credentials.load_credential(juror_file, JUROR_PASS)


def test_change_passphrase_with_a_wrong_old_one_changes_nothing(juror_file):
    before = juror_file.read_bytes()
    with pytest.raises(CredentialError, match="Phrase de passe incorrecte"):
        credentials.change_passphrase(juror_file, "pas la bonne", "nouvelle phrase")
    assert juror_file.read_bytes() == before
    assert sorted(p.name for p in juror_file.parent.iterdir()) == [
        "autorite",
        "jure1.crt.pem",
        "jure1.p12",
    ]  # no temporary left


def test_unreadable_files_are_clear_errors(tmp_path):
    with pytest.raises(CredentialError, match="Impossible de lire"):
        credentials.load_credential(tmp_path / "absent.p12", "x")
    garbage = tmp_path / "garbage.p12"
    garbage.write_bytes(b"not a pkcs12")
    with pytest.raises(CredentialError, match="garbage.p12 n.est pas un fichier de certificat de signature"):
        credentials.load_credential(garbage, "x")
    with pytest.raises(CredentialError, match="pas de certificat lisible"):
        credentials.load_certificates(
            b"-----BEGIN CERTIFICATE-----\nxx\n-----END CERTIFICATE-----\n", "a.pem"
        )


def test_certificates_load_from_pem_and_der(authority_files):
    pem = authority_files.pem.read_bytes()
    (from_pem,) = credentials.load_certificates(pem, "authority.pem")
    (from_der,) = credentials.load_certificates(
        from_pem.public_bytes(serialization.Encoding.DER), "authority.der"
    )
    assert (
        credentials.fingerprint(from_pem) == credentials.fingerprint(from_der) == authority_files.fingerprint
    )


def test_a_file_that_is_no_credential_is_not_called_a_wrong_passphrase(tmp_path):
    """A PDF, a certificate (.pem) or an empty file chosen by mistake: the juror is told to choose the right file,
    not to retype a passphrase that was right."""
    authority = credentials.create_authority("Autorité")
    juror = credentials.issue_credential(authority, "Claire Martin", "c@example.fr")
    for name, data in (
        ("sheet.pdf", b"%PDF-1.7\n..."),
        ("claire.pem", credentials.certificate_pem(juror.certificate)),
        ("empty.p12", b""),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(
            credentials.CredentialError, match="n'est pas un fichier de certificat de signature"
        ):
            credentials.load_credential(path, "phrase")
    good = tmp_path / "claire.p12"
    good.write_bytes(credentials.to_pkcs12(juror, "phrase"))
    with pytest.raises(credentials.CredentialError, match="Phrase de passe incorrecte"):
        credentials.load_credential(good, "autre")
    assert credentials.load_credential(good, "phrase").name == "Claire Martin"


def test_a_wrong_passphrase_is_recognised_by_its_type(tmp_path):
    """The UI asks the passphrase again on :class:`WrongPassphrase` only, whatever the sentence says; a file that
    is no credential is a plain :class:`CredentialError`."""
    juror = credentials.issue_credential(
        credentials.create_authority("Autorité"), "Claire Martin", "c@example.fr"
    )
    good = tmp_path / "claire.p12"
    good.write_bytes(credentials.to_pkcs12(juror, "phrase"))
    with pytest.raises(credentials.WrongPassphrase):
        credentials.load_credential(good, "autre")
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(b"%PDF-1.7\n...")
    with pytest.raises(CredentialError) as refused:
        credentials.load_credential(pdf, "phrase")
    assert not isinstance(refused.value, credentials.WrongPassphrase)
