"""Issue 12: the timer's log is legible whole in its narrow column (about 270 px at 1366×768): « Fin de la
présentation après 12:00 (dépassement 02:00) » was cut at « après 00:1… ». Each entry wraps and has its tooltip."""

from __future__ import annotations

from datetime import datetime

import pytest

from c2i2e_jury.domain.timer_values import LogEntry, Phase
from c2i2e_jury.ui.timer.timer_log import TimerLog
from tests.ui.jury_room.test_legible import cut_entries

pytestmark = pytest.mark.gui

AT = datetime(2026, 6, 12, 8, 42, 5).astimezone()  # 08:42:05 in local time, as the log shows it
ENTRIES = [
    LogEntry("phase_started", AT, Phase.PRESENTATION),
    LogEntry("phase_ended", AT, Phase.PRESENTATION, seconds=720, overtime=120),
    LogEntry(
        "paused", AT, Phase.DISCUSSION, reason="Vidéoprojecteur éteint, la candidate rebranche son portable"
    ),
]


def test_every_entry_shows_whole_in_a_narrow_column_in_french(qtbot, french):
    log = TimerLog()
    qtbot.addWidget(log)
    log.setFixedWidth(268)
    log.setMaximumHeight(1000)
    log.show()
    log.show_entries(ENTRIES)
    qtbot.waitUntil(lambda: log.visualItemRect(log.item(1)).height() > log.fontMetrics().height())
    assert "Fin de la présentation après 12:00 (dépassement +02:00)" in log.item(1).text()
    assert cut_entries(log) == []
    assert [log.item(n).toolTip() for n in range(log.count())] == [log.item(n).text() for n in range(3)]


def test_the_log_only_rebuilds_when_it_grew(qtbot):
    log = TimerLog()
    qtbot.addWidget(log)
    log.show_entries(ENTRIES[:2])
    first = log.item(0)
    log.show_entries(ENTRIES[:2])
    assert log.item(0) is first
    log.show_entries(ENTRIES)
    assert log.count() == 3
    assert (
        log.item(2).text() == "08:42:05  Paused — vidéoprojecteur éteint, la candidate rebranche son portable"
    )
