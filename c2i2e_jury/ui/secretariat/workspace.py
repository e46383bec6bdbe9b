"""The secretariat's workspace: each task a button with one line saying what it does, and a journal of what
was done. Every task is a service call; refusals come back as one French sentence."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.secretariat import evaluation_tasks
from c2i2e_jury.ui.secretariat.credential_tasks import CredentialTasks
from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import fill

log = logging.getLogger(__name__)


class SecretariatWorkspace(QWidget):
    campaignChanged = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secretariat")
        self.db = db
        self.prompts = prompts or Prompts()  # how it asks and tells (Qt dialogs; tests script them)
        self.credentials = CredentialTasks(self)
        self.journal = QPlainTextEdit(self)
        self.journal.setObjectName("secretariatJournal")
        self.journal.setReadOnly(True)
        self.journal.setPlaceholderText(self.tr("What is done here is written in this journal."))
        before = self._group(
            self.tr("Before the orals"),
            [
                (
                    self.tr("Import a campaign package…"),
                    self.tr(
                        "Check and import the campaign (folder or .zip): "
                        "every problem is listed, nothing stored if any"
                    ),
                    self.import_campaign,
                ),
                (
                    self.tr("Create the campaign authority…"),
                    self.tr("The key that signs the jurors' credentials"),
                    self.credentials.create_authority,
                ),
                (
                    self.tr("Issue a credential…"),
                    self.tr("A juror's (or the president's) signing credential"),
                    self.credentials.issue_credential,
                ),
                (
                    self.tr("Change a credential's passphrase…"),
                    self.tr("For a juror who wants a new passphrase"),
                    self.credentials.change_passphrase,
                ),
                (
                    self.tr("Revoke a credential…"),
                    self.tr(
                        "A juror's lost laptop: the sheets it signs from that date on are refused at import"
                    ),
                    self.credentials.revoke_credential,
                ),
                (
                    self.tr("Campaign progress and admission…"),
                    self.tr("The dossiers' progress, the admission list, the convocations (PDF and CSV)"),
                    self.open_progress,
                ),
                (
                    self.tr("Prepare the room kits…"),
                    self.tr(
                        "For each room: its candidates' package, the jurors' "
                        "certificates and the attendance sheet (PDF)"
                    ),
                    self.room_kits,
                ),
                (
                    self.tr("Prepare the evaluator kits…"),
                    self.tr(
                        "For each evaluator: the candidates to evaluate, their dossiers, the certificate"
                    ),
                    lambda: evaluation_tasks.evaluator_kits(self),
                ),
                (
                    self.tr("Redeposit a reworked dossier…"),
                    self.tr(
                        "After a rework request: the new dossier replaces the first, its format is checked again"
                    ),
                    lambda: evaluation_tasks.redeposit_dossier(self),
                ),
            ],
        )
        after = self._group(
            self.tr("After the orals"),
            [
                (
                    self.tr("Import signed sheets…"),
                    self.tr("The sheets of every room: files, folders, zips, USB keys"),
                    self.import_sheets,
                ),
                (
                    self.tr("Import signed marks…"),
                    self.tr("The evaluators' signed marks: each verified, the marks shown to the jurors"),
                    lambda: evaluation_tasks.import_signed_marks(self),
                ),
                (
                    self.tr("Export the summary…"),
                    self.tr("One row per candidate, one column per item: CSV for French Excel, or XLSX"),
                    self.export_summary,
                ),
                (
                    self.tr("Register a reclamation…"),
                    self.tr("In writing, within 15 days of the problem: the delay is computed and shown"),
                    self.reclamation,
                ),
                (
                    self.tr("Change an oral's date…"),
                    self.tr(
                        "Only for hospitalisation, a relative's death or a "
                        "convocation to an exam or competitive oral, with proof"
                    ),
                    self.date_change,
                ),
                (
                    self.tr("Open the registers…"),
                    self.tr("Answer, print, confirm or refuse; the 15-day deadlines; export the register"),
                    self.open_registers,
                ),
            ],
        )
        layout = QVBoxLayout(self)
        layout.addWidget(before)
        layout.addWidget(after)
        layout.addWidget(QLabel(self.tr("<b>Journal</b>"), self))
        layout.addWidget(self.journal, 1)

    def _group(self, title: str, tasks: list[tuple[str, str, Callable[[], None]]]) -> QGroupBox:
        box = QGroupBox(title, self)
        grid = QGridLayout(box)
        for row, (label, help_text, slot) in enumerate(tasks):
            button = QPushButton(label, box)
            button.setMinimumWidth(280)
            button.clicked.connect(lambda _checked=False, slot=slot: self.run_task(slot))
            grid.addWidget(button, row, 0)
            note = QLabel(help_text, box)
            note.setWordWrap(True)
            grid.addWidget(note, row, 1)
        grid.setColumnStretch(1, 1)
        return box

    def run_task(self, task: Callable[[], None]) -> None:
        try:
            task()
        except UserError as exc:
            self.note(exc.message)
            problems = getattr(exc, "problems", None)  # a refused campaign package
            actions = [self.tr("Save the list for Excel…")] if problems else []
            chosen = self.prompts.refusal(
                self, self.tr("Refused"), exc.message, "\n".join(exc.details), actions
            )
            if problems and chosen == 0:
                self._save_problems(problems)

    def _save_problems(self, problems: Any) -> None:
        """The refused package's problems as CSV for Excel, to fix the files by."""
        from c2i2e_jury.exchange.package.checks import problems_csv
        from c2i2e_jury.files import write_durably

        path = self.prompts.save_file(
            self, self.tr("Save the problems"), "problemes-paquet.csv", self.tr("CSV for Excel (*.csv)")
        )
        if not path:
            return
        try:
            write_durably(Path(path), problems_csv(problems))
        except OSError as exc:
            self.note(fill(self.tr("%1 could not be written: %2."), path, os_error_text(exc)))
            return
        self.note(fill(self.tr("The list of problems is saved in %1."), path))

    def note(self, text: str) -> None:
        stamp = QDateTime.currentDateTime().toString("HH:mm:ss")
        self.journal.appendPlainText(f"{stamp}  {text}")

    def _campaign(self) -> str | None:
        from c2i2e_jury.services.campaigns import campaign_ids

        known = campaign_ids(self.db)
        return known[0][0] if known else None  # the newest

    # -- tasks ---------------------------------------------------------------------------------------------
    def import_campaign(self) -> None:
        from c2i2e_jury.services.campaign_import import import_package

        path = self.prompts.open_file(
            self, self.tr("Campaign package"), "", self.tr("Campaign package (*.zip campaign.json)")
        )
        if not path:
            return
        chosen = Path(path)
        report = import_package(self.db, chosen.parent if chosen.name == "campaign.json" else chosen)
        self.note(report.summary())
        for change in report.changes:
            self.note("  " + change)
        for warning in report.warnings:
            self.note("  " + fill(self.tr("Warning: %1"), warning))
        self.campaignChanged.emit()

    def room_kits(self) -> None:
        from c2i2e_jury.services.room_kits import export_room_kits

        settings = Settings()
        folder = self.prompts.folder(self, self.tr("Folder for the room kits"), settings.kits_folder())
        if not folder:
            return
        settings.remember_kits_folder(folder)
        kits = export_room_kits(self.db, self._campaign(), Path(folder), zip=True)
        for kit in kits:
            self.note(
                fill(
                    self.tr("Kit %1: %2 candidates, %3"),
                    kit.room,
                    len(kit.candidate_ids),
                    kit.zip_path or kit.folder,
                )
            )
            for warning in kit.warnings:
                self.note("  " + fill(self.tr("warning: %1"), warning))

    def import_sheets(self) -> None:
        from c2i2e_jury.ui.signing.sheet_transfer import import_sheets_dialog

        import_sheets_dialog(self, self.db, prompts=self.prompts)
        self.note(self.tr("Signed sheets imported (see the report)."))
        self.campaignChanged.emit()

    def reclamation(self) -> None:
        from c2i2e_jury.ui.secretariat.registers import ReclamationDialog

        ReclamationDialog(self.db, self).record(self)

    def date_change(self) -> None:
        from c2i2e_jury.ui.secretariat.registers import DateChangeDialog

        DateChangeDialog(self.db, self).record(self)

    def open_progress(self) -> None:
        from c2i2e_jury.services.campaigns import choose_campaign
        from c2i2e_jury.ui.secretariat.progress_view import ProgressView
        from c2i2e_jury.ui.secretariat.windows import open_window

        view = ProgressView(self.db, choose_campaign(self.db, self._campaign()), self.prompts)
        self.progress_window = open_window(self, view, self.tr("Campaign progress and admission"))

    def open_registers(self) -> None:
        from c2i2e_jury.services.campaigns import choose_campaign
        from c2i2e_jury.ui.secretariat.register_view import RegisterView
        from c2i2e_jury.ui.secretariat.windows import open_window

        view = RegisterView(self.db, choose_campaign(self.db, self._campaign()), self.prompts)
        view.changed.connect(self.campaignChanged.emit)
        self.registers_window = open_window(self, view, self.tr("Registers"))

    def export_summary(self) -> None:
        from c2i2e_jury.files import write_durably
        from c2i2e_jury.services.campaigns import choose_campaign
        from c2i2e_jury.services.review.summary import summary_bytes

        answer = self.prompts.save_file_typed(
            self,
            self.tr("Export the summary"),
            "recapitulatif-c2i2e.csv",
            self.tr("CSV for Excel (*.csv);;Excel workbook (*.xlsx)"),
        )
        if answer is None:
            return
        path, chosen = answer
        fmt = "xlsx" if path.lower().endswith(".xlsx") or "xlsx" in chosen else "csv"
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_suffix(f".{fmt}")
        write_durably(target, summary_bytes(self.db, choose_campaign(self.db, self._campaign()), fmt))
        self.note(fill(self.tr("Summary exported: %1"), target))
