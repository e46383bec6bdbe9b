"""The wall clock of the use cases: a service that records when something happened takes ``now: Clock =
utc_now`` and calls it once, so that a test passes a frozen moment (``now=lambda: JULY``) and the program the
real time, always aware and in UTC (the database stores UTC; a page shows it in local time).

A calendar day is the office's (:func:`local_day`): the day the secretariat lives and types on its registers,
the machine's local time (Europe/Paris for the bureau), never the UTC day (from midnight to one or two in the
morning in Paris, UTC still says yesterday).

The oral timer's durations come from another clock, a monotonic one (:mod:`c2i2e_jury.domain.oral_timer`),
which no change of the computer's time can move.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def local_day(moment: datetime) -> date:
    """The calendar day ``moment`` (aware) falls on in the machine's local time: what « today » is when a date
    typed by the secretariat is compared with now."""
    return moment.astimezone().date()
