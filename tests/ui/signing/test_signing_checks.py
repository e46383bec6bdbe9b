"""Issue 12 §2–§6, offscreen with real credentials, a real SQLite file and the real signing worker (file choosers
and passphrases scripted; tests/ui/signing/test_signing_keyboard.py types them): what is refused before any
passphrase, where juror 2's chooser starts, whom the passphrase question names, and a worker that dies."""

from __future__ import annotations

import multiprocessing
import os
import signal
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from c2i2e_jury.exchange.credential_files import certificate_beside
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.sheet_signing import latest_sheet, reopen
from c2i2e_jury.services.signing_worker import LOST
from c2i2e_jury.storage.models import CredentialRevocation
from c2i2e_jury.ui.signing.juror_checks import JurorChecks
from c2i2e_jury.ui.signing.sheet import sign_sheet_dialog
from tests.exchange.signing_factory import PASSPHRASES
from tests.services.sheet_factory import SIGNING
from tests.ui.scripted_prompts import Script
from tests.ui.signing.key_factory import (  # noqa: F401 (fixtures: pki, key, room)
    KEY_PASSPHRASES,
    key_fixture,
    pki_fixture,
    room_fixture,
)

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def sign(db, pk, script, settings):
    return sign_sheet_dialog(None, db, pk, prompts=script.prompts(), settings=settings, now=SIGNING)


def signing_workers():
    return [p for p in multiprocessing.active_children() if p.name == "c2i2e-signing"]


def test_the_authority_and_the_president_are_refused_before_any_passphrase(qtbot, room, key, settings):
    db, pk = room
    chosen_by_hand = [key.authority_by_name, key.authority_file, key.president_file]
    script = Script(files=[*map(str, chosen_by_hand), *map(str, key.jurors)], passphrases=KEY_PASSPHRASES)
    assert sign(db, pk, script, settings)
    assert script.said("warn") == [
        "authority.p12 est le fichier de l'autorité de la campagne : elle délivre les certificats des jurés et "
        "ne signe aucune feuille. Choisissez votre propre certificat de juré.",
        "autorite.p12 est le fichier de l'autorité de la campagne : elle délivre les certificats des jurés et "
        "ne signe aucune feuille. Choisissez votre propre certificat de juré.",
        "presidente.p12 est le certificat du président du jury de certification : il signe le procès-verbal, "
        "pas les feuilles des jurys de validation. Choisissez votre propre certificat de juré.",
    ]
    assert script.asked_passphrase == ["", ""], "no passphrase asked for the three refused files"
    # and the choosers do not list them
    for hide in script.hidden_by:
        assert [hide(str(p)) for p in (*chosen_by_hand, *key.jurors, key.stranger)] == [True] * 3 + [
            False
        ] * 3
    assert jury_room.candidate_file(db, pk).locked


def test_a_juror_of_another_jury_is_refused_before_the_passphrase(qtbot, room, key, settings):
    db, pk = room
    files = [key.jurors[0], key.stranger, key.jurors[1]]
    script = Script(files=list(map(str, files)), passphrases=KEY_PASSPHRASES)
    assert sign(db, pk, script, settings)
    assert script.said("warn") == [
        "Nadia Benali (« Juré 2 ») n'est pas juré du jury J1 d'après le paquet de la campagne (jurés : "
        "Benoît Œhlenschläger et Zoé Mäkelä-Garçon)."
    ]
    assert script.asked_passphrase == ["", ""], "Nadia was turned down before typing anything"
    assert [j["name"] for j in latest_sheet(db, pk).result["jurors"]] == [
        "Benoît Œhlenschläger",
        "Zoé Mäkelä-Garçon",
    ]


def test_a_revoked_certificate_is_refused_before_the_passphrase(qtbot, room, key, pki, settings):
    db, pk = room
    with db.session() as s:
        s.add(
            CredentialRevocation(
                fingerprint=pki.jurors[1].fingerprint,
                name="Zoé Mäkelä-Garçon",
                revoked_from=SIGNING - timedelta(days=1),
                reason="clé USB perdue",
                recorded_at=SIGNING - timedelta(days=1),
            )
        )
    script = Script(files=[str(key.jurors[0]), str(key.jurors[1])], passphrases=KEY_PASSPHRASES)
    assert not sign(db, pk, script, settings)  # juror 2 has no other credential: the chooser is cancelled
    (refusal,) = script.said("warn")
    assert refusal.startswith("Le certificat de Zoé Mäkelä-Garçon (« Juré 2 ») est révoqué depuis le")
    assert script.asked_passphrase == [""], "only juror 1 typed a passphrase"
    assert latest_sheet(db, pk) is None and not jury_room.candidate_file(db, pk).locked


def test_juror_twos_chooser_starts_in_the_folder_of_juror_ones_file(qtbot, room, key, settings):
    db, pk = room
    settings.setValue("signing/test-2017/J1/juror2", "/media/ancienne-cle/jure2.p12")  # another day's key
    script = Script(files=[str(key.jurors[0]), str(key.jurors[1])], passphrases=KEY_PASSPHRASES)
    assert sign(db, pk, script, settings)
    assert script.offered == ["", str(key.folder)]
    # juror 2's own file, remembered in that folder, is offered itself
    assert JurorChecks.start(key.jurors[0], str(key.jurors[1])) == str(key.jurors[1])
    assert JurorChecks.start(key.jurors[0], str(key.jurors[0])) == str(key.folder)
    assert JurorChecks.start(None, "/media/cle/jure1.p12") == "/media/cle/jure1.p12"


def test_the_passphrase_question_names_the_person(qtbot, room, key, pki, settings):
    db, pk = room
    script = Script(files=[str(key.jurors[0]), str(key.jurors[1])], passphrases=KEY_PASSPHRASES)
    assert sign(db, pk, script, settings)
    assert script.passphrase_labels == [
        ("Juror 1: passphrase", "Passphrase of Benoît Œhlenschläger, juror 1 (file jure1.p12):"),
        ("Juror 2: passphrase", "Passphrase of Zoé Mäkelä-Garçon, juror 2 (file jure2.p12):"),
    ]
    # an older credential, without its public certificate: juror 1 is named by the file, juror 2 is the other
    assert not certificate_beside(pki.juror_p12[0]).exists()
    reopen(db, pk, "Une erreur de saisie sur A1.1.")
    old = Script(files=list(map(str, pki.juror_p12)), passphrases=PASSPHRASES)
    assert sign_sheet_dialog(
        None, db, pk, prompts=old.prompts(), settings=settings, now=SIGNING + timedelta(minutes=5)
    )
    assert [label for _title, label in old.passphrase_labels] == [
        "Passphrase of jure1.p12 (J1):",
        "Passphrase of Zoé Mäkelä-Garçon, juror 2 (file jure2.p12):",
    ]
    pairs = (REPO / "tools" / "i18n" / "signing_fr.txt").read_text("utf-8")
    assert "Passphrase of %1, juror %2 (file %3):\tPhrase de passe de %1, juré(e) %2 (fichier %3) :" in pairs


@pytest.mark.own_signing_worker
def test_a_worker_that_dies_leaves_nothing_written_and_says_so(qtbot, room, key, settings):
    db, pk = room
    script = Script(files=[str(key.jurors[0]), str(key.jurors[1])])
    answers = iter(KEY_PASSPHRASES)

    def passphrase(parent, title, label, error):
        script.asked_passphrase.append(error)
        if (
            len(script.asked_passphrase) == 2
        ):  # while juror 2 types: the worker is killed (out of memory, say)
            for worker in signing_workers():
                os.kill(worker.pid, signal.SIGKILL)
        return next(answers)

    prompts = script.prompts()
    prompts.passphrase = passphrase
    assert not sign_sheet_dialog(None, db, pk, prompts=prompts, settings=settings, now=SIGNING)
    assert script.shown[-1] == ("warn", "Sheet not signed", LOST)
    assert latest_sheet(db, pk) is None and not jury_room.candidate_file(db, pk).locked
    qtbot.waitUntil(lambda: signing_workers() == [], timeout=30_000)


@pytest.mark.own_signing_worker
def test_the_worker_ends_with_the_signing(qtbot, room, key, settings):
    db, pk = room
    script = Script(files=[str(key.jurors[0]), str(key.jurors[1])], passphrases=KEY_PASSPHRASES)
    assert sign(db, pk, script, settings)
    qtbot.waitUntil(lambda: signing_workers() == [], timeout=30_000)  # the keys are gone with it
    script = Script(confirm=False)  # « Corriger » on the preview: the worker ends too
    reopen(db, pk, "Une erreur de saisie sur A1.1.")
    assert not sign(db, pk, script, settings)
    assert [kind for kind, _title, _text in script.shown] == ["preview"]
    qtbot.waitUntil(lambda: signing_workers() == [], timeout=30_000)
