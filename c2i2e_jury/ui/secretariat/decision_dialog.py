"""The form of a decision on a register's entry: the answer to a reclamation (accepted or rejected, the answer
given), a date change's refusal (why) or its confirmation; always its date and who decides (remembered)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

ANSWER, REFUSAL, CONFIRMATION = "answer", "refusal", "confirmation"


class DecisionDialog(QDialog):
    """Keyboard first: Tab goes from field to field (the answer's text included), Entrée on the last saves."""

    def __init__(self, kind: str, about: str, by: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerDecision")
        self.kind = kind
        titles = {
            ANSWER: self.tr("Answer the reclamation"),
            REFUSAL: self.tr("Refuse the date change"),
            CONFIRMATION: self.tr("Confirm the date change (proof received)"),
        }
        self.setWindowTitle(titles[kind])
        form = QFormLayout(self)
        summary = QLabel(about, self)
        summary.setWordWrap(True)
        form.addRow(summary)
        self.decision = QComboBox(self)
        self.decision.addItem(self.tr("the reclamation is rejected"), False)
        self.decision.addItem(self.tr("the reclamation is accepted"), True)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        self.reason = QLineEdit(self)
        if kind == ANSWER:
            form.addRow(self.tr("&Decision:"), self.decision)
            form.addRow(self.tr("&Answer given:"), self.text)
        elif kind == REFUSAL:
            self.reason.setPlaceholderText(self.tr("Why the oral stays where it was"))
            form.addRow(self.tr("&Reason:"), self.reason)
        for unused in (w for w in (self.decision, self.text, self.reason) if form.indexOf(w) < 0):
            unused.hide()  # the fields this kind of decision does not ask for
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        form.addRow(self.tr("Decided &on:"), self.day)
        self.by = QLineEdit(by, self)
        self.by.setPlaceholderText(self.tr("Name and role"))
        form.addRow(self.tr("&By:"), self.by)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def decided_on(self) -> date:
        value = self.day.date()
        return date(value.year(), value.month(), value.day())

    def is_accepted(self) -> bool:
        return bool(self.decision.currentData())
