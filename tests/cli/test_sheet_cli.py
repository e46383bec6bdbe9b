"""The secretariat's commands for credentials and sheets, run as a user runs them: in-process and once for real."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from c2i2e_jury.cli import main
from c2i2e_jury.exchange.credentials import CredentialError, load_certificates, load_credential
from c2i2e_jury.exchange.sheet_pdf import render_sheet
from c2i2e_jury.exchange.signatures import sign_sheet
from tests.exchange.result_examples import example_result
from tests.exchange.signing_factory import PARIS_SUMMER

REPO = Path(__file__).resolve().parents[2]
AUTHORITY_PASS = "autorité de la campagne 2017"
JUROR_PASSES = ("première phrase de passe", "seconde phrase de passe")


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch):
    """Commands run from a script: no terminal to prompt on, no passphrase unless a test sets one."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    for name in ("C2I2E_PASSPHRASE", "C2I2E_AUTHORITY_PASSPHRASE", "C2I2E_OLD_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def campaign(tmp_path, monkeypatch, capsys):
    """An authority and two jurors made with the commands themselves."""
    folder = tmp_path / "autorite"
    monkeypatch.setenv("C2I2E_PASSPHRASE", AUTHORITY_PASS)
    code, out, _ = run(
        capsys, "authority", "init", "--out", str(folder), "--name", "Autorité C2i2e Grenoble 2017"
    )
    assert code == 0
    assert "Empreinte SHA-256" in out
    monkeypatch.setenv("C2I2E_AUTHORITY_PASSPHRASE", AUTHORITY_PASS)
    jurors = []
    for i, (name, passphrase) in enumerate(
        zip(("Benoît Œhlenschläger", "Zoé Mäkelä-Garçon"), JUROR_PASSES, strict=True)
    ):
        monkeypatch.setenv("C2I2E_PASSPHRASE", passphrase)
        p12 = tmp_path / f"jure{i + 1}.p12"
        code, out, err = run(
            capsys,
            "credential",
            "issue",
            name,
            "--email",
            f"jure{i + 1}@example.fr",
            "--authority",
            str(folder / "authority.p12"),
            "--out",
            str(p12),
            "--certificate-out",
            str(tmp_path / f"jure{i + 1}.pem"),
        )
        assert code == 0, err
        assert f"Certificat de signature délivré à {name}" in out
        jurors.append(p12)
    monkeypatch.delenv("C2I2E_PASSPHRASE")
    monkeypatch.delenv("C2I2E_AUTHORITY_PASSPHRASE")
    return folder, jurors


@pytest.fixture
def signed_file(campaign, referential, tmp_path):
    folder, jurors = campaign
    credentials = [load_credential(p, pw) for p, pw in zip(jurors, JUROR_PASSES, strict=True)]
    result = example_result(
        referential, [{"name": c.name, "fingerprint": c.fingerprint} for c in credentials]
    )
    pdf = render_sheet(result, referential)
    # The credentials were just issued: the sheet is signed (by the declared clock) two days later.
    first = (credentials[0].certificate.not_valid_before_utc + timedelta(days=2)).astimezone(PARIS_SUMMER)
    signing_times = (first, first + timedelta(seconds=85))
    for field, p12, passphrase, when in zip(
        ("Juré 1", "Juré 2"), jurors, JUROR_PASSES, signing_times, strict=True
    ):
        pdf = sign_sheet(pdf, p12, passphrase, field, timestamp=when)
    sheet = tmp_path / "2017-042-v1.pdf"
    sheet.write_bytes(pdf)
    return sheet, folder / "authority.pem", result, first


def test_authority_and_credentials_from_the_command_line(campaign, tmp_path):
    folder, jurors = campaign
    assert sorted(p.name for p in folder.iterdir()) == ["authority.p12", "authority.pem"]
    juror = load_credential(jurors[0], JUROR_PASSES[0])
    (authority,) = load_certificates((folder / "authority.pem").read_bytes(), "authority.pem")
    juror.certificate.verify_directly_issued_by(authority)
    (public,) = load_certificates((tmp_path / "jure1.pem").read_bytes(), "jure1.pem")
    assert public == juror.certificate


def test_wrong_authority_passphrase_is_one_sentence_and_nothing_written(
    campaign, tmp_path, monkeypatch, capsys
):
    folder, _ = campaign
    monkeypatch.setenv("C2I2E_AUTHORITY_PASSPHRASE", "pas la bonne phrase")
    monkeypatch.setenv("C2I2E_PASSPHRASE", "une phrase de passe")
    out_file = tmp_path / "jure3.p12"
    code, out, err = run(
        capsys,
        "credential",
        "issue",
        "Jean Tiers",
        "--email",
        "jean@example.fr",
        "--authority",
        str(folder / "authority.p12"),
        "--out",
        str(out_file),
    )
    assert code == 1
    assert err.strip() == "c2i2e-jury: Phrase de passe incorrecte pour authority.p12."
    assert "Traceback" not in err
    assert not out_file.exists()


def test_without_a_passphrase_or_a_terminal_the_command_stops(tmp_path, capsys):
    code, _, err = run(capsys, "authority", "init", "--out", str(tmp_path / "a"))
    assert code == 1
    assert "Aucune phrase de passe : définir C2I2E_PASSPHRASE" in err
    assert not (tmp_path / "a").exists()


def test_passphrases_are_prompted_twice_in_a_terminal(tmp_path, monkeypatch, capsys):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter(["phrase de l'autorité", "phrase de l'autorité"])
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    code, _, err = run(capsys, "authority", "init", "--out", str(tmp_path / "a"), "--name", "Autorité test")
    assert code == 0, err
    load_credential(tmp_path / "a" / "authority.p12", "phrase de l'autorité")

    answers = iter(["une première saisie", "une autre saisie"])
    code, _, err = run(capsys, "authority", "init", "--out", str(tmp_path / "b"))
    assert code == 1
    assert "Les deux saisies de la phrase de passe diffèrent" in err
    assert not (tmp_path / "b").exists()


def test_short_passphrases_are_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("C2I2E_PASSPHRASE", "court")
    code, _, err = run(capsys, "authority", "init", "--out", str(tmp_path / "a"))
    assert code == 1
    assert "au moins 8 caractères" in err
    assert not (tmp_path / "a").exists()


def test_a_juror_changes_their_passphrase(campaign, monkeypatch, capsys):
    _, jurors = campaign
    monkeypatch.setenv("C2I2E_OLD_PASSPHRASE", JUROR_PASSES[0])
    monkeypatch.setenv("C2I2E_PASSPHRASE", "ma nouvelle phrase de passe")
    code, out, err = run(capsys, "credential", "passwd", str(jurors[0]))
    assert code == 0, err
    assert "changée" in out
    load_credential(jurors[0], "ma nouvelle phrase de passe")
    with pytest.raises(CredentialError):
        load_credential(jurors[0], JUROR_PASSES[0])

    before = jurors[0].read_bytes()
    monkeypatch.setenv("C2I2E_OLD_PASSPHRASE", "pas la bonne phrase")
    code, _, err = run(capsys, "credential", "passwd", str(jurors[0]))
    assert code == 1
    assert "Phrase de passe incorrecte pour jure1.p12." in err
    assert jurors[0].read_bytes() == before


def test_sheet_verify_prints_the_result(signed_file, capsys):
    sheet, authority, _, signed_at = signed_file
    code, out, err = run(capsys, "sheet", "verify", str(sheet), "--trust", str(authority))
    assert code == 0, err
    assert f"{sheet} : feuille valide." in out
    assert "LEFÈVRE-DUPRÉ Hélène (n° 2017-042)" in out
    assert "24 compétences validées sur 28 ; certificat proposé" in out
    assert f"Juré 1 : Benoît Œhlenschläger le {signed_at:%d/%m/%Y à %H:%M}" in out


def test_sheet_verify_json_prints_the_embedded_json(signed_file, capsys):
    sheet, authority, result, _ = signed_file
    code, out, _ = run(capsys, "sheet", "verify", str(sheet), "--trust", str(authority), "--json")
    assert code == 0
    assert json.loads(out) == result


def test_sheet_verify_refuses_a_changed_sheet_in_one_sentence(signed_file, tmp_path, capsys):
    sheet, authority, *_ = signed_file
    data = bytearray(sheet.read_bytes())
    data[data.index(b"/Type /Catalog") + 1] ^= 0x01
    tampered = tmp_path / "modifiee.pdf"
    tampered.write_bytes(bytes(data))
    code, out, err = run(capsys, "sheet", "verify", str(tampered), "--trust", str(authority))
    assert code == 1
    assert out == ""
    assert err.startswith("c2i2e-jury: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_sheet_verify_without_an_authority(signed_file, monkeypatch, capsys):
    sheet, authority, *_ = signed_file
    code, _, err = run(capsys, "sheet", "verify", str(sheet))
    assert code == 1
    assert "Aucune autorité donnée : utiliser --trust" in err

    from c2i2e_jury.cli import sheet as sheet_cli

    monkeypatch.setattr(
        sheet_cli, "trust_roots_provider", lambda args, pdf: load_certificates(authority.read_bytes(), "base")
    )
    code, out, _ = run(capsys, "sheet", "verify", str(sheet))
    assert code == 0
    assert "feuille valide" in out


def test_sheet_verify_missing_file(tmp_path, capsys):
    code, _, err = run(
        capsys, "sheet", "verify", str(tmp_path / "absent.pdf"), "--trust", str(tmp_path / "a.pem")
    )
    assert code == 1
    assert "Impossible de lire" in err


def test_sheet_verify_as_a_separate_process(signed_file, tmp_path):
    sheet, authority, *_ = signed_file
    env = {**os.environ, "C2I2E_DATA_DIR": str(tmp_path / "data")}
    ok = subprocess.run(
        [sys.executable, "-m", "c2i2e_jury", "sheet", "verify", str(sheet), "--trust", str(authority)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert "feuille valide" in ok.stdout
    truncated = tmp_path / "tronquee.pdf"
    truncated.write_bytes(sheet.read_bytes()[:-3000])
    refused = subprocess.run(
        [sys.executable, "-m", "c2i2e_jury", "sheet", "verify", str(truncated), "--trust", str(authority)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=False,
    )
    assert refused.returncode == 1
    assert refused.stderr.startswith("c2i2e-jury: ")
    assert "Traceback" not in refused.stderr
