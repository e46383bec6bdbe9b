"""A worker process that ends with the process that started it (killed, crashed), for the signing worker and the
sheet-verifying workers.

Not Linux's death signal (prctl PR_SET_PDEATHSIG): it fires when the *thread* that forked the worker ends, and
workers are started from short-lived threads (run_busy's for signing, whichever thread first reads a batch for
verifying). A daemon thread watches the parent's pid instead."""

from __future__ import annotations

import os
import threading
import time


def tie_to_parent(parent: int, poll_seconds: float) -> None:
    """End this process within ``poll_seconds`` of ``parent``'s end (at once if it has already ended)."""
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch, args=(parent, poll_seconds), name="parent-watch", daemon=True).start()


def _watch(parent: int, poll_seconds: float) -> None:
    """Once the parent is gone, this worker is someone else's child: it ends."""
    while os.getppid() == parent:
        time.sleep(poll_seconds)
    os._exit(1)
