"""The sheet the jurors are about to sign, drawn before anyone signs (issue 12 §1): what they read is what they
sign. The same content and layout as the signed sheet (:func:`~c2i2e_jury.services.sheet_signing.result_for`,
:func:`~c2i2e_jury.exchange.sheet_pdf.render_sheet`), with the jury's two jurors as the campaign package names
them: the signed sheet names its signers, in the order they sign."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.credential_choice import jury_signers
from c2i2e_jury.services.sheet_signing import check_signable, result_for, stopping_event
from c2i2e_jury.storage.database import Database

UNKNOWN = "0" * 64  # a juror the package names without a certificate: the preview prints names only


def preview_sheet(db: Database, candidate_pk: int, now: datetime | None = None) -> bytes:
    """The unsigned sheet of the candidate's next version, as both jurors will sign it (nothing is written)."""
    from c2i2e_jury.exchange.sheet_pdf import render_sheet

    return render_sheet(preview_result(db, candidate_pk, now), referential())


def preview_result(db: Database, candidate_pk: int, now: datetime | None = None) -> dict[str, Any]:
    """The content of the preview: the signing worker draws it (:meth:`SigningWorker.render`)."""
    moment = (now or datetime.now(UTC)).astimezone()
    members = list(jury_signers(db, candidate_pk).members)
    members = (members + [("Juré 1", ""), ("Juré 2", "")][len(members) :])[:2]
    jurors = [{"name": name, "fingerprint": print_ or UNKNOWN} for name, print_ in members]
    stop = stopping_event(db, check_signable(db, candidate_pk), moment)
    return result_for(db, candidate_pk, jurors, moment, stop=stop)
