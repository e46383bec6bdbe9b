"""The 28 items: a keyboard-driven table (↑/↓ to move, V / N to decide, Suppr to clear, C to comment, J to
justify) and, below it, the selected item in full (:mod:`.item_detail`).

The decision keys are shortcuts of the whole window, not of the table: they act wherever the focus is (the dossier,
a button the juror clicked, the day's list) except inside a text field, where they are typed. A key that silently
does nothing because a timer button kept the focus costs the jury an item."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from html import escape

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.domain.rules import Mark, needs_justification
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.jury_room import CandidateFile, DecisionChangeRow, ItemRow
from c2i2e_jury.ui.fit import fit_height
from c2i2e_jury.ui.jury_room.decision_keys import DecisionKeys
from c2i2e_jury.ui.jury_room.item_columns import fit_columns
from c2i2e_jury.ui.jury_room.item_detail import ItemDetail
from c2i2e_jury.ui.jury_room.items_model import (
    CODE,
    COMMENT,
    ORDER_DOMAIN,
    ORDER_PART,
    WORDING,
    ItemsModel,
)
from c2i2e_jury.ui.jury_room.oral_session import OralSession
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import fill


class ItemsPanel(QWidget):
    pagesRequested = Signal(list)  # page numbers (1-based) where the selected item is cited
    currentItemChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.prompts = prompts or Prompts()
        self.session: OralSession | None = None
        self.evidence: dict[str, tuple[list[int], int | None]] = {}
        self._evidence_due = False  # the dossier's evidence map is being built: no « not cited » before it
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
        fit_columns(self.table, self.model)  # fixed: never measured again over the 28 rows
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COMMENT, 110)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons and fields, as elsewhere
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._just_decided = ""  # the item V / N has just decided, until the juror moves: « C » comments it
        self._detail_held = 0  # inside an action that changes the pane more than once: shown once, at its end
        self._detail_due = False

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
        decide = (
            QHBoxLayout()
        )  # a line of their own: « Grouper par » and the decisions never squeeze each other
        decide.addStretch(1)
        self.validate_button = QPushButton(self.tr("&Validated (V)"), self)
        self.refuse_button = QPushButton(self.tr("&Not validated (N)"), self)
        self.validate_button.clicked.connect(lambda: self.decide_current(Mark.VALIDATED))
        self.refuse_button.clicked.connect(lambda: self.decide_current(Mark.NOT_VALIDATED))
        decide.addWidget(self.validate_button)
        decide.addWidget(self.refuse_button)

        self.detail = ItemDetail(self)
        self.comment_edit, self.justification_edit = self.detail.comment_edit, self.detail.justification_edit
        self.detail.commentEdited.connect(lambda code, text: self._save(code, comment=text))
        self.detail.justificationEdited.connect(lambda code, text: self._save(code, justification=text))
        self.detail.pageClicked.connect(lambda page: self.pagesRequested.emit([page]))
        self.comment_edit.returnPressed.connect(self._field_entered)
        self.justification_edit.returnPressed.connect(self._field_entered)
        self._bind_keys()
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

    # -- data ------------------------------------------------------------------------------------------------
    def _bind_keys(self) -> None:
        """V, N, Suppr (or Backspace), C and J, for the whole window (:mod:`.decision_keys`)."""
        self.keys = DecisionKeys(
            self,
            {
                Qt.Key.Key_V: lambda: self.decide_current(Mark.VALIDATED),
                Qt.Key.Key_N: lambda: self.decide_current(Mark.NOT_VALIDATED),
                Qt.Key.Key_Delete: self.clear_current,
                Qt.Key.Key_Backspace: self.clear_current,
                Qt.Key.Key_C: self.edit_comment,
                Qt.Key.Key_J: self.detail.edit_justification,
            },
        )

    def flush(self) -> None:
        """Save the comment or justification being typed (the item, the candidate or the program is changing)."""
        if self.session is not None:
            self.detail.flush()

    def set_session(self, session: OralSession | None) -> None:
        self.flush()
        if self.session is not None:
            self.session.restored.disconnect(self._restored)
        self.session = session
        self._just_decided = ""
        self.evidence = {}  # the previous candidate's pages, until this dossier's map arrives
        self._evidence_due = session is not None and session.file.dossier_path is not None
        if session is None:
            self.model.set_items([])
            self.validate_button.setEnabled(False)  # nothing to decide: the buttons say so
            self.refuse_button.setEnabled(False)
            return
        session.restored.connect(self._restored)
        self.show_file(session.file)
        if self.model.rowCount():
            self.select(session.file.view_state.get("item") or self.model.item(0).code)
        fit_height(self.detail)  # as this candidate's item shown needs it (then raised only)

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
        """For each item: the pages that cite it and the page where its part begins ({}: none will come, the
        dossier could not be read)."""
        self.evidence = evidence
        self._evidence_due = False
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
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.selectionModel().blockSignals(False)
        if (
            emit
        ):  # a refresh keeps the view where the juror scrolled it (a click in progress lands where aimed)
            self.table.scrollTo(self.model.index(row, CODE))

    def _current_changed(self) -> None:
        self.flush()  # what was typed goes to the item it was typed for, before the pane shows another
        self._just_decided = ""
        self._show_detail()
        code = self.current_code()
        if code:
            self.currentItemChanged.emit(code)

    @contextmanager
    def _detail_once(self) -> Iterator[None]:
        """The pane's evidence, history and height once, at the end of what happens inside: a decision's answer
        shows the file, then the table moves to the next item; the decided item's history was read again and the
        pane laid out for nothing (its fields are set at once all the same: see :meth:`_show_detail`)."""
        self._detail_held += 1
        try:
            yield
        finally:
            self._detail_held -= 1
            if not self._detail_held and self._detail_due:
                self._detail_due = False
                self._show_detail()

    def _show_detail(self) -> None:
        item = self.current_item()
        if item is None:
            return
        file = self.session.file if self.session is not None else None
        # The fields always: they hold what is committed, since a flush saves what they hold.
        self.detail.show_item(item, item.acquired or file is None or file.locked or not file.admitted)
        if self._detail_held:
            self._detail_due = True
            return
        cited, part_start = self.evidence.get(item.code, ([], None))
        links = [f'<a href="{p}">p. {p}</a>' for p in cited]
        if links:
            text = ", ".join(links)
        else:  # not « not cited » before the dossier has been read: it would say what is not known yet
            text = (
                self.tr("looking for it in the dossier…") if self._evidence_due else self.tr("code not cited")
            )
        if part_start:
            text += " — " + fill(
                self.tr("part %1 begins on %2"), item.part, f'<a href="{part_start}">p. {part_start}</a>'
            )
        self.detail.show_evidence(text)
        self._show_history(item)
        # Raised to the longest wording met, not lowered at the next item: each change of the pane's height laid
        # the table out again and repainted the whole panel, at every V / N (benchmarks/bench_oral.py). Measured
        # on the texts just set, not on the heights cached before them (a third history line was cut after
        # an undo: tests/ui/jury_room/test_history_shown.py).
        layout = self.detail.layout()
        if layout is not None:
            layout.activate()
        fit_height(self.detail, shrink=False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "table"):
            fit_columns(self.table, self.model)  # the texts' widths change with the font

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        fit_height(self.detail)  # narrower, the wording may need one more line

    def _show_history(self, item: ItemRow) -> None:
        if self.session is None:
            return
        lines = self._history_lines(self.session.history(item.code))
        self.detail.show_history("<br>".join(lines[-4:]) or self.tr("no change yet"))

    def _history_lines(self, changes: list[DecisionChangeRow]) -> list[str]:
        """One line a change, saying what it changed: the decision (« V → NV (why) »), else the comment or the
        justification, as each row holds the item's whole state after it. The jury's texts are shown as typed,
        never read as markup."""
        lines = []
        before = (changes[0].old, "", "") if changes else (None, "", "")
        for change in changes:
            at = change.at.astimezone().strftime("%H:%M:%S")
            mark, comment, justification = change.new, change.comment, change.justification
            if mark == before[0] and comment != before[1]:
                what = (
                    fill(self.tr("comment: “%1”"), escape(comment)) if comment else self.tr("comment cleared")
                )
            elif mark == before[0] and justification != before[2]:
                what = (
                    fill(self.tr("justification: “%1”"), escape(justification))
                    if justification
                    else self.tr("justification cleared")
                )
            else:
                what = f"{change.old or '—'} → {mark or '—'}" + (
                    f" ({escape(justification)})" if justification else ""
                )
            lines.append(f"{at} : {what}")
            before = (mark, comment, justification)
        return lines

    # -- actions ---------------------------------------------------------------------------------------------
    def decide_current(self, mark: Mark | None) -> bool:
        item = self.current_item()
        if item is None or self.session is None:
            return False
        justification = None
        if needs_justification(item.evaluator, mark) and not item.justification:
            text = (
                self.prompts.required_line(  # one line: Enter gives it; empty, the dialog stays and says why
                    self,
                    self.tr("Justification required"),
                    fill(
                        self.tr("%1: the jury's decision (%2) differs from the evaluator's (%3).\nWhy?"),
                        item.code,
                        mark.value if mark else "—",
                        item.evaluator.value if item.evaluator else "—",
                    ),
                    self.tr("Write the justification, or press Escape to cancel the decision."),
                )
            )
            if text is None or not text.strip():
                return False
            justification = text.strip()
        with self._detail_once():
            self.flush()
            done = self.session.change(item.code, decision=mark, justification=justification)
            if done:
                self._advance()
                self._just_decided = item.code
        return done

    def clear_current(self) -> None:
        item = self.current_item()
        if item is not None and self.session is not None:
            self.session.change(item.code, decision=None)

    def edit_comment(self) -> None:
        """« C »: the comment of the item just decided (V / N moved the table on), else of the item shown."""
        code = self._just_decided or self.current_code()
        if code and self.session is not None:
            self.detail.edit_comment(self.session.file.item(code))

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

    def _save(self, code: str, *, comment: str | None = None, justification: str | None = None) -> None:
        if self.session is not None and self.session.change(
            code, comment=comment, justification=justification
        ):
            self._just_decided = ""

    def _field_entered(self) -> None:
        """Entrée: saved at once, and the keys go back to the items."""
        with self._detail_once():
            self.detail.flush()
            self.table.setFocus()
            self._show_detail()

    def _restored(self, code: str) -> None:
        """Undo or redo changed ``code``: the table goes back to it, so that the next V decides that item."""
        self._just_decided = ""
        self.select(code)
