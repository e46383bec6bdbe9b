"""``authority init`` and ``credential issue`` refusals: one sentence, and nothing half-written left behind."""

import pytest

from c2i2e_jury.cli import main
from c2i2e_jury.exchange import credentials

AUTHORITY_PASS = "autorité de test 2017"


@pytest.fixture
def authority(tmp_path, monkeypatch):
    folder = tmp_path / "autorite"
    credentials.init_authority(folder, "Autorité C2i2e test", AUTHORITY_PASS)
    monkeypatch.setenv("C2I2E_AUTHORITY_PASSPHRASE", AUTHORITY_PASS)
    monkeypatch.setenv("C2I2E_PASSPHRASE", "une phrase de passe")
    return folder / credentials.AUTHORITY_P12


def test_a_certificate_out_that_cannot_be_written_leaves_no_p12(authority, tmp_path, capsys):
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")
    p12 = tmp_path / "jure.p12"
    args = [
        "credential",
        "issue",
        "Jean Tiers",
        "--email",
        "jean@example.fr",
        "--authority",
        str(authority),
        "--out",
        str(p12),
    ]
    assert main([*args, "--certificate-out", str(blocker / "jure.pem")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"c2i2e-jury: Impossible d'écrire dans {blocker} : ") and err.count("\n") == 1
    assert not p12.exists()
    assert main([*args, "--certificate-out", str(tmp_path / "jure.pem")]) == 0  # the retry is not refused
    assert p12.is_file() and (tmp_path / "jure.pem").is_file()


def test_a_name_over_64_characters_is_one_sentence(authority, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("C2I2E_PASSPHRASE", "une phrase de passe")
    assert main(["authority", "init", "--out", str(tmp_path / "a"), "--name", "X" * 300]) == 1
    assert capsys.readouterr().err == (
        "c2i2e-jury: Le nom de l'autorité a 300 caractères : un certificat en "
        "accepte 64 au plus, abrégez-le.\n"
    )
    assert not (tmp_path / "a").exists()
    assert (
        main(
            [
                "credential",
                "issue",
                "Y" * 65,
                "--email",
                "y@example.fr",
                "--authority",
                str(authority),
                "--out",
                str(tmp_path / "y.p12"),
            ]
        )
        == 1
    )
    assert capsys.readouterr().err == (
        "c2i2e-jury: Le nom du titulaire a 65 caractères : un certificat en accepte 64 au plus, abrégez-le.\n"
    )
    assert not (tmp_path / "y.p12").exists()


def test_the_limit_holds_below_the_command_line_and_64_characters_pass():
    with pytest.raises(credentials.CredentialError, match="65 caractères"):
        credentials.create_authority("Z" * 65)
    authority = credentials.create_authority("Z" * 64)
    assert authority.name == "Z" * 64
    with pytest.raises(credentials.CredentialError, match="du titulaire est vide"):
        credentials.issue_credential(authority, "  ", "a@example.fr")
