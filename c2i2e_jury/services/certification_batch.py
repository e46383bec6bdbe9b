"""The certification jury's batch delivery, « Délivrer selon les règles »: every candidate without a decision
in force gets what their signed sheet proposes, in one transaction, and those the jury must decide one by one
are listed with the reason.

Kept apart from :mod:`.certification` (one decision at a time): the batch works on the review's rows
(:mod:`.review.rows`), and the review's candidate detail shows the decisions of :mod:`.certification`; in one
module, the two made an import cycle.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import insert, select

from c2i2e_jury.clock import Clock, utc_now
from c2i2e_jury.services.certification import decider
from c2i2e_jury.services.review.rows import ReviewRow, review_rows
from c2i2e_jury.services.signed_proposal import difference_sentence, proposal
from c2i2e_jury.storage.certification_models import CertificationDecision
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Candidate, Oral

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchReport:
    certificates: int
    attestations: int
    unchanged: int
    skipped: dict[str, str]  # candidate id -> why nothing was delivered


UNDONE = "Délivrance annulée par le jury de certification : à décider de nouveau, candidat par candidat."


def deliver_as_proposed(db: Database, campaign_id: str, *, by: str = "", now: Clock = utc_now) -> BatchReport:
    """Every candidate of the campaign who has no decision in force gets what their signed sheet proposes;
    those the rules or their sheet hold back are listed with the reason, and so are those whose sheet reports a
    suspicion of fraud or plagiarism and those whose data changed since the sheet was signed, on whom the jury
    decides one by one. One transaction and one bulk insert: thousands of candidates at once.

    The proposals are the review's (the rules on each signed sheet's facts); the sheet conditions are those of
    :func:`.certification.deliver`."""
    counts = {"certificate": 0, "attestation": 0, "unchanged": 0}
    skipped: dict[str, str] = {}
    rows = review_rows(db, campaign_id)
    moment = now()
    with db.session() as session:
        by = decider(session, campaign_id, by)
        reopened = set(
            session.scalars(
                select(Oral.candidate_pk)
                .join(Candidate)
                .where(Candidate.campaign_id == campaign_id, Oral.locked.is_(False))
            )
        )
        decided = set(
            session.scalars(
                select(CertificationDecision.candidate_pk)
                .join(Candidate)
                .where(Candidate.campaign_id == campaign_id)
            )
        )
        new = []
        for row in rows:
            kind = proposal(row.proposed)
            problem = _batch_problem(row, kind, row.pk in reopened)
            if row.decision == "delivery_undone":  # the president took it back: theirs to decide again
                skipped[row.candidate_id] = UNDONE
            elif row.decision is not None or row.pk in decided:
                counts["unchanged"] += 1
            elif problem is not None or kind is None:
                skipped[row.candidate_id] = problem or row.proposed.explanation
            else:
                new.append(
                    {
                        "candidate_pk": row.pk,
                        "kind": kind,
                        "reason": "",
                        "validated": ",".join(row.proposed.validated),
                        "decided_at": moment,
                        "decided_by": by,
                        "sheet_version": row.sheet_version,
                        "sheet_proposal": kind,
                        "basis": "sheet",
                    }
                )
                counts[kind] += 1
        if new:
            session.execute(insert(CertificationDecision), new)
    log.info(
        "certification jury: %d certificates, %d attestations delivered as proposed by %s",
        counts["certificate"],
        counts["attestation"],
        by,
    )
    return BatchReport(counts["certificate"], counts["attestation"], counts["unchanged"], skipped)


def _batch_problem(row: ReviewRow, kind: str | None, reopened: bool) -> str | None:
    if row.changed and row.signed is not None and row.sheet_version is not None:
        return difference_sentence(row.sheet_version, row.signed, row.outcome)
    if kind is None:
        return None
    if row.plagiarism:
        return "Suspicion de fraude ou de plagiat signalée : à décider par le jury de certification."
    if row.sheet_version is None:
        return "Aucune feuille de résultats signée de ce candidat n'est dans la base."
    if reopened:
        return "La feuille de résultats de ce candidat a été rouverte : attendez la nouvelle version signée."
    if row.conflict:
        return "Une feuille de résultats en conflit attend une décision pour ce candidat : réglez-la d'abord."
    return None
