"""The registers' screen: every reclamation and date change of the campaign in one table, filtered by type,
state and delay, the 15-day deadline shown; the selected entry answered (a reclamation) or decided (a date change
confirmed or refused), then its letter printed; the whole register exported for Excel.

What may be done is the entry's state's answer (a decided entry prints, a pending one is answered or decided);
every decision is a service call, stored before the table shows it; a refusal is one French sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.services.register_view import RegisterEntry, matching, register_entries
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.secretariat.decision_dialog import ANSWER, CONFIRMATION, REFUSAL, DecisionDialog
from c2i2e_jury.ui.secretariat.register_model import RegisterModel
from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import fill


class RegisterView(QWidget):
    """``noted`` carries a sentence for the secretariat's journal; ``changed`` says an oral may have moved."""

    noted = Signal(str)
    changed = Signal()

    def __init__(
        self, db: Database, campaign_id: str, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registerView")
        self.db, self.campaign_id, self.prompts = db, campaign_id, prompts
        self.all: list[RegisterEntry] = []
        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.kind = self._combo([(self.tr("all"), None), (self.tr("reclamations"), "reclamation"),
                                 (self.tr("date changes"), "date_change")])  # fmt: skip
        self.state = self._combo([(self.tr("all"), None), (self.tr("awaiting a decision"), True),
                                  (self.tr("decided"), False)])  # fmt: skip
        self.delay = self._combo([(self.tr("all"), None), (self.tr("within 15 days"), True),
                                  (self.tr("late"), False)])  # fmt: skip
        self.count = QLabel(self)
        self.buttons = {
            "answer": self._button(self.tr("&Answer…"), self.answer),
            "letter": self._button(self.tr("&Print the answer…"), self.print_letter),
            "confirm": self._button(self.tr("&Confirm (proof received)…"), self.confirm),
            "refuse": self._button(self.tr("Re&fuse the change…"), self.refuse),
            "export": self._button(self.tr("&Export the whole register…"), self.export),
        }
        self._lay_out()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.reload()

    def _combo(self, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self._show())
        return combo

    def _button(self, label: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(label, self)
        button.clicked.connect(lambda _c=False: self.run(slot))
        return button

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for label, combo in (
            (self.tr("&Type:"), self.kind),
            (self.tr("&State:"), self.state),
            (self.tr("&Delay:"), self.delay),
        ):
            buddy = QLabel(label, self)
            buddy.setBuddy(combo)
            filters.addWidget(buddy)
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.count)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    # -- the list -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.all = register_entries(self.db, self.campaign_id)
        self._show()

    def _show(self) -> None:
        chosen = self.selected()
        shown = matching(
            self.all,
            kind=self.kind.currentData(),
            open_only=self.state.currentData(),
            in_time=self.delay.currentData(),
        )
        self.model.set_entries(shown)
        rows = [i for i, e in enumerate(shown) if chosen and (e.kind, e.pk) == (chosen.kind, chosen.pk)]
        self.table.selectRow(rows[0] if rows else 0)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):  # a long request stays readable in its tooltip
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self.count.setText(fill(self.tr("%1 of %2 entries"), len(shown), len(self.all)))
        self._enable()

    def selected(self) -> RegisterEntry | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def _enable(self) -> None:
        e = self.selected()
        self.buttons["answer"].setEnabled(bool(e and e.kind == "reclamation" and e.open))
        self.buttons["letter"].setEnabled(bool(e and not e.open))
        self.buttons["confirm"].setEnabled(bool(e and e.kind == "date_change" and e.open))
        self.buttons["refuse"].setEnabled(bool(e and e.kind == "date_change" and e.open))

    # -- actions --------------------------------------------------------------------------------------------
    def run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except UserError as exc:
            self.noted.emit(exc.message)
            self.prompts.refusal(self, self.tr("Refused"), exc.message, "\n".join(exc.details), [])

    def _decide(self, kind: str) -> DecisionDialog | None:
        entry = self.selected()
        if entry is None:
            return None
        about = f"{entry.full_name} ({entry.candidate_id}) — {entry.subject}"
        dialog = DecisionDialog(kind, about, Settings().secretariat_name(), date.today(), self)
        if not dialog.exec():
            return None
        Settings().remember_secretariat_name(dialog.by.text())
        return dialog

    def answer(self) -> None:
        from c2i2e_jury.services.register_decisions import answer_reclamation

        entry, dialog = self.selected(), self._decide(ANSWER)
        if entry is None or dialog is None:
            return
        row = answer_reclamation(
            self.db,
            entry.pk,
            accepted=dialog.is_accepted(),
            outcome=dialog.text.toPlainText(),
            by=dialog.by.text(),
            decided_on=dialog.decided_on(),
        )
        self.noted.emit(fill(self.tr("Reclamation of %1 answered: %2"), row.full_name, row.status_label))
        self.reload()

    def confirm(self) -> None:
        from c2i2e_jury.services.register_decisions import confirm_proof

        entry, dialog = self.selected(), self._decide(CONFIRMATION)
        if entry is None or dialog is None:
            return
        row = confirm_proof(self.db, entry.pk, by=dialog.by.text(), decided_on=dialog.decided_on())
        self.noted.emit(fill(self.tr("Oral of %1 moved to %2 %3"), row.full_name, f"{row.new_date:%d/%m/%Y}",
                             row.new_time))  # fmt: skip
        self.reload()
        self.changed.emit()

    def refuse(self) -> None:
        from c2i2e_jury.services.register_decisions import refuse_date_change

        entry, dialog = self.selected(), self._decide(REFUSAL)
        if entry is None or dialog is None:
            return
        row = refuse_date_change(
            self.db,
            entry.pk,
            reason=dialog.reason.text(),
            by=dialog.by.text(),
            decided_on=dialog.decided_on(),
        )
        self.noted.emit(fill(self.tr("Date change of %1 refused: %2"), row.full_name, row.decision_note))
        self.reload()

    def print_letter(self) -> None:
        """The letter that tells the candidate the decision: a reclamation's answer or a date change's."""
        from c2i2e_jury.services.register_letters import date_change_letter, reclamation_letter

        entry = self.selected()
        if entry is None:
            return
        letter = reclamation_letter if entry.kind == "reclamation" else date_change_letter
        name, pdf = letter(self.db, entry.pk)
        self._save(self.tr("Save the answer letter"), name, self.tr("PDF (*.pdf)"), pdf)

    def export(self) -> None:
        from c2i2e_jury.services.register_view import export_register

        data = export_register(self.db, self.campaign_id)
        self._save(
            self.tr("Export the register"), "registre-c2i2e.csv", self.tr("CSV for Excel (*.csv)"), data
        )

    def _save(self, caption: str, start: str, filters: str, data: bytes) -> None:
        from c2i2e_jury.files import write_durably

        path = self.prompts.save_file(self, caption, start, filters)
        if not path:
            return
        try:
            write_durably(Path(path), data)
        except OSError as exc:
            raise UserError(fill(self.tr("%1 could not be written: %2."), path, os_error_text(exc))) from exc
        self.noted.emit(fill(self.tr("Written: %1"), path))
