"""The 28 items: a keyboard-driven table (↑/↓ to move, V / N to decide, Suppr to clear, C to comment, J to
justify) and, below it, the selected item in full with the evaluator's comment, the jury's comment, the
justification, where the dossier cites it, and its history."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.domain.rules import Mark, needs_justification
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.jury_room import CandidateFile, ItemRow
from c2i2e_jury.ui.fit import fit_height
from c2i2e_jury.ui.jury_room.items_model import (
    CODE,
    COMMENT,
    EVALUATOR,
    JURY,
    ORDER_DOMAIN,
    ORDER_PART,
    WORDING,
    ItemsModel,
)
from c2i2e_jury.ui.jury_room.oral_session import OralSession
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import fill


def _short(text: str, limit: int) -> str:
    """Keep the detail pane steady on a small screen; the whole text is in the tooltip."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


class ItemsPanel(QWidget):
    pagesRequested = Signal(list)  # page numbers (1-based) where the selected item is cited
    currentItemChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.prompts = prompts or Prompts()
        self.session: OralSession | None = None
        self.evidence: dict[str, tuple[list[int], int | None]] = {}
        self.model = ItemsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("itemsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Rows as tight as the text allows: ten or more items show at 1366×768 (the wording: in the tooltip too).
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WORDING, QHeaderView.ResizeMode.Stretch)
        for column in (CODE, EVALUATOR, JURY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COMMENT, 110)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons and fields, as elsewhere
        self.table.installEventFilter(self)
        self._key_sources: list[QObject] = [self.table]
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        order = QHBoxLayout()
        order.addWidget(QLabel(self.tr("Group by:"), self))
        self.by_domain = QRadioButton(self.tr("&domain"), self)
        self.by_part = QRadioButton(self.tr("dossier &part"), self)
        group = QButtonGroup(self)
        group.addButton(self.by_domain)
        group.addButton(self.by_part)
        by_part = Settings().items_order(ORDER_DOMAIN) == ORDER_PART  # as the jury left it
        (self.by_part if by_part else self.by_domain).setChecked(True)
        self.model.set_order(ORDER_PART if by_part else ORDER_DOMAIN)
        self.by_part.toggled.connect(lambda on: self._set_order(ORDER_PART if on else ORDER_DOMAIN))
        order.addWidget(self.by_domain)
        order.addWidget(self.by_part)
        order.addStretch(1)
        decide = QHBoxLayout()  # a line of their own: « Grouper par » and the decisions never squeeze each other
        decide.addStretch(1)
        self.validate_button = QPushButton(self.tr("&Validated (V)"), self)
        self.refuse_button = QPushButton(self.tr("&Not validated (N)"), self)
        self.validate_button.clicked.connect(lambda: self.decide_current(Mark.VALIDATED))
        self.refuse_button.clicked.connect(lambda: self.decide_current(Mark.NOT_VALIDATED))
        decide.addWidget(self.validate_button)
        decide.addWidget(self.refuse_button)

        self.detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("itemsSplitter")  # its sizes are remembered by this name
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(order)
        top_layout.addLayout(decide)
        top_layout.addWidget(self.table)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)  # the detail keeps the height it needs, the table takes the rest
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _build_detail(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)  # the wording above the form: a form's spanning row ignores its wrapped lines
        form = QGridLayout()  # a grid, not a QFormLayout: its rows keep the lines a wrapped label needs
        form.setColumnStretch(1, 1)
        self.wording = QLabel(box)
        self.wording.setWordWrap(True)
        self.wording.setObjectName("itemWording")
        self.evaluator_label = QLabel(box)
        self.evaluator_label.setWordWrap(True)
        self.comment_edit = QLineEdit(box)
        self.comment_edit.setObjectName("juryComment")
        self.comment_edit.setPlaceholderText(self.tr("Jury's comment (Enter to save)"))
        self.comment_edit.returnPressed.connect(self._save_comment)
        self.justification_edit = QLineEdit(box)
        self.justification_edit.setObjectName("justification")
        self.justification_edit.setPlaceholderText(self.tr("Required when the jury differs from the evaluator"))
        self.justification_edit.returnPressed.connect(self._save_justification)
        self.evidence_label = QLabel(box)
        self.evidence_label.setWordWrap(True)
        self.evidence_label.linkActivated.connect(self._evidence_clicked)
        self.history_label = QLabel(box)
        self.history_label.setWordWrap(True)
        self.history_label.setObjectName("itemHistory")
        column.addWidget(self.wording)
        column.addLayout(form)
        rows = ((self.tr("Evaluator:"), self.evaluator_label), (self.tr("&Comment:"), self.comment_edit),
                (self.tr("&Justification:"), self.justification_edit),
                (self.tr("In the dossier:"), self.evidence_label), (self.tr("History:"), self.history_label))
        for row, (text, field) in enumerate(rows):
            label = QLabel(text, box)
            label.setBuddy(field)  # Alt+C, Alt+J reach the fields, as the form did
            form.addWidget(label, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            form.addWidget(field, row, 1)
        return box

    # -- data ------------------------------------------------------------------------------------------------
    def accept_keys_from(self, widget: QWidget) -> None:
        """V / N / Suppr / C / J also act when ``widget`` has the focus (the dossier's pages: the jurors click in
        the dossier all the time, and a key that silently does nothing costs them the item)."""
        widget.installEventFilter(self)
        self._key_sources.append(widget)

    def set_session(self, session: OralSession | None) -> None:
        self.session = session
        self.evidence = {}  # the previous candidate's pages, until this dossier's map arrives
        if session is None:
            self.model.set_items([])
            self.validate_button.setEnabled(False)  # nothing to decide: the buttons say so
            self.refuse_button.setEnabled(False)
            return
        self.show_file(session.file)
        if self.model.rowCount():
            self.select(session.file.view_state.get("item") or self.model.item(0).code)

    def show_file(self, file: CandidateFile) -> None:
        current = self.current_code()
        self.model.set_items(file.items)
        if current:
            self.select(current, emit=False)
        self._show_detail()
        enabled = jury_room.room_actions(file).decide
        self.validate_button.setEnabled(enabled)
        self.refuse_button.setEnabled(enabled)

    def set_evidence(self, evidence: dict[str, tuple[list[int], int | None]]) -> None:
        """For each item: the pages that cite it and the page where its part begins."""
        self.evidence = evidence
        self._show_detail()

    def _set_order(self, order: str) -> None:
        Settings().remember_items_order(order)
        code = self.current_code()
        self.model.set_order(order)
        if code:
            self.select(code)

    def current_code(self) -> str:
        index = self.table.currentIndex()
        return self.model.item(index.row()).code if index.isValid() else ""

    def current_item(self) -> ItemRow | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def select(self, code: str, emit: bool = True) -> None:
        row = self.model.row_of(code)
        if row < 0:
            return
        if not emit:
            self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, CODE),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(self.model.index(row, CODE))

    def _current_changed(self) -> None:
        self._show_detail()
        code = self.current_code()
        if code:
            self.currentItemChanged.emit(code)

    def _show_detail(self) -> None:
        item = self.current_item()
        if item is None:
            return
        self.wording.setText(f"<b>{item.code}</b> — {_short(item.wording, 150)}")
        self.wording.setToolTip(item.wording)
        mark = item.evaluator.value if item.evaluator else self.tr("not assessed")
        self.evaluator_label.setText(f"<b>{mark}</b> {_short(item.evaluator_comment, 140)}")
        self.evaluator_label.setToolTip(item.evaluator_comment)
        if not self.comment_edit.hasFocus():
            self.comment_edit.setText(item.comment)
        if not self.justification_edit.hasFocus():
            self.justification_edit.setText(item.justification)
        locked = item.acquired or self.session is None or self.session.file.locked or not self.session.file.admitted
        self.comment_edit.setReadOnly(locked)
        self.justification_edit.setReadOnly(locked)
        cited, part_start = self.evidence.get(item.code, ([], None))
        links = [f'<a href="{p}">p. {p}</a>' for p in cited]
        text = ", ".join(links) if links else self.tr("code not cited")
        if part_start:
            text += " — " + fill(self.tr("part %1 begins on %2"), item.part,
                                 f'<a href="{part_start}">p. {part_start}</a>')
        self.evidence_label.setText(text)
        self._show_history(item)
        fit_height(self.detail)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        fit_height(self.detail)  # narrower, the wording may need one more line

    def _show_history(self, item: ItemRow) -> None:
        if self.session is None:
            return
        changes = jury_room.history(self.session.db, self.session.pk, item.code)
        lines = [f"{c.at.astimezone().strftime('%H:%M:%S')} : {c.old or '—'} → {c.new or '—'}"
                 + (f" ({c.justification})" if c.justification else "") for c in changes[-4:]]
        self.history_label.setText("<br>".join(lines) or self.tr("no change yet"))

    def _evidence_clicked(self, link: str) -> None:
        self.pagesRequested.emit([int(link)])

    # -- actions ---------------------------------------------------------------------------------------------
    def decide_current(self, mark: Mark | None) -> bool:
        item = self.current_item()
        if item is None or self.session is None:
            return False
        justification = None
        if needs_justification(item.evaluator, mark) and not item.justification:
            text = self.prompts.line(  # one line: Enter gives it, as everywhere in the room
                self, self.tr("Justification required"),
                fill(self.tr("%1: the jury's decision (%2) differs from the evaluator's (%3).\nWhy?"), item.code,
                     mark.value if mark else "—", item.evaluator.value if item.evaluator else "—"))
            if text is None or not text.strip():
                return False
            justification = text.strip()
        done = self.session.change(item.code, decision=mark, justification=justification)
        if done:
            self._advance()
        return done

    def _advance(self) -> None:
        """After a decision, go to the next undecided item (or the next one): the jury keeps its rhythm."""
        row = self.table.currentIndex().row()
        for offset in range(1, self.model.rowCount()):
            candidate = self.model.item((row + offset) % self.model.rowCount())
            if candidate.decision is None and not candidate.acquired:
                self.select(candidate.code)
                return
        if row + 1 < self.model.rowCount():
            self.select(self.model.item(row + 1).code)

    def _save_comment(self) -> None:
        item = self.current_item()
        if item is not None and self.session is not None:
            self.session.change(item.code, comment=self.comment_edit.text().strip())
            self.table.setFocus()

    def _save_justification(self) -> None:
        item = self.current_item()
        if item is not None and self.session is not None:
            self.session.change(item.code, justification=self.justification_edit.text().strip())
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched in self._key_sources and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            if key == Qt.Key.Key_V:
                self.decide_current(Mark.VALIDATED)
                return True
            if key == Qt.Key.Key_N:
                self.decide_current(Mark.NOT_VALIDATED)
                return True
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                item = self.current_item()
                if item is not None and self.session is not None:
                    self.session.change(item.code, decision=None)
                return True
            if key == Qt.Key.Key_C:
                self.comment_edit.setFocus()
                self.comment_edit.selectAll()
                return True
            if key == Qt.Key.Key_J:
                self.justification_edit.setFocus()
                self.justification_edit.selectAll()
                return True
        return super().eventFilter(watched, event)
