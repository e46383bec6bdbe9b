"""What the test workers of one run build once and share: the xdist workers (``-n 2``) are separate processes,
and the heard demo campaign (real decisions, real signatures: seconds of work) and the key pairs it is signed
with were built once per worker. The controller makes one folder per run (:func:`make_run_folder`, exported in
the environment the workers inherit); the first worker to need a thing builds it under a file lock, the others
wait for it and read it."""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

RUN_FOLDER = "C2I2E_TEST_RUN_FOLDER"


def make_run_folder() -> Path:
    """Called by the controller before the workers start (they inherit the variable)."""
    folder = Path(tempfile.mkdtemp(prefix="c2i2e-tests-run-"))
    os.environ[RUN_FOLDER] = str(folder)
    return folder


def remove_run_folder() -> None:
    folder = os.environ.pop(RUN_FOLDER, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _locked(folder: Path, name: str) -> Iterator[None]:
    with (folder / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def built_once(name: str, build: Callable[[Path], None], fallback: Callable[[], Path]) -> Path:
    """The folder ``name`` of this run, built by ``build(folder)`` by whichever worker asks first; a marker file
    written last tells the others it is whole. Outside a run folder (a test imported by hand), ``fallback()``
    gives a private one."""
    shared = os.environ.get(RUN_FOLDER)
    if not shared:
        folder = fallback()
        build(folder)
        return folder
    folder = Path(shared) / name
    with _locked(Path(shared), name):
        if not (folder / ".built").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            (folder / ".built").touch()
    return folder
