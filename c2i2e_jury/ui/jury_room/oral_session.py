"""The oral being held: the jury's actions on one candidate go through here to the services, and each one is an
undoable command. The database stays the single source of truth: the screen is refreshed from what the service
committed, never from what the widget assumed.

Each action's transaction runs on the writing thread (:func:`c2i2e_jury.ui.off_gui.run_off_gui`): the oral's
clock and the dossier keep turning while it commits, and the action answers once it is on disk. What asks for a
change while another is in flight (a timer, a field losing the focus: the juror's own keys are held by then) is
done right after it, in order, so that it never starts from the screen's state before the first one answered."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from c2i2e_jury.domain.rules import Attendance, Mark, justification_kept
from c2i2e_jury.errors import UserError
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.jury_room import CandidateFile, DecisionChangeRow
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.off_gui import run_off_gui

DecisionState = tuple[Mark | None, str, str]  # decision, comment, justification


class _Keep:
    """Marks an argument left as it is (``None`` is a real decision: undecided)."""


KEEP = _Keep()

P = ParamSpec("P")


def _one_at_a_time(
    action: Callable[Concatenate[OralSession, P], bool],
) -> Callable[Concatenate[OralSession, P], bool]:
    """An action asked while another one's write is in flight (by a timer, a field losing the focus: the juror's
    own keys are held by then) is done right after it — after its undo step is pushed — and answers True now."""

    @functools.wraps(action)
    def one_at_a_time(session: OralSession, /, *args: P.args, **kwargs: P.kwargs) -> bool:
        if session._writing:
            session._next.append(lambda: one_at_a_time(session, *args, **kwargs))
            return True
        done = action(session, *args, **kwargs)
        while session._next and not session._writing:
            session._next.pop(0)()
        return done

    return one_at_a_time


class OralSession(QObject):
    changed = Signal(object)  # CandidateFile
    failed = Signal(str)  # one French sentence
    restored = Signal(str)  # the item an undo or a redo changed: the table goes back to it

    def __init__(
        self,
        db: Database,
        candidate_pk: int,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
        *,
        file: CandidateFile | None = None,
    ) -> None:
        """``file``: the candidate's file already read (:func:`read_file`), else read here."""
        super().__init__(parent)
        self.db = db
        self.undo_stack = undo_stack
        self.file: CandidateFile = file if file is not None else jury_room.candidate_file(db, candidate_pk)
        self._history: dict[str, list[DecisionChangeRow]] | None = None  # read once, not per item shown
        self._stale: set[str] = set()  # items changed since: read again (that item alone) when next shown
        self._writing = False
        self._next: list[Callable[[], object]] = []  # asked while a write was in flight, done after it

    @property
    def pk(self) -> int:
        return self.file.pk

    def refresh(self) -> None:
        self.file = jury_room.candidate_file(self.db, self.pk)
        self._history = None
        self.changed.emit(self.file)

    def history(self, code: str) -> list[DecisionChangeRow]:
        """The item's stored changes, oldest first: the candidate's whole history read once (the detail pane asks
        at every item the juror moves to), then after a decision that item's alone, when it is shown again."""
        if self._history is None:
            self._history, self._stale = {}, set()
            for change in jury_room.history(self.db, self.pk):
                self._history.setdefault(change.item, []).append(change)
        elif code in self._stale:
            self._history[code] = jury_room.history(self.db, self.pk, code)
            self._stale.discard(code)
        return self._history.get(code, [])

    def _run(self, action: Callable[[], Any], item: str = "") -> bool:
        """``item``: the one item the action changes (its history alone is read again), else all of them."""
        self._writing = True
        try:
            done = self._answered(run_off_gui(action), item)
        except UserError as exc:
            self.failed.emit(exc.message)
            done = False
        finally:
            self._writing = False
        return done

    def _answered(self, result: Any, item: str) -> bool:
        if item:
            self._stale.add(item)
        else:
            self._history = None
        if isinstance(result, CandidateFile):
            self.file = result
            self.changed.emit(result)
        else:
            self.refresh()
        return True

    # -- decisions (undoable) ----------------------------------------------------------------------------------
    def state_of(self, code: str) -> DecisionState:
        row = self.file.item(code)
        return row.decision, row.comment, row.justification

    @_one_at_a_time
    def apply(self, code: str, state: DecisionState) -> bool:
        """Store ``state`` for the item (an undo or a redo)."""
        return self._apply(code, state)

    def _apply(self, code: str, state: DecisionState) -> bool:
        decision, comment, justification = state
        shown = self.file
        return self._run(
            lambda: jury_room.decide(
                self.db,
                self.pk,
                code,
                decision,
                comment=comment,
                justification=justification,
                shown=shown,  # answered as this file with the one item changed, not read again
            ),
            code,
        )

    @_one_at_a_time
    def change(
        self,
        code: str,
        *,
        decision: Mark | None | _Keep = KEEP,
        comment: str | None = None,
        justification: str | None = None,
    ) -> bool:
        """Decide, comment or justify one item; pushed on the undo stack once it is committed."""
        before = self.state_of(code)
        mark = before[0] if isinstance(decision, _Keep) else decision
        after: DecisionState = (
            mark,
            before[1] if comment is None else comment,
            justification_kept(self.file.item(code).evaluator, before[0], mark, before[2])
            if justification is None
            else justification,
        )
        if after == before:
            return True
        if not self._apply(code, after):
            return False
        self.undo_stack.push(DecisionCommand(self, code, before, after))
        return True

    # -- the rest ------------------------------------------------------------------------------------------
    @_one_at_a_time
    def check_in(self, attendance: Attendance) -> bool:
        shown = self.file
        return self._run(lambda: jury_room.check_in(self.db, self.pk, attendance, shown=shown))

    @_one_at_a_time
    def add_incident(self, kind: str, note: str) -> bool:
        return self._run(lambda: jury_room.add_incident(self.db, self.pk, kind, note))

    def save_view(self, state: dict[str, Any], *, in_place: bool = False) -> None:
        """``in_place``: without turning the event loop meanwhile (see :meth:`Room.save_view`)."""
        pk = self.pk

        def save() -> None:
            jury_room.save_view_state(self.db, pk, state)

        save() if in_place else run_off_gui(save)


def read_file(db: Database, candidate_pk: int) -> CandidateFile:
    """The candidate's file, read on the writing thread (behind any write in flight) while the screen turns."""
    return run_off_gui(lambda: jury_room.candidate_file(db, candidate_pk))


class DecisionCommand(QUndoCommand):
    """Undo/redo of one committed change; the first redo is skipped (the change is already on disk)."""

    def __init__(self, session: OralSession, code: str, before: DecisionState, after: DecisionState) -> None:
        super().__init__()
        self.session, self.code, self.before, self.after = session, code, before, after
        self._done = True
        mark = after[0].value if after[0] else "—"
        what = mark if after[0] != before[0] else QCoreApplication.translate("DecisionCommand", "comment")
        self.setText(f"{code} : {what}")

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        if self.session.apply(self.code, self.after):
            self.session.restored.emit(self.code)

    def undo(self) -> None:
        if self.session.apply(self.code, self.before):
            self.session.restored.emit(self.code)
