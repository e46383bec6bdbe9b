"""A signed sheet brought into a database: its content becomes the candidate's records there.

The signed sheet is the legal record of the oral. When the secretariat imports the newest version of a
candidate's sheet, the check-in (presence or absence, and when), the incidents (a suspicion of fraud or
plagiarism among them) and the jury's 28 decisions (with comments and justifications) of that database follow
it, and the oral is locked — so the president's review, the summary and the certification jury read the same
facts as the sheet. Each decision that changes keeps its history (by "sheet_import"). The timing log stays in
the stored sheet (its JSON is kept whole) and is read from there.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from c2i2e_jury.exchange.result_json import prior_items, validated_items
from c2i2e_jury.resources_access import referential
from c2i2e_jury.storage.models import Decision, DecisionChange, Incident, Oral

ATTENDANCE = {"examined": "present", "absent": "absent"}


def apply_sheet(session: Session, candidate_pk: int, result: dict[str, Any], now: datetime) -> int:
    """Make the candidate's records say what the sheet says; returns the number of decisions changed."""
    oral = session.scalars(select(Oral).where(Oral.candidate_pk == candidate_pk)).one_or_none()
    if oral is None:
        oral = Oral(
            candidate_pk=candidate_pk, attendance="pending", current_page=0, view_state={}, locked=False
        )
        session.add(oral)
    attendance = ATTENDANCE.get(str(result.get("status")))
    checked_in = result["oral"].get("checked_in_at")
    if attendance is not None and oral.attendance != attendance:
        oral.attendance = attendance
        oral.checked_in_at = oral.checked_in_at or now
    if attendance is not None and checked_in:
        oral.checked_in_at = datetime.fromisoformat(checked_in)
    oral.locked = True
    session.flush()
    _apply_incidents(session, oral, result["oral"]["incidents"])
    return _apply_decisions(session, candidate_pk, result, attendance, now)


def _apply_incidents(session: Session, oral: Oral, incidents: list[dict[str, Any]]) -> None:
    """The sheet's incidents that this database does not hold yet (same kind, time and note) are added: an
    incident is never taken away, so a suspicion once reported stays in view."""
    held = {
        (i.kind, i.at, i.note) for i in session.scalars(select(Incident).where(Incident.oral_pk == oral.pk))
    }
    for entry in incidents:
        at = datetime.fromisoformat(entry["at"]).astimezone(UTC)
        if (entry["kind"], at, entry["note"]) not in held:
            session.add(Incident(oral_pk=oral.pk, kind=entry["kind"], at=at, note=entry["note"]))
            held.add((entry["kind"], at, entry["note"]))


def _apply_decisions(
    session: Session, candidate_pk: int, result: dict[str, Any], attendance: str | None, now: datetime
) -> int:
    """Each decision the sheet changes, and its history line. New rows go in as one multi-row INSERT a table
    (issue 15: the ORM's unit of work for the 56 rows of a first sheet was a third of the importing process)."""
    current = {
        d.item: d for d in session.scalars(select(Decision).where(Decision.candidate_pk == candidate_pk))
    }
    added: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    for item in result.get("items", []):
        if item.get("prior") or attendance != "present":
            continue
        code, value = item["item"], item.get("jury")
        comment, justification = item.get("comment") or "", item.get("justification") or ""
        decision = current.get(code)
        if decision is not None and (decision.decision, decision.comment, decision.justification) == (
            value,
            comment,
            justification,
        ):
            continue
        row = {"candidate_pk": candidate_pk, "item": code, "comment": comment, "justification": justification}
        changes.append(
            {
                **row,
                "old": decision.decision if decision else None,
                "new": value,
                "at": now,
                "by": "sheet_import",
            }
        )
        if decision is None:
            added.append({**row, "decision": value, "updated_at": now})
        else:
            decision.decision, decision.comment, decision.justification = value, comment, justification
            decision.updated_at = now
    for model, rows in ((Decision, added), (DecisionChange, changes)):
        if rows:
            session.execute(insert(model), rows)
    return len(changes)


def sheet_columns(result: dict[str, Any]) -> dict[str, str]:
    """What a stored sheet states, in the columns kept beside it (:class:`ResultSheet` ``status``,
    ``prior_items``, ``validated_items``): the review reads the signed proposal from them."""
    return {
        "status": str(result["status"]),
        "prior_items": ",".join(prior_items(result)),
        "validated_items": ",".join(validated_items(result, referential())),
    }
