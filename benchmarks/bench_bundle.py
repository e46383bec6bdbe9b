"""The shipped program's start (README, « The program for the jurors' laptops »): the PyInstaller bundle against the
same program run from the source install, each row's floor, measured alternately in the same run.

Rows only when a built bundle is there: ``dist/c2i2e-jury`` (``pyinstaller --noconfirm build.spec``, about a minute)
or the folder ``C2I2E_BENCH_BUNDLE`` names; without one the module says so and gives no row. The starts are warm
(the files in the page cache after the first run): a cold start needs the page cache dropped, which a container
may not allow. The application runs offscreen on the imported demo campaign: ``C2I2E_QUIT_AFTER_MS=0`` closes it
at the first turn of the event loop (its first window on screen and taking input), ``room`` once the jury room is
built (viewer, items, timer)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks.harness import Benchmark

REPO = Path(__file__).resolve().parent.parent
EXE = "c2i2e-jury.exe" if sys.platform == "win32" else "c2i2e-jury"


def _bundle() -> Path | None:
    folder = Path(os.environ.get("C2I2E_BENCH_BUNDLE") or REPO / "dist" / "c2i2e-jury")
    return folder / EXE if (folder / EXE).is_file() else None


def _source() -> list[str]:
    """The source install's program, as ``pip install`` writes it beside the interpreter."""
    script = Path(sys.executable).parent / EXE
    return [str(script)] if script.is_file() else [sys.executable, "-m", "c2i2e_jury"]


def _starter(command: list[str], env: dict[str, str], *args: str) -> Callable[[], None]:
    def start() -> None:
        subprocess.run([*command, *args], env=env, check=True, capture_output=True, timeout=120)

    return start


def benchmarks(workdir: Path) -> list[Benchmark]:
    bundle = _bundle()
    if bundle is None:
        print("  (no built bundle in dist/c2i2e-jury nor C2I2E_BENCH_BUNDLE: no row)", file=sys.stderr)
        return []
    from c2i2e_jury.exchange.demo.campaign import write_demo_package
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database
    from c2i2e_jury.storage.dossier_store import DossierStore

    data = workdir / "data"
    data.mkdir()
    db = open_database(str(data / "c2i2e-jury.sqlite"))
    import_package(db, write_demo_package(workdir / "package"), DossierStore(data / "dossiers"))
    db.dispose()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env.update(C2I2E_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    starts = {
        "bundle: --version": (env, ("--version",)),
        "bundle: the application to its first window (demo campaign)": (
            {**env, "C2I2E_QUIT_AFTER_MS": "0"},
            (),
        ),
        "bundle: the application to the jury room built": ({**env, "C2I2E_QUIT_AFTER_MS": "room"}, ()),
    }
    source = _source()
    return [
        Benchmark(
            name,
            _starter([str(bundle)], start_env, *args),
            _starter(source, start_env, *args),
            "the same from the source install (pip)",
            runs=10,
        )
        for name, (start_env, args) in starts.items()
    ]
