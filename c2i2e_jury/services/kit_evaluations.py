"""What a campaign package brings of the evaluator's time (issue 17), for :mod:`.campaign_import`: a room kit's
``evaluations/`` (the signed marks files, verified and imported as at the secretariat), and the rule that a
package imported again keeps the signed marks in force over its typed ``marks.csv``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import object_session

from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.evaluation_models import SignedMarks
from c2i2e_jury.storage.models import Candidate

if TYPE_CHECKING:
    from c2i2e_jury.exchange.package.reader import CampaignPackage
    from c2i2e_jury.services.campaign_import import ImportReport


def import_evaluations(db: Database, package: CampaignPackage, report: ImportReport) -> None:
    """A room kit's ``evaluations/`` (issue 17): the evaluators' signed marks files, verified and imported as
    at the secretariat, so that the jury room shows the signed marks with their origin. A file refused here is a
    warning: the kit's marks.csv still holds the same marks."""
    folder = package.root + "evaluations/"
    names = [n for n in package.members() if n.startswith(folder) and n.lower().endswith(".pdf")]
    if not names:
        return
    from c2i2e_jury.services.marks_import import import_marks_bytes

    files = [(n[len(package.root) :], package.source.read(n)) for n in names]
    for outcome in import_marks_bytes(db, files, partial=True):
        line = f"{outcome.file} : {outcome.message}"
        if outcome.status == "rejected":
            report.warnings.append(f"Notes signées refusées : {line}")
        elif outcome.status != "duplicate":
            report.changes.append(f"notes signées : {line}")


def signed_marks_in_force(candidate: Candidate) -> bool:
    """The evaluator's signed marks (issue 17) outrank a typed marks.csv: a package imported again keeps them."""
    session = object_session(candidate)
    assert session is not None
    found = session.scalar(
        select(SignedMarks.pk).where(SignedMarks.candidate_pk == candidate.pk, SignedMarks.in_force.is_(True))
    )
    return found is not None
