"""What a sheet import takes in: files, folders (recursively) and the PDFs inside ``.zip`` files, each read only
when its turn comes; what cannot be read (a zip inside a zip, an encrypted member, a file too big to be a sheet)
is refused with its reason, the others go on."""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from c2i2e_jury.services.sheet_outcome import SheetImportOutcome, rejected

MAX_SHEET_BYTES = 50 * 1024 * 1024  # a sheet is about 150 KB; anything this big is not one


@dataclass(frozen=True)
class Source:
    label: str
    read: Callable[[], bytes]


def _hidden(name: str) -> bool:
    """Files a USB key collects on its own: macOS' ``._*`` and ``__MACOSX``, Windows' ``Thumbs.db``."""
    return name.startswith(".") or name == "__MACOSX"


def _read_file(path: Path) -> bytes:
    if path.stat().st_size > MAX_SHEET_BYTES:
        raise OSError(0, "fichier trop volumineux pour une feuille de résultat")
    return path.read_bytes()


class MemberRefused(OSError):
    """A zip member this program cannot read (encrypted, unknown compression): that member is refused, why."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(0, message)
        self.reason = reason
        self.message = message


ENCRYPTED_FLAG = 0x1  # general purpose bit 0 of a zip member: encrypted


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    if member.flag_bits & ENCRYPTED_FLAG:
        raise MemberRefused(
            "encrypted",
            "Fichier chiffré (protégé par un mot de passe) dans l'archive : "
            "refaites l'archive sans mot de passe.",
        )
    if member.file_size > MAX_SHEET_BYTES:
        raise OSError(0, "fichier trop volumineux pour une feuille de résultat")
    try:
        return archive.read(member)
    except NotImplementedError as exc:  # compression method zipfile does not know (e.g. 99, AES)
        raise MemberRefused(
            "unsupported_compression",
            "Méthode de compression non prise en charge dans l'archive : refaites-la avec la "
            "compression standard (Deflate).",
        ) from exc
    except RuntimeError as exc:  # zipfile's « is encrypted, password required »
        raise MemberRefused(
            "encrypted",
            "Fichier chiffré (protégé par un mot de passe) dans l'archive : "
            "refaites l'archive sans mot de passe.",
        ) from exc
    except (zlib.error, EOFError) as exc:
        raise MemberRefused("unreadable", f"Fichier endommagé dans l'archive : {exc}.") from exc


def _zip_sources(
    path: Path, label: str, stack: ExitStack
) -> list[Source | SheetImportOutcome] | SheetImportOutcome:
    """The PDFs of a zip; a zip inside it is refused with its reason (not opened: unzip it first)."""
    try:
        archive = stack.enter_context(zipfile.ZipFile(path))
        members = [
            m
            for m in archive.infolist()
            if not m.is_dir()
            and m.filename.lower().endswith((".pdf", ".zip"))
            and not any(_hidden(part) for part in m.filename.split("/"))
        ]
    except (OSError, zipfile.BadZipFile) as exc:
        return rejected(label, "unreadable", f"Archive .zip illisible : {exc}.")
    items: list[Source | SheetImportOutcome] = []
    for member in sorted(members, key=lambda m: m.filename):
        member_label = f"{label}/{member.filename}"
        if member.filename.lower().endswith(".zip"):
            items.append(
                rejected(
                    member_label,
                    "nested_zip",
                    "Archive .zip dans une archive .zip : elle n'est pas ouverte, décompressez-la d'abord.",
                )
            )
        else:
            items.append(Source(member_label, partial(_read_member, archive, member)))
    return items


def _folder_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        found += [
            Path(root) / f for f in sorted(files) if not _hidden(f) and f.lower().endswith((".pdf", ".zip"))
        ]
    return sorted(found)


def collect(paths: Iterable[Path | str], stack: ExitStack) -> list[Source | SheetImportOutcome]:
    """Every sheet under ``paths``: files, folders (recursively) and the PDFs inside ``.zip`` files."""
    items: list[Source | SheetImportOutcome] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _folder_files(path)
        elif path.is_file():
            files = [path]
        else:
            items.append(rejected(str(path), "not_found", "Fichier ou dossier introuvable."))
            continue
        for file in files:
            if file.suffix.lower() == ".zip":
                found = _zip_sources(file, str(file), stack)
                items += [found] if isinstance(found, SheetImportOutcome) else found
            else:
                items.append(Source(str(file), partial(_read_file, file)))
    return items
