"""The files of a campaign package, from a folder or a ``.zip``, without ever writing anything.

Member names are checked before anything is read: an absolute path, a ``..`` segment or a link leading out of
the package is a problem to report, never a file to open (nothing is extracted, so nothing can be written
outside the package either). Sizes too (:mod:`.limits`): a member past its limit is never read, and a package
past the total size or ratio is refused before any member is.
"""

from __future__ import annotations

import lzma
import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from c2i2e_jury.errors import os_error_text
from c2i2e_jury.exchange.package.limits import archive_problem, member_problem


class UnsafePath(ValueError):
    """A member name that escapes the package."""


class UnreadableMember(OSError):
    """A member that cannot be read: encrypted, compressed in a way zipfile cannot undo, damaged, or a folder's file
    the system refuses to open. ``why`` says so in French, for the problem list."""

    def __init__(self, name: str, why: str) -> None:
        super().__init__(f"{name} : {why}")
        self.name = name
        self.why = why


REDO_ZIP = "refaites l'archive avec « Envoyer vers > Dossier compressé »"
# What zipfile raises for a member it cannot give back (besides OSError): a bad CRC or a truncated stream
# (BadZipFile, EOFError, zlib/lzma/bz2 errors: LZMAError is no OSError), a password (RuntimeError), an unknown
# compression method (NotImplementedError).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    RuntimeError,
    NotImplementedError,
    ValueError,
    OSError,
)


def _why(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return f"fichier protégé par un mot de passe dans l'archive : {REDO_ZIP}, sans mot de passe"
    if isinstance(exc, NotImplementedError):
        return f"méthode de compression non prise en charge ({exc}) : {REDO_ZIP}"
    if isinstance(exc, (zipfile.BadZipFile, EOFError, zlib.error, lzma.LZMAError)):
        return f"fichier abîmé dans l'archive ({exc}) : {REDO_ZIP}"
    if isinstance(exc, OSError):
        return f"fichier illisible ({os_error_text(exc)})"
    return f"fichier illisible ({exc})"


def safe_member(name: str) -> str:
    """Normalise a member name (``dossiers\\a.pdf`` → ``dossiers/a.pdf``) or raise UnsafePath."""
    cleaned = name.replace("\\", "/")
    path = PurePosixPath(cleaned)
    if cleaned.startswith("/") or (len(cleaned) > 1 and cleaned[1] == ":") or ".." in path.parts:
        raise UnsafePath(name)
    return str(path)


class PackageSource:
    """Read-only access to the members of a package."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}  # normalised name -> real name (zip) or relative path (folder)
        self.unsafe: list[str] = []
        self.broken: dict[str, str] = {}  # links that lead nowhere, names twice: name -> why
        self.too_big: dict[str, str] = {}  # members past their limit, never read: name -> why
        self.refused: set[str] = set()  # those of them someone tried to read (and reported)
        self.refusal: str | None = None  # the whole package is past a limit: nothing is read
        if path.is_dir():
            self._index_folder()
        else:
            self._zip = zipfile.ZipFile(path)
            self._index_zip(self._zip)
        # What would be read: a member past its limit never is, and is reported with its own limit.
        sizes = [self.size(name) for name in self._members if name not in self.too_big]
        self.refusal = archive_problem(sum(sizes), None if self._zip is None else path.stat().st_size)

    def _index_folder(self) -> None:
        root = self.path.resolve()
        for file in sorted(self.path.rglob("*")):
            relative = file.relative_to(self.path).as_posix()
            if file.is_symlink():
                try:
                    target = file.resolve(strict=True)
                except FileNotFoundError:  # a link to nothing: not a file, ignored as before
                    target = file.resolve()
                except (OSError, RuntimeError):  # a loop (RuntimeError before Python 3.13)
                    self.broken[relative] = "lien symbolique qui tourne en boucle"
                    continue
                if not target.is_relative_to(root):
                    self.unsafe.append(relative)
                    continue
            if file.is_file():
                self._members[relative] = relative
                self._limit(relative, file.stat().st_size, None)

    def _index_zip(self, archive: zipfile.ZipFile) -> None:
        for number, info in enumerate(archive.infolist(), start=1):
            if not info.filename:
                self.broken[f"fichier n° {number} de l'archive"] = f"nom de fichier vide : {REDO_ZIP}"
                continue
            if info.is_dir():
                continue
            try:
                name = safe_member(info.filename)
            except UnsafePath:
                self.unsafe.append(info.filename)
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                self.unsafe.append(info.filename)
                continue
            if name in self._members:
                self.broken[name] = f"deux fichiers de ce nom dans l'archive : {REDO_ZIP}"
            self._members[name] = info.filename
            self._limit(name, info.file_size, info.compress_size)

    def _limit(self, name: str, size: int, compressed: int | None) -> None:
        why = member_problem(name, size, compressed)
        if why:
            self.too_big[name] = why

    def unread_too_big(self) -> dict[str, str]:
        """The members past their limit that nobody tried to read (so no problem names them yet)."""
        return {name: why for name, why in self.too_big.items() if name not in self.refused}

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> PackageSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return sorted(self._members)

    def find(self, *candidates: str) -> str | None:
        """The first member present among ``candidates`` (case-insensitive, at the package's root or one
        folder down, as zips made by "Send to > Compressed folder" add a top folder)."""
        lowered = {name.lower(): name for name in self._members}
        prefixes = {""} | {name.split("/", 1)[0] + "/" for name in self._members if "/" in name}
        for candidate in candidates:
            for prefix in sorted(prefixes):
                hit = lowered.get((prefix + candidate).lower())
                if hit:
                    return hit
        return None

    @property
    def root(self) -> str:
        """The folder inside the package that holds campaign.json ("" at the top)."""
        found = self.find("campaign.json")
        return found.rsplit("/", 1)[0] + "/" if found and "/" in found else ""

    def has(self, name: str) -> bool:
        return name in self._members

    def size(self, name: str) -> int:
        if self._zip is not None:
            return self._zip.getinfo(self._members[name]).file_size
        return (self.path / self._members[name]).stat().st_size

    def local_path(self, name: str) -> Path | None:
        """The member's real file when the package is a folder (lets the kernel copy it), else None."""
        return None if self._zip is not None else self.path / self._members[name]

    def read(self, name: str) -> bytes:
        """The member's bytes; :class:`UnreadableMember` when it cannot be read whole (CRC checked)."""
        return b"".join(self.chunks(name))

    def head(self, name: str, size: int) -> bytes:
        """The member's first bytes (no CRC check: the whole member is read, and checked, when hashed)."""
        self._within_limits(name)
        try:
            with self._open(name) as stream:
                return stream.read(size)
        except _ZIP_ERRORS as exc:
            raise UnreadableMember(name, _why(exc)) from exc

    def _within_limits(self, name: str) -> None:
        if name in self.too_big:
            self.refused.add(name)
            raise UnreadableMember(name, self.too_big[name])

    def _open(self, name: str) -> BinaryIO:
        if self._zip is not None:
            return self._zip.open(self._members[name])  # type: ignore[return-value]
        return (self.path / self._members[name]).open("rb")

    def chunks(self, name: str, size: int = 1 << 20) -> Iterator[bytes]:
        """The member in chunks; :class:`UnreadableMember` on the way when it turns out damaged, or at once
        when it is past its size limit."""
        self._within_limits(name)
        try:
            with self._open(name) as stream:
                while chunk := stream.read(size):
                    yield chunk
        except _ZIP_ERRORS as exc:
            raise UnreadableMember(name, _why(exc)) from exc
