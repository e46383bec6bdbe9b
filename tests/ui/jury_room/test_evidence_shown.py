"""Where the dossier cites the item shown: never « not cited » before the dossier has been read (seen in a juror's
walk: during a switch of candidate, the pane said « code non cité » until the new evidence map arrived)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from c2i2e_jury.ui.jury_room.items_panel import ItemsPanel
from c2i2e_jury.ui.jury_room.oral_session import OralSession
from tests.ui.jury_room.test_jury_room import open_window, pk_of


def test_the_pages_citing_an_item_are_said_once_known_and_not_before(qtbot, demo_db):
    panel = ItemsPanel()
    qtbot.addWidget(panel)
    session = OralSession(demo_db, pk_of(demo_db, "C2017-001"), QUndoStack())
    assert session.file.dossier_path is not None
    panel.set_session(session)
    label = panel.detail.evidence_label
    code = panel.current_code()
    assert label.text() == "looking for it in the dossier…"  # the map is being built: nothing is known yet
    panel.set_evidence({code: ([4, 7], 3)})
    assert 'p. 4</a>, <a href="7">p. 7</a> — part' in label.text()
    other = panel.model.item(1).code
    panel.select(other)
    assert label.text() == "code not cited"  # the map has come: this item is cited nowhere
    panel.set_evidence({})  # the dossier could not be read: no map will come
    assert label.text() == "code not cited"


def test_a_dossier_that_cannot_be_read_does_not_leave_the_pane_waiting(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.open_candidate(pk_of(demo_db, "C2017-001"))
    room = window.room
    room.viewer.failed.emit("Le dossier ne peut pas être affiché.")
    room.items.select(room.items.model.item(2).code)
    assert room.items.detail.evidence_label.text() == "code not cited"
