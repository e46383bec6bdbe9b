"""What a campaign package brings of the evaluator's time (issue 17), for :mod:`.campaign_import`: a room kit's
``evaluations/`` (the signed marks files, verified and imported as at the secretariat), and the rule that a
package imported again never undoes what the program recorded: the signed marks stay in force over its typed
``marks.csv``, a rework request stays asked and a redeposit stays made whatever its ``candidates.csv`` says (the
package may add facts, it may not roll recorded ones back; a contradiction is kept out and said)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import object_session

from c2i2e_jury.exchange.package.format import CandidateRecord
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.evaluation_models import ReworkRequest, SignedMarks
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


def kept_rework_facts(
    candidate: Candidate, record: CandidateRecord, sha: str | None, changes: list[str]
) -> tuple[CandidateRecord, str | None]:
    """The package's row and dossier hash as the import may apply them: when the candidate has a rework request
    recorded in the program, its flags (``rework_pending``, ``deposited``) and its dossier (the one to rework
    while the request is pending, the redeposited one after) are kept, and a sentence says what the package
    contradicted. Otherwise the package's own, unchanged."""
    request = _request_of(candidate)
    if request is None:
        return record, sha
    pending = request.redeposited_at is None
    recorded_sha = request.dossier_sha256 if pending else request.redeposited_sha256
    said = _contradictions(record, sha, pending, recorded_sha, request.dossier_sha256)
    if not said:
        return record, sha
    kept = f"{record.candidate_id} : {_recorded(request)}, enregistré dans le programme, conservé"
    changes.append(f"{kept} (le paquet indiquait : {', '.join(said)})")
    current = candidate.dossier  # the recorded one (a request and a redeposit name the candidate's dossier)
    if not recorded_sha:  # a request that came before any dossier: the package's dossier is a new fact
        return replace(record, rework_pending=pending, deposited=True), sha
    name, kept_sha = (current.file_name, current.sha256) if current else ("", None)
    return replace(record, rework_pending=pending, deposited=True, dossier=name), kept_sha


def _request_of(candidate: Candidate) -> ReworkRequest | None:
    """The candidate's request, from the campaign's read once per import (one query, not one per candidate:
    the import's transaction does not change the requests)."""
    session = object_session(candidate)
    assert session is not None
    key = ("rework requests", candidate.campaign_id)
    if key not in session.info:
        session.info[key] = {
            r.candidate_pk: r
            for r in session.scalars(
                select(ReworkRequest)
                .join(Candidate, Candidate.pk == ReworkRequest.candidate_pk)
                .where(Candidate.campaign_id == candidate.campaign_id)
            )
        }
    requests: dict[int, ReworkRequest] = session.info[key]
    return requests.get(candidate.pk)


def _contradictions(
    record: CandidateRecord, sha: str | None, pending: bool, recorded_sha: str, first_sha: str
) -> list[str]:
    said = []
    if record.rework_pending != pending:
        said.append(f"rework_pending = {'oui' if record.rework_pending else 'non'}")
    if not record.deposited:
        said.append("deposited = non")
    if recorded_sha and sha is None:
        said.append("aucun dossier")
    elif recorded_sha and sha != recorded_sha:
        said.append("le dossier d'avant le re-travail" if sha == first_sha else "un autre dossier")
    return said


def _recorded(request: ReworkRequest) -> str:
    if request.redeposited_at is None:
        return f"demande de re-travail du {request.requested_at.astimezone():%d/%m/%Y}"
    return f"dossier redéposé le {request.redeposited_at.astimezone():%d/%m/%Y} après re-travail"
