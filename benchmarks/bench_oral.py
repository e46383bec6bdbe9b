"""Issue 15, what the juror feels: a whole oral driven offscreen through the main window with the keys a juror
presses, while a 1 ms GUI timer measures how late the event loop turns (its heartbeat's lateness).

One oral: the candidate's file opened and checked in (Ctrl+Shift+P), the presentation started (F5), the dossier
read page by page (→, Page Down) with a jump to a page typed (Ctrl+G), a search (Ctrl+F, Enter, F3 twice), the
discussion (F6), the 28 items decided with V / N from the items table (each selection jumps the dossier to the
item's evidence, and Alt+← comes back once), three comments (C, text, Enter), the oral ended (F8). Signing is
not part of it (bench_signing_ui.py measures its stall apart). The steps are a juror's, one every
:data:`STEP_MS` ms (quicker than a juror, so that background work overlaps them as much as it may).

- "longest GUI stall": the longest gap between two ticks of the 1 ms timer over the whole oral. Target: one
  frame at 60 Hz, 16.7 ms. Floor: the same timer over an idle main window for as long (the machine's own jitter).
- "99th percentile": the same gaps' 99th percentile. Floor: the idle window's.

Where the stalls come from (the run prints the longest by kind of step; profiled with cProfile and timers around
the room's calls, on 2 cores loaded 10-14 by other work, where the idle window's own longest gap was 20-100 ms):

- a decision (V / N), ~100 ms there: the service commits (SQLite, FULL sync) then reloads the whole candidate
  file (``load_candidate``, ~30 ms of SQLAlchemy), and the room redraws from it (``_show_file`` ~33 ms, of which
  ~26 in the items table: its three content-sized columns measure all 28 rows again, ~670 ``data()`` calls, and
  the detail pane queries the item's history). Reloading the day list at each key (~20 ms) and signalling all 28
  rows as changed are gone (main_window.py, items_model.py). Under one frame would need the commit answered from
  a worker thread (the table showing it on the answer, so still on disk first) and fixed widths for the columns.
- turning pages: the GUI thread waits for the GIL while the viewer's worker renders a page (PyMuPDF keeps it
  while drawing; bench_viewer's "GUI stall while the worker renders" row), so a stall is at most one render.
- opening the candidate's file and the check-in: the room built for another candidate, once per oral.

Each run holds the oral of another demo candidate (an oral ended cannot be held again); the first candidate warms
the imports, fonts and MuPDF up, as the morning's first oral does.
"""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks.harness import Benchmark, Reported

STEP_MS = 40
FRAME = 1 / 60
CANDIDATES = ("C2017-001", "C2017-002", "C2017-003", "C2017-004", "C2017-006", "C2017-008", "C2017-009")


def percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[round(q) - 1]
        if len(values) > 1
        else values[0]
    )


class Heartbeat:
    """A 1 ms GUI timer recording the gap between its ticks: a gap is how long the event loop did not turn."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.gaps.append(self._clock.nsecsElapsed() / 1e9)
        self._clock.restart()

    def start(self) -> None:
        self.gaps.clear()
        self._clock.start()
        self._timer.start()

    def stop(self) -> list[float]:
        self._timer.stop()
        self.gaps.append(self._clock.nsecsElapsed() / 1e9)
        return list(self.gaps)


def run_steps(
    app: object, steps: list[tuple[str, Callable[[], object]]], heartbeat: Heartbeat, worst: dict[str, float]
) -> list[float]:
    """Each step from inside the event loop, STEP_MS apart (a step that waits for something returns False
    until it has come, and is tried again); the heartbeat's gaps over the whole. ``worst`` gets the longest gap
    that followed each kind of step (until the next step began)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    queue = list(steps)
    current = {"label": "start", "from": 0}

    def attribute() -> None:
        gaps = heartbeat.gaps[current["from"] :]
        label = str(current["label"])
        worst[label] = max([worst.get(label, 0.0), *gaps])
        current["from"] = len(heartbeat.gaps)

    def next_step() -> None:
        attribute()
        if not queue:
            loop.quit()
            return
        label, step = queue[0]
        current["label"] = label
        if step() is not False:
            queue.pop(0)
        QTimer.singleShot(STEP_MS, next_step)

    heartbeat.start()
    QTimer.singleShot(STEP_MS, next_step)
    QTimer.singleShot(300_000, loop.quit)  # a benchmark never hangs
    loop.exec()
    if queue:
        raise TimeoutError(f"the oral stopped at step {len(steps) - len(queue)} of {len(steps)}")
    return heartbeat.stop()


def show_worst(worst: dict[str, float]) -> None:
    """The longest stall after each kind of step, to stderr: where a long stall comes from."""
    rows = sorted(worst.items(), key=lambda kv: -kv[1])
    print("  longest stall by step: " + ", ".join(f"{k} {1000 * v:.0f} ms" for k, v in rows), file=sys.stderr)


def benchmarks(workdir: Path) -> list[Benchmark]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["C2I2E_DATA_DIR"] = str(workdir / "data")
    from PySide6.QtWidgets import QApplication

    from benchmarks.oral_steps import oral_steps, room_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window, db = room_window(workdir)
    heartbeat = Heartbeat()
    candidates = iter(CANDIDATES)
    run_steps(app, oral_steps(window, db, next(candidates)), heartbeat, {})  # warm-up
    durations: list[float] = []

    def oral() -> list[float]:
        worst: dict[str, float] = {}
        gaps = run_steps(app, oral_steps(window, db, next(candidates)), heartbeat, worst)
        show_worst(worst)
        durations.append(sum(gaps))
        return gaps

    def idle() -> list[float]:
        """The same heartbeat over the idle window, as long as the last oral lasted (2 s before the first)."""
        from PySide6.QtCore import QEventLoop, QTimer

        window.room.viewer.close_dossier()
        loop = QEventLoop()
        heartbeat.start()
        QTimer.singleShot(int(1000 * (durations[-1] if durations else 2.0)), loop.quit)
        loop.exec()
        return heartbeat.stop()

    def longest(measure: Callable[[], list[float]]) -> Callable[[], Reported]:
        return lambda: Reported(max(measure()))

    def p99(measure: Callable[[], list[float]]) -> Callable[[], Reported]:
        return lambda: Reported(percentile(measure(), 99))

    return [
        Benchmark(
            "oral: longest GUI stall over a whole oral (keys, pages, search, 28 items; no signing)",
            longest(oral),
            floor=longest(idle),
            floor_name="the same 1 ms timer over the idle window",
            runs=3,
            aggregate=max,
            max_seconds=FRAME,
        ),
        Benchmark(
            "oral: 99th percentile of the GUI timer's gaps over a whole oral",
            p99(oral),
            floor=p99(idle),
            floor_name="the same over the idle window",
            runs=2,
            aggregate=max,
        ),
    ]
