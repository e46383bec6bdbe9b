"""A PDF shown whole before something irreversible is done with it — the result sheet before the jurors sign it —
with the two answers: do it (the default button, Entrée) or go back (Échap). Pages are drawn once, as images, by
the dossier layer's MuPDF (under its lock); the page keys scroll. Knows no room: ``ui/prompts.py`` opens it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)
SCALE = 1.25  # 90 dpi: an A4 page is about 745 pixels wide, readable on a 1366×768 laptop


def page_images(pdf: bytes, scale: float = SCALE) -> list[QImage]:
    """Every page of ``pdf`` as an image (an empty list for a PDF MuPDF cannot show)."""
    from c2i2e_jury.dossier.damage import DossierError, PageError
    from c2i2e_jury.dossier.document import open_dossier

    images = []
    try:
        with open_dossier(pdf, "feuille") as document:
            for number in range(1, document.page_count + 1):
                page = document.render(number, scale, bgr=True)
                image = QImage(page.samples, page.width, page.height, page.stride, QImage.Format.Format_RGB32)
                images.append(image.copy())  # owns its pixels: the rendered buffer goes away
        return images
    except (DossierError, PageError) as exc:
        log.error("the preview cannot be drawn: %s", exc)
        return []


class PdfPreviewDialog(QDialog):
    """``text`` above the pages; ``accept_label`` (default, Entrée) and ``reject_label`` (Échap) below."""

    def __init__(
        self, parent: QWidget | None, title: str, text: str, pdf: bytes, accept_label: str, reject_label: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        self.text.setObjectName("previewText")
        self.pages = QWidget(self)
        column = QVBoxLayout(self.pages)
        self.page_labels: list[QLabel] = []
        for image in page_images(pdf):
            label = QLabel(self.pages)
            label.setPixmap(QPixmap.fromImage(image))
            label.setObjectName("previewPage")
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.pages)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # ↑ ↓ Page Up / Page Down read the sheet
        buttons = QDialogButtonBox(self)
        self.accept_button = QPushButton(accept_label, self)
        self.accept_button.setObjectName("previewAccept")
        self.reject_button = QPushButton(reject_label, self)
        self.reject_button.setObjectName("previewReject")
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.accept_button.setDefault(True)
        for keys, step in (
            (QKeySequence.StandardKey.MoveToNextPage, 1),
            (QKeySequence.StandardKey.MoveToPreviousPage, -1),
        ):
            QShortcut(keys, self, lambda step=step: self._page(step))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(buttons)
        self.resize(860, 720)
        self.scroller.setFocus()

    def _page(self, step: int) -> None:
        """Page Down / Page Up wherever the focus is: a screenful of the sheet."""
        bar = self.scroller.verticalScrollBar()
        bar.setValue(bar.value() + step * bar.pageStep())


def ask_preview(
    parent: QWidget | None, title: str, text: str, pdf: bytes, accept_label: str, reject_label: str
) -> bool:
    """Show ``pdf``; True when the user chose ``accept_label``."""
    dialog = PdfPreviewDialog(parent, title, text, pdf, accept_label, reject_label)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
