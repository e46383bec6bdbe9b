# ruff: noqa: F811 (pytest fixtures imported from test_president_documents)
"""Issue 12 §3 on the president's screen: « Sign » on a PV without a place does not close the dialog; the place
field is highlighted with one sentence, and once a place is typed the PV is signed and prints it."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from tests.ui.review.test_president_documents import (  # noqa: F401 (fixtures)
    PASSPHRASE,
    decide_everyone,
    president,
    president_p12,
    settings,
    workspace,
)
from tests.ui.scripted_prompts import Script

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_a_pv_without_a_place_is_refused_in_the_dialog_then_signed(
    qtbot, workspace, heard_db, president_p12, settings, tmp_path
):
    decide_everyone(heard_db)
    out = tmp_path / "pv.pdf"
    script = Script(files=[str(president_p12)], passphrases=[PASSPHRASE], saves=[str(out)])
    seen = {}

    def sign_twice(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.meeting.setDate(QDate(2017, 7, 10))
        dialog.place.setText("  ")
        qtbot.keyClick(dialog.place, Qt.Key.Key_Return)  # « Sign and save… » is the default button
        seen["open"] = dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
        seen["sentence"] = dialog.place_missing.text() if dialog.place_missing.isVisible() else ""
        seen["highlighted"] = "border" in dialog.place.styleSheet()
        dialog.place.clear()
        qtbot.keyClicks(dialog.place, "Grenoble, ESPE")
        seen["cleared"] = not dialog.place_missing.isVisible() and dialog.place.styleSheet() == ""
        qtbot.keyClick(dialog.place, Qt.Key.Key_Return)
        return dialog.result() == QDialog.DialogCode.Accepted

    path = workspace.president_documents(script.prompts(), settings, dialog_hook=sign_twice).run_pv()
    assert seen == {
        "open": True,
        "sentence": "Type the place of the meeting: a procès-verbal without a place cannot be signed.",
        "highlighted": True,
        "cleared": True,
    }
    assert path == out
    with pymupdf.open(out) as doc:
        text = " ".join(" ".join(page.get_text().split()) for page in doc)
    assert "Réunion du lundi 10 juillet 2017, Grenoble, ESPE." in text
