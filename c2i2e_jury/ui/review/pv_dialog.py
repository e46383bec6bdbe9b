"""The procès-verbal's dialog: the meeting's date, place and members typed beside a preview of the PV as it will be
signed, redrawn a moment after each change in a background thread (0.5 s for a few hundred candidates, 7 s for
5,000). A PV without a place is not signed; cancelling where to save keeps what was typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.exchange.pv_pdf import PvContent, PvMember, render_pv
from c2i2e_jury.ui.text import fill
from c2i2e_jury.ui.viewer.dossier_viewer import DossierViewer

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 600


def parse_members(text: str) -> list[PvMember]:
    """One member a line, the role after a comma (« Jean Martin, représentant du comité de site »); the role
    starts with a capital, as the PV prints it before the name."""
    members = []
    for line in text.splitlines():
        name, _, role = line.partition(",")
        role = " ".join(role.split())
        if name.strip():
            members.append(
                PvMember(" ".join(name.split()), role[:1].upper() + role[1:] if role else "Membre")
            )
    return members


class PvDialog(QDialog):
    """The meeting's details on the left, the PV as it will be signed on the right."""

    def __init__(self, parent: QWidget | None, base: PvContent, preview_dir: Path) -> None:
        super().__init__(parent)
        self.setObjectName("pvDialog")
        self.setWindowTitle(self.tr("Procès-verbal of the certification jury"))
        self.base, self._dir = base, preview_dir
        self._generation = 0
        self._pending: Future[bytes] | None = None
        self._pending_generation = 0
        self.preview_path: Path | None = None  # the PV last shown
        self.ask_path: Callable[[], Path | None] | None = None  # where to save, asked by « Sign and save… »
        self.chosen_path: Path | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pv-preview")
        self._build()
        self._debounce = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self._poll = QTimer(self, interval=50)
        self._poll.timeout.connect(self._collect)
        for field in (self.place, self.members, self.remarks):
            field.textChanged.connect(self._debounce.start)
        self.meeting.dateChanged.connect(self._debounce.start)
        self.refresh()

    def _build(self) -> None:
        self.meeting = QDateEdit(QDate.currentDate(), self)
        self.meeting.setObjectName("pvMeeting")
        self.meeting.setCalendarPopup(True)
        self.meeting.setDisplayFormat("dd/MM/yyyy")
        self.place = QLineEdit(self.base.place, self)
        self.place.setObjectName("pvPlace")
        self.place.setPlaceholderText(self.tr("e.g. Grenoble, ESPE, room B114"))
        self.members = QPlainTextEdit(self)
        self.members.setObjectName("pvMembers")
        self.members.setPlaceholderText(
            self.tr("One member a line, the role after a comma:\nJean Martin, représentant du comité de site")
        )
        self.remarks = QPlainTextEdit(self)
        self.remarks.setObjectName("pvRemarks")
        for text in (self.members, self.remarks):
            text.setTabChangesFocus(True)  # Tab goes on to the next field, as everywhere else in the form
        self.status = QLabel(self)
        self.status.setObjectName("pvStatus")
        self.status.setWordWrap(True)
        self.waiting = QLabel(self._waiting_text(), self)  # who is left to decide: the PV cannot be signed
        self.waiting.setObjectName("pvWaiting")
        self.waiting.setWordWrap(True)
        self.waiting.setStyleSheet("color: #b00020; font-weight: bold;")
        self.waiting.setVisible(bool(self.waiting.text()))
        form_box = QWidget(self)
        form = QFormLayout(form_box)
        form.addRow(self.tr("President:"), QLabel(f"<b>{self.base.president.name}</b>", form_box))
        form.addRow(self.tr("&Meeting date:"), self.meeting)
        form.addRow(self.tr("&Place:"), self.place)
        self.place_missing = QLabel(self)  # shown when « Sign » is pressed without a place
        self.place_missing.setObjectName("pvPlaceMissing")
        self.place_missing.setWordWrap(True)
        self.place_missing.setStyleSheet("color: #b00020; font-weight: bold;")
        self.place_missing.hide()
        form.addRow(self.place_missing)
        self.place.textChanged.connect(self._place_typed)
        form.addRow(self.tr("Other &members:"), self.members)
        form.addRow(self.tr("&Remarks:"), self.remarks)
        form.addRow(self.status)
        form.addRow(self.waiting)
        self.preview = DossierViewer(self)
        self.preview.setObjectName("pvPreview")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(form_box)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 720])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = self.buttons.addButton(
            self.tr("&Sign and save…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.setObjectName("pvSign")
        self.sign_button.setEnabled(not self.waiting.text())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        screen = (
            (self.parentWidget() or self).screen().availableGeometry()
        )  # a 768-pixel laptop less its taskbar
        self.resize(min(1180, screen.width() - 40), min(760, screen.height() - 60))

    def _waiting_text(self) -> str:
        """How many candidates the certification jury has still to decide, and who ("" when none)."""
        waiting = [
            f"{c.last_name.upper()} {c.first_name} ({c.candidate_id})"
            for c in self.base.candidates
            if c.undecided
        ]
        if not waiting:
            return ""
        return fill(
            self.tr(
                "The procès-verbal cannot be signed: %n candidate(s) still to decide by the certification "
                "jury: %1.",
                "",
                len(waiting),
            ),
            ", ".join(waiting),
        )

    def _place_typed(self, text: str) -> None:
        if text.strip() and self.place_missing.isVisible():
            self.place_missing.hide()
            self.place.setStyleSheet("")

    def content(self) -> PvContent:
        """The PV as typed now (the president first, then the other members)."""
        qdate = self.meeting.date()
        others = [m for m in parse_members(self.members.toPlainText()) if m.name != self.base.president.name]
        return replace(
            self.base,
            meeting=date(qdate.year(), qdate.month(), qdate.day()),
            place=" ".join(self.place.text().split()),
            remarks=self.remarks.toPlainText().strip(),
            members=(self.base.president, *others),
            signed_at=datetime.now(UTC).astimezone(),
        )

    def refresh(self) -> None:
        """Draw the PV as typed now, in the background; a newer request supersedes an older one."""
        self._debounce.stop()
        self._generation += 1
        self._pending = self._executor.submit(render_pv, self.content())
        self._pending_generation = self._generation
        self.status.setText(self.tr("Drawing the preview…"))
        self._poll.start()

    def preview_ready(self) -> bool:
        return self._pending is None and self.preview.page_count() > 0

    def _collect(self) -> None:
        future = self._pending
        if future is None or not future.done():
            return
        self._poll.stop()
        self._pending = None
        if self._pending_generation != self._generation:
            return
        try:
            pdf = future.result()
        except Exception:  # a bug in drawing: said in one sentence, detail in the log
            log.exception("PV preview failed")
            self.status.setText(self.tr("The preview could not be drawn (details in the log file)."))
            return
        path = self._dir / f"pv-preview-{self._generation}.pdf"
        path.write_bytes(pdf)
        self.preview_path = path
        state = self.preview.view_state() if self.preview.page_count() else None
        self.preview.open_dossier(path, view_state=state)
        self.status.setText(self.counts_text())

    def counts_text(self) -> str:
        """« 12 candidats : 1 certificat délivré, 0 attestation partielle délivrée, … » (each count agreeing)."""
        n = self.base.counts()
        parts = [
            self.tr("%n certificate(s) delivered", "", n["certificates"]),
            self.tr("%n partial attestation(s) delivered", "", n["partial"]),
            self.tr("%n annulled", "", n["annulled"]),
            self.tr("%n absent", "", n["absent"]),
            self.tr("%n not admitted", "", n["not_admitted"]),
            self.tr("%n sheet(s) not received", "", n["pending"]),
            self.tr("%n to decide", "", n["undecided"]),
        ]
        return fill(self.tr("%1: %2."), self.tr("%n candidate(s)", "", n["candidates"]), ", ".join(parts))

    def accept(self) -> None:
        """A PV without a place is not signed: the field is highlighted, one sentence says why. Then where to
        save is asked with the details still on screen: cancelling that question leaves the dialog open with the
        date, place, members and remarks typed (it used to close it, and they were lost)."""
        if not " ".join(self.place.text().split()).strip(" .,;"):
            self.place_missing.setText(
                self.tr("Type the place of the meeting: a procès-verbal without a place cannot be signed.")
            )
            self.place_missing.show()
            self.place.setStyleSheet("border: 2px solid #b00020;")
            self.place.setFocus()
            return
        if self.ask_path is not None:
            self.chosen_path = self.ask_path()
            if self.chosen_path is None:
                return
        super().accept()

    def done(self, result: int) -> None:  # noqa: D401 (Qt)
        self._debounce.stop()
        self._poll.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)
        self.preview.shutdown()
        super().done(result)
