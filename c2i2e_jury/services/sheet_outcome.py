"""What the import of one sheet came to: an outcome per file, its status among :data:`STATUSES`, and the batch's
one-line summary (the report that lists them is written by :mod:`c2i2e_jury.services.sheet_import`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

STATUSES = ("imported", "duplicate", "superseded", "conflict", "rejected")
STATUS_LABELS = {
    "imported": "importée",
    "duplicate": "doublon",
    "superseded": "ancienne version",
    "conflict": "conflit",
    "rejected": "refusée",
}


@dataclass(frozen=True)
class SheetImportOutcome:
    file: str
    status: str  # one of STATUSES
    candidate_id: str | None
    version: int | None
    message: str
    reason: str = ""  # for a rejected file: SheetRejected's reason code, or unknown_candidate, not_found, …

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


def rejected(
    label: str, reason: str, message: str, candidate: str | None = None, version: int | None = None
) -> SheetImportOutcome:
    return SheetImportOutcome(label, "rejected", candidate, version, message, reason)


def summary(outcomes: Sequence[SheetImportOutcome]) -> str:
    """« 12 importées, 1 doublon, … » in the order of :data:`STATUSES`."""
    plural = {
        "imported": "importées",
        "duplicate": "doublons",
        "superseded": "anciennes versions",
        "conflict": "conflits",
        "rejected": "refusées",
    }
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in STATUSES}
    parts = [f"{n} {STATUS_LABELS[s] if n == 1 else plural[s]}" for s, n in counts.items() if n]
    return ", ".join(parts) if parts else "aucun fichier"
