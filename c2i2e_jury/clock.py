"""The wall clock of the use cases: a service that records when something happened takes ``now: Clock =
utc_now`` and calls it once, so that a test passes a frozen moment (``now=lambda: JULY``) and the program the
real time, always aware and in UTC (the database stores UTC; a page shows it in local time).

The oral timer's durations come from another clock, a monotonic one (:mod:`c2i2e_jury.domain.oral_timer`),
which no change of the computer's time can move.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)
