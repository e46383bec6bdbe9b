"""French by default: our catalogue complete and compiled, Qt's own dialogs in French too; English selectable."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from c2i2e_jury.ui import i18n
from tools import i18n_catalogue


def test_every_string_of_the_interface_has_its_french_translation():
    assert i18n_catalogue.main(["--check"]) == 0


def test_french_is_installed_with_qt_own_catalogue(qapp, french):
    assert QCoreApplication.translate("MainWindow", "&File") == "&Fichier"
    assert (
        QCoreApplication.translate("OutcomeWidget", "%n item(s) to decide", "", 3)
        == "3 compétences à décider"
    )
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


def test_english_can_be_chosen(qapp):
    assert i18n.install(qapp, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    # English plurals read as English (the source's « (s) » is for the translators)
    assert QCoreApplication.translate("OutcomeWidget", "%n item(s) to decide", "", 1) == "1 item to decide"
    assert QCoreApplication.translate("OutcomeWidget", "%n item(s) to decide", "", 3) == "3 items to decide"
    assert QCoreApplication.translate("RoomHeader", "%n incident(s)", "", 0) == "0 incidents"


def test_qt_own_file_dialog_speaks_french(qapp, french, qtbot, tmp_path):
    """The file dialog Qt draws itself (no desktop's): « Voir dans : », « Fichiers de type : », no English."""
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    dialog = QFileDialog(None, "Choisir", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
    texts = {w.text().replace("&", "").replace("\u00a0", " ") for w in shown if w.text()}
    assert {"Voir dans :", "Fichiers de type :", "Nom de fichier :"} <= texts, texts
    english = {"Look in:", "Files of type:", "File name:", "Open", "Cancel", "Choose"}
    assert not texts & english


def test_qt_catalogue_is_found_where_pyside_keeps_it():
    assert i18n.qt_french_catalogue() is not None
    assert i18n.qt_french_catalogue().name in ("qtbase_fr.qm", "qt_fr.qm")
