"""Sheets leaving the room and arriving at the secretariat: the day's export to a USB key, and the import of every
room's sheets with a progress bar and a report (on screen, and as CSV on request)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.errors import UserError
from c2i2e_jury.services.sheet_import import SheetImportOutcome
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import fill

log = logging.getLogger(__name__)

STATUS_COLOURS = {
    "imported": "#2e7d32",
    "duplicate": "#616161",
    "superseded": "#1565c0",
    "conflict": "#b26a00",
    "rejected": "#b00020",
}
_Index = QModelIndex | QPersistentModelIndex


class DayExport(QObject):
    """Choose the folder, warn about candidates whose sheet is not signed, export, say what was written."""

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        room: str | None,
        day: object | None,
        prompts: Prompts,
        settings: Settings,
    ) -> None:
        super().__init__(parent)
        self.widget, self.db, self.room, self.prompts, self.settings = (
            parent,
            db,
            room or None,
            prompts,
            settings,
        )
        self.day = day if isinstance(day, date) else None

    def run(self) -> Path | None:
        from c2i2e_jury.services.sheet_export import day_candidates, export_signed

        everyone = day_candidates(self.db, room=self.room, day=self.day)
        signed = [c for c in everyone if c.version is not None]
        if not signed:
            self.prompts.warn(
                self.widget, self.tr("Nothing to export"), self.tr("No sheet of this day is signed yet.")
            )
            return None
        left = [c for c in everyone if c.version is None or c.reopened]
        if left and not self.prompts.confirm(
            self.widget, self.tr("Export the day's sheets"), self._warning(left)
        ):
            return None
        start = self.settings.export_folder()
        folder = self.prompts.folder(self.widget, self.tr("Folder for the signed sheets (USB key)"), start)
        if not folder:
            return None
        self.settings.remember_export_folder(folder)
        try:
            index = export_signed(self.db, folder, room=self.room, day=self.day)
        except UserError as exc:
            self.prompts.warn(self.widget, self.tr("Export failed"), exc.message)
            return None
        self.prompts.inform(
            self.widget,
            self.tr("Sheets exported"),
            fill(
                self.tr("%n signed sheet(s) copied to %1, with the index %2.", "", len(signed)),
                index.parent,
                index.name,
            ),
        )
        return index

    def _warning(self, left: list[Any]) -> str:
        lines = []
        for c in left:
            why = (
                fill(self.tr("reopened, correction not signed: version %1 leaves"), c.version)
                if c.reopened
                else self.tr("no signed sheet: nothing leaves")
            )
            lines.append(f"• {c.candidate_id} {c.full_name} — {why}")
        return (
            self.tr("Some candidates of the day have no up-to-date signed sheet:")
            + "\n"
            + "\n".join(lines)
            + "\n\n"
            + self.tr("Export the signed sheets anyway?")
        )


class ImportReportModel(QAbstractTableModel):
    """One row per imported file: file, outcome, candidate, version, why."""

    def __init__(self, outcomes: list[SheetImportOutcome], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outcomes = outcomes
        self.headers = (
            self.tr("File"),
            self.tr("Outcome"),
            self.tr("Candidate"),
            self.tr("Version"),
            self.tr("Details"),
        )
        self.labels = {
            "imported": self.tr("imported"),
            "duplicate": self.tr("duplicate"),
            "superseded": self.tr("older version"),
            "conflict": self.tr("conflict (kept aside)"),
            "rejected": self.tr("rejected"),
        }

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.outcomes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.outcomes):
            return None
        o = self.outcomes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                Path(o.file).name,
                self.labels[o.status],
                o.candidate_id or "",
                "" if o.version is None else str(o.version),
                o.message,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return o.file if index.column() == 0 else o.message
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QColor(STATUS_COLOURS[o.status])
        return None


class ImportReportDialog(QDialog):
    def __init__(
        self, outcomes: list[SheetImportOutcome], prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        from c2i2e_jury.services.sheet_import import summary

        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Sheets imported"))
        self.outcomes, self.prompts = outcomes, prompts
        self.model = ImportReportModel(outcomes, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.summary = QLabel(self.tr("%n file(s): ", "", len(outcomes)) + summary(outcomes) + ".", self)
        self.summary.setObjectName("importSummary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("Save the CSV report…"), self)
        self.save_button.setObjectName("saveReport")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 420)

    def save_report(self) -> Path | None:
        from c2i2e_jury.services.sheet_import import write_report

        path = self.prompts.save_file(
            self, self.tr("Save the import report"), "rapport-import-feuilles.csv", self.tr("CSV (*.csv)")
        )
        if not path:
            return None
        try:
            write_report(self.outcomes, Path(path))
        except UserError as exc:
            self.prompts.warn(self, self.tr("Report not saved"), exc.message)
            return None
        return Path(path)


class SheetsImport(QObject):
    def __init__(self, parent: QWidget | None, db: Database, prompts: Prompts) -> None:
        super().__init__(parent)
        self.widget, self.db, self.prompts = parent, db, prompts

    def _paths(self) -> list[str]:
        choice = self.prompts.choose(
            self.widget,
            self.tr("Import signed sheets"),
            self.tr(
                "Import the sheets of a folder (a USB key, searched with its sub-folders and .zip files), or chosen "
                "files?"
            ),
            [self.tr("A &folder…"), self.tr("&Files…")],
        )
        if choice == 0:
            folder = self.prompts.folder(self.widget, self.tr("Folder of signed sheets"), "")
            return [folder] if folder else []
        if choice == 1:
            return self.prompts.open_files(
                self.widget,
                self.tr("Signed sheets"),
                "",
                self.tr("Signed sheets (*.pdf *.zip);;All files (*)"),
            )
        return []

    def run(self, paths: list[str] | None = None) -> ImportReportDialog | None:
        from c2i2e_jury.services.sheet_import import import_sheets

        chosen = paths if paths is not None else self._paths()
        if not chosen:
            return None
        progress = QProgressDialog(
            self.tr("Verifying the signed sheets…"), self.tr("Stop"), 0, 0, self.widget
        )
        progress.setObjectName("importProgress")
        progress.setWindowTitle(self.tr("Import signed sheets"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def advance(done: int, total: int, name: str) -> bool:
            progress.setMaximum(max(total, 1))
            progress.setLabelText(
                fill(self.tr("Verifying the signed sheets… %1 of %2"), done, total)
                + (f"\n{Path(name).name}" if name else "")
            )
            progress.setValue(done)  # a modal progress dialog processes events here: Stop is heard
            return not progress.wasCanceled()

        try:
            outcomes = import_sheets(self.db, chosen, advance)
        except UserError as exc:
            self.prompts.warn(self.widget, self.tr("Import failed"), exc.message)
            return None
        finally:
            progress.reset()
            progress.deleteLater()
        dialog = ImportReportDialog(outcomes, self.prompts, self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def export_day_dialog(
    parent: QWidget | None,
    db: Database,
    room: str | None,
    day: object | None,
    *,
    prompts: Prompts | None = None,
    settings: QSettings | None = None,
) -> Path | None:
    """The day's signed sheets to a chosen folder (a USB key); the index's path, or None."""
    return DayExport(parent, db, room, day, prompts or Prompts(), Settings(settings)).run()


def import_sheets_dialog(
    parent: QWidget | None, db: Database, paths: list[str] | None = None, *, prompts: Prompts | None = None
) -> QDialog | None:
    """Choose files or a folder, import with a progress bar, show the report (returned, already open)."""
    return SheetsImport(parent, db, prompts or Prompts()).run(paths)
