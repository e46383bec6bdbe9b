"""Asking the jury why the timer pauses: a short list of usual reasons that arrows and Enter suffice to pick, or a
few words of its own. The reason goes into the timing log that the result sheet keeps.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget


class PauseReasonDialog(QDialog):
    """A list of reasons (arrows and Enter suffice); « Autre… » asks for a few words."""

    def __init__(self, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pause the timer"))
        self._list = QListWidget(self)
        self._other = self.tr("Other…")
        self._list.addItems(
            [
                self.tr("Technical incident"),
                self.tr("Candidate unwell"),
                self.tr("Outside interruption"),
                self._other,
            ]
        )
        self._list.setCurrentRow(0)
        self._detail = QLineEdit(self, placeholderText=self.tr("Reason, in a few words"))
        self._detail.setEnabled(False)
        self._list.currentTextChanged.connect(lambda text: self._detail.setEnabled(text == self._other))
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._detail.textChanged.connect(self._update_ok)
        self._list.currentTextChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, self))
        layout.addWidget(self._list)
        layout.addWidget(self._detail)
        layout.addWidget(self._buttons)
        self._list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_ok(self) -> None:
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self._list.currentItem().text() != self._other or bool(self._detail.text().strip()))

    def select(self, row: int) -> None:
        self._list.setCurrentRow(row)

    def set_detail(self, text: str) -> None:
        self._detail.setText(text)

    def reason(self) -> str:
        chosen = self._list.currentItem().text()
        if chosen != self._other:
            return chosen
        return self.tr("Other: {detail}").format(detail=self._detail.text().strip())


def ask_pause_reason(parent: QWidget, prompt: str) -> str | None:
    """The chosen reason, or None when the jury cancels."""
    dialog = PauseReasonDialog(prompt, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason()
