"""Scripted answers for the dialogs a test cannot click offscreen (file choosers, passphrases, message boxes), and a
record of every message shown: a :class:`c2i2e_jury.ui.prompts.Prompts` to hand to any screen."""

from __future__ import annotations

from collections import deque

from c2i2e_jury.ui.prompts import Prompts


class Script:
    """Scripted answers for the prompts a test cannot click offscreen, and what was shown.

    Each kind of answer is a queue, consumed in order (append to it before the step that asks); ``choices`` holds
    the label of the button each ``choose`` or ``refusal`` clicks (Cancel or Close when it is empty)."""

    def __init__(self, files=(), passphrases=(), texts=(), folders=(), saves=(), choices=(), confirm=True):
        self.files, self.passphrases, self.texts = deque(files), deque(passphrases), deque(texts)
        self.folders, self.saves, self.answer = deque(folders), deque(saves), confirm
        self.choices = deque(choices)
        self.asked_passphrase: list[str] = []  # the error shown with each question
        self.passphrase_labels: list[tuple[str, str]] = []  # the title and label of each passphrase question
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.refused: list[str] = []  # the text of each refusal shown
        self.proposed: list[str] = []  # the text each edit_text proposed
        self.offered: list[str] = []  # where each file chooser started (a folder, or the file it proposed)
        self.hidden_by: list = []  # the ``hide`` function of each file chooser that does not list some files
        self.previewed: list[bytes] = []  # each PDF shown whole before it was accepted or not

    def prompts(self, **real) -> Prompts:
        return Prompts(
            **{
                "open_file": lambda parent, caption, start, filters: self._open_file_hiding(
                    parent, caption, start, filters, None
                ),
                "open_file_hiding": self._open_file_hiding,
                "preview_pdf": self._preview,
                "passphrase": self._passphrase,
                "text": lambda parent, title, label: self.texts.popleft(),
                "edit_text": self._edit_text,
                "folder": lambda parent, caption, start: self.folders.popleft(),
                "save_file": lambda parent, caption, start, filters: self.saves.popleft(),
                "save_file_typed": lambda parent, caption, start, filters: self._typed(self.saves.popleft()),
                "confirm": lambda parent, title, text: self._record("confirm", title, text) or self.answer,
                "confirm_risky": lambda parent, title, text: (
                    self._record("confirm", title, text) or self.answer
                ),
                "choose": lambda parent, title, text, buttons: self._choose("choose", title, text, buttons),
                "refusal": lambda parent, title, text, details, actions: self._choose(
                    "refusal", title, text, actions
                ),
                "inform": lambda parent, title, text: self._record("inform", title, text),
                "warn": lambda parent, title, text: self._record("warn", title, text),
                "error": lambda parent, title, text: self._record("error", title, text),
                **real,
            }
        )

    def _edit_text(self, parent, title, label, text):
        """The next scripted text; a callable receives the text proposed and returns the one kept."""
        self.proposed.append(text)
        answer = self.texts.popleft()
        return answer(text) if callable(answer) else answer

    def said(self, kind: str) -> list[str]:
        """The texts shown as ``kind`` (« warn », « inform », « choose »…), in order."""
        return [text for shown_kind, _title, text in self.shown if shown_kind == kind]

    @staticmethod
    def _typed(path):
        return None if path is None else (path, "")  # no filter chosen: the name's extension says the format

    def _open_file_hiding(self, parent, caption, start, filters, hide):
        self.offered.append(start)
        if hide is not None:
            self.hidden_by.append(hide)
        return self.files.popleft() if self.files else None

    def _preview(self, parent, title, text, pdf, accept, reject):
        self.previewed.append(pdf)
        self._record("preview", title, text)
        return self.answer

    def _passphrase(self, parent, title, label, error):
        self.asked_passphrase.append(error)
        self.passphrase_labels.append((title, label))
        return self.passphrases.popleft() if self.passphrases else None

    def _choose(self, kind, title, text, buttons):
        self._record(kind, title, text)
        if kind == "refusal":
            self.refused.append(text)
        return buttons.index(self.choices.popleft()) if self.choices else None

    def _record(self, kind, title, text):
        self.shown.append((kind, title, text))
