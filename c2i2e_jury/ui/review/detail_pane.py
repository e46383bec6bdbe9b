"""A candidate's detail for the president: outcome and flags, the 28 items with the evaluator's mark and the
jury's decision, the selected item's history, the sheets, the certification jury's decisions — and the buttons
that record them (through :mod:`c2i2e_jury.services.certification`; the rules there decide what is allowed)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.domain.rules import Outcome
from c2i2e_jury.errors import UserError
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services import certification
from c2i2e_jury.services.review.detail import CandidateDetail, candidate_detail
from c2i2e_jury.services.review.rows import ReviewRow
from c2i2e_jury.services.sheet_facts import SheetFacts
from c2i2e_jury.services.signed_proposal import proposal
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.outcome_text import explanation_text
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.review.detail_models import DetailItemsModel, HistoryModel
from c2i2e_jury.ui.text import fill

log = logging.getLogger(__name__)


class CandidateDetailPane(QWidget):
    """Shows one candidate; ``decided(pk)`` once a certification decision is on disk."""

    decided = Signal(int)

    def __init__(self, db: Database, parent: Any = None, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDetail")
        self.db = db
        self.prompts = prompts or Prompts()
        self._pk: int | None = None
        self._row: ReviewRow | None = None
        self._detail: CandidateDetail | None = None
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.items = DetailItemsModel(self)
        self.items_view = self._table(self.items)
        self.items_view.selectionModel().currentRowChanged.connect(self._item_selected)
        self.history = HistoryModel(self)
        self.history_view = self._table(self.history)
        self.history_label = QLabel(self.tr("History of the selected item"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("reviewDetailSplit")  # its sizes are remembered by this name
        split.addWidget(self.items_view)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.history_label)
        below_layout.addWidget(self.history_view)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(split, 1)
        layout.addWidget(self.facts)
        layout.addWidget(self._decision_box())
        self.clear()

    def _table(self, model: Any) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(22)
        view.setWordWrap(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _decision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Certification jury's decision"))
        self.operator = QLabel()  # the designated president: the service records their name, never a login
        self.operator.setObjectName("reviewDecider")
        self.operator.setTextFormat(Qt.TextFormat.PlainText)
        self.set_president(None)
        self.deliver_button = QPushButton(self.tr("Deliver the certificate"))
        self.attestation_button = QPushButton(self.tr("Partial attestation"))
        self.annul_button = QPushButton(self.tr("Annul for plagiarism…"))
        self.lift_button = QPushButton(self.tr("Lift the annulment…"))
        self.undo_button = QPushButton(self.tr("Undo the delivery…"))
        self.undo_button.setObjectName("reviewUndoDelivery")
        self.undo_button.setToolTip(self.tr("Possible until the procès-verbal is signed"))
        self.undo_button.clicked.connect(self._undo)
        self.deliver_button.clicked.connect(lambda: self._deliver("certificate"))
        self.attestation_button.clicked.connect(lambda: self._deliver("attestation"))
        self.annul_button.clicked.connect(self._annul)
        self.lift_button.clicked.connect(self._lift)
        form = QFormLayout()
        form.addRow(self.tr("Decided by:"), self.operator)
        buttons = QGridLayout()
        for n, button in enumerate(
            (
                self.deliver_button,
                self.attestation_button,
                self.undo_button,
                self.annul_button,
                self.lift_button,
            )
        ):
            buttons.addWidget(button, n // 2, n % 2)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return box

    # -- showing -------------------------------------------------------------------------------------------
    def set_president(self, name: str | None) -> None:
        """The certification jury's president the campaign package designates (None: it designates none)."""
        if name:
            self.operator.setText(name)
            self.operator.setStyleSheet("font-weight: bold;")
        else:
            self.operator.setText(self.tr("no president designated by the campaign package"))
            self.operator.setStyleSheet("color: #c62828;")

    def clear(self) -> None:
        self._pk, self._row, self._detail = None, None, None
        self.title.setText(self.tr("Select a candidate"))
        self.explanation.clear()
        self.facts.clear()
        self.items.set_items([], {})
        self.history.set_changes([])
        self._update_buttons()

    def show_candidate(self, row: ReviewRow) -> None:
        detail = candidate_detail(self.db, row.pk)
        self._pk, self._row, self._detail = row.pk, row, detail
        self.title.setText(f"{row.full_name} — {row.candidate_id}")
        self.explanation.setText(explanation_text(referential(), detail.file.outcome))
        changes: dict[str, int] = {}
        for change in detail.history:
            changes[change.item] = changes.get(change.item, 0) + 1
        self.items.set_items(detail.file.items, changes)
        self.history.set_changes([])
        if detail.file.items:
            self.items_view.selectRow(self.items.first_of_interest())
        self.facts.setText("\n".join(self._facts(row, detail)))
        self._update_buttons()

    def _facts(self, row: ReviewRow, detail: CandidateDetail) -> list[str]:
        lines = []
        if detail.sheets:
            last = detail.sheets[-1]
            lines.append(
                fill(
                    self.tr("Signed sheet: version %1 of %2"),
                    last.version,
                    last.signed_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                )
            )
        else:
            lines.append(self.tr("No signed sheet in the database."))
        lines += self._oral_facts(detail.facts)
        for incident in (
            detail.file.incidents if detail.facts is None else ()
        ):  # not signed yet: the room's notes
            if incident.kind == "fraud_suspicion":
                lines.append(fill(self.tr("Plagiarism reported at the oral: %1"), incident.note))
        if row.changed and row.signed is not None:
            lines.append(
                fill(
                    self.tr(
                        "Data changed since the sheet: the sheet proposes %1, today's data give %2; "
                        "you choose which to decide on."
                    ),
                    self._proposal_text(row.signed),
                    self._proposal_text(row.outcome),
                )
            )
        for entry in detail.certification:
            text = fill(
                self.tr("%1 on %2 by %3"),
                self._kind_text(entry.kind),
                entry.decided_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                entry.decided_by,
            )
            lines.append(text + (f" — {entry.reason}" if entry.reason else ""))
        for code, _kind, _at, revoked in detail.documents:
            lines.append(fill(self.tr("Document %1"), code) + (f" — {revoked}" if revoked else ""))
        return lines

    def _oral_facts(self, facts: SheetFacts | None) -> list[str]:
        """Check-in, timing and incidents as the signed sheet states them."""
        if facts is None:
            return []
        lines = []
        if facts.checked_in_at is not None:
            moment = facts.checked_in_at.astimezone().strftime("%d/%m/%Y %H:%M")
            lines.append(
                fill(
                    self.tr("Absent, recorded at %1")
                    if facts.status == "absent"
                    else self.tr("Checked in at %1"),
                    moment,
                )
            )
        if facts.elapsed:
            lines.append(
                fill(
                    self.tr("Oral: presentation %1, discussion %2, paused %3, overtime %4"),
                    _minutes(facts.elapsed.get("presentation", 0)),
                    _minutes(facts.elapsed.get("discussion", 0)),
                    _minutes(facts.paused_seconds),
                    _minutes(sum(facts.overtime.values())),
                )
            )
        for incident in facts.incidents:
            text = (
                self.tr("Fraud or plagiarism reported at %1: %2")
                if incident.kind == "fraud_suspicion"
                else self.tr("Incident (%3) at %1: %2")
            )
            lines.append(
                fill(
                    text,
                    incident.at.astimezone().strftime("%H:%M"),
                    incident.note,
                    self._incident_text(incident.kind),
                )
            )
        return lines

    def _incident_text(self, kind: str) -> str:
        return {
            "late_arrival": self.tr("late arrival"),
            "technical": self.tr("technical"),
            "other": self.tr("other"),
        }.get(kind, kind)

    def _proposal_text(self, outcome: Outcome) -> str:
        if outcome.certificate:
            return fill(self.tr("the certificate (%1/28)"), outcome.validated_count)
        if proposal(outcome) == "attestation":
            return fill(self.tr("a partial attestation (%1/28)"), outcome.validated_count)
        return self.tr("nothing to deliver")

    def _kind_text(self, kind: str) -> str:
        return {
            "certificate": self.tr("Certificate delivered"),
            "attestation": self.tr("Partial attestation"),
            "annulment": self.tr("Annulled for plagiarism"),
            "annulment_lifted": self.tr("Annulment lifted"),
            "delivery_undone": self.tr("Delivery undone"),
        }.get(kind, kind)

    def _item_selected(self, current: Any, _previous: Any) -> None:
        if self._detail is None or not current.isValid():
            self.history.set_changes([])
            return
        code = self.items.item(current.row()).code
        self.history_label.setText(fill(self.tr("History of %1"), code))
        self.history.set_changes(self._detail.history_of(code))

    def _update_buttons(self) -> None:
        row = self._row
        proposals = {proposal(row.proposed), proposal(row.outcome)} if row else set()
        annulled = bool(row and row.decision == "annulment")
        self.deliver_button.setEnabled(
            "certificate" in proposals and row is not None and row.decision != "certificate"
        )
        self.attestation_button.setEnabled(
            "attestation" in proposals and row is not None and row.decision != "attestation"
        )
        self.annul_button.setEnabled(row is not None and not annulled and row.status.value != "not_admitted")
        self.lift_button.setEnabled(annulled)
        self.undo_button.setEnabled(row is not None and row.decision in ("certificate", "attestation"))

    # -- deciding ------------------------------------------------------------------------------------------
    def _run(self, action: Any) -> None:
        if self._pk is None:
            return
        try:
            action(self._pk, "")  # the service records the designated president
        except UserError as exc:
            self.prompts.warn(self, self.tr("Not recorded"), exc.message)
            return
        self.decided.emit(self._pk)

    def _deliver(self, kind: str) -> None:
        if self._row is None or not self._confirm_delivery(kind, self._row):
            return
        basis = self._basis() if self._row.changed else None
        if basis == "":
            return
        self._run(lambda pk, by: certification.deliver(self.db, pk, kind, by=by, basis=basis))

    def _confirm_delivery(self, kind: str, row: ReviewRow) -> bool:
        """A delivery is the jury's act: asked first, « Non » the default answer."""
        if kind == "certificate":
            title = self.tr("Deliver the certificate")
            question = self.tr("Deliver the C2i2e certificate to %1 (%2)?")
        else:
            title = self.tr("Partial attestation")
            question = self.tr("Deliver a partial attestation to %1 (%2)?")
        return self.prompts.confirm_risky(self, title, fill(question, row.full_name, row.candidate_id))

    def _undo(self) -> None:
        row = self._row
        if row is None:
            return
        question = fill(
            self.tr(
                "Undo the delivery to %1 (%2)? The candidate is to decide again and the documents issued "
                "for this delivery no longer verify."
            ),
            row.full_name,
            row.candidate_id,
        )
        if self.prompts.confirm_risky(self, self.tr("Undo the delivery"), question):
            self._run(lambda pk, by: certification.undo_delivery(self.db, pk, by=by))

    def _basis(self) -> str:
        """Today's data differ from the signed sheet: decide on the sheet or on today's data ("" to cancel)."""
        assert self._row is not None and self._row.signed is not None
        question = fill(
            self.tr("The signed sheet proposes %1; today's data give %2. Which do you decide on?"),
            self._proposal_text(self._row.signed),
            self._proposal_text(self._row.outcome),
        )
        choice = self.prompts.choose(
            self,
            self.tr("Data changed since the sheet"),
            question,
            [self.tr("The signed sheet"), self.tr("Today's data")],
        )
        return ("sheet", "current")[choice] if choice is not None else ""

    def _annul(self) -> None:
        reason = self.prompts.text(
            self,
            self.tr("Annul for plagiarism"),
            self.tr("Reason (the plagiarised passages and their source); the dossier validates nothing:"),
        )
        if reason is not None:
            self._run(lambda pk, by: certification.annul_for_plagiarism(self.db, pk, reason, by=by))

    def _lift(self) -> None:
        reason = self.prompts.text(
            self, self.tr("Lift the annulment"), self.tr("Why the annulment is lifted:")
        )
        if reason is not None:
            self._run(lambda pk, by: certification.lift_annulment(self.db, pk, reason, by=by))


def _minutes(seconds: int) -> str:
    """« 10:12 » (minutes and seconds): the same in every language."""
    return f"{seconds // 60}:{seconds % 60:02d}"
