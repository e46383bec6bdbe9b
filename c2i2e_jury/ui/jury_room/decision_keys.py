"""The jury room's one-letter keys (V, N, Suppr, C, J) wherever the focus is in the window, except in a text field.

A juror clicks everywhere during an oral: the dossier, a timer button, the « Alerte sonore » box, the day's list.
A key that silently does nothing there (or that a button takes for itself) costs the jury an item, so the keys
are caught for the whole window by an application event filter rather than by the widget that happens to hold the
focus. Inside a text field they are typed, as the juror expects; with a modifier they are left to the menus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def types_text(widget: QObject) -> bool:
    """Whether a key press on ``widget`` is text being typed (a letter there is a letter, not a decision)."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    return isinstance(widget, _TEXT_FIELDS)


class DecisionKeys(QObject):
    """Calls ``actions[key]`` for a key pressed without modifier anywhere in ``owner``'s window while ``owner``
    is shown (the other workspaces, and dialogs, keep their keys)."""

    def __init__(self, owner: QWidget, actions: Mapping[Qt.Key, Callable[[], object]]) -> None:
        super().__init__(owner)
        self.owner, self.actions = owner, dict(actions)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)  # removed by Qt when this object goes, with its owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        action = self.actions.get(Qt.Key(event.key()))
        if action is None or not self._for_us(watched, event):
            return False
        if not event.isAutoRepeat():  # a key held down decides one item, not the next ten
            action()
        return True

    def _for_us(self, watched: QObject, event: QKeyEvent) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        focus = QApplication.focusWidget() or watched  # a read-only field passes its keys on to its parent
        if not isinstance(watched, QWidget) or types_text(watched) or types_text(focus):
            return False
        return watched.window() is self.owner.window() and self.owner.isVisible()
