"""French by default: our catalogue complete and compiled, Qt's own dialogs in French too; English selectable."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from c2i2e_jury.ui import i18n
from tools import i18n_catalogue


def test_every_string_of_the_interface_has_its_french_translation():
    assert i18n_catalogue.main(["--check"]) == 0


def test_french_is_installed_with_qt_own_catalogue(qapp, french):
    assert QCoreApplication.translate("MainWindow", "&File") == "&Fichier"
    assert QCoreApplication.translate("OutcomeWidget", "%n item(s) to decide", "", 3) == "3 compétences à décider"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


def test_english_can_be_chosen(qapp):
    assert i18n.install(qapp, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    # English plurals read as English (the source's « (s) » is for the translators)
    assert QCoreApplication.translate("OutcomeWidget", "%n item(s) to decide", "", 1) == "1 item to decide"
    assert QCoreApplication.translate("OutcomeWidget", "%n item(s) to decide", "", 3) == "3 items to decide"
    assert QCoreApplication.translate("JuryRoomWidget", "%n incident(s)", "", 0) == "0 incidents"
