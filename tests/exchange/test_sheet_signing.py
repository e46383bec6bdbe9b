"""The result sheet end to end, on real PDFs and real signatures: create, sign twice, verify, and tamper."""

from __future__ import annotations

import copy
import hashlib
import io
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from c2i2e_jury.exchange.credentials import CredentialError
from c2i2e_jury.exchange.pades import sign_field
from c2i2e_jury.exchange.result_json import FILE_NAME, outcome_json, situation_of, to_bytes
from c2i2e_jury.exchange.sheet_pdf import SIGNATURE_FIELDS, render_sheet
from c2i2e_jury.exchange.signatures import (
    SheetRejected,
    SheetSigningError,
    sign_sheet,
    sign_sheet_with,
    verify_sheet,
)
from tests.exchange.result_examples import example_result
from tests.exchange.signing_factory import (
    PASSPHRASES,
    SIGNED_AT,
    first_revision_end,
    make_pki,
    replace_embedded_json,
    sheet_result,
    sign_both,
    signed_range,
    signed_sheet,
)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def outsider(tmp_path_factory):
    """Another campaign's authority and jurors: valid credentials, wrong authority."""
    return make_pki(
        tmp_path_factory.mktemp("other"), "Autorité d'une autre campagne", ("Intrus Un", "Intrus Deux")
    )


@pytest.fixture(scope="module")
def signed(referential, pki):
    return signed_sheet(referential, pki)


def rejected(pdf, pki, referential) -> SheetRejected:
    with pytest.raises(SheetRejected) as info:
        verify_sheet(pdf, [pki.authority.certificate], referential)
    return info.value


def with_b43_validated(result):
    """The same sheet with one more item validated by the jury, consistent with the rules (valid on its own)."""
    forged = copy.deepcopy(result)
    b43 = next(e for e in forged["items"] if e["item"] == "B4.3")
    b43["jury"], b43["comment"] = "V", ""
    b43.pop("justification", None)
    from c2i2e_jury.domain.rules import evaluate
    from c2i2e_jury.resources_access import referential

    forged["outcome"] = outcome_json(evaluate(referential(), situation_of(forged)))
    return forged


def test_create_sign_twice_verify_gives_back_the_same_decisions(signed, pki, referential):
    pdf, result = signed
    verified = verify_sheet(pdf, [pki.authority.certificate], referential)
    assert verified.result == result
    assert verified.json_bytes == to_bytes(result)
    assert [e["jury"] for e in verified.result["items"]] == [e["jury"] for e in result["items"]]
    assert verified.result["outcome"] == result["outcome"]
    assert [(s.field, s.name, s.fingerprint) for s in verified.signers] == [
        (field, j.name, j.fingerprint) for field, j in zip(SIGNATURE_FIELDS, pki.jurors, strict=True)
    ]
    assert [s.signed_at for s in verified.signers] == list(SIGNED_AT)
    assert verified.sha256 == hashlib.sha256(pdf).hexdigest()


def test_first_signature_certifies_and_allows_only_signing(signed):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import MDPPerm
    from pyhanko.sign.validation import read_certification_data

    reader = PdfFileReader(io.BytesIO(signed[0]))
    certification = read_certification_data(reader)
    assert certification is not None
    assert certification.permission is MDPPerm.FILL_FORMS
    assert [s.field_name for s in reader.embedded_regular_signatures] == list(SIGNATURE_FIELDS)
    assert all(
        s.sig_object["/SubFilter"] == "/ETSI.CAdES.detached" for s in reader.embedded_regular_signatures
    )


def test_the_json_is_an_associated_file_as_in_factur_x(signed):
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(signed[0]))
    first = sorted(reader.embedded_regular_signatures, key=lambda s: s.signed_revision)[0]
    root = reader.get_historical_root(first.signed_revision - 1)  # before the first signature
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = names[1]
    assert str(names[0]) == FILE_NAME
    assert root["/AF"][0] == spec
    assert spec["/AFRelationship"] == "/Data"
    assert spec["/UF"] == FILE_NAME
    stream = spec["/EF"]["/F"]
    assert stream["/Subtype"] == "/application/json"
    assert stream.data == to_bytes(signed[1])
    assert stream["/Params"]["/Size"] == len(stream.data)
    # A byte string that happens to decode as text comes back as a text string: compare the raw bytes.
    assert stream["/Params"]["/CheckSum"].original_bytes == hashlib.md5(stream.data).digest()
    assert "/ModDate" in stream["/Params"]


def test_an_unsigned_sheet_is_refused(pki, referential):
    pdf = render_sheet(sheet_result(referential, pki), referential)
    error = rejected(pdf, pki, referential)
    assert error.reason == "missing_signature"
    assert str(error) == "Il manque la signature « Juré 1 » : la feuille porte 0 signature sur 2."


def test_stripping_the_last_signature_is_refused(signed, pki, referential):
    pdf = signed[0][: first_revision_end(signed[0])]
    error = rejected(pdf, pki, referential)
    assert error.reason == "missing_signature"
    assert "« Juré 2 »" in str(error)


def test_any_byte_changed_in_the_signed_range_is_refused(signed, pki, referential):
    pdf = signed[0]
    (start1, end1), (start2, end2) = signed_range(pdf)
    json_at = pdf.index(b"/Type /EmbeddedFile")
    positions = [start1 + 9, json_at + 60, end1 - 1, start2, end2 - 1]
    positions += list(range(start1 + 200, end1, (end1 - start1) // 12))[:12]
    for position in positions:
        tampered = bytearray(pdf)
        tampered[position] ^= 0x01
        with pytest.raises(SheetRejected) as info:
            verify_sheet(bytes(tampered), [pki.authority.certificate], referential)
        assert info.value.reason in {"modified", "unreadable", "missing_signature"}, position


def test_an_update_after_the_signatures_is_refused(signed, pki, referential):
    pdf = replace_embedded_json(signed[0], with_b43_validated(signed[1]))
    error = rejected(pdf, pki, referential)
    assert error.reason == "modified"
    assert str(error) == "La feuille a été modifiée après la dernière signature."


def test_a_json_replaced_between_the_two_signatures_is_refused(pki, referential):
    result = sheet_result(referential, pki)
    once = sign_sheet(
        render_sheet(result, referential), pki.juror_p12[0], PASSPHRASES[0], "Juré 1", timestamp=SIGNED_AT[0]
    )
    forged = replace_embedded_json(once, with_b43_validated(result))
    twice = sign_sheet(forged, pki.juror_p12[1], PASSPHRASES[1], "Juré 2", timestamp=SIGNED_AT[1])
    error = rejected(twice, pki, referential)
    assert error.reason == "modified"
    assert "« Juré 1 »" in str(error)


def test_a_json_that_differs_from_the_visible_sheet_is_refused(pki, referential):
    result = sheet_result(referential, pki)
    forged = replace_embedded_json(render_sheet(result, referential), with_b43_validated(result))
    error = rejected(sign_both(forged, pki), pki, referential)
    assert error.reason == "json_mismatch"
    assert "Compétences validées : 25 sur 28" in str(error)


def test_an_item_that_differs_from_the_visible_sheet_is_refused(pki, referential):
    result = sheet_result(referential, pki)
    forged = copy.deepcopy(result)
    a13 = next(e for e in forged["items"] if e["item"] == "A1.3")
    a13["evaluator"] = "NV"  # same outcome, another evaluator mark
    a13["justification"] = "Démontré à l'oral."
    pdf = sign_both(replace_embedded_json(render_sheet(result, referential), forged), pki)
    error = rejected(pdf, pki, referential)
    assert error.reason == "json_mismatch"
    assert "l'item A1.3 porte V / V sur la feuille, NV / V dans le JSON" in str(error)


def test_a_json_invalid_against_the_schema_is_refused(pki, referential):
    result = sheet_result(referential, pki)
    broken = copy.deepcopy(result)
    broken["status"] = "présent"
    pdf = sign_both(replace_embedded_json(render_sheet(result, referential), broken), pki)
    error = rejected(pdf, pki, referential)
    assert error.reason == "json_invalid"
    assert "schéma c2i2e-result/1" in str(error)


def test_a_sheet_without_json_cannot_be_signed(pki, referential):
    pdf = render_sheet(sheet_result(referential, pki), referential)
    emptied = replace_embedded_json(pdf, b"")
    with pytest.raises(Exception, match="JSON"):
        sign_sheet_with(emptied, pki.jurors[0], "Juré 1")


def test_a_credential_from_another_authority_is_refused(pki, outsider, referential):
    mixed = sheet_result(referential, pki)
    mixed["jurors"][1] = {"name": outsider.jurors[1].name, "fingerprint": outsider.jurors[1].fingerprint}
    once = sign_sheet(
        render_sheet(mixed, referential), pki.juror_p12[0], PASSPHRASES[0], "Juré 1", timestamp=SIGNED_AT[0]
    )
    pdf = sign_sheet(once, outsider.juror_p12[1], PASSPHRASES[1], "Juré 2", timestamp=SIGNED_AT[1])
    error = rejected(pdf, pki, referential)
    assert error.reason == "untrusted_signer"
    assert str(error) == (
        "Le signataire de « Juré 2 », Intrus Deux, n'a pas été habilité par l'autorité de la campagne."
    )


def test_a_sheet_is_checked_against_its_own_campaign_authority(signed, outsider, referential):
    with pytest.raises(SheetRejected) as info:
        verify_sheet(signed[0], [outsider.authority.certificate], referential)
    assert info.value.reason == "untrusted_signer"
    assert "« Juré 1 »" in str(info.value)


def test_a_signature_dated_outside_the_certificate_is_refused(pki, referential):
    before_issue = SIGNED_AT[0].replace(year=2016)
    pdf = render_sheet(sheet_result(referential, pki), referential)
    once = sign_sheet_with(pdf, pki.jurors[0], "Juré 1", timestamp=before_issue)
    twice = sign_sheet_with(once, pki.jurors[1], "Juré 2", timestamp=SIGNED_AT[1])
    error = rejected(twice, pki, referential)
    assert error.reason == "untrusted_signer"
    assert str(error) == (
        "Le certificat de Benoît Œhlenschläger (« Juré 1 ») n'était pas valide à la date de "
        "signature (12/06/2016)."
    )


def test_the_authority_itself_cannot_sign_a_sheet(pki, referential):
    import asyncio

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    result = sheet_result(referential, pki)
    result["jurors"][0] = {"name": pki.authority.name, "fingerprint": pki.authority.fingerprint}
    pdf = render_sheet(result, referential)
    once = asyncio.run(
        sign_field(
            IncrementalPdfFileWriter(io.BytesIO(pdf)),
            pki.authority,
            "Juré 1",
            SIGNED_AT[0],
            reason="Juré 1 — feuille de résultat C2i2e",
            certify=True,
            allow_form_filling=True,
        )
    )
    error = rejected(sign_sheet_with(once, pki.jurors[1], "Juré 2", timestamp=SIGNED_AT[1]), pki, referential)
    assert error.reason == "untrusted_signer"
    assert "ne permet pas de signer des documents" in str(error)


def test_the_signer_must_be_the_juror_the_sheet_names(pki, referential):
    pdf = render_sheet(sheet_result(referential, pki), referential)
    with pytest.raises(SheetSigningError, match="pas celui de Benoît Œhlenschläger"):
        sign_sheet_with(pdf, pki.jurors[1], "Juré 1")


def test_a_signature_by_another_juror_of_the_authority_is_refused(pki, referential):
    """Forged without our signer's own check: the verifier still compares signers with the named jurors."""
    import asyncio

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf = render_sheet(sheet_result(referential, pki), referential)
    once = asyncio.run(
        sign_field(
            IncrementalPdfFileWriter(io.BytesIO(pdf)),
            pki.jurors[1],
            "Juré 1",
            SIGNED_AT[0],
            reason="Juré 1 — feuille de résultat C2i2e",
            certify=True,
            allow_form_filling=True,
        )
    )
    twice = sign_sheet_with(once, pki.jurors[1], "Juré 2", timestamp=SIGNED_AT[1])
    error = rejected(twice, pki, referential)
    assert error.reason == "wrong_signer"
    assert "a été signé par Zoé Mäkelä-Garçon, et non par Benoît Œhlenschläger" in str(error)


def test_jurors_sign_in_order_and_once(pki, referential):
    pdf = render_sheet(sheet_result(referential, pki), referential)
    with pytest.raises(SheetSigningError, match="« Juré 1 » doit signer avant « Juré 2 »"):
        sign_sheet_with(pdf, pki.jurors[1], "Juré 2")
    once = sign_sheet_with(pdf, pki.jurors[0], "Juré 1", timestamp=SIGNED_AT[0])
    with pytest.raises(SheetSigningError, match="a déjà signé"):
        sign_sheet_with(once, pki.jurors[0], "Juré 1")
    with pytest.raises(SheetSigningError, match="n'est pas un champ"):
        sign_sheet_with(once, pki.jurors[1], "Président")


def test_a_wrong_passphrase_is_a_clear_message_and_changes_nothing(pki, referential):
    pdf = render_sheet(sheet_result(referential, pki), referential)
    before = pki.juror_p12[0].read_bytes()
    with pytest.raises(CredentialError) as info:
        sign_sheet(pdf, pki.juror_p12[0], "pas la bonne", "Juré 1")
    assert str(info.value) == "Phrase de passe incorrecte pour jure1.p12."
    assert pki.juror_p12[0].read_bytes() == before


def test_verification_never_opens_a_connection(signed, pki, referential, monkeypatch):
    real_socket = socket.socket

    class LocalOnly(real_socket):
        """asyncio's own loop needs a local socket pair; anything towards a network is a failure."""

        def __init__(self, family=socket.AF_INET, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6):
                raise AssertionError("verification tried to open a network connection")
            super().__init__(family, *args, **kwargs)

    def no_lookup(*args, **kwargs):
        raise AssertionError("verification tried to resolve a host name")

    monkeypatch.setattr(socket, "socket", LocalOnly)
    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    assert verify_sheet(signed[0], [pki.authority.certificate], referential).result == signed[1]


def test_not_a_pdf_is_unreadable(pki, referential):
    error = rejected(b"%PDF-1.7\nce n'est pas une feuille", pki, referential)
    assert error.reason == "unreadable"


@pytest.mark.parametrize("status", ["absent", "not_admitted"])
def test_sheets_without_an_oral_verify_too(status, pki, referential):
    result = sheet_result(referential, pki, status=status, version=2)
    pdf, _ = signed_sheet(referential, pki, result)
    verified = verify_sheet(pdf, [pki.authority.certificate], referential)
    assert verified.result["status"] == status
    assert verified.result["supersedes"] == 1


def test_sheet_renders_with_poppler_and_passes_qpdf_check(signed, tmp_path):
    missing = [tool for tool in ("pdftoppm", "qpdf", "pdffonts") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (apt-get install poppler-utils qpdf)")
    sheet = tmp_path / "feuille.pdf"
    sheet.write_bytes(signed[0])
    check = subprocess.run(["qpdf", "--check", str(sheet)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(sheet), str(tmp_path / "page")], check=True, capture_output=True
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    assert all(p.stat().st_size > 2000 for p in pages)
    fonts = subprocess.run(["pdffonts", str(sheet)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows, fonts
    assert all(" yes " in row.split("TrueType", 1)[-1] for row in rows), fonts  # every font embedded


def test_accents_and_french_quotes_are_extractable(signed):
    import pymupdf

    with pymupdf.open(stream=signed[0], filetype="pdf") as doc:
        text = " ".join(" ".join(page.get_text().split()) for page in doc)
    assert "LEFÈVRE-DUPRÉ Hélène" in text
    assert "« Les fractions »" in text
    assert "œuvre collective" in text


def test_example_result_without_jurors_still_renders(referential, tmp_path: Path):
    pdf = render_sheet(example_result(referential), referential)
    assert pdf.startswith(b"%PDF-1.7")
    assert b"/AF " in pdf or b"/AF[" in pdf
