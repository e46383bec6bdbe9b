"""The facts of the oral as the latest signed sheet states them, for the president's detail pane: check-in,
absence, the timing (each phase's running time, pauses, overtime) and the incidents with their time.

They are read from the stored sheet itself (its JSON is kept whole at import), not from the database's timer:
in the secretariat's database the oral's timer never ran, and the sheet is what the jurors signed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from c2i2e_jury.exchange.result_json import FRAUD_SUSPICION
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import ResultSheet


@dataclass(frozen=True)
class SheetIncident:
    kind: str  # late_arrival / technical / fraud_suspicion / other
    at: datetime
    note: str


@dataclass(frozen=True)
class SheetFacts:
    version: int
    status: str  # examined / absent / not_admitted
    checked_in_at: datetime | None
    elapsed: dict[str, int]  # phase -> seconds of running time
    overtime: dict[str, int]  # phase -> seconds past the planned time
    paused_seconds: int
    incidents: tuple[SheetIncident, ...]

    @property
    def fraud_reported(self) -> bool:
        return any(incident.kind == FRAUD_SUSPICION for incident in self.incidents)


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def facts_of(version: int, result: dict[str, Any]) -> SheetFacts:
    oral = result["oral"]
    overtime = {
        entry["phase"]: int(entry.get("overtime_seconds") or 0)
        for entry in oral["timing_log"]
        if entry["kind"] == "phase_ended" and entry.get("phase")
    }
    incidents = tuple(
        SheetIncident(i["kind"], datetime.fromisoformat(i["at"]), i["note"]) for i in oral["incidents"]
    )
    return SheetFacts(
        version,
        str(result["status"]),
        _when(oral.get("checked_in_at")),
        {k: int(v) for k, v in (oral.get("elapsed_seconds") or {}).items()},
        overtime,
        int(oral.get("paused_seconds") or 0),
        incidents,
    )


def sheet_facts(db: Database, candidate_pk: int) -> SheetFacts | None:
    """What the candidate's latest signed sheet says of the oral, or None without a sheet."""
    with db.read() as session:
        row = session.execute(
            select(ResultSheet.version, ResultSheet.result)
            .where(ResultSheet.candidate_pk == candidate_pk)
            .order_by(ResultSheet.version.desc())
            .limit(1)
        ).first()
    return None if row is None else facts_of(row[0], dict(row[1]))
