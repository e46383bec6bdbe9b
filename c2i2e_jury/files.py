"""Files that are whole or absent: what the program writes for people to keep (exported sheets on a USB key,
credentials, reports, summaries) and the dossiers it stores must survive a crash, a power cut or a key pulled
out too early.

Every such file is written to a temporary file beside its target, flushed to the device, renamed over the
target (a rename is atomic within a folder), and then the folder itself is flushed, so that the rename too has
reached the device. A failure at any step leaves the target as it was and no temporary file behind. One
implementation, so that a fix (another file system's quirk) is made once. The names of those files follow one
rule too (:func:`file_name_part`): ASCII that every file system accepts, each letter transliterated, none dropped.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

# Letters that Unicode does not decompose into a base letter and a mark, read as a French reader would type them.
_LATIN = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "Ð": "D",
        "ð": "d",
        "Ø": "O",
        "ø": "o",
        "Ħ": "H",
        "ħ": "h",
        "Ŧ": "T",
        "ŧ": "t",
        "ı": "i",
        "ĸ": "k",
        "Ŋ": "N",
        "ŋ": "n",
        "ƒ": "f",
        "Ɓ": "B",
        "ɓ": "b",
        "Ƌ": "D",
        "ƌ": "d",
        "Ɨ": "I",
        "ɨ": "i",
        "Ƶ": "Z",
        "ƶ": "z",
        "Ǥ": "G",
        "ǥ": "g",
        "Ȼ": "C",
        "ȼ": "c",
        "Ƀ": "B",
        "ƀ": "b",
        "Ɇ": "E",
        "ɇ": "e",
        "Œ": "OE",
        "œ": "oe",
        "Æ": "AE",
        "æ": "ae",
        "ß": "ss",
        "Þ": "Th",
        "þ": "th",
        "ʼ": "'",
        "’": "'",
    }
)
Target = Path | Callable[[], Path]  # a callable: the name is known once the content is written (its hash)


def ascii_letters(text: str) -> str:
    """``text`` in ASCII, every letter kept as its Latin reading (``Wałęsa Łucja`` → ``Walesa Lucja``,
    ``Nguyễn`` → ``Nguyen``, ``Œhlenschläger`` → ``OEhlenschlager``); what has no Latin reading is dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN)).translate(_LATIN)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def file_name_part(text: str, default: str, *, lower: bool = True, dots: bool = False) -> str:
    """A part of a file or folder name that every file system and ZIP reader accepts (Windows, FAT32 USB keys):
    ASCII letters (lowercase unless ``lower=False``), digits, ``-`` (and ``.`` inside when ``dots``), 60
    characters at most, ``default`` when nothing is left. The one rule for every name the program writes."""
    ascii_text = ascii_letters(text)
    if lower:
        ascii_text = ascii_text.lower()
    keep = r"A-Za-z0-9." if dots else r"A-Za-z0-9"
    cleaned = re.sub(f"[^{keep}]+", "-", ascii_text).strip("-.")
    return cleaned[:60].rstrip("-.") or default


def write_durably(path: Path, data: bytes, *, sync_folder: bool = True) -> None:
    """Write ``data`` to ``path``, whole or not at all. ``sync_folder=False`` when several files are written
    into one folder: the caller then calls :func:`fsync_folder` once, after the last."""
    with durable_file(path, sync_folder=sync_folder) as out:
        out.write(data)


@contextmanager
def durable_file(
    target: Target, *, folder: Path | None = None, prefix: str | None = None, sync_folder: bool = True
) -> Iterator[BinaryIO]:
    """A file open for writing whose content appears at ``target`` when the block ends without an error (the
    streaming form of :func:`write_durably`, for content that does not fit in memory)."""
    with (
        durable_path(target, folder=folder, prefix=prefix, sync_folder=sync_folder) as tmp,
        tmp.open("wb") as out,
    ):
        yield out


@contextmanager
def durable_path(
    target: Target, *, folder: Path | None = None, prefix: str | None = None, sync_folder: bool = True
) -> Iterator[Path]:
    """The path of a temporary file beside ``target``, to fill by any means (a copy the kernel makes, a file
    written by another program); when the block ends without an error, the file is flushed to the device and
    renamed to ``target``, and the folder is flushed. ``target`` may be a callable, asked once the content is
    there; ``folder`` is then where the temporary file goes, which must be the target's."""
    where = folder if folder is not None else _fixed(target).parent
    start = prefix if prefix is not None else f".{_fixed(target).name}."
    fd, name = tempfile.mkstemp(prefix=start, suffix=".tmp", dir=where)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb+") as written:
            os.fsync(written.fileno())
        final = target() if callable(target) else target
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sync_folder:
        fsync_folder(final.parent)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (the renames into it) to the device. Windows has no folder handles (its file
    systems journal the rename); a file system that refuses a folder's fsync is left at that, the files
    themselves being flushed already."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        log.debug("fsync of %s: %s", folder, exc)
    finally:
        os.close(fd)


def _fixed(target: Target) -> Path:
    if callable(target):
        raise TypeError("a target known only once written needs its folder and a prefix")
    return target
