"""The jury room's « Signer » during the oral names the phase and asks nothing; signing an abandonment whose timer
still ran shows the timer stopped (issue 11 §5). Offscreen, real database, real credentials, real timer events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.sheet_signing import latest_sheet
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.ui.signing.sheet import sign_sheet_dialog
from tests.exchange.package.factory import CAMPAIGN
from tests.exchange.signing_factory import PASSPHRASES
from tests.services.sheet_factory import (
    SIGNING,
    current_pki,
    decide_all,
    import_with_pki,
    make_pki,
    run_timer,
)
from tests.ui.scripted_prompts import Script

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def room(tmp_path, pki):
    db = open_database(str(tmp_path / "salle.sqlite"))
    pks = import_with_pki(db, tmp_path / "kit", pki)
    yield db, pks
    db.dispose()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def both_jurors(pki) -> Script:
    return Script(files=[str(pki.juror_p12[0]), str(pki.juror_p12[1])], passphrases=list(PASSPHRASES))


def test_signing_during_the_discussion_names_the_phase_and_asks_nothing(qtbot, room, pki, settings):
    db, pks = room
    decide_all(db, pks["C1"], oral=("start", "discussion"))
    script = both_jurors(pki)
    assert not sign_sheet_dialog(
        None, db, pks["C1"], prompts=script.prompts(), settings=settings, now=SIGNING
    )
    assert script.shown == [
        (
            "warn",
            "Cannot sign yet",
            "Signature impossible pendant la discussion : terminez "
            "l'oral (F8, « Terminer l'oral ») avant de signer la feuille.",
        )
    ]
    assert script.asked_passphrase == []
    assert latest_sheet(db, pks["C1"]) is None


@pytest.fixture
def live_room(qapp, tmp_path):
    """The jury room signs at the real time (credentials issued now) and remembers the credentials' files in the
    user's settings: kept in tmp."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "user"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    pki = current_pki(tmp_path / "pki")
    db = open_database(str(tmp_path / "salle.sqlite"))
    # Signed at the real time: this year's campaign, or its sheets could not be signed today (issue 11 §3).
    this_year = {**CAMPAIGN, "year": date.today().year}
    yield db, import_with_pki(db, tmp_path / "kit", pki, campaign=this_year), pki
    db.dispose()


def test_the_jury_room_shows_the_timer_stopped_once_an_abandonment_is_signed(qtbot, live_room):
    try:
        from c2i2e_jury.ui.main_window import MainWindow
    except ImportError as exc:
        pytest.skip(f"the main window does not import yet: {exc}")
    db, pks, pki = live_room
    pk = pks["C2"]
    jury_room.check_in(db, pk, Attendance.PRESENT)
    run_timer(db, pk, start=datetime.now(UTC) - timedelta(minutes=12), steps=("start",))
    jury_room.check_in(db, pk, Attendance.ABSENT)  # the candidate left during the presentation
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.open_candidate(pk)
    room_widget = window.room
    assert room_widget.timer_widget.snapshot.state.value == "presentation"
    script = both_jurors(pki)
    room_widget.prompts = script.prompts()
    room_widget.sign_sheet()
    assert script.shown[-1][1] == "Sheet signed", script.shown
    assert latest_sheet(db, pk).result["oral"]["timing_log"][-1]["kind"] == "finished"
    assert room_widget.timer_widget.state_text() == "Ended"
    assert room_widget.status.text() == "Signed — locked"
