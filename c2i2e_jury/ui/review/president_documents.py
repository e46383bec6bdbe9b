"""What the certification jury's president signs, from the review workspace (PRODUCT.md §3.4):

- the procès-verbal: the meeting's date, place and members typed beside a preview of the PV as it will be signed
  (:mod:`pv_dialog`), then signed with the president's credential and saved;
- the certificates and partial attestations: one signed and registered for every delivery decided that has none
  yet, then every document in force saved as one ZIP (with its ``index.csv``) for printing or mailing.

The president's credential file is remembered (never the passphrase), and so is the folder last saved to.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QProgressDialog,
    QWidget,
)

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.pv_pdf import PvContent
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.review.pv_dialog import PvDialog
from c2i2e_jury.ui.settings import PRESIDENT_CREDENTIAL, Settings
from c2i2e_jury.ui.signing.credential_prompt import CredentialPrompt, CredentialQuestion
from c2i2e_jury.ui.text import fill

if TYPE_CHECKING:
    from c2i2e_jury.services.documents import IssueReport

log = logging.getLogger(__name__)


class PresidentDocuments(QObject):
    """The PV and the certificates, each behind one button of the review workspace."""

    def __init__(
        self,
        widget: QWidget | None,
        db: Database,
        campaign_id: str,
        prompts: Prompts,
        settings: Settings,
        *,
        dialog_hook: Any = None,
    ) -> None:
        super().__init__(widget)
        self.widget, self.db, self.campaign_id = widget, db, campaign_id
        self.prompts, self.settings = prompts, settings
        self.dialog_hook = dialog_hook  # tests: called with the PV dialog instead of exec()

    # -- the president's credential ------------------------------------------------------------------------
    def _credential(self) -> Credential | None:
        question = CredentialQuestion(
            self.tr("The president's signing credential"),
            self.tr("President: passphrase"),
            self.tr("Passphrase of %1:"),
            PRESIDENT_CREDENTIAL,
        )
        return CredentialPrompt(self.widget, self.prompts, self.settings).ask(question)

    def _save_path(self, caption: str, name: str, filters: str) -> Path | None:
        folder = self.settings.president_folder()
        chosen = self.prompts.save_file(
            self.widget, caption, str(Path(folder) / name) if folder else name, filters
        )
        if not chosen:
            return None
        path = Path(chosen)
        self.settings.remember_president_folder(path.parent)
        return path

    def _write(self, path: Path, data: bytes) -> bool:
        from c2i2e_jury.files import write_durably

        try:
            write_durably(path, data)
        except OSError as exc:
            self.prompts.warn(
                self.widget,
                self.tr("Not written"),
                fill(self.tr("%1 could not be written: %2."), path, os_error_text(exc)),
            )
            return False
        return True

    # -- the procès-verbal ---------------------------------------------------------------------------------
    def run_pv(self) -> Path | None:
        """Credential, details and preview, signature, file: the PV's path, or None (cancelled or refused)."""
        import tempfile

        from c2i2e_jury.services.certification_pv import president_refusal, pv_content

        credential = self._credential()
        if credential is None:
            return None
        refusal = president_refusal(self.db, self.campaign_id, credential)
        if refusal is not None:
            self.prompts.warn(self.widget, self.tr("Procès-verbal not signed"), refusal)
            return None
        try:
            base = pv_content(self.db, self.campaign_id, [], date.today(), "")  # the president: the package's
        except UserError as exc:
            self.prompts.warn(self.widget, self.tr("No procès-verbal"), exc.message)
            return None
        with tempfile.TemporaryDirectory(prefix="c2i2e-pv-") as tmp:
            dialog = PvDialog(self.widget, base, Path(tmp))
            dialog.ask_path = lambda: self._save_path(
                self.tr("Save the signed procès-verbal"), f"pv-{base.campaign_id}.pdf", self.tr("PDF (*.pdf)")
            )
            try:
                accepted = (
                    self.dialog_hook(dialog)
                    if self.dialog_hook is not None
                    else dialog.exec() == QDialog.DialogCode.Accepted
                )
                content, path = dialog.content(), dialog.chosen_path
            finally:
                dialog.done(QDialog.DialogCode.Rejected)
                dialog.deleteLater()
        if not accepted or path is None:
            return None
        return self._sign_pv(content, credential, path)

    def _sign_pv(self, content: PvContent, credential: Credential, path: Path) -> Path | None:
        from c2i2e_jury.services.certification_pv import sign_pv

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pdf = sign_pv(self.db, content, credential)
        except UserError as exc:
            QApplication.restoreOverrideCursor()
            self.prompts.warn(self.widget, self.tr("Procès-verbal not signed"), exc.message)
            return None
        QApplication.restoreOverrideCursor()
        if not self._write(path, pdf):
            return None
        self.prompts.inform(
            self.widget,
            self.tr("Procès-verbal signed"),
            fill(
                self.tr(
                    "The procès-verbal (%n candidate(s)) is signed by %1 and saved as %2.",
                    "",
                    len(content.candidates),
                ),
                credential.name,
                path,
            ),
        )
        return path

    # -- certificates and partial attestations -------------------------------------------------------------
    def run_documents(self) -> Path | None:
        """Sign the documents not yet issued, then save every document in force as a ZIP: its path, or None."""
        from c2i2e_jury.services.documents import documents_in_force

        if not self.prompts.confirm(
            self.widget,
            self.tr("Certificates and attestations"),
            self.tr(
                "Sign, with the president's credential, a certificate or a partial attestation for every "
                "candidate the certification jury has decided and who has none yet, then save every document "
                "in force as one ZIP file?"
            ),
        ):
            return None
        credential = self._credential()
        report = self._issue(credential) if credential is not None else None
        if report is None:
            return None
        total = len(documents_in_force(self.db, self.campaign_id))
        summary = fill(
            self.tr("%1; %2."),
            self.tr("%n document(s) signed now", "", len(report.issued)),
            self.tr("%n already issued", "", report.already),
        )
        if total == 0:
            self.prompts.inform(
                self.widget,
                self.tr("Certificates and attestations"),
                summary
                + " "
                + self.tr("The certification jury has decided no delivery yet: there is nothing to save."),
            )
            return None
        path = self._save_path(
            self.tr("Save every document in force"),
            f"documents-{self.campaign_id}.zip",
            self.tr("ZIP archive (*.zip)"),
        )
        if path is None:
            self.prompts.inform(self.widget, self.tr("Certificates and attestations"), summary)
            return None
        data = self._zip(total)
        if data is None or not self._write(path, data):
            return None
        self.prompts.inform(
            self.widget,
            self.tr("Certificates and attestations"),
            summary
            + " "
            + fill(self.tr("%n document(s) in force saved in %1 (with index.csv).", "", total), path),
        )
        return path

    def _issue(self, credential: Credential) -> IssueReport | None:
        """Refused at once when the credential is not the designated president's; else every document signed
        (each drawn and signed as PDF: a progress dialog, which stops with nothing issued)."""
        from c2i2e_jury.services.documents import issue_documents, president_refusal_for_documents

        refusal = president_refusal_for_documents(self.db, self.campaign_id, credential)
        if refusal is not None:
            self.prompts.warn(self.widget, self.tr("No document signed"), refusal)
            return None
        progress, step = self._progress(self.tr("Signing the documents…"), "issueProgress")
        try:
            return issue_documents(self.db, self.campaign_id, credential, progress=step)
        except _Stopped:
            return None
        except UserError as exc:
            self.prompts.warn(self.widget, self.tr("No document signed"), exc.message)
            return None
        finally:
            progress.close()
            progress.deleteLater()

    def _progress(self, label: str, name: str) -> tuple[QProgressDialog, Any]:
        """A window-modal progress dialog shown after half a second, and the ``step(done, total)`` that moves it
        and raises :class:`_Stopped` when the president stops it."""
        progress = QProgressDialog(label, self.tr("Stop"), 0, 0, self.widget)
        progress.setObjectName(name)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def step(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            if progress.wasCanceled():
                raise _Stopped

        return progress, step

    def _zip(self, total: int) -> bytes | None:
        from c2i2e_jury.services.documents import batch_zip

        progress, step = self._progress(self.tr("Drawing the documents…"), "documentsProgress")
        progress.setMaximum(total)
        try:
            return batch_zip(self.db, self.campaign_id, step)
        except _Stopped:
            return None
        finally:
            progress.close()
            progress.deleteLater()


class _Stopped(Exception):
    """The president stopped the drawing of the ZIP (nothing was written)."""
