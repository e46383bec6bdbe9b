"""The jury room: one candidate's oral — who, check-in, the dossier beside the 28 items, the live outcome."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.domain.oral_timer import OralTimer
from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.domain.timer_values import Phase, State
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services import oral_timer
from c2i2e_jury.services.jury_room import CandidateFile, TimerBlock, room_actions
from c2i2e_jury.ui import shortcuts
from c2i2e_jury.ui.jury_room.incident_dialog import IncidentDialog, incident_labels
from c2i2e_jury.ui.jury_room.items_panel import ItemsPanel
from c2i2e_jury.ui.jury_room.oral_session import OralSession
from c2i2e_jury.ui.jury_room.outcome_widget import OutcomeWidget
from c2i2e_jury.ui.outcome_text import not_admitted_reason_text
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.text import fill
from c2i2e_jury.ui.timer.oral_timer_widget import OralTimerWidget
from c2i2e_jury.ui.viewer.dossier_viewer import DossierViewer
from c2i2e_jury.ui.viewer.projector import SlidesWindow
from c2i2e_jury.ui.viewer.slideshow import open_slides_dialog

log = logging.getLogger(__name__)
VIEW_SAVE_PAUSE_MS = 400  # a pause in the jurors' moves after which the view is saved
VIEW_SAVE_MAX_WAIT_MS = 1000  # the longest a move shown waits to be saved, pause or not


def keep_keys_away(widget: QWidget) -> None:
    """Buttons and check boxes take the focus from Tab only, never from a click: a click on « Pause » or « Alerte
    sonore » left them the focus, and the next Space paused the oral instead of reaching the items."""
    for button in widget.findChildren(QAbstractButton):
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)


class JuryRoomWidget(QWidget):
    """Holds one :class:`OralSession` at a time; shows a calm placeholder when none is open."""

    fileChanged = Signal(object)  # CandidateFile, for the day list

    def __init__(self, parent: QWidget | None = None, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("juryRoom")
        self.session: OralSession | None = None
        self.timer_widget: OralTimerWidget | None = None
        self.oral_timer: OralTimer | None = None
        self.slides: SlidesWindow | None = None
        self.prompts = prompts or Prompts()  # how the room asks and tells (Qt dialogs; tests script them)
        self._build_header()
        self.viewer = DossierViewer(self)
        self.viewer.setObjectName("dossierViewer")
        self.outcome = OutcomeWidget(referential(), self)
        self.items = ItemsPanel(self, self.prompts)
        self.report_label = QLabel(self)
        self.report_label.setObjectName("formatReport")
        self.report_label.setWordWrap(True)
        self.report_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.report_label)
        left_layout.addWidget(self.viewer, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # The timer lives in its own area, which the main window places (beside the day's list).
        self.timer_area = QWidget(self)
        self.timer_area.setObjectName("timerArea")
        self.timer_box = QVBoxLayout(self.timer_area)
        self.timer_box.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.outcome)
        right_layout.addWidget(self.items, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("juryRoomSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)  # the items' wording needs the width as much as the page does
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(
            [540, 540]
        )  # half each, whatever the dossier's panels ask (the jury may drag it)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.header)
        layout.addWidget(self.splitter, 1)

        self.items.pagesRequested.connect(self.viewer.show_pages)
        self.items.currentItemChanged.connect(self._item_changed)
        self.outcome.itemClicked.connect(self.items.select)
        self.viewer.evidenceReady.connect(self._evidence_ready)
        self.viewer.reportReady.connect(self._report_ready)
        self.viewer.pageChanged.connect(lambda _page: self._save_view_soon())
        # The page and item shown are saved once the jurors pause (VIEW_SAVE_PAUSE_MS), and at the latest
        # VIEW_SAVE_MAX_WAIT_MS after the first move not yet saved: jurors paging on without a pause are still
        # found where they were after a crash.
        self._view_timer = self._single_shot(VIEW_SAVE_PAUSE_MS)
        self._view_deadline = self._single_shot(VIEW_SAVE_MAX_WAIT_MS)
        for key in shortcuts.keys("incident"):
            QShortcut(key, self).activated.connect(self.note_incident)
        for key in shortcuts.keys("check_in"):
            QShortcut(key, self).activated.connect(lambda: self.check_in(Attendance.PRESENT))
        self.set_session(None)

    def _build_header(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("candidateTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("candidateSubtitle")
        self.subtitle.setWordWrap(
            True
        )  # on a line of its own: one line at 1366 pixels, two if a translation is long
        self.subtitle.setMinimumWidth(120)
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setMinimumWidth(120)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status = QLabel(self)
        self.status.setObjectName("candidateStatus")
        self.present_button = QPushButton(self.tr("&Present"), self)
        self.present_button.setToolTip(self.tr("The candidate is here (Ctrl+Shift+P)"))
        self.absent_button = QPushButton(self.tr("A&bsent"), self)
        self.absent_button.setToolTip(
            self.tr("The candidate did not come: abandonment, nothing is validated")
        )
        self.incident_button = QPushButton(self.tr("&Incident…"), self)
        self.incident_button.setToolTip(self.tr("Note an incident with its time (Ctrl+I)"))
        self.incidents_label = QLabel(self)
        self.incidents_label.setObjectName("incidentsCount")
        self.slides_button = QPushButton(self.tr("&Slides…"), self)
        self.slides_button.setToolTip(self.tr("Open the candidate's slides (PDF) on the projector"))
        self.slides_button.clicked.connect(self.open_slides)
        self.sign_button = QPushButton(self.tr("&Sign the sheet…"), self)
        self.sign_button.setObjectName("signButton")
        self.sign_button.setToolTip(
            self.tr("Juror 1 then juror 2 sign the result sheet; the record then locks")
        )
        self.sign_button.clicked.connect(self.sign_sheet)
        self.reopen_button = QPushButton(self.tr("&Reopen…"), self)
        self.reopen_button.setToolTip(
            self.tr("Correct a signed sheet: a reason is asked, a new version follows")
        )
        self.reopen_button.clicked.connect(self.reopen_sheet)
        self.present_button.clicked.connect(lambda: self.check_in(Attendance.PRESENT))
        self.absent_button.clicked.connect(self._confirm_absent)
        self.incident_button.clicked.connect(self.note_incident)
        self.header = QVBoxLayout()  # the name and the buttons on one line, the details on a whole line below
        self.header.setSpacing(0)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for widget in (
            self.status,
            self.present_button,
            self.absent_button,
            self.incident_button,
            self.slides_button,
            self.sign_button,
            self.reopen_button,
        ):
            top.addWidget(widget)
        details = QHBoxLayout()
        details.addWidget(self.subtitle, 1)
        details.addWidget(self.incidents_label)  # appears beside the details: neither line moves
        self.header.addLayout(top)
        self.header.addLayout(details)
        keep_keys_away(self)

    # -- session ---------------------------------------------------------------------------------------------
    def set_session(self, session: OralSession | None, *, after_restart: bool = False) -> None:
        """Show an oral; ``after_restart``: the program just started, a running timer logs the time lost."""
        self.items.flush()  # what is being typed belongs to the candidate shown until now
        if self.session is not None:
            self.save_view()
            self.session.changed.disconnect(self._show_file)
            self.session.failed.disconnect(self._failed)
        self._set_timer(session, after_restart)
        self.session = session
        self.items.set_session(session)
        self.report_label.clear()
        if session is None:
            self.title.setText(self.tr("Choose a candidate in the day's list"))
            self.subtitle.clear()
            self.status.clear()
            self.incidents_label.clear()
            for button in self._header_buttons():
                button.setEnabled(False)
                button.hide()  # no candidate: the invitation to choose one has the whole line
            self.viewer.close_dossier()
            return
        session.changed.connect(self._show_file)
        session.failed.connect(self._failed)
        for button in self._header_buttons()[:-1]:  # « Rouvrir » shows for a signed sheet only (_show_file)
            button.show()
        file = session.file
        from c2i2e_jury.dossier.expected import Expected

        self.viewer.open_dossier(
            file.dossier_path,
            Expected(file.last_name, file.first_name, file.campaign_year),
            view_state=file.view_state or None,
            name=file.dossier_name,
        )  # the saved page is the first one drawn
        self._show_file(file)
        self.items.table.setFocus()

    def _header_buttons(self) -> list[QPushButton]:
        return [
            self.present_button,
            self.absent_button,
            self.incident_button,
            self.slides_button,
            self.sign_button,
            self.reopen_button,
        ]

    def _show_file(self, file: CandidateFile) -> None:
        self.title.setText(file.full_name)
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
        self.subtitle.setText(" — ".join(p for p in parts if p))
        self.status.setText(self._status_text(file))
        actions = room_actions(file)  # the service decides; the buttons show it
        self.present_button.setEnabled(actions.present)
        self.absent_button.setEnabled(actions.absent)
        self.incident_button.setEnabled(actions.incident)
        self.slides_button.setEnabled(actions.slides)
        self.sign_button.setEnabled(actions.sign)
        self.reopen_button.setVisible(actions.reopen)
        self.reopen_button.setEnabled(actions.reopen)
        if self.timer_widget is not None:
            self.timer_widget.setEnabled(actions.timer)
            self.timer_widget.set_idle_reason(self._timer_idle_reason(actions.timer_blocked))
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
        self.items.show_file(file)
        self.outcome.show_outcome(
            file.outcome, {i.code: i.decision for i in file.items}, self.items.current_code()
        )
        self.fileChanged.emit(file)

    def _timer_idle_reason(self, blocked: TimerBlock | None) -> str:
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
            Attendance.PRESENT: self.tr("Present"),
            Attendance.ABSENT: self.tr("Absent (abandonment)"),
        }[file.attendance]

    def _failed(self, message: str) -> None:
        self.prompts.warn(self, self.tr("Not recorded"), message)

    # -- the oral's timer and the slides ---------------------------------------------------------------------
    def _set_timer(self, session: OralSession | None, after_restart: bool) -> None:
        if self.timer_widget is not None:
            self.timer_box.removeWidget(self.timer_widget)
            self.timer_widget.deleteLater()
            self.timer_widget = None
            self.oral_timer = None
        if session is None or not session.file.admitted:
            return
        db, pk = session.db, session.pk
        timer = self.oral_timer = oral_timer.build_timer(db, session.file)
        if after_restart:
            oral_timer.resume_after_restart(db, timer, pk)
        self.timer_widget = OralTimerWidget(
            timer,
            lambda event: oral_timer.record_event(db, pk, event),
            self,
            on_heartbeat=lambda at: oral_timer.heartbeat(db, pk, at),
            prompts=self.prompts,
        )
        keep_keys_away(self.timer_widget)
        self.timer_box.addWidget(self.timer_widget)

    def running_oral(self) -> str:
        """What quitting now would interrupt, in one sentence ("" when no oral is running)."""
        if self.session is None or self.oral_timer is None:
            return ""
        snapshot = self.oral_timer.snapshot()
        if snapshot.state not in (State.PRESENTATION, State.DISCUSSION, State.PAUSED):
            return ""
        phase = self.tr("presentation") if snapshot.phase is Phase.PRESENTATION else self.tr("discussion")
        if snapshot.paused:
            phase = fill(self.tr("%1, paused"), phase)
        elapsed = int(snapshot.elapsed)
        return fill(
            self.tr("%1's oral is running (%2, %3 elapsed); its clock keeps counting until it is ended."),
            self.session.file.full_name,
            phase,
            f"{elapsed // 60}:{elapsed % 60:02d}",
        )

    def open_slides(self) -> None:
        if self.session is None:
            return
        source = self.oral_timer.snapshot if self.oral_timer is not None else None
        if self.slides is not None:
            self.slides.close()
        self.slides = open_slides_dialog(self, timer_source=source, prompts=self.prompts)

    # -- the sheet ------------------------------------------------------------------------------------------
    def sign_sheet(self) -> None:
        from c2i2e_jury.ui.signing.sheet import sign_sheet_dialog

        session = self.session
        if session is not None and sign_sheet_dialog(self, session.db, session.pk, prompts=self.prompts):
            session.undo_stack.clear()  # a signed record is changed only by reopening it
            self._set_timer(
                session, after_restart=False
            )  # signing ended the oral: the timer shows it stopped
            session.refresh()

    def reopen_sheet(self) -> None:
        from c2i2e_jury.ui.signing.sheet import reopen_dialog

        if self.session is not None and reopen_dialog(
            self, self.session.db, self.session.pk, prompts=self.prompts
        ):
            self.session.refresh()

    # -- actions ---------------------------------------------------------------------------------------------
    def check_in(self, attendance: Attendance) -> None:
        if self.session is not None:
            self.session.check_in(attendance)

    def _confirm_absent(self) -> None:
        if self.session is None:
            return
        if self.prompts.confirm_risky(
            self,
            self.tr("Absent candidate"),
            fill(
                self.tr("Record %1 as absent? An absent candidate abandons and validates nothing."),
                self.session.file.full_name,
            ),
        ):
            self.check_in(Attendance.ABSENT)

    def note_incident(self) -> None:
        if self.session is None or not self.incident_button.isEnabled():
            return
        dialog = IncidentDialog(self)
        if dialog.exec():
            kind, note = dialog.value()
            self.session.add_incident(kind, note)

    def _item_changed(self, code: str) -> None:
        """Selecting an item shows where the dossier cites it (and where its part begins)."""
        if self.session is None:
            return
        self.outcome.grid.set_current(code)
        cited, part_start = self.items.evidence.get(code, ([], None))
        pages = sorted({*cited, *([part_start] if part_start else [])})
        if pages:
            self.viewer.show_pages(pages)
        self._save_view_soon()

    def _evidence_ready(self, evidence: object) -> None:
        mapping = {}
        for code, item in getattr(evidence, "items", {}).items():
            mapping[code] = (list(item.cited_on), item.part_starts_on)
        self.items.set_evidence(mapping)

    def _report_ready(self, report: object) -> None:
        findings = [f for f in getattr(report, "findings", ()) if not f.ok]
        if not findings:
            self.report_label.setText(self.tr("Dossier format: conform."))
            self.report_label.setStyleSheet("color: #2e7d32;")
            return
        lines = "<br>".join(f"• {f.message}" for f in findings)
        self.report_label.setText(
            self.tr("Dossier format: %n problem(s)", "", len(findings)) + f"<br>{lines}"
        )
        self.report_label.setStyleSheet("color: #b26a00;")

    # -- where the jury is -----------------------------------------------------------------------------------
    def _single_shot(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.save_view)
        return timer

    def _save_view_soon(self) -> None:
        self._view_timer.start()  # restarted by every move...
        if not self._view_deadline.isActive():
            self._view_deadline.start()  # ...this one only by the first move after a save

    def save_view(self) -> None:
        self._view_timer.stop()
        self._view_deadline.stop()
        if self.session is None:
            return
        state = dict(self.viewer.view_state())
        state["item"] = self.items.current_code()
        self.session.save_view(state)
