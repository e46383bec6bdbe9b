"""Dossiers kept in the data folder by content: ``dossiers/<sha256>.pdf``.

Content addressing makes a re-import free and an interrupted import harmless: each file is written to a
temporary name, flushed to disk, then renamed (:mod:`c2i2e_jury.files`); a file nobody refers to is just an
orphan. Files are hashed and copied on two threads (hashlib and the kernel's copy release the GIL), and flushed
before the database commit that refers to them.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.files import durable_file, durable_path, fsync_folder
from c2i2e_jury.paths import data_dir

CHUNK = 1 << 20
INCOMING = ".incoming-"  # how a file being stored is named until it is whole
WORKERS = 2


@dataclass(frozen=True)
class Incoming:
    """A file to store: a real path (copied by the kernel) or a stream of chunks (a zip member)."""

    path: Path | None
    chunks: Callable[[], Iterable[bytes]]
    name: str = ""  # what the user calls it, for an error message


class DossierStoreError(UserError):
    """The data folder refused a dossier (read-only, full, gone): one sentence saying which and why."""


def _reason(exc: OSError) -> str:
    return os_error_text(exc)


def sha256_of(incoming: Incoming) -> str:
    digest = hashlib.sha256()
    if incoming.path is not None:
        with incoming.path.open("rb") as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
    else:
        for chunk in incoming.chunks():
            digest.update(chunk)
    return digest.hexdigest()


def hash_all(files: Sequence[Incoming]) -> list[str]:
    local = all(f.path is not None for f in files)
    if local and len(files) > 1:
        with ThreadPoolExecutor(WORKERS) as pool:
            return list(pool.map(sha256_of, files))
    return [sha256_of(f) for f in files]  # one zip: its members are read one after the other


class DossierStore:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or data_dir() / "dossiers"
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DossierStoreError(f"Impossible de créer le dossier {self.root} : {_reason(exc)}.") from exc

    def path(self, sha256: str) -> Path:
        return self.root / f"{sha256}.pdf"

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, chunks: Iterable[bytes], expected_sha256: str | None = None) -> str:
        """Store one file given as chunks; returns its SHA-256. Durable once this returns."""
        digest = hashlib.sha256()

        def named() -> Path:
            sha = digest.hexdigest()
            if expected_sha256 and sha != expected_sha256:
                raise OSError(f"the file changed while it was being copied ({sha} != {expected_sha256})")
            return self.path(sha)

        with durable_file(named, folder=self.root, prefix=INCOMING) as out:
            for chunk in chunks:
                digest.update(chunk)
                out.write(chunk)
        return digest.hexdigest()

    def put_all(self, files: Sequence[tuple[Incoming, str]]) -> int:
        """Store files whose SHA-256 is already known (missing ones only); durable once this returns. All or
        nothing: when one cannot be stored (read-only or full disk), those this call stored are removed again and
        :class:`DossierStoreError` names the dossier and the reason."""
        todo = {sha: incoming for incoming, sha in files if not self.has(sha)}
        if not todo:
            return 0
        try:
            local = all(i.path is not None for i in todo.values())
            if local:
                with ThreadPoolExecutor(WORKERS) as pool:
                    list(pool.map(lambda item: self._store_one(*item), todo.items()))
            else:
                for sha, incoming in todo.items():
                    self._store_one(sha, incoming)
            fsync_folder(self.root)
        except BaseException as exc:
            for sha in todo:
                with contextlib.suppress(OSError):
                    self.path(sha).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise DossierStoreError(
                    f"Impossible d'enregistrer les dossiers dans {self.root} : {_reason(exc)}."
                ) from exc
            raise
        return len(todo)

    def _store_one(self, sha: str, incoming: Incoming) -> None:
        try:
            if incoming.path is not None:
                self._copy_local(sha, incoming)
            else:
                self.put(incoming.chunks(), expected_sha256=sha)
        except DossierStoreError:
            raise
        except OSError as exc:
            name = incoming.name or (incoming.path.name if incoming.path else sha)
            raise DossierStoreError(
                f"Impossible d'enregistrer le dossier {name} dans {self.root} : {_reason(exc)}."
            ) from exc

    def _copy_local(self, sha: str, incoming: Incoming) -> None:
        assert incoming.path is not None
        before = incoming.path.stat()
        with durable_path(self.path(sha), prefix=INCOMING, sync_folder=False) as tmp:  # put_all syncs, once
            shutil.copyfile(incoming.path, tmp)
            after = incoming.path.stat()
            if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
                raise OSError(f"{incoming.path.name} changed while it was being imported")
