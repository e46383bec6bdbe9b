"""The dossier viewer's toolbar and its keyboard shortcuts, in one row that fits half a 1366-pixel screen.

A plain row of tool buttons rather than a QToolBar: a QToolBar hides what does not fit behind a "»" button, and
the first thing it would hide is the search field. Here the search field is the part that shrinks. Fit width and
fit page are entries of the zoom box (as in Evince), which also shows the zoom in force.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QSpinBox, QToolButton, QVBoxLayout, QWidget

from c2i2e_jury.ui import shortcuts
from c2i2e_jury.ui.viewer.page_zoom import FIT_PAGE, FIT_WIDTH
from c2i2e_jury.ui.viewer.panels import SearchBar

ZOOM_CHOICES = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


class ViewerToolbar(QWidget):
    """Panel toggle, previous / page box / next, zoom out / zoom box / zoom in, continuous, search.

    The actions are added to ``owner`` (the viewer) so that their shortcuts work wherever the focus is in its
    window (Ctrl+F, F3, Ctrl+G, the zoom keys): their keys come from :mod:`c2i2e_jury.ui.shortcuts`.
    """

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.setObjectName("dossierToolbar")
        self._owner = owner
        self.a_panel = self._action(
            "☰", self.tr("Show or hide the thumbnails and the outline (F9)"), "side_panel", True
        )
        self.a_back = self._action(
            "↶", self.tr("Back to where you were before the jump (Alt+Left)"), "history_back"
        )
        self.a_forward = self._action(
            "↷", self.tr("Forward again, to where Back left (Alt+Right)"), "history_forward"
        )
        self.a_back.setEnabled(False)
        self.a_forward.setEnabled(False)
        self.a_previous = self._action("◀", self.tr("Previous page (Left)"))
        self.a_next = self._action("▶", self.tr("Next page (Right)"))
        self.a_zoom_out = self._action("−", self.tr("Zoom out (Ctrl+-)"), "zoom_out")
        self.a_zoom_in = self._action("+", self.tr("Zoom in (Ctrl++)"), "zoom_in")
        self.a_fit_width = self._action(
            self.tr("Page width"), self.tr("Fit the page width (Ctrl+2)"), "fit_width"
        )
        self.a_fit_page = self._action(
            self.tr("Whole page"), self.tr("Fit the whole page (Ctrl+0)"), "fit_page"
        )
        self.a_actual = self._action(
            self.tr("Actual size"), self.tr("Actual size, 100 % (Ctrl+1)"), "actual_size"
        )
        self.a_continuous = self._action(
            self.tr("Continuous"),
            self.tr("Pages one after the other (continuous) or one at a time"),
            checkable=True,
        )
        self.a_find = self._action(self.tr("Search"), self.tr("Search the dossier (Ctrl+F)"), "find")
        self.a_find_next = self._action(self.tr("Next match"), "", "find_next")
        self.a_find_previous = self._action(self.tr("Previous match"), "", "find_previous")
        self.a_go_to = self._action(self.tr("Go to page"), "", "go_to_page")
        self.a_panel.setChecked(True)
        self.a_continuous.setChecked(True)
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("dossierPageBox")
        self.page_box.setPrefix(self.tr("Page "))
        self.page_box.setKeyboardTracking(False)
        self.page_box.setAccelerated(True)
        self.page_box.setToolTip(self.tr("Go to page (Ctrl+G)"))
        self._fix_page_box_size()
        self.zoom_box = QComboBox(self)
        self.zoom_box.setObjectName("dossierZoom")
        self.zoom_box.setEditable(True)
        self.zoom_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zoom_box.addItem(self.a_fit_width.text(), FIT_WIDTH)
        self.zoom_box.addItem(self.a_fit_page.text(), FIT_PAGE)
        for zoom in ZOOM_CHOICES:
            self.zoom_box.addItem(f"{round(zoom * 100)} %", zoom)
        self.zoom_box.setMinimumContentsLength(7)  # its full width when there is room, "Largeur d" at worst
        self.show_zoom(FIT_WIDTH, 1.0)  # its start shown before any dossier too: not "ır de page" (issue 12)
        self.zoom_box.setToolTip(self.tr("Zoom: page width, whole page or a percentage"))
        self.search_bar = SearchBar(self)
        self._lay_out()

    def _fix_page_box_size(self) -> None:
        """The page box as wide as « Page 999 / 999 » once and for all: a dossier's page count then changes no
        size, and opening a dossier lays nothing out again (0.2 ms and a repaint of the whole row otherwise)."""
        box = self.page_box
        box.setSuffix(" / 999")
        box.setRange(0, 999)
        box.setFixedSize(box.sizeHint())
        box.setSuffix("")

    def _action(self, text: str, tip: str, keys: str = "", checkable: bool = False) -> QAction:
        """A toolbar action; ``keys``: its action in :mod:`c2i2e_jury.ui.shortcuts`, if it has keys."""
        action = QAction(text, self._owner)
        action.setToolTip(tip or text)
        action.setCheckable(checkable)
        sequences = shortcuts.keys(keys) if keys else []
        if sequences:
            action.setShortcuts(sequences)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._owner.addAction(action)
        return action

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the pages
        button.setMinimumWidth(button.sizeHint().width())  # a longer translation widens the row, never cut
        return button

    def _separator(self) -> QFrame:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    def _lay_out(self) -> None:
        rows = QVBoxLayout(self)
        rows.setContentsMargins(4, 2, 4, 2)
        rows.setSpacing(2)
        self._first_row, self._second_row = QHBoxLayout(), QHBoxLayout()
        for row in (self._first_row, self._second_row):
            row.setSpacing(2)
            rows.addLayout(row)
        for item in (
            self._button(self.a_panel),
            self._separator(),
            self._button(self.a_back),
            self._button(self.a_forward),
            self._button(self.a_previous),
            self.page_box,
            self._button(self.a_next),
            self._separator(),
            self._button(self.a_zoom_out),
            self.zoom_box,
            self._button(self.a_zoom_in),
            self._button(self.a_continuous),
        ):
            self._first_row.addWidget(item)
        self._search_separator = self._separator()
        self._first_row.addWidget(self._search_separator)
        self._first_row.addWidget(self.search_bar, 1)
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        """In a narrow viewer the search goes to a second row rather than squeezing everything."""
        if compact == self.compact:
            return
        self.compact = compact
        self._first_row.removeWidget(self.search_bar)
        self._second_row.removeWidget(self.search_bar)
        if compact:
            self._first_row.addStretch(1)
            self._second_row.addWidget(self.search_bar, 1)
        else:
            stretch = self._first_row.takeAt(self._first_row.count() - 1)
            del stretch
            self._first_row.addWidget(self.search_bar, 1)
        self._search_separator.setVisible(not compact)

    # -- showing the state -----------------------------------------------------------------------------------
    def show_page(self, page: int, count: int) -> None:
        """« Page n / N » and the previous / next buttons."""
        self.page_box.blockSignals(True)
        self.page_box.setSuffix(f" / {count}")
        self.page_box.setSpecialValueText("" if count else self.tr("Page –"))  # not « Page 1 / 0 »
        self.page_box.setRange(1 if count else 0, count)
        self.page_box.setValue(page)
        self.page_box.blockSignals(False)
        self.a_previous.setEnabled(page > 1)
        self.a_next.setEnabled(0 < page < count)

    def show_zoom(self, mode: str | float, zoom: float) -> None:
        """The fit mode's name, or the zoom as a percentage."""
        index = self.zoom_box.findData(mode) if isinstance(mode, str) else -1
        self.zoom_box.setEditText(self.zoom_box.itemText(index) if index >= 0 else f"{round(zoom * 100)} %")
        line = self.zoom_box.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # squeezed, it shows "Largeur d", not "r de page"

    def set_enabled(self, enabled: bool, searchable: bool) -> None:
        for widget in (self.page_box, self.zoom_box):
            widget.setEnabled(enabled)
        self.search_bar.setEnabled(enabled and searchable)
        for action in (
            self.a_previous,
            self.a_next,
            self.a_zoom_in,
            self.a_zoom_out,
            self.a_fit_width,
            self.a_fit_page,
            self.a_actual,
            self.a_continuous,
            self.a_go_to,
        ):
            action.setEnabled(enabled)
        for action in (self.a_find, self.a_find_next, self.a_find_previous):
            action.setEnabled(enabled and searchable)
