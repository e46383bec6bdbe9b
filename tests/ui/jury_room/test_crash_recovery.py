"""A real process holding an oral is killed with SIGKILL; the restarted program shows the identical state."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from c2i2e_jury.storage.models import Candidate

REPO = Path(__file__).resolve().parents[3]


def run_state(args, env, *, keep_running: bool):
    process = subprocess.Popen([sys.executable, "-m", "tests.ui.jury_room.oral_process", *args], cwd=REPO,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
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
