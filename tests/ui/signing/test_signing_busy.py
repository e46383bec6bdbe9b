"""Issue 12: signing runs off the GUI thread behind a busy dialog — the window keeps painting and the oral's clock
keeps ticking while both jurors' signatures are made (it used to freeze for the whole signature). How long the
longest stall is, is a benchmark row (benchmarks/bench_signing_ui.py), not a test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from c2i2e_jury.services import jury_room
from c2i2e_jury.ui.busy import title_width
from c2i2e_jury.ui.signing.sheet import sign_sheet_dialog
from tests.services.sheet_factory import SIGNING, decide_all
from tests.ui.signing.test_signing import both_jurors, pki, room, settings  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.own_signing_worker,  # the window turns while a worker of its own signs
]


def test_the_event_loop_turns_behind_a_busy_dialog_while_both_jurors_sign(qtbot, room, pki, settings):  # noqa: F811
    db, pks = room
    decide_all(db, pks["C1"])
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    busy_seen: list[str] = []
    ticks: list[int] = []

    def tick() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QProgressDialog) and dialog.isVisible():
            busy_seen.append(dialog.labelText())
            ticks.append(1)

    assert _signed_watching_busy(window, db, pks, pki, settings, tick)
    assert jury_room.candidate_file(db, pks["C1"]).locked
    assert "Signing the sheet…" in busy_seen, "the busy state was shown while the sheet was signed"
    assert len(ticks) >= 2, "the GUI's timers ran during the signature (the window was not frozen)"


def _signed_watching_busy(window, db, pks, keys, remembered, watch) -> bool:
    """C1's sheet signed by both jurors through the dialogs, ``watch`` called every millisecond meanwhile."""
    clock = QTimer()
    clock.setInterval(1)
    clock.timeout.connect(watch)
    clock.start()
    try:
        return sign_sheet_dialog(
            window, db, pks["C1"], prompts=both_jurors(keys).prompts(), settings=remembered, now=SIGNING
        )
    finally:
        clock.stop()


BUSY_TITLES = {  # what each busy dialog of the signing is titled with, in French
    "Drawing the sheet…": ("Preparing the result sheet", "Préparation de la feuille de résultats"),
    "Opening the credential…": ("Opening the signing credential", "Ouverture de l'identifiant de signature"),
    "Signing the sheet…": ("Signing the result sheet", "Signature de la feuille de résultats"),
}


def test_each_busy_dialog_of_the_signing_says_what_it_does_in_its_title(qtbot, room, pki, settings):  # noqa: F811
    """Its title was the program's name (« c2i2e-jury »): it says what is being done."""
    db, pks = room
    decide_all(db, pks["C1"])
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, str] = {}
    widths: list[bool] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QProgressDialog) and dialog.isVisible():
            seen[dialog.labelText()] = dialog.windowTitle()
            widths.append(dialog.width() >= title_width(dialog))  # the title not cut in the title bar

    assert _signed_watching_busy(window, db, pks, pki, settings, look)
    assert seen, "a busy dialog was shown"
    assert all(widths)
    for label, title in seen.items():
        assert title == BUSY_TITLES[label][0], (label, title)
        assert title != QApplication.applicationName()


def test_the_busy_dialogs_titles_are_french(qapp, french):
    for context, (title, french_title) in zip(
        ("SheetSigning", "CredentialPrompt", "SheetSigning"), BUSY_TITLES.values(), strict=True
    ):
        assert QApplication.translate(context, title) == french_title, context
