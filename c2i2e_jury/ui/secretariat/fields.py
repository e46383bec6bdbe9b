"""A small form of text fields (some hidden as passphrases) with OK / Cancel: the authority, a credential, a
passphrase change, a revocation."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget


class FieldsDialog(QDialog):
    """A small form: text fields (some hidden as passphrases) with OK / Cancel."""

    def __init__(self, parent: QWidget | None, title: str, fields: list[tuple[str, str, bool]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        for key, label, secret in fields:
            edit = QLineEdit(self)
            edit.setMinimumWidth(320)
            if secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(label, edit)
            self.edits[key] = edit
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.edits.items()}
