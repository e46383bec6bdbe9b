"""The jury room's header: who the candidate is, where the oral stands, and the buttons of the file (check-in,
incident, slides, signing). It shows a file and the service's answer to what may be done; it decides nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.services.jury_room import CandidateFile, RoomActions, TimerBlock
from c2i2e_jury.ui.jury_room.incident_dialog import incident_labels
from c2i2e_jury.ui.outcome_text import not_admitted_reason_text
from c2i2e_jury.ui.text import fill

# Between the oral's state and the check-in buttons: « Présent » touched the button « Présent ».
STATUS_GAP = 16


def keep_keys_away(widget: QWidget) -> None:
    """Buttons and check boxes take the focus from Tab only, never from a click: a click on « Pause » or « Alerte
    sonore » left them the focus, and the next Space paused the oral instead of reaching the items."""
    for button in widget.findChildren(QAbstractButton):
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)


class RoomHeader(QWidget):
    """The name and the buttons on one line, the details on a whole line below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self._label("candidateTitle", ignored=True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        # On a line of its own: one line at 1366 pixels, two if a translation is long.
        self.subtitle = self._label("candidateSubtitle", ignored=True)
        self.subtitle.setWordWrap(True)
        self.status = self._label("candidateStatus")
        self.incidents_label = self._label("incidentsCount")
        self._build_buttons()
        self._lay_out()
        keep_keys_away(self)

    def _label(self, name: str, ignored: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        if ignored:
            label.setMinimumWidth(120)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        return button

    def _build_buttons(self) -> None:
        # The action, as the timer asks for it (« Émargez d'abord le candidat »), not the state the label beside it
        # shows (« Présent ✓ »). In French without an Alt letter: each of « Émarger »'s is another's (the menus,
        # « Diaporama », « Signer », « Rouvrir »); Ctrl+Shift+P checks in.
        self.present_button = self._button(
            self.tr("Chec&k in"), self.tr("The candidate is here (Ctrl+Shift+P)")
        )
        self.absent_button = self._button(
            self.tr("A&bsent"), self.tr("The candidate did not come: abandonment, nothing is validated")
        )
        self.incident_button = self._button(
            self.tr("&Incident…"), self.tr("Note an incident with its time (Ctrl+I)")
        )
        self.slides_button = self._button(
            self.tr("&Slides…"), self.tr("Open the candidate's slides (PDF) on the projector")
        )
        self.sign_button = self._button(
            self.tr("&Sign the sheet…"),
            self.tr("Juror 1 then juror 2 sign the result sheet; the record then locks"),
        )
        self.sign_button.setObjectName("signButton")
        self.reopen_button = self._button(
            self.tr("&Reopen…"), self.tr("Correct a signed sheet: a reason is asked, a new version follows")
        )

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status)
        top.addSpacing(STATUS_GAP)
        for button in self.buttons():
            top.addWidget(button)
        details = QHBoxLayout()
        details.addWidget(self.subtitle, 1)
        details.addWidget(self.incidents_label)  # appears beside the details: neither line moves
        layout.addLayout(top)
        layout.addLayout(details)

    def buttons(self) -> list[QPushButton]:
        return [
            self.present_button,
            self.absent_button,
            self.incident_button,
            self.slides_button,
            self.sign_button,
            self.reopen_button,
        ]

    def show_none(self) -> None:
        self.title.setText(self.tr("Choose a candidate in the day's list"))
        for label in (self.subtitle, self.status, self.incidents_label):
            label.clear()
        for button in self.buttons():
            button.setEnabled(False)
            button.hide()  # no candidate: the invitation to choose one has the whole line

    def show_buttons(self) -> None:
        for button in self.buttons()[:-1]:  # « Rouvrir » shows for a signed sheet only (show_file)
            button.show()

    def show_file(self, file: CandidateFile, actions: RoomActions) -> None:
        self.title.setText(file.full_name)
        self.subtitle.setText(self._details(file))
        self.status.setText(self._status_text(file))
        self.present_button.setEnabled(actions.present)
        self.absent_button.setEnabled(actions.absent)
        self.incident_button.setEnabled(actions.incident)
        self.slides_button.setEnabled(actions.slides)
        self.sign_button.setEnabled(actions.sign)
        self.reopen_button.setVisible(actions.reopen)
        self.reopen_button.setEnabled(actions.reopen)
        self._show_incidents(file)

    def _details(self, file: CandidateFile) -> str:
        when = file.oral_date.strftime("%d/%m/%Y") if file.oral_date else ""
        parts = [
            f"{file.candidate_id}",
            f"{when} {file.oral_time}".strip(),
            file.room,
            fill(self.tr("jury %1"), file.jury),
        ]
        if file.marks_signed_at is not None:  # the evaluator's signed marks (issue 17), not a typed marks.csv
            day = file.marks_signed_at.astimezone().strftime("%d/%m/%Y")
            parts.append(fill(self.tr("evaluator: %1 (marks signed on %2)"), file.marks_signed_by, day))
        elif file.evaluator:
            parts.append(fill(self.tr("evaluator: %1"), file.evaluator))
        if file.extra_time_percent:
            parts.append(fill(self.tr("extra time: +%1 %"), file.extra_time_percent))
        return " — ".join(p for p in parts if p)

    def _show_incidents(self, file: CandidateFile) -> None:
        labels = incident_labels()
        self.incidents_label.setText(
            self.tr("%n incident(s)", "", len(file.incidents)) if file.incidents else ""
        )
        self.incidents_label.setToolTip(
            "\n".join(
                f"{i.at.astimezone().strftime('%H:%M')} {labels.get(i.kind, i.kind)} : {i.note}"
                for i in file.incidents
            )
        )

    def timer_idle_reason(self, blocked: TimerBlock | None) -> str:
        """Why the oral's timer cannot start for this candidate, in words ("" when F5 starts it)."""
        if blocked is None:
            return ""
        return {
            TimerBlock.NOT_ADMITTED: self.tr("Not admitted: no oral"),
            TimerBlock.SIGNED: self.tr("Sheet signed: the oral is over"),
            TimerBlock.ABSENT: self.tr("Absent: no oral"),
            TimerBlock.NOT_CHECKED_IN: self.tr("Check the candidate in first (Ctrl+Shift+P)"),
        }[blocked]

    def _status_text(self, file: CandidateFile) -> str:
        if not file.admitted:
            kind = file.outcome.not_admitted
            reason = not_admitted_reason_text(kind) if kind is not None else file.not_admitted_reason or ""
            return fill(self.tr("NOT ADMITTED: %1"), reason)
        if file.locked:
            return self.tr("Signed — locked")
        return {
            Attendance.PENDING: self.tr("Awaiting check-in"),
            Attendance.PRESENT: self.tr("Present ✓"),
            Attendance.ABSENT: self.tr("Absent (abandonment)"),
        }[file.attendance]
