"""The jury room: one candidate's oral — who, check-in, the dossier beside the 28 items, the live outcome."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from c2i2e_jury.domain.oral_timer import OralTimer
from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.domain.timer_values import Phase, State
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services import oral_timer
from c2i2e_jury.services.jury_room import CandidateFile, room_actions
from c2i2e_jury.ui import shortcuts
from c2i2e_jury.ui.jury_room.incident_dialog import IncidentDialog
from c2i2e_jury.ui.jury_room.items_panel import ItemsPanel
from c2i2e_jury.ui.jury_room.oral_session import OralSession
from c2i2e_jury.ui.jury_room.outcome_widget import OutcomeWidget
from c2i2e_jury.ui.jury_room.room_header import RoomHeader, keep_keys_away
from c2i2e_jury.ui.jury_room.view_saving import VIEW_SAVE_MAX_WAIT_MS as VIEW_SAVE_MAX_WAIT_MS
from c2i2e_jury.ui.jury_room.view_saving import VIEW_SAVE_PAUSE_MS as VIEW_SAVE_PAUSE_MS
from c2i2e_jury.ui.jury_room.view_saving import ViewSaving
from c2i2e_jury.ui.off_gui import run_off_gui
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.text import fill
from c2i2e_jury.ui.timer.oral_timer_widget import OralTimerWidget
from c2i2e_jury.ui.viewer.dossier_viewer import DossierViewer
from c2i2e_jury.ui.viewer.projector import SlidesWindow
from c2i2e_jury.ui.viewer.slideshow import open_slides_dialog

log = logging.getLogger(__name__)


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
        self._view = ViewSaving(self.save_view, self)
        self._view_saved: tuple[int, dict[str, object]] | None = None  # the last view committed, and whose
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
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

        self.items.pagesRequested.connect(self.viewer.show_pages)
        self.items.currentItemChanged.connect(self._item_changed)
        self.outcome.itemClicked.connect(self.items.select)
        self.viewer.evidenceReady.connect(self._evidence_ready)
        self.viewer.failed.connect(lambda _message: self.items.set_evidence({}))  # no map will come
        self.viewer.reportReady.connect(self._report_ready)
        self.viewer.pageChanged.connect(lambda _page: self._save_view_soon())
        for key in shortcuts.keys("incident"):
            QShortcut(key, self).activated.connect(self.note_incident)
        for key in shortcuts.keys("check_in"):
            QShortcut(key, self).activated.connect(lambda: self.check_in(Attendance.PRESENT))
        self.set_session(None)

    def _build_header(self) -> None:
        self.header = RoomHeader(self)
        header = self.header  # its parts, as the room's own (the tests and the main window reach them so)
        self.title, self.subtitle, self.status = header.title, header.subtitle, header.status
        self.incidents_label = header.incidents_label
        self.present_button, self.absent_button = header.present_button, header.absent_button
        self.incident_button, self.slides_button = header.incident_button, header.slides_button
        self.sign_button, self.reopen_button = header.sign_button, header.reopen_button
        self.slides_button.clicked.connect(self.open_slides)
        self.sign_button.clicked.connect(self.sign_sheet)
        self.reopen_button.clicked.connect(self.reopen_sheet)
        self.present_button.clicked.connect(lambda: self.check_in(Attendance.PRESENT))
        self.absent_button.clicked.connect(self._confirm_absent)
        self.incident_button.clicked.connect(self.note_incident)

    # -- session ---------------------------------------------------------------------------------------------
    def set_session(self, session: OralSession | None, *, after_restart: bool = False) -> None:
        """Show an oral; ``after_restart``: the program just started, a running timer logs the time lost."""
        self.items.flush()  # what is being typed belongs to the candidate shown until now
        if self.session is not None:
            self.save_view(in_place=True)
            self.session.changed.disconnect(self._show_file)
            self.session.failed.disconnect(self._failed)
        self._set_timer(session, after_restart)
        self.session = session
        self.items.set_session(session)
        self.report_label.clear()
        if session is None:
            self.header.show_none()
            self.viewer.close_dossier()
            return
        session.changed.connect(self._show_file)
        session.failed.connect(self._failed)
        self.header.show_buttons()
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

    def _show_file(self, file: CandidateFile) -> None:
        actions = room_actions(file)  # the service decides; the buttons show it
        self.header.show_file(file, actions)
        if self.timer_widget is not None:
            self.timer_widget.setEnabled(actions.timer)
            self.timer_widget.set_idle_reason(self.header.timer_idle_reason(actions.timer_blocked))
        self.items.show_file(file)
        self.outcome.show_outcome(
            file.outcome, {i.code: i.decision for i in file.items}, self.items.current_code()
        )
        self.fileChanged.emit(file)

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
            # Committed on the writing thread, behind the jury's decisions, the clock turning meanwhile.
            lambda event: run_off_gui(lambda: oral_timer.record_event(db, pk, event)),
            self,
            on_heartbeat=lambda at: run_off_gui(lambda: oral_timer.heartbeat(db, pk, at)),
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
    def _save_view_soon(self) -> None:
        self._view.moved()

    def save_view(self, *, in_place: bool = False) -> None:
        """Where the jury is, committed; not again when it is what this room last committed for this candidate
        (opening another candidate saved the previous one's unchanged view: a commit and its fsync, 11 ms).
        ``in_place``: committed without turning the event loop, in the middle of a switch of candidate or as the
        program closes (nothing else is to happen then; opening a candidate saves the view off the GUI thread
        before the switch, so that the switch finds it saved)."""
        self._view.saved()
        if self.session is None:
            return
        state = dict(self.viewer.view_state())
        state["item"] = self.items.current_code()
        if self._view_saved == (self.session.pk, state):
            return
        self.session.save_view(state, in_place=in_place)
        self._view_saved = (self.session.pk, state)
