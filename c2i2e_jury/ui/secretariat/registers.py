"""The secretariat's registers: a reclamation (the 15-day limit computed and shown) and a change of oral date
(only for the seed's three reasons, with the proof noted)."""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from c2i2e_jury.services import jury_room
from c2i2e_jury.services.registers import DATE_CHANGE_REASONS
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import fill


class Reclamation(TypedDict):
    """What a reclamation dialog records (the service's keywords)."""

    problem_date: date
    received_date: date
    text: str


class DateChange(TypedDict):
    """What a change of date dialog records (the service's keywords)."""

    reason: str
    proof: str
    proof_received: bool
    new_date: date
    new_time: str
    requested_on: date


def _who() -> str:
    """Who records: the name the secretariat last gave in the registers, else the office."""
    return Settings().secretariat_name() or "secrétariat"


def _date_edit(parent: QWidget, value: date | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setDate(QDate(value.year, value.month, value.day) if value else QDate.currentDate())
    return edit


def _py(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class CandidateChooser(QComboBox):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(False)
        for entry in sorted(jury_room.day_entries(db), key=lambda e: (e.last_name, e.first_name)):
            self.addItem(f"{entry.full_name} — {entry.candidate_id}", entry.pk)

    def candidate_pk(self) -> int:
        return int(self.currentData())


class ReclamationDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Register a reclamation"))
        self.candidate = CandidateChooser(db, self)
        self.problem = _date_edit(self)
        self.received = _date_edit(self)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("The written request: its object and reasons"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Candidate:"), self.candidate)
        form.addRow(self.tr("Date of the &problem:"), self.problem)
        form.addRow(self.tr("&Received on:"), self.received)
        form.addRow(self.tr("&Request:"), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def candidate_pk(self) -> int:
        return self.candidate.candidate_pk()

    def record(self, workspace: Any) -> None:
        """Ask, then register it through the service; the journal says the delay."""
        from c2i2e_jury.services.registers import record_reclamation

        if not self.exec():
            return
        row = record_reclamation(self.db, self.candidate_pk(), by=_who(), **self.values())
        workspace.note(fill(self.tr("Reclamation of %1 registered: %2"), row.full_name, row.delay_text))

    def values(self) -> Reclamation:
        return Reclamation(
            problem_date=_py(self.problem), received_date=_py(self.received), text=self.text.toPlainText()
        )


class DateChangeDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Change an oral's date"))
        self.candidate = CandidateChooser(db, self)
        self.reason = QComboBox(self)
        for key, label in DATE_CHANGE_REASONS.items():
            self.reason.addItem(label, key)
        self.reason.addItem(self.tr("another reason"), "other")
        self.proof = QLineEdit(self)
        self.proof.setPlaceholderText(
            self.tr("The proof (hospital certificate, death certificate, convocation…)")
        )
        self.proof_received = QCheckBox(self.tr("proof received"), self)
        self.new_date = _date_edit(self)
        self.new_time = QTimeEdit(QTime(8, 30), self)  # a time the room kit accepts: no free text
        self.new_time.setDisplayFormat("HH:mm")
        self.requested = _date_edit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Candidate:"), self.candidate)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("&Proof:"), self.proof)
        form.addRow("", self.proof_received)
        form.addRow(self.tr("New &date:"), self.new_date)
        form.addRow(self.tr("New &time:"), self.new_time)
        form.addRow(self.tr("Requested &on:"), self.requested)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def candidate_pk(self) -> int:
        return self.candidate.candidate_pk()

    def record(self, workspace: Any) -> None:
        """Ask, then register it through the service (the oral moves at once when the proof is in hand)."""
        from c2i2e_jury.services.registers import request_date_change

        if not self.exec():
            return
        row = request_date_change(self.db, self.candidate_pk(), by=_who(), **self.values())
        workspace.note(fill(self.tr("Oral date change for %1: %2"), row.full_name, row.status_label))
        workspace.campaignChanged.emit()

    def values(self) -> DateChange:
        return DateChange(
            reason=str(self.reason.currentData()),
            proof=self.proof.text(),
            proof_received=self.proof_received.isChecked(),
            new_date=_py(self.new_date),
            new_time=self.new_time.time().toString("HH:mm"),
            requested_on=_py(self.requested),
        )
