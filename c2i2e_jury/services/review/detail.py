"""One candidate as the president opens it from the review: the items, their history, the sheets, the
certification jury's decisions and the documents issued."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from c2i2e_jury.services.certification import CertificationEntry, decisions_of
from c2i2e_jury.services.jury_room import CandidateFile, DecisionChangeRow, candidate_file, history
from c2i2e_jury.services.sheet_facts import SheetFacts, sheet_facts
from c2i2e_jury.storage.certification_models import IssuedDocument
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import ResultSheet


@dataclass(frozen=True)
class SheetLine:
    version: int
    signed_at: datetime
    reopen_reason: str


@dataclass(frozen=True)
class CandidateDetail:
    """Everything the president opens on one candidate: the 28 items with the evaluator's mark and the jury's
    decision, comment and justification, each item's history, the sheets, and the certification decisions."""

    file: CandidateFile
    history: list[DecisionChangeRow]
    sheets: list[SheetLine]
    certification: list[CertificationEntry]
    documents: list[tuple[str, str, datetime, str]]  # code, kind, issued_at, revoked reason ("" in force)
    facts: SheetFacts | None = None  # the oral as the latest signed sheet states it

    def history_of(self, item: str) -> list[DecisionChangeRow]:
        return [change for change in self.history if change.item == item]


def candidate_detail(db: Database, candidate_pk: int) -> CandidateDetail:
    file = candidate_file(db, candidate_pk)
    with db.read() as session:
        sheets = [
            SheetLine(v, at, reason)
            for v, at, reason in session.execute(
                select(ResultSheet.version, ResultSheet.signed_at, ResultSheet.reopen_reason)
                .where(ResultSheet.candidate_pk == candidate_pk)
                .order_by(ResultSheet.version)
            )
        ]
        documents = [
            (code, kind, at, "" if revoked is None else (reason or "révoqué"))
            for code, kind, at, revoked, reason in session.execute(
                select(
                    IssuedDocument.code,
                    IssuedDocument.kind,
                    IssuedDocument.issued_at,
                    IssuedDocument.revoked_at,
                    IssuedDocument.revoked_reason,
                )
                .where(IssuedDocument.candidate_pk == candidate_pk)
                .order_by(IssuedDocument.pk)
            )
        ]
    return CandidateDetail(
        file,
        history(db, candidate_pk),
        sheets,
        decisions_of(db, candidate_pk),
        documents,
        sheet_facts(db, candidate_pk),
    )
