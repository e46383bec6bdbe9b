"""The selected item in full, below the 28 items: the wording, the evaluator's mark and comment, the jury's comment
and justification, where the dossier cites it, and its history.

The two fields each belong to one item, named in their label (« Commentaire (A1.2) : »), which is the item their
text is saved to: the item shown, or the one the jury has just decided when « C » follows V / N (the table has
moved on by then). What is typed is saved on Entrée, when the field loses the focus and when the item or the
candidate changes (:meth:`ItemDetail.flush`): a juror who clicks elsewhere never loses a sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from c2i2e_jury.services.jury_room import ItemRow
from c2i2e_jury.ui.text import fill


def _short(text: str, limit: int) -> str:
    """Keep the detail pane steady on a small screen; the whole text is in the tooltip."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


class ItemField(QLineEdit):
    """One line of text that belongs to one item (``code``); read-only and grey when the record is locked."""

    def __init__(self, parent: QWidget, label: QLabel, placeholder: str) -> None:
        super().__init__(parent)
        self.host, self.label, self.placeholder, self.code = parent, label, placeholder, ""
        label.setBuddy(self)

    def show_text(self, code: str, text: str, locked: bool) -> None:
        """The item's stored text (kept while the juror is typing in it)."""
        if not self.hasFocus():
            self.code = code
            self.setText(text)
        self.set_locked(locked)

    def set_locked(self, locked: bool) -> None:
        """A locked record's field looks like what it is: grey, without the invitation to type."""
        self.setReadOnly(locked)
        self.setPlaceholderText("" if locked else self.placeholder)
        palette = self.host.palette()
        if locked:
            palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.setPalette(palette)


class ItemDetail(QWidget):
    """The selected item in full; ``commentEdited`` / ``justificationEdited`` (code, text) ask the panel to save."""

    commentEdited = Signal(str, str)
    justificationEdited = Signal(str, str)
    pageClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(
            self
        )  # the wording above the grid: a form's spanning row ignores its wrapped lines
        form = QGridLayout()  # a grid, not a QFormLayout: its rows keep the lines a wrapped label needs
        form.setColumnStretch(1, 1)
        self.wording = QLabel(self)
        self.wording.setWordWrap(True)
        self.wording.setObjectName("itemWording")
        self.evaluator_label = QLabel(self)
        self.evaluator_label.setWordWrap(True)
        self.comment_label, self.justification_label = QLabel(self), QLabel(self)
        self.comment_edit = ItemField(self, self.comment_label, self.tr("Jury's comment (Enter to save)"))
        self.comment_edit.setObjectName("juryComment")
        self.justification_edit = ItemField(
            self, self.justification_label, self.tr("Required when the jury differs from the evaluator")
        )
        self.justification_edit.setObjectName("justification")
        self.comment_edit.editingFinished.connect(self._comment_finished)
        self.justification_edit.editingFinished.connect(self._justification_finished)
        self.evidence_label = QLabel(self)
        self.evidence_label.setWordWrap(True)
        self.evidence_label.linkActivated.connect(lambda link: self.pageClicked.emit(int(link)))
        self.history_label = QLabel(self)
        self.history_label.setWordWrap(True)
        self.history_label.setObjectName("itemHistory")
        column.addWidget(self.wording)
        column.addLayout(form)
        rows = (
            (QLabel(self.tr("Evaluator:"), self), self.evaluator_label),
            (self.comment_label, self.comment_edit),
            (self.justification_label, self.justification_edit),
            (QLabel(self.tr("In the dossier:"), self), self.evidence_label),
            (QLabel(self.tr("History:"), self), self.history_label),
        )
        for row, (label, field) in enumerate(rows):
            form.addWidget(label, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            form.addWidget(field, row, 1)
        self._label_fields("")

    def show_item(self, item: ItemRow, locked: bool) -> None:
        self.wording.setText(f"<b>{item.code}</b> — {_short(item.wording, 150)}")
        self.wording.setToolTip(item.wording)
        mark = item.evaluator.value if item.evaluator else self.tr("not assessed")
        self.evaluator_label.setText(f"<b>{mark}</b> {_short(item.evaluator_comment, 140)}")
        self.evaluator_label.setToolTip(item.evaluator_comment)
        self.comment_edit.show_text(item.code, item.comment, locked)
        self.justification_edit.show_text(item.code, item.justification, locked)
        self._label_fields(self.comment_edit.code)

    def edit_comment(self, item: ItemRow) -> None:
        """The comment field takes ``item`` (the one just decided, or the one shown) and the focus."""
        self.comment_edit.code = item.code
        self.comment_edit.setText(item.comment)
        self._label_fields(item.code)
        self.comment_edit.setFocus()
        self.comment_edit.selectAll()

    def edit_justification(self) -> None:
        self.justification_edit.setFocus()
        self.justification_edit.selectAll()

    def flush(self) -> None:
        """Save what the fields hold that is not saved yet (before the item or the candidate changes)."""
        self._comment_finished()
        self._justification_finished()

    def _label_fields(self, code: str) -> None:
        """The fields' labels name the item they are saved to, so that the juror sees where the text goes."""
        comment = self.comment_edit.code or code
        justification = self.justification_edit.code or code
        self.comment_label.setText(
            fill(self.tr("&Comment (%1):"), comment) if comment else self.tr("&Comment:")
        )
        self.justification_label.setText(
            fill(self.tr("&Justification (%1):"), justification)
            if justification
            else self.tr("&Justification:")
        )

    def _comment_finished(self) -> None:
        if self.comment_edit.code and not self.comment_edit.isReadOnly():
            self.commentEdited.emit(self.comment_edit.code, self.comment_edit.text().strip())

    def _justification_finished(self) -> None:
        if self.justification_edit.code and not self.justification_edit.isReadOnly():
            self.justificationEdited.emit(
                self.justification_edit.code, self.justification_edit.text().strip()
            )

    def show_evidence(self, text: str) -> None:
        self.evidence_label.setText(text)

    def show_history(self, text: str) -> None:
        self.history_label.setText(text)
