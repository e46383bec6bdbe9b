"""Every keyboard shortcut of the program in one table: where it acts, its keys, what it does, and what the
code binds for it. The Help menu's sheet (F1) is built from the table and so are the menus' and the rooms'
shortcuts, so the sheet cannot promise a key that does nothing (tests/ui/test_shortcuts.py checks both ways).

The texts are English sources in the ``ShortcutsDialog`` translation context (the sheet's), marked here for
lupdate and translated when the sheet is shown. A row's ``bound`` names the actions the code binds with
:func:`keys`; a row without is read by a widget itself (the items table's V / N, the pages' Page Down, the
projector's clicker keys).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:  # PySide6 types it as returning object; it returns its text (lupdate reads the calls)

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...  # noqa: N802
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Primary:
    """A standard key's first binding on this system only (as ``QAction.setShortcut(StandardKey)`` binds it)."""

    key: QKeySequence.StandardKey


Key = (
    QKeySequence.StandardKey | Primary | str
)  # a standard key (all its bindings here), its first, or a sequence
CONTEXT = "ShortcutsDialog"  # QT_TRANSLATE_NOOP below spells it out: lupdate reads only literal contexts

# Where the keys act: the F1 sheet's tabs.
EXAM_ROOM = QT_TRANSLATE_NOOP("ShortcutsDialog", "Exam room")
DOSSIER = QT_TRANSLATE_NOOP("ShortcutsDialog", "Dossier")
TIMER = QT_TRANSLATE_NOOP("ShortcutsDialog", "Timer")
PROJECTOR = QT_TRANSLATE_NOOP("ShortcutsDialog", "Projector")
PLACES = (EXAM_ROOM, DOSSIER, TIMER, PROJECTOR)


@dataclass(frozen=True)
class Shortcut:
    """One line of the sheet: the keys as they are shown (a source string, translated when it names keys in
    words, « Del », « Home / End »), what they do, and the actions bound to them with their keys."""

    place: str
    keys: str
    label: str
    bound: tuple[tuple[str, tuple[Key, ...]], ...] = ()


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        EXAM_ROOM,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Shift+P"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "The candidate is present (check-in)"),
        (("check_in", ("Ctrl+Shift+P",)),),
    ),
    Shortcut(EXAM_ROOM, "↑ ↓", QT_TRANSLATE_NOOP("ShortcutsDialog", "Move through the 28 items")),
    Shortcut(EXAM_ROOM, "V / N", QT_TRANSLATE_NOOP("ShortcutsDialog", "Validated / not validated")),
    Shortcut(
        EXAM_ROOM,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Del"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Back to undecided"),
    ),
    Shortcut(
        EXAM_ROOM,
        "C",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Write the jury's comment on the item (Enter saves)"),
    ),
    Shortcut(
        EXAM_ROOM,
        "J",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "Write the justification (required when the jury differs from the evaluator)"
        ),
    ),
    Shortcut(
        EXAM_ROOM,
        "Ctrl+Z / Ctrl+Y",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Undo / redo a decision or a comment"),
        (
            ("undo", (Primary(QKeySequence.StandardKey.Undo),)),
            # the same keys on every system: jurors share laptops
            ("redo", (QKeySequence.StandardKey.Redo, "Ctrl+Y", "Ctrl+Shift+Z")),
        ),
    ),
    Shortcut(
        EXAM_ROOM,
        "Ctrl+I",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Note an incident, with its time"),
        (("incident", ("Ctrl+I",)),),
    ),
    Shortcut(
        EXAM_ROOM,
        "Ctrl+D",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Show or hide the candidates of the day"),
        (("day_list", ("Ctrl+D",)),),
    ),
    Shortcut(
        EXAM_ROOM,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Shift+D"),
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "Go to the candidates of the day (↑ ↓ move, Enter opens the one highlighted)"
        ),
        (("day_list_focus", ("Ctrl+Shift+D",)),),
    ),
    Shortcut(EXAM_ROOM, "F1", QT_TRANSLATE_NOOP("ShortcutsDialog", "This sheet"), (("shortcuts", ("F1",)),)),
    Shortcut(
        DOSSIER,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Page Down, Space / Page Up"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "A screen down / up, then the next / previous page"),
    ),
    Shortcut(DOSSIER, "→ / ←", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next / previous page")),
    Shortcut(
        DOSSIER,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Home / End"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "First / last page"),
    ),
    Shortcut(
        DOSSIER,
        "Ctrl+G",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Go to page"),
        (("go_to_page", ("Ctrl+G", "Ctrl+L")),),
    ),
    Shortcut(
        DOSSIER,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt+Left / Alt+Right"),
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog",
            "Back to where you were before a jump (item, search, page typed) / forward again",
        ),
        (("history_back", ("Alt+Left",)), ("history_forward", ("Alt+Right",))),
    ),
    Shortcut(
        DOSSIER,
        "Ctrl+F",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Search the dossier"),
        (("find", (QKeySequence.StandardKey.Find,)),),
    ),
    # F3, not FindNext: that is Ctrl+G too on Linux, which goes to a page here
    Shortcut(
        DOSSIER,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "F3 / Shift+F3"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Next / previous match"),
        (("find_next", ("F3",)), ("find_previous", ("Shift+F3",))),
    ),
    Shortcut(
        DOSSIER,
        "Ctrl++ / Ctrl+-",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom in / out (Ctrl + wheel too)"),
        (
            ("zoom_in", (QKeySequence.StandardKey.ZoomIn, "Ctrl+=")),
            ("zoom_out", (QKeySequence.StandardKey.ZoomOut,)),
        ),
    ),
    Shortcut(
        DOSSIER,
        "Ctrl+0 / Ctrl+1 / Ctrl+2",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Whole page / actual size / page width"),
        (("fit_page", ("Ctrl+0",)), ("actual_size", ("Ctrl+1",)), ("fit_width", ("Ctrl+2",))),
    ),
    Shortcut(
        DOSSIER,
        "F9",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Show or hide the thumbnails and the outline"),
        (("side_panel", ("F9",)),),
    ),
    Shortcut(
        TIMER,
        "F5",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Start the presentation"),
        (("timer_start", ("F5",)),),
    ),
    Shortcut(
        TIMER,
        "F6",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Move on to the discussion"),
        (("timer_discussion", ("F6",)),),
    ),
    Shortcut(
        TIMER,
        "F7",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Pause (with a reason) / resume"),
        (("timer_pause", ("F7",)),),
    ),
    Shortcut(TIMER, "F8", QT_TRANSLATE_NOOP("ShortcutsDialog", "End the oral"), (("timer_end", ("F8",)),)),
    Shortcut(
        PROJECTOR,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "→, Page Down, Space"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Next slide (what presentation clickers send)"),
    ),
    Shortcut(
        PROJECTOR,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "←, Page Up"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous slide"),
    ),
    Shortcut(
        PROJECTOR,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Home / End"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "First / last slide"),
    ),
    Shortcut(
        PROJECTOR,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "B or . / W or ,"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Black / white screen, as in PowerPoint"),
    ),
    Shortcut(
        PROJECTOR,
        "F5",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Slides in or out of full screen"),
    ),
    Shortcut(
        PROJECTOR,
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Esc"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "End the slideshow (from the slides or the presenter view)"),
    ),
)

# Bound but not on the sheet: a menu shows its key beside it.
# Ctrl+Q also where the system names no key for quitting (Windows, some X11 desktops): the juror's habit.
UNLISTED: tuple[tuple[str, tuple[Key, ...]], ...] = (
    ("quit", (Primary(QKeySequence.StandardKey.Quit), "Ctrl+Q")),
)

_BOUND = {action: keys for row in SHORTCUTS for action, keys in row.bound} | dict(UNLISTED)


def keys(action: str) -> list[QKeySequence]:
    """The key sequences bound to ``action`` on this system (a standard key gives its platform's bindings)."""
    found: list[QKeySequence] = []
    for key in _BOUND[action]:
        for sequence in _sequences(key):
            if sequence not in found:
                found.append(sequence)
    return found


def _sequences(key: Key) -> list[QKeySequence]:
    if isinstance(key, Primary):
        return QKeySequence.keyBindings(key.key)[:1]
    if isinstance(key, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(key)
    return [QKeySequence(key)]


def key_text(action: str) -> str:
    """The first key of ``action`` as written in a button's label (« Start (F5) »)."""
    return keys(action)[0].toString(QKeySequence.SequenceFormat.NativeText)


def actions() -> list[str]:
    """Every action bound to keys, the sheet's and the menus'."""
    return list(_BOUND)


def sheets(rows: Sequence[Shortcut] = SHORTCUTS) -> list[tuple[str, list[tuple[str, str]]]]:
    """The sheet's tabs in the interface's language: (place, [(keys, what they do), ...]), in order."""

    def tr(text: str) -> str:
        return QCoreApplication.translate(CONTEXT, text)

    return [
        (tr(place), [(tr(row.keys), tr(row.label)) for row in rows if row.place == place]) for place in PLACES
    ]
