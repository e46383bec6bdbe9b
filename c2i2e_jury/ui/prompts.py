"""The dialog seam every screen uses: questions (yes or no, one of a few answers, a line or a paragraph of text, a
passphrase), information, warnings, refusals and errors, and the file choosers (open, save, folder).

No screen calls ``QMessageBox``, ``QInputDialog`` or ``QFileDialog`` itself: it holds a :class:`Prompts`, whose
defaults are Qt's dialogs, and asks through it. Tests hand the screens a scripted one
(``tests/ui/scripted_prompts.py``) instead of monkeypatching Qt: a file chooser, which cannot be clicked
offscreen, is then one more scripted answer, and every message shown is recorded.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

Parent = QWidget | None


class PassphraseDialog(QDialog):
    """One passphrase, never shown; the previous attempt's error above the field."""

    def __init__(self, parent: Parent, title: str, label: str, error: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(title)
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        self.error = QLabel(error, self)
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setVisible(bool(error))
        self.field = QLineEdit(self)
        self.field.setObjectName("passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMinimumWidth(360)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.label, self.error, self.field, buttons):
            layout.addWidget(widget)
        self.field.setFocus()

    def passphrase(self) -> str:
        return self.field.text()


def _ask_passphrase(parent: Parent, title: str, label: str, error: str) -> str | None:
    dialog = PassphraseDialog(parent, title, label, error)
    try:
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.field.clear()
        dialog.deleteLater()


FILE_DIALOG_SIZE = (960, 560)  # Qt's own chooser opened at 630 px: its « Type » column read « lot…#12 »


def roomy(dialog: QFileDialog) -> QFileDialog:
    """Qt's own file chooser with its columns whole: type, size and date as wide as their texts, the name taking
    the rest, the filters' list as wide as its longest filter, the dialog wide enough for them (within the
    screen). A native chooser (not built from widgets) is left as it is."""
    tree = dialog.findChild(QTreeView, "treeView")
    if tree is not None:
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    combo = dialog.findChild(QComboBox, "fileTypeCombo")
    if combo is not None:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    screen = dialog.screen().availableGeometry()
    width, height = FILE_DIALOG_SIZE
    dialog.resize(
        min(max(dialog.width(), width), screen.width()), min(max(dialog.height(), height), screen.height())
    )
    return dialog


def file_dialog(
    parent: Parent, caption: str, start: str, filters: str, mode: QFileDialog.FileMode
) -> QFileDialog:
    """A file chooser on ``start`` (a folder, or a file to select) for ``mode``, its columns whole."""
    dialog = QFileDialog(parent, caption, start, filters)
    dialog.setFileMode(mode)
    return roomy(dialog)


def _chosen(dialog: QFileDialog) -> list[str]:
    """The files chosen, or none when the user cancels; the dialog is then let go."""
    try:
        return dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()


def _ask_file(parent: Parent, caption: str, start: str, filters: str) -> str | None:
    chosen = _chosen(file_dialog(parent, caption, start, filters, QFileDialog.FileMode.ExistingFile))
    return chosen[0] if chosen else None


class HidingFiles(QSortFilterProxyModel):
    """A file chooser's listing without the files ``hide`` turns down (folders always show)."""

    def __init__(self, hide: Callable[[str], bool], parent: QWidget) -> None:
        super().__init__(parent)  # owned by the dialog: Qt uses it after Python has let go of it
        self.hide = hide

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        if not isinstance(model, QFileSystemModel) or model.isDir(index):
            return True
        return not self.hide(model.filePath(index))


def file_dialog_hiding(
    parent: Parent, caption: str, start: str, filters: str, hide: Callable[[str], bool]
) -> QFileDialog:
    """Qt's own file chooser (a native one cannot filter by content) on ``start`` (a folder, or a file to select),
    not listing the files ``hide`` turns down."""
    dialog = QFileDialog(parent, caption, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setProxyModel(HidingFiles(hide, dialog))
    if start and Path(start).is_file():
        dialog.setDirectory(str(Path(start).parent))
        dialog.selectFile(start)
    return roomy(dialog)


def _ask_file_hiding(
    parent: Parent, caption: str, start: str, filters: str, hide: Callable[[str], bool]
) -> str | None:
    chosen = _chosen(file_dialog_hiding(parent, caption, start, filters, hide))
    return chosen[0] if chosen else None


def _preview_pdf(parent: Parent, title: str, text: str, pdf: bytes, accept: str, reject: str) -> bool:
    from c2i2e_jury.ui.pdf_preview import ask_preview

    return ask_preview(parent, title, text, pdf, accept, reject)


def _ask_files(parent: Parent, caption: str, start: str, filters: str) -> list[str]:
    return _chosen(file_dialog(parent, caption, start, filters, QFileDialog.FileMode.ExistingFiles))


def _ask_folder(parent: Parent, caption: str, start: str) -> str | None:
    dialog = file_dialog(parent, caption, start, "", QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    chosen = _chosen(dialog)
    return chosen[0] if chosen else None


def save_dialog(parent: Parent, caption: str, start: str, filters: str) -> QFileDialog:
    """A chooser of the file to write (it asks before replacing one), its columns whole."""
    dialog = file_dialog(parent, caption, start, filters, QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return dialog


def _ask_save(parent: Parent, caption: str, start: str, filters: str) -> str | None:
    chosen = _chosen(save_dialog(parent, caption, start, filters))
    return chosen[0] if chosen else None


def _ask_save_typed(parent: Parent, caption: str, start: str, filters: str) -> tuple[str, str] | None:
    """The path and the filter chosen with it (« CSV » or « Excel » when the name has no extension)."""
    dialog = save_dialog(parent, caption, start, filters)
    chosen = _chosen(dialog)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else None


def _ask_text(parent: Parent, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(parent, title, label)
    return text if ok else None


def _edit_text(parent: Parent, title: str, label: str, text: str) -> str | None:
    """A text to review and change before it is used (a rework request's sentences)."""
    edited, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    return edited if ok else None


def _ask_line(parent: Parent, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label)  # one line: Enter gives it
    return text if ok else None


class RequiredLineDialog(QInputDialog):
    """One line of text that may not be empty: Entrée on an empty field keeps the dialog open and says what is
    missing (it used to close it, and the decision that needed the text was silently dropped)."""

    def __init__(self, parent: Parent, title: str, label: str, missing: str) -> None:
        super().__init__(parent)
        self.setObjectName("requiredLineDialog")
        self.setWindowTitle(title)
        self.setLabelText(label)
        self.label, self.missing = label, missing

    def done(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and not self.textValue().strip():
            self.setLabelText(f"{self.label}<br><b style='color:#b00020'>{html.escape(self.missing)}</b>")
            return
        super().done(result)


def _ask_required_line(parent: Parent, title: str, label: str, missing: str) -> str | None:
    dialog = RequiredLineDialog(parent, title, html.escape(label).replace("\n", "<br>"), missing)
    try:
        return dialog.textValue().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def _confirm(parent: Parent, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def _confirm_risky(parent: Parent, title: str, text: str) -> bool:
    """A question whose « Oui » does something that cannot be taken back lightly: « Non » is the default button,
    so that a juror who presses Entrée by reflex changes nothing."""
    no = QMessageBox.StandardButton.No
    return (
        QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | no, no)
        == QMessageBox.StandardButton.Yes
    )


def _choose(parent: Parent, title: str, text: str, buttons: list[str]) -> int | None:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    choices = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in buttons]
    box.exec()
    clicked = box.clickedButton()
    return choices.index(clicked) if clicked in choices else None


def _refuse(parent: Parent, title: str, text: str, details: str, actions: list[str]) -> int | None:
    """A refusal with its details folded away and, besides Close, what the user may do about it."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    if details:
        box.setDetailedText(details)
    choices = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in actions]
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    return choices.index(clicked) if clicked in choices else None


def _inform(parent: Parent, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def _warn(parent: Parent, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def _error(parent: Parent, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def _about(parent: Parent, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


@dataclass
class Prompts:
    """How the screens ask and tell (parent, title or caption, …); replace any of them in tests.

    The file choosers return None (or nothing) when the user cancels; ``choose`` and ``refusal`` the index of the
    button clicked among those given, None for Cancel or Close."""

    open_file: Callable[[Parent, str, str, str], str | None] = _ask_file
    open_files: Callable[[Parent, str, str, str], list[str]] = _ask_files
    # a file, the files ``hide`` (last argument) turns down not listed: a juror's credential, not the authority's
    open_file_hiding: Callable[[Parent, str, str, str, Callable[[str], bool]], str | None] = _ask_file_hiding
    # a PDF shown whole, then (text, pdf, accept label, reject label): True when accepted
    preview_pdf: Callable[[Parent, str, str, bytes, str, str], bool] = _preview_pdf
    folder: Callable[[Parent, str, str], str | None] = _ask_folder
    save_file: Callable[[Parent, str, str, str], str | None] = _ask_save
    save_file_typed: Callable[[Parent, str, str, str], tuple[str, str] | None] = _ask_save_typed
    passphrase: Callable[[Parent, str, str, str], str | None] = _ask_passphrase
    text: Callable[[Parent, str, str], str | None] = _ask_text
    edit_text: Callable[[Parent, str, str, str], str | None] = _edit_text  # + the text proposed
    line: Callable[[Parent, str, str], str | None] = _ask_line
    required_line: Callable[[Parent, str, str, str], str | None] = _ask_required_line  # + what is missing
    confirm: Callable[[Parent, str, str], bool] = _confirm
    confirm_risky: Callable[[Parent, str, str], bool] = _confirm_risky  # « Non » by default
    choose: Callable[[Parent, str, str, list[str]], int | None] = _choose
    inform: Callable[[Parent, str, str], None] = _inform
    warn: Callable[[Parent, str, str], None] = _warn
    refusal: Callable[[Parent, str, str, str, list[str]], int | None] = _refuse
    error: Callable[[Parent, str, str], None] = _error
    about: Callable[[Parent, str, str], None] = _about
