"""The day's candidates and the candidate the jury was on: what the main window shows first, read with
SQLAlchemy Core on the same tables the models map.

Kept apart from :mod:`.jury_room` so that the first window needs neither the ORM nor the mapping of the
models (issue 15: importing and configuring them was about a third of the cold start); the jury room's other
use cases load whole candidates through the ORM once one is opened. ``tests/services/test_day_list.py`` checks
these columns against the models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, exists, select
from sqlalchemy.sql import column, table

from c2i2e_jury.domain.rules import Attendance

if TYPE_CHECKING:
    from c2i2e_jury.storage.database import Database

CANDIDATE = table(
    "candidate",
    column("pk"),
    column("campaign_id"),
    column("candidate_id"),
    column("last_name"),
    column("first_name"),
    column("deposited", Boolean),
    column("rework_pending", Boolean),
    column("oral_date", Date),
    column("oral_time"),
    column("room"),
    column("jury"),
)
ORAL = table(
    "oral", column("candidate_pk"), column("attendance"), column("locked", Boolean), column("view_updated_at")
)
RESULT_SHEET = table("result_sheet", column("candidate_pk"))


@dataclass(frozen=True)
class DayEntry:
    pk: int
    candidate_id: str
    last_name: str
    first_name: str
    oral_date: date | None
    oral_time: str
    room: str
    jury: str
    state: str  # upcoming / present / absent / not_admitted / signed

    @property
    def full_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}"


def day_entries(
    db: Database, campaign_id: str | None = None, room: str | None = None, day: date | None = None
) -> list[DayEntry]:
    """The candidates of a room's day, in the order they are heard."""
    c, o = CANDIDATE.c, ORAL.c
    signed = exists().where(RESULT_SHEET.c.candidate_pk == c.pk).label("signed")
    query = select(
        c.pk,
        c.candidate_id,
        c.last_name,
        c.first_name,
        c.oral_date,
        c.oral_time,
        c.room,
        c.jury,
        c.deposited,
        c.rework_pending,
        o.attendance,
        o.locked,
        signed,
    ).select_from(CANDIDATE.outerjoin(ORAL, o.candidate_pk == c.pk))
    if campaign_id:
        query = query.where(c.campaign_id == campaign_id)
    if room:
        query = query.where(c.room == room)
    if day:
        query = query.where(c.oral_date == day)
    with db.engine.connect() as connection:
        rows = connection.execute(query).all()
    entries = [
        DayEntry(
            r.pk,
            r.candidate_id,
            r.last_name,
            r.first_name,
            r.oral_date,
            r.oral_time,
            r.room,
            r.jury,
            _state(r),
        )
        for r in rows
    ]
    return sorted(entries, key=lambda e: (e.oral_date or date.max, e.oral_time or "99:99", e.last_name))


def _state(row: Any) -> str:
    """As the jury room sees the candidate: not admitted, signed (locked with a sheet), checked in, or to come."""
    if not row.deposited or row.rework_pending:
        return "not_admitted"
    if row.locked and row.signed:
        return "signed"
    if row.attendance is not None and row.attendance != Attendance.PENDING.value:
        return str(row.attendance)
    return "upcoming"


def last_candidate(db: Database) -> int | None:
    """The candidate the jury was on last (to reopen on it after a crash or a restart)."""
    o = ORAL.c
    query = (
        select(o.candidate_pk)
        .where(o.view_updated_at.is_not(None))
        .order_by(o.view_updated_at.desc())
        .limit(1)
    )
    with db.engine.connect() as connection:
        row = connection.execute(query).first()
    return int(row[0]) if row else None
