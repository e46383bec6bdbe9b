"""Everything the interface remembers between two runs, in one place: each key, its type and its default.

The settings are an INI file in the data folder (beside the database: isolated in tests, portable on a USB key;
the demo's in its throw-away folder). No screen reads or writes ``QSettings`` itself: each goes through
:class:`Settings`, whose methods say what is kept. The file carries a version (:data:`SETTINGS_VERSION`): a file
written before the keys were versioned (version 0) has the same keys as version 1 and is only stamped; a later
version that renames a key migrates it in :meth:`Settings._upgrade`. A file from a newer program is read as it is
and never stamped down.

Remembered: the window's geometry and layout, its splitters (by object name), the timer's « Alerte sonore »,
the items' « Grouper par » and the room the day's list shows; the credential file last chosen for each juror
of each jury and for the president (a passphrase never); the folders last chosen for the day's export, the room
kits and the president's documents; the secretariat's name in the registers and the convocations' folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1
VERSION_KEY = "settings/version"

WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
EXPORT_FOLDER = "export/folder"  # where the day's signed sheets were last exported (a USB key)
KITS_FOLDER = "secretariat/kits"  # where the room kits were last written
PRESIDENT_FOLDER = "president/folder"  # where the PV and the documents were last saved
PRESIDENT_CREDENTIAL = "president/credential"  # the president's credential file
EVALUATOR_CREDENTIAL = "evaluation/credential"  # the evaluator's credential file
MARKS_FOLDER = "evaluation/marks_folder"  # where the evaluator last exported the signed marks
SOUND_ALERT = "timer/sound_alert"  # the timer beeps on its warnings
ITEMS_ORDER = "items/order"  # « Grouper par » : domain or dossier part
SPLITTER = "window/splitters/{name}"  # a splitter's sizes, by its object name
SECRETARIAT_NAME = "secretariat/name"  # who answers in the registers (name and role), last typed
CONVOCATIONS_FOLDER = "secretariat/convocations"  # where the convocations were last written
DAY_ROOM = "day/room"  # the room the day's list shows: this laptop's ("" for every room)


def juror_credential(campaign_id: str, jury: str, juror: int) -> str:
    """The key remembering juror 1's or 2's credential file for a jury of a campaign."""
    return f"signing/{campaign_id}/{jury or '-'}/juror{juror}"


def use_folder(folder: Path) -> None:
    """Keep the application's settings as an INI file in ``folder`` (the data folder, or the demo's)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


class Settings:
    """A typed view of a settings store: the application's by default, a file of their own in tests."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()
        self._upgrade()

    @property
    def version(self) -> int:
        return _int(self.store.value(VERSION_KEY, 0))

    def _upgrade(self) -> None:
        """Bring an older file to :data:`SETTINGS_VERSION` (version 0 -> 1: same keys, the version stamped)."""
        if self.version < SETTINGS_VERSION:
            self.store.setValue(VERSION_KEY, SETTINGS_VERSION)

    # -- the main window ------------------------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        return _bytes(self.store.value(WINDOW_GEOMETRY))

    def window_state(self) -> QByteArray | None:
        return _bytes(self.store.value(WINDOW_STATE))

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue(WINDOW_GEOMETRY, geometry)
        self.store.setValue(WINDOW_STATE, state)

    def splitter_state(self, name: str) -> QByteArray | None:
        return _bytes(self.store.value(SPLITTER.format(name=name)))

    def save_splitter(self, name: str, state: QByteArray) -> None:
        self.store.setValue(SPLITTER.format(name=name), state)

    # -- the jury room --------------------------------------------------------------------------------------
    def sound_alert(self) -> bool:
        return _text(self.store.value(SOUND_ALERT, "false")).lower() in ("true", "1")

    def remember_sound_alert(self, on: bool) -> None:
        self.store.setValue(SOUND_ALERT, on)

    def items_order(self, default: str) -> str:
        return _text(self.store.value(ITEMS_ORDER, default)) or default

    def remember_items_order(self, order: str) -> None:
        self.store.setValue(ITEMS_ORDER, order)

    def day_room(self) -> str:
        return _text(self.store.value(DAY_ROOM, ""))

    def remember_day_room(self, room: str) -> None:
        self.store.setValue(DAY_ROOM, room)

    # -- files and folders last chosen ----------------------------------------------------------------------
    def credential_file(self, key: str) -> str:
        """The credential file last chosen under ``key`` (:func:`juror_credential`, :data:`PRESIDENT_CREDENTIAL`),
        "" when none was."""
        return _text(self.store.value(key, ""))

    def remember_credential_file(self, key: str, path: str | Path) -> None:
        self.store.setValue(key, str(path))

    def export_folder(self) -> str:
        return _text(self.store.value(EXPORT_FOLDER, ""))

    def remember_export_folder(self, folder: str | Path) -> None:
        self.store.setValue(EXPORT_FOLDER, str(folder))

    def kits_folder(self) -> str:
        return _text(self.store.value(KITS_FOLDER, ""))

    def remember_kits_folder(self, folder: str | Path) -> None:
        self.store.setValue(KITS_FOLDER, str(folder))

    def marks_folder(self) -> str:
        return _text(self.store.value(MARKS_FOLDER, ""))

    def remember_marks_folder(self, folder: str | Path) -> None:
        self.store.setValue(MARKS_FOLDER, str(folder))

    def president_folder(self) -> str:
        return _text(self.store.value(PRESIDENT_FOLDER, ""))

    def remember_president_folder(self, folder: str | Path) -> None:
        self.store.setValue(PRESIDENT_FOLDER, str(folder))

    def secretariat_name(self) -> str:
        return _text(self.store.value(SECRETARIAT_NAME, ""))

    def remember_secretariat_name(self, name: str) -> None:
        self.store.setValue(SECRETARIAT_NAME, name.strip())

    def convocations_folder(self) -> str:
        return _text(self.store.value(CONVOCATIONS_FOLDER, ""))

    def remember_convocations_folder(self, folder: str | Path) -> None:
        self.store.setValue(CONVOCATIONS_FOLDER, str(folder))


def _text(value: object) -> str:
    return str(value or "")


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) else None
