"""Who signs, in the windows (issue 11 §3), offscreen with real credentials and a real SQLite file: the jury room
turns down a credential that is not one of the jury's jurors as soon as it is opened, and the juror chooses
again; the secretariat revokes a credential from a date, and the room refuses it from then on."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from c2i2e_jury.exchange import credentials
from c2i2e_jury.services.sheet_signing import latest_sheet
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.models import CredentialRevocation
from c2i2e_jury.ui.secretariat.fields import FieldsDialog
from c2i2e_jury.ui.secretariat.workspace import SecretariatWorkspace
from c2i2e_jury.ui.signing.sheet import sign_sheet_dialog
from tests.exchange.signing_factory import ISSUED, PASSPHRASES
from tests.services.sheet_factory import SIGNING, decide_all, import_with_pki, make_pki
from tests.ui.scripted_prompts import Script

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def room(tmp_path, pki):
    db = open_database(str(tmp_path / "salle.sqlite"))
    pks = import_with_pki(db, tmp_path / "kit", pki)
    decide_all(db, pks["C1"])
    yield db, pks["C1"]
    db.dispose()


def test_a_credential_of_another_jury_is_refused_as_soon_as_it_is_opened(qtbot, room, pki, tmp_path):
    db, pk = room
    stranger = credentials.issue_credential(pki.authority, "Nadia Benali", "nadia@example.fr", now=ISSUED)
    stranger_p12 = tmp_path / "nadia.p12"
    stranger_p12.write_bytes(credentials.to_pkcs12(stranger, "phrase de Nadia"))
    script = Script(
        files=[str(stranger_p12), str(pki.juror_p12[0]), str(pki.juror_p12[1])],
        passphrases=["phrase de Nadia", PASSPHRASES[0], PASSPHRASES[1]],
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert sign_sheet_dialog(None, db, pk, prompts=script.prompts(), settings=settings, now=SIGNING)
    refused = [s for s in script.shown if s[0] == "warn"]
    assert refused == [
        (
            "warn",
            "Credential refused",
            "Nadia Benali (« Juré 1 ») n'est pas juré du jury J1 d'après le "
            "paquet de la campagne (jurés : Benoît Œhlenschläger et Zoé "
            "Mäkelä-Garçon).",
        )
    ]
    assert settings.value("signing/test-2017/J1/juror1") == str(
        pki.juror_p12[0]
    )  # the refused file is not kept
    assert latest_sheet(db, pk).result["jurors"][0]["name"] == "Benoît Œhlenschläger"


def test_the_secretariat_revokes_a_credential_and_the_room_refuses_it(
    qtbot, monkeypatch, room, pki, tmp_path
):
    db, pk = room
    workspace = SecretariatWorkspace(db)
    qtbot.addWidget(workspace)

    def answer(dialog):
        dialog.edits["who"].setText("Zoé Mäkelä-Garçon")
        dialog.edits["since"].setText(f"{(SIGNING - timedelta(hours=2)).astimezone():%Y-%m-%d %H:%M}")
        dialog.edits["reason"].setText("ordinateur portable perdu")
        return True

    monkeypatch.setattr(FieldsDialog, "exec", answer)
    workspace.run_task(workspace.credentials.revoke_credential)
    journal = workspace.journal.toPlainText()
    assert f"Credential of Zoé Mäkelä-Garçon ({pki.jurors[1].fingerprint[:16]}…) revoked from" in journal
    assert journal.endswith(": ordinateur portable perdu")
    with db.read() as s:
        assert s.scalars(select(CredentialRevocation.fingerprint)).all() == [pki.jurors[1].fingerprint]
    script = Script(
        files=[str(pki.juror_p12[0]), str(pki.juror_p12[1])], passphrases=[PASSPHRASES[0], PASSPHRASES[1]]
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert not sign_sheet_dialog(None, db, pk, prompts=script.prompts(), settings=settings, now=SIGNING)
    (kind, title, text) = [s for s in script.shown if s[0] == "warn"][0]
    assert title == "Credential refused"
    assert text.startswith("Le certificat de Zoé Mäkelä-Garçon (« Juré 2 ») est révoqué depuis le")
    assert "(motif : ordinateur portable perdu)" in text
    assert latest_sheet(db, pk) is None
