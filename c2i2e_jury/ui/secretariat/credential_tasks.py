"""The secretariat's credential tasks: the campaign authority, a juror's (or the president's) credential, a new
passphrase, a revocation (a juror's lost laptop). Each asks through the page's prompts and writes what it did in
the page's journal; a refusal is one French sentence (:class:`UserError`), nothing written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QObject

from c2i2e_jury.errors import UserError
from c2i2e_jury.ui.secretariat.fields import FieldsDialog
from c2i2e_jury.ui.text import fill

if TYPE_CHECKING:
    from c2i2e_jury.ui.secretariat.workspace import SecretariatWorkspace


class CredentialTasks(QObject):
    """The tasks behind the buttons « Create the campaign authority… » to « Revoke a credential… »."""

    def __init__(self, page: SecretariatWorkspace) -> None:
        super().__init__(page)
        self.page = page

    def create_authority(self) -> None:
        from c2i2e_jury.services.authority import create_campaign_authority

        folder = self.page.prompts.folder(self.page, self.tr("Folder for the authority's files"), "")
        if not folder:
            return
        dialog = FieldsDialog(
            self.page,
            self.tr("Campaign authority"),
            [
                ("name", self.tr("Name:"), False),
                ("p1", self.tr("Passphrase:"), True),
                ("p2", self.tr("Passphrase again:"), True),
            ],
        )
        dialog.edits["name"].setText(self.tr("C2i2e certification authority"))
        if not dialog.exec():
            return
        values = dialog.values()
        self.check_new_passphrase(values["p1"], values["p2"])
        files = create_campaign_authority(
            self.page.db, self.page._campaign(), Path(folder), values["name"], values["p1"]
        )
        self.page.note(fill(self.tr("Authority created: %1 (keep it safe) and %2"), files.p12, files.pem))

    def issue_credential(self) -> None:
        from c2i2e_jury.services.authority import issue_juror_credential

        authority = self.page.prompts.open_file(
            self.page, self.tr("The campaign authority (authority.p12)"), "", self.tr("Credential (*.p12)")
        )
        if not authority:
            return
        dialog = FieldsDialog(
            self.page,
            self.tr("New credential"),
            [
                ("name", self.tr("Name:"), False),
                ("email", self.tr("E-mail:"), False),
                ("jury", self.tr("Jury (J1, J2…; empty for the president):"), False),
                ("authority", self.tr("Authority's passphrase:"), True),
                ("p1", self.tr("The new credential's passphrase:"), True),
                ("p2", self.tr("Passphrase again:"), True),
            ],
        )
        if not dialog.exec():
            return
        values = dialog.values()
        self.check_new_passphrase(values["p1"], values["p2"])
        out = self.page.prompts.save_file(
            self.page, self.tr("Save the credential"), f"{values['name']}.p12", self.tr("Credential (*.p12)")
        )
        if not out:
            return
        credential = issue_juror_credential(
            self.page.db,
            self.page._campaign(),
            values["jury"].strip(),
            Path(authority),
            values["authority"],
            values["name"].strip(),
            values["email"].strip(),
            Path(out),
            values["p1"],
        )
        self.page.note(fill(self.tr("Credential issued to %1: %2"), credential.name, out))

    def change_passphrase(self) -> None:
        from c2i2e_jury.exchange.credentials import change_passphrase

        path = self.page.prompts.open_file(
            self.page, self.tr("Credential"), "", self.tr("Credential (*.p12)")
        )
        if not path:
            return
        dialog = FieldsDialog(
            self.page,
            self.tr("Change the passphrase"),
            [
                ("old", self.tr("Current passphrase:"), True),
                ("p1", self.tr("New passphrase:"), True),
                ("p2", self.tr("New passphrase again:"), True),
            ],
        )
        if not dialog.exec():
            return
        values = dialog.values()
        self.check_new_passphrase(values["p1"], values["p2"])
        change_passphrase(path, values["old"], values["p1"])
        self.page.note(fill(self.tr("Passphrase changed for %1"), path))

    def revoke_credential(self) -> None:
        from c2i2e_jury.services.revocations import parse_moment, revoke

        dialog = FieldsDialog(
            self.page,
            self.tr("Revoke a credential"),
            [
                ("who", self.tr("Juror's name or certificate fingerprint:"), False),
                ("since", self.tr("Revoked from (YYYY-MM-DD or YYYY-MM-DD HH:MM):"), False),
                ("reason", self.tr("Reason:"), False),
            ],
        )
        dialog.edits["since"].setText(QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm"))
        if not dialog.exec():
            return
        values = dialog.values()
        revoked = revoke(self.page.db, values["who"], parse_moment(values["since"]), values["reason"])
        self.page.note(
            fill(
                self.tr("Credential of %1 (%2…) revoked from %3: %4"),
                revoked.name or "?",
                revoked.fingerprint[:16],
                f"{revoked.since:%d/%m/%Y %H:%M}",
                revoked.reason,
            )
        )

    def check_new_passphrase(self, first: str, second: str) -> None:
        if first != second:
            raise UserError(self.tr("The two passphrases differ: nothing was written."))
        if len(first) < 8:
            raise UserError(self.tr("A passphrase needs at least 8 characters: nothing was written."))
