"""What the jury room checks of a juror's credential file before its passphrase is asked (issue 12 §2–§5): the
chooser of juror 2 starts where juror 1's file was, lists neither the authority's nor the president's file and
refuses them by hand; a file whose public certificate is not one of the jury's two jurors (or is revoked, or out
of its validity) is turned down at once; the passphrase question names the person."""

from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject

from c2i2e_jury.exchange.credential_files import Certified
from c2i2e_jury.services.credential_choice import (
    JurySigners,
    file_refusal,
    not_a_jurors,
    peeked,
    person_of,
)
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.signing.credential_prompt import FileChecks
from c2i2e_jury.ui.text import fill


class JurorChecks(QObject):
    def __init__(
        self,
        parent: QObject | None,
        db: Database,
        candidate_pk: int,
        now: datetime | None,
        signers: JurySigners,
    ) -> None:
        super().__init__(parent)
        self.db, self.pk, self.now, self.signers = db, candidate_pk, now, signers

    def for_juror(self, juror: int, earlier: Certified | None, earlier_file: Path | None) -> FileChecks:
        """The checks of juror ``juror``'s file, after ``earlier`` (juror 1's credential, from ``earlier_file``)."""
        return FileChecks(
            start=functools.partial(self.start, earlier_file),
            hide=self.hide,
            before=functools.partial(self.before, earlier, earlier_file),
            describe=functools.partial(self.describe, juror, earlier),
        )

    @staticmethod
    def start(earlier_file: Path | None, remembered: str) -> str:
        """Juror 2's chooser opens in the folder juror 1's file came from (jurors carry theirs on the same key),
        on juror 2's remembered file when it is there."""
        if earlier_file is None:
            return remembered
        folder = earlier_file.parent
        if remembered and Path(remembered).parent == folder and Path(remembered) != earlier_file:
            return remembered
        return str(folder)

    def hide(self, path: str) -> bool:
        return not_a_jurors(path, self.signers) is not None

    def before(
        self, earlier: Certified | None, earlier_file: Path | None, path: Path
    ) -> tuple[str, str] | None:
        if earlier is not None:
            seen = peeked(path)
            if path == earlier_file or (seen is not None and seen.fingerprint == earlier.fingerprint):
                return self.tr("Same credential"), self.tr(
                    "This is juror 1's credential: juror 2 signs with their own."
                )
        refusal = file_refusal(self.db, self.pk, path, self.signers, earlier, self.now)
        return None if refusal is None else (self.tr("Credential refused"), refusal)

    def describe(self, juror: int, earlier: Certified | None, path: Path) -> tuple[str, str]:
        """The passphrase question names whose credential it opens (« Nadia Benali, juré(e) 2 »): the package
        does not say whether a juror is a man or a woman."""
        title = fill(self.tr("Juror %1: passphrase"), juror)
        person = person_of(path, self.signers, earlier)
        if person is None:
            return title, fill(self.tr("Passphrase of %1 (%2):"), path.name, self.signers.jury or "-")
        return title, fill(self.tr("Passphrase of %1, juror %2 (file %3):"), person, juror, path.name)
