"""Opening a signing credential from the UI, for a juror or the president: the credential file (the last one chosen
for that role is offered again), then its passphrase until it opens. Either step can be cancelled and nothing is
signed then; a passphrase is never remembered.

The jury room adds :class:`FileChecks`: where the chooser starts, which files it does not list (the authority's,
the president's), a refusal read from the file's public certificate before any passphrase is asked, and a
passphrase question that names the person. The questions go through :class:`c2i2e_jury.ui.prompts.Prompts`, so
that tests replace the file chooser.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from c2i2e_jury.exchange.credentials import CredentialError, WrongPassphrase, load_credential
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


Refusal = Callable[[Any], tuple[str, str] | None]  # (title, sentence) when this credential will not do


@dataclass(frozen=True)
class FileChecks:
    """What is known of a credential file before its passphrase: ``start`` turns the remembered file into where
    the chooser starts, ``hide`` leaves a file out of its listing, ``before`` refuses a file (title, sentence)
    before its passphrase is asked, ``describe`` gives the passphrase question's (title, label)."""

    start: Callable[[str], str] | None = None
    hide: Callable[[str], bool] | None = None
    before: Callable[[Path], tuple[str, str] | None] | None = None
    describe: Callable[[Path], tuple[str, str]] | None = None


class CredentialPrompt(QObject):
    """``opener(path, passphrase)`` opens the file (in this process by default; the jury room's signing worker
    otherwise) and raises :class:`WrongPassphrase` or :class:`CredentialError`."""

    def __init__(
        self,
        widget: QWidget | None,
        prompts: Prompts,
        settings: Settings,
        opener: Callable[[Path, str], Any] = load_credential,
    ) -> None:
        super().__init__(widget)
        self.widget, self.prompts, self.settings, self.opener = widget, prompts, settings, opener

    def ask(
        self, question: CredentialQuestion, refuse: Refusal | None = None, checks: FileChecks | None = None
    ) -> Any | None:
        """The credential opened, or None when the user cancels. ``refuse`` may turn one down once open (another
        juror's), ``checks.before`` before its passphrase: the user is told why and chooses again."""
        checks = checks or FileChecks()
        while True:
            path = self._choose(question, checks)
            if not path:
                return None
            early = checks.before(Path(path)) if checks.before is not None else None
            if early is not None:
                self.prompts.warn(self.widget, *early)
                continue
            opened = self._open(question, checks, Path(path), refuse)
            if opened is None:
                return None
            if opened is False:
                continue
            credential, refusal = opened
            if refusal is not None:
                self.prompts.warn(self.widget, *refusal)
                continue
            self.settings.remember_credential_file(question.settings_key, path)
            return credential

    def _choose(self, question: CredentialQuestion, checks: FileChecks) -> str | None:
        remembered = self.settings.credential_file(question.settings_key)
        start = checks.start(remembered) if checks.start is not None else remembered
        filters = self.tr("Signing credential (*.p12 *.pfx);;All files (*)")
        if checks.hide is not None:
            return self.prompts.open_file_hiding(
                self.widget, question.file_caption, start, filters, checks.hide
            )
        return self.prompts.open_file(self.widget, question.file_caption, start, filters)

    def _open(
        self, question: CredentialQuestion, checks: FileChecks, path: Path, refuse: Refusal | None
    ) -> Any:
        """(the opened credential, ``refuse``'s answer on it); None when the user cancels; False to choose another
        file."""
        if checks.describe is not None:
            title, label = checks.describe(path)
        else:
            title, label = question.passphrase_title, fill(question.passphrase_label, path.name)
        error = ""
        while True:
            passphrase = self.prompts.passphrase(self.widget, title, label, error)
            if passphrase is None:
                return None
            try:  # the key's derivation takes ~150 ms: off the GUI thread, the window keeps painting
                return run_busy(
                    self.widget,
                    self.tr("Opening the credential…"),
                    functools.partial(self._open_and_judge, path, passphrase, refuse),
                    title=self.tr("Opening the signing credential"),
                )
            except WrongPassphrase:
                error = self.tr("Wrong passphrase")
            except CredentialError as exc:
                self.prompts.warn(self.widget, self.tr("Unusable credential"), exc.message)
                return False

    def _open_and_judge(self, path: Path, passphrase: str, refuse: Refusal | None) -> tuple[Any, Any]:
        """Off the GUI thread: the credential opened and ``refuse``'s answer (its checks read the database)."""
        credential = self.opener(path, passphrase)
        return credential, refuse(credential) if refuse is not None else None
