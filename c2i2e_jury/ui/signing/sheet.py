"""The jury room's signing dialogs: both jurors sign (credential file, then passphrase), a signed sheet is reopened
with a reason. Each juror's credential file is remembered per jury; a passphrase never is.

Every question goes through :class:`~c2i2e_jury.ui.prompts.Prompts`, whose defaults are Qt dialogs: tests
replace the ones they cannot drive offscreen (file choosers) and keep the others.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.services.jury_room import CandidateFile
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.busy import run_busy
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.settings import Settings, juror_credential
from c2i2e_jury.ui.signing.credential_prompt import CredentialPrompt, CredentialQuestion
from c2i2e_jury.ui.text import fill

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
        try:  # off the GUI thread: the window and the oral's clock keep running meanwhile
            stored = run_busy(
                self.widget,
                self.tr("Signing the sheet…"),
                lambda: sign_and_lock(self.db, self.pk, first, second, now=self.now),
            )
        except UserError as exc:
            self.prompts.warn(self.widget, self.tr("Sheet not signed"), exc.message)
            return False
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

    def _credential(self, file: CandidateFile, juror: int, other: Credential | None) -> Credential | None:
        """Juror ``juror``'s credential, opened; None when the juror cancels. Juror 2 cannot use juror 1's."""
        question = CredentialQuestion(
            fill(self.tr("Juror %1: signing credential"), juror),
            fill(self.tr("Juror %1: passphrase"), juror),
            fill(
                self.tr("Passphrase of %1 (%2):"), "%1", file.jury or "-"
            ),  # %1: the file's name, once chosen
            self._key(file, juror),
        )

        def same_as_first(credential: Credential) -> tuple[str, str] | None:
            from c2i2e_jury.services.sheet_signing import credential_refusal

            if other is not None and credential.fingerprint == other.fingerprint:
                return self.tr("Same credential"), self.tr(
                    "This is juror 1's credential: juror 2 signs with their own."
                )
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
