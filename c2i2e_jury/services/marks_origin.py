"""Where a candidate's evaluator marks come from (issue 17): the evaluator's signed file in force, or the
package's typed ``marks.csv`` (None). Kept light (the models only): the jury room reads it for every candidate it
opens, without loading the signature libraries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from c2i2e_jury.storage.evaluation_models import MarksFile, SignedMarks
from c2i2e_jury.storage.models import Candidate


@dataclass(frozen=True)
class MarksOrigin:
    """The signed file whose marks are in force: who signed it, when (as the file states), its name and hash."""

    evaluator: str
    signed_at: datetime
    file_name: str
    sha256: str


def marks_origin(session: Session, candidate_pk: int) -> MarksOrigin | None:
    """The signed file whose marks are in force for the candidate, or None (the package's ``marks.csv``)."""
    row = session.execute(
        select(MarksFile.evaluator, SignedMarks.signed_at, MarksFile.file_name, MarksFile.sha256)
        .join(MarksFile, MarksFile.pk == SignedMarks.file_pk)
        .where(SignedMarks.candidate_pk == candidate_pk, SignedMarks.in_force.is_(True))
    ).first()
    return MarksOrigin(row[0], row[1], row[2], row[3]) if row else None


def origin_fields(candidate: Candidate) -> tuple[datetime | None, str]:
    """When and by whom the evaluator marks in force were signed; (None, "") for a typed marks.csv (the jury
    room's candidate file, read in the candidate's own session)."""
    session = object_session(candidate)
    origin = marks_origin(session, candidate.pk) if session is not None else None
    return (origin.signed_at, origin.evaluator) if origin else (None, "")


def signed_files(session: Session, candidate_pks: list[int]) -> dict[str, bytes]:
    """The signed marks files in force for these candidates, by a file name unique among them (a room kit carries
    them in ``evaluations/`` so that the jury room verifies and shows them with their origin)."""
    rows = session.execute(
        select(MarksFile.sha256, MarksFile.file_name, MarksFile.pdf)
        .join(SignedMarks, SignedMarks.file_pk == MarksFile.pk)
        .where(SignedMarks.candidate_pk.in_(candidate_pks), SignedMarks.in_force.is_(True))
        .distinct()
    ).all()
    return {f"{sha[:12]}-{_safe(name)}": bytes(pdf) for sha, name, pdf in sorted(rows)}


def _safe(name: str) -> str:
    from c2i2e_jury.files import file_name_part

    stem = name[:-4] if name.lower().endswith(".pdf") else name
    return f"{file_name_part(stem, 'notes', lower=False)}.pdf"
