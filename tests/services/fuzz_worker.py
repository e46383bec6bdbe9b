"""The fuzzing test's worker: ``python -m tests.services.fuzz_worker WORKDIR DEMO_PACKAGE``.

It loads the program once, makes two template databases (empty, and with the demo campaign imported), then for
each package path read on stdin forks a child that imports it into a fresh copy of a template under an address
space limit (RLIMIT_AS), and writes one JSON line on stdout: the outcome, the child's peak resident memory and
CPU time (from wait4, the kernel's own figures), and whether a refused import changed a table or left a file in
the dossier store. A child that outlives the timeout is killed and reported as a hang: a blow-up or a hang is
one variant's failure, never a frozen suite.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import select
import shutil
import signal
import sqlite3
import sys
import traceback
from pathlib import Path

ADDRESS_SPACE_HEADROOM = 2 << 30  # beyond the worker's own: a 1.5 GB blow-up fails as MemoryError


def snapshot(db: Path) -> str:
    """A digest of every row of every table (the import's whole effect on the database)."""
    digest = hashlib.sha256()
    with sqlite3.connect(db) as con:
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            digest.update(table.encode())
            for row in con.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
    con.close()
    return digest.hexdigest()


def _vm_size() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _import(package: Path, template: Path, workdir: Path) -> dict[str, object]:
    from c2i2e_jury.errors import UserError
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database

    db_path = workdir / "run.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, db_path)
    store = workdir / "data" / "dossiers"
    before, files_before = snapshot(db_path), sorted(os.listdir(store)) if store.is_dir() else []
    db = open_database(f"sqlite:///{db_path}")
    try:
        report = import_package(db, package)
        result: dict[str, object] = {"outcome": "accepted", "status": report.status}
    except UserError as exc:
        result = {"outcome": "refused", "message": str(exc), "details": exc.details[:20]}
    except BaseException:  # noqa: BLE001 - what escapes is what the test reports
        result = {"outcome": "crash", "traceback": traceback.format_exc()[-4000:]}
    finally:
        db.dispose()
    if result["outcome"] == "refused":
        result["tables_changed"] = snapshot(db_path) != before
        after = sorted(os.listdir(store)) if store.is_dir() else []
        result["files_left"] = [f for f in after if f not in files_before][:5]
    return result


def _child(package: Path, template: Path, workdir: Path, limit: int, out: int) -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result = _import(package, template, workdir)
    except BaseException:  # noqa: BLE001
        result = {"outcome": "crash", "traceback": traceback.format_exc()[-4000:]}
    os.write(out, json.dumps(result, ensure_ascii=True)[:60_000].encode())
    os._exit(0)


def run_one(package: Path, template: Path, workdir: Path, timeout: float) -> dict[str, object]:
    read, write = os.pipe()
    limit = _vm_size() + ADDRESS_SPACE_HEADROOM
    pid = os.fork()
    if pid == 0:
        os.close(read)
        _child(package, template, workdir, limit, write)
    os.close(write)
    pidfd = os.pidfd_open(pid)
    ready, _, _ = select.select([pidfd], [], [], timeout)
    if not ready:
        os.kill(pid, signal.SIGKILL)
    data = b""
    while chunk := os.read(read, 65536):
        data += chunk
    os.close(read)
    _, status, usage = os.wait4(pid, 0)
    os.close(pidfd)
    result: dict[str, object] = json.loads(data) if data else {}
    if not ready:
        result = {"outcome": "hang"}
    elif os.WIFSIGNALED(status):
        result = {"outcome": "killed", "signal": os.WTERMSIG(status)}
    result["peak_rss"] = usage.ru_maxrss * 1024
    result["cpu"] = usage.ru_utime + usage.ru_stime
    return result


def _templates(workdir: Path, demo: Path) -> dict[bool, Path]:
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database

    templates = {False: workdir / "empty.sqlite", True: workdir / "demo.sqlite"}
    for populated, path in templates.items():
        db = open_database(f"sqlite:///{path}")
        if populated:
            import_package(db, demo)
        db.dispose()
    return templates


def _say(message: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> None:
    workdir, demo = Path(sys.argv[1]), Path(sys.argv[2])
    os.environ["C2I2E_DATA_DIR"] = str(workdir / "data")
    templates = _templates(workdir, demo)
    import openpyxl  # noqa: F401 - loaded once, before the forks

    _say({"ready": True, "baseline_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024})
    for line in sys.stdin:
        request = json.loads(line)
        result = run_one(Path(request["path"]), templates[request["populated"]], workdir, request["timeout"])
        _say(result)


if __name__ == "__main__":
    main()
