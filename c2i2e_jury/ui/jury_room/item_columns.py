"""The items table's narrow columns at fixed widths, measured once on every text they can show.

Sized to their contents by Qt (``ResizeToContents``), the three columns were measured again over the 28 rows at
every decision (about 700 ``data()`` calls, most of the table's refresh: benchmarks/bench_oral.py). The texts a
column can show are few and known (codes, « ✓ V », « ? à décider », « ★ acquise 2024 »): the widest of them, in
the column's font, with the delegate's margins, is its width for good."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from c2i2e_jury.ui.jury_room.items_model import CODE, EVALUATOR, JURY, ItemsModel

SLACK = 6  # pixels beyond the widest text: a grid line and the focus frame never touch the text


def fit_columns(table: QTableView, model: ItemsModel) -> None:
    """Fix the widths of the code, evaluator and jury columns to the widest text each can show."""
    header = table.horizontalHeader()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    for column in (CODE, EVALUATOR, JURY):
        font = QFont(table.font())
        font.setBold(model.bold(column))
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(text) for text in model.column_texts(column))
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, max(widest + margin + SLACK, header.sectionSizeHint(column)))
