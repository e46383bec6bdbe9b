from sqlalchemy import select

from c2i2e_jury.exchange.credentials import load_credential
from c2i2e_jury.services.authority import create_campaign_authority, issue_juror_credential
from c2i2e_jury.storage.models import Campaign, Juror


def test_the_secretariat_creates_the_authority_and_issues_a_juror_credential(database, imported, tmp_path):
    files = create_campaign_authority(
        database, "test-2017", tmp_path / "ca", "Autorité C2i2e 2017", "phrase-ca-2017"
    )
    with database.read() as s:
        assert s.get(Campaign, "test-2017").authority_pem == files.pem.read_text()
    out = tmp_path / "jurors" / "martin.p12"
    out.parent.mkdir()
    credential = issue_juror_credential(
        database,
        "test-2017",
        "J1",
        files.p12,
        "phrase-ca-2017",
        "Claire Martin",
        "claire.martin@example.fr",
        out,
        "phrase-juree-1",
    )
    assert load_credential(out, "phrase-juree-1").fingerprint == credential.fingerprint
    with database.read() as s:
        juror = s.scalars(select(Juror)).one()
        assert (juror.jury, juror.name, juror.email) == ("J1", "Claire Martin", "claire.martin@example.fr")
        assert "BEGIN CERTIFICATE" in juror.certificate_pem


def test_an_authority_with_signed_sheets_is_never_replaced(database, tmp_path):
    import pytest

    from c2i2e_jury.services.authority import AuthorityError
    from c2i2e_jury.services.sheet_signing import sign_and_lock
    from tests.services.sheet_factory import SIGNING, decide_all, import_with_pki, make_pki

    pki = make_pki(tmp_path / "pki")
    pks = import_with_pki(database, tmp_path / "pkg", pki)
    with database.read() as s:
        before = s.get(Campaign, "test-2017").authority_pem
    # Nothing signed yet: a new authority may still replace the package's one (a lost passphrase, say).
    files = create_campaign_authority(
        database, "test-2017", tmp_path / "ca2", "Autorité de secours", "phrase-ca-2"
    )
    with database.read() as s:
        assert s.get(Campaign, "test-2017").authority_pem == files.pem.read_text() != before
    # Back to the package's authority, a sheet signed under it: no other authority any more, nothing written.
    import_with_pki(database, tmp_path / "pkg", pki)
    with database.session() as s:
        s.get(Campaign, "test-2017").authority_pem = before
    decide_all(database, pks["C1"])
    sign_and_lock(database, pks["C1"], *pki.jurors, now=SIGNING)
    with pytest.raises(AuthorityError, match="1 feuille"):
        create_campaign_authority(database, "test-2017", tmp_path / "ca3", "Autorité pirate", "phrase-ca-3")
    assert not (tmp_path / "ca3").exists()
    with database.read() as s:
        assert s.get(Campaign, "test-2017").authority_pem == before


def test_a_credential_from_another_authority_is_refused_before_anything_is_written(
    database, imported, tmp_path
):
    import pytest

    from c2i2e_jury.services.authority import AuthorityError

    ours = create_campaign_authority(
        database, "test-2017", tmp_path / "ca", "Autorité C2i2e 2017", "phrase-ca"
    )
    out = tmp_path / "martin.p12"
    issue_juror_credential(
        database,
        "test-2017",
        "J1",
        ours.p12,
        "phrase-ca",
        "Claire Martin",
        "c@example.fr",
        out,
        "phrase-juree",
    )
    with database.read() as s:
        recorded = s.scalars(select(Juror.certificate_pem)).one()
    from c2i2e_jury.exchange.credentials import init_authority

    other = init_authority(tmp_path / "other", "Autre autorité", "phrase-autre")
    again = tmp_path / "martin-bis.p12"
    with pytest.raises(AuthorityError, match="n'est pas l'autorité de la campagne"):
        issue_juror_credential(
            database,
            "test-2017",
            "J1",
            other.p12,
            "phrase-autre",
            "Claire Martin",
            "c@example.fr",
            again,
            "phrase-juree",
        )
    assert not again.exists()
    with database.read() as s:
        assert s.scalars(select(Juror.certificate_pem)).one() == recorded  # her real certificate kept
