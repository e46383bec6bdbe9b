"""The jury room's signing dialogs: both jurors sign (credential file, then passphrase), a signed sheet is reopened
with a reason. Each juror's credential file is remembered per jury; a passphrase never is.

Every question goes through :class:`~c2i2e_jury.ui.prompts.Prompts`, whose defaults are Qt dialogs: tests
replace the ones they cannot drive offscreen (file choosers) and keep the others.
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

from c2i2e_jury.errors import UserError
from c2i2e_jury.services.credential_choice import JurySigners, jury_signers
from c2i2e_jury.services.jury_room import CandidateFile
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.busy import run_busy
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.settings import Settings, juror_credential
from c2i2e_jury.ui.signing.credential_prompt import CredentialPrompt, CredentialQuestion
from c2i2e_jury.ui.signing.juror_checks import JurorChecks
from c2i2e_jury.ui.text import fill

if TYPE_CHECKING:
    from c2i2e_jury.services.signing_worker import OpenedCredential, SigningWorker

log = logging.getLogger(__name__)


class SheetSigning(QObject):
    """Juror 1 then juror 2: each chooses a credential file and types its passphrase; then the sheet is made,
    signed twice, stored and the oral locked. Cancelling at any point writes nothing."""

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        candidate_pk: int,
        prompts: Prompts,
        settings: Settings,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.widget, self.db, self.pk, self.prompts, self.settings, self.now = (
            parent,
            db,
            candidate_pk,
            prompts,
            settings,
            now,
        )

    def run(self) -> bool:
        from c2i2e_jury.services.sheet_signing import check_signable

        try:  # the database's answer, off the GUI thread like everything the signing reads
            file = run_busy(
                self.widget,
                self.tr("Drawing the sheet…"),
                lambda: check_signable(self.db, self.pk),
                title=self.tr("Preparing the result sheet"),
            )
        except UserError as exc:
            self.prompts.warn(self.widget, self.tr("Cannot sign yet"), exc.message)
            return False
        workers: list[SigningWorker] = []
        try:
            return self._run(file, workers)
        except OSError as exc:
            log.error("the signing worker cannot start: %r", exc)
            self.prompts.warn(
                self.widget,
                self.tr("Sheet not signed"),
                self.tr("The signing process could not be started: nothing was signed."),
            )
            return False
        except UserError as exc:  # the worker lost, the database unwritable: nothing was stored
            self.prompts.warn(self.widget, self.tr("Sheet not signed"), exc.message)
            return False
        finally:
            for worker in workers:
                worker.close()  # the keys end with it

    def _run(self, file: CandidateFile, workers: list[SigningWorker]) -> bool:
        def start() -> tuple[bytes, JurySigners]:
            from c2i2e_jury.services.signing_worker import SigningWorker

            workers.append(SigningWorker(self.db.url))
            return workers[0].preview(self.pk, self.now), jury_signers(self.db, self.pk)

        # the worker starts, draws the sheet and reads the jury, all off the GUI thread
        pdf, signers = run_busy(
            self.widget, self.tr("Drawing the sheet…"), start, title=self.tr("Preparing the result sheet")
        )
        if not self._preview(file, pdf):
            return False
        worker, checks = workers[0], JurorChecks(self, self.db, self.pk, self.now, signers)
        first = self._credential(file, 1, None, worker, checks)
        if first is None:
            return False
        second = self._credential(file, 2, first, worker, checks)
        if second is None:
            return False
        # the sheet made, signed, verified and stored by the worker: the window and the oral's clock run on
        stored = run_busy(
            self.widget,
            self.tr("Signing the sheet…"),
            lambda: worker.sign(self.pk, self.now),
            title=self.tr("Signing the result sheet"),
        )
        self.prompts.inform(
            self.widget,
            self.tr("Sheet signed"),
            fill(
                self.tr("Version %1 of %2's sheet is signed by %3 and %4. The record is locked."),
                stored.version,
                file.full_name,
                first.name,
                second.name,
            ),
        )
        return True

    def _preview(self, file: CandidateFile, pdf: bytes) -> bool:
        """The sheet as it will be signed, read by the jurors before juror 1 signs: « Sign (juror 1) » goes on,
        « Correct » goes back to the items. Drawn by the worker, as the signed one will be."""
        return self.prompts.preview_pdf(
            self.widget,
            self.tr("Sign the result sheet"),
            self._summary(file),
            pdf,
            self.tr("&Sign (juror 1)"),
            self.tr("&Correct"),
        )

    def _summary(self, file: CandidateFile) -> str:
        outcome = file.outcome
        verdict = (
            self.tr("certificate proposed") if outcome.certificate else self.tr("certificate not proposed")
        )
        return (
            fill(
                self.tr("Sign the result sheet of %1? %2 of 28 competences validated, %3."),
                file.full_name,
                outcome.validated_count,
                verdict,
            )
            + "\n\n"
            + self.tr(
                "Juror 1 signs first, then juror 2. Once both have signed, the record is "
                "locked; a correction will need a reason and a new version."
            )
        )

    def _key(self, file: CandidateFile, juror: int) -> str:
        return juror_credential(file.campaign_id, file.jury, juror)

    def _credential(
        self,
        file: CandidateFile,
        juror: int,
        other: OpenedCredential | None,
        worker: SigningWorker,
        checks: JurorChecks,
    ) -> OpenedCredential | None:
        """Juror ``juror``'s credential, opened in the worker; None when the juror cancels. Juror 2 cannot use
        juror 1's."""
        question = CredentialQuestion(
            fill(self.tr("Juror %1: signing credential"), juror),
            fill(self.tr("Juror %1: passphrase"), juror),
            fill(self.tr("Passphrase of %1 (%2):"), "%1", file.jury or "-"),  # %1: the file's name
            self._key(file, juror),
        )

        def once_open(credential: OpenedCredential) -> tuple[str, str] | None:
            from c2i2e_jury.services.sheet_signing import credential_refusal

            if other is not None and credential.fingerprint == other.fingerprint:
                return self.tr("Same credential"), self.tr(
                    "This is juror 1's credential: juror 2 signs with their own."
                )
            refusal = credential_refusal(self.db, self.pk, credential, other, self.now)
            return None if refusal is None else (self.tr("Credential refused"), refusal)

        prompt = CredentialPrompt(
            self.widget, self.prompts, self.settings, functools.partial(worker.open, juror)
        )
        checks_now = checks.for_juror(juror, other, other.source if other is not None else None)
        opened: OpenedCredential | None = prompt.ask(question, once_open, checks_now)
        return opened


class SheetReopening(QObject):
    def __init__(self, parent: QWidget | None, db: Database, candidate_pk: int, prompts: Prompts) -> None:
        super().__init__(parent)
        self.widget, self.db, self.pk, self.prompts = parent, db, candidate_pk, prompts

    def run(self) -> bool:
        from c2i2e_jury.services.sheet_signing import reopen

        while True:
            reason = self.prompts.text(
                self.widget,
                self.tr("Reopen the signed sheet"),
                self.tr(
                    "Why must the signed sheet be corrected? The reason is printed on the new version, which both "
                    "jurors sign again."
                ),
            )
            if reason is None:
                return False
            try:
                version = reopen(self.db, self.pk, reason)
            except UserError as exc:
                self.prompts.warn(self.widget, self.tr("Not reopened"), exc.message)
                if reason.strip():
                    return False
                continue
            self.prompts.inform(
                self.widget,
                self.tr("Sheet reopened"),
                fill(
                    self.tr(
                        "The record is unlocked. The next signature makes version %1, which supersedes version %2."
                    ),
                    version,
                    version - 1,
                ),
            )
            return True


def sign_sheet_dialog(
    parent: QWidget | None,
    db: Database,
    candidate_pk: int,
    *,
    prompts: Prompts | None = None,
    settings: QSettings | None = None,
    now: datetime | None = None,
) -> bool:
    """Juror 1 then juror 2 sign the candidate's sheet; True when it is signed, stored and locked. ``settings``:
    the store the credential files are remembered in (the application's by default)."""
    return SheetSigning(parent, db, candidate_pk, prompts or Prompts(), Settings(settings), now).run()


def reopen_dialog(
    parent: QWidget | None, db: Database, candidate_pk: int, *, prompts: Prompts | None = None
) -> bool:
    """Ask the reason and reopen the signed sheet; True when the record is unlocked."""
    return SheetReopening(parent, db, candidate_pk, prompts or Prompts()).run()
