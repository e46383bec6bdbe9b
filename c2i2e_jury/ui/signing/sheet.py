"""The jury room's signing dialogs: both jurors sign (credential file, then passphrase), a signed sheet is reopened
with a reason. Each juror's credential file is remembered per jury; a passphrase never is.

Every question goes through :class:`Prompts`, whose defaults are Qt dialogs: tests replace the ones they cannot
drive offscreen (file choosers) and keep the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.services.jury_room import CandidateFile
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.signing.credential_prompt import CredentialPrompt, CredentialQuestion, juror_key

log = logging.getLogger(__name__)


class PassphraseDialog(QDialog):
    """One passphrase, never shown; the previous attempt's error above the field."""

    def __init__(self, parent: QWidget | None, title: str, label: str, error: str = "") -> None:
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.label, self.error, self.field, buttons):
            layout.addWidget(widget)
        self.field.setFocus()

    def passphrase(self) -> str:
        return self.field.text()


def _ask_passphrase(parent: QWidget | None, title: str, label: str, error: str) -> str | None:
    dialog = PassphraseDialog(parent, title, label, error)
    try:
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.field.clear()
        dialog.deleteLater()


def _ask_file(parent: QWidget | None, caption: str, start: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, caption, start, filters)
    return path or None


def _ask_files(parent: QWidget | None, caption: str, start: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, start, filters)
    return list(paths)


def _ask_folder(parent: QWidget | None, caption: str, start: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, caption, start) or None


def _ask_save(parent: QWidget | None, caption: str, start: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, caption, start, filters)
    return path or None


def _ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(parent, title, label)
    return text if ok else None


def _confirm(parent: QWidget | None, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def _choose(parent: QWidget | None, title: str, text: str, buttons: list[str]) -> int | None:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    choices = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in buttons]
    box.exec()
    clicked = box.clickedButton()
    return choices.index(clicked) if clicked in choices else None


def _inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def _warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


@dataclass
class Prompts:
    """How the dialogs ask and tell (parent, title or caption, …); replace any of them in tests."""

    open_file: Callable[[QWidget | None, str, str, str], str | None] = _ask_file
    open_files: Callable[[QWidget | None, str, str, str], list[str]] = _ask_files
    folder: Callable[[QWidget | None, str, str], str | None] = _ask_folder
    save_file: Callable[[QWidget | None, str, str, str], str | None] = _ask_save
    passphrase: Callable[[QWidget | None, str, str, str], str | None] = _ask_passphrase
    text: Callable[[QWidget | None, str, str], str | None] = _ask_text
    confirm: Callable[[QWidget | None, str, str], bool] = _confirm
    inform: Callable[[QWidget | None, str, str], None] = _inform
    warn: Callable[[QWidget | None, str, str], None] = _warn
    choose: Callable[[QWidget | None, str, str, list[str]], int | None] = _choose


class SheetSigning(QObject):
    """Juror 1 then juror 2: each chooses a credential file and types its passphrase; then the sheet is made,
    signed twice, stored and the oral locked. Cancelling at any point writes nothing."""

    def __init__(self, parent: QWidget | None, db: Database, candidate_pk: int, prompts: Prompts,
                 settings: QSettings, now: datetime | None = None) -> None:
        super().__init__(parent)
        self.widget, self.db, self.pk, self.prompts, self.settings, self.now = (
            parent, db, candidate_pk, prompts, settings, now)

    def run(self) -> bool:
        from c2i2e_jury.services.sheet_signing import check_signable, sign_and_lock

        try:
            file = check_signable(self.db, self.pk)
        except UserError as exc:
            self.prompts.warn(self.widget, self.tr("Cannot sign yet"), exc.message)
            return False
        if not self.prompts.confirm(self.widget, self.tr("Sign the result sheet"), self._summary(file)):
            return False
        first = self._credential(file, 1, None)
        if first is None:
            return False
        second = self._credential(file, 2, first)
        if second is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            stored = sign_and_lock(self.db, self.pk, first, second, now=self.now)
        except UserError as exc:
            QApplication.restoreOverrideCursor()
            self.prompts.warn(self.widget, self.tr("Sheet not signed"), exc.message)
            return False
        QApplication.restoreOverrideCursor()
        self.prompts.inform(self.widget, self.tr("Sheet signed"), self.tr(
            "Version %1 of %2's sheet is signed by %3 and %4. The record is locked.")
            .replace("%1", str(stored.version)).replace("%2", file.full_name)
            .replace("%3", first.name).replace("%4", second.name))
        return True

    def _summary(self, file: CandidateFile) -> str:
        outcome = file.outcome
        verdict = self.tr("certificate proposed") if outcome.certificate else self.tr("certificate not proposed")
        return (self.tr("Sign the result sheet of %1? %2 of 28 competences validated, %3.")
                .replace("%1", file.full_name).replace("%2", str(outcome.validated_count)).replace("%3", verdict)
                + "\n\n" + self.tr("Juror 1 signs first, then juror 2. Once both have signed, the record is "
                                   "locked; a correction will need a reason and a new version."))

    def _key(self, file: CandidateFile, juror: int) -> str:
        return juror_key(file.campaign_id, file.jury, juror)

    def _credential(self, file: CandidateFile, juror: int, other: Credential | None) -> Credential | None:
        """Juror ``juror``'s credential, opened; None when the juror cancels. Juror 2 cannot use juror 1's."""
        question = CredentialQuestion(
            self.tr("Juror %1: signing credential").replace("%1", str(juror)),
            self.tr("Juror %1: passphrase").replace("%1", str(juror)),
            self.tr("Passphrase of %1 (%2):").replace("%2", file.jury or "-"), self._key(file, juror))

        def same_as_first(credential: Credential) -> tuple[str, str] | None:
            from c2i2e_jury.services.sheet_signing import credential_refusal

            if other is not None and credential.fingerprint == other.fingerprint:
                return self.tr("Same credential"), self.tr("This is juror 1's credential: juror 2 signs with their "
                                                           "own.")
            refusal = credential_refusal(self.db, self.pk, credential, other, self.now)
            return None if refusal is None else (self.tr("Credential refused"), refusal)

        return CredentialPrompt(self.widget, self.prompts, self.settings).ask(question, same_as_first)


class SheetReopening(QObject):
    def __init__(self, parent: QWidget | None, db: Database, candidate_pk: int, prompts: Prompts) -> None:
        super().__init__(parent)
        self.widget, self.db, self.pk, self.prompts = parent, db, candidate_pk, prompts

    def run(self) -> bool:
        from c2i2e_jury.services.sheet_signing import reopen

        while True:
            reason = self.prompts.text(self.widget, self.tr("Reopen the signed sheet"), self.tr(
                "Why must the signed sheet be corrected? The reason is printed on the new version, which both "
                "jurors sign again."))
            if reason is None:
                return False
            try:
                version = reopen(self.db, self.pk, reason)
            except UserError as exc:
                self.prompts.warn(self.widget, self.tr("Not reopened"), exc.message)
                if reason.strip():
                    return False
                continue
            self.prompts.inform(self.widget, self.tr("Sheet reopened"), self.tr(
                "The record is unlocked. The next signature makes version %1, which supersedes version %2.")
                .replace("%1", str(version)).replace("%2", str(version - 1)))
            return True


def sign_sheet_dialog(parent: QWidget | None, db: Database, candidate_pk: int, *, prompts: Prompts | None = None,
                      settings: QSettings | None = None, now: datetime | None = None) -> bool:
    """Juror 1 then juror 2 sign the candidate's sheet; True when it is signed, stored and locked."""
    return SheetSigning(parent, db, candidate_pk, prompts or Prompts(), settings or QSettings(), now).run()


def reopen_dialog(parent: QWidget | None, db: Database, candidate_pk: int, *,
                  prompts: Prompts | None = None) -> bool:
    """Ask the reason and reopen the signed sheet; True when the record is unlocked."""
    return SheetReopening(parent, db, candidate_pk, prompts or Prompts()).run()


def export_day_dialog(parent: QWidget | None, db: Database, room: str | None, day: object | None, *,
                      prompts: Prompts | None = None, settings: QSettings | None = None) -> Path | None:
    """The day's signed sheets to a chosen folder (a USB key); the index's path, or None."""
    from c2i2e_jury.ui.signing.sheet_transfer import DayExport

    return DayExport(parent, db, room, day, prompts or Prompts(), settings or QSettings()).run()


def import_sheets_dialog(parent: QWidget | None, db: Database, paths: list[str] | None = None, *,
                         prompts: Prompts | None = None) -> QDialog | None:
    """Choose files or a folder, import with a progress bar, show the report (returned, already open)."""
    from c2i2e_jury.ui.signing.sheet_transfer import SheetsImport

    return SheetsImport(parent, db, prompts or Prompts()).run(paths)
