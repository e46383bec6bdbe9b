"""The certification jury president's workspace: every candidate of a campaign in one table (sorted by any
column, filtered by text and by flag or status), a candidate's detail with the decision buttons beside it, how
often the jury reversed each evaluator and each item, and the charts.

The main window embeds it: ``ReviewWorkspace(db)``, then ``set_campaign(campaign_id)``; ``reload()`` after
anything changed elsewhere (sheets imported, decisions). Everything it shows comes from
:mod:`c2i2e_jury.services.review`; every decision goes through :mod:`c2i2e_jury.services.certification`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services import certification_batch
from c2i2e_jury.services.presidency import president_name
from c2i2e_jury.services.review.figures import histogram, reversal_stats, validation_rates
from c2i2e_jury.services.review.rows import ReviewRow, review_rows
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.review.charts import ChartsPanel
from c2i2e_jury.ui.review.column_fit import review_columns
from c2i2e_jury.ui.review.detail_pane import CandidateDetailPane
from c2i2e_jury.ui.review.examine_badge import ExamineBadgeDelegate
from c2i2e_jury.ui.review.reversal_model import ReversalModel
from c2i2e_jury.ui.review.review_model import COLUMN, FILTERS, ROW_ROLE, ReviewModel, ReviewProxy
from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import fill

log = logging.getLogger(__name__)


class ReviewWorkspace(QWidget):
    """``campaignLoaded(n)`` once the rows of a campaign are shown."""

    campaignLoaded = Signal(int)  # noqa: N815

    def __init__(self, db: Database, parent: Any = None, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWorkspace")
        self.db = db
        self.prompts = prompts or Prompts()  # how it asks and tells (Qt dialogs; tests script them)
        self.campaign_id: str | None = None
        self.referential = referential()
        self.model = ReviewModel(self)
        self.proxy = ReviewProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.addTab(self._candidates_tab(), self.tr("Candidates"))
        self.by_item, self.by_evaluator = ReversalModel("item", self), ReversalModel("evaluator", self)
        self.tabs.addTab(self._reversals_tab(), self.tr("Reversals of the evaluator"))
        self.charts = ChartsPanel(self.referential)
        self.tabs.addTab(self.charts, self.tr("Charts"))
        self._figures_stale = True  # the reversal tables and the charts are computed when first looked at
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # -- building ------------------------------------------------------------------------------------------
    def _candidates_tab(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("reviewSearch")
        self.search.setPlaceholderText(self.tr("Search: id, name, jury, evaluator"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.filter = QComboBox()
        self.filter.setObjectName("reviewFilter")
        for name in FILTERS:
            self.filter.addItem(self._filter_label(name), name)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.count = QLabel()
        self.deliver_all = QPushButton(self.tr("Deliver as the rules propose…"))
        self.deliver_all.clicked.connect(self._deliver_as_proposed)
        self.export = QPushButton(self.tr("Export…"))
        self.export.clicked.connect(self._export)
        self.documents_button = QPushButton(self.tr("Certificates and attestations…"))
        self.documents_button.setObjectName("reviewDocuments")
        self.documents_button.setToolTip(
            self.tr("Sign the documents the certification jury decided and save them as one ZIP")
        )
        self.documents_button.clicked.connect(self.sign_documents)
        self.pv_button = QPushButton(self.tr("Procès-verbal…"))
        self.pv_button.setObjectName("reviewPv")
        self.pv_button.setToolTip(self.tr("The certification jury's procès-verbal: preview, sign, save"))
        self.pv_button.clicked.connect(self.sign_pv)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        bar.addStretch()
        bar.addWidget(self.deliver_all)
        bar.addWidget(self.documents_button)
        bar.addWidget(self.pv_button)
        bar.addWidget(self.export)
        self.table = QTableView()
        self.table.setObjectName("reviewTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setItemDelegateForColumn(COLUMN["name"], ExamineBadgeDelegate(self.table))
        # « À examiner » first (then the most flags), until the president sorts by another column
        self.table.horizontalHeader().setSortIndicator(COLUMN["flags"], Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._sized = False
        self._split_set = False
        self.columns = review_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail = CandidateDetailPane(self.db, prompts=self.prompts)
        self.detail.decided.connect(self._decided)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("reviewSplit")
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 4)  # a wider window widens the table first: its columns in view
        split.setStretchFactor(1, 1)
        self.split = split
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        return page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._split_set:  # once the splitter has its own first layout (it would undo ours before)
            self._split_set = True
            QTimer.singleShot(0, self._place_split)

    def _place_split(self) -> None:
        """The detail takes 30 % of the width (at least what it needs), the table the rest: at 1366 px every
        column of the table shows (:func:`review_columns`)."""
        total = sum(self.split.sizes())
        detail = max(self.detail.minimumSizeHint().width(), round(total * 0.3))
        self.split.setSizes([total - detail, detail])

    def _size_columns(self) -> None:
        """Once, on the first rows: each column as wide as its content (the first thousand rows), within
        bounds, all of them in view (:mod:`column_fit`), so that the figures the president compares stay in
        view."""
        self._sized = True
        self.columns.size_to_contents()

    def _reversals_tab(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        for title, model in (
            (self.tr("By evaluator"), self.by_evaluator),
            (self.tr("By item"), self.by_item),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{title}</b>"))
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.verticalHeader().setDefaultSectionSize(22)
            view.setAlternatingRowColors(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            column.addWidget(view)
            layout.addLayout(column, 1)
        return page

    def _filter_label(self, name: str) -> str:
        return {
            "all": self.tr("All candidates"),
            "to_examine": self.tr("To examine (flagged, not settled)"),
            "flagged": self.tr("To look at (any flag)"),
            "borderline": self.tr("Borderline (21 to 24)"),
            "reversed": self.tr("Jury reversed the evaluator"),
            "plagiarism": self.tr("Plagiarism reported"),
            "changed": self.tr("Data changed since the sheet"),
            "conflict": self.tr("Sheet in conflict"),
            "missing_sheet": self.tr("No signed sheet"),
            "certificate": self.tr("Certificate by the rules"),
            "partial": self.tr("Partial attestation by the rules"),
            "undecided": self.tr("Not yet decided by the certification jury"),
            "absent": self.tr("Absent"),
            "not_admitted": self.tr("Not admitted"),
            "annulled": self.tr("Annulled"),
        }[name]

    # -- the public interface ------------------------------------------------------------------------------
    def set_campaign(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        self.reload()

    def reload(self) -> None:
        """Read the campaign again, keep the sort, the filters and the selected candidate."""
        selected = self._selected()
        rows = review_rows(self.db, self.campaign_id, self.referential) if self.campaign_id else []
        self.detail.set_president(president_name(self.db, self.campaign_id) if self.campaign_id else None)
        header = self.table.horizontalHeader()
        self.model.set_rows(rows, header.sortIndicatorSection(), header.sortIndicatorOrder())
        if rows and not self._sized:
            self._size_columns()
        self._refresh_count()
        self._reselect(selected.pk if selected else None)
        self._figures_stale = True
        if self.tabs.currentIndex() != 0:
            self._refresh_figures()
        self.campaignLoaded.emit(len(rows))

    def _tab_changed(self, index: int) -> None:
        if index != 0 and self._figures_stale:
            self._refresh_figures()

    def _refresh_figures(self) -> None:
        """The reversal tables and the charts: a few hundred milliseconds for 5,000 candidates, spent only when
        the president looks at them."""
        self._figures_stale = False
        rows = self.model.rows()
        if self.campaign_id:
            stats = reversal_stats(self.db, self.campaign_id, self.referential)
            self.by_item.set_lines(stats.by_item)
            self.by_evaluator.set_lines(stats.by_evaluator)
        else:
            self.by_item.set_lines([])
            self.by_evaluator.set_lines([])
        self.charts.set_data(
            histogram(rows), validation_rates(rows, self.referential), self.referential.min_validated
        )

    # -- reacting ------------------------------------------------------------------------------------------
    def _selected(self) -> ReviewRow | None:
        index = self.table.selectionModel().currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, ReviewRow) else None

    def _reselect(self, pk: int | None) -> None:
        source_row = self.model.row_of(pk) if pk is not None else -1
        index = self.proxy.mapFromSource(self.model.index(source_row, 0)) if source_row >= 0 else None
        if index is None or not index.isValid():
            self.detail.clear()
            return
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        self.detail.show_candidate(self.model.row(source_row))

    def _current_changed(self, current: Any, _previous: Any) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if isinstance(row, ReviewRow):
            self.detail.show_candidate(row)
        else:
            self.detail.clear()

    def _filter_changed(self, *_: Any) -> None:
        self.proxy.set_text(self.search.text())
        self.proxy.set_filter(self.filter.currentData() or "all")
        self._refresh_count()

    def _refresh_count(self) -> None:
        total = self.model.rowCount()
        self.count.setText(fill(self.tr("%1 of %n candidate(s)", "", total), self.proxy.rowCount()))

    def _decided(self, pk: int) -> None:
        self.reload()
        self._reselect(pk)

    def _deliver_as_proposed(self) -> None:
        if not self.campaign_id:
            return
        if not self.prompts.confirm_risky(
            self,
            self.tr("Deliver as the rules propose"),
            self.tr(
                "Every candidate not yet decided gets the certificate or the partial attestation their "
                "signed sheet proposes. Candidates with a fraud or plagiarism report, data changed since the "
                "sheet, a missing or reopened sheet are left for you to decide. Continue?"
            ),
        ):
            return
        try:
            report = certification_batch.deliver_as_proposed(self.db, self.campaign_id)
        except UserError as exc:
            self.prompts.warn(self, self.tr("Not recorded"), exc.message)
            return
        self.reload()
        self.prompts.inform(
            self,
            self.tr("Decisions recorded"),
            fill(
                self.tr("%1 and %2 recorded; %3."),
                self.tr("%n certificate(s)", "", report.certificates),
                self.tr("%n partial attestation(s)", "", report.attestations),
                self.tr("%n candidate(s) left for you to decide", "", len(report.skipped)),
            ),
        )

    def president_documents(self, prompts: Any = None, settings: Any = None, **options: Any) -> Any:
        """The PV and the certificates of the campaign shown (tests pass their own prompts and settings store)."""
        from c2i2e_jury.ui.review.president_documents import PresidentDocuments

        assert self.campaign_id is not None
        return PresidentDocuments(
            self, self.db, self.campaign_id, prompts or self.prompts, Settings(settings), **options
        )

    def sign_pv(self) -> None:
        if self.campaign_id:
            self.president_documents().run_pv()

    def sign_documents(self) -> None:
        if self.campaign_id:
            self.president_documents().run_documents()
            self.reload()

    def _export(self) -> None:
        if not self.campaign_id:
            return
        from pathlib import Path

        from c2i2e_jury.files import write_durably
        from c2i2e_jury.services.review.summary import summary_bytes

        answer = self.prompts.save_file_typed(
            self,
            self.tr("Export the summary"),
            f"synthese-{self.campaign_id}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
        )
        if answer is None:
            return
        path, chosen = answer
        fmt = "csv" if path.lower().endswith(".csv") or "csv" in chosen.lower() else "xlsx"
        try:
            write_durably(Path(path), summary_bytes(self.db, self.campaign_id, fmt))
        except OSError as exc:
            self.prompts.warn(
                self,
                self.tr("Not written"),
                fill(self.tr("%1 could not be written: %2."), path, os_error_text(exc)),
            )
