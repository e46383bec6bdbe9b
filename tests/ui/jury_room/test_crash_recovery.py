"""A real process holding an oral is killed with SIGKILL; the restarted program shows the identical state."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from c2i2e_jury.storage.models import Candidate

REPO = Path(__file__).resolve().parents[3]


def run_state(args, env, *, keep_running: bool):
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.jury_room.oral_process", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for line in process.stdout:
            if line.startswith("STATE "):
                state = json.loads(line[6:])
                break
        else:
            raise AssertionError(process.stderr.read())
        if keep_running:
            assert process.poll() is None, "the program must still be running when it is killed"
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        return state, process.returncode
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_sigkill_mid_oral_loses_nothing(demo_db, tmp_path):
    with demo_db.read() as s:
        pk = s.scalars(select(Candidate.pk).where(Candidate.candidate_id == "C2017-004")).one()
    db_path = demo_db.engine.url.database
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "C2I2E_DATA_DIR": os.environ["C2I2E_DATA_DIR"]}
    before, code = run_state(["oral", db_path, str(pk)], env, keep_running=True)
    assert code == -signal.SIGKILL
    assert before["attendance"] == "present"
    assert sum(v is not None for v in before["decisions"].values()) == 10
    after, code = run_state(["show", db_path, str(pk)], env, keep_running=False)
    assert code == 0
    for key in ("candidate", "attendance", "decisions", "comments", "item", "page", "timer_phase", "outcome"):
        assert after[key] == before[key], key
    assert after["comments"] == {"B2.2": "Scénario clair, traces d'élèves"}
    assert after["page"] == 7
    # The timer kept counting through the crash (counted as elapsed until the jury marks it as a pause).
    assert after["timer_elapsed"] >= before["timer_elapsed"]


KILLS = 50


def wander_then_kill(db_path, pk, env, seed):
    """The jurors move at random and are killed after a random number of moves: the views saved, in order, as
    (``SAVING`` or ``SAVED``, view) pairs, with what was printed before the process died."""
    moves_before_kill = random.Random(seed).randint(1, 25)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.jury_room.oral_process", "wander", db_path, str(pk), str(seed)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = []
    try:
        for line in process.stdout:
            lines.append(line)
            if sum(seen.startswith("MOVED") for seen in lines) == moves_before_kill:
                os.kill(process.pid, signal.SIGKILL)
                break
        else:
            raise AssertionError(process.stderr.read())
        lines.extend(process.stdout.read().splitlines())
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return [
        (kind, json.loads(view))
        for kind, _, view in (line.strip().partition(" ") for line in lines)
        if kind in ("SAVING", "SAVED")
    ]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_fifty_kills_at_random_moments_come_back_to_the_view_last_saved(demo_db):
    """Each kill lands at a random moment of random moves (bursts faster than the pause, pauses longer than the
    maximum wait): the restarted program shows the page and item of the last view committed — the jurors' view
    at most VIEW_SAVE_MAX_WAIT_MS before the kill — with the same candidate and decisions."""
    with demo_db.read() as s:
        pk = s.scalars(select(Candidate.pk).where(Candidate.candidate_id == "C2017-004")).one()
    db_path = demo_db.engine.url.database
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "C2I2E_DATA_DIR": os.environ["C2I2E_DATA_DIR"]}
    first: dict[str, object] = {}
    last_committed: dict[str, object] = {}
    saved = 0
    for seed in range(KILLS):
        views = wander_then_kill(db_path, pk, env, seed)
        after, code = run_state(["show", db_path, str(pk)], env, keep_running=False)
        assert code == 0
        committed = [view for kind, view in views if kind == "SAVED"]
        last_committed = committed[-1] if committed else last_committed
        # Killed between a SAVING and its SAVED line, that commit may or may not have happened.
        possible = [last_committed] + ([views[-1][1]] if views and views[-1][0] == "SAVING" else [])
        shown = {"page": after["page"], "item": after["item"]}
        assert shown in possible, (seed, views[-3:], shown)
        last_committed = shown
        first = first or after
        assert (after["candidate"], after["decisions"]) == ("C2017-004", first["decisions"])
        saved += len(committed)
    assert saved >= KILLS  # saved as the jurors moved, not once at the end
