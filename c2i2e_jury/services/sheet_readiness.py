"""Whether a candidate's sheet may be signed now (docs/FORMATS.md §2): every item decided and justified, the
candidate's attendance recorded, the oral over (F8) unless the candidate was absent or not admitted."""

from __future__ import annotations

from datetime import datetime

from c2i2e_jury.domain.rules import Status, needs_justification
from c2i2e_jury.domain.timer_values import Phase, State, TimerEvent, TimerSnapshot
from c2i2e_jury.services.jury_room import (
    CandidateFile,
    JuryRoomError,
    candidate_file,
)
from c2i2e_jury.services.oral_timer import build_timer
from c2i2e_jury.storage.database import Database

SIGNABLE = (Status.EXAMINED, Status.ABSENT, Status.NOT_ADMITTED)


def signing_problem(file: CandidateFile) -> str | None:
    """Why this candidate's sheet cannot be signed yet (one French sentence), or None."""
    status = file.outcome.status
    if file.locked:
        return "La feuille de ce candidat est déjà signée : rouvrez-la (avec un motif) pour la modifier."
    if status is Status.AWAITING:
        return "Enregistrez d'abord la présence du candidat (présent ou absent)."
    if status is Status.IN_PROGRESS:
        undecided = file.outcome.undecided
        return (
            f"Il reste {len(undecided)} compétence{'s' if len(undecided) > 1 else ''} à décider : "
            f"{', '.join(undecided)}."
        )
    if status not in SIGNABLE:
        return "Ce dossier est annulé : il n'y a pas de feuille de résultat à signer."
    if status is Status.EXAMINED:
        missing = [
            row.code
            for row in file.items
            if not row.acquired
            and needs_justification(row.evaluator, row.decision)
            and not row.justification.strip()
        ]
        if missing:
            return f"Justification manquante pour {', '.join(missing)} (décision différente de l'évaluateur)."
    return None


def check_signable(db: Database, candidate_pk: int, *, on_paper: bool = False) -> CandidateFile:
    """The candidate's file when it can be signed now; a :class:`JuryRoomError` saying why not otherwise.

    ``on_paper``: the oral was held on paper (``sheet create``), without the program's timer."""
    file = candidate_file(db, candidate_pk)
    problem = signing_problem(file) or oral_phase_problem(
        file.outcome.status is Status.EXAMINED, build_timer(db, file).snapshot(), on_paper=on_paper
    )
    if problem is not None:
        raise JuryRoomError(problem)
    return file


# --- the oral must be over -------------------------------------------------------------------------------------

_PHASE_NAMES = {Phase.PRESENTATION: "la présentation", Phase.DISCUSSION: "la discussion"}
_END_ORAL = "terminez l'oral (F8, « Terminer l'oral ») avant de signer la feuille."


def oral_phase_problem(examined: bool, timer: TimerSnapshot, *, on_paper: bool = False) -> str | None:
    """Why the oral's timer forbids signing now (one French sentence naming the phase), or None.

    The jurors sign what they heard: an examined candidate's sheet waits for the end of the oral (F8). An absent
    or not admitted candidate has no oral to wait for. A paper sheet was heard without the program's timer: a
    timer never started is fine there, one still running is not."""
    if not examined or timer.state is State.FINISHED:
        return None
    if timer.state is State.READY:
        return (
            None
            if on_paper
            else ("Signature impossible avant le début de l'oral : démarrez-le (F5), puis " + _END_ORAL)
        )
    phase = _PHASE_NAMES[timer.phase or Phase.PRESENTATION]
    paused = " (chronomètre en pause)" if timer.paused else ""
    return f"Signature impossible pendant {phase}{paused} : {_END_ORAL}"


def stopping_event(db: Database, file: CandidateFile, moment: datetime) -> TimerEvent | None:
    """The ``end`` event that signing records when the timer still runs, or None.

    Signing ends the oral: an examined candidate's oral has ended already (:func:`oral_phase_problem`); an
    abandonment (absent after the start) may leave the timer running, and the signed sheet closes its log."""
    timer = build_timer(db, file, monotonic=lambda: 0.0, wall=lambda: moment)
    if timer.state in (State.READY, State.FINISHED):
        return None
    return timer.end()
