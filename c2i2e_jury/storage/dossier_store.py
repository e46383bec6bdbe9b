"""Dossiers kept in the data folder by content: ``dossiers/<sha256>.pdf``.

Content addressing makes a re-import free and an interrupted import harmless: a file is written to a temporary
name, flushed to disk, then renamed; a file nobody refers to is just an orphan.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from c2i2e_jury.paths import data_dir


class DossierStore:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or data_dir() / "dossiers"
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.root / f"{sha256}.pdf"

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, chunks: Iterable[bytes], expected_sha256: str | None = None) -> str:
        """Store a file given as chunks; returns its SHA-256. Durable once this returns."""
        digest = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expected_sha256 and sha != expected_sha256:
                raise OSError(f"the file changed while it was being copied ({sha} != {expected_sha256})")
            os.replace(tmp, self.path(sha))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(self.root)
        return sha


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
