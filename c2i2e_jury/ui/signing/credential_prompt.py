"""Opening a signing credential from the UI, for a juror or the president: the credential file (the last one chosen
for that role is offered again), then its passphrase until it opens. Either step can be cancelled and nothing is
signed then; a passphrase is never remembered.

The questions go through :class:`c2i2e_jury.ui.prompts.Prompts`, so that tests replace the file chooser.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from c2i2e_jury.exchange.credentials import Credential, CredentialError, WrongPassphrase, load_credential
from c2i2e_jury.ui.busy import run_busy
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import fill


@dataclass(frozen=True)
class CredentialQuestion:
    """What to ask: the file chooser's caption, the passphrase dialog's title and label (``%1``: the file's name),
    and the settings key under which the file chosen is remembered (:mod:`c2i2e_jury.ui.settings`)."""

    file_caption: str
    passphrase_title: str
    passphrase_label: str
    settings_key: str


Refusal = Callable[[Credential], tuple[str, str] | None]  # (title, sentence) when this credential will not do


class CredentialPrompt(QObject):
    def __init__(self, widget: QWidget | None, prompts: Prompts, settings: Settings) -> None:
        super().__init__(widget)
        self.widget, self.prompts, self.settings = widget, prompts, settings

    def ask(self, question: CredentialQuestion, refuse: Refusal | None = None) -> Credential | None:
        """The credential opened, or None when the user cancels. ``refuse`` may turn one down (another juror's):
        the user is told why and chooses again."""
        while True:
            remembered = self.settings.credential_file(question.settings_key)
            path = self.prompts.open_file(
                self.widget,
                question.file_caption,
                remembered,
                self.tr("Signing credential (*.p12 *.pfx);;All files (*)"),
            )
            if not path:
                return None
            credential = self._open(question, Path(path))
            if credential is None:
                return None
            if credential is False:
                continue
            assert isinstance(credential, Credential)
            refusal = refuse(credential) if refuse is not None else None
            if refusal is not None:
                self.prompts.warn(self.widget, *refusal)
                continue
            self.settings.remember_credential_file(question.settings_key, path)
            return credential

    def _open(self, question: CredentialQuestion, path: Path) -> Credential | bool | None:
        """The decrypted credential; None when the user cancels; False to choose another file."""
        error = ""
        while True:
            passphrase = self.prompts.passphrase(
                self.widget, question.passphrase_title, fill(question.passphrase_label, path.name), error
            )
            if passphrase is None:
                return None
            try:  # the key's derivation takes ~150 ms: off the GUI thread, the window keeps painting
                return run_busy(
                    self.widget,
                    self.tr("Opening the credential…"),
                    functools.partial(load_credential, path, passphrase),
                )
            except WrongPassphrase:
                error = self.tr("Wrong passphrase")
            except CredentialError as exc:
                self.prompts.warn(self.widget, self.tr("Unusable credential"), exc.message)
                return False
