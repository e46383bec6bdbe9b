"""Where the program keeps its files: the per-user data folder (database, dossiers, logs).

``C2I2E_DATA_DIR`` overrides it (tests, a portable install on a USB key). A folder that cannot be created (a file
in its place, a read-only home) is a :class:`DataFolderError`: one sentence, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from c2i2e_jury.errors import UserError, os_error_text


class DataFolderError(UserError):
    """The per-user data folder (or its logs folder) cannot be created or written."""


def _make_folder(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = os_error_text(exc)
        raise DataFolderError(
            f"Le dossier de données {path} est inutilisable ({reason}) : choisissez-en un autre avec "
            "la variable C2I2E_DATA_DIR."
        ) from exc
    return path


def data_dir() -> Path:
    override = os.environ.get("C2I2E_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("c2i2e-jury", appauthor=False))
    return _make_folder(path)


def log_file() -> Path:
    return _make_folder(data_dir() / "logs") / "c2i2e-jury.log"
