"""The secretariat's sheet import under faults (issue 16), on real signed sheets: a batch full of damaged sheets
goes to its end with one refusal per damaged file, the verifying workers end with a killed parent, and two
imports at once on PostgreSQL holding different versions of the same candidates never leave an older version's
decisions applied."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from c2i2e_jury.services.sheet_import import import_sheets, write_report
from c2i2e_jury.services.sheet_verifying import Checked, Job, checked_in_order
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.models import Candidate, Decision, ResultSheet
from tests.exchange.package.factory import CANDIDATES
from tests.services.sheet_factory import CAMPAIGN_ID, import_with_pki, make_pki, make_sheet

EXTRA = [
    f"C{n};Martin{n};Léa;lea{n}@example.fr;c1.pdf;oui;non;2017-06-13;10:00;B114;J1;;" for n in range(4, 9)
]
RACED = ("C1", "C2", "C4", "C5", "C6", "C7")
VERSION_NV = {1: (), 2: ("A1.3",), 3: ("B2.5",)}  # each version withdraws another item
WAIT = 60.0  # seconds at most for a condition (a hang fails, a slow machine does not)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def originals(pki, referential):
    return {cid: make_sheet(referential, pki.jurors, cid) for cid in ("C4", "C5", "C6")}


def _flipped(pdf: bytes, rng: random.Random, n: int) -> bytes:
    """One bit flipped: anywhere for a third of the files, else in a signature's CMS (hex digits kept hex), where
    its signed attributes (the signing time among them) are parsed only when read."""
    if n % 3 == 0:
        at, bit = rng.randrange(len(pdf)), rng.randrange(8)
    else:
        gaps = _signature_contents(pdf)
        start = gaps[n % len(gaps)]
        at, bit = start + 1000 + rng.randrange(2500), 0
    return pdf[:at] + bytes([pdf[at] ^ (1 << bit)]) + pdf[at + 1 :]


def _signature_contents(pdf: bytes) -> list[int]:
    """Where each signature's hex /Contents starts (after its ``<``)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    return [s.byte_range[1] + 1 for s in PdfFileReader(io.BytesIO(pdf)).embedded_regular_signatures]


def _wait_for(condition, what: str) -> None:
    """Polls ``condition``; only a hang (nothing after ``WAIT`` seconds) fails, never a slow machine."""
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"still waiting after {WAIT:.0f} s: {what}")
        time.sleep(0.05)


# Sixty flips in the fast loop (``-m "not slow"``), through the same two verifying workers; 240 in the whole run.
@pytest.mark.parametrize("flips", [60, pytest.param(240, marks=pytest.mark.slow)])
def test_flipped_bits_in_one_batch_are_each_a_refusal_and_the_batch_goes_on(
    database, tmp_path, pki, originals, flips
):
    import_with_pki(database, tmp_path / "pkg", pki, candidates=[*CANDIDATES, *EXTRA])
    rng = random.Random(16)
    folder = tmp_path / "cle"
    folder.mkdir()
    damaged = 0
    for n in range(flips):  # flips anywhere (header, pages, JSON, signature dictionaries) and in the CMS
        cid = ("C4", "C5", "C6")[n % 3]
        (folder / f"a{n:03d}_{cid}.pdf").write_bytes(_flipped(originals[cid], rng, n))
        damaged += 1
    for cid, pdf in originals.items():
        (folder / f"z_{cid}.pdf").write_bytes(pdf)  # after every damaged one: still imported
    outcomes = import_sheets(database, [folder], workers=2)
    write_report(outcomes, tmp_path / "rapport.csv")
    assert len(outcomes) == damaged + len(originals)
    by_file = {Path(o.file).name: o for o in outcomes}
    for cid in originals:
        assert by_file[f"z_{cid}.pdf"].status in ("imported", "duplicate"), by_file[f"z_{cid}.pdf"]
    refused = [o for o in outcomes if o.status == "rejected"]
    assert len(refused) > damaged * 0.6  # a flip in an unread byte or in a CMS' zero padding may be harmless
    assert all(o.message for o in refused)
    with database.read() as s:  # nothing but the genuine content ever stored
        stored = {r.sha256 for r in s.scalars(select(ResultSheet))}
        results = [r.result for r in s.scalars(select(ResultSheet))]
    assert len(stored) == len(results) == 3, stored
    assert len((tmp_path / "rapport.csv").read_text(encoding="utf-8-sig").splitlines()) == len(outcomes) + 1


CHILD = """
import sys, time, multiprocessing
from pathlib import Path
from c2i2e_jury.services.sheet_import import import_sheets
from c2i2e_jury.storage.database import open_database

def progress(done, total, name):
    if done == 1:
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
        time.sleep(3600)  # held here, workers started: the test kills this process

import_sheets(open_database(sys.argv[1]), [Path(sys.argv[2])], progress, workers=2)
"""


def _gone(pid: int) -> bool:
    """Ended (a zombie waiting for its new parent to reap it has ended too)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


@pytest.mark.slow  # a parent process started and killed per signal: the fast loop keeps the thread that ends
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_the_verifying_workers_end_with_their_killed_parent(tmp_path, pki, originals, how):
    db_path = tmp_path / "secretariat.sqlite"
    db = open_database(str(db_path))
    import_with_pki(db, tmp_path / "pkg", pki, candidates=[*CANDIDATES, *EXTRA])
    db.dispose()
    folder = tmp_path / "cle"
    folder.mkdir()
    for n in range(30):
        (folder / f"{n:02d}.pdf").write_bytes(originals[("C4", "C5", "C6")[n % 3]])
    parent = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) >= 2 and not any(_gone(pid) for pid in workers)
        parent.send_signal(how)
        parent.wait(timeout=WAIT)
        _wait_for(lambda: all(_gone(pid) for pid in workers), f"workers outlived their parent: {workers}")
    finally:
        with contextlib.suppress(ProcessLookupError):
            parent.kill()
        parent.wait()


# --- two imports at once on PostgreSQL, several versions -------------------------------------------------------


def _race_in_child(urls: list[str], groups: list[list[str]], barrier, results) -> None:
    """One secretariat computer: for each round's database, its batch, a candidate's files after another, each
    started with the other computer's (so that both are at the same candidate at the same moment)."""
    for url in urls:
        database = open_database(url)
        report = []
        for paths in groups:
            barrier.wait()
            report += [(Path(o.file).name, o.status) for o in import_sheets(database, paths, workers=1)]
        results.put((url, report))
        database.dispose()


def _decisions(url: str) -> dict[str, dict[str, str]]:
    db = open_database(url)
    try:
        with db.read() as s:
            rows = s.execute(
                select(Candidate.candidate_id, Decision.item, Decision.decision).join(
                    Candidate, Candidate.pk == Decision.candidate_pk
                )
            )
            found: dict[str, dict[str, str]] = {}
            for cid, item, value in rows:
                found.setdefault(cid, {})[item] = value
            stored = {(r.result["candidate"]["id"], r.version) for r in s.scalars(select(ResultSheet))}
        assert stored == {(cid, v) for cid in RACED for v in VERSION_NV}  # every version kept, once
        return found
    finally:
        db.dispose()


@pytest.mark.postgres
@pytest.mark.slow
def test_two_imports_holding_versions_2_and_3_never_leave_version_2_applied(
    pg_server, tmp_path, pki, referential
):
    from tests.pg import fresh_database

    folder = tmp_path / "cles"
    folder.mkdir()
    for cid in RACED:
        for version, nv in VERSION_NV.items():
            (folder / f"{cid}_v{version}.pdf").write_bytes(
                make_sheet(referential, pki.jurors, cid, version=version, nv=nv)
            )
    first = [
        [str(folder / f"{cid}_v{v}.pdf") for v in (2, 1)] for cid in RACED
    ]  # one computer: versions 2, 1
    second = [[str(folder / f"{cid}_v{v}.pdf") for v in (3, 1)] for cid in RACED]  # the other: versions 3, 1
    rounds = 8
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(fresh_database(pg_server)) for _ in range(rounds)]
        for n, url in enumerate(urls):
            db = open_database(url)
            import_with_pki(db, tmp_path / f"pkg{n}", pki, candidates=[*CANDIDATES, *EXTRA])
            db.dispose()
        context = multiprocessing.get_context("spawn")
        barrier, results = context.Barrier(2), context.Queue()
        children = [
            context.Process(target=_race_in_child, args=(urls, batch, barrier, results))
            for batch in (first, second)
        ]
        for child in children:
            child.start()
        reports: dict[str, list[list[tuple[str, str]]]] = {}
        for _ in range(2 * rounds):
            url, report = results.get(timeout=300)
            reports.setdefault(url, []).append(report)
        for child in children:
            child.join(timeout=WAIT)
            assert child.exitcode == 0
        for url in urls:
            _check_round(_decisions(url), reports[url])


def _check_round(decisions: dict[str, dict[str, str]], reports: list[list[tuple[str, str]]]) -> None:
    for cid in RACED:  # version 3's decisions, whatever the order the two computers met
        assert decisions[cid]["B2.5"] == "NV" and decisions[cid]["A1.3"] == "V", (cid, decisions[cid])
    statuses: dict[str, list[str]] = {}
    for report in reports:
        for name, status in report:
            statuses.setdefault(name, []).append(status)
    for name, found in statuses.items():
        version = int(name.rsplit("_v", 1)[1][0])
        if version == 1:  # in both batches: one computer stored it, the other found it there
            assert sorted(found) in (["duplicate", "imported"], ["duplicate", "superseded"]), (name, found)
        elif version == 2:  # imported when it came before version 3, an older version when after
            assert found in (["imported"], ["superseded"]), (name, found)
        else:
            assert found == ["imported"], (name, found)


def test_a_batch_started_by_a_thread_that_ends_is_verified_to_its_end(pki, originals):
    """The verifying workers are forked by whichever thread first reads the batch; when that thread ends (a
    short-lived worker thread of the window) the workers must live on until the batch is read to its end."""
    authorities = {CAMPAIGN_ID: pki.authority_pem.read_text(encoding="ascii")}
    jobs = [Job(n, originals[("C4", "C5", "C6")[n % 3]]) for n in range(16)]
    stream = checked_in_order(jobs, authorities, workers=2)
    first: list[tuple[int, Checked | None]] = []
    starter = threading.Thread(target=lambda: first.extend([next(stream), next(stream)]), name="short-lived")
    starter.start()
    starter.join(timeout=WAIT)
    assert not starter.is_alive() and len(first) == 2
    try:
        verdicts = first + list(stream)
    finally:
        stream.close()
    assert [n for n, _checked in verdicts] == list(range(16))
    refused = [(n, c.message) for n, c in verdicts if c is None or c.result is None]
    assert refused == []
