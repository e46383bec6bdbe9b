"""Verifying many sheets on every core: pyHanko's checks are pure Python, so a batch is verified in worker
processes while the importing process stores what comes back, in the order the files were given.

The workers get bytes and the campaigns' authorities (PEM) and return plain data: nothing here touches the
database. A small batch is verified in the calling process (starting workers costs about a second).

Whatever a file does to the verifier is that file's refusal (issue 16: one flipped bit once ended the batch in
« internal error »), and the workers end with the process that started them, even when it is killed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Generator, Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from c2i2e_jury.logs import current_log_file, join_parent_log
from c2i2e_jury.services import parent_watch

if TYPE_CHECKING:
    from c2i2e_jury.exchange.pades import SheetSigner

log = logging.getLogger(__name__)

PARALLEL_FROM = 12  # files to verify before workers are worth starting
MAX_WORKERS = 4
PARENT_POLL_SECONDS = 1.0
DAMAGED = (
    "damaged",
    "Feuille endommagée : sa vérification n'a pas pu aller au bout (fichier altéré ou tronqué) ; "
    "demandez à la salle de l'exporter à nouveau.",
)
T = TypeVar("T")


@dataclass(frozen=True)
class Checked:
    """A sheet verified (``result`` is its JSON) or refused (``reason`` and ``message`` say why)."""

    result: dict[str, Any] | None
    reason: str = ""
    message: str = ""
    signers: tuple[SheetSigner, ...] = ()  # who signed a verified sheet, for the jury's rules (signer_rules)


def check(pdf: bytes, authorities: Mapping[str, str | None]) -> Checked:
    """Verify ``pdf`` against the authority of the campaign it names (``authorities``: campaign id -> PEM); any
    failure the checks did not foresee on these bytes is this file's refusal, never the batch's end."""
    try:
        return _check(pdf, authorities)
    except Exception:
        log.exception("sheet refused: its verification failed")
        return Checked(None, *DAMAGED)


def _check(pdf: bytes, authorities: Mapping[str, str | None]) -> Checked:
    from c2i2e_jury.exchange.credentials import load_certificates
    from c2i2e_jury.exchange.signatures import SheetRejected, verify_sheet
    from c2i2e_jury.resources_access import referential
    from c2i2e_jury.services.sheet_trust import UnknownAuthority, claimed_campaign

    try:
        reader, campaign = claimed_campaign(pdf)
        if campaign not in authorities:
            return Checked(
                None,
                "unknown_campaign",
                f"La campagne « {campaign} » n'est pas dans la base : importez d'abord son paquet.",
            )
        pem = authorities[campaign]
        if not pem:
            return Checked(
                None,
                "unknown_authority",
                f"La base ne connaît pas l'autorité de la campagne "
                f"« {campaign} » (authority.pem absent de son paquet).",
            )
        roots = load_certificates(pem.encode("ascii"), "authority.pem")
        verified = verify_sheet(pdf, roots, referential(), reader=reader)
    except (UnknownAuthority, SheetRejected) as exc:
        return Checked(None, exc.reason, exc.message)
    return Checked(verified.result, signers=verified.signers)


def default_workers(count: int) -> int:
    """Processes for ``count`` sheets: every core (at most four) for a batch, none for a handful; a frozen build
    verifies in-process (its entry point would have to call ``multiprocessing.freeze_support()``)."""
    if count < PARALLEL_FROM or getattr(sys, "frozen", False):
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


@dataclass
class Job(Generic[T]):
    """One file on its way: ``pdf`` to verify, or None when its outcome is already known (``item``)."""

    item: T
    pdf: bytes | None = None


def checked_in_order(
    jobs: Iterable[Job[T]], authorities: Mapping[str, str | None], workers: int
) -> Generator[tuple[T, Checked | None], None, None]:
    """``(item, Checked)`` for each job in order (``None`` for a job with nothing to verify). ``jobs`` is read
    only as the workers have room (a lazy iterable keeps a few files per worker in memory); closing the
    generator stops the workers."""
    if workers <= 1:
        for job in jobs:
            yield job.item, None if job.pdf is None else check(job.pdf, authorities)
        return
    context = multiprocessing.get_context(
        "spawn"
    )  # never fork a process that may hold Qt or database threads
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=start_worker,
        initargs=(os.getpid(), current_log_file()),
    )
    window: deque[tuple[T, Future[Checked] | None]] = deque()
    try:
        for job in jobs:
            future = None if job.pdf is None else pool.submit(check, job.pdf, authorities)
            window.append((job.item, future))
            while window and (len(window) > workers * 4 or _ready(window[0][1])):
                yield _finish(window.popleft())
        while window:
            yield _finish(window.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ready(future: Future[Checked] | None) -> bool:
    return future is None or future.done()


def _finish(entry: tuple[T, Future[Checked] | None]) -> tuple[T, Checked | None]:
    """The job's verdict; a worker lost on the way (killed, out of memory) refuses its file, the batch goes on."""
    item, future = entry
    if future is None:
        return item, None
    try:
        return item, future.result()
    except Exception:
        log.exception("a verifying worker failed")
        return item, Checked(None, *DAMAGED)


def start_worker(parent: int, log_path: str | None) -> None:
    """A worker's initializer: its refusals' tracebacks go to the parent's log file; it ends with its parent."""
    join_parent_log(log_path)
    tie_to_parent(parent)


def tie_to_parent(parent: int) -> None:
    """It ends with ``parent`` (issue 16: 18 workers outlived a SIGTERM'd import), within
    :data:`PARENT_POLL_SECONDS` (:mod:`.parent_watch`: the pool forks its workers from whichever thread first reads
    the batch, which may end long before the batch does)."""
    parent_watch.tie_to_parent(parent, PARENT_POLL_SECONDS)
