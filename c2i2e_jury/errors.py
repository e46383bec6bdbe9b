"""Errors that come from the world (a bad file, a wrong passphrase, a full disk) as opposed to bugs.

A :class:`UserError` carries one sentence for the user and is shown as such, on the command line and in the
UI; anything else is a bug: logged with its traceback, and shown as "an internal error" with the log's path.
Each subsystem subclasses it.
"""

from __future__ import annotations

import errno


class UserError(Exception):
    """An error the user can understand and act on; ``str(error)`` is one clear sentence."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: list[str] = list(details or [])

    def __str__(self) -> str:
        return self.message


# The errors the world gives when a file is read or written, in French: ``strerror`` speaks the system's
# language (« Permission denied »), which would sit in the middle of a French sentence.
_OS_ERRORS = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "accès refusé",
    errno.EPERM: "accès refusé",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EISDIR: "c'est un dossier",
    errno.ENOSPC: "le disque est plein",
    errno.EROFS: "le disque est en lecture seule",
    errno.EEXIST: "le fichier existe déjà",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EIO: "erreur de lecture ou d'écriture du support (clé retirée ou défectueuse ?)",
    errno.EBUSY: "fichier ou support occupé",
    errno.ENOTEMPTY: "le dossier n'est pas vide",
    errno.EINVAL: "nom ou opération invalide",
    errno.EXDEV: "déplacement impossible d'un support à un autre",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.EDQUOT: "le quota du disque est atteint",
    errno.EFBIG: "fichier trop grand pour ce support",
    errno.ELOOP: "trop de liens symboliques",
}


def os_error_text(error: OSError) -> str:
    """What went wrong with a file, in French, to end a French sentence (« … : le disque est plein. »).

    The one place the program turns an ``OSError`` into words: reading, writing, moving a file alike."""
    known = _OS_ERRORS.get(error.errno or -1)
    if known:
        return known
    if error.errno:
        return f"erreur du système n° {error.errno}"
    return "erreur du système"
