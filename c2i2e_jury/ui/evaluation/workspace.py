"""The « Évaluation » workspace (issue 17): on the evaluator's laptop, with the evaluator's kit imported, the
candidates to evaluate, the dossier with its format report and evidence map (the jury room's viewer), the 28
items grouped by dossier part with V / NV and a comment each (:mod:`.items`), the rework request when the format
report finds a non-conformity, and the signed export of the marks.

Everything is a service call (:mod:`c2i2e_jury.services.evaluation`, :mod:`~c2i2e_jury.services.marks_export`),
stored before the screen shows it; refusals come back as one French sentence.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.dossier.report import FormatReport
from c2i2e_jury.errors import UserError
from c2i2e_jury.services import evaluation
from c2i2e_jury.services.campaigns import campaign_ids
from c2i2e_jury.services.marks_export import export_signed_marks
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.ui.evaluation.items import EvaluationItems
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.settings import EVALUATOR_CREDENTIAL, Settings
from c2i2e_jury.ui.signing.credential_prompt import CredentialPrompt, CredentialQuestion
from c2i2e_jury.ui.text import fill
from c2i2e_jury.ui.viewer.dossier_viewer import DossierViewer

log = logging.getLogger(__name__)


class EvaluationWorkspace(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationWorkspace")
        self.db, self.prompts = db, prompts or Prompts()
        self.store = DossierStore()
        self.campaign_id: str | None = None
        self.evaluator: str | None = None
        self.report: FormatReport | None = None
        self.title = QLabel(self)
        self.title.setObjectName("evaluationTitle")
        self.rework_button = QPushButton(self.tr("Request a &rework…"), self)
        self.rework_button.setObjectName("reworkButton")
        self.rework_button.clicked.connect(self.request_rework)
        self.batch = QComboBox(self)
        self.batch.setObjectName("marksBatch")
        self.batch.addItem(self.tr("One file per candidate"), False)
        self.batch.addItem(self.tr("One file for all the candidates"), True)
        self.sign_button = QPushButton(self.tr("&Sign and export the marks…"), self)
        self.sign_button.setObjectName("signMarksButton")
        self.sign_button.clicked.connect(self.sign_and_export)
        self.candidates = QListWidget(self)
        self.candidates.setObjectName("evaluationCandidates")
        self.candidates.currentItemChanged.connect(lambda current, _previous: self._candidate_chosen(current))
        self.report_label = QLabel(self)
        self.report_label.setObjectName("evaluationReport")
        self.report_label.setWordWrap(True)
        self.viewer = DossierViewer(self)
        self.viewer.reportReady.connect(self._report_ready)
        self.viewer.evidenceReady.connect(self._evidence_ready)
        self.items = EvaluationItems(db, self.prompts, self)
        self.items.markChanged.connect(self._refresh_counts)
        self.items.pagesRequested.connect(self.viewer.show_pages)
        self._lay_out()
        self.reload()

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.rework_button)
        header.addWidget(self.batch)
        header.addWidget(self.sign_button)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.report_label)
        middle_layout.addWidget(self.viewer, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("evaluationSplitter")
        splitter.setChildrenCollapsible(False)
        for widget in (self.candidates, middle, self.items):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([280, 500, 580])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

    # -- the candidates ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        known = campaign_ids(self.db)
        self.campaign_id = known[0][0] if known else None
        self.evaluator = evaluation.evaluator_name(self.db, self.campaign_id) if self.campaign_id else None
        if self.evaluator is None:
            self.title.setText(self.tr("No evaluator kit: import yours (File › Import a campaign package…)."))
        else:
            self.title.setText(
                fill(self.tr("<b>Evaluation</b> — %1, campaign %2"), self.evaluator, self.campaign_id)
            )
        self.sign_button.setEnabled(self.evaluator is not None)
        self.rework_button.setEnabled(False)
        self.candidates.blockSignals(True)
        self.candidates.clear()
        self.candidates.blockSignals(False)
        if self.evaluator is not None and self.campaign_id is not None:
            for entry in evaluation.candidates_to_evaluate(self.db, self.campaign_id):
                item = QListWidgetItem(self._entry_text(entry))
                item.setData(Qt.ItemDataRole.UserRole, entry)
                self.candidates.addItem(item)
        if self.candidates.count():
            self.candidates.setCurrentRow(0)
        else:
            self._candidate_chosen(None)

    def _entry_text(self, entry: evaluation.ToEvaluate) -> str:
        text = fill(self.tr("%1 (%2) — %3/28 marked"), entry.name, entry.candidate_id, entry.marked)
        if entry.rework_requested is not None:
            text += " · " + fill(
                self.tr("rework requested on %1"), entry.rework_requested.astimezone().strftime("%d/%m/%Y")
            )
        return text

    def current(self) -> evaluation.ToEvaluate | None:
        item = self.candidates.currentItem()
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return entry if isinstance(entry, evaluation.ToEvaluate) else None

    def select(self, candidate_id: str) -> None:
        for row in range(self.candidates.count()):
            if self.candidates.item(row).data(Qt.ItemDataRole.UserRole).candidate_id == candidate_id:
                self.candidates.setCurrentRow(row)
                return

    def _candidate_chosen(self, item: QListWidgetItem | None) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.report = None
        self.report_label.clear()
        self.rework_button.setEnabled(False)
        self.items.show_candidate(entry.pk if entry else None)
        if entry is None or entry.dossier_sha256 is None:
            self.viewer.open_dossier(None)
            return
        expected = evaluation.expected_of(self.db, entry.pk)  # the report as the rework rule reads it
        self.viewer.open_dossier(self.store.path(entry.dossier_sha256), expected, name=entry.name)

    def _refresh_counts(self) -> None:
        entry = self.current()
        if entry is None or self.campaign_id is None:
            return
        fresh = {e.pk: e for e in evaluation.candidates_to_evaluate(self.db, self.campaign_id)}
        item = self.candidates.currentItem()
        if entry.pk in fresh:
            item.setData(Qt.ItemDataRole.UserRole, fresh[entry.pk])
            item.setText(self._entry_text(fresh[entry.pk]))

    # -- the format report and the evidence map -------------------------------------------------------------
    def _report_ready(self, report: object) -> None:
        if not isinstance(report, FormatReport):
            return
        self.report = report
        failures = report.failures
        entry = self.current()
        self.rework_button.setEnabled(bool(failures) and entry is not None and entry.rework_requested is None)
        if not failures:
            self.report_label.setText(self.tr("Dossier format: conform."))
            return
        lines = "<br>".join(f"• {f.message}" for f in failures)
        self.report_label.setText(
            self.tr("Dossier format: %n problem(s)", "", len(failures)) + f"<br>{lines}"
        )

    def _evidence_ready(self, evidence: object) -> None:
        items = getattr(evidence, "items", {})
        self.items.set_evidence({code: list(item.cited_on) for code, item in items.items()})

    # -- the rework request --------------------------------------------------------------------------------
    def request_rework(self) -> None:
        entry = self.current()
        if entry is None or self.report is None or self.evaluator is None:
            return
        proposed = "\n".join(evaluation.proposed_requirements(self.report))
        text = self.prompts.edit_text(
            self,
            self.tr("Rework request"),
            fill(
                self.tr("What %1 must correct, one sentence per line (the candidate reads it):"), entry.name
            ),
            proposed,
        )
        if text is None:
            return
        question = fill(
            self.tr(
                "Ask %1 to rework the dossier? This procedure cannot be repeated: it is the only rework "
                "request of the campaign for this candidate."
            ),
            entry.name,
        )
        if not self.prompts.confirm_risky(self, self.tr("Rework request"), question):
            return
        try:
            evaluation.request_rework(self.db, entry.pk, text.splitlines(), self.evaluator, store=self.store)
        except UserError as exc:
            self.prompts.warn(self, self.tr("Rework not requested"), exc.message)
            return
        self._refresh_counts()
        self.rework_button.setEnabled(False)
        self.prompts.inform(
            self, self.tr("Rework request"), fill(self.tr("Rework requested from %1."), entry.name)
        )

    # -- signing and exporting ---------------------------------------------------------------------------
    def sign_and_export(self) -> None:
        if self.campaign_id is None or self.evaluator is None:
            return
        settings = Settings()
        question = CredentialQuestion(
            self.tr("The evaluator's signing credential"),
            self.tr("Sign the marks"),
            self.tr("Passphrase of %1:"),
            EVALUATOR_CREDENTIAL,
        )
        credential = CredentialPrompt(self, self.prompts, settings).ask(question)
        if credential is None:
            return
        folder = self.prompts.folder(
            self, self.tr("Where to write the signed marks (a USB key)"), settings.marks_folder()
        )
        if not folder:
            return
        ids = [
            self.candidates.item(r).data(Qt.ItemDataRole.UserRole).candidate_id
            for r in range(self.candidates.count())
        ]
        try:
            files = export_signed_marks(
                self.db, self.campaign_id, ids, credential, Path(folder), batch=bool(self.batch.currentData())
            )
        except UserError as exc:
            self.prompts.warn(self, self.tr("Marks not signed"), exc.message)
            return
        settings.remember_marks_folder(folder)
        names = "\n".join(f.path.name for f in files)
        self.prompts.inform(
            self,
            self.tr("Marks signed"),
            fill(self.tr("%n file(s) written in %1:", "", len(files)), folder) + "\n" + names,
        )
