"""The viewer's side panels and search bar: page thumbnails, the PDF's outline, the search field with its count.

Thumbnails are rendered by the same worker as the pages, after them (lowest priority), and only for the rows on
screen; the pages of the item the jury selected are marked in the list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QImage, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from c2i2e_jury.dossier.document import OutlineEntry
from c2i2e_jury.ui.text import fill
from c2i2e_jury.ui.viewer.page_zoom import RenderKey, render_key
from c2i2e_jury.ui.viewer.render.page_renderer import PageRenderer

THUMB_WIDTH = 96
MARKED = QColor(255, 214, 153)
PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    """One row per page: its number, its thumbnail once rendered (a blank page until then), marked or not."""

    def __init__(self, renderer: PageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._sizes: list[tuple[float, float]] = []
        self._pixmaps: dict[int, QPixmap] = {}
        self._blank: dict[tuple[int, int], QPixmap] = {}
        self._marked: set[int] = set()
        self._cell = QSize(THUMB_WIDTH + 12, THUMB_WIDTH * 3 // 2)
        self.dpr = 1.0
        self.label_height = 16

    def set_sizes(self, sizes: Sequence[tuple[float, float]]) -> None:
        self.beginResetModel()
        self._sizes = list(sizes)
        self._pixmaps.clear()
        self._marked.clear()
        self._fit_cell()
        self.endResetModel()

    def _fit_cell(self) -> None:
        """One cell size for every row (the list lays 2000 rows out at once otherwise): the tallest thumbnail."""
        tallest = max((THUMB_WIDTH * h / max(w, 1.0) for w, h in self._sizes), default=THUMB_WIDTH * 1.5)
        self._cell = QSize(THUMB_WIDTH + 12, round(tallest) + self.label_height + 10)

    def update_sizes(self, sizes: Sequence[tuple[float, float]]) -> None:
        """Exact sizes for the same pages: the rows stay, the thumbnails of resized pages are redone."""
        if len(sizes) != len(self._sizes):
            self.set_sizes(sizes)
            return
        for row, (old, new) in enumerate(zip(self._sizes, sizes, strict=True)):
            if old != new:
                self._sizes[row] = new
                self._pixmaps.pop(row + 1, None)
                self._changed(row)
        self._fit_cell()

    def key(self, page: int) -> RenderKey:
        width = max(self._sizes[page - 1][0], 1.0)
        return render_key(page, THUMB_WIDTH / width, self.dpr)

    def set_marked(self, pages: Iterable[int]) -> None:
        old, self._marked = self._marked, {p for p in pages if 1 <= p <= len(self._sizes)}
        for page in old ^ self._marked:
            self._changed(page - 1)

    def image_ready(self, key: RenderKey) -> None:
        if 1 <= key.page <= len(self._sizes) and (key == self.key(key.page) or key.zoom == 0.0):
            image = self._renderer.image(key)
            if image is not None:
                self._pixmaps[key.page] = QPixmap.fromImage(image)
            self._changed(key.page - 1)

    def _changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt)
        return 0 if parent.isValid() else len(self._sizes)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._sizes):
            return None
        page = index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmaps.get(page) or self._placeholder(page)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = fill(self.tr("Page %1"), page)
            return text + (" — " + self.tr("cited for the selected item") if page in self._marked else "")
        if role == Qt.ItemDataRole.BackgroundRole and page in self._marked:
            return MARKED
        if role == Qt.ItemDataRole.FontRole and page in self._marked:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.SizeHintRole:
            return self._cell
        if role == PAGE_ROLE:
            return page
        return None

    def _placeholder(self, page: int) -> QPixmap:
        width, height = self._sizes[page - 1]
        size = (THUMB_WIDTH, max(1, round(THUMB_WIDTH * height / max(width, 1.0))))
        pixmap = self._blank.get(size)
        if pixmap is None:
            image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painter.setPen(QColor(200, 200, 200))
            painter.drawRect(0, 0, size[0] - 1, size[1] - 1)
            painter.end()
            pixmap = self._blank[size] = QPixmap.fromImage(image)
        return pixmap


class ThumbnailPanel(QListView):
    """The thumbnails in a column; choosing one (click, Enter) asks for its page."""

    pageRequested = Signal(int)

    def __init__(self, renderer: PageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._following = False
        self.thumbnails = ThumbnailModel(renderer, self)
        self.setModel(self.thumbnails)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.thumbnails.label_height = self.fontMetrics().height()
        self.setSpacing(4)
        self.setIconSize(QSize(THUMB_WIDTH, THUMB_WIDTH * 3 // 2))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(THUMB_WIDTH + 44)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(226, 227, 229))  # white pages stand out
        self.setPalette(palette)
        self._request_timer = QTimer(self)
        self._request_timer.setSingleShot(True)
        self._request_timer.setInterval(0)
        self._request_timer.timeout.connect(self.request_visible)
        self.verticalScrollBar().valueChanged.connect(self._request_timer.start)
        self.activated.connect(self._chosen)
        self.clicked.connect(self._chosen)
        renderer.imageReady.connect(self.thumbnails.image_ready)

    def set_sizes(self, sizes: Sequence[tuple[float, float]], fresh: bool) -> None:
        self.thumbnails.dpr = self.devicePixelRatioF()
        if fresh:
            self.thumbnails.set_sizes(sizes)
        else:
            self.thumbnails.update_sizes(sizes)
        self._request_timer.start()

    def follow(self, page: int) -> None:
        """Select the current page's thumbnail without asking for the page again."""
        index = self.thumbnails.index(page - 1, 0)
        if index.isValid():
            self._following = True
            try:
                self.setCurrentIndex(index)
                self.scrollTo(index)
            finally:
                self._following = False

    def _chosen(self, index: QModelIndex) -> None:
        if not self._following and index.isValid():
            self.pageRequested.emit(index.row() + 1)

    def currentChanged(self, current: _Index, previous: _Index) -> None:  # noqa: N802 (Qt)
        super().currentChanged(current, previous)
        if not self._following and current.isValid() and self.hasFocus():
            self.pageRequested.emit(current.row() + 1)  # arrow keys in the list turn the pages

    def request_visible(self) -> None:
        """Thumbnails for the rows on screen, and a few beyond."""
        rows = self.thumbnails.rowCount()
        if not rows or not self.isVisible():
            return
        top = self.indexAt(QPoint(THUMB_WIDTH // 2, 4))
        bottom = self.indexAt(QPoint(THUMB_WIDTH // 2, self.viewport().height() - 4))
        first = top.row() if top.isValid() else 0
        last = bottom.row() if bottom.isValid() else min(rows - 1, first + 12)
        pages = range(max(1, first + 1 - 2), min(rows, last + 1 + 3) + 1)
        self._renderer.request_thumbnails([self.thumbnails.key(p) for p in pages])

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._request_timer.start()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)  # type: ignore[arg-type]
        self._request_timer.start()


class OutlinePanel(QTreeWidget):
    """The PDF's bookmarks ("Plan"); choosing one asks for its page."""

    pageRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def set_outline(self, entries: Sequence[OutlineEntry]) -> None:
        self.clear()
        parents: list[QTreeWidgetItem] = []
        for entry in entries:
            level = max(1, min(entry.level, len(parents) + 1))
            del parents[level - 1 :]
            title = " ".join(entry.title.split()) or "—"
            item = QTreeWidgetItem([title])
            item.setToolTip(0, title)
            if entry.page is not None:
                item.setData(0, PAGE_ROLE, entry.page)
                item.setToolTip(0, f"{title} — {fill(self.tr('Page %1'), entry.page)}")
            if parents:
                parents[-1].addChild(item)
            else:
                self.addTopLevelItem(item)
            parents.append(item)
        self.setRootIsDecorated(
            any(
                top.childCount()
                for i in range(self.topLevelItemCount())
                if (top := self.topLevelItem(i)) is not None
            )
        )
        self.expandToDepth(0)

    def _chosen(self, item: QTreeWidgetItem) -> None:
        page = item.data(0, PAGE_ROLE)
        if isinstance(page, int):
            self.pageRequested.emit(page)


class SearchField(QLineEdit):
    """Enter finds the next hit, Shift+Enter the previous one, Escape hands the keys back to the pages."""

    submitted = Signal()
    previousRequested = Signal()
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previousRequested.emit()
            else:
                self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    """The search field, the hit count (« 3 / 12 ») and the previous / next buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = SearchField(self)
        self.field.setObjectName("dossierSearch")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.field.setMinimumWidth(70)
        self.count = QLabel(self)
        self.count.setObjectName("dossierSearchCount")
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance("888 / 888"))
        self.previous = QToolButton(self)
        self.previous.setText("▲")
        self.previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next = QToolButton(self)
        self.next.setText("▼")
        self.next.setToolTip(self.tr("Next match (F3)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)

    def show_count(self, current: int | None, total: int | None, searching: bool = False) -> None:
        """« 3 / 12 », « No match » in red, « … » while searching, nothing when there is no search."""
        self.count.setStyleSheet("color: #b00020;" if total == 0 else "")
        if total is None:
            self.count.setText("…" if searching else "")
        elif total == 0:
            self.count.setText(self.tr("No match"))
        else:
            self.count.setText(f"{(current or 0) + 1} / {total}")
