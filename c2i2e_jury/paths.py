"""Where the program keeps its files: the per-user data folder (database, dossiers, logs).

``C2I2E_DATA_DIR`` overrides it (tests, a portable install on a USB key).
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    override = os.environ.get("C2I2E_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("c2i2e-jury", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    logs = data_dir() / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    return logs / "c2i2e-jury.log"
