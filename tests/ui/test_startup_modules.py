"""What the program imports before its first window (issue 15): the window shows the day's list, read with
SQLAlchemy Core, and the jury room (the dossier viewer, the items, the ORM and PyMuPDF behind them) is built on
the next turn of the event loop; the secretariat's and the president's screens, signing, the PDF writers, the
spreadsheet reader, the schema validator and the migrations are imported when first used. This test keeps a
later import from creeping back into start-up: the program is run for real, to its window, on a database holding
the demo campaign."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Imported only when first used: the rooms the jury room does not show, and the heavy libraries behind them.
NOT_AT_START = (
    "c2i2e_jury.ui.review",
    "c2i2e_jury.ui.secretariat",
    "c2i2e_jury.ui.signing",
    "c2i2e_jury.services.review",
    "c2i2e_jury.services.sheet_import",
    "c2i2e_jury.services.campaign_import",
    "pyhanko",
    "pyhanko_certvalidator",
    "cryptography",
    "asn1crypto",
    "reportlab",
    "openpyxl",
    "jsonschema",
    "alembic",
    # Built on the turn after the window shows: the jury room, and what it reads a candidate with.
    "c2i2e_jury.ui.jury_room.room",
    "c2i2e_jury.ui.viewer",
    "c2i2e_jury.ui.timer",
    "c2i2e_jury.services.jury_room",
    "c2i2e_jury.storage.models",
    "sqlalchemy.orm",
    "pymupdf",
)

# Imported before PySide6: its import hook reads the source of every module imported after it.
BEFORE_QT = (
    "sqlalchemy.engine",
    "sqlalchemy.sql",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "c2i2e_jury.services",
)

# Runs the program's own entry point to its window (C2I2E_QUIT_AFTER_MS=0 closes it as soon as it takes input),
# then prints every module it imported.
PROBE = """
import atexit, sys
import gc
atexit.register(lambda: print("\\n".join(sys.modules), file=sys.stderr))  # in the order they were imported
atexit.register(lambda: print("frozen objects:", gc.get_freeze_count(), file=sys.stderr))
sys.argv = ["c2i2e-jury"]
from c2i2e_jury.__main__ import main
sys.exit(main())
"""


def _run(tmp_path: Path, demo_package_dir: Path, quit_after: str) -> list[str]:
    """The modules the program imported, in order, run to its window and closed per ``C2I2E_QUIT_AFTER_MS``."""
    return [line for line in _said(tmp_path, demo_package_dir, quit_after) if " " not in line]


def _said(tmp_path: Path, demo_package_dir: Path, quit_after: str) -> list[str]:
    """What the probe wrote: the modules (a name a line), then the count of objects frozen."""
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database
    from c2i2e_jury.storage.dossier_store import DossierStore

    data = tmp_path / "data"
    data.mkdir()
    db = open_database(str(data / "c2i2e-jury.sqlite"))
    import_package(db, demo_package_dir, DossierStore(data / "dossiers"))
    db.dispose()
    env = {
        **os.environ,
        "C2I2E_DATA_DIR": str(data),
        "QT_QPA_PLATFORM": "offscreen",
        "C2I2E_QUIT_AFTER_MS": quit_after,
    }
    env.pop("C2I2E_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [line.strip() for line in done.stderr.splitlines() if line.strip()]


@pytest.fixture
def started(tmp_path, demo_package_dir) -> list[str]:
    return _run(tmp_path, demo_package_dir, "0")


def _under(module: str, names: tuple[str, ...]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in names)


def test_the_first_window_opens_without_the_other_rooms_and_heavy_libraries(started):
    assert (
        "c2i2e_jury.ui.main_window" in started and "c2i2e_jury.services.day_list" in started
    )  # it did start
    early = sorted(m for m in started if _under(m, NOT_AT_START))
    assert early == [], f"imported before the first window: {early}"


def test_the_database_layer_is_imported_before_qt(started):
    """Had they come after PySide6, its import hook (for ``from __feature__ import …``) would have read the source
    of each of these modules: about 50 ms of SQLAlchemy's."""
    qt = started.index("PySide6.QtCore")
    late = sorted(m for m in started[qt:] if _under(m, BEFORE_QT))
    assert any(m.startswith("sqlalchemy.engine") for m in started[:qt])
    assert late == [], f"imported after PySide6: {late}"


def test_the_jury_room_is_built_on_the_next_turn(tmp_path, demo_package_dir):
    """``room``: closed once the jury room is built, which the program does by itself right after the window."""
    loaded = _run(tmp_path, demo_package_dir, "room")
    assert {"c2i2e_jury.ui.jury_room.room", "c2i2e_jury.ui.viewer.dossier_viewer", "pymupdf"} <= set(loaded)
    assert loaded.index("c2i2e_jury.ui.jury_room.room") > loaded.index("c2i2e_jury.ui.main_window")


def test_what_start_up_made_is_kept_out_of_the_orals_collections(tmp_path, demo_package_dir):
    """Once the jury room is built, the objects start-up left are frozen (``ui/gui_gc.py``): a full collection of
    the collector then looks only at what the orals made (it took 40-70 ms for start-up's 100,000 objects)."""
    said = _said(tmp_path, demo_package_dir, "room")
    frozen = next(int(line.split(":")[1]) for line in said if line.startswith("frozen objects:"))
    assert frozen > 50_000
