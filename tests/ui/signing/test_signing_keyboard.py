"""Issue 12, as the jurors do it with the keyboard, offscreen, every dialog the real one but the file chooser
(scripted: offscreen, Qt's own chooser does not reliably take a typed path; its listing is checked apart): the
sheet is read before juror 1 signs (Page Down, then Entrée on « Sign (juror 1) », or Échap for « Correct »), each
juror types the passphrase, the chooser lists neither the authority's nor the president's file, and the signed
record's fields then look read-only in the jury room."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from c2i2e_jury.services import jury_room
from c2i2e_jury.services.credential_choice import jury_signers, not_a_jurors
from c2i2e_jury.services.sheet_signing import latest_sheet
from c2i2e_jury.ui.pdf_preview import PdfPreviewDialog
from c2i2e_jury.ui.prompts import PassphraseDialog, Prompts, file_dialog_hiding
from c2i2e_jury.ui.signing.sheet import sign_sheet_dialog
from tests.services.sheet_factory import SIGNING
from tests.ui.signing.key_factory import (  # noqa: F401 (fixtures: pki, key, room)
    KEY_PASSPHRASES,
    key_fixture,
    pki_fixture,
    room_fixture,
)

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


class Jurors:
    """Answers whatever dialog is up, once each, with the keys a juror presses; records what each showed."""

    def __init__(self, qtbot, files, passphrases, *, preview_key=Qt.Key.Key_Return):
        self.qtbot, self.files, self.passphrases, self.preview_key = (
            qtbot,
            list(files),
            list(passphrases),
            preview_key,
        )
        self.seen: list[tuple[str, object]] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.answer)
        self.timer.start()

    def answer(self):
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.property("answered") or isinstance(dialog, QProgressDialog):
            return
        if not dialog.isVisible():
            return
        keys = self.qtbot
        dialog.setProperty("answered", True)  # a marker on the dialog itself: id() is reused once it is gone
        if isinstance(dialog, PdfPreviewDialog):
            bar = dialog.scroller.verticalScrollBar()
            before = bar.value()
            keys.keyClick(dialog.scroller, Qt.Key.Key_PageDown)
            pages = [label.pixmap() for label in dialog.page_labels]
            self.seen.append(
                ("preview", (dialog.text.text(), len(pages), not pages[0].isNull(), bar.value() > before))
            )
            keys.keyClick(dialog, self.preview_key)
        elif isinstance(dialog, PassphraseDialog):
            self.seen.append(("passphrase", dialog.label.text()))
            keys.keyClicks(dialog.field, self.passphrases.pop(0))
            keys.keyClick(dialog.field, Qt.Key.Key_Return)
        elif isinstance(dialog, QMessageBox):
            self.seen.append(("message", dialog.text()))
            keys.keyClick(dialog, Qt.Key.Key_Return)

    def prompts(self):
        """The real dialogs, but the file chooser (offscreen, Qt's own chooser does not reliably take a typed
        path): it records where it starts and answers the next file."""
        prompts = Prompts()

        def chooser(parent, caption, start, filters, hide):
            self.seen.append(("chooser", start))
            return str(self.files.pop(0))

        prompts.open_file_hiding = chooser
        return prompts

    def kinds(self):
        return [kind for kind, _ in self.seen]


@pytest.mark.own_signing_worker
def test_the_jurors_read_the_sheet_then_sign_it_with_the_keyboard(qtbot, room, key, tmp_path):
    db, pk = room
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    jurors = Jurors(qtbot, key.jurors, KEY_PASSPHRASES)
    try:
        assert sign_sheet_dialog(None, db, pk, prompts=jurors.prompts(), settings=settings, now=SIGNING)
    finally:
        jurors.timer.stop()
    assert jurors.kinds() == ["preview", "chooser", "passphrase", "chooser", "passphrase", "message"]
    text, pages, drawn, scrolled = jurors.seen[0][1]
    assert "28 competences validated" in text and pages >= 1 and drawn and scrolled
    assert jurors.seen[3][1] == str(key.folder), "juror 2's chooser opens where juror 1's file was"
    assert jurors.seen[1][1] == "", "nothing remembered for juror 1 on this computer yet"
    assert jurors.seen[2][1] == "Passphrase of Benoît Œhlenschläger, juror 1 (file jure1.p12):"
    assert jurors.seen[4][1] == "Passphrase of Zoé Mäkelä-Garçon, juror 2 (file jure2.p12):"
    assert jury_room.candidate_file(db, pk).locked
    assert "The record is locked" in jurors.seen[5][1]


def test_the_preview_is_the_sheet_that_is_signed(qtbot, room, key, tmp_path):
    db, pk = room
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown: list[bytes] = []
    jurors = Jurors(qtbot, key.jurors, KEY_PASSPHRASES)
    prompts = jurors.prompts()
    real = prompts.preview_pdf
    prompts.preview_pdf = lambda *args: shown.append(args[3]) or real(*args)
    try:
        assert sign_sheet_dialog(None, db, pk, prompts=prompts, settings=settings, now=SIGNING)
    finally:
        jurors.timer.stop()

    def words(pdf):
        with pymupdf.open(stream=pdf) as document:
            return [page.get_text() for page in document]

    preview, signed = words(shown[0]), words(latest_sheet(db, pk).pdf)
    assert len(preview) == len(signed)
    assert preview[0] == signed[0], "juror 1 signs the page the jurors read"
    assert "Benoît Œhlenschläger" in preview[0] and "LEFÈVRE" in preview[0]


def test_correct_on_the_preview_asks_nothing_and_signs_nothing(qtbot, room, key, tmp_path):
    db, pk = room
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    jurors = Jurors(qtbot, key.jurors, KEY_PASSPHRASES, preview_key=Qt.Key.Key_Escape)
    try:
        assert not sign_sheet_dialog(None, db, pk, prompts=jurors.prompts(), settings=settings, now=SIGNING)
    finally:
        jurors.timer.stop()
    assert jurors.kinds() == ["preview"]
    assert latest_sheet(db, pk) is None and not jury_room.candidate_file(db, pk).locked


def test_the_chooser_lists_neither_the_authority_nor_the_president(qtbot, room, key):
    db, pk = room
    signers = jury_signers(db, pk)
    dialog = file_dialog_hiding(
        None,
        "Juré 1",
        str(key.folder),
        "Signing credential (*.p12 *.pfx)",
        lambda p: bool(not_a_jurors(p, signers)),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    proxy = dialog.proxyModel()
    files = proxy.sourceModel()

    def listed():
        root = proxy.mapFromSource(files.index(str(key.folder)))
        return sorted(proxy.index(row, 0, root).data() for row in range(proxy.rowCount(root)))

    qtbot.waitUntil(lambda: listed() == ["jure1.p12", "jure2.p12", "nadia.p12"], timeout=30_000)
    dialog.reject()


def test_a_signed_records_fields_look_read_only_in_the_jury_room(qtbot, room, key, tmp_path):
    from c2i2e_jury.ui.main_window import MainWindow

    db, pk = room
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    jurors = Jurors(qtbot, key.jurors, KEY_PASSPHRASES)
    try:
        assert sign_sheet_dialog(None, db, pk, prompts=jurors.prompts(), settings=settings, now=SIGNING)
    finally:
        jurors.timer.stop()
    window = MainWindow(db, prompts=Prompts())
    qtbot.addWidget(window)
    window.show()
    window.open_candidate(pk)
    items = window.room.items
    for field in (items.comment_edit, items.justification_edit):
        assert field.isReadOnly() and field.placeholderText() == ""  # no « Entrée pour enregistrer »
        shown = field.grab().toImage().pixelColor(field.width() // 2, field.height() // 2)
        assert shown == field.palette().color(QPalette.ColorRole.Window), "grey like the window, not white"
        assert shown != QApplication.palette().color(QPalette.ColorRole.Base)
    assert window.room.status.text() == "Signed — locked"
