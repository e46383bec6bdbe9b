"""``c2i2e-jury certificate``: issue with the president's credential, verify a code (exit 0/1), verify a PDF with
no database at all, the batch ZIP, prior.csv."""

import io
import shutil
import sys
import zipfile
from datetime import UTC, datetime

import pytest

from c2i2e_jury.cli import main
from c2i2e_jury.exchange import credentials
from c2i2e_jury.services import certification_batch
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.models import Campaign
from tests.services.review_factory import demo_template_fixture, designate  # noqa: F401

PASSPHRASE = "présidente du jury 2017"


@pytest.fixture
def decided(demo_template, tmp_path, monkeypatch):
    """A copy of the heard demo with the jury's decisions, an authority and a president's credential valid today
    (the command signs at the real time)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    authority = credentials.create_authority("Autorité C2i2e (essai)")
    president = credentials.issue_credential(authority, "Hélène Présidente", "presidente@example.fr")
    (tmp_path / "presidente.p12").write_bytes(credentials.to_pkcs12(president, PASSPHRASE))
    (tmp_path / "authority.pem").write_bytes(credentials.certificate_pem(authority.certificate))
    db = open_database(str(path))
    with db.session() as s:
        s.get(Campaign, "grenoble-2017").authority_pem = (tmp_path / "authority.pem").read_text()
        designate(s, "grenoble-2017", president)
    certification_batch.deliver_as_proposed(
        db, "grenoble-2017", by="Hélène Présidente", now=lambda: datetime(2017, 7, 10, 14, tzinfo=UTC)
    )
    db.dispose()
    return path


def test_issue_then_verify_a_code(decided, tmp_path, capsys, monkeypatch):
    db = ["--db", str(decided)]
    assert main([*db, "certificate", "issue", "--sign", str(tmp_path / "presidente.p12")]) == 1
    assert "C2I2E_PASSPHRASE_1" in capsys.readouterr().err
    monkeypatch.setenv("C2I2E_PASSPHRASE_1", PASSPHRASE)
    batch = tmp_path / "documents.zip"
    assert (
        main([*db, "certificate", "issue", "--sign", str(tmp_path / "presidente.p12"), "-o", str(batch)]) == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("7 document(s) signé(s) par Hélène Présidente")
    codes = [line.strip() for line in out.splitlines() if line.strip().startswith("C2I2E-")]
    assert len(codes) == 7 and len(zipfile.ZipFile(batch).namelist()) == 9  # with index.csv and index.xlsx
    assert main([*db, "certificate", "verify", codes[0]]) == 0
    assert "Élodie MARCHAND" in capsys.readouterr().out
    assert main([*db, "certificate", "verify", "C2I2E-2017-ZZZZ-ZZZZ"]) == 1
    assert capsys.readouterr().out.startswith("REFUSÉ : Aucun document")


def test_a_pdf_verifies_without_any_database(decided, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("C2I2E_PASSPHRASE_1", PASSPHRASE)
    assert (
        main(["--db", str(decided), "certificate", "issue", "--sign", str(tmp_path / "presidente.p12")]) == 0
    )
    code = next(
        line.strip() for line in capsys.readouterr().out.splitlines() if line.strip().startswith("C2I2E-")
    )
    pdf = tmp_path / "attestation.pdf"
    assert main(["--db", str(decided), "certificate", "pdf", code, "-o", str(pdf)]) == 0
    capsys.readouterr()
    nowhere = tmp_path / "no-database-here.sqlite"
    assert (
        main(
            [
                "--db",
                str(nowhere),
                "certificate",
                "verify",
                str(pdf),
                "--trust",
                str(tmp_path / "authority.pem"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert code in out and "révocation" in out
    assert not nowhere.exists()  # nothing opened, nothing created
    damaged = tmp_path / "abîmé.pdf"
    damaged.write_bytes(pdf.read_bytes()[:3000])
    assert main(["certificate", "verify", str(damaged), "--trust", str(tmp_path / "authority.pem")]) == 1
    assert capsys.readouterr().out.startswith("REFUSÉ")


def test_prior_csv_for_the_next_campaign(decided, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("C2I2E_PASSPHRASE_1", PASSPHRASE)
    main(["--db", str(decided), "certificate", "issue", "--sign", str(tmp_path / "presidente.p12")])
    target = tmp_path / "prior.csv"
    assert main(["--db", str(decided), "certificate", "prior", "-o", str(target)]) == 0
    text = target.read_bytes().decode("utf-8-sig")
    assert text.startswith("candidate_id;item;year;copy_deposited;original_received;")
    assert "C2017-004;A1.1;2017;non;non;Lefèvre;Gaëlle;" in text


def test_verify_a_missing_file_or_a_folder_says_so(tmp_path, capsys):
    missing = tmp_path / "attestation.pdf"
    assert main(["certificate", "verify", str(missing)]) == 1
    assert capsys.readouterr().err == f"c2i2e-jury: Fichier introuvable : {missing}.\n"
    assert main(["certificate", "verify", "attestation.pdf"]) == 1
    assert capsys.readouterr().err == "c2i2e-jury: Fichier introuvable : attestation.pdf.\n"
    assert main(["certificate", "verify", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"c2i2e-jury: {tmp_path} est un dossier : donnez le fichier PDF du document, "
        "ou son code de vérification.\n"
    )


def test_verify_with_the_database_refuses_a_document_unknown_to_its_register(
    decided, tmp_path, capsys, referential
):
    """Issue 11: genuinely signed by the president, never issued: with a register it is refused (it used to be
    « valid, not registered »); with --trust alone it verifies and says what it cannot know."""
    from dataclasses import replace

    from c2i2e_jury.exchange.certificate_pdf import signed_pdf
    from c2i2e_jury.exchange.certificates import sign
    from tests.exchange.test_certificates import STATEMENT

    president = credentials.load_credential(tmp_path / "presidente.p12", PASSPHRASE)
    statement = replace(STATEMENT, signer=president.name, issued_at=datetime.now(UTC))
    pdf = tmp_path / "jamais-emis.pdf"
    pdf.write_bytes(signed_pdf(sign(statement, president), referential, president))
    assert main(["--db", str(decided), "certificate", "verify", str(pdf)]) == 1
    assert capsys.readouterr().out.startswith("REFUSÉ : Document inconnu du registre")
    assert main(["certificate", "verify", str(pdf), "--trust", str(tmp_path / "authority.pem")]) == 0
    assert "président désigné" in capsys.readouterr().out
