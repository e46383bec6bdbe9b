"""What the program imports before its first window (issue 15): the jury room opens like a PDF reader, and the
secretariat's and the president's screens, signing, the PDF writers, the spreadsheet reader, the schema
validator and the migrations are imported when first used. This test keeps a later import from creeping back
into start-up: the program is run for real, to its window, on a database holding the demo campaign."""

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
)

# Runs the program's own entry point to its window (C2I2E_QUIT_AFTER_MS=0 closes it as soon as it takes input),
# then prints every module it imported.
PROBE = """
import atexit, sys
atexit.register(lambda: print("\\n".join(sorted(sys.modules)), file=sys.stderr))
sys.argv = ["c2i2e-jury"]
from c2i2e_jury.__main__ import main
sys.exit(main())
"""


@pytest.fixture
def started(tmp_path, demo_package_dir) -> set[str]:
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
        "C2I2E_QUIT_AFTER_MS": "0",
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
    return {line.strip() for line in done.stderr.splitlines() if line.strip() and " " not in line.strip()}


def test_the_jury_room_opens_without_the_other_rooms_and_heavy_libraries(started):
    assert (
        "c2i2e_jury.ui.main_window" in started and "c2i2e_jury.ui.jury_room.room" in started
    )  # it did start
    early = sorted(m for m in started if any(m == name or m.startswith(name + ".") for name in NOT_AT_START))
    assert early == [], f"imported before the first window: {early}"
