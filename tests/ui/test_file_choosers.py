"""The file choosers of ui/prompts.py, as Qt draws them (no desktop's), show their columns whole at 1366×768 in
French: the « Type » column read « lot…#12 » (« lot de certificats PKCS#12 ») and the date was cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QFileDialog, QTreeView

from c2i2e_jury.ui.prompts import file_dialog, file_dialog_hiding, save_dialog

HEADER_KEY = "FileDialog/treeViewHeader"
FILTERS = "Identifiants de signature (*.p12 *.pfx);;Tous les fichiers (*)"


@pytest.fixture
def folder(tmp_path):
    for name in ("jure1.p12", "jure2.p12", "autorite.p12"):
        (tmp_path / name).write_bytes(b"0" * 2000)
    return tmp_path


@pytest.fixture
def first_time(qapp):
    """Qt's own chooser as on a machine where none was opened yet: it restores the columns of the last one
    (QtProject.conf, shared by every Qt program of the user); put back after the test."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    saved = settings.value(HEADER_KEY)
    settings.remove(HEADER_KEY)
    settings.sync()
    yield
    if saved is not None:
        settings.setValue(HEADER_KEY, saved)
    settings.sync()


def _chooser(kind: str, folder) -> QFileDialog:
    if kind == "hiding":
        return file_dialog_hiding(None, "Identifiants", str(folder), FILTERS, lambda p: "autorite" in p)
    if kind == "save":
        return save_dialog(None, "Enregistrer", str(folder), FILTERS)
    dialog = file_dialog(None, "Ouvrir", str(folder), FILTERS, QFileDialog.FileMode.ExistingFiles)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # as on a desktop without a native one
    return dialog


@pytest.mark.parametrize("kind", ["open", "hiding", "save"])
def test_the_file_choosers_show_their_columns_and_filters_whole(
    qapp, french, qtbot, folder, first_time, kind
):
    dialog = _chooser(kind, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    tree = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) >= 2, timeout=60000)
    model, root = tree.model(), tree.rootIndex()
    types = {str(model.index(row, 2, root).data()) for row in range(model.rowCount(root))}
    assert any(len(t) > 12 for t in types), types  # « lot de certificats PKCS#12 »: a long type to show
    header = tree.header()
    for column in range(1, header.count()):  # size, type, date: each as wide as its texts and its title
        if header.isSectionHidden(column):
            continue
        qtbot.waitUntil(lambda c=column: header.sectionSize(c) >= tree.sizeHintForColumn(c), timeout=60000)
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
    name = header.sectionViewportPosition(0) + header.sectionSize(0)
    assert name <= header.sectionViewportPosition(1)  # the columns do not overlap
    assert header.sectionViewportPosition(header.count() - 1) + header.sectionSize(header.count() - 1) <= (
        tree.viewport().width()
    )  # the last column (the date) is not cut by the view's edge
    assert header.sectionSize(0) >= tree.sizeHintForColumn(0)  # the names whole too
    combo = dialog.findChild(QComboBox, "fileTypeCombo")
    assert combo.width() >= combo.sizeHint().width()  # « Identifiants de signature (*.p12 *.pfx) » whole
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
