from sqlalchemy import select

from c2i2e_jury.exchange.credentials import load_credential
from c2i2e_jury.services.authority import create_campaign_authority, issue_juror_credential
from c2i2e_jury.storage.models import Campaign, Juror


def test_the_secretariat_creates_the_authority_and_issues_a_juror_credential(database, imported, tmp_path):
    files = create_campaign_authority(database, "test-2017", tmp_path / "ca", "Autorité C2i2e 2017", "phrase-ca-2017")
    with database.read() as s:
        assert s.get(Campaign, "test-2017").authority_pem == files.pem.read_text()
    out = tmp_path / "jurors" / "martin.p12"
    out.parent.mkdir()
    credential = issue_juror_credential(database, "test-2017", "J1", files.p12, "phrase-ca-2017", "Claire Martin",
                                        "claire.martin@example.fr", out, "phrase-juree-1")
    assert load_credential(out, "phrase-juree-1").fingerprint == credential.fingerprint
    with database.read() as s:
        juror = s.scalars(select(Juror)).one()
        assert (juror.jury, juror.name, juror.email) == ("J1", "Claire Martin", "claire.martin@example.fr")
        assert "BEGIN CERTIFICATE" in juror.certificate_pem
