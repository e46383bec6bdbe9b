"""Noting an incident as it happens: its kind, a note; the time is taken when it is saved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from c2i2e_jury.services.jury_room import INCIDENT_KINDS


def incident_labels() -> dict[str, str]:
    return {
        "late_arrival": QCoreApplication.translate("IncidentDialog", "Late arrival"),
        "technical": QCoreApplication.translate("IncidentDialog", "Technical incident"),
        "fraud_suspicion": QCoreApplication.translate(
            "IncidentDialog", "Suspicion of fraud or plagiarism (goes to the certification jury)"
        ),
        "other": QCoreApplication.translate("IncidentDialog", "Other"),
    }


class IncidentDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note an incident"))
        self.kind = QComboBox(self)
        for key, label in incident_labels().items():
            self.kind.addItem(label, key)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What happened (the time is recorded automatically)"))
        self.note.setMinimumWidth(420)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(buttons)
        self.note.setFocus()

    def value(self) -> tuple[str, str]:
        kind = str(self.kind.currentData())
        assert kind in INCIDENT_KINDS
        return kind, self.note.text().strip()
