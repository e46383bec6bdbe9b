"""The campaign's progress at a glance (dossiers deposited, evaluated, rework requested / redeposited / pending,
not deposited) and the admission list that follows from it, each candidate not admitted with the reason;
provisional until the deposit closes, said above the table. From here the list goes to Excel and the
convocations are written (:mod:`c2i2e_jury.services.convocations`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.clock import Clock, utc_now
from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.services.admission import (
    STAGE_LABELS,
    AdmissionList,
    DossierProgress,
    ReworkProvider,
    admission_list,
    counts,
    recorded_rework_states,
)
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import fill

Index = QModelIndex | QPersistentModelIndex


class AdmissionModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[DossierProgress, str | None]] = []
        self.headers = [
            self.tr("Candidate"),
            self.tr("Id"),
            self.tr("Dossier"),
            self.tr("Admitted to the oral"),
            self.tr("Oral"),
        ]

    def set_list(self, admission: AdmissionList) -> None:
        self.beginResetModel()
        both = [(r, None) for r in admission.admitted] + list(admission.not_admitted)
        self.rows = sorted(both, key=lambda pair: (pair[0].last_name, pair[0].first_name))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, why = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and why and index.column() == 3:
            return QBrush(QColor("#b00020"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        slot = " ".join(
            x for x in (f"{row.oral_date:%d/%m/%Y}" if row.oral_date else "", row.oral_time, row.room) if x
        )
        admitted = self.tr("yes") if why is None else fill(self.tr("no: %1"), why)
        return (row.full_name, row.candidate_id, STAGE_LABELS[row.stage], admitted, slot)[index.column()]


class ProgressView(QWidget):
    noted = Signal(str)

    def __init__(
        self,
        db: Database,
        campaign_id: str,
        prompts: Prompts,
        parent: QWidget | None = None,
        rework_states: ReworkProvider = recorded_rework_states,
        now: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressView")
        self.db, self.campaign_id, self.prompts, self.rework_states = db, campaign_id, prompts, rework_states
        self.now = now
        self.summary = QLabel(self)
        self.summary.setObjectName("progressSummary")
        self.summary.setWordWrap(True)
        self.model = AdmissionModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("admissionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        export = QPushButton(self.tr("&Export the admission list…"), self)
        export.clicked.connect(lambda _c=False: self.run(self.export))
        self.convoke = QPushButton(self.tr("&Write the convocations…"), self)
        self.convoke.clicked.connect(lambda _c=False: self.run(self.write_convocations))
        buttons = QHBoxLayout()
        buttons.addWidget(export)
        buttons.addWidget(self.convoke)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.admission = admission_list(self.db, self.campaign_id, self.rework_states, now=self.now)
        c = counts([*self.admission.admitted, *(r for r, _ in self.admission.not_admitted)])
        state = (
            self.tr("final")
            if self.admission.final
            else fill(self.tr("provisional until %1 included"), f"{self.admission.closes:%d/%m/%Y}")
        )
        self.summary.setText(
            fill(
                self.tr(
                    "%1 candidates: %2 dossiers deposited, %3 evaluated; rework requested %4 (redeposited %5, "
                    "pending %6); not deposited %7. Admission list (%8): %9 admitted."
                ),
                c.total,
                c.deposited,
                c.evaluated,
                c.rework_requested,
                c.redeposited,
                c.rework_pending,
                c.not_deposited,
                state,
                len(self.admission.admitted),
            )
        )
        self.model.set_list(self.admission)
        self.table.resizeColumnsToContents()
        self.convoke.setEnabled(self.admission.final)

    def run(self, action: Any) -> None:
        try:
            action()
        except UserError as exc:
            self.noted.emit(exc.message)
            self.prompts.refusal(self, self.tr("Refused"), exc.message, "\n".join(exc.details), [])

    def export(self) -> None:
        from c2i2e_jury.files import write_durably
        from c2i2e_jury.services.admission import admission_csv

        path = self.prompts.save_file(
            self, self.tr("Export the admission list"), "admission-oral.csv", self.tr("CSV for Excel (*.csv)")
        )
        if not path:
            return
        try:
            write_durably(Path(path), admission_csv(self.admission))
        except OSError as exc:
            raise UserError(fill(self.tr("%1 could not be written: %2."), path, os_error_text(exc))) from exc
        self.noted.emit(fill(self.tr("Admission list written: %1"), path))

    def write_convocations(self) -> None:
        from c2i2e_jury.services.convocations import write_convocations

        settings = Settings()
        folder = self.prompts.folder(
            self, self.tr("Folder for the convocations"), settings.convocations_folder()
        )
        if not folder:
            return
        settings.remember_convocations_folder(folder)
        report = write_convocations(self.db, self.campaign_id, Path(folder), self.rework_states, now=self.now)
        self.noted.emit(
            fill(
                self.tr("%1 convocations written in %2 (mail merge: %3)"),
                len(report.letters),
                folder,
                report.mail_merge.name,
            )  # fmt: skip
        )
