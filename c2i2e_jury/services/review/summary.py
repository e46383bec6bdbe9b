"""The campaign's summary for the student records (CSV, XLSX or JSON): each candidate's status, counts, the
certification jury's decision, the document's code, the flags and every item, as the review shows them."""

from __future__ import annotations

from collections.abc import Sequence

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.domain.rules import Status
from c2i2e_jury.exchange.summary_export import SummaryLine, export
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.review.rows import ReviewRow, review_rows
from c2i2e_jury.storage.database import Database

FLAG_LABELS = {
    "borderline": "limite (21–24)",
    "reversed": "décision inversée",
    "plagiarism": "plagiat signalé",
    "changed": "données modifiées depuis la feuille",
    "conflict": "feuille en conflit",
    "missing_sheet": "feuille manquante",
}
STATUS_LABELS = {
    Status.NOT_ADMITTED: "non admis",
    Status.AWAITING: "oral non passé",
    Status.IN_PROGRESS: "en cours",
    Status.EXAMINED: "examiné",
    Status.ABSENT: "absent (abandon)",
    Status.ANNULLED: "annulé (plagiat)",
}
DECISION_LABELS = {
    "certificate": "certificat délivré",
    "attestation": "attestation partielle",
    "annulment": "annulé pour plagiat",
    "annulment_lifted": "annulation levée",
    "delivery_undone": "délivrance annulée",
}


def item_marks(row: ReviewRow, ref: Referential) -> dict[str, str]:
    """Each item as the summary shows it: ``acquis`` (an earlier campaign), ``V``, ``NV`` (examined, not
    validated) or ``""`` (not examined, or not decided yet)."""
    proposed = row.proposed
    acquired, validated, undecided = set(proposed.acquired), set(proposed.validated), set(proposed.undecided)
    heard = proposed.status in (Status.EXAMINED, Status.IN_PROGRESS)
    marks = {}
    for code in ref.codes:
        if code in acquired:
            marks[code] = "acquis"
        elif code in validated:
            marks[code] = "V"
        else:
            marks[code] = "NV" if heard and code not in undecided else ""
    return marks


def summary_lines(rows: Sequence[ReviewRow], ref: Referential | None = None) -> list[SummaryLine]:
    ref = ref or referential()
    return [
        SummaryLine(
            row.candidate_id,
            row.last_name,
            row.first_name,
            row.status.value,
            STATUS_LABELS[row.status],
            row.proposed.validated_count,
            dict(row.proposed.missing_by_domain),
            row.proposed.certificate,
            row.decision or "",
            DECISION_LABELS.get(row.decision or "", ""),
            row.document_code or "",
            tuple(FLAG_LABELS[f] for f in row.flags),
            item_marks(row, ref),
            tuple(row.flags),
        )
        for row in rows
    ]


def summary_bytes(db: Database, campaign_id: str, fmt: str) -> bytes:
    """The campaign's summary as CSV, XLSX or JSON (:mod:`c2i2e_jury.exchange.summary_export`)."""
    ref = referential()
    lines = summary_lines(review_rows(db, campaign_id, ref), ref)
    return export(lines, fmt, ref.codes, [d.code for d in ref.domains], campaign_id)
