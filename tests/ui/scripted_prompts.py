"""Scripted answers for the dialogs a test cannot click offscreen (file choosers, passphrases), and a record of
every message shown: a :class:`c2i2e_jury.ui.prompts.Prompts` for the signing and documents dialogs."""

from __future__ import annotations

from collections import deque

from c2i2e_jury.ui.prompts import Prompts


class Script:
    """Scripted answers for the prompts a test cannot click offscreen, and what was shown."""

    def __init__(self, files=(), passphrases=(), texts=(), folders=(), saves=(), confirm=True):
        self.files, self.passphrases, self.texts = deque(files), deque(passphrases), deque(texts)
        self.folders, self.saves, self.answer = deque(folders), deque(saves), confirm
        self.asked_passphrase: list[str] = []  # the error shown with each question
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)

    def prompts(self, **real) -> Prompts:
        return Prompts(
            open_file=lambda parent, caption, start, filters: self.files.popleft() if self.files else None,
            passphrase=self._passphrase, text=lambda parent, title, label: self.texts.popleft(),
            folder=lambda parent, caption, start: self.folders.popleft(),
            save_file=lambda parent, caption, start, filters: self.saves.popleft(),
            confirm=lambda parent, title, text: self._record("confirm", title, text) or self.answer,
            inform=lambda parent, title, text: self._record("inform", title, text),
            warn=lambda parent, title, text: self._record("warn", title, text), **real)

    def _passphrase(self, parent, title, label, error):
        self.asked_passphrase.append(error)
        return self.passphrases.popleft() if self.passphrases else None

    def _record(self, kind, title, text):
        self.shown.append((kind, title, text))
