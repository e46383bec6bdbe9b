"""The registers' screen, driven from the keyboard as the secretariat would: the register listed with its
15-day deadlines and filtered, a reclamation answered then printed as a letter, a date change refused then
printed as a letter, the register exported whole; a decision the service refuses is one sentence and changes nothing."""

from __future__ import annotations

import csv
import io
from datetime import date

import pymupdf
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from c2i2e_jury.services import registers as reg
from c2i2e_jury.services.register_view import register_entries
from c2i2e_jury.storage.models import Candidate
from c2i2e_jury.ui.main_window import MainWindow
from c2i2e_jury.ui.secretariat.decision_dialog import DecisionDialog
from tests.ui.scripted_prompts import Script

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def _fill_registers(db):
    with db.read() as s:
        pks = dict(s.execute(select(Candidate.candidate_id, Candidate.pk)).all())
    for cid, received in (("C2017-001", date(2017, 6, 30)), ("C2017-002", date(2017, 6, 20))):
        reg.record_reclamation(
            db,
            pks[cid],
            problem_date=date(2017, 6, 12),
            received_date=received,
            text="Item A3.2.",
            by="Accueil",
        )
    reg.request_date_change(
        db,
        pks["C2017-003"],
        reason="hospitalisation",
        proof="Bulletin du CHU",
        proof_received=False,
        new_date=date(2017, 7, 3),
        new_time="14:00",
        requested_on=date(2017, 6, 1),
        by="Accueil",
    )


def when_asked(qtbot, *steps):
    """Each step runs on the decision dialog once it is shown (modal): it types, then the dialog is done."""

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DecisionDialog):
            QTimer.singleShot(20, act)
            return
        for step in steps:
            step(dialog)

    QTimer.singleShot(0, act)


def key(field, k):
    """A key pressed in one of the dialog's fields (offscreen, no window is active to Tab through)."""
    return lambda dialog: QtBot.keyClick(getattr(dialog, field), k)


def typed(field, text):
    return lambda dialog: QtBot.keyClicks(getattr(dialog, field), text)


def press(qtbot, view, name):
    button = view.buttons[name]
    assert button.isEnabled(), name
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _open(qtbot, demo_db):
    _fill_registers(demo_db)
    script = Script()
    window = MainWindow(demo_db, prompts=script.prompts())
    qtbot.addWidget(window)
    script.window = window  # kept alive by the test: qtbot holds it weakly, and a cycle is collected any time
    sec = window.secretariat
    sec.run_task(sec.open_registers)
    return script, sec, sec.registers_window.view


def test_the_register_shows_the_deadlines_and_filters_by_type_state_and_delay(qtbot, demo_db):
    _script, _sec, view = _open(qtbot, demo_db)
    model = view.model
    assert model.rowCount() == 3 and view.count.text() == "3 of 3 entries"
    cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(3)]
    assert [row[0] for row in cells] == ["date change", "reclamation", "reclamation"]
    assert cells[1][2:5] == ["20/06/2017", "27/06/2017", "dans le délai (8 jours)"]
    assert cells[2][2:5] == ["30/06/2017", "27/06/2017", "hors délai (18 jours)"]
    assert model.index(2, 4).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    assert cells[0][7].endswith("→ 03/07/2017 14:00") and cells[0][5] == "en attente du justificatif"
    view.delay.setFocus()
    qtbot.keyClick(view.delay, Qt.Key.Key_Down)
    qtbot.keyClick(view.delay, Qt.Key.Key_Down)  # « late »
    assert model.rowCount() == 1 and model.index(0, 1).data().endswith("(C2017-001)")
    assert model.index(0, 4).data() == "hors délai (18 jours)"
    view.kind.setFocus()
    qtbot.keyClick(view.kind, Qt.Key.Key_Down)
    qtbot.keyClick(view.kind, Qt.Key.Key_Down)  # « date changes »: none is late
    assert model.rowCount() == 0 and view.count.text() == "0 of 3 entries"
    qtbot.keyClick(view.delay, Qt.Key.Key_Home)
    assert model.rowCount() == 1 and view.buttons["refuse"].isEnabled()
    assert not view.buttons["answer"].isEnabled() and not view.buttons["letter"].isEnabled()


def test_a_reclamation_answered_from_the_keyboard_prints_as_a_letter(qtbot, demo_db, tmp_path):
    script, sec, view = _open(qtbot, demo_db)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # the first reclamation (within 15 days)
    assert view.selected().kind == "reclamation" and view.selected().in_time
    when_asked(
        qtbot,
        key("decision", Qt.Key.Key_Down),  # « accepted »
        typed("text", "The jury will meet again for A3.2."),
        typed("by", "Helene Roux, responsable C2i2e"),  # the date: today, as it opens
        key("by", Qt.Key.Key_Return),
    )
    press(qtbot, view, "answer")
    answered = [e for e in register_entries(demo_db, "grenoble-2017") if e.state == "accepted"]
    assert len(answered) == 1 and answered[0].decided_by == "Helene Roux, responsable C2i2e"
    assert (
        answered[0].decided_on == date.today()
        and answered[0].decision == "The jury will meet again for A3.2."
    )
    assert "answered: acceptée" in sec.journal.toPlainText()
    assert view.selected().pk == answered[0].pk and view.buttons["letter"].isEnabled()
    script.saves.append(str(tmp_path / "lettre.pdf"))
    press(qtbot, view, "letter")
    with pymupdf.open(tmp_path / "lettre.pdf") as doc:
        text = " ".join(doc[0].get_text().split())
    assert "votre réclamation est acceptée" in text and "Helene Roux, responsable C2i2e" in text


def test_a_date_change_refused_and_a_refusal_that_changes_nothing(qtbot, demo_db, tmp_path):
    script, sec, view = _open(qtbot, demo_db)
    view.table.setFocus()
    assert view.selected().kind == "date_change"
    when_asked(
        qtbot, key("reason", Qt.Key.Key_Return)
    )  # no reason, no name: the service says what is missing
    press(qtbot, view, "refuse")
    assert script.refused == ["Indiquez pourquoi le changement de date est refusé."]
    assert register_entries(demo_db, "grenoble-2017")[0].state == "awaiting_proof"
    when_asked(
        qtbot,
        typed("reason", "No proof before the oral."),
        typed("by", "Secretariat"),
        key("by", Qt.Key.Key_Return),
    )
    press(qtbot, view, "refuse")
    change = register_entries(demo_db, "grenoble-2017")[0]
    assert (change.state_label, change.decision, change.decided_by) == (
        "refusée",
        "No proof before the oral.",
        "Secretariat",
    )
    assert not view.buttons["refuse"].isEnabled() and view.buttons["letter"].isEnabled()
    script.saves.append(str(tmp_path / "decision.pdf"))
    press(qtbot, view, "letter")  # the decision, told to the candidate by letter
    with pymupdf.open(tmp_path / "decision.pdf") as doc:
        text = " ".join(doc[0].get_text().replace("\u00a0", " ").split())
    assert "Votre demande est refusée : No proof before the oral." in text and "Secretariat" in text
    assert "soit déplacée le lundi 3 juillet 2017 à 14:00" in text
    script.saves.append(str(tmp_path / "registre.csv"))
    press(qtbot, view, "export")
    rows = list(csv.reader(io.StringIO((tmp_path / "registre.csv").read_text("utf-8-sig")), delimiter=";"))
    assert len(rows) == 4 and rows[1][10:14] == [
        "refusée",
        "No proof before the oral.",
        f"{date.today():%d/%m/%Y}",
        "Secretariat",
    ]


def test_a_date_change_confirmed_from_the_keyboard_moves_the_oral(qtbot, demo_db):
    _script, sec, view = _open(qtbot, demo_db)
    view.table.setFocus()
    assert view.selected().kind == "date_change"
    when_asked(qtbot, typed("by", "Secretariat"), key("by", Qt.Key.Key_Return))
    with qtbot.waitSignal(view.changed, timeout=30_000):
        press(qtbot, view, "confirm")
    with demo_db.read() as s:
        moved = s.scalars(select(Candidate).where(Candidate.candidate_id == "C2017-003")).one()
        assert (moved.oral_date, moved.oral_time) == (date(2017, 7, 3), "14:00")
    change = register_entries(demo_db, "grenoble-2017")[0]
    assert (change.state_label, change.decided_by) == ("date modifiée", "Secretariat")
    assert "moved to 03/07/2017 14:00" in sec.journal.toPlainText()
    assert not view.buttons["confirm"].isEnabled() and not view.buttons["refuse"].isEnabled()
