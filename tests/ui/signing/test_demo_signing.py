"""The demo campaign can be tried end to end: ``--demo`` writes credentials with the passphrase « demo », offered
first by the signing dialogs, and both jurors of the room sign a real sheet with them; the user's own settings
are left untouched."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.demo_credentials import DEMO_PASSPHRASE, JURORS
from c2i2e_jury.services.sheet_signing import latest_sheet
from c2i2e_jury.services.sheet_verifying import check
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.models import Campaign, Candidate
from c2i2e_jury.ui.app import prepare_demo
from c2i2e_jury.ui.signing.sheet import sign_sheet_dialog
from tests.services.sheet_factory import run_timer
from tests.ui.scripted_prompts import Script

pytestmark = pytest.mark.gui


@pytest.fixture
def demo(qapp, monkeypatch, tmp_path):
    user = tmp_path / "user"
    monkeypatch.setenv("C2I2E_DATA_DIR", str(user))  # restored after the test, whatever prepare_demo sets
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(user))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    own = QSettings()
    own.setValue("president/credential", "/home/me/my-own.p12")
    own.sync()
    own_file = Path(own.fileName())
    db = open_database(prepare_demo())
    yield db, own_file
    db.dispose()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(user))


def test_both_jurors_sign_a_demo_sheet_with_the_offered_credentials(qtbot, demo):
    db, own_file = demo
    with db.read() as s:
        candidate = s.scalars(
            select(Candidate).where(Candidate.deposited, ~Candidate.rework_pending, Candidate.jury == "J1")
        ).first()
        pk, campaign = candidate.pk, candidate.campaign_id
    jury_room.check_in(db, pk, Attendance.PRESENT)
    for row in jury_room.candidate_file(db, pk).items:
        if not row.acquired:
            jury_room.decide(
                db, pk, row.code, row.evaluator or "V", justification=None if row.evaluator else "Vu"
            )
    run_timer(db, pk, start=datetime.now(UTC) - timedelta(minutes=40))  # the oral held and ended (F8)
    offered: list[str] = []

    def open_file(parent, caption, start, filters, hide):
        offered.append(start)
        assert hide(str(Path(start).with_name("autorite.p12"))), "the authority's file is not listed"
        return start  # the juror accepts the file the dialog offers

    script = Script(passphrases=["mauvaise", DEMO_PASSPHRASE, DEMO_PASSPHRASE])
    prompts = script.prompts()
    prompts.open_file_hiding = open_file
    assert sign_sheet_dialog(None, db, pk, prompts=prompts, settings=QSettings())
    assert [Path(p).name for p in offered] == ["claire-fontanel.p12", "mathieu-roussel.p12"]
    assert script.asked_passphrase == ["", "Wrong passphrase", ""]
    stored = latest_sheet(db, pk)
    with db.read() as s:
        authority = s.get(Campaign, campaign).authority_pem
    verified = check(stored.pdf, {campaign: authority})
    assert verified.result is not None, verified.message
    assert [j["name"] for j in verified.result["jurors"]] == list(JURORS["J1"])
    assert stored.version == 1
    # The user's own settings were not touched by the demo.
    own = QSettings(str(own_file), QSettings.Format.IniFormat)
    assert QSettings().fileName() != str(own_file)  # the demo's settings live in its throw-away folder
    assert own.value("president/credential") == "/home/me/my-own.p12"
