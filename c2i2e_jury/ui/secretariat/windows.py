"""The secretariat's follow-up screens (progress, registers) open in windows of their own beside the
workspace, so that the journal stays in sight; what they do is written in the journal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget


class ViewWindow(QDialog):
    """A window holding one view; ``view`` is the screen (tests drive it)."""

    def __init__(self, parent: QWidget, view: QWidget, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = view
        view.setParent(self)
        QVBoxLayout(self).addWidget(view)
        self.resize(1200, 600)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Back to this window: what the workspace recorded meanwhile (a reclamation, a date change) shows."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.view.reload()  # type: ignore[attr-defined]


def open_window(workspace: Any, view: QWidget, title: str) -> ViewWindow:
    """Show ``view`` in a window (non-modal); its sentences go to the workspace's journal."""
    window = ViewWindow(workspace, view, title)
    view.noted.connect(workspace.note)  # type: ignore[attr-defined]
    window.show()
    return window
