"""The ``c2i2e-result/1`` content of a candidate's next sheet, from the database: the items, the outcome, the
oral's timing and incidents, the version and the reopening it follows, the jurors in signing order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from c2i2e_jury.domain.oral_timer import OralTimer
from c2i2e_jury.domain.rules import Status, needs_justification
from c2i2e_jury.domain.timer_values import TimerEvent
from c2i2e_jury.exchange.result_json import build_result
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.jury_room import (
    CandidateFile,
    JuryRoomError,
    load_candidate,
)
from c2i2e_jury.services.oral_timer import build_timer
from c2i2e_jury.services.sheet_readiness import check_signable
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import (
    ResultSheet,
)


def signing_moment(now: datetime | None) -> datetime:
    """The signing moment in local time: the sheet shows the hour the jury lived."""
    return (now or datetime.now(UTC)).astimezone()


def _local_iso(value: datetime | str) -> str:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone().isoformat()


def _with_event(timer: OralTimer, event: TimerEvent | None) -> OralTimer:
    if event is not None:
        timer.apply(event)
    return timer


def _items(file: CandidateFile) -> list[dict[str, Any]]:
    examined = file.outcome.status is Status.EXAMINED
    items: list[dict[str, Any]] = []
    for row in file.items:
        jury = row.decision.value if examined and not row.acquired and row.decision else None
        entry: dict[str, Any] = {
            "item": row.code,
            "evaluator": row.evaluator.value if row.evaluator else None,
            "jury": jury,
            "prior": row.acquired,
            "comment": row.comment if jury else "",
        }
        if jury and needs_justification(row.evaluator, row.decision) and row.justification.strip():
            entry["justification"] = row.justification.strip()
        if row.evaluator_comment:
            entry["evaluator_comment"] = row.evaluator_comment
        items.append(entry)
    return items


def _oral_json(db: Database, file: CandidateFile, stop: TimerEvent | None) -> dict[str, Any]:
    timing = dict(_with_event(build_timer(db, file), stop).snapshot().timing_json())
    log_entries: Any = timing.pop("timing_log")
    oral: dict[str, Any] = {
        "presentation_minutes": file.presentation_minutes,
        "discussion_minutes": file.discussion_minutes,
        **timing,
    }
    oral["extra_time_percent"] = file.extra_time_percent
    if file.checked_in_at is not None:
        oral["checked_in_at"] = _local_iso(file.checked_in_at)
    oral["timing_log"] = [{**entry, "at": _local_iso(entry["at"])} for entry in log_entries]
    oral["incidents"] = [{"kind": i.kind, "at": _local_iso(i.at), "note": i.note} for i in file.incidents]
    return oral


def latest_row(session: Session, candidate_pk: int) -> ResultSheet | None:
    return session.scalars(
        select(ResultSheet)
        .where(ResultSheet.candidate_pk == candidate_pk)
        .order_by(ResultSheet.version.desc())
        .limit(1)
    ).first()


def next_version(session: Session, candidate_pk: int) -> tuple[int, int | None, str | None]:
    """(version, supersedes, reason) of the next sheet: a new version needs the reopening's reason."""
    latest = latest_row(session, candidate_pk)
    if latest is None:
        return 1, None, None
    if not latest.reopen_reason.strip():
        raise JuryRoomError(
            f"La version {latest.version} est déjà signée : rouvrez la feuille, avec un motif, "
            "pour en signer une nouvelle."
        )
    return latest.version + 1, latest.version, latest.reopen_reason.strip()


def result_for(
    db: Database,
    candidate_pk: int,
    jurors: Sequence[Mapping[str, str]],
    now: datetime | None = None,
    *,
    on_paper: bool = False,
    stop: TimerEvent | None = None,
) -> dict[str, Any]:
    """The ``c2i2e-result/1`` content of the candidate's next sheet, checked against the schema and the rules.

    ``jurors`` are ``{"name", "fingerprint"}`` (and optionally ``"email"``) mappings, in signing order; ``stop``
    the timer's closing event (:func:`stopping_event`), logged on the sheet.
    """
    file = check_signable(db, candidate_pk, on_paper=on_paper)
    with db.read() as session:
        candidate = load_candidate(session, candidate_pk)
        version, supersedes, reason = next_version(session, candidate_pk)
        title = candidate.campaign.title
    return build_result(
        campaign=file.campaign_id,
        campaign_title=title,
        candidate={"id": file.candidate_id, "last_name": file.last_name, "first_name": file.first_name},
        version=version,
        supersedes=supersedes,
        reason=reason,
        items=_items(file),
        outcome=file.outcome,
        oral=_oral_json(db, file, stop),
        jurors=[dict(j) for j in jurors],
        signed_at=signing_moment(now),
        referential=referential(),
    )
